#!/usr/bin/env python3
"""Writes Tests/SiteGenTests/Fixtures/search/german-stems.tsv: words of the example content and
some typed the way visitors type (ae/oe/ue, ss), each with what Snowball's German stemmer makes of
it (umlauts removed, as its postlude does). The Swift and the JS stemmer are tested against it.
Needs `pip install snowballstemmer==3.1.1`; run it again only when the reference changes."""
import pathlib, re, snowballstemmer

root = pathlib.Path(__file__).resolve().parent.parent
words = set()
for path in (root / "content").rglob("*.md"):
    words.update(w.lower() for w in re.findall(r"[A-Za-zÄÖÜäöüß]{2,}", path.read_text(encoding="utf-8")))
typed = """Mobilitaet Buerger Bruecke Brueckenpruefung Klimasensorik Klimasensoren Sensoren Baumsensoren
    Strasse Strassen Feuer Bauer Treue neue Quelle Quellen Aequator Oel Oekologie Uebersicht fuer ueber
    Koenigin Aerzte Aerztinnen Lehrerinnen Ergebnisse Ergebnissen Kenntnisse Systeme Systemen Wirtschaftlichkeit
    Haeuser Haeusern Baeume Muenchen Duesseldorf Schoene Groesse Gruenflaechen Zuege Massnahmen Moeglichkeiten
    geplant geordnet intern tickt trennt gearbeitet Kraeuter Jubilaeum Museum Poet Israel Michael aktuell
    Steuer Abenteuer Mauer Auen Aue Boje Bayern Mayer Meyer Kayak Loyal Eulen Heuer Haeuer Quatsch Aquarell
    Wanderung freundlich Freundlichkeit Möglichkeiten Ärztinnen Schulwegsicherheit häufigkeit ängstlich
    Vergnügen heiligen Sauberkeit Übergänge Prüfungen Brückenprüfung Klimasensorik""".split()
words.update(w.lower() for w in typed)
stemmer = snowballstemmer.stemmer("german")
out = root / "Tests/SiteGenTests/Fixtures/search/german-stems.tsv"
with out.open("w", encoding="utf-8") as f:
    for w in sorted(words):
        f.write(f"{w}\t{stemmer.stemWord(w)}\n")
print(len(words), "words to", out)
