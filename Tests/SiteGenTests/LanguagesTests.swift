import Foundation
import Testing
@testable import SiteGen

/// `languages:` in site.yml and translations by file name: `foo.en.md` beside `foo.md`.
@Suite struct LanguagesTests {
    static let siteYml = """
    title: Test
    base_url: https://example.org/
    languages:
      en:
        title: Test in English
        description: An English description.

    """

    static let files: [String: String] = {
        var files = TestSupport.minimalSite
        files["site.yml"] = siteYml
        files["fields/daten-und-plattformen.en.md"] = "---\ntitle: Data and platforms\norder: 1\n---\nText.\n"
        files["posts/2026/offen.md"] = "---\ntitle: Offene Daten\ndate: 2026-11-20T18:00:00+01:00\nfields: [daten-und-plattformen, energie-und-umwelt]\n---\nText mit [Link](nur-deutsch.md).\n"
        files["posts/2026/offen.en.md"] = "---\ntitle: Open data\ndate: 2026-11-20T18:00:00+01:00\nfields: [daten-und-plattformen, energie-und-umwelt]\n---\nText with a [link](nur-deutsch.md).\n"
        files["posts/2026/nur-deutsch.md"] = "---\ntitle: Nur auf Deutsch\ndate: 2026-11-10T10:00:00+01:00\n---\nText.\n"
        files["events/2026/treffen.md"] = "---\ntitle: Treffen\nstart: 2026-12-03T18:00:00+01:00\nend: 2026-12-03T20:30:00+01:00\n---\nText.\n"
        files["pages/impressum.md"] = "---\ntitle: Impressum\n---\nText.\n"
        files["events/2026/treffen.en.md"] = "---\ntitle: Meeting\nstart: 2026-12-03T18:00:00+01:00\nend: 2026-12-03T20:30:00+01:00\n---\nText.\n"
        return files
    }()

    /// Which file names mark a translation: two lower-case letters before `.md`, after a name.
    @Test func aLanguageMarkIsTwoLowerCaseLettersBeforeMd() {
        #expect(Variant.of("posts/2025/foo.en.md")! == ("posts/2025/foo.md", "en"))
        #expect(Variant.of("foo.ls.md")! == ("foo.md", "ls"))
        #expect(Variant.of("posts/über-uns.fr.md")! == ("posts/über-uns.md", "fr"))
        for unmarked in ["foo.md", "bericht.pdf.md", "foo.EN.md", "foo.é.md", "foo.eng.md", "posts/.en.md", ".en.md",
                         "a/b.cd/foo.md", "foo.en.MD", "foo.en", "en.md", ".md", "x.e\u{301}.md"] {
            #expect(Variant.of(unmarked) == nil, "\(unmarked)")
        }
    }

