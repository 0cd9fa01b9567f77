#!/usr/bin/env bash
# scripts/serve-browser-test.sh -- `sitegen serve` in a real browser (headless Chromium).
#
# Starts `sitegen serve` on a free port over a copy of content/ and Templates/, opens a post
# in headless Chromium (Selenium) and checks, by editing the copied files:
#   - the page reloads by itself after a content file changes, and shows the new text;
#   - a template change reloads the page;
#   - a CSS-only change swaps the stylesheet without reloading the page;
#   - a broken edit shows the error overlay (role="alertdialog", file and line) over the
#     old page, and the overlay goes away once the file is fixed;
#   - a tab in the background closes its event stream, and reloads when shown if the site changed;
#   - SIGTERM stops the server within a second while the browser holds the event stream open.
# Prints one line per check and a closing line 'serve-browser: N passed, M failed';
# exits 0 only when nothing failed (2 when the setup itself fails).
#
# Environment: SITEGEN (the binary; default: build it with
#   `swift build --scratch-path ${SITEGEN_SCRATCH:-.build-serve}`), SITEGEN_VALIDATORS_VENV
#   (venv with selenium; scripts/install-validators.sh makes it), CHROMIUM, CHROMEDRIVER.
set -uo pipefail

HERE="$(dirname "$(realpath "$0")")"
ROOT="$(realpath "$HERE/..")"
cd "$ROOT"

fail_setup() { echo "serve-browser: $*" >&2; echo "serve-browser: 0 passed, 1 failed"; exit 2; }

VENV="${SITEGEN_VALIDATORS_VENV:-$HOME/.cache/sitegen-validators-venv}"
PY="$VENV/bin/python"
if [[ ! -x "$PY" ]] || ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
   || ! "$PY" -c 'import selenium' 2>/dev/null; then
  SITEGEN_VALIDATORS_VENV="$VENV" "$HERE/install-validators.sh" >&2 || fail_setup "installing chromium/selenium failed"
fi
export SE_OFFLINE=true  # Selenium Manager must never download a driver

if [[ -z "${SITEGEN:-}" ]]; then
  SCRATCH="${SITEGEN_SCRATCH:-.build-serve}"
  swift build --scratch-path "$SCRATCH" --product sitegen >&2 || fail_setup "swift build failed"
  SITEGEN="$(swift build --scratch-path "$SCRATCH" --show-bin-path)/sitegen"
fi
[[ -x "$SITEGEN" ]] || fail_setup "no sitegen binary at $SITEGEN"

WORK="$(mktemp -d -t sitegen-serve-browser-XXXXXX)"
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill -KILL "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
cp -a content "$WORK/content"
cp -a Templates "$WORK/Templates"

"$SITEGEN" serve --port 0 --source "$WORK/content" --templates "$WORK/Templates" \
  --drafts --future --verbose --messages en >"$WORK/serve.log" 2>&1 &  # English: the URL is read from "Serving at"
SERVER_PID=$!
URL=""
for _ in $(seq 1 600); do
  URL="$(grep -o 'Serving at http://127.0.0.1:[0-9]*/' "$WORK/serve.log" | head -1 | sed 's/^Serving at //')"
  [[ -n "$URL" ]] && break
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.1
done
[[ -n "$URL" ]] || { cat "$WORK/serve.log" >&2; fail_setup "the server did not start"; }
echo "serve-browser: $("$SITEGEN" --version 2>/dev/null | head -1) serving $URL (pid $SERVER_PID)"

"$PY" - "$URL" "$WORK" "$SERVER_PID" <<'PYTHON'
import os, re, signal, sys, time, traceback

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

url, work, pid = sys.argv[1], sys.argv[2], int(sys.argv[3])
POST_FILE = os.path.join(work, "content/posts/2025/brueckensensoren-in-betrieb.md")
POST_URL = url + "blog/2025/brueckensensoren-in-betrieb/"
TEMPLATE = os.path.join(work, "Templates/post.mustache")
CSS = os.path.join(work, "Templates/assets/site.css")
passed, failed = 0, 0


def edit(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert old in text, f"{old!r} not in {path}"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


def wait(cond, timeout=15, what="condition"):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            v = cond()
            if v:
                return v
        except Exception:
            pass
        time.sleep(0.02)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def mark(drv):
    drv.execute_script("window.__sitegenTestMarker = 'still-here';")


def marked(drv):
    return drv.execute_script("return window.__sitegenTestMarker === 'still-here';")


def listening(drv):
    # The live-reload script runs and the server has greeted its event stream.
    return drv.execute_script("return !!(window.__sitegenLive && window.__sitegenLive.connected);")


def check(name, fn):
    global passed, failed
    try:
        detail = fn()
        passed += 1
        print(f"PASS {name}" + (f" ({detail})" if detail else ""))
    except Exception as e:
        failed += 1
        print(f"FAIL {name}: {e}")
        traceback.print_exc(limit=2, file=sys.stderr)


opts = webdriver.ChromeOptions()
for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--window-size=1280,1024", "--lang=de-DE", "--no-first-run",
            "--disable-background-networking", "--disable-extensions"):
    opts.add_argument(arg)
chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
if os.path.exists(chromium):
    opts.binary_location = chromium
drv = webdriver.Chrome(service=Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")),
                       options=opts)
drv.set_page_load_timeout(60)


def open_post():
    drv.get(POST_URL)
    wait(lambda: listening(drv), what="the live-reload connection")
    mark(drv)


