import Dispatch
import Foundation
import Testing
import MustacheEngine
@testable import SiteGen

/// Lists show posts, events and projects through their card partials (`{{>partials/card-post}}`):
/// one card object per item and build, whose partial the engine renders once and reuses.
@Suite struct CardViewTests {
    let templates: TemplateSet

    init() throws {
        let (set, diagnostics) = TemplateSet.load(fileSystem: LocalFileSystem(), root: TestSupport.templates,
                                                  displayRoot: "Templates", language: "de")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        templates = try #require(set)
    }

    /// A small site's layout: a post with a title that needs escaping, and an event.
    func layout(postTitle: String = "Sensoren <am> See") throws -> LayoutContext {
        let files = TestSupport.minimalSite.merging([
            "posts/2026/see.md": "---\ntitle: \"\(postTitle)\"\ndate: 2026-03-01T10:00:00+01:00\nfields: [daten-und-plattformen]\n---\nText.\n",
            "events/2026/treffen.md": "---\ntitle: Treffen\nstart: 2026-12-01T18:00:00+01:00\n---\nText.\n",
        ]) { _, b in b }
        return LayoutContext(site: try #require(TestSupport.model(files).0), templates: templates)
    }

    func render(_ renderer: Renderer, _ view: any TemplateObject, _ template: String) -> String {
        String(decoding: renderer.render(template, view) ?? [], as: UTF8.self)
    }

    @Test func aCardIsMadeOnceAndItsPartialReusedHoweverManyListsShowIt() throws {
        let layout = try layout()
        let post = try #require(layout.site.posts.first)
        let first = layout.postCard(post)
        let renderer = Renderer(library: templates.library, globals: layout.globals)
        let blog = layout.blogView(Pagination.pages(count: 1, size: 10)[0])
        // Eight list pages rendered at once, each showing the card.
        let seen = LockedList()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let card = layout.postCard(post)
            seen.add(ObjectIdentifier(card), render(renderer, blog, "post-list"))
        }
        #expect(seen.cards == [ObjectIdentifier(first)], "one card object for the post")
        #expect(seen.texts.count == 1, "the same page every time")
        // The reused card is what a renderer that never saw it makes.
        let page = try #require(seen.texts.first)
        let fresh = render(Renderer(library: templates.library, globals: layout.globals), blog, "post-list")
        #expect(page == fresh)
        let card = render(Renderer(library: templates.library, globals: layout.globals), first, "partials/card-post")
        #expect(card.hasPrefix("<article class=\"card card-post\">"))
        #expect(page.contains("<li>" + card + "</li>"), "the list shows the partial's output")
        #expect(card.contains(">Sensoren &lt;am&gt; See</a>"), "escaped like any template value")
        #expect(card.contains("<time datetime=\"2026-03-01T10:00:00+01:00\">1. März 2026</time>"))
        // After the lists, the cards are let go; asking again makes a new one.
        layout.cards.removeAll()
        #expect(layout.postCard(post) !== first)
        let event = layout.eventCard(try #require(layout.site.events.first))
        #expect(render(renderer, event, "partials/card-event").hasPrefix("<article class=\"card card-event"))
    }

    @Test func aCardsFingerprintFollowsItsKeys() throws {
        let a = try layout(), same = try layout(), other = try layout(postTitle: "Anders")
        let card = { (l: LayoutContext) in l.postCard(l.site.posts[0]) }
        #expect(Fingerprint.of(card(a)) == Fingerprint.of(card(same)))
        #expect(Fingerprint.of(card(a)) != Fingerprint.of(card(other)))
        #expect(a.pageHash(a.homeView()) != other.pageHash(other.homeView()))
    }

    @Test func aThemeMayListItemsWithoutTheirCards() throws {
        let root = TestSupport.temporaryFolder("own-list-theme")
        try FileManager.default.copyItem(atPath: TestSupport.templates, toPath: root + "/Templates")
        let list = root + "/Templates/post-list.mustache"
        let text = try String(contentsOfFile: list, encoding: .utf8)
        try text.replacingOccurrences(of: "{{>partials/card-post}}", with: "<a class=\"own\" href=\"{{href}}\">{{title}}</a> {{dateText}}")
            .write(toFile: list, atomically: true, encoding: .utf8)
        let builder = Builder(location: SiteLocation(content: TestSupport.exampleContent, templates: root + "/Templates", output: "/unused"),
                              options: BuildOptions(now: TestSupport.now))
        let sink = MemorySink()
        let (report, _) = builder.run(into: sink)
        #expect(report.diagnostics.errorMessages.isEmpty, "\(report.diagnostics.errorMessages)")
        let blog = String(decoding: try #require(sink.files["blog/index.html"]), as: UTF8.self)
        #expect(blog.contains("<li><a class=\"own\" href=\"/blog/2026/"), "\(blog)")
        #expect(!blog.contains("card-post"))
        // The field pages still use the cards.
        let field = String(decoding: try #require(sink.files["handlungsfelder/daten-und-plattformen/index.html"]), as: UTF8.self)
        #expect(field.contains("<article class=\"card card-post\">"))
    }
}

private final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var seenCards: Set<ObjectIdentifier> = []
    private var seenTexts: Set<String> = []
    func add(_ card: ObjectIdentifier, _ text: String) { lock.lock(); seenCards.insert(card); seenTexts.insert(text); lock.unlock() }
    var cards: Set<ObjectIdentifier> { lock.lock(); defer { lock.unlock() }; return seenCards }
    var texts: Set<String> { lock.lock(); defer { lock.unlock() }; return seenTexts }
    /// Cards, feeds and the search wrote "Samstag, 20. März, bis Sonntag, 21. März 2027" while the
    /// event's own page wrote "Samstag, 20. März bis Sonntag, 21. März 2027" (and English pages
    /// "6 pm–8 pm" beside the cards' "6–8 pm"): two definitions of one style. Now the card's
    /// text and the page's <time> elements are made from one (`DateRangeText`).
    @Test func aRangeReadsTheSameOnItsCardAndOnItsPage() throws {
        var files = TestSupport.minimalSite
        let events = [("fest", "start: 2027-03-20\nend: 2027-03-21", "Samstag, 20. März bis Sonntag, 21. März 2027"),
                      ("abend", "start: 2027-03-03T18:00:00+01:00\nend: 2027-03-03T20:30:00+01:00", "Mittwoch, 3. März 2027, 18:00–20:30 Uhr"),
                      ("tagung", "start: 2027-03-20T10:00:00+01:00\nend: 2027-03-21T16:00:00+01:00",
                       "Samstag, 20. März 2027, 10:00 Uhr bis Sonntag, 21. März 2027, 16:00 Uhr")]
        for (slug, dates, _) in events { files["events/2027/\(slug).md"] = "---\ntitle: \(slug)\n\(dates)\nlocation: Rathaus\n---\nText.\n" }
        let (_, sink) = TestSupport.buildInMemory(files)
        let list = try #require(sink.text("veranstaltungen/index.html"))
        for (slug, _, text) in events {
            #expect(list.contains(">\(text)</time>"), "card of \(slug)")
            let page = try #require(sink.text("veranstaltungen/2027/\(slug)/index.html"))
            let facts = try #require(page.firstMatch(of: /<dd>(<time datetime[^\n]*?)<\/dd>/)).output.1
            #expect(facts.replacing(/<[^>]+>/, with: "") == text, "page of \(slug)")
        }
    }
}
