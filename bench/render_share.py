#!/usr/bin/env python3
"""The share of a build's perf samples spent in the template engine and in the views (issue #18).

    perf record -F 1000 -g -o full.perf .build/release/sitegen build --source CORPUS --output OUT …
    perf script -i full.perf -F ip,sym | python3 bench/render_share.py [--top N]

A sample counts as engine when any frame of its stack is the engine's render loop
(MustacheEngine's RenderState or Renderer): what the engine calls back into (a view's value
getters) counts as engine too. Otherwise it counts as views when a frame builds a view
(LayoutContext, CardCache, StructuredData, Pagination). With --top, the most frequent innermost
frames of each are listed.
"""
import argparse
import collections
import sys

ENGINE = ("14MustacheEngine11RenderState", "14MustacheEngine8Renderer")
VIEWS = ("13LayoutContext", "9CardCache", "14StructuredData", "10Pagination")


def classify(stack):
    if any(any(mark in frame for mark in ENGINE) for frame in stack):
        return "engine"
    if any(any(mark in frame for mark in VIEWS) for frame in stack):
        return "views"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=0)
    args = parser.parse_args()
    counts = collections.Counter()
    leaves = {"engine": collections.Counter(), "views": collections.Counter()}
    stack = []

    def flush():
        if not stack:
            return
        counts["samples"] += 1
        kind = classify(stack)
        if kind:
            counts[kind] += 1
            leaves[kind][stack[0][:100]] += 1

    for line in sys.stdin:
        line = line.strip()
        if not line:
            flush()
            stack = []
            continue
        parts = line.split(None, 1)
        stack.append(parts[1] if len(parts) > 1 else parts[0])
    flush()
    n = counts["samples"]
    if n == 0:
        sys.exit("no samples: pipe `perf script -F ip,sym` of a profile recorded with -g")
    e, v = counts["engine"], counts["views"]
    print(f"samples {n}: engine {100 * e / n:.2f} %, views {100 * v / n:.2f} %, together {100 * (e + v) / n:.2f} %")
    for kind in ("engine", "views") if args.top else ():
        print(f"-- {kind}, innermost frames")
        for frame, c in leaves[kind].most_common(args.top):
            print(f"{c:6d} {frame}")


if __name__ == "__main__":
    main()
