import Foundation
import Testing
@testable import SiteGen

/// search.js's excerpts, marks, heading links, quoted phrases and "Neueste zuerst": its pure
/// functions (the text and excerpt sections, no page around them) run in Node on made-up texts.
@Suite struct SearchExcerptScriptTests {
    /// Runs `body` (JavaScript that prints one JSON value) after search.js's text and excerpt
    /// sections, with the index's stop words; returns the value.
    private func run(_ body: String) throws -> Any {
        let node = try #require(["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                "node is missing (scripts/test installs it)")
        let script = try String(contentsOfFile: TestSupport.templates + "/assets/search.js", encoding: .utf8)
        let start = try #require(script.range(of: "  // ---- text"))
        let end = try #require(script.range(of: "  // ---- index loading"))
        let stops = SearchText.stopWords.sorted().map { "\"\($0)\"" }.joined(separator: ",")
        let driver = """
        var stop = new Set([\(stops)]);
        \(script[start.lowerBound..<end.lowerBound])
        function query(words, phrase) {
          return { terms: words.map(function (w) { return { term: stem(fold(w)), prefix: false }; }), phrases: phrasesOf(phrase || "") };
        }
        function marked(ex) { return ex.marks.map(function (m) { return ex.text.slice(m[0], m[1]); }); }
        console.log(JSON.stringify(\(body)));
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["-e", driver]
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
    }

    private static let filler = String(repeating: "Vorweg steht allerlei über das Quartier. ", count: 8)

    /// The excerpt is cut around a hit deep in the text, marks the word (also inside a compound)
    /// and names the heading above it, whose offset is where the build put it.
    @Test func excerptAroundTheHitBelowAHeading() throws {
        let text = Self.filler + "Messung Die Brückensensoren melden Risse. " + Self.filler
        let offset = (Self.filler as NSString).length
        let out = try #require(try run("""
        (function () {
          var ex = excerptOf({ text: \(jsString(text)), headings: [[0, 6, "vorweg"], [\(offset), 7, "messung"]] }, query(["Sensoren"]));
          return { text: ex.text, marked: marked(ex), heading: ex.heading && ex.heading[2] };
        })()
        """) as? [String: Any])
        let excerpt = try #require(out["text"] as? String)
        #expect(excerpt.hasPrefix("… ") && excerpt.hasSuffix(" …"), "cut on both sides: \(excerpt)")
        #expect(excerpt.count <= 210)
        #expect(excerpt.contains("Die Brückensensoren melden Risse."))
        #expect(out["marked"] as? [String] == ["Brückensensoren"])
        #expect(out["heading"] as? String == "messung")
    }

    @Test func noHeadingAboveAnEarlyHitAndNoExcerptWithoutAHit() throws {
        let out = try #require(try run("""
        [excerptOf({ text: "Bäume an der Straße. Pflege", headings: [[21, 6, "pflege"]] }, query(["Strasse"])),
         excerptOf({ text: "Nichts davon hier.", headings: [] }, query(["Strasse"]))]
        """) as? [Any])
        let first = try #require(out[0] as? [String: Any])
        #expect(first["text"] as? String == "Bäume an der Straße. Pflege", "short text whole, uncut")
        #expect(first["heading"] is NSNull)
        #expect(first["marks"] as? [[Int]] == [[13, 19]], "Straße for Strasse")
        #expect(out[1] is NSNull)
    }

    /// The best hit is where most different query words are close together, not the first one.
    @Test func excerptPicksTheHitWithMostQueryWords() throws {
        let text = "Sensoren gibt es viele. " + Self.filler + Self.filler + "Hier messen Sensoren den Verkehr am Wall."
        let out = try #require(try run("""
        marked(excerptOf({ text: \(jsString(text)), headings: [] }, query(["Sensoren", "Verkehr"])))
        """) as? [String])
        #expect(out == ["Sensoren", "Verkehr"])
    }

    /// A quoted phrase: its words adjacent and in order, folded and stemmed like the index
    /// (ae/oe/ue, endings), stop words as written; marked as one.
    @Test func phrases() throws {
        let out = try #require(try run("""
        [hasPhrases("Der digitale Zwilling der Stadt", phrasesOf('"digitaler Zwilling"')),
         hasPhrases("Ein Zwilling, digital geplant", phrasesOf('"digitaler Zwilling"')),
         hasPhrases("digitaler und Zwilling", phrasesOf('"digitaler Zwilling"')),
         hasPhrases("im öffentlichen Raum", phrasesOf('„oeffentlicher Raum“')),
         hasPhrases("Stadt der Zukunft", phrasesOf('"Stadt der Zukunft"')),
         hasPhrases("Stadt die Zukunft", phrasesOf('"Stadt der Zukunft"')),
         phrasesOf('"Zwilling" Stadt').length,
         marked(excerptOf({ text: "Ein digitaler Zwilling hilft dem Zwilling.", headings: [] },
                          query(["digitaler", "Zwilling"], '"digitaler Zwilling"')))]
        """) as? [Any])
        #expect(out[0] as? Bool == true)
        #expect(out[1] as? Bool == false, "other order")
        #expect(out[2] as? Bool == false, "not adjacent")
        #expect(out[3] as? Bool == true, "oe for ö, another ending")
        #expect(out[4] as? Bool == true)
        #expect(out[5] as? Bool == false, "a stop word of the phrase must be there as written")
        #expect(out[6] as? Int == 0, "one quoted word is no phrase")
        #expect(out[7] as? [String] == ["digitaler Zwilling", "Zwilling"])
    }

    @Test func newestFirstKeepsRelevanceForEqualDaysAndUndatedLast() throws {
        let out = try #require(try run("newestFirst([2, 0, 3, 1, 4], [100, 300, 0, 300, 100])") as? [Int])
        #expect(out == [3, 1, 0, 4, 2])
    }

    /// A word found only through its longest indexed prefix (Brückenprüfung → brück) is marked by it.
    @Test func wordFoundByItsPrefixIsMarked() throws {
        let out = try #require(try run("""
        marked(excerptOf({ text: "Die Brücke am Hafen.", headings: [] },
                         { terms: [{ term: stem(fold("Brückenprüfung")), prefix: false, known: "bruck" }], phrases: [] }))
        """) as? [String])
        #expect(out == ["Brücke"])
    }

    /// The words of a query and which of them match as prefixes: the last one while it is being
    /// typed, and an abbreviation ("Kleppingstr.", "Sept."), which stands for longer words; not a
    /// finished or quoted word, nor one of fewer than 3 letters ("Nr.").
    @Test func anAbbreviatedWordIsAPrefix() throws {
        let out = try #require(try run("""
        ["Kleppingstr.", "Kleppingstr. 28", "Klepping", "Klepping ", "Sept. 2026", "\\"Kleppingstr.\\"", "Nr. 5"].map(function (q) {
          return queryTerms(q).map(function (t) { return t.term + (t.prefix ? "*" : "") + "/" + t.typed; }).join(" ");
        })
        """) as? [String])
        #expect(out == ["kleppingstr*/Kleppingstr", "kleppingstr*/Kleppingstr 28/28", "klepping*/Klepping", "klepping/Klepping",
                        "sept*/Sept 2026*/2026", "kleppingstr/Kleppingstr", "nr/Nr"])
    }

    private func jsString(_ s: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [s]), as: UTF8.self).dropFirst().dropLast().description
    }
}
