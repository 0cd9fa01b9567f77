#!/usr/bin/env python3
"""Time sitegen and Hugo on one corpus and print a Markdown table.

Called by bench/run.sh; usable on its own:

    python3 bench/measure.py --corpus /dev/shm/sitegen-bench-1000/corpus-1000 --runs 3 \
        --sitegen .build/release/sitegen --templates Templates --hugo hugo

Tools: sitegen; "hugo-light", Hugo on the light site in ../shared/hugo-light (the
yardstick of the project's speed targets); optionally "hugo", Hugo on the fuller
reference site bench/hugo (--hugo-tools hugo-light,hugo).

Outputs, and what the tools keep beside them, go to --work, by default a folder on
tmpfs (/dev/shm/sitegen-bench-<items>; $BENCH_WORK/sitegen-bench-<items> when
BENCH_WORK is set; bench/out/sitegen-bench-<items> without /dev/shm), and are
removed at the end unless --keep-outputs. Logs stay in --logs (bench/out).

For every tool three scenarios are measured, each --runs times:

    full    full build into a new, empty output folder (each run its own); the
            tools take turns run by run (sitegen 1, hugo-light 1, sitegen 2, ...)
            so that the machine's noise hits all of them alike. On tmpfs each
            run's folder is removed right after it; elsewhere all are removed
            after the last run, so no run follows a large deletion
    noop    rebuild into the same output folder, nothing changed (after one
            untimed build of that folder)
    change  rebuild after one post changed (a different sentence is appended
            before each run; the post is restored afterwards)

Per scenario: median wall time (and min–max), median CPU time (user+sys of
the build process and its children), peak RSS (largest of the runs) and the
number of .html files in the output. A line gives the ratio of the full-build
median wall times sitegen/hugo-light, and a table per Hugo tool all ratios
sitegen/Hugo (below 1 means sitegen is faster / smaller).

Measuring uses os.wait4() on the build process, so it needs no /usr/bin/time
and reports exactly that process tree (ru_maxrss is the largest RSS of the
process or of any child it waited for).

Standard library only.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from typing import Callable, Dict, List, Optional, Sequence, Tuple

NOW = "2026-11-26T12:00:00+01:00"
SCENARIOS: List[Tuple[str, str]] = [
    ("full", "full build"),
    ("noop", "no-change rebuild"),
    ("change", "one post changed"),
]
HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------------------
# Measuring one process
# ---------------------------------------------------------------------------

@dataclasses.dataclass
class RunResult:
    wall: float          # seconds
    cpu: float           # user + system seconds of the process tree
    max_rss_kib: int     # peak resident set size, KiB
    returncode: int


def run_once(argv: Sequence[str], log: str, cwd: Optional[str] = None,
             env: Optional[Dict[str, str]] = None) -> RunResult:
    """Run argv to completion, appending its output to log, and measure it."""
    os.makedirs(os.path.dirname(os.path.abspath(log)), exist_ok=True)
    with open(log, "ab") as lf:
        lf.write(("$ " + " ".join(argv) + "\n").encode())
        lf.flush()
        start = time.perf_counter()
        proc = subprocess.Popen(list(argv), stdout=lf, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, cwd=cwd, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # tell Popen it is reaped
        lf.write(f"# exit {proc.returncode}, {wall:.3f} s\n".encode())
    return RunResult(wall=wall, cpu=usage.ru_utime + usage.ru_stime,
                     max_rss_kib=int(usage.ru_maxrss), returncode=proc.returncode)


def median(values: Sequence[float]) -> float:
    s = sorted(values)
    if not s:
        raise ValueError("median of nothing")
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def default_work_root(env: Optional[Dict[str, str]] = None, shm: str = "/dev/shm") -> str:
    """Where the benchmark's work folder goes: $BENCH_WORK, else tmpfs (/dev/shm), else bench/out.

    Outputs belong on tmpfs: on this machine's ext4, creating files after a large
    deletion costs seconds of kernel time (ext4 searches past recently deleted inodes),
    which measures the disk's history, not the tools.
    """
    env = os.environ if env is None else env
    if env.get("BENCH_WORK"):
        return os.path.abspath(env["BENCH_WORK"])
    if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK):
        return shm
    return os.path.join(HERE, "out")


def fs_type(path: str, mounts: str = "/proc/mounts") -> str:
    """Type of the file system holding path (e.g. 'tmpfs', 'ext4'; '' if unknown)."""
    path = os.path.realpath(path)
    best, kind = "", ""
    try:
        with open(mounts, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) < 3:
                    continue
                mnt = parts[1].replace("\\040", " ")
                inside = path == mnt or path.startswith(mnt.rstrip("/") + "/")
                if inside and len(mnt) >= len(best):
                    best, kind = mnt, parts[2]
    except OSError:
        pass
    return kind


def side_path(out: str, name: str) -> str:
    """A file or folder a tool keeps beside its output folder (.<out>.<name>)."""
    return os.path.join(os.path.dirname(out), f".{os.path.basename(out)}.{name}")


def count_pages(folder: str) -> int:
    """Number of .html files below folder (0 if it does not exist)."""
    n = 0
    for _, _, files in os.walk(folder):
        n += sum(1 for f in files if f.endswith(".html"))
    return n


# ---------------------------------------------------------------------------
# The changed post
# ---------------------------------------------------------------------------

def pick_post(corpus: str) -> str:
    """A deterministic, published post: the last one (by path) of the newest year."""
    posts_dir = os.path.join(corpus, "posts")
    for year in sorted(os.listdir(posts_dir), reverse=True):
        ydir = os.path.join(posts_dir, year)
        if not os.path.isdir(ydir):
            continue
        for name in sorted(os.listdir(ydir), reverse=True):
            if not name.endswith(".md"):
                continue
            path = os.path.join(ydir, name)
            with open(path, encoding="utf-8") as f:
                head = f.read(4096)
            if "\ndraft: true" not in head.split("\n---", 2)[0] + "\n":
                return path
    raise FileNotFoundError(f"no published post under {posts_dir}")


class ChangedPost:
    """Context manager: change() appends a new sentence; exit restores the file."""

    def __init__(self, path: str):
        self.path = path
        with open(path, "rb") as f:
            self.original = f.read()

    def __enter__(self) -> "ChangedPost":
        return self

    def change(self, n: int) -> None:
        text = self.original.rstrip(b"\n") + (
            f"\n\nNachtrag {n}: Die Angaben in diesem Beitrag wurden geprüft und ergänzt.\n").encode()
        with open(self.path, "wb") as f:
            f.write(text)

    def __exit__(self, *exc) -> None:
        with open(self.path, "wb") as f:
            f.write(self.original)


# ---------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------

@dataclasses.dataclass
class Tool:
    name: str
    argv: Callable[[str], List[str]]   # output folder -> command line
    version: str = ""
    env: Optional[Callable[[str], Dict[str, str]]] = None   # output folder -> extra environment

    def environ(self, out: str) -> Optional[Dict[str, str]]:
        return {**os.environ, **self.env(out)} if self.env else None


def sitegen_tool(binary: str, corpus: str, templates: Optional[str], now: str = NOW) -> Tool:
    def argv(out: str) -> List[str]:
        cmd = [binary, "build", "--source", corpus, "--output", out, "--now", now, "--quiet"]
        if templates:
            cmd += ["--templates", templates]
        return cmd
    return Tool("sitegen", argv, version=tool_version([binary, "--version"]))


def hugo_mounts(corpus: str, resource_dir: str) -> dict:
    """Hugo config overlay that mounts a sitegen corpus (see bench/hugo/config.yaml)."""
    c = os.path.abspath(corpus)
    sections = [("posts", "content/blog"), ("events", "content/veranstaltungen"),
                ("projects", "content/projekte"), ("pages", "content/seite"),
                ("fields", "content/handlungsfeld")]
    static = [("images", "static/images"), ("downloads", "static/downloads")]
    files = [("strategy.md", "content/strategie.md")]
    excluded = ["site.yml"] + [f"{d}/**" for d, _ in sections + static] + [f for f, _ in files]
    mounts = [{"source": c, "target": "content", "excludeFiles": excluded}]
    mounts += [{"source": os.path.join(c, d), "target": t} for d, t in sections + static + files
               if os.path.exists(os.path.join(c, d))]
    return {"resourceDir": os.path.abspath(resource_dir), "module": {"mounts": mounts}}


def hugo_light_tool(binary: str, corpus: str, site: str) -> Tool:
    """Hugo on the light site (../shared/hugo-light), as its README runs it.

    The corpus is its content folder as it is. The resource and cache folders (the
    README uses a new temporary folder) are kept beside the output folder, so they are
    new for every full run, on the same file system, and removed with the output.
    """
    site = site if os.path.isabs(site) else os.path.abspath(site)
    corpus = os.path.abspath(corpus)

    def argv(out: str) -> List[str]:
        return [binary, "--quiet", "--noBuildLock", "-s", site, "--contentDir", corpus, "-d", out,
                "--cacheDir", side_path(out, "hugo-cache")]

    def env(out: str) -> Dict[str, str]:
        return {"HUGO_RESOURCEDIR": side_path(out, "hugo-resources")}
    return Tool("hugo-light", argv, version=tool_version([binary, "version"]), env=env)


def hugo_tool(binary: str, corpus: str, site: str, work: str, now: str = NOW) -> Tool:
    """Hugo on the fuller reference site bench/hugo; work holds its mounts, resources and cache."""
    site = os.path.abspath(site)
    overlay = os.path.join(os.path.abspath(work), "hugo-mounts.json")
    with open(overlay, "w", encoding="utf-8") as f:
        json.dump(hugo_mounts(corpus, os.path.join(work, "hugo-resources")), f, indent=2)
    config = ",".join([os.path.join(site, "config.yaml"), overlay])
    cache = os.path.join(os.path.abspath(work), "hugo-cache")

    def argv(out: str) -> List[str]:
        return [binary, "--source", site, "--config", config, "--destination", out,
                "--clock", now, "--noBuildLock", "--cacheDir", cache, "--quiet"]
    return Tool("hugo", argv, version=tool_version([binary, "version"]))


def tool_version(argv: Sequence[str]) -> str:
    try:
        out = subprocess.run(list(argv), capture_output=True, text=True, timeout=30)
        return (out.stdout or out.stderr).strip().splitlines()[0][:100] if out.returncode == 0 else ""
    except (OSError, subprocess.SubprocessError, IndexError):
        return ""


# ---------------------------------------------------------------------------
# Scenarios
# ---------------------------------------------------------------------------

@dataclasses.dataclass
class Stat:
    wall: List[float] = dataclasses.field(default_factory=list)
    cpu: List[float] = dataclasses.field(default_factory=list)
    rss: List[int] = dataclasses.field(default_factory=list)   # KiB
    pages: int = 0
    error: str = ""

    def add(self, r: RunResult) -> None:
        self.wall.append(r.wall)
        self.cpu.append(r.cpu)
        self.rss.append(r.max_rss_kib)

    def to_json(self) -> dict:
        d = dataclasses.asdict(self)
        if self.wall:
            d.update(wall_median=median(self.wall), cpu_median=median(self.cpu), rss_max_kib=max(self.rss))
        return d


@dataclasses.dataclass
class Target:
    """A tool with its output folder and log."""
    tool: Tool
    out: str
    log: str


def full_runs(targets: Sequence[Target], runs: int, progress=lambda msg: None,
              keep_until_end: Optional[bool] = None) -> Dict[str, Stat]:
    """The full-build scenario: the tools take turns run by run (a1, b1, a2, b2, ...).

    Each run writes into a new folder of its own (<out>.full-runs/<i>/, with what the tool
    keeps beside its output). Taking turns lets the machine's noise (another process, the
    CPU's clock) hit every tool alike. On tmpfs each run's folder is removed right after
    the run (the memory it takes); elsewhere all of them are kept until the last run:
    deleting the last output right before the next run measured the disk more than the
    tools (ext4 without a journal then searches past every recently deleted inode for each
    file it creates, and each run was slower than the one before, e.g. 15.3 -> 26.6 s).
    A tool whose run fails is not run again.
    """
    stats = {t.tool.name: Stat() for t in targets}
    keep = {}
    for t in targets:
        shutil.rmtree(t.out + ".full-runs", ignore_errors=True)
        os.makedirs(t.out + ".full-runs")
        keep[t.tool.name] = (fs_type(t.out + ".full-runs") != "tmpfs"
                             if keep_until_end is None else keep_until_end)
    for i in range(1, runs + 1):
        for t in targets:
            stat, name = stats[t.tool.name], t.tool.name
            if stat.error:
                continue
            run_dir = os.path.join(t.out + ".full-runs", str(i))
            run_out = os.path.join(run_dir, os.path.basename(t.out))
            os.makedirs(run_dir)
            r = run_once(t.tool.argv(run_out), t.log, env=t.tool.environ(run_out))
            if r.returncode != 0:
                stat.error = f"exit {r.returncode} (see {os.path.relpath(t.log)})"
                progress(f"{name}: full run {i}/{runs} FAILED with exit {r.returncode}; log: {t.log}")
            else:
                stat.add(r)
                stat.pages = count_pages(run_out)
                progress(f"{name}: full run {i}/{runs}: {r.wall:.2f} s wall, {r.cpu:.2f} s CPU, "
                         f"{r.max_rss_kib / 1024:.0f} MiB")
            if not keep[name]:
                shutil.rmtree(run_dir, ignore_errors=True)
    for t in targets:
        shutil.rmtree(t.out + ".full-runs", ignore_errors=True)
    return stats


def measure_tools(targets: Sequence[Target], corpus: str, runs: int,
                  scenarios: Sequence[str] = ("full", "noop", "change"),
                  progress=lambda msg: None,
                  keep_until_end: Optional[bool] = None) -> Dict[str, Dict[str, Stat]]:
    """All scenarios for all tools: the full builds taking turns, then each tool's rebuilds."""
    results: Dict[str, Dict[str, Stat]] = {t.tool.name: {} for t in targets}
    post = pick_post(corpus) if "change" in scenarios else None
    if "full" in scenarios:
        for name, stat in full_runs(targets, runs, progress, keep_until_end).items():
            results[name]["full"] = stat

    for t in targets:
        tool, out, log, res = t.tool, t.out, t.log, results[t.tool.name]
        if "full" in res and res["full"].error:
            for later, _ in SCENARIOS[1:]:
                if later in scenarios:
                    res[later] = Stat(error="skipped: full build failed")
            continue

        def build(stat: Stat, scenario: str, i: int) -> bool:
            r = run_once(tool.argv(out), log, env=tool.environ(out))
            if r.returncode != 0:
                stat.error = f"exit {r.returncode} (see {os.path.relpath(log)})"
                progress(f"{tool.name}: {scenario} run {i}/{runs} FAILED with exit {r.returncode}; log: {log}")
                return False
            stat.add(r)
            progress(f"{tool.name}: {scenario} run {i}/{runs}: {r.wall:.2f} s wall, {r.cpu:.2f} s CPU, "
                     f"{r.max_rss_kib / 1024:.0f} MiB")
            return True

        def prepare() -> bool:
            return run_once(tool.argv(out), log, env=tool.environ(out)).returncode == 0

        for scenario in ("noop", "change"):
            if scenario not in scenarios:
                continue
            stat = res.setdefault(scenario, Stat())
            if scenario == "noop":
                # A build of this corpus by this binary first (not timed).
                shutil.rmtree(out, ignore_errors=True)
                if not prepare():
                    stat.error = "could not prepare the output folder"
                    continue
                for i in range(1, runs + 1):
                    if not build(stat, scenario, i):
                        break
            else:
                assert post is not None
                if not os.path.isdir(out) and not prepare():    # needs a previous build
                    stat.error = "could not prepare the output folder"
                    continue
                with ChangedPost(post) as cp:
                    for i in range(1, runs + 1):
                        cp.change(i)
                        if not build(stat, scenario, i):
                            break
            stat.pages = count_pages(out)
    return results


