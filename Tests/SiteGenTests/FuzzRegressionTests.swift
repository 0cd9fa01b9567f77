import Foundation
import Testing
@testable import SiteGen

/// Inputs the fuzzer (Fuzz/) once crashed on, replayed through the same paths.
/// The first byte picks the path as in Fuzz/Sources/SiteGenFuzz/FuzzTarget.swift.
@Suite struct FuzzRegressionTests {
    static let folder = TestSupport.repoRoot + "/Tests/SiteGenTests/Fixtures/fuzz-crashes"
    static var inputs: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }

    @Test(arguments: FuzzRegressionTests.inputs)
    func replay(_ name: String) throws {
        let data = try #require(FileManager.default.contents(atPath: Self.folder + "/" + name))
        let bytes = Array(data)
        let rest = Array(bytes.dropFirst())
        let text = String(decoding: rest, as: UTF8.self)
        switch bytes.first.map({ $0 % 4 }) {
        case 0?:
            let fs = MemoryFileSystem(["/c/site.yml": "title: F\nbase_url: https://example.org/\n", "/c/posts/2025/fuzz.md": text])
            let loaded = ContentLoader(fileSystem: fs, root: "/c", displayRoot: "content").load()
            _ = SiteBuilder.build(loaded, options: BuildOptions(now: TestSupport.now), fileSystem: fs, contentRoot: "/c", displayRoot: "content")
        case 1?:
            _ = Slug.make(text)
        default:
            let safe = (rest.first ?? 0) & 1 == 0
            let renderer = MarkdownRenderer(unsafeHTML: !safe) { href, _, isImage in
                href.lowercased().hasPrefix("javascript:") ? .dangerous : isImage ? .rewrite("/images/x.svg", anchorCheck: nil) : .keep
            }
            let result = renderer.render(MarkdownBody(text: text, source: SourceRef(path: "posts/2025/b.md", display: "b.md", bodyFirstLine: 4)))
            if safe { #expect(!result.html.lowercased().contains("<script")) }
        }
    }

    /// The crash the fuzzer found: an image and a removed link inside a heading were freed twice.
    @Test func headingWithImageAndDangerousLink() {
        let renderer = MarkdownRenderer(unsafeHTML: false) { href, _, _ in
            href.hasPrefix("javascript:") ? .dangerous : .rewrite("/x.svg", anchorCheck: nil)
        }
        let r = renderer.render(MarkdownBody(text: "## Ziel ![Bild](x.svg) [j](javascript:alert(1))\n",
                                             source: SourceRef(path: "a.md", display: "a.md", bodyFirstLine: 1)))
        #expect(r.html.contains("<h2 id=\"ziel-bild-j\">Ziel <img src=\"/x.svg\" alt=\"Bild\""))
        #expect(!r.html.contains("javascript"))
    }
}

/// Random texts from the characters editors put into contact fields, through the parsers of
/// phone numbers and mail links: none may trap, and what they accept is always a valid address.
@Suite struct ContactFieldPropertyTests {
    static let pieces = ["0", "1", "2", "4", "9", "+", "+49", "(0)", "(", ")", " ", "-", "/", ".", "\u{A0}", "\u{2013}", "\u{2011}",
                         "tel:", "mailto:", "a", "Z", "ä", "ß", "@", "?", "&", "=", "%", "%2", "%20", "subject", "body", "cc",
                         "Durchwahl", "DW", "x", "ext.", "Mo–Fr", "Uhr", ",", ";", "\u{301}", "👍", "\n", "\t"]

