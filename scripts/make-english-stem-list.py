#!/usr/bin/env python3
"""Writes Tests/SiteGenTests/Fixtures/search/english-stems.tsv: the words of the English content
(content/**/*.en.md) and words chosen for each rule of the algorithm, each with what Snowball's
English stemmer makes of it. The Swift and the JS stemmer are tested against it.
Needs `pip install snowballstemmer==3.1.1`; run it again when the reference or the content changes.
Usage: scripts/make-english-stem-list.py [CONTENT_FOLDER]"""
import pathlib, re, sys, snowballstemmer

root = pathlib.Path(__file__).resolve().parent.parent
content = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root / "content"
words = set()
for path in content.rglob("*.en.md"):
    words.update(w.lower() for w in re.findall(r"[A-Za-z]{2,}", path.read_text(encoding="utf-8")))
rules = """caresses ponies ties cries gas gaps kiwis this us bus succeed proceed exceed feed agreed
    agreedly plastered bled motoring sing singing dying lying tying inning outing canning herring earring evening
    conflated troubled sized hopping tanned falling hissing fizzed failing filing added egged offing
    hoped hoping hope hop short past pasted pastes generate generously general communism arsenal emergency
    international lateral organisation organization universal universe relational conditional rational
    valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli vietnamization predication
    operator feudalism decisiveness hopefulness callousness formaliti sensitiviti sensibiliti analogi
    geologist apologist biology archaeology triplicate formative formalize electriciti electrical hopeful goodness
    revival allowance inference airliner gyroscopic adjustable defensible irritant replacement adjustment
    dependent adoption homologou communism activate angulariti homologous effective bowdlerize probate rate
    cease controll roll skis skies sky idly gently ugly early only singly news howe atlas cosmos bias andes
    youth boyish saying sayings yearly flying crying playing annoyed city cities data mobility smart
    sensors sensor measuring measurement measurements participation participate participating
    citizens neighbourhood neighbourhoods digitalisation digitalization strategy strategies
    accessibility accessible transparency sustainable sustainability infrastructure""".split()
words.update(rules)
stemmer = snowballstemmer.stemmer("english")
out = root / "Tests/SiteGenTests/Fixtures/search/english-stems.tsv"
with out.open("w", encoding="utf-8") as f:
    for w in sorted(words):
        f.write(f"{w}\t{stemmer.stemWord(w)}\n")
print(len(words), "words to", out)
