#!/usr/bin/env python3
"""Generate a synthetic content tree in sitegen's format (see shared DESIGN.md).

    python3 bench/generate_corpus.py --items 10000 --seed 1 --out bench/out/corpus-10000

Python 3 standard library only. The output depends only on --items and
--seed (random.Random(seed); no clock, no hash order, no set iteration),
so two runs with the same arguments write byte-identical trees.

Layout written into --out:

    site.yml                     structure of content/site.yml, base_url https://bench.example.org/
    fields/<slug>.md             the 12 fields of action (title, order, summary)
    posts/<yyyy>/<slug>.md       ~70 % of the items, ~2 % of them draft: true
    events/<yyyy>/<slug>.md      ~20 %
    projects/<slug>.md           ~10 %
    pages/<slug>.md              impressum, datenschutz, barrierefreiheit, leichte-sprache, gebaerdensprache
    strategy.md                  pdf: downloads/strategie.pdf
    downloads/strategie.pdf      a small valid PDF
    images/*.svg                 a few SVG images

Bodies are German Markdown (300-1,500 words) with h2/h3 headings only, lists,
occasional tables, images and relative .md links to items that exist and are
not drafts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import posixpath
import random
import re
import shutil
import sys

NOW = dt.datetime(2026, 11, 26, 12, 0)  # the benchmark's --now (local time)
BASE_URL = "https://bench.example.org/"

# ---------------------------------------------------------------------------
# Fixed data
# ---------------------------------------------------------------------------

FIELDS = [
    ("daten-und-plattformen", "Daten und Plattformen", "DP"),
    ("zusammenleben-und-mitmachen", "Zusammenleben und Mitmachen", "ZM"),
    ("trends-forschung-und-entwicklung", "Trends, Forschung und Entwicklung", "TFE"),
    ("sicherheit-und-vertrauen", "Sicherheit und Vertrauen", "SV"),
    ("raum-und-infrastruktur", "Raum und Infrastruktur", "RI"),
    ("intelligente-mobilitaet", "Intelligente Mobilität", "IM"),
    ("wirtschaft-handel-und-tourismus", "Wirtschaft, Handel und Tourismus", "WHT"),
    ("bildung-kultur-und-freizeit", "Bildung, Kultur und Freizeit", "BKF"),
    ("bauen-und-wohnen", "Bauen und Wohnen", "BW"),
    ("energie-und-umwelt", "Energie und Umwelt", "EU"),
    ("gesundheit-und-soziales", "Gesundheit und Soziales", "GS"),
    ("digitale-verwaltung", "Digitale Verwaltung", "DV"),
]

FIELD_SUMMARIES = {
    "daten-und-plattformen": "Urbane Datenplattform, digitaler Zwilling und offene Daten für Dortmund und Schwerte.",
    "zusammenleben-und-mitmachen": "Beteiligung, Stadtlabor und gemeinsame Projekte mit Bürgerinnen und Bürgern.",
    "trends-forschung-und-entwicklung": "Zusammenarbeit mit Hochschulen und Forschung zu neuen Technologien für die Stadt.",
    "sicherheit-und-vertrauen": "Sensorik für Umwelt, Verkehr und Brücken – transparent und datenschutzgerecht.",
    "raum-und-infrastruktur": "Digitale Planung von Straßen, Plätzen und Netzen in beiden Städten.",
    "intelligente-mobilitaet": "Parken, Radverkehr und Nahverkehr: Mobilität, die Daten klug nutzt.",
    "wirtschaft-handel-und-tourismus": "Digitale Angebote für Innenstädte, Handel und Gäste der Region.",
    "bildung-kultur-und-freizeit": "Maker Spaces, Learning Lab und digitale Bildung für alle Altersgruppen.",
    "bauen-und-wohnen": "Digitale Bauanträge, smarte Quartiere und bezahlbares Wohnen.",
    "energie-und-umwelt": "Klimadaten, Energieeffizienz und smartes Abfallmanagement.",
    "gesundheit-und-soziales": "Digitale Teilhabe, Gesundheit im Quartier und soziale Angebote.",
    "digitale-verwaltung": "Open Smart City App, Online-Dienste und eine Verwaltung, die mitdenkt.",
}

PAGES = [
    ("impressum", "Impressum", "Angaben nach § 5 DDG und § 18 MStV für dieses Angebot."),
    ("datenschutz", "Datenschutzerklärung", "Welche Daten beim Besuch dieser Website verarbeitet werden und welche Rechte Sie haben."),
    ("barrierefreiheit", "Erklärung zur Barrierefreiheit", "Stand der Barrierefreiheit, bekannte Einschränkungen und Ihr Weg zu uns."),
    ("leichte-sprache", "Leichte Sprache", "Informationen über diese Website in Leichter Sprache."),
    ("gebaerdensprache", "Deutsche Gebärdensprache", "Informationen über diese Website in Deutscher Gebärdensprache."),
]

SITE_YML_FALLBACK = """\
# Site settings for sitegen. Every key is explained in README.md ("site.yml").
title: "Smart City Dortmund/Schwerte"
tagline: "DOS 2030 – Digital Operating System Dortmund Schwerte"
description: "Das gemeinsame Modellprojekt Smart Cities der Städte Dortmund und Schwerte: Strategie, Projekte, Termine und Neuigkeiten aus zwölf Handlungsfeldern."
base_url: "https://smartcity.example.org/"
language: de
author: "Smart-City-Team Dortmund/Schwerte"
publisher:
  name: "Stadt Dortmund – Chief Information/Innovation Office"
  url: "https://www.dortmund.de/"
  email: "smartcity@example.org"
license:
  name: "Datenlizenz Deutschland – Namensnennung – Version 2.0"
  url: "https://www.govdata.de/dl-de/by-2-0"
paginate: 10
unsafe_html: false
# URL prefixes (German by default); change them here, never in the templates.
paths:
  blog: blog
  events: veranstaltungen
  projects: projekte
  fields: handlungsfelder
  strategy: strategie
  search: suche
  page: seite
"""

GERMAN_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
                 "August", "September", "Oktober", "November", "Dezember"]

# ---------------------------------------------------------------------------
# Vocabulary (German, with umlauts and ß)
# ---------------------------------------------------------------------------

SUBJECTS = [
    "Das Smart-City-Team", "Die Stadtverwaltung", "Das Büro Smart City in Schwerte",
    "Die Verkehrsplanung", "Das Quartiersbüro", "Die Projektgruppe", "Der Umweltbeirat",
    "Die Wirtschaftsförderung", "Das Stadtlabor", "Die Ruhr-Universität Bochum",
    "Das Tiefbauamt", "Die Stadtbibliothek", "Das Jugendamt", "Die Feuerwehr",
    "Das Team des Maker Space", "Die Bezirksvertretung", "Das Gesundheitsamt",
    "Die Leitstelle", "Die Klimaschutzagentur", "Das Amt für Digitalisierung",
    "Ein Forschungsteam der Fachhochschule", "Die Stadtentwässerung", "Das Ordnungsamt",
    "Die Energieberatung", "Das Schulverwaltungsamt",
]

VERBS = [
    "entwickelt", "prüft", "erprobt", "unterstützt", "begleitet", "veröffentlicht",
    "misst", "verknüpft", "plant", "bündelt", "erweitert", "verbessert", "wertet",
    "präsentiert", "öffnet", "dokumentiert", "überarbeitet", "beschafft", "testet",
    "vergleicht", "fördert", "übernimmt", "erläutert", "stellt", "gestaltet",
]

VERB_PARTICLE = {"wertet": " aus", "stellt": " vor"}

OBJECTS = [
    "neue Sensoren für die Luftqualität", "einen digitalen Zwilling der Innenstadt",
    "offene Daten zum Parkraum", "barrierefreie Angebote im Netz",
    "Messwerte zur Bodenfeuchte an Straßenbäumen", "ein Dashboard für Energieverbräuche",
    "Workshops für Jugendliche", "die Belegung der Ladesäulen", "Wetterstationen an Schulen",
    "die Füllstände der Glascontainer", "eine Karte der Hitzeinseln", "den Online-Antrag für Sondernutzungen",
    "die Schwingungsdaten der Brücke an der Wittekindstraße", "eine App für Bürgerinnen und Bürger",
    "den Datenkatalog mit rund 490 Datensätzen", "Lernangebote zur Programmierung",
    "die Zählung des Radverkehrs", "einen Leitfaden für Datenschutz", "Räume für Begegnung",
    "die Beleuchtung öffentlicher Plätze", "Geräte für den mobilen Maker Space",
    "Informationen in Leichter Sprache", "die Schnittstellen zur Datenplattform",
    "Beteiligungsformate im Stadtteil", "Prototypen aus dem 3D-Drucker",
    "ein Frühwarnsystem für Starkregen", "die Auslastung der Quartiersgaragen",
    "Förderanträge für Vereine", "Kennzahlen für den Klimaschutz", "digitale Stadtführungen",
]

PLACES = [
    "in der Dortmunder Innenstadt", "in Schwerte-Ergste", "im Stadtteil Hörde",
    "in der Nordstadt", "am Dortmunder U", "in Schwerte-Holzen", "an der Kleppingstraße",
    "rund um den Phoenix-See", "in Westerfilde", "in der Schwerter Altstadt",
    "in Aplerbeck", "in Brünninghausen", "am Westenhellweg", "in Schwerte-Villigst",
    "in Lütgendortmund", "in Scharnhorst", "in Mengede", "an der Lange Straße",
    "im Unionviertel", "in Hombruch",
]

PLACE_NAMES = [
    "Innenstadt Dortmund", "Schwerte-Ergste", "Hörde", "Nordstadt", "Dortmunder U", "Schwerte-Holzen",
    "Kleppingstraße", "Phoenix-See", "Westerfilde", "Altstadt Schwerte", "Aplerbeck",
    "Brünninghausen", "Westenhellweg", "Schwerte-Villigst", "Lütgendortmund", "Scharnhorst",
]

ADVERBIALS = [
    "gemeinsam mit der Ruhr-Universität Bochum", "über die urbane Datenplattform",
    "für mehr Lebensqualität", "während der Digitalen Woche", "seit dem Frühjahr",
    "in enger Abstimmung mit den Fachämtern", "im Rahmen von DOS 2030",
    "mit Mitteln aus dem Bundesprogramm", "zusammen mit Schülerinnen und Schülern",
    "nach einer öffentlichen Ausschreibung", "in einem ersten Schritt",
    "auf Wunsch vieler Anwohnerinnen und Anwohner", "ohne zusätzliche Kosten für die Städte",
    "im Rahmen eines Pilotversuchs", "für beide Städte gleichzeitig",
    "unter Beachtung der Datenschutz-Grundverordnung", "mit offener Software",
    "in mehreren Schritten", "bis zum Ende der Umsetzungsphase", "für alle Generationen",
]

FIXED_SENTENCES = [
    "Größere Änderungen sind zunächst nicht geplant.",
    "Über die Öffnungszeiten informiert das Team vor Ort.",
    "Die Ergebnisse fließen in die Umsetzungsphase bis 2027 ein.",
    "Smart sind wir nur gemeinsam – das gilt auch hier.",
    "Alle Messwerte stehen als offene Daten zur Verfügung.",
    "Fragen beantwortet das Team gern per E-Mail.",
    "Die Teilnahme ist kostenlos, eine Anmeldung hilft bei der Planung.",
    "Für die Auswertung werden keine personenbezogenen Daten gespeichert.",
    "Gemeinsam mit Schwerte entstehen so Lösungen, die beide Städte nutzen können.",
    "Wer mitmachen möchte, ist herzlich willkommen.",
    "Die nächsten Schritte werden im Frühjahr abgestimmt.",
    "Der Zeitplan hängt auch von Lieferfristen für die Geräte ab.",
    "Auf der Karte sind alle Standorte übersichtlich dargestellt.",
    "Die Daten werden alle fünfzehn Minuten aktualisiert.",
    "Erste Rückmeldungen aus der Stadtgesellschaft sind durchweg positiv.",
    "Auch Menschen ohne Vorkenntnisse können sich beteiligen.",
    "Die Software ist quelloffen und kann von anderen Kommunen übernommen werden.",
    "Schon heute zeigt sich, wie wichtig verlässliche Daten für die Planung sind.",
    "Das Projekt wird vom Bund gefördert und von der KfW begleitet.",
    "Über weitere Termine berichten wir an dieser Stelle.",
    "Die Geräte arbeiten stromsparend und übertragen ihre Daten per Funk.",
    "Straßen, Plätze und Gebäude werden dabei nicht verändert.",
    "Für Rückfragen steht das Büro Smart City zur Verfügung.",
    "Viele Ideen stammen direkt aus den Stadtteilkonferenzen.",
    "Die Größe der Räume erlaubt Gruppen von bis zu fünfzig Personen.",
]

CONNECTORS = ["Dabei", "Außerdem", "Zugleich", "Anschließend", "Zusätzlich", "Inzwischen",
              "Später", "Künftig", "Darüber hinaus", "Parallel dazu"]

H2_HEADINGS = [
    "Worum es geht", "Ausgangslage", "Was sich ändert", "Erste Ergebnisse", "So geht es weiter",
    "Hintergrund", "Beteiligung", "Daten und Datenschutz", "Zahlen und Fakten", "Technik",
    "Mitmachen", "Zeitplan", "Partnerinnen und Partner", "Rückblick", "Ausblick",
    "Häufige Fragen", "Kosten und Förderung", "Erfahrungen aus Schwerte", "Offene Fragen",
    "Größere Zusammenhänge",
]

H3_HEADINGS = [
    "Im Stadtteil", "In der Verwaltung", "Für Schulen", "Für Vereine", "Messung",
    "Auswertung", "Nächste Schritte", "Stimmen aus der Praxis", "Technische Details",
    "Barrierefreiheit", "Kontakt", "Übersicht", "Lösungsansätze", "Schnittstellen",
]

TITLE_TOPICS = [
    "Klimasensoren", "Stadtlabor", "Open Smart City App", "Datenplattform", "Digitaler Zwilling",
    "Maker Space", "Brückensensorik", "Parksensoren", "Wetterstationen", "Learning Lab",
    "Abfallmanagement", "Ladesäulen", "Radzählung", "Bodenfeuchte", "Offene Daten",
    "Smarte Beleuchtung", "Starkregen-Frühwarnung", "Bürgerbeteiligung", "Online-Dienste",
    "Quartiersgaragen", "Hitzekarte", "Science Slam", "Crowd-Bike", "Sensation Walk",
    "Factory 4", "Citizen Science", "Stadtteilkonferenz", "Digitale Woche", "Digitaltag",
    "Leichte Sprache",
]

TITLE_ACTIONS = [
    "erste Messwerte veröffentlicht", "neue Standorte in Betrieb", "Ergebnisse der Testphase",
    "so funktioniert die Auswertung", "Bürgerinnen und Bürger gestalten mit", "ein Zwischenstand",
    "was sich im Alltag ändert", "Schülerinnen und Schüler forschen mit", "Rückblick auf das Jahr",
    "Daten jetzt offen verfügbar", "erweitertes Angebot", "neue Kooperation vereinbart",
    "Förderung bestätigt", "Start der Umsetzung", "Ausschreibung abgeschlossen",
    "Fragen und Antworten", "die wichtigsten Zahlen", "Erfahrungen aus zwei Städten",
    "Übergabe an den Regelbetrieb", "Auszeichnung für das Team",
]

EVENT_FORMATS = ["Workshop", "Open House", "Science Slam", "Stadtteilkonferenz", "Vortrag",
                 "Debatte", "Mitmachaktion", "Führung", "Sprechstunde", "Online-Seminar",
                 "MINT-Experiment", "Sensation Walk"]

EVENT_TITLE_PARTS = [
    "Stadt im Wandel", "Smarte Quartiere", "Daten für alle", "Klima messen", "Programmieren für Einsteiger",
    "3D-Druck ausprobieren", "Offene Daten verstehen", "Die Open Smart City App", "Radverkehr zählen",
    "Sensoren selbst bauen", "Zukunft der Innenstadt", "Digitale Verwaltung erleben",
    "Maker Space für Familien", "Hitze in der Stadt", "Mobilität von morgen", "Energie sparen im Alltag",
]

VENUES = [
    ("Projektor – Raum für Innovationen und Zusammenarbeit", "Kleppingstraße 28, 44135 Dortmund"),
    ("Dortmunder U", "Leonie-Reygers-Terrasse 2, 44137 Dortmund"),
    ("Rathaus Schwerte, Bürgersaal", "Rathausstraße 31, 58239 Schwerte"),
    ("Factory 4", "Hagener Straße 40, 58239 Schwerte"),
    ("Stadt- und Landesbibliothek", "Max-von-der-Grün-Platz 1–3, 44137 Dortmund"),
    ("Bürgerhaus Hörde", "Hörder Bahnhofstraße 12, 44263 Dortmund"),
    ("Ruhrtalmuseum", "Brückstraße 14, 58239 Schwerte"),
    ("Depot Nordstadt", "Immermannstraße 39, 44147 Dortmund"),
    ("Begegnungszentrum Aplerbeck", "Märtmannstraße 9, 44287 Dortmund"),
]

PROJECT_BASES = [
    "Urbane Datenplattform", "Digitaler Zwilling", "Open-Data-Portal", "Citizen Science Lab",
    "Umwelt- und Verkehrssensorik", "Learning Lab", "Mobiler Maker Space", "Open Smart City App",
    "Smartes Abfallmanagement", "Smarte Parkraumerfassung", "Baumfeuchte-Monitoring",
    "Klimamessnetz", "Brückenmonitoring", "Digitale Bauakte", "Smarte Straßenbeleuchtung",
    "Quartiersplattform", "Starkregen-Frühwarnsystem", "Digitales Bürgerbüro",
    "Ladeinfrastruktur-Monitor", "Radverkehrszählung", "Hitzeaktionsplan digital",
    "Innenstadt-Frequenzmessung", "Digitale Stadtführung", "Energiemonitoring Schulen",
]

PROJECT_SUFFIX = [
    "Nordstadt", "Hörde", "Ergste", "Innenstadt", "Holzen", "Aplerbeck", "Westerfilde",
    "Villigst", "Mengede", "Scharnhorst", "Hombruch", "Lütgendortmund", "Brünninghausen",
    "Phoenix-See", "Altstadt Schwerte", "Unionviertel",
]

PARTNERS = [
    "Ruhr-Universität Bochum", "Technische Universität Dortmund", "Fachhochschule Dortmund",
    "DEW21", "Stadtwerke Schwerte", "EDG Entsorgung Dortmund", "DSW21", "Fraunhofer ISST",
    "Dortmunder U", "Wirtschaftsförderung Dortmund", "Verbraucherzentrale NRW",
    "Stadtsportbund", "Volkshochschule Schwerte", "Kreis Unna",
]

AUTHORS = [
    "Anna Schäfer", "Jörg Müller", "Sümeyye Yılmaz", "Lena Weiß", "Tobias Krüger",
    "Birgit Löffler", "Mehmet Özdemir", "Katrin Groß", "Jens Fröhlich", "Smart-City-Team",
]

TAGS = [
    "Sensorik", "Open Data", "Beteiligung", "Mobilität", "Klimaschutz", "Bildung",
    "Datenschutz", "Stadtlabor", "Schwerte", "Dortmund", "Förderung", "Barrierefreiheit",
    "Künstliche Intelligenz", "Energie", "Verwaltung", "Gesundheit", "Kultur", "Wirtschaft",
]

IMAGES = [
    ("sensor.svg", "Schematische Darstellung eines Klimasensors an einem Laternenmast", "#1b5e8c"),
    ("karte.svg", "Vereinfachte Karte von Dortmund und Schwerte mit Messpunkten", "#2e7d32"),
    ("diagramm.svg", "Balkendiagramm mit Messwerten über zwölf Monate", "#b23b16"),
    ("stadtlabor.svg", "Skizze des Stadtlabors mit Arbeitstischen und Bildschirm", "#6a1b9a"),
    ("bruecke.svg", "Zeichnung einer Brücke mit Schwingungssensoren", "#37474f"),
    ("app.svg", "Smartphone mit der Startseite der Open Smart City App", "#00695c"),
]

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

TRANSLIT = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue",
            "ı": "i", "é": "e", "è": "e", "–": "-"}


def slugify(text: str, max_len: int = 60) -> str:
    s = "".join(TRANSLIT.get(c, c) for c in text).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if len(s) > max_len:
        s = s[:max_len].rsplit("-", 1)[0]
    return s or "eintrag"


def yq(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def ylist(values) -> str:
    return "[" + ", ".join(yq(v) for v in values) + "]"


def last_sunday(year: int, month: int) -> dt.date:
    d = dt.date(year, month + 1, 1) - dt.timedelta(days=1) if month < 12 else dt.date(year, 12, 31)
    return d - dt.timedelta(days=(d.weekday() - 6) % 7)


def berlin_offset(local: dt.datetime) -> str:
    """UTC offset of Europe/Berlin for a local wall time (CET/CEST rules since 1996)."""
    start = dt.datetime.combine(last_sunday(local.year, 3), dt.time(2, 0))
    end = dt.datetime.combine(last_sunday(local.year, 10), dt.time(3, 0))
    return "+02:00" if start <= local < end else "+01:00"


def iso(local: dt.datetime) -> str:
    return local.strftime("%Y-%m-%dT%H:%M:%S") + berlin_offset(local)


def german_month_year(d: dt.datetime) -> str:
    return f"{GERMAN_MONTHS[d.month - 1]} {d.year}"


class Item:
    __slots__ = ("kind", "slug", "path", "title", "draft", "meta", "fields", "date")

    def __init__(self, kind, slug, path, title, draft=False, fields=(), date=None):
        self.kind = kind
        self.slug = slug
        self.path = path          # relative to the content root, posix
        self.title = title
        self.draft = draft
        self.meta = {}
        self.fields = list(fields)
        self.date = date


# ---------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------

class Generator:
    def __init__(self, items: int, seed: int):
        self.n = items
        self.rng = random.Random(seed)
        self.slugs: set[str] = set()
        self.items: list[Item] = []
        self.link_targets: list[Item] = []

    # -- naming -------------------------------------------------------------
    def unique_slug(self, title: str) -> str:
        base = slugify(title)
        slug, i = base, 2
        while slug in self.slugs:
            slug = f"{base}-{i}"
            i += 1
        self.slugs.add(slug)
        return slug

    def random_local_datetime(self, first: dt.datetime, last: dt.datetime) -> dt.datetime:
        span_days = (last.date() - first.date()).days
        while True:
            day = first.date() + dt.timedelta(days=self.rng.randrange(span_days + 1))
            t = dt.datetime.combine(day, dt.time(self.rng.randrange(8, 20), self.rng.choice((0, 15, 30, 45))))
            if first <= t <= last:
                return t

    def pick_fields(self) -> list[str]:
        k = 1 if self.rng.random() < 0.6 else 2
        return [FIELDS[i][0] for i in sorted(self.rng.sample(range(len(FIELDS)), k))]

    # -- planning -----------------------------------------------------------
    def plan(self) -> None:
        rng = self.rng
        n_projects = round(self.n * 0.10)
        n_events = round(self.n * 0.20)
        n_posts = self.n - n_projects - n_events
        # Reserve the fixed slugs first so that no generated item takes them.
        self.slugs.update(slug for slug, _, _ in FIELDS)
        self.slugs.update(slug for slug, _, _ in PAGES)
        self.slugs.add("strategy")

        for _ in range(n_posts):
            title = f"{rng.choice(TITLE_TOPICS)} {rng.choice(PLACES)}: {rng.choice(TITLE_ACTIONS)}"
            title = title[0].upper() + title[1:]
            slug = self.unique_slug(title)
            date = self.random_local_datetime(dt.datetime(2019, 1, 1, 0, 0), NOW - dt.timedelta(days=1))
            it = Item("post", slug, f"posts/{date.year}/{slug}.md", title,
                      draft=rng.random() < 0.02, fields=self.pick_fields(), date=date)
            it.meta["author"] = rng.choice(AUTHORS)
            it.meta["tags"] = rng.sample(TAGS, rng.randint(1, 4))
            it.meta["summary"] = self.sentence().rstrip(".") + "."
            self.items.append(it)

        for _ in range(n_events):
            fmt = rng.choice(EVENT_FORMATS)
            title = f"{fmt}: {rng.choice(EVENT_TITLE_PARTS)} {rng.choice(PLACES)}"
            slug = self.unique_slug(title)
            start = self.random_local_datetime(dt.datetime(2019, 1, 1), dt.datetime(2027, 12, 31, 23, 0))
            if rng.random() < 0.1:
                end = start + dt.timedelta(days=rng.randint(1, 2), hours=rng.randint(0, 4))
            else:
                end = start + dt.timedelta(minutes=rng.choice((60, 90, 120, 180, 240, 330)))
            it = Item("event", slug, f"events/{start.year}/{slug}.md", title,
                      fields=self.pick_fields(), date=start)
            it.meta["start"] = start
            it.meta["end"] = end
            it.meta["format"] = fmt
            r = rng.random()
            if r < 0.75 or fmt == "Führung":
                it.meta["location"] = rng.choice(VENUES)
            if r >= 0.70:
                it.meta["online"] = f"https://video.bench.example.org/raum-{rng.randrange(100, 999)}"
            if rng.random() < 0.3:
                it.meta["registration"] = f"https://bench.example.org/anmeldung/{slug}"
            it.meta["summary"] = self.sentence()
            self.items.append(it)

        codes: dict[str, int] = {}
        for _ in range(n_projects):
            title = f"{rng.choice(PROJECT_BASES)} {rng.choice(PROJECT_SUFFIX)}"
            slug = self.unique_slug(title)
            fields = self.pick_fields()
            prefix = next(abbr for s, _, abbr in FIELDS if s == fields[0])
            codes[prefix] = codes.get(prefix, 0) + 1
            it = Item("project", slug, f"projects/{slug}.md", title, fields=fields)
            it.meta["status"] = rng.choice(("idee", "planung", "umsetzung", "abgeschlossen"))
            it.meta["code"] = f"{prefix} {codes[prefix]:02d}"
            it.meta["cities"] = rng.choice((["Dortmund"], ["Schwerte"], ["Dortmund", "Schwerte"]))
            it.meta["partners"] = rng.sample(PARTNERS, rng.randint(0, 3))
            if rng.random() < 0.6:
                s = dt.date(rng.randint(2020, 2025), rng.randint(1, 12), 1)
                it.meta["start"] = s
                if rng.random() < 0.5:
                    it.meta["end"] = dt.date(min(s.year + rng.randint(1, 3), 2027), rng.randint(1, 12), 28)
            it.meta["summary"] = self.sentence()
            self.items.append(it)

        for slug, title, summary in PAGES:
            it = Item("page", slug, f"pages/{slug}.md", title)
            it.meta["summary"] = summary
            self.items.append(it)
        strategy = Item("strategy", "strategy", "strategy.md", "Smart-City-Strategie DOS 2030")
        strategy.meta["summary"] = ("Die gemeinsame Strategie von Dortmund und Schwerte: "
                                    "zwölf Handlungsfelder, 45 Projekte, Umsetzung bis 2027.")
        self.items.append(strategy)

        # Link targets: everything that exists and is not a draft (fields excluded).
        self.link_targets = [it for it in self.items if not it.draft]

    # -- text ---------------------------------------------------------------
    def clause(self) -> str:
        rng = self.rng
        verb = rng.choice(VERBS)
        parts = [rng.choice(OBJECTS)]
        if rng.random() < 0.6:
            parts.append(rng.choice(PLACES))
        if rng.random() < 0.5:
            parts.append(rng.choice(ADVERBIALS))
        return verb, " ".join(parts) + VERB_PARTICLE.get(verb, "")

    def sentence(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.25:
            return rng.choice(FIXED_SENTENCES)
        verb, rest = self.clause()
        if r < 0.45:
            subj = rng.choice(SUBJECTS)
            subj = subj[0].lower() + subj[1:]  # every subject starts with an article
            return f"{rng.choice(CONNECTORS)} {verb} {subj} {rest}."
        return f"{rng.choice(SUBJECTS)} {verb} {rest}."

    def paragraph(self, lo=3, hi=6) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(lo, hi)))

    def bullet_list(self) -> str:
        rng = self.rng
        items = [re.sub(r"^einen ", "ein ", o) for o in rng.sample(OBJECTS, rng.randint(3, 6))]
        return "\n".join(f"- {o[0].upper() + o[1:]}" + (f" {rng.choice(PLACES)}" if rng.random() < 0.4 else "")
                         for o in items)

    def table(self) -> str:
        rng = self.rng
        rows = ["| Standort | Messpunkte | Stand |", "|---|---:|---|"]
        for name in rng.sample(PLACE_NAMES, rng.randint(3, 6)):
            rows.append(f"| {name} | {rng.randint(1, 80)} | "
                        f"{GERMAN_MONTHS[rng.randrange(12)]} {rng.randint(2021, 2026)} |")
        return "\n".join(rows)

    def image(self) -> str:
        name, alt, _ = self.rng.choice(IMAGES)
        return f"![{alt}](/images/{name})"

    def link_sentence(self, src: Item) -> str:
        rng = self.rng
        while True:
            tgt = rng.choice(self.link_targets)
            if tgt is not src:
                break
        rel = posixpath.relpath(tgt.path, posixpath.dirname(src.path) or ".")
        if tgt.kind == "project" and rng.random() < 0.1:
            rel += "#ziel"
        intro = {
            "post": "Mehr dazu steht im Beitrag",
            "event": "Passend dazu gibt es die Veranstaltung",
            "project": "Einen Überblick bietet das Projekt",
            "page": "Hinweise finden Sie auf der Seite",
            "strategy": "Den Rahmen setzt die",
        }[tgt.kind]
        return f"{intro} [{tgt.title}]({rel})."

    def words(self, parts: list[str]) -> int:
        return sum(len(p.split()) for p in parts)

    def generic_sections(self, src: Item, parts: list[str], target: int, used: set[str]) -> None:
        rng = self.rng
        while self.words(parts) < target:
            h2 = rng.choice([h for h in H2_HEADINGS if h not in used] or H2_HEADINGS)
            used.add(h2)
            parts.append(f"## {h2}")
            parts.append(self.paragraph())
            for _ in range(rng.randint(0, 2)):
                r = rng.random()
                if r < 0.3:
                    parts.append(self.bullet_list())
                elif r < 0.4:
                    parts.append(self.table())
                elif r < 0.55:
                    parts.append(self.image())
                elif r < 0.8:
                    parts.append(self.paragraph(2, 4) + " " + self.link_sentence(src))
                else:
                    parts.append(self.paragraph(2, 5))
            if rng.random() < 0.35:
                for h3 in rng.sample(H3_HEADINGS, rng.randint(1, 2)):
                    parts.append(f"### {h3}")
                    parts.append(self.paragraph(2, 5))
                    if rng.random() < 0.3:
                        parts.append(self.bullet_list())

    def trim(self, parts: list[str], hi: int = 1500) -> list[str]:
        # Never end on a heading and never exceed the upper bound.
        while len(parts) > 2 and (self.words(parts) > hi or parts[-1].startswith("#")):
            parts.pop()
        while parts and parts[-1].startswith("#"):
            parts.pop()
        return parts

    def body(self, it: Item) -> str:
        rng = self.rng
        target = rng.randint(300, 1450)
        parts = [self.paragraph(3, 5)]
        used: set[str] = set()
        if it.kind == "project":
            stand = dt.datetime(rng.randint(2023, 2026), rng.randint(1, 10), 1)
            for h in ("Problem", "Ziel", "Lösung", f"Aktueller Stand ({german_month_year(stand)})"):
                parts.append(f"## {h}")
                parts.append(self.paragraph())
                if h == "Lösung" and rng.random() < 0.5:
                    parts.append(self.bullet_list())
            parts.append(self.link_sentence(it))
        elif it.kind == "event":
            start = it.meta["start"]
            parts.append("## Programm")
            t = start
            lines = []
            for _ in range(rng.randint(3, 5)):
                obj = rng.choice(OBJECTS)
                lines.append(f"- {t:%H:%M} Uhr: {obj[0].upper()}{obj[1:]}")
                t += dt.timedelta(minutes=rng.choice((30, 45, 60)))
            parts.append("\n".join(lines))
            parts.append("## Anmeldung")
            parts.append(self.paragraph(2, 3))
        else:
            parts.append(self.link_sentence(it))
        self.generic_sections(it, parts, target, used)
        parts = self.trim(parts)
        # Make sure every body has at least 300 words even after trimming.
        while self.words(parts) < 300:
            parts.append(self.paragraph())
        return "\n\n".join(parts) + "\n"

    # -- writing ------------------------------------------------------------
    def front_matter(self, it: Item) -> str:
        m = it.meta
        lines = ["---", f"title: {yq(it.title)}"]
        if it.kind == "post":
            lines.append(f"date: {iso(it.date)}")
            lines.append(f"author: {yq(m['author'])}")
            lines.append(f"fields: {ylist(it.fields)}")
            lines.append(f"tags: {ylist(m['tags'])}")
            lines.append(f"summary: {yq(m['summary'])}")
            if it.draft:
                lines.append("draft: true")
        elif it.kind == "event":
            lines.append(f"start: {iso(m['start'])}")
            lines.append(f"end: {iso(m['end'])}")
            if "location" in m:
                name, address = m["location"]
                lines += ["location:", f"  name: {yq(name)}", f"  address: {yq(address)}"]
            if "online" in m:
                lines.append(f"online: {m['online']}")
            lines.append(f"fields: {ylist(it.fields)}")
            lines.append(f"format: {yq(m['format'])}")
            if "registration" in m:
                lines.append(f"registration: {m['registration']}")
            lines.append(f"summary: {yq(m['summary'])}")
        elif it.kind == "project":
            lines.append(f"status: {m['status']}")
            lines.append(f"fields: {ylist(it.fields)}")
            lines.append(f"cities: {ylist(m['cities'])}")
            lines.append(f"partners: {ylist(m['partners'])}")
            if "start" in m:
                lines.append(f"start: {m['start'].isoformat()}")
            if "end" in m:
                lines.append(f"end: {m['end'].isoformat()}")
            lines.append(f"code: {yq(m['code'])}")
            lines.append(f"summary: {yq(m['summary'])}")
        elif it.kind == "page":
            lines.append(f"summary: {yq(m['summary'])}")
        elif it.kind == "strategy":
            lines.append("pdf: downloads/strategie.pdf")
            lines.append("published: 2023-03-31")
            lines.append(f"summary: {yq(m['summary'])}")
        lines.append("---")
        return "\n".join(lines) + "\n\n"

    def write(self, out: str) -> dict:
        counts = {"post": 0, "draft": 0, "event": 0, "project": 0, "page": 0, "strategy": 0}
        write_text(os.path.join(out, "site.yml"), site_yml())
        for order, (slug, title, _) in enumerate(FIELDS, 1):
            fm = (f"---\ntitle: {yq(title)}\norder: {order}\nsummary: {yq(FIELD_SUMMARIES[slug])}\n---\n\n"
                  f"Im Handlungsfeld {title} bündeln Dortmund und Schwerte ihre Projekte. "
                  f"{self.paragraph(3, 5)}\n")
            write_text(os.path.join(out, "fields", f"{slug}.md"), fm)
        for it in self.items:
            write_text(os.path.join(out, *it.path.split("/")), self.front_matter(it) + self.body(it))
            counts[it.kind] += 1
            counts["draft"] += it.draft
        for name, alt, color in IMAGES:
            write_text(os.path.join(out, "images", name), svg(name, alt, color))
        write_bytes(os.path.join(out, "downloads", "strategie.pdf"), tiny_pdf())
        return counts


def site_yml() -> str:
    here = os.path.dirname(os.path.abspath(__file__))
    repo_site = os.path.join(here, "..", "content", "site.yml")
    try:
        with open(repo_site, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        text = SITE_YML_FALLBACK
    if not re.search(r"(?m)^base_url:", text):
        text = SITE_YML_FALLBACK
    return re.sub(r'(?m)^base_url:.*$', f'base_url: "{BASE_URL}"', text)


def svg(name: str, alt: str, color: str) -> str:
    # Deterministic shapes derived from the file name (no hash(): it is salted).
    n = sum(ord(c) for c in name)
    bars = "".join(
        f'<rect x="{40 + i * 50}" y="{220 - (n * (i + 3)) % 150}" width="36" height="{(n * (i + 3)) % 150 + 20}" fill="{color}" opacity="0.8"/>'
        for i in range(8))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="480" height="270" viewBox="0 0 480 270" role="img">'
            f'<title>{alt}</title><rect width="480" height="270" fill="#f4f4f0"/>{bars}'
            f'<circle cx="400" cy="60" r="30" fill="none" stroke="{color}" stroke-width="6"/></svg>\n')


def tiny_pdf() -> bytes:
    """A minimal, valid one-page PDF 1.4 with correct xref offsets, tagged as an accessible PDF is
    (a structure tree, its language and a title), so the build has nothing to warn about."""
    text = b"/H1 <</MCID 0>> BDC BT /F1 24 Tf 72 720 Td (Smart-City-Strategie DOS 2030) Tj ET EMC"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (de-DE) /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> /StructParents 0 >>",
        b"<< /Length " + str(len(text)).encode() + b" >>\nstream\n" + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /StructTreeRoot /K [7 0 R] /ParentTree 8 0 R /ParentTreeNextKey 1 >>",
        b"<< /Type /StructElem /S /H1 /P 6 0 R /Pg 3 0 R /K [0] >>",
        b"<< /Nums [0 [7 0 R]] >>",
        b"<< /Title (Smart-City-Strategie DOS 2030) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info 9 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def write_text(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def write_bytes(path: str, data: bytes) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def generate(items: int, seed: int, out: str, clean: bool = True) -> dict:
    if clean and os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out, exist_ok=True)
    g = Generator(items, seed)
    g.plan()
    return g.write(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--items", type=int, default=10000, help="number of posts+events+projects (default 10000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--out", required=True, help="output folder (emptied first)")
    ap.add_argument("--no-clean", action="store_true", help="do not empty --out first")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    if args.items < 1:
        ap.error("--items must be at least 1")
    counts = generate(args.items, args.seed, args.out, clean=not args.no_clean)
    if not args.quiet:
        print(f"corpus: {args.out}: {counts['post']} posts ({counts['draft']} drafts), "
              f"{counts['event']} events, {counts['project']} projects, {counts['page']} pages, "
              f"1 strategy, {len(FIELDS)} fields, {len(IMAGES)} images, 1 PDF")
    return 0


if __name__ == "__main__":
    sys.exit(main())
