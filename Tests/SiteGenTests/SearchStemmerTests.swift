import Foundation
import Testing
@testable import SiteGen

/// The German stemmer and the ae/oe/ue reading, in Swift and in search.js, against one word list
/// made with Snowball itself (scripts/make-stem-list.py).
@Suite struct SearchStemmerTests {
    static let listPath = TestSupport.repoRoot + "/Tests/SiteGenTests/Fixtures/search/german-stems.tsv"

    static func wordList() throws -> [(word: String, stem: String)] {
        let text = try String(contentsOfFile: listPath, encoding: .utf8)
        return text.split(separator: "\n").map {
            let parts = $0.split(separator: "\t")
            return (String(parts[0]), String(parts[1]))
        }
    }

    @Test func swiftStemmerMatchesSnowball() throws {
        let list = try Self.wordList()
        #expect(list.count > 2000)
        let wrong = list.filter { SearchText.stem(SearchText.fold($0.word)) != $0.stem }
        #expect(wrong.isEmpty, "\(wrong.prefix(20).map { "\($0.word): \(SearchText.stem(SearchText.fold($0.word))) ≠ \($0.stem)" })")
    }

    @Test func typedDigraphsMeetUmlauts() {
        for (typed, written) in [("Mobilitaet", "Mobilität"), ("Buerger", "Bürger"), ("Bruecke", "Brücke"),
                                 ("Strasse", "Straße"), ("Oekologie", "Ökologie"), ("MASSNAHMEN", "Maßnahmen")] {
            #expect(SearchText.terms(typed) == SearchText.terms(written), "\(typed)")
        }
        // "qu" and a u between vowels stay: Quelle is no "Qülle", Feuer no "Feür".
        #expect(SearchText.terms("Quelle") == ["quell"])
        #expect(GermanStemmer.readDigraphs("feuer") == "feuer")
        #expect(GermanStemmer.readDigraphs("quelle") == "quelle")
        #expect(GermanStemmer.readDigraphs("mobilitaet") == "mobilitat")
        #expect(SearchText.terms("fuer und ueber") == [], "stop words typed with ue")
        #expect(SearchText.terms("Klimasensorik") == SearchText.terms("Klimasensoren"))
    }

    /// A question as a citizen types it ("Wann ist der Hackathon?") searches its subject: a question
    /// word is in other pages' texts, and as a word every result must have it left none. "Was" and
    /// "wie" were stop words already, as "when", "what", "who" in English.
    @Test func questionWordsAreStopWords() {
        for question in ["Wann ist der Hackathon?", "Wo ist der Hackathon", "Wer, wen, wem: Hackathon?", "Warum ein Hackathon?",
                         "Welcher Hackathon?", "Wieso, weshalb, wozu: Hackathon"] {
            #expect(SearchText.terms(question) == ["hackathon"], "\(question)")
        }
        #expect(SearchText.terms("where and why: hackathon", language: .english) == ["hackathon"])
    }

    /// "CO₂" and "m²" as editors write them are found by "CO2" and "m2" as visitors type them:
    /// superscript and subscript digits fold to digits (the index's fast tokenizer too).
    @Test func superscriptAndSubscriptDigitsAreDigits() {
        #expect(SearchText.terms("CO₂-Ausstoß je m² und H₂O, 10³ x¹") == SearchText.terms("CO2-Ausstoss je m2 und H2O, 103 x1"))
        #expect(SearchText.fold("⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉") == "01234567890123456789")
        var tokenizer = SearchText.Tokenizer()
        var numbers: [Int32] = []
        tokenizer.forEachTerm(in: "CO₂-Bilanz m²") { numbers.append($0) }
        #expect(numbers.map { tokenizer.terms[Int($0)] } == SearchText.terms("CO2-Bilanz m2"))
    }

    /// search.js's folding, stop words and stemmer (its text section, run in Node) give the
    /// Swift terms for every word of the list and some tricky text.
    @Test func scriptMatchesSwift() throws {
        guard let node = SearchScript.node else {
            Issue.record("node is missing (scripts/test installs it)")
            return
        }
        let text = try SearchScript.textSection()
        let stops = SearchText.stopWords.sorted().map { "\"\($0)\"" }.joined(separator: ",")
        let driver = """
        var stop = new Set([\(stops)]);
        \(text)
        var lines = require("fs").readFileSync(0, "utf8").split("\\n").filter(Boolean);
        console.log(JSON.stringify(lines.map(function (l) {
          return words(l).filter(function (w) { return !isIgnored(w); }).map(stem);
        })));
        """
        let samples = try Self.wordList().map(\.word) + [
            "Die Bäume, die Straßen und der Baum – Ärger über Öl! Café naïve Mobilitaet fuer Buerger",
            "Feuer Quelle Aequator Bauer Treue neue 2026er Ελληνικά русский ẞ Maße Massnahmen",
            "CO₂-Ausstoß je m² und H₂O, 10³ x¹ ½ µg",
        ]
        let out = try SearchScript.run(node, driver, input: samples.joined(separator: "\n"))
        let fromScript = try #require(try JSONSerialization.jsonObject(with: out) as? [[String]])
        #expect(fromScript.count == samples.count)
        for (line, terms) in zip(samples, fromScript) where terms != SearchText.terms(line) {
            Issue.record("\(line): search.js \(terms), Swift \(SearchText.terms(line))")
        }
    }
}