def measure_tool(tool: Tool, corpus: str, out: str, runs: int, log: str,
                 scenarios: Sequence[str] = ("full", "noop", "change"),
                 progress=lambda msg: None, keep_until_end: Optional[bool] = None) -> Dict[str, Stat]:
    """measure_tools() for one tool."""
    return measure_tools([Target(tool, out, log)], corpus, runs, scenarios, progress,
                         keep_until_end)[tool.name]


# ---------------------------------------------------------------------------
# Table
# ---------------------------------------------------------------------------

def _fmt_s(x: float) -> str:
    return f"{x:.2f}"


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b > 0 else "–"


def format_table(results: Dict[Tuple[str, str], Stat], tools: Sequence[str], runs: int,
                 items: Optional[int] = None, notes: Sequence[str] = ()) -> str:
    label = dict(SCENARIOS)
    lines = []
    title = "Build benchmark" + (f": {items} items" if items else "") + f", {runs} run{'s' if runs != 1 else ''} each"
    lines += [f"### {title}", ""]
    if not tools:
        lines.append("Nothing was measured (see the notes below).")
    else:
        lines += ["| tool | scenario | wall median (s) | wall min–max (s) | CPU median (s) | peak RSS (MiB) | pages |",
                  "|---|---|---:|---:|---:|---:|---:|"]
    for tool in tools:
        for scen, _ in SCENARIOS:
            st = results.get((tool, scen))
            if st is None:
                continue
            if not st.wall:
                lines.append(f"| {tool} | {label[scen]} | {st.error or 'no data'} | | | | |")
                continue
            err = f" ({st.error})" if st.error else ""
            lines.append(
                f"| {tool} | {label[scen]} | {_fmt_s(median(st.wall))}{err} | "
                f"{_fmt_s(min(st.wall))}–{_fmt_s(max(st.wall))} | {_fmt_s(median(st.cpu))} | "
                f"{max(st.rss) / 1024:.0f} | {st.pages} |")
    line = yardstick_line(results, tools)
    if line:
        lines += ["", line]
    for hugo in (t for t in tools if t.startswith("hugo") and "sitegen" in tools):
        lines += ["", f"Ratio sitegen/{hugo} (below 1: sitegen is faster or smaller)", "",
                  "| scenario | wall | CPU | peak RSS | pages |", "|---|---:|---:|---:|---:|"]
        for scen, _ in SCENARIOS:
            a, b = results.get(("sitegen", scen)), results.get((hugo, scen))
            if a is None or b is None:
                continue
            if not a.wall or not b.wall:
                lines.append(f"| {label[scen]} | – | – | – | – |")
                continue
            lines.append(f"| {label[scen]} | {_ratio(median(a.wall), median(b.wall))} | "
                         f"{_ratio(median(a.cpu), median(b.cpu))} | {_ratio(max(a.rss), max(b.rss))} | "
                         f"{_ratio(a.pages, b.pages)} |")
    if notes:
        lines += [""] + [f"- {n}" for n in notes]
    return "\n".join(lines) + "\n"


