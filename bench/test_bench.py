"""Tests for the benchmark harness (stdlib unittest; no sitegen, no Hugo needed).

    python3 -m unittest discover -s bench -p 'test_*.py' -v
    python3 -m pytest bench/test_bench.py -q            # the same, where pytest is installed
"""

from __future__ import annotations

import contextlib
import filecmp
import io
import os
import posixpath
import re
import sys
import tempfile
import unittest
import unittest.mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import generate_corpus as gc  # noqa: E402
import measure  # noqa: E402
import render_share  # noqa: E402

FRONT = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def read_corpus(root):
    docs = {}
    for dirpath, _, files in os.walk(root):
        for f in files:
            if f.endswith(".md"):
                p = os.path.join(dirpath, f)
                rel = os.path.relpath(p, root).replace(os.sep, "/")
                with open(p, encoding="utf-8") as fh:
                    m = FRONT.match(fh.read())
                assert m, f"no front matter in {rel}"
                docs[rel] = (m.group(1), m.group(2))
    return docs


class CorpusTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.a = os.path.join(cls.tmp.name, "a")
        cls.b = os.path.join(cls.tmp.name, "b")
        cls.counts = gc.generate(300, 7, cls.a)
        gc.generate(300, 7, cls.b)
        cls.docs = read_corpus(cls.a)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_deterministic(self):
        cmp = filecmp.dircmp(self.a, self.b)

        def same(c):
            self.assertFalse(c.left_only or c.right_only or c.diff_files or c.funny_files)
            for sub in c.subdirs.values():
                same(sub)
        same(cmp)
        # Compare bytes, not just stat signatures.
        for rel in self.docs:
            with open(os.path.join(self.a, rel), "rb") as x, open(os.path.join(self.b, rel), "rb") as y:
                self.assertEqual(x.read(), y.read(), rel)

    def test_other_seed_differs(self):
        with tempfile.TemporaryDirectory() as d:
            gc.generate(300, 8, d)
            self.assertNotEqual(sorted(read_corpus(d)), sorted(self.docs))

    def test_shares(self):
        self.assertEqual(self.counts["post"] + self.counts["event"] + self.counts["project"], 300)
        self.assertEqual(self.counts["project"], 30)
        self.assertEqual(self.counts["event"], 60)
        self.assertEqual(len([d for d in self.docs if d.startswith("fields/")]), 12)
        for p in ("impressum", "datenschutz", "barrierefreiheit", "leichte-sprache", "gebaerdensprache"):
            self.assertIn(f"pages/{p}.md", self.docs)
        self.assertIn("strategy.md", self.docs)

    def test_files(self):
        with open(os.path.join(self.a, "downloads", "strategie.pdf"), "rb") as f:
            pdf = f.read()
        self.assertTrue(pdf.startswith(b"%PDF-1.4"))
        self.assertTrue(pdf.rstrip().endswith(b"%%EOF"))
        xref = int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
        self.assertTrue(pdf[xref:].startswith(b"xref"))
        self.assertTrue(os.listdir(os.path.join(self.a, "images")))
        with open(os.path.join(self.a, "site.yml"), encoding="utf-8") as f:
            self.assertIn('base_url: "https://bench.example.org/"', f.read())

    def test_slugs_and_dates(self):
        slugs = [posixpath.basename(p)[:-3] for p in self.docs]
        self.assertEqual(len(slugs), len(set(slugs)))
        for rel, (fm, _) in self.docs.items():
            self.assertRegex(posixpath.basename(rel), r"^[a-z0-9-]+\.md$")
            if rel.startswith("posts/"):
                m = re.search(r"^date: (\d{4})-(\d\d)-(\d\d)T\d\d:\d\d:\d\d[+-]\d\d:\d\d$", fm, re.M)
                self.assertTrue(m, rel)
                self.assertEqual(rel.split("/")[1], m.group(1))
                self.assertLess((m.group(1), m.group(2), m.group(3)), ("2026", "11", "26"))
            if rel.startswith("events/"):
                self.assertRegex(fm, r"(?m)^start: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$")
                self.assertTrue("location:" in fm or "online:" in fm)
            if rel.startswith("projects/"):
                self.assertRegex(fm, r"(?m)^status: (idee|planung|umsetzung|abgeschlossen)$")

    def test_offsets_follow_dst(self):
        self.assertEqual(gc.berlin_offset(gc.dt.datetime(2025, 5, 12, 10)), "+02:00")
        self.assertEqual(gc.berlin_offset(gc.dt.datetime(2025, 1, 12, 10)), "+01:00")
        self.assertEqual(gc.berlin_offset(gc.dt.datetime(2025, 10, 26, 10)), "+01:00")
        self.assertEqual(gc.berlin_offset(gc.dt.datetime(2025, 3, 30, 10)), "+02:00")

    def test_bodies(self):
        drafts = {rel for rel, (fm, _) in self.docs.items() if re.search(r"(?m)^draft: true$", fm)}
        links = 0
        for rel, (fm, body) in self.docs.items():
            if rel.startswith("fields/"):
                continue
            words = len(body.split())
            self.assertGreaterEqual(words, 300, rel)
            self.assertLessEqual(words, 1600, rel)
            level = 1
            for line in body.splitlines():
                m = re.match(r"^(#+) ", line)
                if m:
                    n = len(m.group(1))
                    self.assertIn(n, (2, 3), rel)
                    self.assertLessEqual(n, level + 1, f"skipped heading level in {rel}")
                    level = n
            for target in LINK.findall(body):
                if target.startswith("/images/"):
                    self.assertTrue(os.path.exists(os.path.join(self.a, target[1:])), target)
                    continue
                path = target.split("#")[0]
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
                self.assertIn(resolved, self.docs, f"{rel} -> {target}")
                self.assertNotIn(resolved, drafts, f"{rel} links a draft")
                links += 1
        self.assertGreater(links, 300)
        text = "".join(b for _, b in self.docs.values())
        for ch in "äöüß":
            self.assertIn(ch, text)


