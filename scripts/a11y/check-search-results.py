#!/usr/bin/env python3
"""check-search-results.py PUBLIC_DIR QUERY... -- axe-core (WCAG 2.0/2.1 A and AA) on the search page
with results shown (excerpts, marks, heading lines, the filters with counts), in the light and the
dark colour scheme: check-site.sh sees the page only without a query. Run with the Python of
scripts/install-validators.sh (Selenium). Exit 0 when no query shows a violation, 1 otherwise.
Environment: SITEGEN_VALIDATORS_VENV, AXE_JS, CHROMIUM, CHROMEDRIVER, SEARCH_PATH (default suche/)."""
import functools, http.server, os, sys, sysconfig, threading, time, urllib.parse
from pathlib import Path
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN = ("const done = arguments[arguments.length - 1];"
       "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
       ".then(r => done(r.violations.map(v => v.id + ' ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))),"
       " e => done(['error ' + String(e)]));")

def main():
    root, queries = sys.argv[1], sys.argv[2:]
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args): pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    axe = Path(os.environ.get("AXE_JS") or Path(sysconfig.get_paths()["purelib"]) / "axe_playwright_python/axe.min.js").read_text()
    opts = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1024", "--lang=de-DE", "--no-first-run"):
        opts.add_argument(arg)
    opts.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    drv = webdriver.Chrome(service=Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=opts)
    drv.set_script_timeout(120)
    failed = 0
    try:
        for scheme in ("light", "dark"):
            drv.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            for q in queries:
                drv.get(f"http://127.0.0.1:{server.server_address[1]}/{os.environ.get('SEARCH_PATH', 'suche/')}?q={urllib.parse.quote(q)}")
                # The results, then their texts (excerpts) arrive after the page has loaded.
                for _ in range(50):
                    if drv.execute_script("return document.getElementById('suche-status').textContent.trim() !== ''"
                                          " && !document.querySelector('#suche-treffer[aria-busy]')"):
                        break
                    time.sleep(0.1)
                time.sleep(0.5)
                drv.execute_script(axe)
                violations = drv.execute_async_script(RUN, TAGS)
                shown = drv.execute_script("return document.querySelectorAll('#suche-treffer > li').length")
                print(f"{'ok  ' if not violations else 'FAIL'} {scheme} {q!r}: {shown} results" + "".join(f"\n     {v}" for v in violations))
                failed += bool(violations)
    finally:
        drv.quit()
        server.shutdown()
    return 1 if failed else 0

sys.exit(main())