YARDSTICK = "hugo-light"


def yardstick_line(results: Dict[Tuple[str, str], Stat], tools: Sequence[str]) -> str:
    """The line the project's speed target reads: sitegen/hugo-light, full build, median wall."""
    if "sitegen" not in tools or YARDSTICK not in tools:
        return ""
    a, b = results.get(("sitegen", "full")), results.get((YARDSTICK, "full"))
    head = f"**Full build, sitegen/{YARDSTICK} median wall time:"
    if not a or not b or not a.wall or not b.wall:
        return head + " –** (a full build failed or was not measured)"
    ma, mb = median(a.wall), median(b.wall)
    return f"{head} {_ratio(ma, mb)}** ({_fmt_s(ma)} s / {_fmt_s(mb)} s, runs taking turns)"


def machine_note() -> str:
    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        load = "load average at start %.2f %.2f %.2f" % os.getloadavg()
    except OSError:
        load = ""
    return (f"machine: {os.cpu_count()} CPUs{', ' + cpu if cpu else ''}, {platform.system()} {platform.release()}"
            f"{'; ' + load if load else ''}")


def count_items(corpus: str) -> int:
    n = 0
    for sub in ("posts", "events", "projects"):
        for _, _, files in os.walk(os.path.join(corpus, sub)):
            n += sum(1 for f in files if f.endswith(".md"))
    return n