    /// A deterministic generator, so a failure names a case that can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        mutating func text() -> String { (0..<Int(next() % 12)).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined() }
    }

    @Test func phoneNumbersAcceptedAreDialable() {
        var random = Generator(state: 19)
        for _ in 0..<20_000 {
            let text = random.text()
            if let href = PhoneNumber.href(text) {
                let digits = href.dropFirst("tel:".count).drop { $0 == "+" }
                #expect(href.hasPrefix("tel:") && (3...18).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }, "\(text.debugDescription)")
            }
            if let (number, words) = PhoneNumber.numberAndWords(text) {
                #expect(PhoneNumber.href(number) != nil && !words.isEmpty, "\(text.debugDescription)")
            }
            _ = PhoneNumber.contactHint(text)
            _ = PhoneNumber.written(inLink: text)
        }
    }

    /// Found by this test: a text copied from a letter ("…@dortmund.de; Tel. …", brackets, an en
    /// dash) was taken as an address, and its link went nowhere.
    @Test func mailAddressesAreWhatMailProgramsTake() {
        for good in ["beteiligung@dortmund.de", "vorname.nachname+idee@stadt-schwerte.de", "info@müller-bau.de", "a_b@sub.domain.org"] {
            #expect(FrontMatterReader.isMailAddress(good), "\(good)")
        }
        for bad in ["beteiligung@dortmund.de;info@x.de", "beteiligung@dortmund.de.", "beteiligung@dortmund", "(beteiligung)@dortmund.de",
                    "beteiligung@dortmund–schwerte.de", "beteiligung@-dortmund.de", ".beteiligung@dortmund.de", "be..teiligung@dortmund.de",
                    "beteiligung@dortmund.de👍", "@dortmund.de", "beteiligung@", "a@b@c.de", "beteiligung@dortmund.d3"] {
            #expect(!FrontMatterReader.isMailAddress(bad), "\(bad)")
        }
    }

    @Test func mailLinksAcceptedAreAddresses() {
        var random = Generator(state: 7)
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~%@:?&=+!$'()*,;/#[]")
        for _ in 0..<20_000 {
            let text = "mailto:" + (random.next() % 2 == 0 ? "beteiligung@dortmund.de" : "") + random.text()
            if case .success(let link) = MailLink.read(text) {
                #expect(link.href.hasPrefix("mailto:") && FrontMatterReader.isMailAddress(link.address), "\(text.debugDescription)")
                #expect(link.address.allSatisfy { $0.isLetter || $0.isNumber || allowed.contains($0) }, "\(text.debugDescription)")
                #expect(link.query.map { $0.allSatisfy { allowed.contains($0) } } ?? true, "\(text.debugDescription)")
            }
        }
    }
}

/// Random date texts (the `date:`, `start:` and `end:` editors write) through the one date
/// parser: none may trap, and a time it accepts reads back as the same instant.
@Suite struct DatePropertyTests {
    static func text(_ random: inout ContactFieldPropertyTests.Generator) -> String {
        func pick(_ options: [String]) -> String { options[Int(random.next() % UInt64(options.count))] }
        var text = pick(["0000", "1970", "2024", "2025", "9999", "202"]) + "-" + pick(["00", "01", "02", "03", "10", "12", "13", "1"])
            + "-" + pick(["00", "01", "28", "29", "30", "31", "32", "3"])
        if random.next() % 3 > 0 {
            text += pick(["T", "t", " ", "_"]) + pick(["00", "09", "23", "24", "7"]) + ":" + pick(["00", "30", "59", "60"])
            text += pick(["", "", ":00", ":59", ":60", ":61", ":30.5", ":30.", ":3"])
            text += pick(["", "", "Z", "z", "+02:00", "+0200", "-05:00", "+14:00", "+15:00", "+02", "+", "X"])
        }
        // Now and then a piece out of place, as a typo puts it.
        if random.next() % 4 == 0 {
            var chars = Array(text)
            let at = Int(random.next() % UInt64(chars.count))
            if random.next() % 2 == 0 { chars.remove(at: at) } else { chars.insert(pick(["-", ":", "0", " ", "ä", "\u{A0}"]).first!, at: at) }
            text = String(chars)
        }
        return text
    }

    @Test func aTimeThatIsReadReadsBackTheSame() {
        var random = ContactFieldPropertyTests.Generator(state: 2026)
        var accepted = 0
        for _ in 0..<40_000 {
            let written = Self.text(&random)
            guard let time = DateTime.parse(written) else { continue }
            accepted += 1
            let again = DateTime.parse(time.iso8601)
            #expect(again?.epochSeconds == time.epochSeconds && again?.isDateOnly == time.isDateOnly, "\(written.debugDescription) → \(time.iso8601)")
            _ = time.endDay
        }
        #expect(accepted > 3_000)
    }

    /// Found by the test above: year 0000 was read, and an instant before the year 1 was written
    /// back as "000-1-12-31". An editor is told it is a typo.
    @Test func aYearBeforeTheFirstIsATypo() {
        #expect(DateTime.parse("0000-01-01T00:59+14:00") == nil)
        #expect(DateTime.parse("0025-03-01") == nil)
        #expect(DateTime.impossibility("0025-03-01") == "the year 0025 is a slip of the keyboard (years run from 1000)")
        #expect(DateTime.parse("1000-01-01")?.iso8601 == "1000-01-01")
    }
}

