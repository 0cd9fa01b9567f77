import MustacheEngine
import Synchronization
import Testing

/// A card-like view that may be reused for a whole render pass.
final class Card: TemplateView {
    let title: String
    init(_ title: String) { self.title = title }
    var memoIdentity: AnyObject? { self }
    static let fields = Fields<Card>("Card", "A card.", [.text("title", "Its title.") { $0.title }])
}

final class ListPage: TemplateView {
    let heading: String
    let cards: [Card]
    init(heading: String, cards: [Card]) {
        self.heading = heading
        self.cards = cards
    }
    static let fields = Fields<ListPage>("ListPage", "A list.", [
        .text("heading", "The list's heading.") { $0.heading },
        .list("cards", Card.fields, "The cards.") { $0.cards },
    ])
}

/// A card that counts how often its values are read.
final class CountingCard: TemplateObject {
    let title: String
    let reads = Mutex(0)
    init(_ title: String) { self.title = title }
    let shape = Shape(name: "CountingCard", doc: "", keys: [KeyInfo(name: "title", type: .text, optional: false, doc: "")])
    func value(at slot: Int) -> Value {
        reads.withLock { $0 += 1 }
        return .text(title)
    }
    var memoIdentity: AnyObject? { self }
}

final class TaggedPage: TemplateView {
    let heading: String
    let tags: [String]
    let cards: [CountingCard]
    init(heading: String = "", tags: [String] = [], cards: [CountingCard]) {
        self.heading = heading
        self.tags = tags
        self.cards = cards
    }
    static let fields = Fields<TaggedPage>("TaggedPage", "", [
        .text("heading", "") { $0.heading }, .texts("tags", "") { $0.tags },
        .list("cards", Shape(name: "CountingCard", doc: "", keys: []), "") { $0.cards },
    ])
}

@Suite struct EngineTests {
    func renderer(_ sources: [String: String], globals: (any TemplateObject)? = nil) throws -> Renderer {
        Renderer(library: try TemplateLibrary(sources: sources), globals: globals)
    }

    func text(_ r: Renderer, _ name: String, _ view: any TemplateObject) -> String {
        String(decoding: r.render(name, view) ?? [], as: UTF8.self)
    }

    @Test func aReusedPartialGivesWhatRenderingItAgainGives() throws {
        let globals = DictionaryObject([("site", .text("DOS"))])
        // `card` reads only the card and the globals: reused. `card-heading` reads the page's heading: never reused.
        let r = try renderer(["page": "{{#cards}}[{{>card}}|{{>card-heading}}]{{/cards}}", "card": "{{title}}@{{site}}",
                              "card-heading": "{{title}} in {{heading}}"], globals: globals)
        let a = Card("A"), b = Card("B")
        #expect(text(r, "page", ListPage(heading: "Eins", cards: [a, b])) == "[A@DOS|A in Eins][B@DOS|B in Eins]")
        #expect(text(r, "page", ListPage(heading: "Zwei", cards: [b, a])) == "[B@DOS|B in Zwei][A@DOS|A in Zwei]")
        // Where a partial's name resolves depends on the frames between: a page that has `site` itself.
        final class Shadow: TemplateView {
            let cards: [Card]
            init(cards: [Card]) { self.cards = cards }
            static let fields = Fields<Shadow>("Shadow", "", [
                .text("site", "") { _ in "eigen" }, .list("cards", Card.fields, "") { $0.cards }, .text("heading", "") { _ in "" },
            ])
        }
        #expect(text(r, "page", Shadow(cards: [a])) == "[A@eigen|A in ]")
    }

    /// A partial that reads a name from below its view (a header reading the page's language links)
    /// is reused where that name gives the same value, and rendered again where it does not.
    @Test func aPartialReadingBelowItsViewIsReusedOnlyWhereThoseValuesAgree() throws {
        let r = try renderer(["page": "{{#cards}}[{{>card-heading}}]{{/cards}}", "card-heading": "{{title}} in {{heading}}"])
        let card = CountingCard("A")
        #expect(text(r, "page", TaggedPage(heading: "Eins", cards: [card])) == "[A in Eins]")
        let reads = card.reads.withLock { $0 }
        #expect(text(r, "page", TaggedPage(heading: "Eins", cards: [card])) == "[A in Eins]")
        #expect(card.reads.withLock { $0 } == reads, "same heading: the kept output, the card not read again")
        #expect(text(r, "page", TaggedPage(heading: "Zwei", cards: [card])) == "[A in Zwei]")
        #expect(card.reads.withLock { $0 } > reads, "another heading: rendered again")
        // A list read from below is not compared item by item: rendered each time, and right.
        let lists = try renderer(["page": "{{#cards}}[{{>card-tags}}]{{/cards}}", "card-tags": "{{title}}:{{#tags}}{{.}},{{/tags}}"])
        #expect(text(lists, "page", TaggedPage(tags: ["x"], cards: [card])) == "[A:x,]")
        #expect(text(lists, "page", TaggedPage(tags: ["y", "z"], cards: [card])) == "[A:y,z,]")
        #expect(text(lists, "page", TaggedPage(tags: [], cards: [card])) == "[A:]")
    }

