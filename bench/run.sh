#!/usr/bin/env bash
# Build benchmark: sitegen against Hugo on a generated corpus. See bench/README.md.
#
#   bench/run.sh [--items N] [--seed S] [--runs R] [--hugo|--no-hugo] [--bench-hugo]
#                [--no-sitegen] [--no-build] [--scenarios full,noop,change]
#                [--work DIR] [--keep]
#
# Steps: generate the corpus into WORK/corpus-N, build sitegen in release mode,
# then let bench/measure.py time full build / no-change rebuild /
# one-post-changed rebuild for each tool (sitegen, and Hugo on the light site
# ../shared/hugo-light as "hugo-light", the yardstick of the speed targets) and
# print a Markdown table (also written to bench/out/results-N.md and .json).
# WORK is DIR/sitegen-bench-N, on tmpfs by default (DIR = /dev/shm), and is
# removed at the end unless --keep.
#
# Environment: SWIFT (default swift), HUGO (default hugo), PYTHON (default python3),
# BENCH_WORK (same as --work).
set -euo pipefail

usage() {
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'EOF'

Options:
  --items N        posts+events+projects in the corpus (default 10000)
  --seed S         corpus seed (default 1)
  --runs R         runs per scenario; the table shows the median (default 5)
  --hugo           require Hugo (fail if it is not installed)
  --no-hugo        do not measure Hugo
  --bench-hugo     also measure the fuller Hugo site bench/hugo as "hugo" (slower)
  --no-sitegen     do not build or measure sitegen
  --no-build       do not run swift build; use .build/release/sitegen if it exists
  --scenarios L    comma-separated subset of full,noop,change (default all)
  --work DIR       put the corpus and all outputs into DIR/sitegen-bench-N (default
                   $BENCH_WORK, else /dev/shm (tmpfs), else bench/out)
  --keep           do not remove DIR/sitegen-bench-N at the end
EOF
}

ITEMS=10000
SEED=1
RUNS=5
HUGO_MODE=auto        # auto | on | off
SITEGEN_MODE=build    # build | nobuild | off
SCENARIOS=full,noop,change
WORK_ROOT="${BENCH_WORK:-}"
KEEP=0
BENCH_HUGO=0

need_value() { [[ $# -ge 2 && -n "$2" ]] || { echo "run.sh: $1 needs a value" >&2; exit 2; }; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --items) need_value "$@"; ITEMS="$2"; shift 2 ;;
        --items=*) ITEMS="${1#*=}"; shift ;;
        --seed) need_value "$@"; SEED="$2"; shift 2 ;;
        --seed=*) SEED="${1#*=}"; shift ;;
        --runs) need_value "$@"; RUNS="$2"; shift 2 ;;
        --runs=*) RUNS="${1#*=}"; shift ;;
        --scenarios) need_value "$@"; SCENARIOS="$2"; shift 2 ;;
        --scenarios=*) SCENARIOS="${1#*=}"; shift ;;
        --work) need_value "$@"; WORK_ROOT="$2"; shift 2 ;;
        --work=*) WORK_ROOT="${1#*=}"; shift ;;
        --keep) KEEP=1; shift ;;
        --bench-hugo) BENCH_HUGO=1; shift ;;
        --hugo) HUGO_MODE=on; shift ;;
        --no-hugo) HUGO_MODE=off; shift ;;
        --no-sitegen) SITEGEN_MODE=off; shift ;;
        --no-build) SITEGEN_MODE=nobuild; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
for v in ITEMS SEED RUNS; do
    [[ "${!v}" =~ ^[0-9]+$ ]] || { echo "run.sh: --${v,,} must be a number, got '${!v}'" >&2; exit 2; }
done

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
OUT="$BENCH/out"          # logs and results (on the disk, kept)
PYTHON="${PYTHON:-python3}"
SWIFT="${SWIFT:-swift}"
HUGO="${HUGO:-hugo}"
mkdir -p "$OUT"

# The corpus and every output go to tmpfs: on this machine's ext4, creating files after a
# large deletion costs seconds of kernel time, which would measure the disk's history.
if [[ -z $WORK_ROOT ]]; then
    if [[ -d /dev/shm && -w /dev/shm ]]; then WORK_ROOT=/dev/shm; else WORK_ROOT="$OUT"; fi
