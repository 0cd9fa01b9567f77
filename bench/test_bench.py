"""Tests for the benchmark harness (stdlib unittest; no sitegen, no Hugo needed).

    python3 -m unittest discover -s bench -p 'test_*.py' -v
"""

from __future__ import annotations

import filecmp
import os
import posixpath
import re
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import generate_corpus as gc  # noqa: E402
import measure  # noqa: E402

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


if __name__ == "__main__":
    unittest.main()
