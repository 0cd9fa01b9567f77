import Foundation
import Testing
@testable import SiteGen

/// Tags (issue #20): each post links its tags, each tag has a page with its published posts, and
/// the search and the open data know them.
@Suite struct TagTests {
    static let now = TestSupport.now  // 2026-11-26

    /// A post of 2025 with its date (day of the year's month) and front matter lines.
    static func post(_ slug: String, _ date: String, tags: String, extra: String = "") -> [String: String] {
        ["posts/2025/\(slug).md": "---\ntitle: \"Beitrag \(slug)\"\ndate: \(date)\nsummary: Kurz.\ntags: \(tags)\n\(extra)---\nText über \(slug).\n"]
    }

    static func site(_ parts: [String: String]...) -> [String: String] {
        parts.reduce(TestSupport.minimalSite) { $0.merging($1) { _, b in b } }
    }

    static func build(_ files: [String: String], options: BuildOptions = BuildOptions(now: now)) -> (BuildReport, MemorySink) {
        TestSupport.buildInMemory(files, options: options)
    }

    /// The post addresses of the cards on a list page, in order.
    static func cards(_ html: String) -> [String] {
        html.matches(of: /<h3 class="card-title">[\s\S]*?<a href="([^"]+)"/).map { String($0.output.1) }
    }

    /// The tag links of a post page: (address, name).
    static func tagLinks(_ html: String) -> [(String, String)] {
        html.matches(of: /<a class="tag" href="([^"]+)" rel="tag">([^<]+)<\/a>/).map { (String($0.output.1), String($0.output.2)) }
    }

    @Test func aPostPageLinksItsTagsUnderALabel() throws {
        let (report, sink) = Self.build(Self.site(Self.post("a", "2025-03-01T10:00:00+01:00", tags: "[Open Data, Mobilität]")))
        #expect(report.diagnostics.errorMessages.isEmpty, "\(report.diagnostics.errorMessages)")
        let html = try #require(sink.text("blog/2025/a/index.html"))
        #expect(html.contains("<nav class=\"tags\" aria-label=\"Schlagwörter\">"), "the list has an accessible name")
        #expect(html.contains("<h2 class=\"tags-label\">Schlagwörter</h2>"), "and a visible one")
        #expect(Self.tagLinks(html).map(\.0) == ["/blog/schlagwort/open-data/", "/blog/schlagwort/mobilitaet/"])
        #expect(Self.tagLinks(html).map(\.1) == ["Open Data", "Mobilität"])
        #expect(html.contains("\"keywords\":\"Open Data, Mobilität\""), "the post's JSON-LD names them")
        let untagged = try #require(Self.build(Self.site(Self.post("b", "2025-03-01T10:00:00+01:00", tags: "[]"))).1.text("blog/2025/b/index.html"))
        #expect(!untagged.contains("class=\"tags\""), "no tags, no empty list")
    }

    /// Exactly the published posts with the tag, newest first; drafts and future posts make no
    /// page and are not on one.
    @Test func aTagPageListsItsPublishedPostsNewestFirst() throws {
        let files = Self.site(
            Self.post("alt", "2025-01-10T10:00:00+01:00", tags: "[Klima]"),
            Self.post("neu", "2025-09-10T10:00:00+02:00", tags: "[Klima, Sensorik]"),
            Self.post("mitte", "2025-05-10T10:00:00+02:00", tags: "[klima]"),
            Self.post("ohne", "2025-06-10T10:00:00+02:00", tags: "[Sensorik]"),
            Self.post("entwurf", "2025-07-10T10:00:00+02:00", tags: "[Klima, Geheim]", extra: "draft: true\n"),
            ["posts/2027/spaeter.md": "---\ntitle: Später\ndate: 2027-01-10T10:00:00+01:00\nsummary: S.\ntags: [Klima, Zukunft]\n---\nText.\n"])
        let (report, sink) = Self.build(files)
        #expect(report.diagnostics.errorMessages.isEmpty, "\(report.diagnostics.errorMessages)")
        let page = try #require(sink.text("blog/schlagwort/klima/index.html"))
        #expect(Self.cards(page) == ["/blog/2025/neu/", "/blog/2025/mitte/", "/blog/2025/alt/"])
        #expect(page.contains("<title>Schlagwort: Klima – Test</title>"))
        #expect(page.contains("<h1>Schlagwort: Klima</h1>"))
        #expect(page.contains("<li><a href=\"/blog/schlagwort/\">Schlagwörter</a></li>"), "breadcrumbs lead to the list of all tags")
        #expect(page.contains("<span aria-current=\"page\">Klima</span>"))
        #expect(page.contains("<a href=\"/blog/\" aria-current=\"true\">"), "the main navigation marks the blog")
        for gone in ["geheim", "zukunft"] { #expect(sink.files["blog/schlagwort/\(gone)/index.html"] == nil, "\(gone)") }

        let all = try #require(sink.text("blog/schlagwort/index.html"))
        #expect(all.contains("<a class=\"tag\" href=\"/blog/schlagwort/klima/\">Klima <span class=\"tag-count\">(3 Beiträge)</span></a>"))
        #expect(all.contains("<a class=\"tag\" href=\"/blog/schlagwort/sensorik/\">Sensorik <span class=\"tag-count\">(2 Beiträge)</span></a>"))
        #expect(!all.contains("Geheim") && !all.contains("Zukunft"))
        #expect(try #require(sink.text("blog/index.html")).contains("<a href=\"/blog/schlagwort/\">Alle Schlagwörter</a>"))
        let sitemap = try #require(sink.text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/blog/schlagwort/klima/</loc>"))
        #expect(sitemap.contains("<loc>https://example.org/blog/schlagwort/</loc>"))
    }

    /// A preview (`--drafts`) shows a draft on its tag pages, marked, as the blog does; a tag
    /// only drafts have stays out of the sitemap.
    @Test func aPreviewShowsDraftsOnTagPagesButNotInTheSitemap() throws {
        let files = Self.site(Self.post("a", "2025-03-01T10:00:00+01:00", tags: "[Klima]"),
                              Self.post("entwurf", "2025-07-10T10:00:00+02:00", tags: "[Klima, Geheim]", extra: "draft: true\n"))
        let (report, sink) = Self.build(files, options: BuildOptions(now: Self.now, drafts: true))
        #expect(report.diagnostics.errorMessages.isEmpty, "\(report.diagnostics.errorMessages)")
        #expect(Self.cards(try #require(sink.text("blog/schlagwort/klima/index.html"))) == ["/blog/2025/entwurf/", "/blog/2025/a/"])
        #expect(try #require(sink.text("blog/schlagwort/geheim/index.html")).contains("Entwurf"))
        let sitemap = try #require(sink.text("sitemap.xml"))
        #expect(sitemap.contains("blog/schlagwort/klima/"))
        #expect(!sitemap.contains("blog/schlagwort/geheim/"))
    }

    @Test func aTagWithMorePostsThanPaginateHasPages() throws {
        var files = Self.site()
        files["site.yml"] = "title: Test\nbase_url: https://example.org/\npaginate: 2\n"
        for day in 1...5 { files.merge(Self.post("p\(day)", "2025-03-0\(day)T10:00:00+01:00", tags: "[Klima]")) { _, b in b } }
        let (report, sink) = Self.build(files)
        #expect(report.diagnostics.errorMessages.isEmpty, "\(report.diagnostics.errorMessages)")
        let pages = ["blog/schlagwort/klima/index.html", "blog/schlagwort/klima/seite/2/index.html", "blog/schlagwort/klima/seite/3/index.html"]
        let html = try pages.map { try #require(sink.text($0), "\($0)") }
        #expect(html.map(Self.cards) == [["/blog/2025/p5/", "/blog/2025/p4/"], ["/blog/2025/p3/", "/blog/2025/p2/"], ["/blog/2025/p1/"]])
        #expect(sink.files["blog/schlagwort/klima/seite/4/index.html"] == nil)
        #expect(html[1].contains("<title>Schlagwort: Klima – Seite 2 – Test</title>"))
        #expect(html[1].contains("<a href=\"/blog/schlagwort/klima/\">Klima</a>"), "the breadcrumbs lead to the first page")
        #expect(html[0].contains("href=\"/blog/schlagwort/klima/seite/2/\""), "pagination links the next page")
        #expect(html[0].contains("Seite 1 von 3"))
    }

    /// "Open Data" and "open data" are one page, shown as most posts spell it; every file with
    /// the other spelling is named.
    @Test func twoSpellingsOfOneSlugAreOneTagWithAWarning() throws {
        let files = Self.site(Self.post("a", "2025-03-01T10:00:00+01:00", tags: "[Open Data]"),
                              Self.post("b", "2025-03-02T10:00:00+01:00", tags: "[open data]"),
                              Self.post("c", "2025-03-03T10:00:00+01:00", tags: "[Open Data]"))
        let (report, sink) = Self.build(files)
        #expect(report.diagnostics.warningMessages.filter { $0.contains("tag") } == [
            "/c/posts/2025/b.md:5: warning: tag 'open data' is shown as 'Open Data' (as in /c/posts/2025/a.md): both are the tag page /blog/schlagwort/open-data/; write 'Open Data' so the tag has one spelling",
        ])
        #expect(Self.cards(try #require(sink.text("blog/schlagwort/open-data/index.html"))).count == 3)
        #expect(Self.tagLinks(try #require(sink.text("blog/2025/b/index.html"))).map(\.1) == ["Open Data"], "one spelling everywhere")
    }

    /// A tie goes to the spelling first in code-point order, whichever file is newer.
    @Test(arguments: [("2025-03-01", "2025-03-02"), ("2025-03-02", "2025-03-01")])
    func aTiedSpellingIsChosenTheSameWayWhateverTheOrder(_ upper: String, _ lower: String) throws {
        let files = Self.site(Self.post("a", upper + "T10:00:00+01:00", tags: "[Mobilität]"),
                              Self.post("b", lower + "T10:00:00+01:00", tags: "[mobilität]"))
        let (site, d) = TestSupport.model(files)
        #expect(try #require(site).tags.map(\.name) == ["Mobilität"])
        #expect(d.warningMessages.contains { $0.hasPrefix("content/posts/2025/b.md:5: warning: tag 'mobilität' is shown as 'Mobilität'") }, "\(d.warningMessages)")
    }

    @Test func aTagWithoutLettersIsAnErrorAtItsLine() throws {
        let files = Self.site(Self.post("a", "2025-03-01T10:00:00+01:00", tags: "\n  - Klima\n  - \"#\"\n  - \"Klima \""))
        let (site, d) = TestSupport.model(files)
        #expect(d.errorMessages == ["content/posts/2025/a.md:7: error: tag '#' has no letter or digit, so its page would have no address; write the tag as a word (e.g. 'Open Data') or remove it"])
        #expect(d.warningMessages.contains("content/posts/2025/a.md:8: warning: 'Klima' is listed twice in 'tags'; remove one"))
        #expect(try #require(site).tags.map(\.slug) == ["klima"], "the other tags still count")
        let (_, twice) = TestSupport.model(Self.site(Self.post("b", "2025-03-01T10:00:00+01:00", tags: "[Straße, STRASSE]")))
        #expect(twice.warningMessages.contains("content/posts/2025/b.md:5: warning: tags 'Straße' and 'STRASSE' are one tag (spelled alike but for case or accents); remove one"))
    }

    /// A file of content/ at a tag page's address is an error, not a silent replacement.
    @Test func aFileAtATagPagesAddressIsAnError() {
        let files = Self.site(Self.post("a", "2025-03-01T10:00:00+01:00", tags: "[Klima]"),
                              ["blog/schlagwort/klima/index.html": "<p>alt</p>"])
        let (report, _) = Self.build(files)
        #expect(report.diagnostics.errorMessages.contains("/c/blog/schlagwort/klima/index.html: error: file has the same address as the page the build makes at /blog/schlagwort/klima/; rename or move it"), "\(report.diagnostics.errorMessages)")
    }

    @Test func theTagPagesFollowPathsInSiteYml() throws {
        var files = Self.site(Self.post("a", "2025-03-01T10:00:00+01:00", tags: "[Klima]"))
        files["site.yml"] = "title: Test\nbase_url: https://example.org/\npaths: { blog: neues, tags: themen }\n"
        let (_, sink) = Self.build(files)
        #expect(sink.files["neues/themen/klima/index.html"] != nil)
        #expect(Self.tagLinks(try #require(sink.text("neues/2025/a/index.html"))).map(\.0) == ["/neues/themen/klima/"])
        for (value, problem) in [("seite", "the same as paths.page"), ("2025", "a number")] {
            files["site.yml"] = "title: Test\nbase_url: https://example.org/\npaths:\n  tags: \"\(value)\"\n"
            let (_, d) = TestSupport.model(files)
            #expect(d.errorMessages.contains { $0.hasPrefix("content/site.yml:4: error: paths.tags is '\(value)', \(problem)") }, "\(d.errorMessages)")
        }
    }

    @Test func theSearchIndexAndTheOpenDataHaveTheTags() throws {
        let files = Self.site(Self.post("a", "2025-03-01T10:00:00+01:00", tags: "[Zebrastreifen, Open Data]", extra: "fields: [daten-und-plattformen]\n"),
                              Self.post("entwurf", "2025-03-02T10:00:00+01:00", tags: "[Zebrastreifen]", extra: "draft: true\n"))
        let (report, sink) = Self.build(files, options: BuildOptions(now: Self.now, drafts: true))
        #expect(report.diagnostics.errorMessages.isEmpty, "\(report.diagnostics.errorMessages)")

        // The tag is a search term (it is nowhere in the text), and the result shows the tags.
        let term = try #require(SearchText.terms("Zebrastreifen").first)
        let shards = sink.files.filter { $0.key.hasPrefix("suche/suchindex/t") }.values.map { String(decoding: $0, as: UTF8.self) }
        #expect(shards.contains { $0.contains("\"\(term)\":[") })
        // Every document chunk's rows, in order.
        let chunk = try sink.files.keys.filter { $0.hasPrefix("suche/suchindex/d") }
            .sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }
            .flatMap { try #require(formatsJSON(sink.text($0)) as? [[Any]]) }
        let row = try #require(chunk.first { $0[0] as? String == "/blog/2025/a/" })
        #expect(row.count == 8, "the text file's name is the seventh value, the tags the eighth")
        #expect(row[7] as? [[String]] == [["Zebrastreifen", "/blog/schlagwort/zebrastreifen/"], ["Open Data", "/blog/schlagwort/open-data/"]])
        #expect(!chunk.contains { $0[0] as? String == "/blog/2025/entwurf/" }, "drafts stay out of the search")
        #expect(chunk.filter { ($0[0] as? String)?.hasPrefix("/blog/") != true }.allSatisfy { $0.count == 7 }, "other rows without tags")

        let data = try #require(formatsJSON(sink.text("blog.json")) as? [String: Any])
        let posts = try #require(data["posts"] as? [[String: Any]])
        #expect(posts.map { $0["id"] as? String } == ["2025/a"], "published posts only")
        let tags = try #require(posts[0]["tags"] as? [[String: String]])
        #expect(tags == [["slug": "zebrastreifen", "title": "Zebrastreifen", "url": "https://example.org/blog/schlagwort/zebrastreifen/"],
                         ["slug": "open-data", "title": "Open Data", "url": "https://example.org/blog/schlagwort/open-data/"]])
        #expect((posts[0]["fields"] as? [[String: Any]])?.first?["slug"] as? String == "daten-und-plattformen")
        let catalog = try #require(formatsJSON(sink.text("dcat.jsonld")) as? [String: Any])
        let datasets = try #require(catalog["dcat:dataset"] as? [[String: Any]])
        #expect(datasets.contains { ($0["@id"] as? String)?.hasSuffix("#blog") == true })
    }

    /// Same content, same bytes: the tag pages, their order and their spellings do not depend on
    /// the order the files are read in or on the run.
    @Test func tagPagesAreDeterministic() throws {
        let files = Self.site(Self.post("a", "2025-03-01T10:00:00+01:00", tags: "[Zebra, Äpfel, apfel, Öl]"),
                              Self.post("b", "2025-03-01T10:00:00+01:00", tags: "[Äpfel, zebra, Ol]"))
        let (_, first) = Self.build(files)
        let (_, second) = Self.build(files)
        let tagFiles = first.files.keys.filter { $0.contains("schlagwort") }.sorted()
        #expect(tagFiles.count == 6, "five tags and the list of all: \(tagFiles)")
        for path in first.files.keys { #expect(first.files[path] == second.files[path], "\(path)") }
        let all = try #require(first.text("blog/schlagwort/index.html"))
        #expect(all.matches(of: /class="tag" href="[^"]+">([^<]+) </).map { String($0.output.1) } == ["apfel", "Äpfel", "Ol", "Öl", "Zebra"],
                "German order (umlauts as their vowels), ties in code-point order")
    }

    /// A cached build after tags changed gives the bytes of a fresh one, and renders only the
    /// pages that show those tags.
    @Test func aCachedBuildAfterATagChangeEqualsAFreshOne() throws {
        let t = try IncrementalBuildTests()
        let first = t.expectSameAsFresh("first build")
        #expect(first.rendered > 90)
        #expect(t.expectSameAsFresh("no change").rendered == 0, "tag pages are reused")
        try t.edit("posts/2025/klimamessnetz-komplett.md") {
            $0.replacingOccurrences(of: "tags: [Klima, Sensorik, Forschung]", with: "tags: [Klima, sensorik, Messnetz]")
        }
        let changed = t.expectSameAsFresh("tags changed")
        // The post, Forschung's page (one post less), Messnetz's (new) and the list of all tags
        // (counts); Klima's and Sensorik's pages show the same cards as before.
        #expect(changed.rendered == 4, "\(changed)")
        try t.edit("posts/2025/klimamessnetz-komplett.md") { $0.replacingOccurrences(of: "tags: [Klima, sensorik, Messnetz]", with: "tags: []") }
        _ = t.expectSameAsFresh("tags removed")
    }
}

