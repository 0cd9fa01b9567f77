#!/usr/bin/env bash
# Installs the Debian packages sitegen builds against (libcmark-gfm and its extensions, libvips for
# images, zlib for PDFs' compressed parts, and the mimalloc allocator the command links), only when they are missing. Idempotent; needs root or
# sudo for apt-get.
set -euo pipefail
need=()
for pkg in libcmark-gfm-dev libcmark-gfm-extensions-dev libvips-dev libmimalloc-dev zlib1g-dev pkg-config; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if ((${#need[@]})); then
  echo "[sitegen] installing ${need[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -q >/dev/null
  $sudo_cmd apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi
