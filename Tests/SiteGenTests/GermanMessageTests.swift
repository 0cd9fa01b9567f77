import Foundation
import Testing
@testable import SiteGen

/// Bad input of every kind the other suites feed (the bad-input fixtures, editors' and designers'
/// mistakes) gives messages that all have their German text: none stays English, none keeps an
/// English clause.
@Suite struct GermanMessageTests {
    let catalogue = MessageCatalogue.german

    /// The messages that would stay English, or keep an English clause, in German.
    func untranslated(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.compactMap { d in
            if catalogue.german(d.message) == nil { return "\(d)\n    (no entry)" }
            let clauses = catalogue.untranslatedClauses(d.message)
            return clauses.isEmpty ? nil : "\(d)\n    (no entry for \(clauses))"
        }
    }

    /// Builds the minimal site with `files` (content paths) added, in memory, with the real templates.
    func build(_ files: [String: [UInt8]]) -> [Diagnostic] {
        let memory = MemoryFileSystem(Dictionary(uniqueKeysWithValues: TestSupport.minimalSite.map { ("/c/" + $0.key, $0.value) }))
        for (path, bytes) in files { memory.write("/c/" + path, bytes: bytes) }
        let fs = OverlayFileSystem(memory: memory)
        let builder = Builder(location: SiteLocation(content: "/c", templates: TestSupport.templates, output: "/out"),
                              options: BuildOptions(now: TestSupport.now), fileSystem: fs)
        return builder.run(into: MemorySink(fileSystem: fs)).0.diagnostics
    }

    @Test(arguments: BadInputTests.cases)
    func aBadInputFixtureSpeaksGerman(_ name: String) throws {
        let folder = BadInputTests.fixtures + "/" + name + "/content"
        var files: [String: [UInt8]] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder) where !FileManager.default.isDirectory(folder + "/" + path) {
            files[path] = Array(try #require(FileManager.default.contents(atPath: folder + "/" + path)))
        }
        let diagnostics = build(files)
        #expect(diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let english = untranslated(diagnostics)
        #expect(english.isEmpty, "\(english.joined(separator: "\n"))")
    }