    /// A card is kept once for every list that shows it, whatever the list's view: its names are
    /// found in the card, in the globals or nowhere in each, so the second list takes it over. A
    /// name found nowhere in one list and in the view of another is rendered again there.
    @Test func aKeptPartialIsReusedUnderAnotherStackWhereItsNamesResolveAlike() throws {
        final class OtherPage: TemplateView {
            let cards: [CountingCard]
            init(cards: [CountingCard]) { self.cards = cards }
            static let fields = Fields<OtherPage>("OtherPage", "", [.list("cards", Shape(name: "CountingCard", doc: "", keys: []), "") { $0.cards }])
        }
        final class ThirdPage: TemplateView {
            let cards: [CountingCard]
            init(cards: [CountingCard]) { self.cards = cards }
            static let fields = Fields<ThirdPage>("ThirdPage", "", [
                .text("kind", "") { _ in "dritte" }, .list("cards", Shape(name: "CountingCard", doc: "", keys: []), "") { $0.cards },
            ])
        }
        let globals = DictionaryObject([("site", .text("DOS"))])
        let r = try renderer(["page": "{{#cards}}[{{>card}}]{{/cards}}", "card": "{{title}}@{{site}}{{heading}}"], globals: globals)
        let card = CountingCard("A")
        #expect(text(r, "page", OtherPage(cards: [card])) == "[A@DOS]")
        let reads = card.reads.withLock { $0 }
        #expect(text(r, "page", ThirdPage(cards: [card])) == "[A@DOS]")
        #expect(card.reads.withLock { $0 } == reads, "another list's view, names resolving alike: the kept output")
        #expect(text(r, "page", TaggedPage(heading: "Eins", cards: [card])) == "[A@DOSEins]")
        #expect(card.reads.withLock { $0 } > reads, "`heading` found in this list's view: rendered again")
    }

    @Test func escapingFollowsTheTemplatesContentType() throws {
        let r = try renderer(["a.html": "{{x}}|{{{x}}}", "b.ics": "{{x}}"])
        let view = DictionaryObject([("x", .text("<a href=\"x\">&'</a>"))])
        #expect(text(r, "a.html", view) == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;|<a href=\"x\">&'</a>")
        #expect(text(r, "b.ics", view) == "<a href=\"x\">&'</a>")
    }

    /// Tags whose names start in the globals are written from output made once per pass: it must
    /// read as looking them up on each page would, also where a view above has the same name.
    @Test func globalsWriteAsLookingThemUpWould() throws {
        let strings = DictionaryObject([("nav", .object(DictionaryObject([("blog", .text("Blog & Neues"))]))), ("n", .int(12))])
        let globals = DictionaryObject([("t", .object(strings)), ("site", .text("<DOS>")), ("empty", .null)])
        let r = try renderer(["a.html": "{{t.nav.blog}}|{{{t.nav.blog}}}|{{t.n}}|{{site}}|{{t.nav.none}}|[{{empty}}]|{{t.nav}}|{{#cards}}{{site}}{{/cards}}",
                              "b.txt": "{{t.nav.blog}} {{site}}",
                              "c.html": "<ul>\n  {{>line}}\n</ul>", "line": "{{site}}\n{{t.nav.blog}}\n"], globals: globals)
        let page = DictionaryObject([("cards", .list(ValueArray([.object(DictionaryObject([("site", .text("Karte"))])), .object(DictionaryObject([]))])))])
        #expect(text(r, "a.html", page) == "Blog &amp; Neues|Blog & Neues|12|&lt;DOS&gt;||[]||Karte&lt;DOS&gt;")
        #expect(text(r, "b.txt", page) == "Blog & Neues <DOS>")
        #expect(text(r, "c.html", page) == "<ul>\n  &lt;DOS&gt;\n  Blog &amp; Neues\n</ul>")
        // A page whose own view has the name shows its own value, not the global one.
        #expect(text(r, "b.txt", DictionaryObject([("site", .text("Seite"))])) == "Blog & Neues Seite")
    }

