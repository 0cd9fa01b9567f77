import Foundation
import Testing
@testable import SiteGen

/// The English stemmer in Swift and in search.js, against one word list made with Snowball itself
/// (scripts/make-english-stem-list.py): the words of the English content and words for each rule.
@Suite struct EnglishStemmerTests {
    static let listPath = TestSupport.repoRoot + "/Tests/SiteGenTests/Fixtures/search/english-stems.tsv"

    static func wordList() throws -> [(word: String, stem: String)] {
        try String(contentsOfFile: listPath, encoding: .utf8).split(separator: "\n").map {
            let parts = $0.split(separator: "\t")
            return (String(parts[0]), String(parts[1]))
        }
    }

    @Test func swiftStemmerMatchesSnowball() throws {
        let list = try Self.wordList()
        #expect(list.count > 1000)
        let wrong = list.filter { EnglishStemmer.stem($0.word) != $0.stem }
        #expect(wrong.isEmpty, "\(wrong.prefix(30).map { "\($0.word): \(EnglishStemmer.stem($0.word)) ≠ \($0.stem)" })")
    }

    @Test func wordFormsMeet() {
        for (a, b) in [("sensors", "sensor"), ("measuring", "measurement"), ("participation", "participating"),
                       ("cities", "city"), ("neighbourhoods", "neighbourhood"), ("dying", "die")] {
            #expect(EnglishStemmer.stem(a) == EnglishStemmer.stem(b), "\(a) / \(b)")
        }
        #expect(EnglishStemmer.stem("straße") == "straße", "words with other letters stay whole")
        #expect(EnglishStemmer.stem("is") == "is")
    }

    @Test func scriptMatchesSwift() throws {
        guard let node = SearchScript.node else {
            Issue.record("node is missing (scripts/test installs it)")
            return
        }
        let text = try SearchScript.textSection()
        let driver = """
        var stop = new Set([]);
        \(text)
        var lines = require("fs").readFileSync(0, "utf8").split("\\n").filter(Boolean);
        console.log(JSON.stringify(lines.map(stemEnglish)));
        """
        let list = try Self.wordList()
        let out = try SearchScript.run(node, driver, input: list.map(\.word).joined(separator: "\n"))
        let stems = try #require(try JSONSerialization.jsonObject(with: out) as? [String])
        #expect(stems.count == list.count)
        let wrong = zip(list, stems).filter { $0.0.stem != $0.1 }
        #expect(wrong.isEmpty, "\(wrong.prefix(30).map { "\($0.0.word): search.js \($0.1) ≠ \($0.0.stem)" })")
    }

    /// English terms: English stop words out, the English stemmer, no ae/oe/ue reading (a "Maebashi"
    /// stays). search.js, told the index is English, makes the same terms of the same text.
    @Test func englishTermsInSwiftAndScript() throws {
        #expect(SearchText.terms("The sensors of the cities", language: .english) == ["sensor", "citi"])
        #expect(SearchText.terms("sensor city", language: .english) == SearchText.terms("sensors cities", language: .english))
        #expect(SearchText.terms("cities") != SearchText.terms("city"), "German rules do not meet these")
        #expect(SearchText.terms("what the data are for", language: .english) == ["data"], "English stop words")
        #expect(SearchText.terms("Fuer", language: .english) == ["fuer"], "ae/oe/ue are no umlauts in English")
        guard let node = SearchScript.node else {
            Issue.record("node is missing (scripts/test installs it)")
            return
        }
        let stops = SearchText.englishStopWords.sorted().map { "\"\($0)\"" }.joined(separator: ",")
        let driver = """
        var stop = new Set([\(stops)]);
        \(try SearchScript.textSection())
        language = "en";
        var lines = require("fs").readFileSync(0, "utf8").split("\\n").filter(Boolean);
        console.log(JSON.stringify(lines.map(function (l) {
          return words(l).filter(function (w) { return !isIgnored(w); }).map(stemOf);
        })));
        """
        let samples = try Self.wordList().map(\.word).prefix(400) + [
            "The sensors of the cities are measuring what the neighbourhoods say", "Fuer Boeing, Straße and Café 2026",
        ]
        let out = try SearchScript.run(node, driver, input: samples.joined(separator: "\n"))
        let fromScript = try #require(try JSONSerialization.jsonObject(with: out) as? [[String]])
        #expect(fromScript.count == samples.count)
        for (line, terms) in zip(samples, fromScript) where terms != SearchText.terms(line, language: .english) {
            Issue.record("\(line): search.js \(terms), Swift \(SearchText.terms(line, language: .english))")
        }
    }
}
