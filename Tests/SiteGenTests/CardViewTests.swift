import Dispatch
import Foundation
import Testing
@testable import SiteGen

/// Lists show posts, events and projects through `{{{card}}}`: each card rendered once per build
/// from its partial and shared by every list.
@Suite struct CardViewTests {
    let templates: TemplateSet

    init() throws {
        let (set, diagnostics) = TemplateSet.load(fileSystem: LocalFileSystem(), root: TestSupport.templates,
                                                  displayRoot: "Templates", language: "de")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        templates = try #require(set)
    }

    func cache() -> CardCache {
        CardCache(templates: templates, globals: ["t": templates.strings, "site": ["uiIcons": "/assets/ui-icons.svg"]])
    }

    @Test func aCardIsMadeAndRenderedOnceHoweverManyListsAskForIt() {
        let cards = cache()
        let made = Counter()
        let fields: @Sendable () -> [String: Any] = {
            made.add()
            return ["title": "Sensoren <am> See", "href": "/blog/2026/see/", "dateText": "1. März 2026", "dateISO": "2026-03-01"]
        }
        let first = cards.card(LayoutContext.postCardTemplate, key: "posts/2026/see.md", fields: fields)
        // Eight list pages rendered at once, each asking for the card.
        let html = LockedStrings(Array(repeating: "", count: 8))
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let card = cards.card(LayoutContext.postCardTemplate, key: "posts/2026/see.md", fields: fields)
            html.set(i, card.child(named: "card") as? String ?? "")
        }
        #expect(made.value == 1, "the card's keys were made \(made.value) times for one rendering")
        #expect(Set(html.values).count == 1)
        let card = html.values[0]
        #expect(card.hasPrefix("<article class=\"card card-post\">"))
        #expect(card.contains("<a href=\"/blog/2026/see/\">Sensoren &lt;am&gt; See</a>"), "escaped like any template value")
        #expect(card.contains("<time datetime=\"2026-03-01\">1. März 2026</time>"))
        // Other keys stay readable for themes that build list items themselves.
        #expect(first.child(named: "title") as? String == "Sensoren <am> See")
        // The same item through another partial is another card.
        let other = cards.card(LayoutContext.projectCardTemplate, key: "posts/2026/see.md", fields: fields)
        #expect(other !== first)
    }

    @Test func aCardsHashFollowsItsKeysAndItsPartial() {
        let a = cache().card(LayoutContext.postCardTemplate, key: "x") { ["title": "A"] }
        let sameAgain = cache().card(LayoutContext.postCardTemplate, key: "x") { ["title": "A"] }
        let otherTitle = cache().card(LayoutContext.postCardTemplate, key: "x") { ["title": "B"] }
        let otherPartial = cache().card(LayoutContext.eventCardTemplate, key: "x") { ["title": "A"] }
        #expect(a.viewHash == sameAgain.viewHash)
        #expect(a.viewHash != otherTitle.viewHash)
        #expect(a.viewHash != otherPartial.viewHash)
        #expect(ViewHash.of(["items": [a]]) != ViewHash.of(["items": [otherTitle]]))
    }

    @Test func aThemeMayListItemsWithoutTheirCards() throws {
        let root = TestSupport.temporaryFolder("own-list-theme")
        try FileManager.default.copyItem(atPath: TestSupport.templates, toPath: root + "/Templates")
        let list = root + "/Templates/post-list.mustache"
        let text = try String(contentsOfFile: list, encoding: .utf8)
        try text.replacingOccurrences(of: "{{{card}}}", with: "<a class=\"own\" href=\"{{href}}\">{{title}}</a> {{dateText}}")
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

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}

private final class LockedStrings: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String]
    init(_ items: [String]) { self.items = items }
    func set(_ i: Int, _ value: String) { lock.lock(); items[i] = value; lock.unlock() }
    var values: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