def content_change_reloads():
    open_post()
    old = drv.find_element("tag name", "h1").text
    t0 = time.monotonic()
    edit(POST_FILE, 'title: "Sensoren überwachen Brücken', 'title: "Live im Browser: Sensoren überwachen Brücken')
    wait(lambda: not marked(drv), what="the page to reload")
    reloaded = time.monotonic() - t0
    wait(lambda: "Live im Browser" in drv.find_element("tag name", "h1").text, what="the new title")
    assert old != drv.find_element("tag name", "h1").text
    return f"save → reloaded page in {reloaded * 1000:.0f} ms"


def template_change_reloads():
    open_post()
    edit(TEMPLATE, "{{/main}}", '<p id="browser-tpl-marker">Vorlage neu</p>{{/main}}')
    wait(lambda: not marked(drv), what="the page to reload")
    wait(lambda: drv.find_elements("id", "browser-tpl-marker"), what="the template marker")


def css_change_swaps_stylesheet():
    open_post()
    before = drv.execute_script("return getComputedStyle(document.body).outlineColor;")
    edit(CSS, ":root", "body { outline: 3px solid rgb(1, 2, 3); }\n:root")
    wait(lambda: drv.execute_script("return getComputedStyle(document.body).outlineColor;") == "rgb(1, 2, 3)",
         what="the new stylesheet")
    assert marked(drv), "the page was reloaded instead of swapping the stylesheet"
    return f"outline {before} → rgb(1, 2, 3) without reload"


def broken_edit_shows_overlay_then_recovers():
    open_post()
    h1 = drv.find_element("tag name", "h1").text
    edit(POST_FILE, "date: 2025-03-18T10:00:00+01:00", "date: morgen")
    box = wait(lambda: drv.find_element("id", "sitegen-overlay"), what="the error overlay")
    assert box.get_attribute("role") == "alertdialog", box.get_attribute("role")
    label = drv.find_element("id", box.get_attribute("aria-labelledby")).text
    assert "could not be rebuilt" in label, label  # --messages en: the overlay speaks English too
    text = box.text
    assert "brueckensensoren-in-betrieb.md:3" in text, text
    assert marked(drv), "a failed build must not reload the page"
    assert drv.find_element("tag name", "h1").text == h1, "the last good page stays"
    focused = drv.execute_script("return document.activeElement && document.activeElement.closest('#sitegen-overlay') !== null;")
    assert focused, "focus moves into the alert dialog"
    edit(POST_FILE, "date: morgen", "date: 2025-03-18T10:00:00+01:00")
    wait(lambda: not marked(drv), what="the reload after the fix")
    wait(lambda: drv.execute_script("return document.readyState") == "complete", what="the page")
    assert not drv.find_elements("id", "sitegen-overlay"), "the overlay is gone after the fix"
    first = text.splitlines()[2] if len(text.splitlines()) > 2 else text
    return f"overlay said: {first[:90]}"


def hidden_tab_gives_up_its_stream_and_catches_up():
    # Browsers allow six connections per server: a background tab must not hold one. Headless
    # Chromium keeps every tab visible, so the test says "hidden" through the page's own API.
    open_post()
    set_hidden = """window.__sitegenHidden = arguments[0];
        Object.defineProperty(document, 'hidden', {configurable: true, get: function () { return window.__sitegenHidden; }});
        document.dispatchEvent(new Event('visibilitychange'));"""
    drv.execute_script(set_hidden, True)
    wait(lambda: not listening(drv), what="the hidden tab to close its stream")
    log = os.path.join(work, "serve.log")
    builds = open(log, encoding="utf-8").read().count("rebuilt")
    edit(POST_FILE, 'title: "', 'title: "Im Hintergrund: ')
    wait(lambda: open(log, encoding="utf-8").read().count("rebuilt") > builds, what="the rebuild")
    time.sleep(0.3)
    assert marked(drv), "a hidden tab must not reload"
    drv.execute_script(set_hidden, False)
    wait(lambda: not marked(drv), what="the stale tab to reload once shown")
    wait(lambda: "Im Hintergrund" in drv.find_element("tag name", "h1").text, what="the new title")


def sigterm_with_browser_connected():
    open_post()
    t0 = time.monotonic()
    os.kill(pid, signal.SIGTERM)
    while time.monotonic() - t0 < 5:
        # The server is the shell's child, not ours: a zombie counts as stopped.
        try:
            with open(f"/proc/{pid}/stat") as f:
                state = f.read().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            break
        if state in ("Z", "X"):
            break
        time.sleep(0.005)
    else:
        raise AssertionError("the server still runs 5 s after SIGTERM")
    took = time.monotonic() - t0
    assert took < 1.0, f"stopping took {took:.2f} s"
    return f"stopped {took * 1000:.0f} ms after SIGTERM"


try:
    check("page reloads after a content change", content_change_reloads)
    check("page reloads after a template change", template_change_reloads)
    check("CSS change swaps the stylesheet without reload", css_change_swaps_stylesheet)
    check("broken edit shows an accessible overlay, fix removes it", broken_edit_shows_overlay_then_recovers)
    check("a hidden tab gives its stream up and reloads when shown again", hidden_tab_gives_up_its_stream_and_catches_up)
    check("SIGTERM stops the server within 1 s with the browser connected", sigterm_with_browser_connected)
finally:
    drv.quit()
print(f"serve-browser: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PYTHON
status=$?
if [[ $status -ne 0 ]]; then
  echo "--- sitegen serve output ---" >&2
  cat "$WORK/serve.log" >&2
fi
exit $status
