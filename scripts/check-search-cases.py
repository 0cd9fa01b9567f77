#!/usr/bin/env python3
"""check-search-cases.py PUBLIC_DIR [CASES] -- runs the queries of CASES (default
scripts/search-cases.tsv, next to this file) on the built example site's search page in headless
Chromium. Each line: query, what to check, value (tab-separated; # starts a comment):
  link    VALUE   a result links to VALUE (or to a heading of it, VALUE#id)
  anchor  VALUE   a result links to VALUE exactly (a page's heading: /page/#id)
  nolink  VALUE   no result links to VALUE         status  VALUE   the status line contains VALUE
  first   VALUE   the first result links to VALUE  silent  -       the status line is empty
  option  VALUE   a filter option reads VALUE      mark    VALUE   a marked word in the results reads VALUE
  excerpt VALUE   an excerpt (a result's text) contains VALUE
A query may end in " ?name=value" (a filter, the sort order: " ?sortierung=neu").
Exit 0 when every case holds, 1 otherwise."""
import pathlib, sys
from search_report import run_queries

def main():
    cases_path = sys.argv[2] if len(sys.argv) > 2 else pathlib.Path(__file__).with_name("search-cases.tsv")
    cases = [line.split("\t") for line in pathlib.Path(cases_path).read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    failed = 0
    for (query, status, links, _, _, (options, marks, excerpts)), (_, check, value) in zip(run_queries(sys.argv[1], [c[0] for c in cases]), cases):
        page = [link.split("#")[0] for link in links]
        ok = {"link": lambda: value in page, "nolink": lambda: value not in page, "anchor": lambda: value in links,
              "first": lambda: page[:1] == [value], "option": lambda: value in options,
              "mark": lambda: value in marks, "excerpt": lambda: any(value in e for e in excerpts),
              "status": lambda: value in status, "silent": lambda: status == ""}[check]()
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {query!r} {check} {value!r}" + ("" if ok else f" (status {status!r}, links {links[:5]})"))
    return 1 if failed else 0

sys.exit(main())