    /// Editors' mistakes, many files in one site (see EditorTests, StrayFileTests, FrontMatterTests).
    static let contentMistakes: [String: String] = [
        "posts/2025/schluessel.md": "---\ntitel: Tippfehler\ntitle: Schlüssel\ndate: 2025-03-01T10:00:00+01:00\nsummary: s\nfarbe: rot\n---\nText\n",
        "posts/2025/datum.md": "---\ntitle: Datum\ndate: 2026-02-30\nsummary: s\n---\nText\n",
        "posts/2025/monat.md": "---\ntitle: Monat\ndate: 2025-13-01\nsummary: s\n---\nText\n",
        "posts/2025/stunde.md": "---\ntitle: Stunde\ndate: 2025-03-01T25:00:00+01:00\nsummary: s\n---\nText\n",
        "posts/2025/minute.md": "---\ntitle: Minute\ndate: 2025-03-01T10:61:00+01:00\nsummary: s\n---\nText\n",
        "posts/2025/morgen.md": "---\ntitle: Morgen\ndate: morgen\nsummary: s\n---\nText\n",
        "posts/2025/versatz.md": "---\ntitle: Versatz\ndate: 2025-01-15T10:00:00+02:00\nsummary: s\n---\nText\n",
        "posts/2024/ordner.md": "---\ntitle: Ordner\ndate: 2025-03-01T10:00:00+01:00\n---\nText\n",
        "posts/2025/listen.md": "---\ntitle: Listen\ndate: 2025-03-01T10:00:00+01:00\nsummary: s\nfields: [energie, energie-und-umweld, entwurf-feld]\n"
            + "tags: [\"#\", Open Data, open data, Open Data, \"\"]\nauthor: [a, b]\nlang: english\n---\nText\n",
        "posts/2025/schreibweise.md": "---\ntitle: Schreibweise\ndate: 2025-03-02T10:00:00+01:00\nsummary: s\ntags: [open data]\n---\nText\n",
        "posts/2025/komma.md": "---\ntitle: Komma\ndate: 2025-03-01T10:00:00+01:00\nsummary: s\nfields: [Bildung, Kultur und Freizeit]\n---\nText\n",
        "fields/bildung-kultur.md": "---\ntitle: \"Bildung, Kultur und Freizeit\"\norder: 3\n---\nText\n",
        "fields/entwurf-feld.md": "---\ntitle: Entwurf\norder: 4\ndraft: true\n---\nText\n",
        "fields/doppelt.md": "---\ntitle: Doppelt\norder: 1\n---\nText\n",
        "fields/unter/ordner.md": "---\ntitle: Unterordner\n---\nText\n",
        "posts/2025/markdown.md": "---\ntitle: Markdown\ndate: 2025-03-01T10:00:00+01:00\nsummary: s\n---\n# Titel\n\n### Sprung\n\n##\n\n"
            + "<div>Block</div>\n\n<div>Noch einer</div>\n\n[](https://example.org/) [x](javascript:alert(1)) ![](bild.png) ![Bild](fehlt.png)\n\n"
            + "[Entwurf](entwurf.md) [Anker](schluessel.md#gibt-es-nicht) [weg](../../../../x.md) [win](..\\x.md) ![win](..\\x.png)\n\n"
            + "![fern](https://example.org/a.png) ![fern](//example.org/a.png) ![ftp](ftp://example.org/a.png) ![js](javascript:x)\n",
        "posts/2025/bild.png": "png",
        "posts/2025/entwurf.md": "---\ntitle: Entwurf\ndate: 2025-03-01T10:00:00+01:00\nsummary: s\ndraft: true\n---\nText\n",
        "posts/2025/bilder.md": "---\ntitle: Bilder\ndate: 2025-03-01T10:00:00+01:00\nsummary: s\nimage: https://example.org/a.png\n---\nText\n",
        "posts/2025/bild-pfad.md": "---\ntitle: Bildpfad\ndate: 2025-03-01T10:00:00+01:00\nsummary: s\nimage: images/x.png\n---\nText\n",
        "posts/2025/bild-fehlt.md": "---\ntitle: Bild fehlt\ndate: 2025-03-01T10:00:00+01:00\nsummary: s\nimage: nirgends.png\nimage_alt: x\n---\nText\n",
        "images/x.png": "png",
        "participation/telefon.md": "---\ntitle: Telefon\nstart: 2027-02-01\nparticipate:\n  - tel:0231 50-12345 Durchwahl 12\n  - { label: Hotline, link: \"tel:0800 123456 (Mo–Fr)\" }\n"
            + "  - mailto:a@example.org?cc=b@example.org\nresults: ../posts/2025/schreibweise.md\n---\nText\n",
        "events/2026/anmeldung.md": "---\ntitle: Anmeldung\nstart: 2026-12-01T18:00:00+01:00\nlocation: Rathaus\nregistration: \"tel:0800 123456 (Mo–Fr)\"\n---\nText\n",
        "events/2026/ort.md": "---\ntitle: Ort\nstart: 2026-12-01\nend: 2026-12-01T18:00:00+01:00\nstatus: verschoben\nregistration: keine\n---\nText\n",
        "events/2026/ende.md": "---\ntitle: Ende\nstart: 2026-12-01T18:00:00+01:00\nend: 2026-12-01\nlocation: Rathaus\n---\nText\n",
        "events/2026/frueher.md": "---\ntitle: Früher\nstart: 2026-12-01T18:00:00+01:00\nend: 2026-11-30T18:00:00+01:00\nlocation: Rathaus\n---\nText\n",
        "events/2025/jahr.md": "---\ntitle: Jahr\nstart: 2026-12-01T18:00:00+01:00\nlocation:\n  name: Rathaus\n  ort: x\n---\nText\n",
        "projects/p.md": "---\ntitle: P\nstatus: umsetzen\nstart: 2026-01-01\nend: 2025-01-01\n---\nText\n",
        "projects/q.md": "---\ntitle: Q\nstatus: idee\nfields: daten-und-plattformen\npartners: {a: b}\ncities: [[a]]\n---\nText\n",
        "pages/werte.md": "---\ntitle: Werte\nmenu: eins\nsearch: vielleicht\nsummary: [a]\n---\nText\n",
        "pages/leer.md": "---\ntitle: \"\"\n---\nText\n",
        "pages/Über uns.md": "---\ntitle: Über uns\n---\nText\n",
        "posts/2025/bericht/index.md": "---\ntitle: Bericht\ndate: 2025-03-01T10:00:00+01:00\nsummary: s\n---\nText\n",
        "posts/2025/anhang.pdf": "pdf",
        "posts/2025/neu.md.txt": "---\ntitle: Neu\n---\n",
        "sonstiges/notiz.md": "---\ntitle: Notiz\n---\n",
        "strategy.md": "---\ntitle: Strategie\npdf: downloads/fehlt.pdf\n---\nText\n",
        "posts/2025/y-quote.md": "---\ntitle: \"Offen\ndate: 2025-03-01T10:00:00+01:00\n---\nText\n",
        "posts/2025/y-list.md": "---\ntitle: Liste\nfields: [a, b\ndate: 2025-03-01T10:00:00+01:00\n---\nText\n",
        "posts/2025/y-tab.md": "---\ntitle: Tab\nlocation:\n\tname: x\n---\nText\n",
        "posts/2025/y-space.md": "---\ntitle: Platz\nsummary:Kurz\ndate: 2025-03-01T10:00:00+01:00\n---\nText\n",
        "posts/2025/y-twice.md": "---\ntitle: A\ndate: 2025-03-01T10:00:00+01:00\ntitle: B\n---\nText\n",
        "posts/2025/y-hash.md": "---\ntitle: Was ist #Smartcity?\ndate: 2025-03-01T10:00:00+01:00\nsummary: s\n---\nText\n",
        "posts/2025/y-colon.md": "---\ntitle: Stadt: Wandel\ndate: 2025-03-01T10:00:00+01:00\n---\nText\n",
        "posts/2025/y-indent.md": "---\ntitle: Einrückung\n  date: 2025-03-01T10:00:00+01:00\nsummary: s\n---\nText\n",
        "posts/2025/y-dedent.md": "---\nlocation:\n    name: a\n  address: b\ntitle: x\n---\nText\n",
        "posts/2025/y-alias.md": "---\ntitle: &a Alias\nsummary: *a\n---\nText\n",
        "posts/2025/y-token.md": "---\ntitle: @Stadt\n---\nText\n",
        "posts/2025/y-listfm.md": "---\n- a\n- b\n---\nText\n",
        "posts/2025/y-empty.md": "---\n---\nText\n",
        "posts/2025/y-open.md": "---\ntitle: Offen\n",
        "posts/2025/y-none.md": "Nur Text\n",
        "posts/2025/y-blank.md": "\n",
        "posts/2025/y-space-dashes.md": " ---\ntitle: x\n---\n",
        "posts/2025/y-key.md": "---\n[a]: b\n---\nText\n",
        // A Windows path in double quotes, a bad \u, a line starting with %, |0 (libyaml's own English).
        "posts/2025/y-windows.md": "---\ntitle: x\nimage: \"C:\\Users\\mueller\\Bild.jpg\"\n---\nText\n",
        "posts/2025/y-unicode.md": "---\ntitle: \"Code \\uD800\"\n---\nText\n",
        "posts/2025/y-percent.md": "---\ntitle: x\n% Rabatt\n---\nText\n",
        "posts/2025/y-directive.md": "---\ntitle: x\n%YAML 1.2\n---\nText\n",
        "posts/2025/y-zero.md": "---\ntitle: x\nsummary: |0\n  y\n---\nText\n",
        "posts/2025/y-ended.md": "---\ntitle: x\n...\ndraft: true\n---\nText\n",
        "posts/2025/y-below.md": "---\ntitle: x\n---\ndraft: true\n\nText\n",
        "events/2026/uhrzeit.md": "---\ntitle: Uhrzeit\nstart: 07.12.2026 18 Uhr\nend: 20:00\nlocation: Rathaus\nregistration: \"https://\"\n---\nText\n",
        // Participation formats (see ParticipationTests).
        "participation/werkstatt.md": "---\ntitle: Werkstatt\nstart: 2026-12-05\nend: 2026-12-05T15:00:00+01:00\nstatus: laufend\n"
            + "participate:\n  - { label: Umfrage, link: http://example.org/ }\n  - https://example.org/ohne-label\n  - mailto:keine-adresse\n"
            + "  - ../events/2026/fehlt.md\n  - ../posts/2025/schluessel.md\n  - ftp://example.org/\n  - [a]\n"
            + "results: ergebnisse\nprojects: [../projects/p.md, fehlt, ../projects/gibt-es-nicht.md, ../pages/werte.md, \"\"]\n---\nText\n",
        "participation/vorbei.md": "---\ntitle: Vorbei\nstart: 2025-05-01\nend: 2025-05-02\nstatus: abgesagtt\n---\nText\n",
        "participation/ohne.md": "---\ntitle: Ohne\nstart: 2026-12-20\nresults: \"#ergebnisse\"\n---\nText\n",
        "participation/ergebnis.md": "---\ntitle: Ergebnis\nstart: 2025-05-01\nend: 2025-05-02\nresults: ../posts/2025/entwurf.md\n---\nText\n",
        "participation/abschnitt.md": "---\ntitle: Abschnitt\nstart: 2025-05-01\nend: 2025-05-02\nresults: ../posts/2025/schluessel.md#fazt\n---\nText\n",
        "participation/spaeter.md": "---\ntitle: Später\nstart: 2026-12-01T18:00:00+01:00\nend: 2026-11-01T18:00:00+01:00\n---\nText\n",
        "events/2026/mitmachen.md": "---\ntitle: Mitmachen\nstart: 2026-12-01T18:00:00+01:00\nlocation: Rathaus\nparticipation: ../../participation/werkstat.md\n---\nText\n",
    ]

