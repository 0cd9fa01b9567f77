#!/usr/bin/env python3
"""check_site.py PUBLIC_DIR [--base-url URL] -- the accessibility and privacy gate of the theme.

For every file of a built site:
  html   W3C Nu HTML Checker (vnu.jar) on every .html file, and on every .css file; any error fails
  axe    axe-core (tags wcag2a, wcag2aa, wcag21a, wcag21aa) in headless Chromium via Selenium,
         every page served from a local http.server on 127.0.0.1, once per colour scheme
         (light and dark; A11Y_SCHEMES=light to skip dark); any violation fails; then every page
         at a 320 px wide window: a page wider than that fails (reflow, WCAG 1.4.10)
  hosts  no src, srcset, <link href>, @import or url(...) that points to another host, in any
         text file (the site's own host, from --base-url or the home page's canonical link, is fine)
  contrast  the theme's colour pairs in assets/site.css, light and dark (contrast.py)

A file passes when every check that applies to it passed. The last line is
'a11y: N passed, M failed'; the exit code is 0 only when M is 0 (2 for usage errors).
Run scripts/install-validators.sh first; check-site.sh finds vnu.jar and axe.min.js.
"""
import argparse
import collections
import html
import json
import os
import re
import subprocess
import sys
import threading
import urllib.parse
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TEXT_SUFFIXES = {".html", ".htm", ".css", ".js", ".svg", ".xml", ".json", ".txt", ".webmanifest", ".ics"}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def rel(root: Path, p: Path) -> str:
    return p.relative_to(root).as_posix()