fi
mkdir -p "$WORK_ROOT"
WORK="$(cd "$WORK_ROOT" && pwd)/sitegen-bench-$ITEMS"
CORPUS="$WORK/corpus-$ITEMS"
rm -rf -- "$WORK"          # what an interrupted run left behind
mkdir -p "$WORK"
cleanup() {
    if [[ $KEEP == 1 ]]; then
        echo "run.sh: kept $WORK (--keep); remove it with: rm -rf $WORK" >&2
    else
        rm -rf -- "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '\n== %s\n' "$*" >&2; }

# 1. Corpus (always regenerated: deterministic, and a clean start for the changed-post scenario).
log "generating corpus: $ITEMS items, seed $SEED -> $CORPUS"
"$PYTHON" "$BENCH/generate_corpus.py" --items "$ITEMS" --seed "$SEED" --out "$CORPUS"

# 2. sitegen (release build).
SITEGEN_ARGS=()
SITEGEN_BIN="$REPO/.build/release/sitegen"
if [[ $SITEGEN_MODE == off ]]; then
    SITEGEN_ARGS=(--sitegen-skip-reason "--no-sitegen given")
elif [[ $SITEGEN_MODE == nobuild ]]; then
    if [[ -x "$SITEGEN_BIN" ]]; then
        log "using existing $SITEGEN_BIN (--no-build)"
        SITEGEN_ARGS=(--sitegen "$SITEGEN_BIN" --templates "$REPO/Templates")
    else
        echo "sitegen: no binary at ${SITEGEN_BIN#$REPO/} and --no-build given; measuring without sitegen" >&2
        SITEGEN_ARGS=(--sitegen-skip-reason "not built yet (no ${SITEGEN_BIN#$REPO/}; --no-build)")
    fi
elif ! command -v "$SWIFT" >/dev/null 2>&1; then
    echo "sitegen: '$SWIFT' not found; measuring without sitegen" >&2
    SITEGEN_ARGS=(--sitegen-skip-reason "no Swift toolchain ($SWIFT not found)")
else
    BUILD_LOG="$OUT/swift-build.log"
    log "building sitegen: swift build -c release --product sitegen (log: ${BUILD_LOG#$REPO/})"
    # The system packages it links (cmark-gfm, mimalloc), installed when missing.
    if (cd "$REPO" && scripts/install-system-deps.sh && "$SWIFT" build -c release --product sitegen) >"$BUILD_LOG" 2>&1 && [[ -x "$SITEGEN_BIN" ]]; then
        SITEGEN_ARGS=(--sitegen "$SITEGEN_BIN" --templates "$REPO/Templates")
    else
        echo "sitegen: release build failed or produced no ${SITEGEN_BIN#$REPO/}; last lines of ${BUILD_LOG#$REPO/}:" >&2
        if [[ -s "$BUILD_LOG" ]]; then tail -n 15 "$BUILD_LOG" | sed 's/^/    /' >&2; else echo "    (log is empty)" >&2; fi
        echo "sitegen: continuing without sitegen" >&2
        SITEGEN_ARGS=(--sitegen-skip-reason "swift build failed (see ${BUILD_LOG#$REPO/})")
    fi
fi

# 3. Hugo: the light site (../shared/hugo-light, measure.py skips it with a note when it is
#    missing), and with --bench-hugo also bench/hugo.
HUGO_ARGS=()
HUGO_TOOLS=hugo-light
[[ $BENCH_HUGO == 1 ]] && HUGO_TOOLS=hugo-light,hugo
if [[ $HUGO_MODE == off ]]; then
    HUGO_ARGS=(--hugo-skip-reason "--no-hugo given")
elif command -v "$HUGO" >/dev/null 2>&1; then
    HUGO_ARGS=(--hugo "$HUGO" --hugo-tools "$HUGO_TOOLS" --hugo-light-site "$REPO/../shared/hugo-light")
elif [[ $HUGO_MODE == on ]]; then
    echo "run.sh: --hugo given but '$HUGO' is not installed (Debian: apt-get install -y hugo)" >&2
    exit 1
else
    echo "hugo: not installed (apt-get install -y hugo); measuring without Hugo" >&2
    HUGO_ARGS=(--hugo-skip-reason "not installed (apt-get install -y hugo)")
fi

# 4. Measure.
log "measuring ($RUNS run(s) per scenario)"
KEEP_ARGS=()
[[ $KEEP == 1 ]] && KEEP_ARGS=(--keep-outputs)
"$PYTHON" "$BENCH/measure.py" --corpus "$CORPUS" --work "$WORK" --logs "$OUT" --runs "$RUNS" \
    --scenarios "$SCENARIOS" "${KEEP_ARGS[@]}" \
    "${SITEGEN_ARGS[@]}" "${HUGO_ARGS[@]}" \
    --markdown "$OUT/results-$ITEMS.md" --json "$OUT/results-$ITEMS.json"