# ---------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------

HUGO_LIGHT_SITE = os.path.join(os.path.dirname(HERE), "..", "shared", "hugo-light")   # <repo>/../shared/hugo-light
HUGO_TOOLS = ("hugo-light", "hugo")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Measure sitegen and Hugo builds of one corpus.")
    ap.add_argument("--corpus", required=True, help="content tree from generate_corpus.py")
    ap.add_argument("--work", help="folder for the outputs and what the tools keep beside them (default: "
                    "$BENCH_WORK or /dev/shm, else bench/out, + /sitegen-bench-<items>)")
    ap.add_argument("--keep-outputs", action="store_true", help="do not remove the outputs at the end")
    ap.add_argument("--logs", default=os.path.join(HERE, "out"), help="folder for the tools' logs (default bench/out)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scenarios", default="full,noop,change", help="comma-separated subset of full,noop,change")
    ap.add_argument("--sitegen", help="path of the sitegen binary (omit to skip sitegen)")
    ap.add_argument("--sitegen-skip-reason", default="", help="printed when --sitegen is not given")
    ap.add_argument("--templates", help="templates folder passed to sitegen as --templates")
    ap.add_argument("--hugo", help="hugo binary (omit to skip Hugo)")
    ap.add_argument("--hugo-skip-reason", default="", help="printed when --hugo is not given")
    ap.add_argument("--hugo-tools", default="hugo-light",
                    help="Hugo sites to measure: hugo-light (../shared/hugo-light, the yardstick) and/or "
                         "hugo (bench/hugo); default hugo-light")
    ap.add_argument("--hugo-light-site", default=HUGO_LIGHT_SITE,
                    help="the light Hugo site (default <repo>/../shared/hugo-light)")
    ap.add_argument("--hugo-site", default=os.path.join(HERE, "hugo"), help="Hugo site folder (default bench/hugo)")
    ap.add_argument("--now", default=NOW)
    ap.add_argument("--json", help="also write the raw numbers as JSON here")
    ap.add_argument("--markdown", help="also write the table here")
    args = ap.parse_args(argv)

    if args.runs < 1:
        ap.error("--runs must be at least 1")
    scenarios = [s.strip() for s in args.scenarios.split(",") if s.strip()]
    unknown = set(scenarios) - {s for s, _ in SCENARIOS}
    if unknown:
        ap.error(f"unknown scenario(s): {', '.join(sorted(unknown))}")
    hugo_tools = [h.strip() for h in args.hugo_tools.split(",") if h.strip()]
    unknown = set(hugo_tools) - set(HUGO_TOOLS)
    if unknown:
        ap.error(f"unknown Hugo tool(s): {', '.join(sorted(unknown))} (known: {', '.join(HUGO_TOOLS)})")
    corpus = os.path.abspath(args.corpus)
    if not os.path.isdir(corpus):
        ap.error(f"no corpus at {corpus}")
    items = count_items(corpus)
    tag = os.path.basename(corpus.rstrip("/"))
    work = os.path.abspath(args.work or os.path.join(default_work_root(), f"sitegen-bench-{items}"))
    created_work = not os.path.exists(work)
    os.makedirs(work, exist_ok=True)
    logs = os.path.abspath(args.logs)
    os.makedirs(logs, exist_ok=True)

    def progress(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    notes = [machine_note()]
    tools: List[Tool] = []
    if args.sitegen:
        if os.path.isfile(args.sitegen) and os.access(args.sitegen, os.X_OK):
            tools.append(sitegen_tool(os.path.abspath(args.sitegen), corpus, args.templates, args.now))
        else:
            notes.append(f"sitegen skipped: no executable at {args.sitegen}")
    else:
        notes.append("sitegen skipped" + (f": {args.sitegen_skip_reason}" if args.sitegen_skip_reason else ""))
    if args.hugo:
        binary = shutil.which(args.hugo)
        if not binary:
            notes.append(f"Hugo skipped: {args.hugo} not found")
        for name in hugo_tools if binary else ():
            if name == "hugo-light":
                if os.path.isfile(os.path.join(args.hugo_light_site, "hugo.toml")):
                    tools.append(hugo_light_tool(binary, corpus, args.hugo_light_site))
                else:
                    notes.append(f"hugo-light skipped: no Hugo site at {args.hugo_light_site} "
                                 "(no hugo.toml; it lives in shared/hugo-light beside the repository)")
            else:
                folder = os.path.join(work, f"hugo-{tag}")
                os.makedirs(folder, exist_ok=True)
                tools.append(hugo_tool(binary, corpus, args.hugo_site, folder, args.now))
    else:
        notes.append("Hugo skipped" + (f": {args.hugo_skip_reason}" if args.hugo_skip_reason else ""))

    targets: List[Target] = []
    for tool in tools:
        if tool.version:
            notes.append(f"{tool.name}: {tool.version}")
        folder = os.path.join(work, f"{tool.name}-{tag}")
        os.makedirs(folder, exist_ok=True)
        log = os.path.join(logs, f"{tool.name}-{tag}.log")
        if os.path.exists(log):
            os.remove(log)
        targets.append(Target(tool, os.path.join(folder, "site"), log))
        env = "".join(f"{k}={v} " for k, v in (tool.env(targets[-1].out) if tool.env else {}).items())
        progress(f"== {tool.name}: {env}{' '.join(tool.argv(targets[-1].out))}")
    kind = fs_type(work) or "unknown file system"
    notes.append(f"outputs: {work} ({kind}); full runs take turns between the tools"
                 + ("" if args.keep_outputs else "; removed at the end"))
    if tools and kind != "tmpfs":
        notes.append("outputs are not on tmpfs: file-system effects (e.g. ext4 after large deletions) "
                     "are in the numbers")

    results: Dict[Tuple[str, str], Stat] = {}
    try:
        for name, stats in measure_tools(targets, corpus, args.runs, scenarios, progress).items():
            for scen, stat in stats.items():
                results[(name, scen)] = stat
    finally:
        if not args.keep_outputs:
            for t in targets:
                shutil.rmtree(os.path.dirname(t.out), ignore_errors=True)
            if created_work:
                try:
                    os.rmdir(work)
                except OSError:
                    pass
    if not tools:
        notes.append("nothing was measured")
    notes.append(f"corpus: {corpus} ({items} items); changed post: "
                 f"{os.path.relpath(pick_post(corpus), corpus) if 'change' in scenarios else '–'}")

    table = format_table(results, [t.name for t in tools], args.runs, items, notes)
    print(table)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(table)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"items": items, "runs": args.runs, "corpus": corpus, "work": work, "notes": notes,
                       "results": [{"tool": t, "scenario": s, **st.to_json()} for (t, s), st in results.items()]},
                      f, indent=2, ensure_ascii=False)
    failed = any(st.error and not st.error.startswith("skipped") for st in results.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
