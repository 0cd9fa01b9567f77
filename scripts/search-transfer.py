#!/usr/bin/env python3
"""search-transfer.py PUBLIC_DIR QUERY -- what one cold query costs: opens the search page with
?q=QUERY in headless Chromium (empty cache), records every file the page fetches and prints each
with its size after gzip -9, and the sum (issue #23's transfer targets). A result's text is loaded
when it comes near the window: WINDOW=width,height (default 1280,1024) sets the window."""
import functools, gzip, http.server, os, subprocess, sys, tempfile, threading, urllib.parse

def main():
    public, query = sys.argv[1], sys.argv[2]
    fetched = []
    class Recording(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args): pass
        def do_GET(self):
            fetched.append(urllib.parse.unquote(urllib.parse.urlsplit(self.path).path))
            super().do_GET()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Recording, directory=public))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/{os.environ.get('SEARCH_PATH', 'suche/')}?q={urllib.parse.quote(query)}"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([os.environ.get("CHROMIUM", "chromium"), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        f"--user-data-dir={profile}", "--virtual-time-budget=10000",
                        f"--window-size={os.environ.get('WINDOW', '1280,1024')}", "--dump-dom", url], capture_output=True)
    server.shutdown()
    total = 0
    for path in fetched:
        file = os.path.join(public, path.lstrip("/"))
        if os.path.isdir(file): file = os.path.join(file, "index.html")
        if not os.path.isfile(file): continue
        size = len(gzip.compress(open(file, "rb").read(), 9))
        total += size
        print(f"{size:8d}  {path}")
    print(f"{total:8d}  total ({total / 1024:.1f} KB, gzip -9) for {query!r}, {len(fetched)} requests")

main()
