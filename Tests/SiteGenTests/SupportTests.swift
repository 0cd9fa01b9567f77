import Foundation
import Testing
import MustacheEngine
@testable import SiteGen

@Suite struct SlugTests {
    @Test(arguments: [
        ("Intelligente Mobilität", "intelligente-mobilitaet"),
        ("Straße & Grün", "strasse-gruen"),
        ("  Über uns!  ", "ueber-uns"),
        ("Café Résumé", "cafe-resume"),
        ("Trends, Forschung und Entwicklung", "trends-forschung-und-entwicklung"),
        ("2027: Ausblick", "2027-ausblick"),
        // Decomposed (NFD), as macOS writes file names and Mac apps copy text.
        ("Mobilita\u{308}t", "mobilitaet"),
        ("U\u{308}ber uns", "ueber-uns"),
        ("Gro\u{308}sse Cafe\u{301}", "groesse-cafe"),
        ("\u{308}a", "a"),
    ])
    func germanSlugs(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test func slugOfPunctuationIsEmpty() { #expect(Slug.make("?!…") == "") }

    /// ASCII text and German letters are slugged byte by byte; with an é appended the text takes
    /// the general path, and the two must agree on every ASCII character and German letter.
    @Test func asciiTextGetsTheSlugOfTheGeneralPath() {
        for code in 0..<128 {
            let text = "-A\(Character(Unicode.Scalar(UInt8(code))))b-\(Character(Unicode.Scalar(UInt8(code))))Z9_"
            #expect(Slug.make(text) + "-e" == Slug.make(text + " é"), "\(code)")
        }
        for letter in ["ä", "Ä", "ö", "Ö", "ü", "Ü", "ß", "ẞ", "a\u{308}", "ä\u{301}", "ü\u{308}"] {
            let text = "Gr\(letter)n-\(letter)\(letter) \(letter)x"
            #expect(Slug.make(text) + "-e" == Slug.make(text + " é"), "\(letter)")
        }
        #expect(Slug.make("Größe & Maß: Übersicht") == "groesse-mass-uebersicht")
        #expect(Slug.make("Kontakt_Seite--2") == "kontakt-seite-2")
        #expect(Slug.make("") == "")
    }
}

@Suite struct GermanDateTests {
    @Test func parsesOffsetsAndShowsBerlinTime() throws {
        let d = try #require(DateTime.parse("2026-11-26T18:00:00+01:00"))
        #expect(GermanDates.dateTime(d) == "Donnerstag, 26. November 2026, 18:00 Uhr")
        #expect(d.iso8601 == "2026-11-26T18:00:00+01:00")
        #expect(d.rfc3339UTC == "2026-11-26T17:00:00Z")
        // The same moment written in UTC is shown in Berlin time.
        let utc = try #require(DateTime.parse("2026-11-26T17:00:00Z"))
        #expect(GermanDates.time(utc) == "18:00 Uhr")
    }

    @Test func summerTimeHasOffsetTwoHours() throws {
        let d = try #require(DateTime.parse("2025-07-01T10:00:00+02:00"))
        #expect(d.iso8601 == "2025-07-01T10:00:00+02:00")
        // The last Sunday of March 2025 is the 30th: 01:00 UTC switches to +02:00.
        #expect(DateTime.parse("2025-03-30T00:59:00Z")!.iso8601 == "2025-03-30T01:59:00+01:00")
        #expect(DateTime.parse("2025-03-30T01:00:00Z")!.iso8601 == "2025-03-30T03:00:00+02:00")
        #expect(DateTime.parse("2025-10-26T00:59:00Z")!.iso8601 == "2025-10-26T02:59:00+02:00")
        #expect(DateTime.parse("2025-10-26T01:00:00Z")!.iso8601 == "2025-10-26T02:00:00+01:00")
    }

    @Test func rangesOnOneDayAndOverSeveralDays() throws {
        let a = try #require(DateTime.parse("2026-11-26T18:00:00+01:00"))
        let b = try #require(DateTime.parse("2026-11-26T20:00:00+01:00"))
        #expect(GermanDates.range(a, b) == "Donnerstag, 26. November 2026, 18:00–20:00 Uhr")
        let c = try #require(DateTime.parse("2026-11-27T12:00:00+01:00"))
        #expect(GermanDates.range(a, c) == "Donnerstag, 26. November 2026, 18:00 Uhr bis Freitag, 27. November 2026, 12:00 Uhr")
        let d1 = try #require(DateTime.parse("2027-03-20"))
        let d2 = try #require(DateTime.parse("2027-03-21"))
        #expect(d1.isDateOnly)
        #expect(GermanDates.range(d1, d2) == "Samstag, 20. März bis Sonntag, 21. März 2027")
        #expect(GermanDates.range(d1, nil) == "Samstag, 20. März 2027")
    }

    @Test(arguments: ["morgen", "2026-13-01", "2026-02-30", "2026-11-26T25:00", "26.11.2026", ""])
    func rejectsInvalidDates(_ text: String) {
        #expect(DateTime.parse(text) == nil)
    }

    /// Dates and times are written digit by digit: the same texts as zero-padded decimals,
    /// for every width the formats use and numbers wider than their field.
    @Test func digitsAreZeroPaddedDecimals() throws {
        for width in 1...4 {
            for n in [0, 1, 7, 9, 10, 42, 99, 100, 999, 1000, 2026, 9999, 10_000, 123_456, Int.max] {
                let decimal = String(n)
                let expected = String(repeating: "0", count: max(0, width - decimal.count)) + decimal
                #expect(ASCIIDigits.string(capacity: 32) { $0.number(n, width: width) } == expected)
            }
        }
        #expect(ASCIIDigits.string(capacity: 32) { $0.number(-5, width: 4) } == "-0005")
        let d = try #require(DateTime.parse("1005-01-02T03:04:05+01:00"))
        #expect(d.iso8601 == "1005-01-02T03:04:05+01:00" && d.local.dateString == "1005-01-02")
        #expect(d.local.timeString(seconds: false) == "03:04" && DateTime.offsetString(-5400) == "-01:30")
        #expect(GermanDates.shortDate(d) == "02.01.1005")
        #expect(ICalendar.utcStamp(d) == "10050102T020405Z" && ICalendar.localDateTime(d) == "10050102T030405")
        #expect(ICalendar.basicDate(d.local.dayNumber) == "10050102")
    }

    @Test func fileSizesUseGermanDecimalComma() {
        #expect(GermanText.fileSize(4_200_000) == "4,2 MB")
        #expect(GermanText.fileSize(12_600) == "13 KB")
        #expect(GermanText.fileSize(512) == "512 Bytes")
    }
}

@Suite struct GermanSortingTests {
    @Test func umlautsSortAsTheirBaseLetters() {
        let titles = ["Zukunft", "Öffentlicher Raum", "Ordnung", "Ärger", "Apfel", "Übung", "Ufer", "Straße", "Strasse"]
        let sorted = titles.sorted(by: GermanText.precedes)
        #expect(sorted == ["Apfel", "Ärger", "Öffentlicher Raum", "Ordnung", "Strasse", "Straße", "Übung", "Ufer", "Zukunft"])
    }
}

@Suite struct PaginationTests {
    @Test func splitsIntoPages() {
        let pages = Pagination.pages(count: 23, size: 10)
        #expect(pages.map(\.range) == [0..<10, 10..<20, 20..<23])
        #expect(pages.allSatisfy { $0.pageCount == 3 })
        #expect(Pagination.pages(count: 0, size: 10).count == 1)
    }

    /// A 700-page blog must not link every page from every page (quadratic output).
    @Test func navigationShowsAWindowNotEveryPage() {
        #expect(Pagination.window(page: 1, pageCount: 3) == [1, 2, 3])
        #expect(Pagination.window(page: 10, pageCount: 700) == [1, nil, 8, 9, 10, 11, 12, nil, 700])
        #expect(Pagination.window(page: 4, pageCount: 9) == [1, 2, 3, 4, 5, 6, nil, 9])
        // A gap of a single page shows that page instead of "…".
        #expect(Pagination.window(page: 5, pageCount: 9) == Array(1...9))
        #expect(Pagination.window(page: 700, pageCount: 700) == [1, nil, 698, 699, 700])
    }

    @Test func pageURLs() {
        let config = SiteConfig.decode(.map(YAMLMap(entries: [
            .init(key: "title", keyLine: 1, value: .scalar("T", line: 1, column: 1, quoted: false)),
            .init(key: "base_url", keyLine: 2, value: .scalar("https://example.org/sub", line: 2, column: 1, quoted: false)),
        ], line: 1)), file: "site.yml", overrideBaseURL: nil).0!
        let urls = URLScheme(config: config)
        #expect(urls.paginated("blog/", page: 1) == "blog/")
        #expect(urls.paginated("blog/", page: 2) == "blog/seite/2/")
        #expect(urls.href("blog/seite/2/") == "/sub/blog/seite/2/")
        #expect(urls.absolute("blog/") == "https://example.org/sub/blog/")
    }
}

/// The templates are loaded while the site is modelled, in the language read from site.yml
/// before: it is the language the modelled site has, also when site.yml is wrong.
@Suite struct SiteLanguageTests {
    @Test func theLanguageKnownBeforeModellingIsTheModelledSitesLanguage() throws {
        let configs = [
            "title: T\nbase_url: https://example.org/\nlanguage: en\n",
            "title: T\nbase_url: https://example.org/\n",
            "base_url: https://example.org/\nlanguage: en\n",
            "title: T\nbase_url: https://example.org/\nlanguage: Englisch\n",
            "title: T\nbase_url: https://example.org/\nlanguage: tr\n",
            "- en\n",
        ]
        var languages: [String] = []
        for text in configs {
            let value = try YAMLReader.parse(text, firstLine: 1)
            let content = LoadedContent(config: value, documents: [], assets: [], diagnostics: [], configHash: 0)
            let site = SiteBuilder.build(content, options: BuildOptions(now: TestSupport.now), fileSystem: MemoryFileSystem(), contentRoot: "content", displayRoot: "content").0
            #expect(SiteConfig.siteLanguage(value, overrideBaseURL: nil) == site?.config.language ?? "de", "\(text)")
            languages.append(SiteConfig.siteLanguage(value, overrideBaseURL: nil))
        }
        #expect(languages == ["en", "de", "de", "de", "tr", "de"])
        // A base address given on the command line makes a site.yml without one readable.
        #expect(SiteConfig.siteLanguage(try YAMLReader.parse("title: T\nlanguage: en\n", firstLine: 1), overrideBaseURL: "https://example.org/") == "en")
    }
}

@Suite struct BaseURLOverrideTests {
    func decode(override: String?) -> (SiteConfig?, [Diagnostic]) {
        SiteConfig.decode(.map(YAMLMap(entries: [
            .init(key: "title", keyLine: 1, value: .scalar("T", line: 1, column: 1, quoted: false)),
            .init(key: "base_url", keyLine: 2, value: .scalar("https://example.org/", line: 2, column: 1, quoted: false)),
        ], line: 1)), file: "content/site.yml", overrideBaseURL: override)
    }

    @Test func aWrongBaseURLOnTheCommandLineIsBlamedThere() {
        let (config, diagnostics) = decode(override: "not a url")
        #expect(config == nil)
        #expect(diagnostics == [.error("--base-url", "--base-url must start with https:// (e.g. https://smartcity.example.org/), but is 'not a url'")])
        #expect(decode(override: "https://preview.example.org").0?.baseURL == "https://preview.example.org/")
    }

    @Test func aBaseURLNeedsAHostAndNoQueryOrFragment() {
        for good in ["https://smartcity.example.org/", "https://example.org/smartcity/", "http://localhost:8080/", "https://[::1]:8080/"] {
            #expect(SiteConfig.baseURLProblem(good) == nil, "\(good)")
        }
        let bad: [(String, String)] = [
            ("https://", "has no host name (is 'https://'); write the site's full address, e.g. https://smartcity.example.org/"),
            ("https:///smartcity/", "has no host name (is 'https:///smartcity/'); write the site's full address, e.g. https://smartcity.example.org/"),
            ("https://:8080/", "has no host name (is 'https://:8080/'); write the site's full address, e.g. https://smartcity.example.org/"),
            ("https://smartcity.example.org/?x=1#top", "may not contain '?' or '#' (is 'https://smartcity.example.org/?x=1#top'); write the site's address only, e.g. https://smartcity.example.org/"),
            ("https://example.org/#", "may not contain '?' or '#' (is 'https://example.org/#'); write the site's address only, e.g. https://smartcity.example.org/"),
            ("smartcity.example.org", "must start with https:// (e.g. https://smartcity.example.org/), but is 'smartcity.example.org'"),
            ("https://example.org/\tx", "must start with https:// (e.g. https://smartcity.example.org/), but is 'https://example.org/\tx'"),
        ]
        for (url, problem) in bad { #expect(SiteConfig.baseURLProblem(url) == problem) }
        #expect(decode(override: "https://").1.map(\.description) == ["--base-url: error: --base-url has no host name (is 'https://'); write the site's full address, e.g. https://smartcity.example.org/"])
    }

    /// A city's site at http:// put the unencrypted address into every canonical link, feed,
    /// calendar and link preview without a word; a test site on this machine may use it.
    @Test func aPublicBaseURLWithHTTPIsWarnedAbout() {
        var files = TestSupport.minimalSite
        files["site.yml"] = "title: Test\nbase_url: http://smartcity.example.org/\n"
        func siteYml(_ d: [Diagnostic]) -> [String] { d.filter { $0.file == "content/site.yml" }.map(\.description) }
        #expect(siteYml(TestSupport.model(files).1) == [
            "content/site.yml:2: warning: base_url starts with http://, so the canonical addresses, feeds, calendars, the sitemap and link previews name the site unencrypted; write https://smartcity.example.org/",
        ])
        for quiet in ["https://smartcity.example.org/", "http://localhost:8080/", "http://127.0.0.1/"] {
            files["site.yml"] = "title: Test\nbase_url: \(quiet)\n"
            #expect(siteYml(TestSupport.model(files).1).isEmpty, "\(quiet)")
        }
        // The preview server's own address (--base-url) is no mistake of the site.
        files["site.yml"] = "title: Test\nbase_url: http://smartcity.example.org/\n"
        #expect(siteYml(TestSupport.model(files, options: BuildOptions(now: TestSupport.now, baseURL: "http://192.168.1.20:8080/")).1).isEmpty)
    }

    @Test func twoSectionsCannotShareAnAddress() {
        var files = TestSupport.minimalSite
        files["site.yml"] = "title: Test\nbase_url: https://example.org/\npaths:\n  blog: aktuelles\n  events: aktuelles\n  search: assets\n"
        let (site, diagnostics) = TestSupport.model(files)
        #expect(diagnostics.errorMessages == [
            "content/site.yml:5: error: paths.events is 'aktuelles', the address of paths.blog; give each section its own",
            "content/site.yml:6: error: paths.search is 'assets', the address of the theme's assets/ folder; give each section its own",
        ])
        // The build stops at site.yml: rendering sections at one address crashed (`blog: veranstaltungen`).
        #expect(site == nil)
        files["site.yml"] = "title: Test\nbase_url: https://example.org/\npaths:\n  blog: veranstaltungen\n"
        let (report, _) = TestSupport.buildInMemory(files)
        #expect(!report.succeeded && report.diagnostics.errorMessages == [
            "/c/site.yml:4: error: paths.blog is 'veranstaltungen', the address of paths.events; give each section its own",
        ], "\(report.diagnostics)")
        // The Leichte-Sprache pages' folder is taken too: the strategy page vanished behind it.
        files["site.yml"] = "title: Test\nbase_url: https://example.org/\npaths:\n  strategy: leichte-sprache\n"
        #expect(TestSupport.model(files).1.errorMessages == [
            "content/site.yml:4: error: paths.strategy is 'leichte-sprache', the address of the Leichte-Sprache pages; give each section its own",
        ])
        // In a language version's paths as well.
        files["site.yml"] = "title: Test\nbase_url: https://example.org/\nlanguages:\n  en:\n    paths:\n      blog: events\n"
        let (english, _) = TestSupport.buildInMemory(files)
        #expect(english.diagnostics.errorMessages == [
            "/c/site.yml:6: error: paths.blog is 'events', the address of paths.events; give each section its own",
        ], "\(english.diagnostics)")
    }
}