    @Test func syntaxErrorsNameTemplateLineAndColumn() {
        #expect(throws: TemplateErrors.self) { try TemplateLibrary(sources: ["a": "x\n  {{#s}}\n{{/t}}"]) }
        do {
            _ = try TemplateLibrary(sources: ["a": "ok", "b": "x\n  {{#s}}\n{{/t}}", "c": "{{name", "d": "{{#open}}"])
        } catch {
            #expect(error.errors.map(\.description) == [
                "b:3:1: the closing tag {{/t}} does not match {{#s}} at line 2",
                "c:1:1: a tag is not closed with }}",
                "d:1:1: the section {{#open}} is not closed; add {{/open}}",
            ])
        }
    }

    /// A closing tag that is not the innermost section's said only that they did not match, at
    /// the closing tag, whatever the mistake; it says what to do for each.
    @Test func aClosingTagThatDoesNotMatchSaysWhatToDo() {
        func error(_ text: String) -> String? {
            do { _ = try TemplateLibrary(sources: ["p": text]) } catch { return error.errors.first?.description }
            return nil
        }
        // A section left open inside another: named at its opening tag.
        #expect(error("{{$main}}\n{{#post}}\n<h1>{{title}}</h1>\n{{/main}}") ==
                "p:2:1: the section {{#post}} is not closed before {{/main}} at line 4; add {{/post}} where it ends")
        // A section closed twice.
        #expect(error("{{$main}}\n{{^post}}x{{/post}}\n{{/post}}\n{{/main}}") ==
                "p:3:1: the closing tag {{/post}} has nothing to close here: {{^post}} at line 2 is closed already; remove this tag")
        // Delimiters changed and not set back: the closing tag was text.
        #expect(error("{{#post}}\n{{=<% %>=}}\n<%title%>\n{{/post}}") ==
                "p:1:1: the section {{#post}} is not closed: the tag at line 2 set the delimiters to <% and %>, so a {{/post}} after it is text; set them back with <%={{ }}=%>")
        #expect(error("{{#post}}\n{{=<% %>=}}<%={{ }}=%>") == "p:1:1: the section {{#post}} is not closed; add {{/post}}")
        // A mistyped closing tag.
        #expect(error("{{#post}}\n{{/pots}}") == "p:2:1: the closing tag {{/pots}} does not match {{#post}} at line 1; did you mean {{/post}}?")
    }

    /// `{{ #post }}` is a value named '#post' in Mustache: the section never opened, and every key
    /// inside it was reported missing (17 warnings for post.mustache, none saying why).
    @Test func aSpaceBeforeTheSigilIsAnError() {
        func error(_ text: String) -> String? {
            do { _ = try TemplateLibrary(sources: ["p": text, "x": ""]) } catch { return error.errors.first?.description }
            return nil
        }
        #expect(error("a\n  {{ #post }}{{title}}{{ /post }}") == "p:2:3: the tag {{ #post }} has a space before '#', so it would be read as a value named '#post'; write {{#post}}")
        #expect(error("{{  >  x}}") == "p:1:1: the tag {{  >  x}} has a space before '>', so it would be read as a value named '>  x'; write {{>x}}")
        #expect(error("{{=<% %>=}}<% ^a %><%/a%>") == "p:1:12: the tag <% ^a %> has a space before '^', so it would be read as a value named '^a'; write <%^a%>")
        #expect(error("{{ title }}{{# post }}{{/ post }}{{& html }}") == nil)
    }

    /// Names with an empty part or a space are errors, ASCII or not; dotted paths and "." are fine.
    @Test func aNameWithAnEmptyPartOrASpaceIsAnError() throws {
        for good in ["{{.}}", "{{page.title}}", "{{#t.field.x}}{{/t.field.x}}", "{{größe.wert}}", "{{a-b_c}}"] {
            _ = try TemplateLibrary(sources: ["a": good])
        }
        let bad = ["{{a..b}}": "empty part", "{{a.}}": "empty part", "{{..}}": "empty part", "{{größe..wert}}": "empty part",
                   "{{.größe}}": "empty part", "{{a b}}": "space", "{{#if größe}}{{/if größe}}": "{{#if"]
        for (source, problem) in bad {
            do {
                _ = try TemplateLibrary(sources: ["a": source])
                Issue.record("\(source) was accepted")
            } catch {
                #expect(error.errors.count == 1 && error.errors[0].description.contains(problem), "\(source): \(error.errors)")
            }
        }
    }

    @Test func keysAreCheckedAgainstTheViewWithSuggestions() throws {
        let library = try TemplateLibrary(sources: [
            "page": "{{heding}}{{#cards}}{{>card}}{{/cards}}{{#heading}}{{title.x}}{{/heading}}{{^cards}}{{titel}}{{/cards}}",
            "card": "{{title}}{{heading}}{{{title}}}",
        ])
        let problems = library.checkKeys(template: "page", stack: [ListPage.fields]).map { "\($0.template):\($0.location.line):\($0.location.column): \($0.message)" }
        #expect(problems == [
            "page:1:1: no key 'heding' here; did you mean 'heading'?",
            "card:1:21: 'title' is text, but {{{title}}} and {{&title}} print it unescaped; write {{title}}",
            "page:1:52: no key 'title' here",
            "page:1:85: no key 'titel' here",
        ])
    }

    /// Found by fuzzing: a partial that includes itself with nothing to end it overflowed the stack.
    @Test func endlessRecursionStopsInsteadOfCrashing() throws {
        let r = try renderer(["main": "a{{>p}}", "p": "b{{>p}}"])
        let out = text(r, "main", DictionaryObject([]))
        #expect(out.hasPrefix("abbb") && out.count == 101)
        #expect(r.renderReporting("main", .object(DictionaryObject([])))?.truncated == true)
        // Twice per level doubles at each one: the total limit ends it, and says so.
        let doubling = try renderer(["main": "{{>p}}", "p": "x{{>p}}{{>p}}"])
        #expect(doubling.renderReporting("main", .object(DictionaryObject([])))?.truncated == true)
        // Recursion that the data ends renders in full (the spec's "Recursion" case, deeper).
        var node: Value = .object(DictionaryObject([("content", .text("X")), ("nodes", .list(ValueArray([])))]))
        for _ in 0..<50 { node = .object(DictionaryObject([("content", .text("X")), ("nodes", .list(ValueArray([node])))])) }
        let tree = try renderer(["main": "{{>node}}", "node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"])
        guard case .object(let root) = node else { return }
        #expect(text(tree, "main", root).filter { $0 == "X" }.count == 51)
        #expect(tree.renderReporting("main", node)?.truncated == false)
    }

    @Test func fingerprintsFollowValuesNotIdentity() {
        #expect(Fingerprint.of(Card("A")) == Fingerprint.of(Card("A")))
        #expect(Fingerprint.of(Card("A")) != Fingerprint.of(Card("B")))
        #expect(Fingerprint.of(.list(ValueArray([.text("a"), .text("b")]))) != Fingerprint.of(.list(ValueArray([.text("b"), .text("a")]))))
        #expect(Fingerprint.of(.text("1")) != Fingerprint.of(.int(1)))
    }

    /// The hash of bytes reads its last bytes with whole loads; its values are those of the plain
    /// definition (each byte in turn), which stores and file names of earlier builds hold.
    @Test func bytesHashAsDefinedByteByByte() {
        func plain(_ bytes: [UInt8], seed: UInt64) -> UInt64 {
            var h = Fingerprint.mix(seed, UInt64(bytes.count))
            var i = 0
            while i + 8 <= bytes.count {
                var word: UInt64 = 0
                for k in 0..<8 { word |= UInt64(bytes[i + k]) << UInt64(8 * k) }
                h = Fingerprint.mix(h, word)
                i += 8
            }
            var tail: UInt64 = 0
            for k in i..<bytes.count { tail |= UInt64(bytes[k]) << UInt64(8 * (k - i)) }
            return Fingerprint.mix(h, tail ^ 0xFF)
        }
        var generator = SystemRandomNumberGenerator()
        for count in 0...40 {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let fast = bytes.withUnsafeBytes { Fingerprint.of(bytes: $0, seed: 7) }
            #expect(fast == plain(bytes, seed: 7), "\(count) bytes")
            // Within a larger buffer: nothing past the end is read into the value.
            let padded = bytes + [0xAB, 0xCD, 0xEF, 0x12, 0x34, 0x56, 0x78, 0x9A]
            let inner = padded.withUnsafeBytes { Fingerprint.of(bytes: UnsafeRawBufferPointer(rebasing: $0[0..<count]), seed: 7) }
            #expect(inner == fast, "\(count) bytes in a larger buffer")
        }
    }
}