    @Test func editorsMistakesSpeakGerman() {
        let diagnostics = build(Self.contentMistakes.mapValues { Array($0.utf8) })
        #expect(diagnostics.count > 80, "\(diagnostics.count)")
        let english = untranslated(diagnostics)
        #expect(english.isEmpty, "\(english.joined(separator: "\n"))")
    }

    /// site.yml's mistakes (one file each; the build stops at the first).
    @Test(arguments: [
        "", "- a\n", "title: T\nbase_url: ftp://example.org/\n", "title: T\nbase_url: https://example.org/?a\n",
        "title: T\nbase_url: https:///\n", "title: T\nlanguage: deutsch\nunbekannt: 1\n",
        "title: T\nbase_url: https://example.org/\npaginate: 0\npaths:\n  blog: Blog Beiträge\n  tags: seite\n  events: projekte\n",
        "title: T\nbase_url: https://example.org/\npaths:\n  tags: '2024'\n  search: assets\n",
        "title: T\nbase_url: https://example.org/\npublisher: x\nlicense:\n  url: ftp://x\n",
        "title: [kaputt\n", "title: \"kaputt\n",
        "title: T\nbase_url: https://example.org/\nideas:\n  email: mailto:x\n  form: http://example.org/\n",
        "title: T\nbase_url: https://example.org/\nideas: {}\n",
    ])
    func siteYmlMistakesSpeakGerman(_ yaml: String) {
        let (_, diagnostics) = TestSupport.model(TestSupport.minimalSite.merging(["site.yml": yaml]) { _, b in b })
        #expect(!diagnostics.isEmpty)
        let english = untranslated(diagnostics)
        #expect(english.isEmpty, "\(english.joined(separator: "\n"))")
        let (_, overridden) = SiteConfig.decode(.map(YAMLMap(entries: [], line: 1)), file: "site.yml", overrideBaseURL: "beispiel.org")
        #expect(untranslated(overridden).isEmpty, "\(overridden)")
    }