/// Text pasted from Word brings characters that show nothing: `Kli​ma` (a zero-width space inside)
/// got its own tag page /blog/schlagwort/kli-ma/ beside Klima's, a field `energie-und-umwelt​` was
/// "unknown, did you mean 'energie-und-umwelt'?", and `Open Data` with a no-break space was warned
/// about as another spelling of „Open Data“, a difference no message can show.
@Suite struct PastedInvisibleCharacterTests {
    @Test func aTagWithAZeroWidthSpaceOrANoBreakSpaceIsTheTagItLooksLike() throws {
        let files = TagTests.site(
            TagTests.post("a", "2025-03-01T10:00:00+01:00", tags: "[Klima, Open Data]"),
            TagTests.post("b", "2025-03-02T10:00:00+01:00", tags: "[\"Kli\u{200B}ma\", \"Open\u{00A0}Data\"]", extra: "fields: [\"energie\u{200B}\"]\n"),
            TagTests.post("c", "2025-03-03T10:00:00+01:00", tags: "[\"Kli\u{00AD}ma\"]"),
            ["fields/energie.md": "---\ntitle: Energie\norder: 1\n---\nText.\n"])
        let (report, sink) = TagTests.build(files)
        #expect(report.diagnostics.filter { $0.file.contains("posts/") }.isEmpty, "\(report.diagnostics)")
        #expect(sink.files["blog/schlagwort/kli-ma/index.html"] == nil)
        let html = try #require(sink.text("blog/2025/b/index.html"))
        #expect(TagTests.tagLinks(html).map(\.1) == ["Klima", "Open Data"], "\(TagTests.tagLinks(html))")
    }

    @Test func twoTagsThatDifferOnlyInInvisibleCharactersAreListedTwice() {
        let files = TagTests.site(TagTests.post("a", "2025-03-01T10:00:00+01:00", tags: "[Open Data, \"Open\u{00A0}Data\"]"))
        #expect(TagTests.build(files).0.diagnostics.warningMessages.filter { $0.contains("tags") }
            == ["/c/posts/2025/a.md:5: warning: 'Open Data' is listed twice in 'tags'; remove one"])
    }

    @Test func slugsAndKeysIgnoreThem() {
        #expect(Slug.make("Digitale\u{00AD}Woche\u{200B} 2026") == "digitalewoche-2026")
        let (site, d) = TestSupport.model(TestSupport.minimalSite.merging(["posts/2025/a.md": "---\nti\u{200B}tle: A\ndate: 2025-03-01\nsummary: S.\n---\nText.\n"]) { _, b in b })
        #expect(d.filter { $0.file.contains("posts/") }.isEmpty, "\(d)")
        #expect(site?.posts.first?.title == "A")
    }
}
