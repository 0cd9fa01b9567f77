#!/usr/bin/env python3
"""search-report.py PUBLIC_DIR QUERY... -- runs each query on the built site's search page in
headless Chromium and prints a Markdown table row per query: the status line, how many results the
first page shows and how many of those show a marked (<mark>) query word in their excerpt.
Used for issue #23's before/after table. A query may end in " ?name=value" (more parameters of the
page, e.g. " ?sortierung=neu"). SEARCH_PATH (default suche/), CHROMIUM (default chromium), WINDOW (default 1280,6000: tall, so every
result's text is loaded, which search.js does when a result comes near the window)."""
import html.parser, http.server, os, subprocess, sys, tempfile, threading, urllib.parse, functools

class Results(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth, self.items, self.marked, self.in_p, self.in_status = 0, 0, 0, False, False
        self.status, self.item_marked, self.links = [], False, []
        self.options, self.in_option = [], False
        self.marks, self.in_mark = [], False
        self.excerpts = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "ol" and a.get("id") == "suche-treffer": self.depth = 1
        elif self.depth and tag == "ol": self.depth += 1
        if self.depth and tag == "ul": self.depth += 1
        if self.depth == 1 and tag == "li": self.items += 1; self.item_marked = False
        if self.depth and tag == "p" and not a.get("class"): self.in_p = True; self.excerpts.append("")
        if self.depth and self.in_p and tag == "mark" and not self.item_marked:
            self.marked += 1; self.item_marked = True
        if self.depth == 1 and tag == "a": self.links.append(a.get("href"))
        if a.get("id") == "suche-status": self.in_status = True
        if tag == "option": self.in_option = True; self.options.append("")
        if self.depth and tag == "mark": self.in_mark = True; self.marks.append("")
    def handle_endtag(self, tag):
        if self.depth and tag in ("ol", "ul"): self.depth -= 1
        if tag == "p": self.in_p = False; self.in_status = False
        if tag == "option": self.in_option = False
        if tag == "mark": self.in_mark = False
    def handle_data(self, data):
        if self.in_p: self.excerpts[-1] += data
        if self.in_status: self.status.append(data)
        if self.in_option: self.options[-1] += data.strip()
        if self.in_mark: self.marks[-1] += data

def run_queries(public, queries):
    """(query, status text, result links, shown, excerpts with a mark, (filter options, marked words, excerpts)) for each query."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args): pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=public))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    path = os.environ.get("SEARCH_PATH", "suche/")
    try:
        for q in queries:
            # "QUERY ?name=value&…": more parameters of the search page (a filter, the sort order).
            text, _, extra = q.partition(" ?")
            with tempfile.TemporaryDirectory() as profile:
                url = f"http://127.0.0.1:{port}/{path}?q={urllib.parse.quote(text)}" + (f"&{extra}" if extra else "")
                dom = subprocess.run([os.environ.get("CHROMIUM", "chromium"), "--headless", "--no-sandbox", "--disable-gpu",
                                      "--no-first-run", f"--user-data-dir={profile}", "--virtual-time-budget=10000",
                                      # Tall: every result of the first page near the window, its text loaded.
                                      f"--window-size={os.environ.get('WINDOW', '1280,6000')}",
                                      "--dump-dom", url], capture_output=True, text=True).stdout
            r = Results(); r.feed(dom)
            yield q, "".join(r.status).strip(), r.links, r.items, r.marked, (r.options, r.marks, r.excerpts)
    finally:
        server.shutdown()

if __name__ == "__main__":
    print("| query | status | shown | excerpts with a marked word |\n|---|---|---|---|")
    for q, status, _, shown, marked, _ in run_queries(sys.argv[1], sys.argv[2:]):
        print(f"| {q} | {status or '(none)'} | {shown} | {marked} |", flush=True)