    /// Loads the real theme with one change, as ThemeBadInputTests does.
    func theme(_ change: (inout [String: [UInt8]]) -> Void) -> [Diagnostic] {
        var files = ThemeBadInputTests.theme
        change(&files)
        let fs = MemoryFileSystem()
        for (path, bytes) in files { fs.write("/t/" + path, bytes: bytes) }
        return TemplateSet.load(fileSystem: fs, root: "/t", displayRoot: "Templates", language: "de").1
    }

    /// A designer's mistakes (see ThemeBadInputTests, BadInputTests): (file, text to find, replacement).
    static let themeMistakes: [(String, String, String)] = [
        ("post.mustache", "{{/post}}", "{{/pots}}"),
        ("post.mustache", "{{^lang}}{{title}}{{/lang}}</h1>", "{{^lang}}{{titel}}{{post.titel}}{{t.nav.blgo}}{{t.nav.zzzzzz}}{{tags}}{{/lang}}</h1>"),
        ("post.mustache", "{{{html}}}", "{{html}}"),
        ("post.mustache", "{{#post}}\n", "{{#post}}{{#tags}}{{{.}}}{{/tags}}{{t.nav}}\n"),
        ("post.mustache", "{{#summary}}", "{{#if summary}}"),
        ("post.mustache", "{{#post}}\n", "{{#each post}}\n"),
        ("post.mustache", "{{#summary}}", "{{#unless summary}}"),
        ("post.mustache", "{{#summary}}<p class=\"lead\"{{#lang}} lang=\"{{lang}}\"{{/lang}}>{{summary}}</p>{{/summary}}", "{{#summary}}x{{else}}y{{/summary}}"),
        ("post.mustache", "{{title}}", "{{.title}}"),
        ("post.mustache", "{{title}}", "{{ti tle}}"),
        ("post.mustache", "{{title}}", "{{}}"),
        ("post.mustache", "{{title}}", "{{{title}"),
        ("post.mustache", "{{title}}", "{{title"),
        ("post.mustache", "{{#post}}\n", "{{#post}}\n{{! TODO: Seitenleiste\n"),
        ("post.mustache", "{{#post}}\n", "{{#post}}\n{{=<% %>}}\n"),
        ("post.mustache", "{{#post}}\n", "{{#post}}\n{{=<% %> x=}}\n"),
        ("post.mustache", "{{#post}}\n", "{{#post}}\n{{>*dynamisch}}\n"),
        ("post.mustache", "{{#post}}\n", "{{#post}}\n{{/gibt-es-nicht}}\n"),
        ("partials/tags.mustache", "", "{{#offen}}\n"),
        ("post.mustache", "{{#post}}\n", String(repeating: "{{#post}}", count: 120) + "\n"),
        ("post.mustache", "main}}", "mian}}"),
        ("post.mustache", "{{<base}}\n", "{{<base}}\n<p>Seitenleiste</p>\n"),
        ("partials/card-post.mustache", "{{dateText}}", "{{post.datum}}"),
        ("partials/badge-items.mustache", "", "{{> partials/badge-items}}\n"),
        ("partials/labels.mustache", "", "{{> partials/bagde}}\n"),
        ("i18n/de.yml", "  status: \"Seite {1} von {2}\"\n", ""),
    ]

