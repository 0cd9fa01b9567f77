#!/usr/bin/env bash
# Image benchmark (issue #22): sitegen against Hugo on made-up camera photos. See bench/README.md.
#
#   bench/images.sh [--photos N] [--runs R] [--no-hugo]
#
# Makes N photos of 4000 × 3000 (every fifth a portrait one stored on its side with EXIF
# orientation 6, all with a camera, an owner and a GPS position), puts them three to a post
# into a copy of the example site (beside each post, as editors do), and times:
#   - sitegen, full build with empty caches (a new output folder, so no processed-image folder);
#   - sitegen, rebuild with nothing changed;
#   - sitegen, full build of a new output with the processed-image folder of the first kept
#     (as after `rm -rf public`, or the preview after a build);
#   - Hugo (bench/hugo-images), the same photos in page bundles, each resized by a render-image
#     hook to 480, 960, 1440 and 1920 px as WebP and as JPEG, with empty resource and cache folders.
# Tools take turns run by run; the table shows the median. Then it prints what a phone (390 CSS
# px wide, 3× density) downloads of the first post's three photos, against the originals.
#
# Environment: SITEGEN (default .build/release/sitegen, else .build/debug/sitegen), HUGO (hugo),
# BENCH_WORK (default /dev/shm).
set -euo pipefail
cd "$(dirname "$0")/.."
PHOTOS=30
RUNS=3
USE_HUGO=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --photos) PHOTOS="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --no-hugo) USE_HUGO=0; shift ;;
        *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
SITEGEN="${SITEGEN:-$( [[ -x .build/release/sitegen ]] && echo .build/release/sitegen || echo .build/debug/sitegen )}"
HUGO="${HUGO:-hugo}"
WORK="${BENCH_WORK:-/dev/shm}/sitegen-images-bench"
NOW=2026-11-26T12:00:00+01:00
rm -rf "$WORK"
mkdir -p "$WORK/photos" "$WORK/hugo-content"
trap 'rm -rf "$WORK"' EXIT

cc -O2 bench/make-photos.c Tests/CTestImages/test_images.c -ITests/CTestImages/include $(pkg-config --cflags --libs vips) -o "$WORK/make-photos"
"$WORK/make-photos" "$WORK/photos" "$PHOTOS" 4000 3000 92 5 1 100

# The example site with the photos, three to a post; the same pages as Hugo page bundles.
cp -r content "$WORK/content"
mkdir -p "$WORK/content/posts/2026"
posts=$(( (PHOTOS + 2) / 3 ))
for p in $(seq 1 "$posts"); do
    slug=$(printf "fotos-%02d" "$p")
    body=""
    mkdir -p "$WORK/hugo-content/$slug"
    for k in 1 2 3; do
        n=$(( (p - 1) * 3 + k ))
        if (( n > PHOTOS )); then break; fi
        file=$(printf "foto-%02d.jpg" "$n")
        cp "$WORK/photos/$file" "$WORK/content/posts/2026/$file"
        cp "$WORK/photos/$file" "$WORK/hugo-content/$slug/$file"
        body+="Absatz $k.\n\n![Foto $n]($file)\n\n"
    done
    printf -- "---\ntitle: \"Fotos %d\"\ndate: 2026-10-%02dT10:00:00+02:00\n---\n$body" "$p" "$p" > "$WORK/content/posts/2026/$slug.md"
    printf -- "---\ntitle: \"Fotos %d\"\ndate: 2026-10-%02dT10:00:00+02:00\n---\n$body" "$p" "$p" > "$WORK/hugo-content/$slug/index.md"
done

declare -A results
# Adds "wall cpu peak_MB;" of a command to results[$1].
measure() {
    local kind="$1"
    shift
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" > "$WORK/log" 2>&1 || { cat "$WORK/log"; exit 1; }
    results[$kind]+="$(awk '{ printf "%.2f %.2f %.0f", $1, $2 + $3, $4 / 1024 }' "$WORK/time");"
}
sitegen() { measure "$1" "$SITEGEN" build --source "$WORK/content" --templates Templates --output "$2" --now "$NOW" --quiet; }

for r in $(seq 1 "$RUNS"); do
    out="$WORK/s$r/public"
    sitegen full "$out"
    sitegen noop "$out"
    rm -rf "$WORK/s$r/public" "$WORK/s$r/.public.sitegen-store"
    sitegen cached "$out"
    if (( USE_HUGO )) && command -v "$HUGO" > /dev/null; then
        HUGO_RESOURCEDIR="$WORK/h$r/resources" measure hugo "$HUGO" --quiet --noBuildLock -s bench/hugo-images \
            --contentDir "$WORK/hugo-content" -d "$WORK/h$r/public" --cacheDir "$WORK/h$r/cache"
    fi
    if (( r < RUNS )); then rm -rf "$WORK/s$r" "$WORK/h$r"; fi
done

median() { tr ';' '\n' <<< "$1" | grep -v '^$' | sort -n -k"$2" | awk -v k="$2" '{ v[NR] = $k } END { print v[int((NR + 1) / 2)] }'; }
echo "| $PHOTOS photos of 4000 × 3000 | wall s | CPU s | peak MB |"
echo "|---|---|---|---|"
for kind in full noop cached hugo; do
    [[ -n "${results[$kind]:-}" ]] || continue
    echo "| $kind | $(median "${results[$kind]}" 1) | $(median "${results[$kind]}" 2) | $(median "${results[$kind]}" 3) |"
done
if [[ -n "${results[hugo]:-}" ]]; then
    awk -v s="$(median "${results[full]}" 1)" -v h="$(median "${results[hugo]}" 1)" 'BEGIN { printf "\nsitegen full / Hugo: %.2f; ", s / h }'
fi
awk -v n="$(median "${results[noop]}" 1)" -v f="$(median "${results[full]}" 1)" 'BEGIN { printf "rebuild with nothing changed / full: %.3f\n", n / f }'

# What a 390 px wide phone at 3× density downloads of the first post's photos: per <source
# type="image/webp">, the smallest width of at least 1170 px (the sizes attribute says 100vw there).
python3 - "$WORK/s$RUNS/public" "$WORK/photos" <<'PY'
import os, re, sys
site, photos = sys.argv[1], sys.argv[2]
html = open(os.path.join(site, "blog/2026/fotos-01/index.html"), encoding="utf-8").read()
picked = 0
for srcset in re.findall(r'<source type="image/webp" srcset="([^"]+)"', html):
    candidates = sorted((int(w[:-1]), url) for url, w in (c.strip().split(" ") for c in srcset.split(",")))
    width, url = next(((w, u) for w, u in candidates if w >= 1170), candidates[-1])
    picked += os.path.getsize(os.path.join(site, url.lstrip("/")))
originals = sum(os.path.getsize(os.path.join(photos, "foto-%02d.jpg" % n)) for n in (1, 2, 3))
print("phone (390 px, 3x) downloads %d KB of the first post's three photos; the originals are %d KB: %.1f %%"
      % (picked // 1000, originals // 1000, 100.0 * picked / originals))
PY
