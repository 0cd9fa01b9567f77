import Testing
@testable import SiteGen

/// Leichte Sprache: `foo.ls.md` beside `foo.md` is its Leichte-Sprache page, German, under
/// `/leichte-sprache/<section>/<slug>/`; the two link each other; `home.ls.md` (the home page in Leichte
/// Sprache, at `/leichte-sprache/`) or else `pages/leichte-sprache.md` lists all.
@Suite struct EasyReadTests {
    static let files: [String: String] = {
        var files = TestSupport.minimalSite
        files["pages/leichte-sprache.md"] = "---\ntitle: Leichte Sprache\n---\nHier finden Sie Seiten in Leichter Sprache.\n"
        files["projects/sensoren.md"] = "---\ntitle: Umweltsensorik im Stadtgebiet\nstatus: umsetzung\n---\nText.\n"
        files["projects/sensoren.ls.md"] = "---\ntitle: Sensoren messen die Luft\nstatus: umsetzung\nfields: [energie-und-umwelt]\n---\nSensoren sind kleine Geräte.\n"
        files["projects/ohne.md"] = "---\ntitle: Ohne Leichte Sprache\nstatus: idee\n---\nText.\n"
        return files
    }()

    /// `home.ls.md` lies in content/ itself; `[…](../strategy.md)`, written as its neighbours one
    /// folder down write it, was "lies outside the content folder" without what to write.
    @Test func aLinkWithOneUpTooManyGetsTheAddressMeant() {
        var files = Self.files
        files["home.ls.md"] = "---\ntitle: Leichte Sprache\n---\nZur [Seite über Sensoren](../projects/sensoren.md#ziel).\n"
        files["pages/leichte-sprache.md"] = nil  // the home page in Leichte Sprache takes its address
        #expect(TestSupport.buildInMemory(files).0.diagnostics.errorMessages == [
            "/c/home.ls.md:4: error: link target '../projects/sensoren.md#ziel' lies outside the content folder, did you mean 'projects/sensoren.md#ziel'?",
        ])
    }

    /// A version of a project without `fields` was told to add the site's first field, whatever
    /// the original's are; it is offered the original's.
    @Test func aVersionWithoutFieldsIsOfferedItsOriginals() {
        var files = Self.files
        files["projects/ohne.md"] = "---\ntitle: Ohne\nstatus: idee\nfields: [energie-und-umwelt]\n---\nText.\n"
        files["projects/ohne.ls.md"] = "---\ntitle: Ohne in Leichter Sprache\nstatus: idee\n---\nText.\n"
        #expect(TestSupport.model(files).1.warningMessages.filter { $0.contains("ohne.ls.md") } == [
            "content/projects/ohne.ls.md:4: warning: project has no field of action; add e.g. fields: [energie-und-umwelt]",
        ])
    }

    @Test func theEasyReadPageAndTheStandardPageLinkEachOther() throws {
        let (report, sink) = TestSupport.buildInMemory(Self.files)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
        let easy = try #require(sink.text("leichte-sprache/projekte/sensoren/index.html"))
        #expect(easy.contains("<html lang=\"de\">"))
        #expect(easy.contains("<link rel=\"stylesheet\" href=\"/assets/leichte-sprache.css\">"))
        #expect(easy.contains("<p class=\"easy-read-mark\">Leichte Sprache</p>"))
        #expect(easy.contains("<p class=\"easy-read-link\"><a href=\"/projekte/sensoren/\">Diese Seite in Alltagssprache</a></p>"))
        #expect(easy.contains("Sensoren sind kleine Geräte."))
        // Its field is the standard site's (Leichte Sprache has no field pages of its own here).
        #expect(easy.contains("href=\"/handlungsfelder/energie-und-umwelt/\""))
        let standard = try #require(sink.text("projekte/sensoren/index.html"))
        #expect(standard.contains("<p class=\"easy-read-link\"><a href=\"/leichte-sprache/projekte/sensoren/\">Diese Seite in Leichter Sprache</a></p>"))
        #expect(!standard.contains("leichte-sprache.css"))
        #expect(!(try #require(sink.text("projekte/ohne/index.html"))).contains("easy-read-link"))
        #expect(sink.text("assets/leichte-sprache.css") != nil)
    }

    /// Leichte Sprache turns hyphenation off, and its style sheet also set `overflow-wrap: normal`:
    /// a web or e-mail address, or a word joined by Mediopunkt ("Daten·schutz·grund·verordnung"),
    /// then could not break at all, and at 320 px the page scrolled sideways (Chromium: 507 px
    /// wide for a 305 px viewport; WCAG 1.4.10). The standard pages break such a word.
    @Test func easyReadTextMayBreakAWordTooLongForTheLine() throws {
        let (_, sink) = TestSupport.buildInMemory(Self.files)
        let css = try #require(sink.text("assets/leichte-sprache.css"))
        let values = css.matches(of: /overflow-wrap\s*:\s*([a-z-]+)/).map { String($0.output.1) }
        #expect(!values.isEmpty && values.allSatisfy { $0 == "break-word" || $0 == "anywhere" }, "\(values)")
        #expect(css.contains("hyphens: none"))
    }

    /// An event's page offers its calendar file; the Leichte-Sprache page did too, but that
    /// version makes no files besides its pages, so the link led nowhere and stopped the build.
    @Test func anEventInEasyReadOffersItsOwnCalendarFile() throws {
        var files = Self.files
        files["events/2026/treffen.md"] = "---\ntitle: Bürgerversammlung zum Datenatlas\nstart: 2026-12-03T18:00:00+01:00\nlocation: Rathaus\n---\nText.\n"
        files["events/2026/treffen.ls.md"] = "---\ntitle: Treffen im Rathaus\nlocation: Rathaus\n---\nWir sprechen über Daten.\n"
        let (report, sink) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
        let page = try #require(sink.text("leichte-sprache/veranstaltungen/2026/treffen/index.html"))
        #expect(page.contains("href=\"/leichte-sprache/veranstaltungen/2026/treffen/termin.ics\""))
        let ics = try #require(sink.text("leichte-sprache/veranstaltungen/2026/treffen/termin.ics"))
        #expect(ics.contains("SUMMARY:Treffen im Rathaus") && ics.contains("DTSTART"))
        // No calendars of lists: the version has no list of events of its own.
        #expect(sink.files.keys.filter { $0.hasPrefix("leichte-sprache/") && $0.hasSuffix(".ics") } == ["leichte-sprache/veranstaltungen/2026/treffen/termin.ics"])
        #expect(sink.files.keys.contains { !$0.hasPrefix("leichte-sprache/") && $0.hasSuffix(".ics") && !$0.hasSuffix("termin.ics") })
    }

    @Test func theListPageNamesEveryEasyReadPage() throws {
        let (_, sink) = TestSupport.buildInMemory(Self.files)
        let list = try #require(sink.text("leichte-sprache/index.html"))
        #expect(list.contains("<li><a href=\"/leichte-sprache/projekte/sensoren/\">Sensoren messen die Luft</a></li>"))
        // Leichte Sprache has pages only: its lists, feeds and search stay with the standard site.
        #expect(sink.text("leichte-sprache/projekte/index.html") == nil)
        #expect(sink.text("leichte-sprache/blog/feed.xml") == nil)
        let sitemap = try #require(sink.text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/leichte-sprache/projekte/sensoren/</loc>"))
        #expect(!sitemap.contains("xhtml:link"))
    }

    @Test func withoutEasyReadPagesNothingChanges() throws {
        var files = Self.files
        files["projects/sensoren.ls.md"] = nil
        let (_, sink) = TestSupport.buildInMemory(files)
        let list = try #require(sink.text("leichte-sprache/index.html"))
        #expect(!list.contains("easy-read"))
        #expect(!(try #require(sink.text("projekte/sensoren/index.html"))).contains("easy-read"))
        #expect(sink.text("assets/leichte-sprache.css") == nil)
    }

    @Test func anEasyReadPageWithoutOriginalIsAnError() {
        var files = Self.files
        files["projects/allein.ls.md"] = "---\ntitle: Allein\nstatus: idee\n---\nText.\n"
        let (_, diagnostics) = TestSupport.model(files)
        #expect(diagnostics.map(\.description).contains(
            "content/projects/allein.ls.md: error: this is the 'Leichte Sprache' version of allein.md, but there is no allein.md beside it; add the original, or rename this file"))
    }

    /// With an English version: a Leichte-Sprache page names the English version of its standard
    /// page (hreflang="en") and the standard page as x-default, never a hreflang="de" of its own,
    /// and its switcher leads to the English version, else to the English home.
    /// Leichte Sprache has no search index of its own: its pages write no text files into the
    /// search folder, where nothing would read them. Every text file there is named by the index.
    @Test func everySearchTextFileIsOneTheIndexNames() throws {
        let (_, sink) = TestSupport.buildInMemory(Self.files)
        let written = Set(sink.files.keys.filter { $0.hasPrefix("suche/suchindex/x") })
        let chunks = sink.files.filter { $0.key.hasPrefix("suche/suchindex/d") }.values.map { String(decoding: $0, as: UTF8.self) }
        let named = Set(written.filter { path in
            let name = String(path.dropFirst("suche/suchindex/x".count).dropLast(".json".count))
            return chunks.contains { $0.contains("\"" + name + "\"") }
        })
        #expect(!written.isEmpty)
        #expect(written == named, "\(written.subtracting(named))")
    }

    @Test func easyReadPagesHaveTheOtherLanguages() throws {
        var files = Self.files
        files["site.yml"] = LanguagesTests.siteYml
        files["projects/sensoren.en.md"] = "---\ntitle: Environmental sensors\nstatus: umsetzung\n---\nText.\n"
        files["projects/ohne.ls.md"] = "---\ntitle: Ohne Englisch\nstatus: idee\n---\nText.\n"
        let (report, sink) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
        let easy = try #require(sink.text("leichte-sprache/projekte/sensoren/index.html"))
        #expect(easy.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/projects/sensoren/\">"))
        #expect(easy.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/projekte/sensoren/\">"))
        #expect(!easy.contains("hreflang=\"de\" href"), "no second German version")
        #expect(easy.contains("<a class=\"language-link\" href=\"/en/projects/sensoren/\" hreflang=\"en\" lang=\"en\">English</a>"))
        let untranslated = try #require(sink.text("leichte-sprache/projekte/ohne/index.html"))
        #expect(!untranslated.contains("hreflang=\"en\" href"))
        #expect(untranslated.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/projekte/ohne/\">"))
        #expect(untranslated.contains("<a class=\"language-link\" href=\"/en/\" hreflang=\"en\" lang=\"en\">English</a>"))
        // The standard page's group is as it was: German and English, x-default German.
        let standard = try #require(sink.text("projekte/sensoren/index.html"))
        #expect(standard.contains("hreflang=\"de\" href=\"https://example.org/projekte/sensoren/\">"))
        #expect(!standard.contains("hreflang=\"de\" href=\"https://example.org/leichte-sprache/"))
    }

    /// `home.ls.md` is the home page in Leichte Sprache: at /leichte-sprache/, linked from the home
    /// page and back, with the list of the other Leichte-Sprache pages; it is the required page.
    @Test func theHomePageHasItsLeichteSpracheVersion() throws {
        var files = Self.files
        files["pages/leichte-sprache.md"] = nil
        files["home.ls.md"] = "---\ntitle: Leichte Sprache\n---\nDas ist die Start-Seite in Leichter Sprache.\n"
        files["pages/kontakt.md"] = "---\ntitle: Kontakt\n---\nAuch in [Leichter Sprache](../home.ls.md).\n"
        let (report, sink) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
        #expect(!report.diagnostics.contains { $0.message.contains("Leichte Sprache") }, "\(report.diagnostics)")
        let home = try #require(sink.text("index.html"))
        #expect(home.contains("<p class=\"easy-read-link\"><a href=\"/leichte-sprache/\">Diese Seite in Leichter Sprache</a></p>"))
        #expect(home.contains("href=\"/leichte-sprache/\""), "the header's access link")
        let easy = try #require(sink.text("leichte-sprache/index.html"))
        #expect(easy.contains("<p class=\"easy-read-mark\">Leichte Sprache</p>") && easy.contains("/assets/leichte-sprache.css"))
        #expect(easy.contains("<p class=\"easy-read-link\"><a href=\"/\">Diese Seite in Alltagssprache</a></p>"))
        #expect(easy.contains("Das ist die Start-Seite in Leichter Sprache."))
        #expect(easy.contains("<li><a href=\"/leichte-sprache/projekte/sensoren/\">Sensoren messen die Luft</a></li>"))
        let list = try #require(easy.range(of: "<ul class=\"easy-read-list\">").map { easy[$0.upperBound...] })
        let listed = list[..<(list.range(of: "</ul>")?.lowerBound ?? list.endIndex)]
        #expect(listed.contains("sensoren") && !listed.contains("href=\"/leichte-sprache/\""), "it does not list itself")
        #expect(try #require(sink.text("kontakt/index.html")).contains("<a href=\"/leichte-sprache/\">Leichter Sprache</a>"))
        #expect(sink.text("leichte-sprache/home/index.html") == nil)
    }

    /// A draft home.ls.md counted as the required Leichte-Sprache page: the site was published
    /// without one, and without the warning a draft Impressum gets.
    @Test func aDraftEasyReadHomeIsNamedAsTheMissingRequiredPage() {
        var files = Self.files
        files["pages/leichte-sprache.md"] = nil
        files["home.ls.md"] = "---\ntitle: Leichte Sprache\ndraft: true\n---\nDas ist die Start-Seite in Leichter Sprache.\n"
        let (_, diagnostics) = TestSupport.model(files)
        #expect(diagnostics.map(\.description).filter { $0.contains("Leichte Sprache") } == [
            "content/home.ls.md: warning: required page 'Leichte Sprache' is a draft, so the site has none; publish it (remove 'draft: true')",
        ], "\(diagnostics)")
        let (_, preview) = TestSupport.model(files, options: BuildOptions(now: TestSupport.now, drafts: true))
        #expect(!preview.contains { $0.message.contains("Leichte Sprache") }, "the preview shows the draft: \(preview)")
    }

    /// A link from a standard page to a draft Leichte-Sprache page said the file does not exist.
    @Test func aLinkToADraftEasyReadPageSaysItIsADraft() {
        var files = Self.files
        files["projects/sensoren.ls.md"] = files["projects/sensoren.ls.md"]!.replacingOccurrences(of: "status: umsetzung\n", with: "status: umsetzung\ndraft: true\n")
        files["pages/kontakt.md"] = "---\ntitle: Kontakt\n---\nAuch in [Leichter Sprache](../projects/sensoren.ls.md).\n"
        let (report, _) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.errorMessages == [
            "/c/pages/kontakt.md:4: error: link target '../projects/sensoren.ls.md' is a draft and is not published; link to something else or publish it",
        ], "\(report.diagnostics.errorMessages)")
    }

    @Test func aStandardPageAtTheEasyReadHomeIsAnError() {
        var files = Self.files
        files["home.ls.md"] = "---\ntitle: Leichte Sprache\n---\nText.\n"
        let (_, diagnostics) = TestSupport.model(files)
        #expect(diagnostics.map(\.description).contains(
            "content/pages/leichte-sprache.md: error: address /leichte-sprache/ is the home page in Leichte Sprache (content/home.ls.md); move this page's text there and delete this file"),
            "\(diagnostics)")
    }
}