    @Test func designersMistakesSpeakGerman() {
        var all: [Diagnostic] = []
        for (file, find, replace) in Self.themeMistakes {
            all += theme { files in
                let text = String(decoding: files[file] ?? [], as: UTF8.self)
                files[file] = Array((find.isEmpty ? text + replace : text.replacingOccurrences(of: find, with: replace)).utf8)
            }
        }
        all += theme { $0["psot.mustache"] = Array("x".utf8); $0["extra.mustache"] = Array("x".utf8) }
        all += theme { $0["404.mustache"] = []; $0["search.mustache"] = Array("<p>x</p>".utf8) }
        all += theme { $0["event.mustache"] = nil; $0["partials/badge.mustache"] = nil }
        all += theme { $0["tag.mustache"] = [0x7B, 0xFF]; $0["i18n/de.yml"] = [0xFF] }
        all += theme { $0["i18n/de.yml"] = nil }
        all += theme { $0["i18n/de.yml"] = Array("nav: [kaputt\n".utf8) }
        #expect(all.count > 30, "\(all.count)")
        let english = untranslated(all)
        #expect(english.isEmpty, "\(english.joined(separator: "\n"))")
    }

    /// Messages that need a disk: folders given wrong, an output that may not be replaced.
    @Test func foldersGivenWrongSpeakGerman() throws {
        let root = TestSupport.temporaryFolder("german-folders")
        TestSupport.write(TestSupport.minimalSite, under: root + "/content")
        try "x".write(toFile: root + "/datei", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root + "/fremd", withIntermediateDirectories: true)
        try "x".write(toFile: root + "/fremd/brief.txt", atomically: true, encoding: .utf8)
        var diagnostics: [Diagnostic] = []
        for (content, templates, output) in [
            (root + "/gibt-es-nicht", TestSupport.templates, root + "/out"), (root + "/datei", TestSupport.templates, root + "/out"),
            (root + "/content", root + "/gibt-es-nicht", root + "/out"), (root + "/content", root + "/datei", root + "/out"),
            (root + "/content", TestSupport.templates, root + "/datei"), (root + "/content", TestSupport.templates, root + "/content"),
            (root + "/content", TestSupport.templates, root), (root + "/content", TestSupport.templates, root + "/content/public"),
            (root + "/content", TestSupport.templates, root + "/fremd"), (root + "/content", TestSupport.templates, root + "/datei/public"),
        ] {
            diagnostics += Builder(location: SiteLocation(content: content, templates: templates, output: output),
                                   options: BuildOptions(now: TestSupport.now)).build().diagnostics
        }
        #expect(diagnostics.count >= 10, "\(diagnostics)")
        let english = untranslated(diagnostics.filter { $0.severity == .error })
        #expect(english.isEmpty, "\(english.joined(separator: "\n"))")
    }
}