class MeasureTests(unittest.TestCase):
    def test_median(self):
        self.assertEqual(measure.median([3, 1, 2]), 2)
        self.assertEqual(measure.median([4, 1, 2, 3]), 2.5)

    def test_run_once_measures_a_child(self):
        with tempfile.TemporaryDirectory() as d:
            r = measure.run_once([sys.executable, "-c", "x = bytearray(60 * 1024 * 1024); print('ok')"],
                                 log=os.path.join(d, "log"))
            self.assertEqual(r.returncode, 0)
            self.assertGreater(r.wall, 0)
            self.assertGreaterEqual(r.cpu, 0)
            self.assertGreater(r.max_rss_kib, 60 * 1024)
            with open(os.path.join(d, "log")) as f:
                self.assertIn("ok", f.read())

    def test_failure_is_reported(self):
        with tempfile.TemporaryDirectory() as d:
            r = measure.run_once([sys.executable, "-c", "import sys; sys.exit(3)"], log=os.path.join(d, "log"))
            self.assertEqual(r.returncode, 3)

    def test_count_pages(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "a", "b"))
            for p in ("index.html", "a/index.html", "a/b/index.html", "a/feed.xml"):
                open(os.path.join(d, p), "w").close()
            self.assertEqual(measure.count_pages(d), 3)
            self.assertEqual(measure.count_pages(os.path.join(d, "missing")), 0)

    def test_touch_post_and_restore(self):
        with tempfile.TemporaryDirectory() as d:
            gc.generate(20, 1, d)
            post = measure.pick_post(d)
            self.assertTrue(post.endswith(".md"))
            with open(post, encoding="utf-8") as f:
                before = f.read()
            with measure.ChangedPost(post) as cp:
                cp.change(1)
                with open(post, encoding="utf-8") as f:
                    first = f.read()
                cp.change(2)
                with open(post, encoding="utf-8") as f:
                    second = f.read()
            self.assertNotEqual(first, before)
            self.assertNotEqual(first, second)
            with open(post, encoding="utf-8") as f:
                self.assertEqual(f.read(), before)

    def test_full_runs_build_into_new_folders_and_clean_up(self):
        # A fake tool: notes whether its output folder was new, writes two pages and a file
        # beside the output (as sitegen does with its cache).
        script = (
            "import os, sys\n"
            "out = sys.argv[1]\n"
            "new = not os.path.exists(out)\n"
            "os.makedirs(out, exist_ok=True)\n"
            "for p in ('index.html', 'a.html'): open(os.path.join(out, p), 'w').close()\n"
            "open(os.path.join(os.path.dirname(out), '.' + os.path.basename(out) + '.cache'), 'w').close()\n"
            "open(sys.argv[2], 'a').write(out + (' new' if new else ' old') + '\\n')\n"
        )
        with tempfile.TemporaryDirectory() as d:
            corpus = os.path.join(d, "corpus")
            gc.generate(5, 1, corpus)
            calls = os.path.join(d, "calls")
            tool = measure.Tool("fake", lambda out: [sys.executable, "-c", script, out, calls])
            out = os.path.join(d, "fake-out")
            results = measure.measure_tool(tool, corpus, out, runs=3, log=os.path.join(d, "log"),
                                           scenarios=("full", "noop"))
            self.assertEqual(len(results["full"].wall), 3)
            self.assertEqual(results["full"].pages, 2)
            self.assertEqual(len(results["noop"].wall), 3)
            with open(calls) as f:
                lines = f.read().splitlines()
            full, noop = lines[:3], lines[3:]
            self.assertEqual(len({line.split()[0] for line in full}), 3, "each full run has its own folder")
            self.assertTrue(all(line.endswith(" new") for line in full), "and it is new")
            self.assertTrue(all(not line.startswith(out + " ") for line in full))
            self.assertEqual(noop[0], out + " new")                  # the untimed build
            self.assertTrue(all(line == out + " old" for line in noop[1:]))
            self.assertFalse(os.path.exists(out + ".full-runs"), "the full runs' folders are removed")

    def test_full_runs_take_turns(self):
        # Two fake tools; each notes its name, its output folder and whether the previous run's
        # folder of the same tool still exists.
        script = (
            "import os, sys\n"
            "name, out, calls = sys.argv[1:4]\n"
            "os.makedirs(out, exist_ok=True)\n"
            "open(os.path.join(out, 'index.html'), 'w').close()\n"
            "run_dir = os.path.dirname(out)\n"
            "full = os.path.basename(os.path.dirname(run_dir)).endswith('.full-runs')\n"
            "state = 'rebuild'\n"
            "if full:\n"
            "    prev = os.path.join(os.path.dirname(run_dir), str(int(os.path.basename(run_dir)) - 1))\n"
            "    state = 'prev-kept' if os.path.isdir(prev) else 'prev-gone'\n"
            "open(calls, 'a').write(f'{name} {os.path.basename(run_dir)} {state}\\n')\n"
        )
        for keep in (False, True):
            with self.subTest(keep_until_end=keep), tempfile.TemporaryDirectory() as d:
                corpus = os.path.join(d, "corpus")
                gc.generate(5, 1, corpus)
                calls = os.path.join(d, "calls")
                targets = [measure.Target(measure.Tool(name, lambda out, n=name: [sys.executable, "-c", script,
                                                                                  n, out, calls]),
                                          os.path.join(d, name, "site"), os.path.join(d, name + ".log"))
                           for name in ("sitegen", "hugo-light")]
                results = measure.measure_tools(targets, corpus, runs=3, scenarios=("full", "noop"),
                                                keep_until_end=keep)
                with open(calls) as f:
                    lines = f.read().splitlines()
                order = [" ".join(line.split()[:2]) for line in lines[:6]]
                self.assertEqual(order, ["sitegen 1", "hugo-light 1", "sitegen 2", "hugo-light 2",
                                         "sitegen 3", "hugo-light 3"])
                later = {line.split()[2] for line in lines[2:6]}
                self.assertEqual(later, {"prev-kept" if keep else "prev-gone"})
                # then each tool's rebuilds, one tool after the other (untimed build + 3 runs)
                self.assertEqual([line.split()[0] for line in lines[6:]], ["sitegen"] * 4 + ["hugo-light"] * 4)
                for name in ("sitegen", "hugo-light"):
                    self.assertEqual(len(results[name]["full"].wall), 3)
                    self.assertEqual(results[name]["full"].pages, 1)
                    self.assertEqual(len(results[name]["noop"].wall), 3)
                    self.assertFalse(os.path.exists(os.path.join(d, name, "site.full-runs")))

    def test_failing_tool_stops_but_the_other_goes_on(self):
        with tempfile.TemporaryDirectory() as d:
            corpus = os.path.join(d, "corpus")
            gc.generate(5, 1, corpus)
            ok = measure.Tool("sitegen", lambda out: [sys.executable, "-c", "import os, sys; os.makedirs(sys.argv[1], exist_ok=True)",
                                                      out])
            bad = measure.Tool("hugo-light", lambda out: [sys.executable, "-c", "import sys; sys.exit(2)"])
            targets = [measure.Target(ok, os.path.join(d, "a", "site"), os.path.join(d, "a.log")),
                       measure.Target(bad, os.path.join(d, "b", "site"), os.path.join(d, "b.log"))]
            results = measure.measure_tools(targets, corpus, runs=2, scenarios=("full", "noop"))
            self.assertEqual(len(results["sitegen"]["full"].wall), 2)
            self.assertEqual(len(results["sitegen"]["noop"].wall), 2)
            self.assertIn("exit 2", results["hugo-light"]["full"].error)
            self.assertEqual(results["hugo-light"]["noop"].error, "skipped: full build failed")

    def test_work_root_defaults_to_tmpfs(self):
        with tempfile.TemporaryDirectory() as shm:
            self.assertEqual(measure.default_work_root(env={}, shm=shm), shm)
            self.assertEqual(measure.default_work_root(env={"BENCH_WORK": "/x/y"}, shm=shm), "/x/y")
            self.assertEqual(measure.default_work_root(env={}, shm=os.path.join(shm, "missing")),
                             os.path.join(os.path.dirname(os.path.abspath(measure.__file__)), "out"))
        if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK):
            self.assertEqual(measure.default_work_root(env={}), "/dev/shm")

    def test_fs_type(self):
        with tempfile.TemporaryDirectory() as d:
            mounts = os.path.join(d, "mounts")
            with open(mounts, "w") as f:
                f.write("/dev/vda / ext4 rw 0 0\ntmpfs /dev/shm tmpfs rw 0 0\nx /dev/shm/a\\040b ext2 rw 0 0\n")
            self.assertEqual(measure.fs_type("/dev/shm/sitegen-bench-10", mounts), "tmpfs")
            self.assertEqual(measure.fs_type("/dev/shmx", mounts), "ext4")
            self.assertEqual(measure.fs_type("/dev/shm/a b/c", mounts), "ext2")
            self.assertEqual(measure.fs_type("/", mounts), "ext4")
            self.assertEqual(measure.fs_type("/", os.path.join(d, "missing")), "")

    def test_hugo_light_command(self):
        tool = measure.hugo_light_tool("/usr/bin/hugo", "/c/corpus-10", "/r/../shared/hugo-light")
        self.assertEqual(tool.name, "hugo-light")
        self.assertEqual(tool.argv("/w/hugo-light-corpus-10/site"),
                         ["/usr/bin/hugo", "--quiet", "--noBuildLock", "-s", "/r/../shared/hugo-light",
                          "--contentDir", "/c/corpus-10", "-d", "/w/hugo-light-corpus-10/site",
                          "--cacheDir", "/w/hugo-light-corpus-10/.site.hugo-cache"])
        self.assertEqual(tool.environ("/w/t/site")["HUGO_RESOURCEDIR"], "/w/t/.site.hugo-resources")

    def test_main_with_fake_tools(self):
        # Fake sitegen and hugo binaries; the default work folder (under BENCH_WORK) is used
        # and removed at the end; the table has the yardstick line.
        sitegen = (
            "#!" + sys.executable + "\n"
            "import os, sys\n"
            "if '--version' in sys.argv: print('sitegen 0.0'); sys.exit()\n"
            "out = sys.argv[sys.argv.index('--output') + 1]\n"
            "os.makedirs(out, exist_ok=True)\n"
            "open(os.path.join(out, 'index.html'), 'w').close()\n"
            "open(os.environ['FAKE_CALLS'], 'a').write('sitegen ' + out + '\\n')\n"
        )
        hugo = (
            "#!" + sys.executable + "\n"
            "import os, sys\n"
            "if sys.argv[1:] == ['version']: print('hugo v0.0'); sys.exit()\n"
            "out = sys.argv[sys.argv.index('-d') + 1]\n"
            "os.makedirs(out, exist_ok=True)\n"
            "os.makedirs(os.environ['HUGO_RESOURCEDIR'], exist_ok=True)\n"
            "for p in ('index.html', 'a.html'): open(os.path.join(out, p), 'w').close()\n"
            "open(os.environ['FAKE_CALLS'], 'a').write('hugo ' + out + ' ' + os.environ['HUGO_RESOURCEDIR'] + '\\n')\n"
        )
        with tempfile.TemporaryDirectory() as d:
            corpus = os.path.join(d, "corpus-5")
            gc.generate(5, 1, corpus)
            bins = {}
            for name, text in (("sitegen", sitegen), ("hugo", hugo)):
                bins[name] = os.path.join(d, name)
                with open(bins[name], "w") as f:
                    f.write(text)
                os.chmod(bins[name], 0o755)
            site = os.path.join(d, "hugo-light")
            os.makedirs(site)
            open(os.path.join(site, "hugo.toml"), "w").close()
            root, logs, calls = (os.path.join(d, n) for n in ("shm", "logs", "calls"))
            os.makedirs(root)
            md = os.path.join(d, "results.md")
            with unittest.mock.patch.dict(os.environ, {"BENCH_WORK": root, "FAKE_CALLS": calls}), \
                    contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                rc = measure.main(["--corpus", corpus, "--runs", "2", "--logs", logs, "--sitegen", bins["sitegen"],
                                   "--hugo", bins["hugo"], "--hugo-light-site", site, "--markdown", md])
                self.assertEqual(rc, 0)
                self.assertEqual(os.listdir(root), [], "the work folder is removed")
                with open(calls) as f:
                    lines = f.read().splitlines()
                work = os.path.join(root, "sitegen-bench-5")
                self.assertTrue(all(line.split()[1].startswith(work + "/") for line in lines), lines)
                self.assertEqual([line.split()[0] for line in lines[:4]], ["sitegen", "hugo"] * 2)
                hugo_line = lines[1].split()
                self.assertEqual(os.path.dirname(hugo_line[2]), os.path.dirname(hugo_line[1]))
                with open(md) as f:
                    table = f.read()
                self.assertRegex(table, r"\*\*Full build, sitegen/hugo-light median wall time: \d+\.\d\d×\*\*")
                self.assertRegex(table, r"\| hugo-light \| full build \| [^|]+\| [^|]+\| [^|]+\| [^|]+\| 2 \|")

                # No light site: skipped with a reason, no yardstick line.
                rc = measure.main(["--corpus", corpus, "--runs", "1", "--logs", logs, "--sitegen", bins["sitegen"],
                                   "--hugo", bins["hugo"], "--hugo-light-site", os.path.join(d, "missing"),
                                   "--markdown", md, "--scenarios", "full"])
                self.assertEqual(rc, 0)
                with open(md) as f:
                    table = f.read()
                self.assertIn("hugo-light skipped: no Hugo site at " + os.path.join(d, "missing"), table)
                self.assertNotIn("sitegen/hugo-light", table)

    def test_table(self):
        S = measure.Stat
        results = {
            ("sitegen", "full"): S(wall=[2.0, 1.0, 3.0], cpu=[3.0, 2.0, 4.0], rss=[100 * 1024], pages=1000),
            ("hugo", "full"): S(wall=[4.0], cpu=[8.0], rss=[200 * 1024], pages=1100),
            ("hugo", "noop"): S(wall=[1.0], cpu=[1.0], rss=[50 * 1024], pages=1100),
            ("sitegen", "noop"): S(error="exit 1"),
        }
        table = measure.format_table(results, ["sitegen", "hugo"], runs=3, items=10)
        self.assertIn("| sitegen | full build | 2.00", table)
        self.assertIn("0.50×", table)   # wall ratio 2.0 / 4.0
        self.assertIn("exit 1", table)
        self.assertIn("| hugo | full build | 4.00", table)
        # within each table every line has the same number of cells
        blocks = [b for b in table.split("\n\n") if b.startswith("|")]
        self.assertEqual(len(blocks), 2)
        for block in blocks:
            self.assertEqual(len({r.count("|") for r in block.splitlines()}), 1, block)

    def test_table_yardstick_line(self):
        S = measure.Stat
        results = {
            ("sitegen", "full"): S(wall=[2.0, 1.0, 3.0], cpu=[3.0, 2.0, 4.0], rss=[100 * 1024], pages=1000),
            ("hugo-light", "full"): S(wall=[5.0, 4.0, 3.0], cpu=[8.0], rss=[200 * 1024], pages=900),
            ("hugo", "full"): S(wall=[8.0], cpu=[8.0], rss=[200 * 1024], pages=1100),
        }
        table = measure.format_table(results, ["sitegen", "hugo-light", "hugo"], runs=3, items=10)
        self.assertIn("**Full build, sitegen/hugo-light median wall time: 0.50×** (2.00 s / 4.00 s", table)
        self.assertIn("Ratio sitegen/hugo-light", table)
        self.assertIn("Ratio sitegen/hugo ", table)
        self.assertEqual(len([b for b in table.split("\n\n") if b.startswith("|")]), 3)
        results[("hugo-light", "full")] = S(error="exit 1")
        table = measure.format_table(results, ["sitegen", "hugo-light"], runs=3)
        self.assertIn("**Full build, sitegen/hugo-light median wall time: –**", table)
        self.assertNotIn("sitegen/hugo-light", measure.format_table(results, ["sitegen", "hugo"], runs=3))


if __name__ == "__main__":
    unittest.main()


class RenderShareTests(unittest.TestCase):
    """How bench/render_share.py sorts a perf sample's stack (innermost frame first)."""

    def test_what_the_engine_calls_back_counts_as_engine(self):
        stack = ["$s7SiteGen8PostPageC5value", "$s14MustacheEngine11RenderStateV3runyys5Int32V_AFtF", "$s7SiteGen13LayoutContextV4post"]
        self.assertEqual(render_share.classify(stack), "engine")

    def test_a_view_made_outside_the_engine_counts_as_views(self):
        self.assertEqual(render_share.classify(["mi_malloc", "$s7SiteGen13LayoutContextV5frameyAA9PageFrameCAC4MetaVF"]), "views")
        self.assertEqual(render_share.classify(["$s7SiteGen14StructuredDataO4post"]), "views")

    def test_other_work_counts_as_neither(self):
        self.assertIsNone(render_share.classify(["$s7SiteGen11SearchIndexV5writeyyyAA10OutputFileVXEF", "main"]))
