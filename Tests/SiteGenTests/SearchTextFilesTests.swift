import Foundation
import Testing
@testable import SiteGen

/// The search index's text files (`x<name>.json`: a document's text and its headings' places) and
/// `neueste.json`, as the build writes them.
@Suite struct SearchTextFilesTests {
    private func json(_ files: [String: [UInt8]], _ name: String) throws -> Any {
        try #require(formatsJSON(files["suche/suchindex/" + name].map { String(decoding: $0, as: UTF8.self) }), "\(name)")
    }

    /// Document number → (url, text file) through the manifest and the document chunks.
    private func texts(_ files: [String: [UInt8]]) throws -> [String: [String: Any]] {
        let manifest = try #require(try json(files, "index.json") as? [String: Any])
        let docs = try #require(manifest["docs"] as? Int)
        let perChunk = try #require(manifest["docsPerChunk"] as? Int)
        var byURL: [String: [String: Any]] = [:]
        for id in 0..<docs {
            let chunk = try #require(try json(files, "d\(id / perChunk).json") as? [[Any]])
            let url = try #require(chunk[id % perChunk][0] as? String)
            let name = try #require(chunk[id % perChunk][6] as? String, "the chunk names the text file")
            byURL[url] = try #require(try json(files, "x\(name).json") as? [String: Any])
        }
        return byURL
    }

    /// A result shows an item's time as its card and page do: an event's with its end (it showed
    /// only the start), an open-ended format's with "Seit" (a bare date read as one day).
    @Test func aResultShowsItsTimeAsItsCardDoes() throws {
        var site = TestSupport.minimalSite
        site["events/2027/hackathon.md"] = "---\ntitle: Klimadaten-Hackathon\nstart: 2027-03-20\nend: 2027-03-21\nlocation: Stadtlabor\n---\nZwei Tage lang.\n"
        // Open-ended, as its card says it: a lone date would read as one day.
        site["participation/feedback.md"] = "---\ntitle: Feedback zur App\nstart: 2025-03-01\nparticipate: [\"mailto:app@example.org\"]\n---\nText.\n"
        let (report, sink) = TestSupport.buildInMemory(site)
        #expect(report.succeeded, "\(report.diagnostics)")
        let manifest = try #require(try json(sink.files, "index.json") as? [String: Any])
        let perChunk = try #require(manifest["docsPerChunk"] as? Int)
        let docs = try #require(manifest["docs"] as? Int)
        let rows = try (0..<((docs + perChunk - 1) / perChunk)).flatMap { try #require(try json(sink.files, "d\($0).json") as? [[Any]]) }
        let event = try #require(rows.first { ($0[0] as? String)?.contains("hackathon") == true })
        #expect(event[5] as? String == "Samstag, 20. März bis Sonntag, 21. März 2027")
        let format = try #require(rows.first { ($0[0] as? String)?.contains("feedback") == true })
        #expect(format[5] as? String == "Seit Samstag, 1. März 2025")
    }

    @Test func oneTextFilePerDocumentWithItsHeadings() throws {
        let files = FormatsFixture.sink.files
        let manifest = try #require(try json(files, "index.json") as? [String: Any])
        let docs = try #require(manifest["docs"] as? Int)
        let textFiles = files.keys.filter { $0.hasPrefix("suche/suchindex/x") }
        #expect(textFiles.count == docs, "one per document, no more")
        let post = try #require(try texts(files)["/blog/2026/sensoren/"])
        let text = try #require(post["text"] as? String)
        #expect(text.hasPrefix("Die Messstationen erfassen Feinstaub und Stickoxide."))
        #expect(!text.contains("\n") && !text.contains("  "), "white space collapsed")
        #expect(!text.contains("Geheimwort") && !text.contains("Zauberwort"))
        let headings = try #require(post["headings"] as? [[Any]])
        try #require(headings.count == 1, "\(text)")
        let offset = try #require(headings[0][0] as? Int), length = try #require(headings[0][1] as? Int)
        #expect(headings[0][2] as? String == "details")
        #expect(String(Array(text.utf16)[offset..<offset + length].map { Character(UnicodeScalar($0)!) }) == "Details")
        // The file stays small: the text and the heading, nothing of the page around it.
        #expect(textFiles.allSatisfy { files[$0]!.count < 1_000 })
    }

    @Test func datesInDocumentOrderUndatedZero() throws {
        let files = FormatsFixture.sink.files
        let dates = try #require(try json(files, "neueste.json") as? [Int])
        let manifest = try #require(try json(files, "index.json") as? [String: Any])
        #expect(dates.count == manifest["docs"] as? Int)
        let perChunk = try #require(manifest["docsPerChunk"] as? Int)
        var dayOf: [String: Int] = [:]
        for (id, day) in dates.enumerated() {
            let chunk = try #require(try json(files, "d\(id / perChunk).json") as? [[Any]])
            dayOf[try #require(chunk[id % perChunk][0] as? String)] = day
        }
        // 2026-10-01T10:00+02:00 is day 20727 after 1970-01-01 (UTC).
        #expect(dayOf["/blog/2026/sensoren/"] == 20727)
        #expect(dayOf["/projekte/plattform/"] == 0, "projects are undated")
        #expect(dayOf.values.contains { $0 > 20727 }, "the events of 2026-12 and 2027")
    }

    @Test func sameBytesOnEveryBuild() {
        let (_, again) = FormatsFixture.build()
        let mine = FormatsFixture.sink.files.filter { $0.key.hasPrefix("suche/suchindex/") }
        let theirs = again.files.filter { $0.key.hasPrefix("suche/suchindex/") }
        #expect(mine.count == theirs.count)
        for (path, bytes) in mine { #expect(theirs[path] == bytes, "\(path)") }
    }

    @Test func textChangeChangesTheTextFileAndTheVersion() throws {
        let (_, changed) = FormatsFixture.build(["posts/2026/sensoren.md": FormatsFixture.files["posts/2026/sensoren.md"]!
            .replacingOccurrences(of: "Noch mehr Text.", with: "Ganz anderer Text.")])
        let text = try #require(try texts(changed.files)["/blog/2026/sensoren/"]?["text"] as? String)
        #expect(text.hasSuffix("Details Ganz anderer Text."))
        let before = try #require(try json(FormatsFixture.sink.files, "index.json") as? [String: Any])
        let after = try #require(try json(changed.files, "index.json") as? [String: Any])
        #expect(before["v"] as? String != after["v"] as? String)
    }

    /// The plain text keeps the headings (the search finds their words, and a hit links to them)
    /// and the HTML still has their ids; every heading is found in the text in order.
    @Test func plainTextKeepsHeadingsWhereTheyStand() {
        let source = SourceRef(path: "posts/2025/a.md", display: "content/posts/2025/a.md", bodyFirstLine: 5)
        let renderer = MarkdownRenderer(unsafeHTML: false) { _, _, _ in .keep }
        let md = renderer.render(MarkdownBody(text: "Vorweg.\n\n## Ziele `2030`\n\nText eins.\n\n### Ziele 2030\n\nText *zwei*.\n", source: source))
        #expect(md.html.contains("<h2 id=\"ziele-2030\">Ziele <code>2030</code></h2>"))
        #expect(md.html.contains("<h3 id=\"ziele-2030-2\">"))
        let text = SearchTextFiles.collapse(md.plainText)
        #expect(text == "Vorweg. Ziele 2030 Text eins. Ziele 2030 Text zwei.")
        let anchors = SearchTextFiles.anchors(text: text, headings: md.headings)
        #expect(anchors == [SearchTextFiles.Anchor(offset: 8, length: 10, id: "ziele-2030"),
                            SearchTextFiles.Anchor(offset: 30, length: 10, id: "ziele-2030-2")])
        #expect(SearchText.terms(md.plainText).contains(SearchText.stem("ziele")))
    }

    /// A text file holds the text and the headings, nothing else (it is fetched per result).
    @Test func textFileHoldsTextAndHeadingsOnly() throws {
        let bytes = SearchTextFiles.file(text: "Ein \"Zitat\" und Über uns.", headings: [Heading(level: 2, text: "Über uns", id: "ueber-uns", line: 1)])
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"text":"Ein \"Zitat\" und Über uns.","headings":[[16,8,"ueber-uns"]]}"#)
    }