/// Random pairs of start and end (dates, times, midnight, across the clock change) through the
/// range texts of both languages: none may trap, and none says "00:00" for an end at midnight.
@Suite struct DateRangePropertyTests {
    @Test func rangesReadAsPeopleWriteThem() {
        var random = ContactFieldPropertyTests.Generator(state: 31)
        // 2025-03-29 (the night the clocks change) plus up to nine days, in quarter hours.
        let base = DateTime.parse("2025-03-29")!.epochSeconds
        func time() -> DateTime {
            let day = Int64(random.next() % 10) * 86_400
            if random.next() % 3 == 0 { return DateTime(epochSeconds: base + day, isDateOnly: true) }
            let quarter = Int64(random.next() % 96) * 900
            return DateTime.parse(DateTime(epochSeconds: base + day + quarter).iso8601) ?? DateTime(epochSeconds: base + day + quarter)
        }
        for _ in 0..<20_000 {
            let start = time(), end = random.next() % 5 == 0 ? nil : time()
            guard end.map({ $0 >= start }) ?? true else { continue }
            for language in ["de", "en"] {
                let parts = LocalDates(language: language).rangeParts(start, end)
                #expect(!parts.start.isEmpty)
                if let end, end.isMidnight, end > start {
                    #expect(!(parts.end ?? "").contains("00:00"), "\(language): \(start.iso8601) – \(end.iso8601): \(parts.joined)")
                }
            }
        }
    }
}

/// Random link addresses from the pieces editors (and pasted texts) put into Markdown links,
/// through the link resolver: none may trap, a rewritten address is a clean site path, and an
/// address a browser would run as script (it drops tabs and line breaks, and reads the scheme in
/// any case) is never kept.
@Suite struct LinkPropertyTests {
    static let pieces = ["../", "./", "../../", "posts/", "2025/", "pages/", "fields/", "kontakt", "daten-und-plattformen", ".md", "#", "ziel",
                         "?", "x=1", "%20", "%", "%2e%2e/", " ", "ä", "//", "/", "\\", "mailto:", "tel:", "javascript:", "JaVa\tScRiPt:",
                         "java\nscript:", "data:", "vbscript:", "https://", "images/", ".jpg", ".pdf", "downloads/", ":", "\u{0}", "\u{1}"]

    /// Found by the test below: a query was dropped without a word (`/suche/?q=klima` was
    /// published as `/suche/`), and a site address's `%20` was published as a raw space.
    @Test func aSiteAddressKeepsItsQueryAndStaysEncoded() throws {
        let (site, _) = TestSupport.model(TestSupport.minimalSite.merging(["pages/kontakt.md": "---\ntitle: Kontakt\n---\n## Ziel\n"]) { a, _ in a })
        let resolver = LinkResolver(site: try #require(site))
        let source = SourceRef(path: "posts/2025/a.md", display: "content/posts/2025/a.md", bodyFirstLine: 4)
        func address(_ href: String) -> String? {
            if case .rewrite(let a, _) = resolver.resolve(href, from: source, isImage: false) { return a }
            return nil
        }
        #expect(address("/suche/?q=klima") == "/suche/?q=klima")
        #expect(address("/suche/?q=open%20data#treffer") == "/suche/?q=open%20data#treffer")
        #expect(address("/mein%20ordner/") == "/mein%20ordner/")
        #expect(address("../../pages/kontakt.md?aus=blog#ziel")?.hasSuffix("?aus=blog#ziel") == true)
        #expect(address("../../pages/kontakt.md") == address("../../pages/kontakt.md?")?.replacingOccurrences(of: "?", with: ""))
    }

    @Test func resolvedAddressesAreCleanAndScriptIsNeverKept() throws {
        let (site, _) = TestSupport.model(TestSupport.minimalSite.merging(["pages/kontakt.md": "---\ntitle: Kontakt\n---\n## Ziel\n"]) { a, _ in a })
        let resolver = LinkResolver(site: try #require(site))
        let source = SourceRef(path: "posts/2025/a.md", display: "content/posts/2025/a.md", bodyFirstLine: 4)
        var random = ContactFieldPropertyTests.Generator(state: 11)
        for _ in 0..<30_000 {
            let href = (0..<Int(1 + random.next() % 6)).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
            let isImage = random.next() % 3 == 0
            let target = resolver.resolve(href, from: source, isImage: isImage)
            let asBrowsersRead = String(href.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }.drop { $0.asciiValue.map { $0 <= 0x20 } ?? false }).lowercased()
            if ["javascript:", "vbscript:"].contains(where: asBrowsersRead.hasPrefix) {
                #expect(target != .keep, "\(href.debugDescription)")
                if case .rewrite = target { Issue.record("rewritten: \(href.debugDescription)") }
            }
            switch target {
            case .rewrite(let address, _), .download(let address, _, _):
                #expect(["/", "tel:", "mailto:"].contains(where: address.hasPrefix) && !address.unicodeScalars.contains { $0.value <= 32 || $0 == "\\" }, "\(href.debugDescription) → \(address)")
            default: break
            }
        }
    }
}

/// Random words and texts (umlauts, ß, combining marks, digits, hyphens, apostrophes, other
/// scripts) through the search's tokenizer, stemmers and compound splitter: none may trap, and
/// every term a text gives is a known, non-empty term.
@Suite struct SearchTextPropertyTests {
    static let pieces = ["ge", "ung", "en", "s", "heit", "keit", "lich", "isch", "er", "ern", "em", "nis", "ä", "ö", "ü", "ß", "Ä", "ss",
                         "a", "e", "i", "o", "u", "y", "q", "x", "ing", "ed", "ies", "ational", "'", "’", "-", " ", "\n", "0", "42",
                         "e\u{301}", "\u{301}", "Straße", "Daten", "plattform", "Schwerte", "İ", "ﬁ", "日本", "🙂", ".", ",", "\u{AD}"]