@Suite struct DidYouMeanTests {
    @Test func suggestsTheNearestKey() {
        #expect(nearest("sumary", in: DocumentDecoder.postKeys) == "summary")
        #expect(nearest("zzzzzzzz", in: ["title"]) == nil)
    }
}

@Suite struct SearchExcerptTests {
    /// What the excerpt must be: the words (split at space, newline, tab) that fit in 220
    /// characters with one space after each, and " …" when words were left out.
    func expected(_ text: String) -> String {
        var words: [Substring] = []
        var length = 0
        for w in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            if length + w.count + 1 > SearchIndex.excerptLength { return words.joined(separator: " ") + " …" }
            words.append(w)
            length += w.count + 1
        }
        return words.joined(separator: " ")
    }

    @Test func stopsAtTheLastWholeWordThatFits() {
        let word = "Füllstände"  // 10 characters, 11 with its space: 20 words fit in 220
        let texts = [
            "", " ", "ein", "  zwei  Wörter \n", "Zeile\r\nmit CRLF\tund Tab",
            Array(repeating: word, count: 20).joined(separator: " "),
            Array(repeating: word, count: 21).joined(separator: " "),
            "\n\n" + Array(repeating: word, count: 40).joined(separator: "\n \t"),
            String(repeating: "x", count: 500), "kurz " + String(repeating: "y", count: 300),
        ]
        for text in texts { #expect(SearchIndex.excerpt(text) == expected(text), "\(text.prefix(30))") }
        #expect(SearchIndex.excerpt(Array(repeating: word, count: 21).joined(separator: " ")).hasSuffix(" …"))
    }

    /// Lengths count characters: a combining mark after a space, CR LF and emoji sequences are one each.
    @Test func countsCharactersNotScalars() {
        let texts = [
            FormatsFixture.longGerman, "  vorne und hinten  ",
            "a \u{301}b Zeile\r\nnächste\tTab", "Familie 👨‍👩‍👧 und 🇩🇪 Flagge " + String(repeating: "Straße ", count: 60),
            // A combining mark after the space where the excerpt is cut, and after the last word.
            String(repeating: "Füllstände ", count: 20) + "\u{301}x " + String(repeating: "y ", count: 10),
            String(repeating: "Füllstände ", count: 21) + "\u{301}", "Grüße\u{308} ", "ǅ ʰ ˀ",
        ]
        for text in texts { #expect(SearchIndex.excerpt(text) == expected(text), "\(text.prefix(40))") }
    }
}

@Suite struct JSONStringTests {
    /// The escaping rules, scalar by scalar, as the writer must apply them.
    func expected(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test(arguments: [
        "", "Grüße aus Dortmund", "Zeile\r\nzwei", "e\u{301}\"", "</script><!--", "a & b", "\u{2028}x\u{2029}",
        "Gedanken…strich – „Zitat“", "\u{1}\u{1f}\u{7f}", "🙂\\🙂", "\u{E2}", "Ende\u{2028}",
    ])
    func escapesLikeTheRules(_ text: String) {
        var out = ""
        JSON.writeString(text, to: &out)
        #expect(out == expected(text))
    }
}

@Suite struct ViewFingerprintTests {
    func view(_ title: String, html: MarkdownHTML = MarkdownHTML("<p>Text</p>")) -> ContentPage {
        let nav = NavigationView(nav: [NavItem(title: "Blog", href: "/blog/", current: "page")], accessNav: [], footerNav: [], metaNav: [])
        let meta = PageMeta(title: "Seite", documentTitle: "Seite – Site", canonical: "https://x/", ogType: "website", ogLocale: "de_DE",
                            noindex: false, feeds: [LinkView(title: title, href: "/feed.xml")], jsonLD: [])
        return ContentPage(frame: PageFrame(page: meta, navigation: nav, preview: false), content: ContentView(title: "Seite", html: html))
    }

    @Test func equalViewsHashEqualAndEveryPartCounts() {
        #expect(Fingerprint.of(view("Eins")) == Fingerprint.of(view("Eins")))
        #expect(Fingerprint.of(view("Eins")) != Fingerprint.of(view("Eins!")))  // inside a list of views
        #expect(Fingerprint.of(view("Eins")) != Fingerprint.of(view("Eins", html: MarkdownHTML("<p>Text.</p>"))))
        // HTML known only by its hash (a cached build) counts like the HTML itself, and is not made.
        let deferred = MarkdownHTML(hash: ContentHash.of("<p>Text</p>")) { Issue.record("made"); return Array("<p>Text</p>".utf8) }
        #expect(Fingerprint.of(view("Eins")) == Fingerprint.of(view("Eins", html: deferred)))
    }
}

@Suite struct ByteOrderTests {
    static let strings = ["", "a", "ab", "b", "B", "Ä", "ä", "äb", "é", "e\u{301}", "z", "zz", "😀", "Straße", "Strasse",
                          String(repeating: "x", count: 40), String(repeating: "x", count: 41), "mit\0null"]

    /// Byte order of strings, as the generic comparison of their UTF-8 gives it.
    @Test func byteOrderOfStrings() {
        for a in Self.strings {
            for b in Self.strings {
                #expect(a.utf8Precedes(b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) < \(b)")
            }
        }
    }

    /// Strings get one number per distinct byte sequence, in the order first seen, across the
    /// table's growth; canonically equivalent spellings ("é" and "e" + accent) keep their own.
    @Test func stringNumbersGoByBytes() {
        var numbering = StringNumbering()
        let many = Self.strings + (0..<500).map { "/blog/2026/beitrag-\($0)/" }
        for (i, s) in many.enumerated() { #expect(numbering.number(of: s) == i, "\(s)") }
        for (i, s) in many.enumerated().reversed() { #expect(numbering.number(of: s) == i, "\(s)") }
        #expect(numbering.strings.count == many.count)
        for (s, kept) in zip(many, numbering.strings) { #expect(Array(kept.utf8) == Array(s.utf8)) }
        #expect("é" == "e\u{301}" && numbering.number(of: "é") != numbering.number(of: "e\u{301}"))
    }

    /// The interner gives back the string of the bytes it is given, long or short, and keeps
    /// canonically equivalent spellings apart.
    @Test func internedStringsKeepTheirBytes() {
        let interner = StringInterner()
        let long = "/handlungsfelder/mobilitaet-und-verkehr/"
        for s in Self.strings + [long, long + "é", long + "e\u{301}"] {
            let viaBytes = Array(s.utf8).withUnsafeBufferPointer { interner.intern(bytes: $0) }
            #expect(Array(viaBytes.utf8) == Array(s.utf8))
            #expect(Array(interner.intern(s).utf8) == Array(s.utf8))
        }
    }
}

@Suite struct UIStringsTests {
    /// The lookup as it was before the table of dotted keys: split the key, walk the tree.
    static func walked(_ tree: [String: Any], _ key: String) -> String {
        var node: Any = tree
        for part in key.split(separator: ".") {
            guard let dict = node as? [String: Any], let next = dict[String(part)] else { return key }
            node = next
        }
        return node as? String ?? key
    }

    @Test func oddKeysGiveWhatTheTreeWalkGives() {
        let tree: [String: Any] = [
            "nav": ["blog": "Blog", "events": "Termine", "deep": ["er": "tief"]],
            "a.b": "mit Punkt", "a": ["b": "verschachtelt"], "number": 3, "list": ["x"], "": "leer",
            "Straße": ["grün": "Umlaute"],
        ]
        let strings = UIStrings(tree: tree)
        for key in ["nav.blog", "nav.events", "nav.deep.er", "nav.deep", "nav", "a.b", "a..b", ".a.b", "a.b.", "number",
                    "list", "", ".", "..", "missing", "nav.missing", "nav.blog.more", "Straße.grün", "Strasse.grün"] {
            #expect(strings[key] == Self.walked(tree, key), "\(key)")
        }
        #expect(strings["a.b"] == "verschachtelt")
        #expect(strings["nav.missing"] == "nav.missing")
    }

    /// Placeholders are filled in one pass: an argument goes in as written (a tag named "{2}"
    /// stays "{2}"), a number beyond the arguments and a brace that is no placeholder stay.
    @Test func aStringsPlaceholdersAreFilledOnce() {
        let strings = UIStrings(tree: ["p": "Seite {1} von {2}", "t": "Schlagwort „{1}“ {3} {x} {", "n": "{10}{1}"])
        #expect(strings.format("p", 3, 12) == "Seite 3 von 12")
        #expect(strings.format("t", "{2}", "zwei") == "Schlagwort „{2}“ {3} {x} {")
        #expect(strings.format("n", 7) == "{10}7")
        #expect(strings.format("fehlt", 1) == "fehlt")
    }

    @Test func theThemesStringsGiveWhatTheTreeWalkGives() throws {
        let (set, diagnostics) = TemplateSet.load(fileSystem: LocalFileSystem(), root: TestSupport.templates, displayRoot: "Templates",
                                                  language: "de")
        let templates = try #require(set, "\(diagnostics)")
        let strings = UIStrings(tree: templates.strings)
        var keys: [String] = []
        func collect(_ node: [String: Any], _ prefix: String) {
            for (k, v) in node {
                keys.append(prefix + k)
                if let child = v as? [String: Any] { collect(child, prefix + k + ".") }
            }
        }
        collect(templates.strings, "")
        #expect(keys.count > 50)
        for key in keys { #expect(strings[key] == Self.walked(templates.strings, key), "\(key)") }
    }
}

@Suite struct ContentPathTests {
    @Test(arguments: [
        ("../2024/foo.md", "posts/2025/bar.md", "posts/2024/foo.md"),
        ("/images/a.svg", "posts/2025/bar.md", "images/a.svg"),
        ("bild.png", "projects/x.md", "projects/bild.png"),
        ("./bild.png", "projects/x.md", "projects/bild.png"),
        ("../../images/straße grün.jpg", "posts/2025/bar.md", "images/straße grün.jpg"),
        ("..//images//a.svg", "posts/bar.md", "images/a.svg"),
        ("x.md", "site.md", "x.md"),
        ("../x.md", "site.md", nil),
        ("/", "posts/bar.md", nil),
        ("..", "posts/bar.md", nil),
        ("../../../x.md", "posts/2025/bar.md", nil),
        ("a/../../x.md", "pages/p.md", "x.md"),
        ("x.md", "", "x.md"),
    ] as [(String, String, String?)])
    func resolves(_ link: String, _ from: String, _ expected: String?) {
        #expect(resolveContentPath(link, from: from) == expected)
    }

    /// Every combination of a few parts resolves as splitting into parts and joining them does.
    @Test func resolvesAsSplittingIntoPartsDoes() {
        func byParts(_ link: String, _ from: String) -> String? {
            var parts = link.hasPrefix("/") ? [] : Array(from.split(separator: "/").dropLast())
            for piece in link.split(separator: "/") where piece != "." {
                if piece == ".." {
                    if parts.isEmpty { return nil }
                    parts.removeLast()
                } else {
                    parts.append(piece)
                }
            }
            return parts.isEmpty ? nil : parts.joined(separator: "/")
        }
        let pieces = ["", "/", "a", ".", "..", "b.md", "ü ß", "//"]
        var texts: [String] = []
        for x in pieces { for y in pieces { for z in pieces { texts.append(x + y + z) } } }
        for link in texts { for from in ["", "x.md", "posts/2025/bar.md", "a/b/", "/abs/c.md"] {
            #expect(resolveContentPath(link, from: from) == byParts(link, from), "\(link) from \(from)")
        } }
    }
}

@Suite struct CopyCacheTests {
    @Test func aFileIsReadAgainOnlyWhenItChanged() throws {
        let root = TestSupport.temporaryFolder()
        let path = root + "/video.bin"
        try "eins".write(toFile: path, atomically: false, encoding: .utf8)
        let cache = CopyCache()
        let first = MemorySink(copies: cache)
        try first.copy(from: path, to: "downloads/video.bin")
        #expect(first.text("downloads/video.bin") == "eins")
        // Unchanged stamp: not read again.
        let again = MemorySink(copies: cache)
        try again.copy(from: path, to: "downloads/video.bin")
        #expect(again.text("downloads/video.bin") == "eins")
        #expect(cache.reads == 1)
        // Same size, new bytes, and the modification time set back (`touch -r`, `cp -p`): the
        // status change time tells.
        var st = stat()
        #expect(stat(path, &st) == 0)
        usleep(20_000)
        try "EINS".write(toFile: path, atomically: false, encoding: .utf8)
        var times = [st.st_atim, st.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let restored = MemorySink(copies: cache)
        try restored.copy(from: path, to: "downloads/video.bin")
        #expect(restored.text("downloads/video.bin") == "EINS")
        // Same size, new bytes: the modification time (or inode) tells.
        usleep(20_000)
        try "zwei".write(toFile: path, atomically: true, encoding: .utf8)
        let second = MemorySink(copies: cache)
        try second.copy(from: path, to: "downloads/video.bin")
        #expect(second.text("downloads/video.bin") == "zwei")
        #expect(cache.reads == 3)
        cache.prune()
        // Not copied in the build after: let go of; copied again, read again.
        cache.prune()
        try FileManager.default.removeItem(atPath: path)
        #expect(throws: (any Error).self) { try MemorySink(copies: cache).copy(from: path, to: "x") }
    }
}

@Suite struct ByteSearchTests {
    @Test func findsAndReplacesByBytesAcrossUmlautsAndRepeats() {
        #expect("Straße {1} über {1}".replacingAll("{1}", with: "Brücke") == "Straße Brücke über Brücke")
        #expect("{1}{1}".replacingAll("{1}", with: "") == "")
        #expect("ohne".replacingAll("{1}", with: "x") == "ohne")
        #expect("aaa".replacingAll("aa", with: "b") == "ba", "left to right, without overlaps")
        #expect("äbc".utf8Offset(of: "bc") == 2)
        #expect("abc".utf8Offset(of: "c", from: 3) == nil)
        #expect("abc".utf8Offset(of: "") == nil)
        #expect("alternate stylesheet".containsBytes("stylesheet") && !"styles".containsBytes("stylesheet"))
    }
}

@Suite struct JSONBytesTests {
    @Test func theByteWriterEscapesAsTheStringWriter() {
        for text in ["Ein \"Zitat\" \\ und Über <b>&</b>", "Zeile\nzwei\r\tdrei\u{1}\u{1F}", "\u{2028}\u{2029}\u{E2}x", "€ ✓ 🙂", ""] {
            var string = ""
            JSON.writeString(text, to: &string)
            var bytes: [UInt8] = []
            JSON.writeString(utf8: Array(text.utf8)[...], to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == string, "\(text)")
        }
    }
}

/// The store's numbers read back as written, and a damaged list of term numbers is an error.
@Suite struct ByteCodingTests {
    private func reader(_ numbers: [Int], count: Int? = nil) throws -> ByteReader {
        var w = ByteWriter()
        w.int(count ?? numbers.count)
        for n in numbers { w.int(n) }
        w.int(7)
        return try ByteReader(w.finish())
    }

    @Test func termNumbersReadBackAsWritten() throws {
        let numbers = [0, 1, 127, 128, 300, 16_383, 16_384, 1 << 20, Int(UInt32.max)]
        var r = try reader(numbers)
        #expect(try r.uint32s() == numbers.map(UInt32.init))
        #expect(try r.int() == 7)
        #expect(r.atEnd)
        var empty = try reader([])
        #expect(try empty.uint32s().isEmpty)
    }

    @Test func termNumbersOutOfRangeOrCutShortAreDamage() throws {
        for bad in [[-1], [Int(UInt32.max) + 1], [5, -3]] {
            var r = try reader(bad)
            #expect(throws: ByteReader.Damaged.self) { try r.uint32s() }
        }
        // More numbers announced than there are.
        var short = try reader([1, 2], count: 4)
        #expect(throws: ByteReader.Damaged.self) { try short.uint32s() }
    }

    /// The store's sections are read in place, as slices of the file's bytes that do not start at
    /// 0: numbers, term numbers, bytes and strings (through the section's own table) read back the
    /// same, and the section's end is where the slice ends, not where the file does.
    @Test func aSectionIsReadInPlaceInsideLargerBytes() throws {
        var w = ByteWriter()
        w.int(-42)
        w.string("Phoenix-See")
        w.int(3)
        for n in [5, 300, 1 << 20] { w.int(n) }
        w.bytes([1, 2, 3])
        w.string("Phoenix-See")
        w.u64(0x0102_0304_0506_0708)
        let section = w.finish()
        let file = Array(repeating: UInt8(0xEE), count: 13) + section + Array(repeating: UInt8(0xEE), count: 9)
        var r = try ByteReader(file[13..<13 + section.count])
        #expect(try r.int() == -42)
        #expect(try r.string() == "Phoenix-See")
        #expect(try r.uint32s() == [5, 300, 1 << 20])
        #expect(try r.bytes() == [1, 2, 3])
        #expect(try r.string() == "Phoenix-See")
        #expect(try r.u64() == 0x0102_0304_0506_0708)
        #expect(r.atEnd)
        // Without its last byte the section's table cannot be found.
        #expect(throws: ByteReader.Damaged.self) { try ByteReader(file[13..<12 + section.count]) }
    }
}

/// File errors as editors read them: once, in German, with the system's reason translated.
@Suite struct FileErrorMessageTests {
    /// A full disk failed every file written after it: a hundred errors blamed on pages and pictures.
    @Test func aFullDiskIsOneMessage() {
        let diagnostics: [Diagnostic] = [
            .error("content/images/a.svg", "cannot be copied: public/.public.staging-7/images/a.svg: cannot be written (No space left on device)"),
            .error("content/posts/2025/b.md", "page cannot be written: public/.public.staging-7/blog/b/index.html: cannot be written (No space left on device)"),
            .error("suche/suchindex/t1.json", "cannot be written: public/.public.staging-7/suche/suchindex/t1.json: cannot be written (Disk quota exceeded)"),
            .warning("content/posts/2025/b.md", line: 3, "heading has no text; write it after the #, or remove the line"),
        ]
        let collapsed = FullDisk.collapse(diagnostics, output: "public")
        #expect(collapsed.map(\.description) == [
            "public: error: there is no space left on the disk of the output folder (3 files could not be written); free some space, or choose a folder on another disk with --output",
            "content/posts/2025/b.md:3: warning: heading has no text; write it after the #, or remove the line",
        ])
        #expect(MessageCatalogue.german.german(collapsed[0].message)?.hasPrefix("Auf dem Datenträger des Ausgabeordners ist kein Platz mehr frei (3 Dateien") == true)
        #expect(FullDisk.collapse(Array(diagnostics.suffix(1)), output: "public") == Array(diagnostics.suffix(1)))
    }

    @Test func anUnreadableFileSaysWhyOnceInGerman() {
        let error = FileSystemError.unreadable("/c/posts/a.md", "Permission denied")
        #expect(error.readProblem == "Permission denied")
        #expect(FileSystemError(path: "x", message: "does not exist").readProblem == "does not exist")
        #expect(MessageCatalogue.german.german("file cannot be read (\(error.readProblem))")
            == "Die Datei kann nicht gelesen werden (keine Berechtigung; prüfen Sie die Rechte der Datei oder des Ordners)")
    }
}

@Suite struct SuggestionTests {
    /// An event's `end:` in a post was answered with "did you mean 'menu'?".
    @Test func aShortWordIsSuggestedOnlyAWordOneEditAway() {
        #expect(nearest("end", in: ["menu", "date", "summary"]) == nil)
        #expect(nearest("emd", in: ["end", "menu"]) == "end")
        #expect(nearest("titel", in: ["title", "tags"]) == "title")
        #expect(nearest("summray", in: ["summary"]) == "summary")
    }
}

@Suite struct PendingTests {
    /// The staging writer asks for the old output's listing from every thread that takes a page
    /// over. Each must get it: with the value made once behind a semaphore signalled once, a
    /// second thread waiting at the same time waited for ever (a rebuild that never ended).
    @Test func manyThreadsMayAskForAPendingValueAtOnce() {
        let pending = Pending { () -> [String: Int] in
            usleep(100_000)
            return ["a/index.html": 42]
        }
        let group = DispatchGroup()
        let answers = LockedSizes()
        for _ in 0..<4 {
            group.enter()
            Thread {
                let size = pending.value["a/index.html"]
                answers.append(size)
                group.leave()
            }.start()
        }
        #expect(group.wait(timeout: .now() + 20) == .success)
        #expect(answers.items == [42, 42, 42, 42])
        #expect(pending.value.count == 1)
    }
}

private final class LockedSizes: @unchecked Sendable {
    private let lock = NSLockLite()
    private var storage: [Int?] = []
    func append(_ size: Int?) { lock.locked { storage.append(size) } }
    var items: [Int?] { lock.locked { storage } }
}

@Suite struct PlainNameTests {
    /// No-break, figure, thin and narrow spaces become spaces and soft hyphens go, whatever else
    /// the name has; a name with none of them is kept as it is.
    @Test func invisibleCharactersOfANameArePlainSpaces() {
        #expect(InvisibleCharacters.plainName("Open\u{A0}Data") == "Open Data")
        #expect(InvisibleCharacters.plainName("Bürger\u{202F}beteiligung") == "Bürger beteiligung")
        #expect(InvisibleCharacters.plainName("Stra\u{AD}ßen\u{2009}bau\u{2007}2") == "Straßen bau 2")
        #expect(InvisibleCharacters.plainName("Grünflächen – „Klima“ € °") == "Grünflächen – „Klima“ € °")
        #expect(InvisibleCharacters.plainName("Öffentlicher Nahverkehr") == "Öffentlicher Nahverkehr")
    }
}
