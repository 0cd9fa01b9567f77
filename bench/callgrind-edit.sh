#!/usr/bin/env bash
# Counts the instructions of a full build and of one text edit (issue #19) with callgrind: a corpus of N items (default
# 1,000) on tmpfs, a full build, one sentence appended to a post, the rebuild. Instruction counts
# do not depend on the machine's load, so two binaries can be compared on a busy machine.
#   bench/callgrind-edit.sh [--items N] [BINARY]     (default .build/release/sitegen)
# valgrind 3.19 cannot read the debug info of Swift 6.3 binaries: the binary is measured as a copy
# without it (strip -g), which keeps the function names. The build before the edit runs under
# callgrind too, since the store beside the output is tied to the binary that wrote it.
set -euo pipefail
ITEMS=1000
if [ "${1:-}" = "--items" ]; then ITEMS="$2"; shift 2; fi
REPO="$(cd "$(dirname "$0")/.." && pwd)"
BIN="$(realpath "${1:-$REPO/.build/release/sitegen}")"
command -v valgrind >/dev/null || { echo "valgrind is missing (apt-get install valgrind)" >&2; exit 1; }
BASE=/dev/shm; [ -d "$BASE" ] || BASE="$REPO/bench/out"
WORK="$(mktemp -d "$BASE/sitegen-callgrind.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
python3 "$REPO/bench/generate_corpus.py" --items "$ITEMS" --seed 1 --out "$WORK/corpus" >/dev/null
strip -g -o "$WORK/sitegen" "$BIN"
POST="$(cd "$REPO/bench" && python3 -c "import measure, sys; print(measure.pick_post(sys.argv[1]))" "$WORK/corpus")"
build() {
  valgrind --tool=callgrind --callgrind-out-file="$1" "$WORK/sitegen" build --source "$WORK/corpus" --output "$WORK/out" \
    --now 2026-11-26T12:00:00+01:00 --quiet --templates "$REPO/Templates" >/dev/null 2>&1
}
build "$WORK/full.cg"
printf '\n\nNachtrag: Die Angaben in diesem Beitrag wurden geprüft.\n' >> "$POST"
build "$WORK/edit.cg"
OUT="${CALLGRIND_OUT:-$REPO/bench/out/callgrind-edit-$ITEMS.out}"
mkdir -p "$(dirname "$OUT")"
cp "$WORK/edit.cg" "$OUT"
cp "$WORK/full.cg" "${OUT%.out}-full.out"
millions() { callgrind_annotate "$1" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); printf "%.1f", $1 / 1e6 }'; }
echo "full build at $ITEMS items: $(millions "$WORK/full.cg") M instructions (profile: ${OUT%.out}-full.out)"
echo "one edit at $ITEMS items: $(millions "$OUT") M instructions (profile: $OUT)"
