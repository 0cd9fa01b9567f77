#!/usr/bin/env python3
"""Write content/downloads/smart-city-strategie-dos-2030.pdf by hand.

A small, valid PDF 1.4 (no external libraries): the standard fonts
Helvetica and Helvetica-Bold with WinAnsiEncoding (so German umlauts work),
uncompressed content streams, a document information dictionary with a
proper title, the document's language, tags (a structure tree of headings,
paragraphs and lists, as an accessible PDF has; the footer is an artifact),
and a cross-reference table with exact byte offsets.

Usage: python3 scripts/make-strategy-pdf.py [output-path]
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(ROOT, "content", "downloads", "smart-city-strategie-dos-2030.pdf")

TITLE = "Smart-City-Strategie DOS 2030"
SUBJECT = "Zusammenfassung der gemeinsamen Smart-City-Strategie der Städte Dortmund und Schwerte"
AUTHOR = "Smart-City-Team Dortmund/Schwerte"  # site.yml's author: a PDF naming anyone else is warned about
KEYWORDS = "Smart City, DOS 2030, Dortmund, Schwerte, Modellprojekte Smart Cities"
CREATION_DATE = "D:20230331120000+02'00'"

# Page geometry (A4 in points) and typography.
PAGE_W, PAGE_H = 595.28, 841.89
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 72, 72, 72, 80
TEXT_W = PAGE_W - MARGIN_L - MARGIN_R

# Helvetica glyph widths (units of 1/1000 em) from the standard AFM metrics,
# for the characters this document uses.
_HELV = {
    " ": 278, "!": 278, '"': 355, "#": 556, "$": 556, "%": 889, "&": 667,
    "'": 191, "(": 333, ")": 333, "*": 389, "+": 584, ",": 278, "-": 333,
    ".": 278, "/": 278, ":": 278, ";": 278, "<": 584, "=": 584, ">": 584,
    "?": 556, "@": 1015, "[": 278, "\\": 278, "]": 278, "^": 469, "_": 556,
    "`": 333, "{": 334, "|": 260, "}": 334, "~": 584,
    "A": 667, "B": 667, "C": 722, "D": 722, "E": 667, "F": 611, "G": 778,
    "H": 722, "I": 278, "J": 500, "K": 667, "L": 556, "M": 833, "N": 722,
    "O": 778, "P": 667, "Q": 778, "R": 722, "S": 667, "T": 611, "U": 722,
    "V": 667, "W": 944, "X": 667, "Y": 667, "Z": 611,
    "a": 556, "b": 556, "c": 500, "d": 556, "e": 556, "f": 278, "g": 556,
    "h": 556, "i": 222, "j": 222, "k": 500, "l": 222, "m": 833, "n": 556,
    "o": 556, "p": 556, "q": 556, "r": 333, "s": 500, "t": 278, "u": 556,
    "v": 500, "w": 722, "x": 500, "y": 500, "z": 500,
    "ä": 556, "ö": 556, "ü": 556, "Ä": 667, "Ö": 778, "Ü": 722, "ß": 611,
    "é": 556, "–": 556, "„": 333, "“": 333, "”": 333, "§": 556, "·": 278,
    "•": 350,
}
for _d in "0123456789":
    _HELV[_d] = 556


def text_width(s, size, bold=False):
    units = sum(_HELV.get(ch, 556) for ch in s)
    if bold:
        units *= 1.07  # Helvetica-Bold is slightly wider; good enough for wrapping
    return units * size / 1000.0


def wrap(text, size, width, bold=False):
    words = text.split()
    lines, cur = [], ""
    for w in words:
        cand = w if not cur else cur + " " + w
        if text_width(cand, size, bold) <= width or not cur:
            cur = cand
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def pdf_string(s):
    """A PDF literal string in WinAnsiEncoding (cp1252)."""
    raw = s.encode("cp1252")
    out = bytearray(b"(")
    for b in raw:
        if b in (0x28, 0x29, 0x5C):  # ( ) \
            out += b"\\" + bytes([b])
        else:
            out.append(b)
    out += b")"
    return bytes(out)


def pdf_text_string(s):
    """A PDF text string for the info dictionary: UTF-16BE with BOM, hex-encoded."""
    return b"<FEFF" + s.encode("utf-16-be").hex().upper().encode("ascii") + b">"


# ---------------------------------------------------------------------------
# Document content: (kind, text). Kinds: title, subtitle, h, p, li, small.
# ---------------------------------------------------------------------------
CONTENT = [
    ("title", "Smart-City-Strategie DOS 2030"),
    ("subtitle", "Digital Operating System Dortmund Schwerte – Zusammenfassung"),
    ("small", "Gemeinsames Modellprojekt der Städte Dortmund und Schwerte · Stand: 31. März 2023"),
    ("h", "1. Worum es geht"),
    ("p", "DOS 2030 ist das gemeinsame Modellprojekt der Städte Dortmund und Schwerte im "
          "Bundesprogramm „Modellprojekte Smart Cities“. Gefördert wird es vom Bundesministerium "
          "für Wohnen, Stadtentwicklung und Bauwesen (BMWSB) über die KfW. Die beiden Städte "
          "wurden im September 2020 in der zweiten Förderstaffel ausgewählt."),
    ("p", "Die Strategie beschreibt, wie Digitalisierung in beiden Städten dem Gemeinwohl dienen "
          "soll. Technik ist dabei kein Selbstzweck: Sie soll das Leben in der Stadt einfacher, "
          "gesünder und klimafreundlicher machen und die Beteiligung der Menschen stärken. Der "
          "Leitgedanke lautet: „Smart sind wir nur gemeinsam.“"),
    ("p", "Gesteuert wird das Projekt vom Chief Information/Innovation Office der Stadt Dortmund "
          "gemeinsam mit dem Büro Smart City der Stadt Schwerte. Eine große und eine mittlere "
          "Stadt arbeiten so eng zusammen und lernen voneinander."),
    ("h", "2. Beschlüsse"),
    ("li", "15. Februar 2023: Der Rat der Stadt Schwerte beschließt die Strategie."),
    ("li", "23. März 2023: Der Rat der Stadt Dortmund beschließt die Strategie."),
    ("li", "31. März 2023: Die Strategie wird beim Fördermittelgeber eingereicht."),
    ("p", "Ab April 2023 folgt eine Umsetzungsphase von viereinhalb Jahren."),
    ("h", "3. Projektphasen"),
    ("li", "2020–2021, Start und Erkundung: Aufbau der Projektstrukturen, Bestandsaufnahme und "
           "erste Ideen."),
    ("li", "2021–2023, Strategie: Beteiligung von Bürgerschaft, Wirtschaft und Wissenschaft, "
           "Ausarbeitung der Strategie und Beschlüsse der Räte."),
    ("li", "2023–2027, Umsetzung: Realisierung der Projekte und Überführung erfolgreicher "
           "Vorhaben in den Regelbetrieb."),
    ("h", "4. Zwölf Handlungsfelder"),
    ("p", "Die Strategie ordnet alle Vorhaben in zwölf Handlungsfelder:"),
    ("li", "Daten und Plattformen: urbane Datenplattform, offene Daten, digitaler Zwilling."),
    ("li", "Zusammenleben und Mitmachen: Orte und Formate für Beteiligung, etwa ein Stadtlabor."),
    ("li", "Trends, Forschung und Entwicklung: neue Technologien gemeinsam mit Hochschulen "
           "erproben."),
    ("li", "Sicherheit und Vertrauen: Sensorik für Bauwerke und Stadtklima, Datenschutz und "
           "Informationssicherheit."),
    ("li", "Raum und Infrastruktur: Funknetze und technische Grundlagen für Sensoren."),
    ("li", "Intelligente Mobilität: Verkehrs- und Parkdaten für weniger Suchverkehr."),
    ("li", "Wirtschaft, Handel und Tourismus: digitale Unterstützung für lebendige Innenstädte."),
    ("li", "Bildung, Kultur und Freizeit: Lernorte wie Maker Spaces für alle Altersgruppen."),
    ("li", "Bauen und Wohnen: anschauliche Planung mit 3D-Modellen."),
    ("li", "Energie und Umwelt: Wetterstationen, Baumsensoren und smartes Abfallmanagement."),
    ("li", "Gesundheit und Soziales: Teilhabe stärken, etwa beim Schutz vor Hitze."),
    ("li", "Digitale Verwaltung: einfache, mobile Verwaltungsleistungen."),
    ("h", "5. 45 Projekte"),
    ("p", "Insgesamt umfasst die Strategie 45 Projekte. 25 davon werden vom Bund gefördert, die "
          "übrigen setzen die Städte mit eigenen Mitteln oder mit Partnern um. Einige Beispiele:"),
    ("li", "Urbane Datenplattform: eine gemeinsame, offene Plattform für Sensor- und "
           "Verwaltungsdaten mit Dashboards, Anbindung an das Open-Data-Portal und Grundlage für "
           "einen digitalen Zwilling."),
    ("li", "ZM 01 Projektor: ein Stadtlabor in der Dortmunder Innenstadt für Workshops, Debatten "
           "und gemeinsames Forschen."),
    ("li", "SV 01 Umwelt-, Verkehrs- und Sicherheitssensorik: Sensoren an Brücken und ein "
           "Klimamessnetz gemeinsam mit der Ruhr-Universität Bochum."),
    ("li", "BKF 02 Learning Lab: ein Maker Space im Dortmunder U für digitale Bildung."),
    ("li", "DV 01 Open Smart City App: eine mit anderen Städten gemeinsam entwickelte "
           "Open-Source-App für städtische Informationen und Dienste."),
    ("li", "Smartes Abfallmanagement in Schwerte: Füllstandssensoren für bedarfsgerechte "
           "Leerungen öffentlicher Abfallbehälter."),
    ("h", "6. Grundsätze"),
    ("li", "Gemeinwohl vor Technik: Jedes Projekt muss einen erkennbaren Nutzen für die "
           "Menschen in der Stadt haben."),
    ("li", "Offenheit: Daten werden, wo möglich, als offene Daten veröffentlicht; Software wird "
           "bevorzugt als Open Source entwickelt und geteilt."),
    ("li", "Datenschutz und Sicherheit: Sensoren erfassen Umwelt- und Bauwerksdaten, keine "
           "personenbezogenen Daten."),
    ("li", "Beteiligung: Bürgerinnen und Bürger werden früh und in vielfältigen Formaten "
           "einbezogen."),
    ("li", "Nachhaltigkeit: Erfolgreiche Projekte sollen über das Förderende hinaus bestehen."),
    ("h", "7. Organisation und Steuerung"),
    ("p", "Für die Umsetzung arbeiten die Smart-City-Teams beider Städte eng mit den "
          "Fachbereichen der Verwaltungen zusammen. Jedes Projekt hat eine verantwortliche "
          "Stelle, einen Zeitplan und messbare Ziele. Über den Fortschritt wird regelmäßig in "
          "den politischen Gremien beider Städte und gegenüber dem Fördermittelgeber berichtet."),
    ("p", "Erfahrungen werden mit anderen Modellprojekten geteilt. Wo es sinnvoll ist, "
          "entwickeln mehrere Kommunen Lösungen gemeinsam, wie bei der Open Smart City App."),
    ("h", "8. Mitmachen und Kontakt"),
    ("p", "Die Strategie lebt vom Mitmachen. Veranstaltungen wie das Open House zur Digitalen "
          "Woche Dortmund, der Digitaltag, die Debattenreihe „Stadt im Wandel“ und die "
          "Stadtteilkonferenzen in Schwerte laden dazu ein, Ideen einzubringen und Projekte "
          "kritisch zu begleiten."),
    ("p", "Stadt Dortmund, Chief Information/Innovation Office, Smart-City-Team – "
          "Stadt Schwerte, Büro Smart City."),
    ("small", "Hinweis: Dieses Dokument ist eine kurze Zusammenfassung und nicht vollständig "
              "barrierefrei. Die wesentlichen Inhalte stehen auch auf der Website auf der Seite "
              "„Smart-City-Strategie DOS 2030“."),
]

STYLES = {
    # kind: (font, size, leading, space_before, indent)
    "title": ("F2", 22, 28, 0, 0),
    "subtitle": ("F1", 13, 18, 4, 0),
    "small": ("F1", 9, 12, 6, 0),
    "h": ("F2", 13, 17, 14, 0),
    "p": ("F1", 11, 15, 6, 0),
    "li": ("F1", 11, 15, 3, 14),
}


# The structure element of each kind of block: what a screen reader reads it as.
TAGS = {"title": "H1", "subtitle": "P", "h": "H2", "p": "P", "small": "P", "li": "LI"}


def layout():
    """Return a list of pages; each page is a list of (font, size, x, y, text)."""
    pages, cur = [], []
    y = PAGE_H - MARGIN_T
    for block, (kind, text) in enumerate(CONTENT):
        font, size, leading, before, indent = STYLES[kind]
        bold = font == "F2"
        lines = wrap(text, size, TEXT_W - indent, bold)
        needed = before + leading * len(lines)
        if kind == "h":
            needed += 15 * 2  # keep a heading with the next two lines
        if y - needed < MARGIN_B and cur:
            pages.append(cur)
            cur = []
            y = PAGE_H - MARGIN_T
            before = 0
        y -= before
        for i, line in enumerate(lines):
            y -= leading
            x = MARGIN_L + indent
            if kind == "li" and i == 0:
                cur.append(("F1", size, MARGIN_L + 2, y, "•", block, "Lbl"))
            cur.append((font, size, x, y, line, block, "LBody" if kind == "li" else TAGS[kind]))
    if cur:
        pages.append(cur)
    return pages


def content_stream(items, page_no, page_count):
    """Each line is marked content numbered from 0 (its MCID) under its structure type; the
    footer and the rule are artifacts, which screen readers skip."""
    out = bytearray()
    out += b"0.2 0.25 0.3 rg\n"
    for mcid, (font, size, x, y, text, _, tag) in enumerate(items):
        out += b"/%s <</MCID %d>> BDC BT /%s %d Tf %.2f %.2f Td %s Tj ET EMC\n" % (
            tag.encode(), mcid, font.encode(), size, x, y, pdf_string(text))
    footer = "DOS 2030 – Smart-City-Strategie · Seite %d von %d" % (page_no, page_count)
    out += b"/Artifact <</Type /Pagination>> BDC\n0.35 0.35 0.35 rg\n"
    out += b"BT /F1 9 Tf %.2f %.2f Td %s Tj ET\n" % (MARGIN_L, 40.0, pdf_string(footer))
    # a thin rule under the footer area
    out += b"0.6 0.7 0.68 RG 0.5 w %.2f 55 m %.2f 55 l S\nEMC\n" % (MARGIN_L, PAGE_W - MARGIN_R)
    return bytes(out)


def structure(pages, page_objs, first_obj):
    """The structure tree (tagged PDF): a Document of headings, paragraphs and lists (L, LI, Lbl,
    LBody), each pointing at its marked content on the pages, and the parent tree that leads
    from each page's marked content back to its element. Returns the objects by number and the
    number of the tree's root."""
    objs, next_obj = {}, [first_obj]

    def new(entries):
        num = next_obj[0]
        next_obj[0] += 1
        objs[num] = entries
        return num

    root, parent_tree, document = new(None), new(None), new(None)
    elements = {}  # (block, role) -> [type, parent, kids]
    top, lists, list_of = [], {}, {}
    for kind_block, (kind, _) in enumerate(CONTENT):
        if kind == "li":
            if kind_block - 1 not in list_of:
                lists[kind_block] = new(None)
                top.append(lists[kind_block])
            lst = list_of[kind_block] = list_of.get(kind_block - 1, lists.get(kind_block))
            li = new(None)
            elements[(kind_block, "LI")] = ["LI", lst, []]
            elements[(kind_block, "LI")].append(li)
        else:
            num = new(None)
            elements[(kind_block, TAGS[kind])] = [TAGS[kind], document, [], num]
            top.append(num)
    for key, value in list(elements.items()):
        if value[0] == "LI":
            for part in ("Lbl", "LBody"):
                elements[(key[0], part)] = [part, value[3], [], new(None)]
            value[2] = [elements[(key[0], "Lbl")][3], elements[(key[0], "LBody")][3]]
    nums = []
    for page_no, items in enumerate(pages):
        parents = []
        for mcid, item in enumerate(items):
            element = elements[(item[5], item[6])]
            element[2].append(b"<< /Type /MCR /Pg %d 0 R /MCID %d >>" % (page_objs[page_no], mcid))
            parents.append(b"%d 0 R" % element[3])
        nums.append(b"%d [%s]" % (page_no, b" ".join(parents)))
    for (block, role), (tag, parent, kids, num) in elements.items():
        kid_refs = [k if isinstance(k, bytes) else b"%d 0 R" % k for k in kids]
        objs[num] = b"<< /Type /StructElem /S /%s /P %d 0 R /K [%s] >>" % (tag.encode(), parent, b" ".join(kid_refs))
    for first, num in lists.items():
        items = [elements[(b, "LI")][3] for b in sorted(list_of) if list_of[b] == num]
        objs[num] = b"<< /Type /StructElem /S /L /P %d 0 R /K [%s] >>" % (document, b" ".join(b"%d 0 R" % i for i in items))
    objs[document] = b"<< /Type /StructElem /S /Document /P %d 0 R /K [%s] >>" % (root, b" ".join(b"%d 0 R" % t for t in top))
    objs[parent_tree] = b"<< /Nums [%s] >>" % b" ".join(nums)
    objs[root] = b"<< /Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R /ParentTreeNextKey %d >>" % (document, parent_tree, len(pages))
    return objs, root