# ---------------------------------------------------------------- hosts
class ResourceParser(HTMLParser):
    """Collects the addresses a browser would load by itself from an HTML or SVG document."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []  # (line, what, url)
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        a = dict(attrs)
        for name, value in attrs:
            if value is None:
                continue
            if name in ("src", "poster") or (name == "data" and tag == "object"):
                self.found.append((line, f"<{tag} {name}>", value))
            elif name in ("srcset", "imagesrcset"):
                for cand in value.split(","):
                    url = cand.strip().split(" ")[0]
                    if url:
                        self.found.append((line, f"<{tag} {name}>", url))
            elif name in ("href", "xlink:href") and tag in ("link", "image", "use", "feimage", "script"):
                self.found.append((line, f"<{tag} {name}>", value))
            elif name == "style":
                for what, url in css_urls(value):
                    self.found.append((line, f"style {what}", url))
        if tag == "style":
            self._in_style = True
        _ = a

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            for what, url in css_urls(data):
                self.found.append((self.getpos()[0], what, url))


CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)


def css_urls(text):
    out = []
    for m in CSS_URL.finditer(text):
        out.append(("url(...)", next(g for g in m.groups() if g is not None)))
    for m in CSS_IMPORT.finditer(text):
        out.append(("@import", next(g for g in m.groups() if g is not None)))
    return out


# For files that are neither HTML, CSS nor SVG (feeds with escaped HTML, scripts, data): attributes
# written in the text.
TEXT_ATTR = re.compile(r"""(?<![\w-])(src|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
TEXT_LINK = re.compile(r"""<link\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def is_foreign(url: str, own_hosts: set) -> bool:
    u = url.strip()
    if u.startswith("//"):
        u = "https:" + u
    parts = urllib.parse.urlsplit(u)
    if parts.scheme.lower() not in ("http", "https"):
        return False
    return (parts.hostname or "").lower() not in own_hosts


def check_hosts(root: Path, files, own_hosts):
    problems = collections.defaultdict(list)
    for p in files:
        if p.suffix.lower() not in TEXT_SUFFIXES:
            continue
        text = p.read_text(encoding="utf-8", errors="replace")
        suffix = p.suffix.lower()
        found = []
        if suffix in (".html", ".htm", ".svg"):
            parser = ResourceParser()
            parser.feed(text)
            found = parser.found
        elif suffix == ".css":
            for what, url in css_urls(text):
                found.append((text[: text.find(url)].count("\n") + 1 if url in text else 0, what, url))
        else:
            plain = html.unescape(text) if suffix == ".xml" else text
            for m in TEXT_ATTR.finditer(plain):
                value = m.group(2) if m.group(2) is not None else m.group(3)
                urls = [c.strip().split(" ")[0] for c in value.split(",")] if m.group(1).lower() == "srcset" else [value]
                found += [(plain[: m.start()].count("\n") + 1, m.group(1), u) for u in urls]
            for m in TEXT_LINK.finditer(plain):
                found.append((plain[: m.start()].count("\n") + 1, "<link href>", m.group(1) or m.group(2) or ""))
            if suffix != ".json":
                for what, url in css_urls(plain):
                    found.append((0, what, url))
        for line, what, url in found:
            if is_foreign(url, own_hosts):
                problems[rel(root, p)].append(f"{rel(root, p)}:{line}: {what} loads '{url}' from another host")
    return problems


# ---------------------------------------------------------------- vnu
def check_vnu(root: Path, vnu_jar: str):
    """Every .html file as HTML, every .css file as CSS (one run each; errors only)."""
    messages = []
    for mode in ("--skip-non-html", "--skip-non-css"):
        cmd = ["java", "-Xss2m", "-jar", vnu_jar, "--errors-only", "--format", "json", "--stdout", mode, str(root)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode > 1 or (proc.returncode and not proc.stdout.strip()):
            raise SystemExit(f"vnu.jar failed (exit {proc.returncode}): {proc.stderr[:2000]}")
        messages += json.loads(proc.stdout)["messages"] if proc.stdout.strip() else []
    problems = collections.defaultdict(list)
    for m in messages:
        if m.get("type") not in ("error", "non-document-error"):
            continue
        url = m.get("url", "?")
        f = urllib.parse.unquote(url[5:]) if url.startswith("file:") else url
        try:
            f = rel(root, Path(f).resolve())
        except ValueError:
            pass
        problems[f].append(f"{f}:{m.get('lastLine', '?')}: vnu: {m.get('message', '').strip()}")
    return problems


# ---------------------------------------------------------------- axe
class QuietHandler(SimpleHTTPRequestHandler):
    mount = "/"

    def translate_path(self, path):
        p = urllib.parse.urlsplit(path).path
        if not p.startswith(self.mount):
            return str(Path(self.directory) / ".__outside_base_path__")
        return super().translate_path("/" + p[len(self.mount):])

    def list_directory(self, path):
        self.send_error(404)

    def log_message(self, *args):
        pass


def check_axe(root: Path, pages, axe_js_path: str, mount: str, schemes, schemes_and_checks=("reflow",)):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    handler = type("Handler", (QuietHandler,), {"mount": mount})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(root)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}{mount}"

    opts = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1024", "--lang=de-DE", "--no-first-run",
                "--disable-background-networking", "--disable-extensions"):
        opts.add_argument(arg)
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if Path(chromium).exists():
        opts.binary_location = chromium
    driver_path = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
    problems = collections.defaultdict(list)
    axe_js = Path(axe_js_path).read_text(encoding="utf-8")
    drv = webdriver.Chrome(service=Service(executable_path=driver_path), options=opts)
    try:
        drv.set_page_load_timeout(60)
        drv.set_script_timeout(120)
        print(f"axe-core {drv.execute_script(axe_js + '; return axe.version;')} in Chromium "
              f"{drv.capabilities.get('browserVersion')}, tags {','.join(AXE_TAGS)}, schemes {','.join(schemes)}, "
              f"{len(pages)} pages")
        for scheme in schemes:
            drv.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            for p in pages:
                r = rel(root, p)
                url = base + (r[: -len("index.html")] if r.endswith("index.html") else r)
                try:
                    drv.get(url)
                    drv.execute_script(axe_js)
                    res = drv.execute_async_script(
                        "const done = arguments[arguments.length - 1];"
                        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},"
                        " resultTypes: ['violations']})"
                        ".then(r => done({v: r.violations}), e => done({error: String(e)}));", AXE_TAGS)
                except Exception as e:  # noqa: BLE001 - report the page and go on
                    problems[r].append(f"{r}: axe ({scheme}): {type(e).__name__}: {str(e).splitlines()[0][:300]}")
                    continue
                if "error" in res:
                    problems[r].append(f"{r}: axe ({scheme}): {res['error']}")
                    continue
                for v in res["v"]:
                    for node in v["nodes"][:5]:
                        summary = (node.get("failureSummary") or "").replace("\n", " ")[:200]
                        problems[r].append(f"{r}: axe ({scheme}) {v['id']} [{v.get('impact')}]: "
                                           f"{' '.join(map(str, node.get('target', [])))} -- {summary}")
                    if len(v["nodes"]) > 5:
                        problems[r].append(f"{r}: axe ({scheme}) {v['id']}: {len(v['nodes']) - 5} more nodes")
        # Reflow (WCAG 1.4.10): at 320 CSS pixels nothing may make the page scroll sideways.
        if "reflow" in schemes_and_checks:
            drv.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
            drv.set_window_size(320, 800)
            for p in pages:
                r = rel(root, p)
                drv.get(base + (r[: -len("index.html")] if r.endswith("index.html") else r))
                width, inner, wide = drv.execute_script(
                    "const w = window.innerWidth;"
                    "const wide = [...document.querySelectorAll('body *')]"
                    ".filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.visually-hidden'))"
                    ".slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : ''));"
                    "return [document.documentElement.scrollWidth, w, wide];")
                if width > inner:
                    problems[r].append(f"{r}: reflow: {width} px wide at a {inner} px viewport (WCAG 1.4.10): {', '.join(wide)}")
    finally:
        drv.quit()
        server.shutdown()
        server.server_close()
    return problems


# ---------------------------------------------------------------- main
def own_hosts_of(root: Path, base_url: str):
    hosts = {"127.0.0.1", "localhost"}
    url = base_url
    if not url:
        index = root / "index.html"
        if index.exists():
            m = re.search(r'<link[^>]*rel="canonical"[^>]*href="([^"]+)"', index.read_text(encoding="utf-8", errors="replace"))
            url = m.group(1) if m else ""
    if url:
        hosts.add((urllib.parse.urlsplit(url).hostname or "").lower())
    return hosts, url


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("public_dir")
    ap.add_argument("--base-url", default="")
    ap.add_argument("--vnu-jar", required=True)
    ap.add_argument("--axe-js", required=True)
    ap.add_argument("--schemes", default=os.environ.get("A11Y_SCHEMES", "light,dark"))
    ap.add_argument("--skip", default=os.environ.get("A11Y_SKIP", ""), help="comma list of html,axe,reflow,hosts,contrast")
    a = ap.parse_args()

    root = Path(a.public_dir).resolve()
    if not root.is_dir():
        print(f"check-site: {a.public_dir} is not a directory", file=sys.stderr)
        return 2
    files = sorted(p for p in root.rglob("*") if p.is_file())
    pages = [p for p in files if p.suffix.lower() in (".html", ".htm")]
    skip = {s.strip() for s in a.skip.split(",") if s.strip()}
    own_hosts, base_url = own_hosts_of(root, a.base_url)
    mount = urllib.parse.urlsplit(base_url).path if base_url else "/"
    if not mount.endswith("/"):
        mount += "/"

    checked = {rel(root, p) for p in files if p.suffix.lower() in TEXT_SUFFIXES}
    results = {}
    if "hosts" not in skip:
        results["hosts"] = check_hosts(root, files, own_hosts)
        print(f"hosts: {len(checked)} text files, own host(s) {sorted(own_hosts - {'127.0.0.1', 'localhost'})}, "
              f"{sum(map(len, results['hosts'].values()))} foreign resources")
    css = root / "assets" / "site.css"
    if "contrast" not in skip and css.exists():
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import contrast  # noqa: E402 - the theme's colour pairs, light and dark
        results["contrast"] = collections.defaultdict(list)
        try:
            modes = contrast.schemes(css.read_text(encoding="utf-8"))
        except (ValueError, SystemExit) as e:
            modes = {}
            results["contrast"]["assets/site.css"].append(f"assets/site.css: contrast: cannot read the colour schemes: {e}")
        for fg, bg, minimum, use in contrast.PAIRS if modes else []:
            for name, v in modes.items():
                if fg not in v or bg not in v:
                    results["contrast"]["assets/site.css"].append(f"assets/site.css: contrast ({name}): --{fg} or --{bg} missing")
                elif contrast.ratio(v[fg], v[bg]) < minimum:
                    results["contrast"]["assets/site.css"].append(
                        f"assets/site.css: contrast ({name}): --{fg} on --{bg} is {contrast.ratio(v[fg], v[bg]):.2f}:1, "
                        f"needs {minimum}:1 ({use})")
        print(f"contrast: {len(contrast.PAIRS) * 2} colour pairs of assets/site.css, "
              f"{len(results['contrast'].get('assets/site.css', []))} below the minimum")
    if "html" not in skip:
        results["html"] = check_vnu(root, a.vnu_jar)
        print(f"html: vnu.jar on {len(pages)} pages and "
              f"{sum(1 for p in files if p.suffix.lower() == '.css')} stylesheets, "
              f"{sum(map(len, results['html'].values()))} errors")
    if "axe" not in skip:
        schemes = [s.strip() for s in a.schemes.split(",") if s.strip()]
        results["axe"] = check_axe(root, pages, a.axe_js, mount, schemes, () if "reflow" in skip else ("reflow",))
        print(f"axe and reflow: {sum(map(len, results['axe'].values()))} problem lines")

    failed = sorted({f for r in results.values() for f, lines in r.items() if lines})
    for f in failed:
        for kind in ("html", "axe", "hosts", "contrast"):
            for line in results.get(kind, {}).get(f, []):
                print("  " + line)
    passed = len(checked - set(failed))
    print(f"a11y: {passed} passed, {len(failed)} failed")
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