    // MARK: The pieces

    @Test func collapsesWhiteSpace() {
        #expect(SearchTextFiles.collapse("  Eins\n\nzwei\tdrei \r\n") == "Eins zwei drei")
        #expect(SearchTextFiles.collapse("") == "")
    }

    /// Offsets count UTF-16 units (JavaScript's): an emoji before a heading counts two.
    @Test func headingPlacesInUTF16UnitsInOrder() {
        let text = "Grüße 😀 vorab. Über uns Text. Über uns wieder. Ende"
        let headings = [Heading(level: 2, text: "Über uns", id: "ueber-uns", line: 3),
                        Heading(level: 2, text: "Fehlt hier", id: "fehlt", line: 5),
                        Heading(level: 2, text: "Über  uns", id: "ueber-uns-2", line: 7)]
        let anchors = SearchTextFiles.anchors(text: text, headings: headings)
        #expect(anchors.map(\.id) == ["ueber-uns", "ueber-uns-2"], "a heading not in the text is left out")
        let units = Array(text.utf16)
        for a in anchors { #expect(String(decoding: units[a.offset..<a.offset + a.length], as: UTF16.self) == "Über uns") }
        #expect(anchors[0].offset == 16)
        #expect(anchors[1].offset > anchors[0].offset, "the second one after the first")
    }

    /// The word-at-a-time count gives JavaScript's length of every piece of mixed text (1- to
    /// 4-byte characters, at every alignment), as String's UTF-16 view counts it.
    @Test func utf16UnitsAreCountedAsStringCountsThem() {
        let text = Array("Straße 😀 Grüße, 東京 – 𝄞 Ärger: ok? \u{301}é ".utf8) + Array(String(repeating: "xö😀", count: 9).utf8)
        for start in 0..<text.count {
            for end in start...text.count {
                let piece = text[start..<end]
                guard let string = String(validating: piece, as: UTF8.self) else { continue }
                #expect(SearchTextFiles.utf16Count(piece) == string.utf16.count, "\(start)..<\(end)")
            }
        }
    }

    @Test func dayCountsFromTheEpochAlsoBeforeIt() {
        #expect(SearchTextFiles.day(DateTime(epochSeconds: 0)) == 0)
        #expect(SearchTextFiles.day(DateTime(epochSeconds: 86_399)) == 0)
        #expect(SearchTextFiles.day(DateTime(epochSeconds: 86_400)) == 1)
        #expect(SearchTextFiles.day(DateTime(epochSeconds: -1)) == -1)
    }
}