def build():
    pages = layout()
    n = len(pages)
    # Object numbers: 1 catalog, 2 pages, 3 F1, 4 F2, 5 info, then per page (page, content).
    objs = {}
    first_page_obj = 6
    kids = [first_page_obj + 2 * i for i in range(n)]
    tree, tree_root = structure(pages, kids, first_page_obj + 2 * n)
    objs.update(tree)
    objs[1] = (b"<< /Type /Catalog /Pages 2 0 R /Lang (de-DE) "
               b"/MarkInfo << /Marked true >> /StructTreeRoot %d 0 R "
               b"/ViewerPreferences << /DisplayDocTitle true >> >>" % tree_root)
    objs[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), n)
    objs[3] = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
               b"/Encoding /WinAnsiEncoding >>")
    objs[4] = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
               b"/Encoding /WinAnsiEncoding >>")
    objs[5] = (b"<< /Title %s /Subject %s /Author %s /Keywords %s /Creator %s "
               b"/Producer %s /CreationDate (%s) /ModDate (%s) >>") % (
        pdf_text_string(TITLE), pdf_text_string(SUBJECT), pdf_text_string(AUTHOR),
        pdf_text_string(KEYWORDS), pdf_text_string("scripts/make-strategy-pdf.py"),
        pdf_text_string("Handgeschriebenes Python-Skript (Standardbibliothek)"),
        CREATION_DATE.encode(), CREATION_DATE.encode())
    for i, items in enumerate(pages):
        page_obj = first_page_obj + 2 * i
        stream = content_stream(items, i + 1, n)
        objs[page_obj] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R "
            b"/StructParents %d /Tabs /S >>"
            % (PAGE_W, PAGE_H, page_obj + 1, i))
        objs[page_obj + 1] = (b"<< /Length %d >>\nstream\n" % len(stream)
                              + stream + b"endstream")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    xref_pos = len(out)
    size = max(objs) + 1
    out += b"xref\n0 %d\n" % size
    out += b"0000000000 65535 f \n"
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\n" % size
    out += b"startxref\n%d\n%%%%EOF\n" % xref_pos
    return bytes(out), n


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    data, n = build()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    print("wrote %s (%d pages, %d bytes)" % (os.path.relpath(path, ROOT), n, len(data)))


if __name__ == "__main__":
    main()