    /// A field slug no version has (`energy`, a typo) is reported in a translation as in the
    /// original; only the original's fields this version has not are left out quietly. A typo of
    /// a field the version does not translate got no "did you mean" (the original's file does):
    /// it is compared with the original's fields too.
    @Test func anUnknownFieldInATranslationIsReported() throws {
        var files = Self.files
        files["posts/2026/offen.en.md"] = "---\ntitle: Open data\ndate: 2026-11-20T18:00:00+01:00\nfields: [daten-und-plattformen, energie-und-umwelt, energy, enrgie-und-umwelt]\n---\nText.\n"
        let (site, diagnostics) = TestSupport.model(files)
        #expect(diagnostics.errorMessages.filter { $0.contains("offen.en.md") } == [
            "content/posts/2026/offen.en.md:4: error: unknown field of action 'energy'; known fields are in content/fields/",
            "content/posts/2026/offen.en.md:4: error: unknown field of action 'enrgie-und-umwelt', did you mean 'energie-und-umwelt'?",
        ], "\(diagnostics)")
        #expect(try #require(site?.versions.first).posts[0].fields.contains("daten-und-plattformen"))
    }

    /// A mistyped key in a translation gets the "did you mean" of the original's keys (the same
    /// reader checks both; this pins it).
    @Test func aMistypedKeyInATranslationGetsADidYouMean() {
        var files = Self.files
        files["posts/2026/offen.en.md"] = "---\ntitel: Open data\ndate: 2026-11-20T18:00:00+01:00\nSchlagwörter: [Daten]\n---\nText.\n"
        let messages = TestSupport.model(files).1.map(\.description).filter { $0.contains("offen.en.md") }
        #expect(messages.contains("content/posts/2026/offen.en.md:2: error: required key 'title' is written 'titel'; rename it to title:"), "\(messages)")
        #expect(messages.contains("content/posts/2026/offen.en.md:4: warning: unknown key 'Schlagwörter', did you mean 'tags'?"), "\(messages)")
    }

    /// `lang: de` copied with the German file's front matter into `offen.en.md` marked the English
    /// text German (screen readers read it with a German voice), without a word. `en-GB` is English.
    @Test func aTranslationNamingAnotherLanguageIsWarnedAbout() {
        var files = Self.files
        files["posts/2026/offen.en.md"] = "---\ntitle: Open data\ndate: 2026-11-20T18:00:00+01:00\nlang: de\n---\nText.\n"
        files["events/2026/treffen.en.md"] = "---\ntitle: Meeting\nstart: 2026-12-03T18:00:00+01:00\nend: 2026-12-03T20:30:00+01:00\nlang: en\n---\nText.\n"
        files["pages/impressum.ls.md"] = "---\ntitle: Impressum\nlang: en\n---\nText.\n"
        let messages = TestSupport.model(files).1.map(\.description).filter { $0.contains("lang") }.sorted()
        #expect(messages == [
            "content/pages/impressum.ls.md:3: warning: lang 'en' is not the language of this version (a .ls.md file is de), so its text would be read aloud as 'en'; remove the line",
            "content/posts/2026/offen.en.md:4: warning: lang 'de' is not the language of this version (a .en.md file is en), so its text would be read aloud as 'de'; remove the line",
        ], "\(messages)")
    }

    /// `languages: en` (a value, not a group) is one error; the English files are no pages of the
    /// site's own meanwhile (each English field was a second field with its original's number).
    @Test func anUnreadableLanguagesKeyIsOneError() {
        var files = Self.files
        files["site.yml"] = "title: Test\nbase_url: https://example.org/\nlanguages: en\n"
        let (_, diagnostics) = TestSupport.model(files)
        #expect(diagnostics.map(\.description).filter { $0.contains("site.yml") || $0.contains(".en.md") || $0.contains("order") } == [
            "content/site.yml:3: error: 'languages' must be a group of keys (indented lines below it), but is a single value",
        ], "\(diagnostics)")
    }

    /// A translation that leaves its date out takes its original's (it keeps them anyway); the
    /// "required key" error's example date gave it another day and address.
    @Test func aTranslationWithoutADateTakesItsOriginals() throws {
        var files = Self.files
        files["posts/2026/offen.en.md"] = "---\ntitle: Open data\nfields: [daten-und-plattformen]\n---\nText.\n"
        files["events/2026/treffen.en.md"] = "---\ntitle: Meeting\n---\nText.\n"
        let (site, diagnostics) = TestSupport.model(files)
        #expect(diagnostics.filter { $0.file.contains(".en.md") && $0.severity == .error }.isEmpty, "\(diagnostics)")
        let en = try #require(site?.versions.first)
        #expect(en.posts.first?.date.iso8601 == "2026-11-20T18:00:00+01:00")
        #expect(en.urls.post(en.posts[0]) == "en/blog/2026/offen/")
        #expect(en.events.first?.start.iso8601 == "2026-12-03T18:00:00+01:00" && en.events.first?.end?.iso8601 == "2026-12-03T20:30:00+01:00")
    }

    /// A participation format's translation names the same event, results post and project as
    /// its original; where those have no translation, the links lead to the original's pages, as
    /// the README says (they were errors: "does not lead to an event").
    @Test func aTranslatedFormatLinksTheOriginalsItemsWithoutTranslation() throws {
        var files = Self.files
        files["events/2026/auftakt.md"] = "---\ntitle: Auftakt\nstart: 2026-12-10T18:00:00+01:00\nlocation: Rathaus\n---\nText.\n"
        files["projects/sensoren.md"] = "---\ntitle: Sensoren\nstatus: umsetzung\n---\nText.\n"
        let refs = "participate:\n  - link: \"../events/2026/auftakt.md\"\nresults: \"../posts/2026/nur-deutsch.md\"\nprojects: [../projects/sensoren.md]\n"
        files["participation/umfrage.md"] = "---\ntitle: Umfrage\nstart: 2026-11-01\n" + refs + "---\nText.\n"
        files["participation/umfrage.en.md"] = "---\ntitle: Survey\nstart: 2026-11-01\n" + refs + "---\nText.\n"
        let (report, sink) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.errorMessages.isEmpty, "\(report.diagnostics.errorMessages)")
        let page = try #require(sink.files.keys.first { $0.hasPrefix("en/") && $0.hasSuffix("umfrage/index.html") }.flatMap(sink.text))
        #expect(page.contains("href=\"/veranstaltungen/2026/auftakt/\""), "the event, at the original's address")
        #expect(page.contains("href=\"/blog/2026/nur-deutsch/\""), "the results")
        #expect(page.contains("href=\"/projekte/sensoren/\""), "the project's card")
    }

    @Test func siteYmlDeclaresTheVersions() throws {
        let (site, diagnostics) = TestSupport.model(Self.files)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let s = try #require(site)
        #expect(s.config.declaredLanguages == ["de", "en"])
        let en = try #require(s.versions.first)
        #expect(en.config.language == "en")
        #expect(en.config.title == "Test in English")
        #expect(en.urls.post(en.posts[0]) == "en/blog/2026/offen/")
        #expect(en.urls.event(en.events[0]) == "en/events/2026/treffen/")
        #expect(en.urls.field(slug: "x") == "en/fields/x/")
        #expect(en.urls.projects == "en/projects/")
        #expect(en.posts.map(\.title) == ["Open data"])
        // A field the version does not have is left out of its items.
        #expect(en.posts[0].fields == ["daten-und-plattformen"])
        // A link to an item without translation leads to the original's page.
        #expect(en.pathBySource["posts/2026/nur-deutsch.md"] == "blog/2026/nur-deutsch/")
        #expect(en.pathBySource["posts/2026/offen.md"] == "en/blog/2026/offen/")
        #expect(s.pathBySource["posts/2026/offen.md"] == "blog/2026/offen/")
    }

    @Test func theEnglishSiteIsBuiltBesideTheGermanOne() throws {
        let (report, sink) = TestSupport.buildInMemory(Self.files)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
        let post = try #require(sink.text("en/blog/2026/offen/index.html"))
        #expect(post.contains("<html lang=\"en\">"))
        #expect(post.contains("Published on <time datetime=\"2026-11-20T18:00:00+01:00\">20 November 2026</time>"))
        #expect(post.contains("<a href=\"/blog/2026/nur-deutsch/\">link</a>"))
        let event = try #require(sink.text("en/events/2026/treffen/index.html"))
        // The page's two <time> elements read as the card does: "6–8:30 pm", not "6 pm–8:30 pm".
        #expect(event.contains(">Thursday, 3 December 2026, 6</time>–<time datetime=\"2026-12-03T20:30:00+01:00\">8:30 pm</time>"))
        let blog = try #require(sink.text("en/blog/index.html"))
        #expect(blog.contains("Open data"))
        #expect(!blog.contains("Nur auf Deutsch"))
        #expect(sink.text("en/index.html") != nil)
        #expect(sink.text("en/fields/daten-und-plattformen/index.html") != nil)
        #expect(sink.text("en/fields/energie-und-umwelt/index.html") == nil)
        // Its own 404 page: English, with links into the English site, not in the sitemap.
        let notFound = try #require(sink.text("en/404.html"))
        #expect(notFound.contains("<html lang=\"en\">") && notFound.contains("<h1>Page not found</h1>"))
        #expect(notFound.contains("<a href=\"/en/\">To the home page</a>") && notFound.contains("<a href=\"/en/fields/\">"))
        #expect(notFound.contains("noindex"))
        #expect(sink.text("404.html")?.contains("<html lang=\"de\">") == true)
        #expect(!(sink.text("sitemap.xml") ?? "").contains("404.html"))
        #expect(sink.text("en/blog/feed.xml") != nil)
        // Feeds, calendars and open data in English, each with the English items only.
        let feed = try #require(sink.text("en/blog/feed.xml"))
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"))
        #expect(feed.contains("<title>Blog – Test in English</title>") && feed.contains("Open data") && !feed.contains("Nur auf Deutsch"))
        // The calendars have English file names (paths.calendar, paths.event_calendar), and the pages link them.
        #expect(sink.files.keys.filter { $0.hasPrefix("en/") && ($0.hasSuffix("kalender.ics") || $0.hasSuffix("termin.ics")) }.isEmpty)
        #expect(sink.text("en/events/index.html")?.contains("href=\"/en/events/calendar.ics\"") == true)
        #expect(sink.text("en/events/2026/treffen/event.ics")?.contains("SUMMARY:Meeting") == true)
        #expect(event.contains("href=\"/en/events/2026/treffen/event.ics\""))
        #expect(sink.text("en/events.json")?.contains("https://example.org/en/events/2026/treffen/event.ics") == true)
        #expect(sink.text("veranstaltungen/kalender.ics") != nil && sink.text("veranstaltungen/2026/treffen/termin.ics") != nil)
        let calendar = try #require(sink.text("en/events/calendar.ics"))
        #expect(calendar.contains("X-WR-CALNAME:Events – Test in English") && calendar.contains("SUMMARY:Meeting"))
        let data = try #require(sink.text("en/blog.json"))
        #expect(data.contains("\"title\": \"Blog – Test in English\"") && !data.contains("Nur auf Deutsch"))
        #expect(sink.text("en/search/index.html") != nil)
        // The English search index: the English items, with English dates.
        let chunks = sink.files.filter { $0.key.hasPrefix("en/search/") && $0.key.hasSuffix(".json") }.map { String(decoding: $0.value, as: UTF8.self) }
        #expect(chunks.contains { $0.contains("Open data") && $0.contains("20 November 2026") })
        #expect(!chunks.contains { $0.contains("Nur auf Deutsch") || $0.contains("20. November") })
        let german = try #require(sink.text("blog/2026/offen/index.html"))
        #expect(german.contains("<html lang=\"de\">"))
        #expect(german.contains("Veröffentlicht am"))
    }

    @Test func aTranslationWithoutOriginalIsAnError() {
        var files = Self.files
        files["posts/2026/allein.en.md"] = "---\ntitle: Alone\ndate: 2026-11-01T10:00:00+01:00\n---\nText.\n"
        files["posts/2026/entwurf.md"] = "---\ntitle: Entwurf\ndate: 2026-11-01T10:00:00+01:00\ndraft: true\n---\nText.\n"
        files["posts/2026/entwurf.en.md"] = "---\ntitle: Draft\ndate: 2026-11-01T10:00:00+01:00\n---\nText.\n"
        let (_, diagnostics) = TestSupport.model(files)
        let texts = diagnostics.map(\.description)
        #expect(texts.contains("content/posts/2026/allein.en.md: error: this is the 'en' version of allein.md, but there is no allein.md beside it; add the original, or rename this file"))
    }

    /// The translation of a draft (or of a post dated later) is not published before its original:
    /// it is withheld with it, and shown with it in a preview.
    @Test func aTranslationIsWithheldWithItsOriginal() throws {
        var files = Self.files
        files["posts/2026/entwurf.md"] = "---\ntitle: Entwurf\ndate: 2026-11-01T10:00:00+01:00\ndraft: true\n---\nText.\n"
        files["posts/2026/entwurf.en.md"] = "---\ntitle: Draft\ndate: 2026-11-01T10:00:00+01:00\n---\nThe English text.\n"
        files["posts/2026/spaeter.md"] = "---\ntitle: Später\ndate: 2026-12-24T10:00:00+01:00\nsummary: Bald.\n---\nText.\n"
        files["posts/2026/spaeter.en.md"] = "---\ntitle: Later\ndate: 2026-11-02T10:00:00+01:00\n---\nThe English text.\n"
        let (report, sink) = TestSupport.buildInMemory(files)
        let mentions = report.diagnostics.filter { $0.file.contains("entwurf") || $0.file.contains("spaeter") }
        #expect(report.succeeded && mentions.isEmpty, "\(mentions)")
        let withheld = report.withheld.map { "\($0.file) \($0.reason)" }
        #expect(withheld.contains("/c/posts/2026/entwurf.en.md draft") && withheld.contains("/c/posts/2026/spaeter.en.md future"), "\(withheld)")
        let english = sink.files.keys.filter { $0.hasPrefix("en/") }
        #expect(!english.contains { $0.contains("entwurf") || $0.contains("spaeter") })
        #expect(!sink.files.values.contains { String(decoding: $0, as: UTF8.self).contains("The English text.") })
        // The preview shows both versions.
        let (_, preview) = TestSupport.buildInMemory(files, options: BuildOptions(now: TestSupport.now, drafts: true, future: true))
        #expect(preview.files.values.contains { String(decoding: $0, as: UTF8.self).contains("The English text.") })
    }

    @Test func aTranslationsLinkToADraftIsAnError() {
        var files = Self.files
        files["posts/2026/plan.md"] = "---\ntitle: Plan\ndate: 2026-11-01T10:00:00+01:00\ndraft: true\n---\nText.\n"
        files["posts/2026/offen.en.md"] = "---\ntitle: Open data\ndate: 2026-11-20T18:00:00+01:00\n---\nSee [the plan](plan.md).\n"
        let (report, _) = TestSupport.buildInMemory(files)
        let errors = report.diagnostics.filter { $0.severity == .error }.map(\.description)
        // Once, at the line of the Markdown (not again as a link of the templates).
        #expect(errors == ["/c/posts/2026/offen.en.md:5: error: link target 'plan.md' is a draft and is not published; link to something else or publish it"])
    }

    /// Every kind of item pairs by file name, and takes the English addresses.
    @Test func everyKindPairsByFileName() throws {
        var files = Self.files
        files["strategy.md"] = "---\ntitle: Strategie\npdf: https://example.org/strategie.pdf\npdf_size: 1000\n---\nDie Strategie.\n"
        files["strategy.en.md"] = "---\ntitle: Strategy\npdf: https://example.org/strategy.pdf\npdf_size: 1000\n---\nThe strategy.\n"
        files["pages/kontakt.en.md"] = "---\ntitle: Contact\n---\nText.\n"
        files["pages/kontakt.md"] = "---\ntitle: Kontakt\n---\nText.\n"
        files["projects/app.md"] = "---\ntitle: App\nstatus: umsetzung\nfields: [daten-und-plattformen]\n---\nText.\n"
        files["projects/app.en.md"] = "---\ntitle: The app\nstatus: umsetzung\nfields: [daten-und-plattformen]\n---\nText.\n"
        files["participation/umfrage.md"] = "---\ntitle: Umfrage\nstart: 2026-11-01\nend: 2026-12-13\nprojects: [../projects/app.md]\nparticipate:\n  - link: \"mailto:a@example.org\"\n---\nText.\n"
        files["participation/umfrage.en.md"] = "---\ntitle: Survey\nstart: 2026-11-01\nend: 2026-12-13\nprojects: [../projects/app.md]\nparticipate:\n  - link: \"mailto:a@example.org\"\n---\nText.\n"
        let (site, diagnostics) = TestSupport.model(files)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let en = try #require(site?.versions.first)
        #expect(en.strategy?.title == "Strategy" && en.urls.strategy == "en/strategy/")
        #expect(en.pages.map { en.urls.page($0) } == ["en/kontakt/"])
        #expect(en.projects.map { en.urls.project($0) } == ["en/projects/app/"])
        #expect(en.participation.map { en.urls.participation($0) } == ["en/participate/umfrage/"])
        // A reference to the original leads to the translation in the English site.
        #expect(en.participation.first?.projects.map(\.path) == ["projects/app.en.md"])
        #expect(site?.alternates["projekte/app/"] == [Alternate(language: "de", path: "projekte/app/"), Alternate(language: "en", path: "en/projects/app/")])
    }

    @Test func aPageAtAVersionsHomeIsAnError() {
        var files = Self.files
        files["pages/en.md"] = "---\ntitle: English\n---\nText.\n"
        let (_, diagnostics) = TestSupport.model(files)
        #expect(diagnostics.map(\.description).contains(
            "content/pages/en.md: error: address /en/ is where the 'en' version of the site begins (languages: in site.yml); rename this file"))
    }

    /// `[EN](offen.en.md)` in a German post was "does not exist, did you mean 'offen.ls.md'?"
    /// although the translation is there: it leads to the English page. A link to a translation
    /// that is not there is offered the original, never another version.
    @Test func aLinkToATranslationLeadsToItsPage() throws {
        var files = Self.files
        files["posts/2026/offen.ls.md"] = "---\ntitle: Offene Daten\ndate: 2026-11-20T18:00:00+01:00\n---\nText.\n"
        files["posts/2026/hinweis.md"] = "---\ntitle: Hinweis\ndate: 2026-11-21T10:00:00+01:00\n---\n[EN](offen.en.md), [LS](offen.ls.md), [Fehlt](nur-deutsch.en.md).\n"
        let (report, sink) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.errorMessages == [
            "/c/posts/2026/hinweis.md:5: error: link target 'nur-deutsch.en.md' does not exist (nur-deutsch.md has no 'en' version), did you mean 'nur-deutsch.md'?",
        ], "\(report.diagnostics.errorMessages)")
        let html = String(decoding: try #require(sink.files["blog/2026/hinweis/index.html"]), as: UTF8.self)
        #expect(html.contains("<a href=\"/en/blog/2026/offen/\">EN</a>") && html.contains("<a href=\"/leichte-sprache/blog/2026/offen/\">LS</a>"), "\(html)")
    }

    @Test func withoutLanguagesAMarkedFileIsAPageOfItsOwn() throws {
        var files = TestSupport.minimalSite
        files["posts/2026/offen.en.md"] = "---\ntitle: Open data\ndate: 2026-11-20T18:00:00+01:00\n---\nText.\n"
        let (site, diagnostics) = TestSupport.model(files)
        #expect(try #require(site).posts.map(\.slug) == ["offen-en"])
        #expect(diagnostics.map(\.description).contains(
            "content/posts/2026/offen.en.md: warning: the file name marks it as the 'en' version of offen.md, but site.yml declares no language 'en', so it is published as a page of its own; add en under languages: in site.yml, or rename the file"))
    }

    /// `neu.de.md` on a German site: the advice was to add de under languages:, which site.yml
    /// then refuses as the site's own language.
    @Test func aMarkOfTheSitesOwnLanguageSaysToDropIt() throws {
        var files = TestSupport.minimalSite
        files["posts/2026/neu.de.md"] = "---\ntitle: Neu\ndate: 2026-11-20T18:00:00+01:00\n---\nText.\n"
        let (site, diagnostics) = TestSupport.model(files)
        #expect(try #require(site).posts.map(\.slug) == ["neu-de"])
        #expect(diagnostics.map(\.description).filter { $0.contains("neu.de.md") && $0.contains("version") } == [
            "content/posts/2026/neu.de.md: warning: the file name marks it as the 'de' version of neu.md, but 'de' is the site's own language, whose files have no mark, so it is published as a page of its own; rename the file to 'neu.md'",
        ])
    }

    /// An event moved in the German file but not in its translation stood in the English
    /// calendar on the old day, and a post under another date, without a word.
    @Test func aTranslationWhoseDatesDifferFromItsOriginalsIsWarnedAbout() {
        let (_, same) = TestSupport.model(Self.files)
        #expect(!same.contains { $0.message.contains("is not the same as in") }, "\(same)")
        var files = Self.files
        files["posts/2026/offen.en.md"] = files["posts/2026/offen.en.md"]!.replacingOccurrences(of: "2026-11-20T18:00", with: "2026-11-21T18:00")
        files["events/2026/treffen.md"] = files["events/2026/treffen.md"]!.replacingOccurrences(of: "2026-12-03", with: "2026-12-10")
        let (_, diagnostics) = TestSupport.model(files)
        let clause = "a translation keeps its original's dates (its page and calendars would show another day or time): copy the line from there"
        #expect(diagnostics.map(\.description).filter { $0.contains("is not the same as in") }.sorted() == [
            "content/events/2026/treffen.en.md:3: warning: 'start' is not the same as in content/events/2026/treffen.md:3; " + clause,
            "content/events/2026/treffen.en.md:4: warning: 'end' is not the same as in content/events/2026/treffen.md:4; " + clause,
            "content/posts/2026/offen.en.md:3: warning: 'date' is not the same as in content/posts/2026/offen.md:3; " + clause,
        ], "\(diagnostics)")
    }

    /// An original without its date holds a stand-in (so its other mistakes show): its translation
    /// was warned that its date differs, a second message about the one missing line.
    @Test func aTranslationIsNotComparedWithAStandInDate() {
        var files = Self.files
        files["posts/2026/offen.md"] = files["posts/2026/offen.md"]!.replacingOccurrences(of: "date: 2026-11-20T18:00:00+01:00\n", with: "")
        let (_, diagnostics) = TestSupport.model(files)
        #expect(diagnostics.map(\.description).filter { $0.contains("offen") && !$0.contains("summary") } == [
            "content/posts/2026/offen.md:2: error: required key 'date' is missing; add e.g. date: 2026-11-26T10:00:00+01:00",
        ], "\(diagnostics)")
    }

    /// A site.yml that cannot be read says nothing about its languages: every translation got a
    /// warning that site.yml declares no language 'en' (30 on the example site), burying the error.
    @Test func aBrokenSiteYmlGivesNoWarningsAboutTranslations() {
        var files = Self.files
        files["site.yml"] = Self.siteYml.replacingOccurrences(of: "base_url: https://example.org/\n", with: "")
        let (site, diagnostics) = TestSupport.model(files)
        #expect(site == nil)
        #expect(diagnostics.map(\.description) == ["content/site.yml:1: error: required key 'base_url' is missing; add e.g. base_url: https://smartcity.example.org/"],
                "\(diagnostics)")
        // So does a languages: that is no group of keys.
        files["site.yml"] = "title: Test\nbase_url: https://example.org/\nlanguages: [en]\n"
        let (_, listed) = TestSupport.model(files)
        #expect(!listed.contains { $0.message.contains("declares no language") }, "\(listed)")
        #expect(listed.contains { $0.description.hasPrefix("content/site.yml:3: error: 'languages' must be a group of keys") }, "\(listed)")
    }

    /// A version's UI strings that are missing (or cannot be read) stop the build, as the site's
    /// own do: its pages were left out and every link to them reported as leading nowhere
    /// (108 errors and 44 warnings "written by the templates" on the example site).
    @Test func aVersionsMissingUIStringsStopTheBuildWithOneMessage() throws {
        let theme = TestSupport.temporaryFolder("theme") + "/Templates"
        try FileManager.default.copyItem(atPath: TestSupport.templates, toPath: theme)
        try FileManager.default.removeItem(atPath: theme + "/i18n/en.yml")
        let fs = OverlayFileSystem(memory: MemoryFileSystem(Dictionary(uniqueKeysWithValues: Self.files.map { ("/c/" + $0.key, $0.value) })))
        let builder = Builder(location: SiteLocation(content: "/c", templates: theme, output: "/out"), options: BuildOptions(now: TestSupport.now), fileSystem: fs)
        let (report, _) = builder.run(into: MemorySink(fileSystem: fs))
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.description) == [theme + "/i18n/en.yml: error: UI strings for language 'en' are missing"],
                "\(report.diagnostics)")
        #expect(report.pages == 0)
    }

    /// Without `en:` in site.yml, strategy.en.md sorted before strategy.md and became the German
    /// site's strategy page; the German one was left out, and links to it broke.
    @Test func withoutLanguagesTheStrategyStaysTheGermanOne() throws {
        var files = TestSupport.minimalSite
        files["downloads/s.pdf"] = "%PDF-1.4\n"
        files["strategy.md"] = "---\ntitle: Strategie\npdf: downloads/s.pdf\n---\nText.\n"
        files["strategy.en.md"] = "---\ntitle: Strategy\npdf: downloads/s.pdf\n---\nText.\n"
        files["posts/2026/offen.md"] = "---\ntitle: Offen\ndate: 2026-11-20T18:00:00+01:00\n---\nDie [Strategie](../../strategy.md).\n"
        let (site, diagnostics) = TestSupport.model(files)
        #expect(try #require(site).strategy?.title == "Strategie")
        #expect(diagnostics.map(\.description).filter { $0.contains("strategy") } == [
            "content/strategy.en.md: warning: the file name marks it as the 'en' version of strategy.md, but site.yml declares no language 'en', and the site has one strategy page, so it is not published; add en under languages: in site.yml, or remove the file",
        ], "\(diagnostics)")
        let (report, _) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.errorMessages.isEmpty, "\(report.diagnostics.errorMessages)")
    }

    @Test func aVersionMayNotTakeASectionsAddress() {
        var files = TestSupport.minimalSite
        files["site.yml"] = "title: Test\nbase_url: https://example.org/\nlanguages:\n  en:\n    prefix: blog\n"
        let (_, diagnostics) = TestSupport.model(files)
        #expect(diagnostics.map(\.description).contains(
            "content/site.yml:3: error: languages.en is at /blog/, the address of paths.blog; give it a prefix of its own, e.g. prefix: en-site"))
    }

    @Test func wrongLanguageEntriesAreNamed() {
        var files = TestSupport.minimalSite
        files["site.yml"] = "title: Test\nbase_url: https://example.org/\nlanguages:\n  de:\n    title: X\n  ls:\n    title: Y\n  english:\n    title: Z\n  fr: text\n"
        let (_, diagnostics) = TestSupport.model(files)
        #expect(diagnostics.map(\.description).filter { $0.contains("languages") } == [
            "content/site.yml:4: error: languages.de is the site's own language (language: de); list only the other ones",
            "content/site.yml:6: error: languages.ls: 'ls' marks Leichte Sprache (foo.ls.md), which is German; remove it here",
            "content/site.yml:8: error: languages: 'english' is no language code; write e.g. en",
            "content/site.yml:10: error: languages.fr must be a group of keys (title, description, paths …)",
        ])
    }

    @Test func everyPageNamesItsVersionsAndTheSwitcherLeadsThere() throws {
        let (_, sink) = TestSupport.buildInMemory(Self.files)
        let german = try #require(sink.text("blog/2026/offen/index.html"))
        let alternates = """
        <link rel="alternate" hreflang="de" href="https://example.org/blog/2026/offen/">
        <link rel="alternate" hreflang="en" href="https://example.org/en/blog/2026/offen/">
        <link rel="alternate" hreflang="x-default" href="https://example.org/blog/2026/offen/">
        """
        #expect(german.contains(alternates))
        #expect(german.contains("<a class=\"language-link\" href=\"/en/blog/2026/offen/\" hreflang=\"en\" lang=\"en\">English</a>"))
        let english = try #require(sink.text("en/blog/2026/offen/index.html"))
        #expect(english.contains(alternates))
        #expect(english.contains("<a class=\"language-link\" href=\"/blog/2026/offen/\" hreflang=\"de\" lang=\"de\">Deutsch</a>"))
        // Without a translation: the page names itself, and the switcher leads to the English home page.
        let only = try #require(sink.text("blog/2026/nur-deutsch/index.html"))
        #expect(only.contains("<link rel=\"alternate\" hreflang=\"de\" href=\"https://example.org/blog/2026/nur-deutsch/\">\n<link rel=\"alternate\" hreflang=\"x-default\""))
        #expect(only.contains("<a class=\"language-link\" href=\"/en/\" hreflang=\"en\" lang=\"en\">English</a>"))
        let home = try #require(sink.text("en/index.html"))
        #expect(home.contains("<link rel=\"alternate\" hreflang=\"de\" href=\"https://example.org/\">"))
        let event = try #require(sink.text("en/events/2026/treffen/index.html"))
        #expect(event.contains("\"inLanguage\":\"en\""))
    }

    /// The German posts have tags and the English ones none: the German list of tags has no English
    /// version, so its switcher leads to the English home (it named /en/blog/tag/, a page never built).
    @Test func aListOnlyOneVersionHasLeadsToTheOthersHome() throws {
        var files = Self.files
        files["posts/2026/nur-deutsch.md"] = "---\ntitle: Nur auf Deutsch\ndate: 2026-11-10T10:00:00+01:00\ntags: [Sensoren]\n---\nText.\n"
        let (report, sink) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.errorMessages.isEmpty, "\(report.diagnostics.errorMessages)")
        #expect(sink.text("en/blog/tag/index.html") == nil)
        let tags = try #require(sink.text("blog/schlagwort/index.html"))
        #expect(tags.contains("<a class=\"language-link\" href=\"/en/\" hreflang=\"en\" lang=\"en\">English</a>"))
        #expect(!tags.contains("/en/blog/tag/"))
    }

    @Test func theSitemapNamesEveryVersion() throws {
        let (_, sink) = TestSupport.buildInMemory(Self.files)
        let sitemap = try #require(sink.text("sitemap.xml"))
        #expect(sitemap.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">"))
        #expect(sitemap.contains("<loc>https://example.org/en/blog/2026/offen/</loc>"))
        #expect(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/blog/2026/offen/\"/>"))
        #expect(FormatsXML.parse(sitemap).error == nil)
    }

    /// A translation's page has a `lastmod` as its original's has (a search engine reads it to
    /// decide what to fetch again), also a Leichte-Sprache page.
    @Test func theSitemapGivesEveryVersionsPageItsLastmod() throws {
        var files = Self.files
        files["posts/2026/offen.md"] = files["posts/2026/offen.md"]!.replacingOccurrences(of: "date:", with: "updated: 2026-11-22T09:00:00+01:00\ndate:")
        files["posts/2026/offen.en.md"] = files["posts/2026/offen.en.md"]!.replacingOccurrences(of: "date:", with: "updated: 2026-11-22T09:00:00+01:00\ndate:")
        files["posts/2026/offen.ls.md"] = "---\ntitle: Offene Daten in Leichter Sprache\n---\nText.\n"
        let (report, sink) = TestSupport.buildInMemory(files)
        #expect(report.succeeded, "\(report.diagnostics.errorMessages)")
        let sitemap = try #require(sink.text("sitemap.xml"))
        for loc in ["https://example.org/blog/2026/offen/", "https://example.org/en/blog/2026/offen/"] {
            #expect(sitemap.contains("<loc>\(loc)</loc><lastmod>2026-11-22T08:00:00Z</lastmod>"), "\(loc)")
        }
        // Without an `updated` of its own, the Leichte-Sprache text has its original's date.
        #expect(sitemap.contains("<loc>https://example.org/leichte-sprache/blog/2026/offen/</loc><lastmod>2026-11-20T17:00:00Z</lastmod>"))
    }

    @Test func englishListsSayWhatIsOnlyInGerman() throws {
        let (_, sink) = TestSupport.buildInMemory(Self.files)
        let blog = try #require(sink.text("en/blog/index.html"))
        #expect(blog.contains("<p class=\"untranslated\">1 more post is only available in German: <a href=\"/blog/\" hreflang=\"de\" lang=\"de\">Blog</a></p>"))
        let projects = try #require(sink.text("en/projects/index.html"))
        #expect(!projects.contains("class=\"untranslated\""))
        // The legal pages without translation are linked in German.
        #expect(blog.contains("<a href=\"/impressum/\" hreflang=\"de\" lang=\"de\">Impressum</a>"))
        #expect(!(try #require(sink.text("blog/index.html"))).contains("class=\"untranslated\""))
    }

    /// The footer's links (legal pages, then the menu), as title and `lang` in order.
    static func footerLinks(_ html: String) -> [String] {
        guard let start = html.range(of: "aria-labelledby=\"fuss-service\""),
              let end = html[start.upperBound...].range(of: "</nav>") else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "<li><a ").dropFirst().map { item in
            let title = item.split(separator: ">", maxSplits: 1)[1].prefix { $0 != "<" }
            return item.contains("lang=\"de\"") ? "\(title) (de)" : String(title)
        }
    }

    /// The English menu: each translated page in its place (its own `menu:`, else its original's),
    /// and the original's menu pages without translation in German, marked so.
    @Test func theEnglishMenuIsOrderedByTheEnglishPagesAndComplete() throws {
        var files = Self.files
        files["pages/team.md"] = "---\ntitle: Team\nmenu: 2\n---\nText.\n"
        files["pages/team.en.md"] = "---\ntitle: Our team\nmenu: 9\n---\nText.\n"
        files["pages/kontakt.md"] = "---\ntitle: Kontakt\nmenu: 6\n---\nText.\n"
        files["pages/kontakt.en.md"] = "---\ntitle: Contact\n---\nText.\n"
        files["pages/anfahrt.md"] = "---\ntitle: Anfahrt\nmenu: 7\n---\nText.\n"
        files["pages/presse.md"] = "---\ntitle: Presse\nmenu: 8\n---\nText.\n"
        files["pages/presse.en.md"] = "---\ntitle: Press\nmenu: 8\n---\nText.\n"
        files["pages/ohne-menue.md"] = "---\ntitle: Ohne Menü\n---\nText.\n"
        let (report, sink) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
        let english = Self.footerLinks(try #require(sink.text("en/index.html")))
        #expect(english == ["Impressum (de)", "Contact", "Anfahrt (de)", "Press", "Our team"], "\(english)")
        let german = Self.footerLinks(try #require(sink.text("index.html")))
        #expect(german == ["Impressum", "Team", "Kontakt", "Anfahrt", "Presse"], "\(german)")
        #expect(try #require(sink.text("en/index.html")).contains("<a href=\"/anfahrt/\" hreflang=\"de\" lang=\"de\">Anfahrt</a>"))
        // The header's main navigation is the English UI strings'.
        #expect(try #require(sink.text("en/index.html")).contains(">Fields of action</a>"))
    }
}
