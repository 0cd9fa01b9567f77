#!/usr/bin/env bash
# check-search.sh PUBLIC_DIR [WORD EXPECTED_PATH]
#
# Checks the site search in headless Chromium: serves PUBLIC_DIR on 127.0.0.1, opens
# /<search path>/?q=WORD and checks that the result list links to EXPECTED_PATH.
# Without WORD, it picks a word that occurs in the body of exactly one post page (the longest
# such word of the newest post) and expects that post.
#
#   SEARCH_PATH  the search page's path (default: suche/, see paths.search in site.yml)
#   CHROMIUM     the browser (default: chromium)
#
# Exit 0 when the post is found, 1 when not, 2 on usage errors or missing tools.
set -euo pipefail

[[ $# -eq 1 || $# -eq 3 ]] || { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
PUBLIC="$(realpath "$1")"
[[ -d "$PUBLIC" ]] || { echo "check-search: $1 is not a folder" >&2; exit 2; }
SEARCH_PATH="${SEARCH_PATH:-suche/}"
CHROMIUM="${CHROMIUM:-chromium}"
command -v "$CHROMIUM" >/dev/null || { echo "check-search: $CHROMIUM not found (install it, e.g. with install-validators.sh)" >&2; exit 2; }

if [[ $# -eq 3 ]]; then
  WORD="$2"; EXPECTED="$3"
else
  read -r WORD EXPECTED < <(python3 - "$PUBLIC" "$SEARCH_PATH" <<'PY'
import html.parser, pathlib, re, sys
root = pathlib.Path(sys.argv[1])

class Prose(html.parser.HTMLParser):
    """Text inside <div class="prose"> (the rendered Markdown body)."""
    def __init__(self):
        super().__init__()
        self.depth = 0
        self.text = []
    def handle_starttag(self, tag, attrs):
        if self.depth:
            if tag == "div": self.depth += 1
        elif tag == "div" and "prose" in (dict(attrs).get("class") or "").split():
            self.depth = 1
    def handle_endtag(self, tag):
        if self.depth and tag == "div": self.depth -= 1
    def handle_data(self, data):
        if self.depth: self.text.append(data)

def words(path):
    p = Prose()
    p.feed(path.read_text(encoding="utf-8"))
    return set(w for w in re.findall(r"[^\W\d_]{9,}", " ".join(p.text)))

# Post pages are the pages with BlogPosting JSON-LD; newest first. Only those in the search
# page's language (an English version has a search page of its own) and not in Leichte Sprache.
def lang(text):
    m = re.search(r'<html[^>]*\slang="([^"]+)"', text)
    return m.group(1) if m else ""
search_lang = lang((root / sys.argv[2] / "index.html").read_text(encoding="utf-8"))
posts = []
for page in root.rglob("index.html"):
    text = page.read_text(encoding="utf-8")
    m = re.search(r'"@type":"BlogPosting".*?"datePublished":"([^"]+)"', text)
    if m and lang(text) == search_lang and not str(page.relative_to(root)).startswith("leichte-sprache/"):
        posts.append((m.group(1), page))
posts = [p for _, p in sorted(posts, key=lambda x: (x[0], str(x[1])), reverse=True)]
if not posts:
    sys.exit("no post pages found")
bodies = {p: words(p) for p in posts}
for post in posts:
    for w in sorted(bodies[post], key=lambda w: (-len(w), w)):
        if sum(w in bodies[q] for q in posts) == 1:
            print(w, "/" + str(post.relative_to(root).parent) + "/")
            sys.exit(0)
sys.exit("no word occurs in only one post")
PY
)
fi
[[ -n "${WORD:-}" && -n "${EXPECTED:-}" ]] || { echo "check-search: could not pick a word" >&2; exit 2; }

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$PUBLIC" >/dev/null 2>&1 &
SERVER=$!
PROFILE="$(mktemp -d)"
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$PROFILE"; }
trap cleanup EXIT
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/')" 2>/dev/null && break
  sleep 0.1
done

QUERY="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$WORD")"
URL="http://127.0.0.1:$PORT/${SEARCH_PATH}?q=$QUERY"
echo "check-search: $URL (expecting $EXPECTED)"
"$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$PROFILE" \
    --virtual-time-budget=10000 --dump-dom "$URL" > "$PROFILE/dom.html" 2>/dev/null || true

if python3 - "$EXPECTED" "$PROFILE/dom.html" <<'PY'
import html.parser, sys
expected, dom = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()

class Results(html.parser.HTMLParser):
    """Result links in <ol id="suche-treffer"> and the text of the status line."""
    def __init__(self):
        super().__init__()
        self.inside = 0
        self.links = []
        self.in_status = False
        self.status_text = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "ol" and a.get("id") == "suche-treffer": self.inside = 1
        elif self.inside and tag == "ol": self.inside += 1
        if self.inside and tag == "a" and "badge" not in (a.get("class") or ""): self.links.append(a.get("href"))
        if a.get("id") == "suche-status": self.in_status = True
    def handle_endtag(self, tag):
        if self.inside and tag == "ol": self.inside -= 1
        if self.in_status and tag == "p": self.in_status = False
    def handle_data(self, data):
        if self.in_status: self.status_text.append(data)

r = Results()
r.feed(dom)
print("status:", "".join(r.status_text).strip() or "(empty)")
print("results:", ", ".join(h or "" for h in r.links[:10]) or "(none)")
# A result may link to a heading of the page (/page/#id): the page is found.
sys.exit(0 if expected in [(h or "").split("#")[0] for h in r.links] else 1)
PY
then
  echo "check-search: found $EXPECTED"
else
  echo "check-search: $EXPECTED NOT found for '$WORD'"
  exit 1
fi