    @Test func termsOfAnyTextAreKnownAndNotEmpty() {
        var random = ContactFieldPropertyTests.Generator(state: 5)
        var tokenizer = SearchText.Tokenizer()
        var words: [String] = []
        for _ in 0..<10_000 {
            let text = (0..<Int(1 + random.next() % 8)).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
            words.append(text)
            _ = GermanStemmer.stem(text.lowercased())
            _ = EnglishStemmer.stem(text.lowercased())
            for language in [SearchLanguage.german, .english] {
                var found: [Int32] = []
                tokenizer.forEachTerm(in: text, language: language) { found.append($0) }
                let terms = tokenizer.terms
                #expect(found.allSatisfy { Int($0) < terms.count && !terms[Int($0)].isEmpty }, "\(text.debugDescription)")
            }
        }
        let terms = tokenizer.terms
        let parts = CompoundSplitter.parts(of: terms, indexed: [Bool](repeating: true, count: terms.count))
        #expect(parts.count == terms.count)
        #expect(parts.allSatisfy { $0.allSatisfy { Int($0) < terms.count } })
    }
}

/// Random front matter as editors mistype it (quotes, colons, brackets, tabs, `#`, list dashes,
/// keys twice, a missing closing line) through loading and modelling: none may trap, the post
/// is named, and every line a message gives is a line of the file.
@Suite struct FrontMatterPropertyTests {
    static let keys = ["title", "date", "summary", "tags", "fields", "draft", "author", "titel", "image", "image_alt", "updated"]
    static let values = ["Ein Titel", "\"Stadt: Wandel\"", "'Dortmund's Portal'", "2025-03-01", "2025-02-30", "gestern", "[Klima, Open Data]",
                         "[a, b", "#SmartCity", "true", "ja", "", ":", "- x", "\t", "\"offen", "{ a: b }", "daten-und-plattformen", "1e3", "~"]

    @Test func everyMessageNamesALineOfTheFile() {
        var random = ContactFieldPropertyTests.Generator(state: 3)
        var placed = 0
        for _ in 0..<600 {
            var lines = ["---"]
            for _ in 0..<Int(random.next() % 7) {
                let key = Self.keys[Int(random.next() % UInt64(Self.keys.count))]
                let value = Self.values[Int(random.next() % UInt64(Self.values.count))]
                lines.append(random.next() % 9 == 0 ? "  " + key + ": " + value : key + ": " + value)
                if random.next() % 6 == 0 { lines.append("  - " + value) }
            }
            if random.next() % 8 > 0 { lines.append("---") }
            lines.append("Text mit [Link](../../pages/kontakt.md).")
            let file = lines.joined(separator: "\n") + "\n"
            let (_, diagnostics) = TestSupport.model(TestSupport.minimalSite.merging(["posts/2025/a.md": file]) { a, _ in a })
            for d in diagnostics where d.file.hasSuffix("posts/2025/a.md") {
                #expect(!d.message.isEmpty)
                if let line = d.line {
                    placed += 1
                    #expect((1...lines.count).contains(line), "line \(line) of \(lines.count): \(d.message)\n\(file)")
                }
            }
        }
        #expect(placed > 300, "only \(placed) messages with a line")
    }
}
