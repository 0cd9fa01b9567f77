import Testing
@testable import SiteGen

/// A post in English on the German site: `lang="en"` on its title, summary, text and links to it,
/// never on `<main>`, so the German UI around it is read with a German voice (WCAG 3.1.2).
@Suite struct LanguageOfPartsTests {
    static let files: [String: String] = {
        var files = TestSupport.minimalSite
        files["posts/2026/english.md"] = """
        ---
        title: "Open Data in Dortmund"
        date: 2026-11-20T10:00:00+01:00
        summary: "A short summary."
        lang: en
        ---
        The text.
        """
        files["posts/2026/deutsch.md"] = """
        ---
        title: "Offene Daten"
        date: 2026-11-10T10:00:00+01:00
        ---
        Der Text mit [Smart City]{lang=en}.
        """
        return files
    }()

    /// The footnotes' hidden heading and ways back are UI texts inside the text, which is
    /// lang="en": without their own lang a screen reader read "Fußnoten" with an English voice.
    /// A table's accessible name has one language: in an English post its headings alone, not
    /// "Tabelle: Station, Temperature". On a German page the footnotes need no lang of their own.
    @Test func footnotesInAnEnglishPostSayTheyAreGerman() throws {
        var files = Self.files
        let notesAndTable = "[^1]\n\n[^1]: A note.\n\n| Station | Temperature |\n|---|---|\n| Hörde | 21 |\n"
        files["posts/2026/english.md"]! += notesAndTable
        files["posts/2026/deutsch.md"] = "---\ntitle: Messwerte\ndate: 2026-11-12T10:00:00+01:00\n---\nText.\n" + notesAndTable
        let (_, sink) = TestSupport.buildInMemory(files)
        let page = try #require(sink.text("blog/2026/english/index.html"))
        #expect(page.contains("<div class=\"prose\" lang=\"en\">"))
        #expect(page.contains(#"<h2 id="fussnoten_titel" class="visually-hidden" lang="de">Fußnoten</h2>"#))
        #expect(page.contains(#"data-footnote-backref aria-label="Zurück zum Text" lang="de">↩</a>"#))
        #expect(page.contains(#"aria-label="Station, Temperature">"#))
        let german = try #require(sink.text("blog/2026/deutsch/index.html"))
        #expect(german.contains(#"<h2 id="fussnoten_titel" class="visually-hidden">Fußnoten</h2>"#))
        #expect(german.contains(#"aria-label="Zurück zum Text">↩</a>"#))
        #expect(german.contains(#"aria-label="Tabelle: Station, Temperature">"#))
    }

    @Test func anEnglishPostMarksItsOwnPartsOnly() throws {
        let (report, sink) = TestSupport.buildInMemory(Self.files)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty)
        let page = try #require(sink.text("blog/2026/english/index.html"))
        #expect(page.contains("<html lang=\"de\">"))
        #expect(page.contains("<main id=\"inhalt\" tabindex=\"-1\">"))
        // The title inside <h1> (which also holds the German "Entwurf" label in a preview).
        #expect(page.contains("<h1><span lang=\"en\">Open Data in Dortmund</span></h1>"))
        #expect(page.contains("<p class=\"lead\" lang=\"en\">A short summary.</p>"))
        #expect(page.contains("<div class=\"prose\" lang=\"en\">"))
        #expect(page.contains("<span aria-current=\"page\" lang=\"en\">Open Data in Dortmund</span>"))
        // The UI stays German and unmarked.
        #expect(page.contains("<p class=\"article-meta\">Veröffentlicht am <time"))
        #expect(page.contains("rel=\"prev\">Offene Daten</a>"))
    }

    @Test func germanPagesMarkLinksToTheEnglishPostAndPassages() throws {
        let (_, sink) = TestSupport.buildInMemory(Self.files)
        let german = try #require(sink.text("blog/2026/deutsch/index.html"))
        #expect(german.contains("rel=\"next\" lang=\"en\">Open Data in Dortmund</a>"))
        #expect(german.contains("Der Text mit <span lang=\"en\">Smart City</span>."))
        #expect(german.contains("<h1>Offene Daten</h1>"))
        let blog = try #require(sink.text("blog/index.html"))
        #expect(blog.contains("<a href=\"/blog/2026/english/\" lang=\"en\">Open Data in Dortmund</a>"))
        #expect(blog.contains("<p class=\"card-summary\" lang=\"en\">A short summary.</p>"))
        #expect(blog.contains("<a href=\"/blog/2026/deutsch/\">Offene Daten</a>"))
    }

    @Test func aLanguageSiteYmlDoesNotNameIsReported() {
        var files = Self.files
        files["posts/2026/french.md"] = "---\ntitle: Bonjour\ndate: 2026-11-01T10:00:00+01:00\nlang: fr\n---\nTexte.\n"
        let (_, diagnostics) = TestSupport.model(files)
        #expect(diagnostics.map(\.description).filter { $0.contains("lang '") } == [
            "content/posts/2026/french.md:4: warning: lang 'fr' is not a language of site.yml (de); add it under languages: in site.yml, or correct the code",
            "content/posts/2026/english.md:5: warning: lang 'en' is not a language of site.yml (de); add it under languages: in site.yml, or correct the code",
        ].sorted())
    }

    /// `lang: Deutsch` got "must be a language code such as en, de or tr"; `lang: ls` (meaning a
    /// page in Leichte Sprache) passed as a language code and was warned about as undeclared.
    @Test func aLanguagesNameOrLeichteSpracheAsLangSaysWhatToWrite() {
        var files = Self.files
        files["posts/2026/name.md"] = "---\ntitle: Name\ndate: 2026-11-01T10:00:00+01:00\nlang: Englisch\n---\nText.\n"
        files["posts/2026/ls.md"] = "---\ntitle: LS\ndate: 2026-11-01T10:00:00+01:00\nlang: Leichte Sprache\n---\nText.\n"
        #expect(TestSupport.model(files).1.errorMessages.sorted() == [
            "content/posts/2026/ls.md:4: error: 'Leichte Sprache' is Leichte Sprache, which is no 'lang' but a version of its own: name the file with .ls.md at the end (foo.ls.md beside foo.md) and remove this line",
            "content/posts/2026/name.md:4: error: 'lang' must be a language code, not the language's name ('Englisch'); write lang: en",
        ])
    }

    /// `lang: de-DE` (German, as Word names it) or `lang: DE` was "not a language of site.yml (de);
    /// add it under languages:", which would make a second German site.
    @Test func aRegionOrCapitalsOfADeclaredLanguageAreThatLanguage() {
        var files = Self.files
        files["posts/2026/region.md"] = "---\ntitle: Region\ndate: 2026-11-01T10:00:00+01:00\nlang: de-DE\n---\nText.\n"
        files["posts/2026/gross.md"] = "---\ntitle: Groß\ndate: 2026-11-01T10:00:00+01:00\nlang: DE\n---\nText.\n"
        let (_, diagnostics) = TestSupport.model(files)
        #expect(diagnostics.filter { $0.message.contains("lang") }.map(\.file).filter { $0.contains("region") || $0.contains("gross") }.isEmpty, "\(diagnostics)")
    }
}
