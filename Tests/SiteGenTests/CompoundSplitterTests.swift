import Foundation
import Testing
@testable import SiteGen

/// Compound parts against the site's own vocabulary: "Sensoren" finds "Baumsensoren".
@Suite struct CompoundSplitterTests {
    @Test func splitsAgainstKnownTerms() {
        let terms = ["baumsensor", "sensor", "baum", "sicherheitssensor", "sich", "kleinstadt", "stadt", "bau"]
        let parts = CompoundSplitter.parts(of: terms, indexed: Array(repeating: true, count: terms.count))
        func names(_ i: Int) -> Set<String> { Set(parts[i].map { terms[Int($0)] }) }
        #expect(names(0) == ["sensor", "baum"])
        #expect(names(3) == ["sensor", "sich"], "head with a linking s, stemmed (Sicherheit → sich)")
        #expect(names(5).isEmpty, "klein is no known head")
        #expect(names(1).isEmpty && names(2).isEmpty, "short terms stay whole")
        // Parts that are not indexed (a draft's words) do not count.
        let unindexed = CompoundSplitter.parts(of: terms, indexed: [true, false, true, true, true, true, true, true])
        #expect(unindexed[0].isEmpty)
    }

    /// A page that says only "Baumsensoren" is found by "Sensoren", below a page that says "Sensoren".
    @Test func indexFindsPartsAtLowerWeight() throws {
        let (_, sink) = FormatsFixture.build([
            "pages/baeume.md": "---\ntitle: Stadtgrün\n---\nDie Baumsensoren melden Trockenheit.\n",
            "pages/baum.md": "---\ntitle: Ein Baum\n---\nJeder Baum zählt.\n",
        ])
        func json(_ name: String) throws -> Any {
            try #require(formatsJSON(sink.files["suche/suchindex/" + name].map { String(decoding: $0, as: UTF8.self) }))
        }
        let manifest = try #require(try json("index.json") as? [String: Any])
        let shards = try #require(manifest["shards"] as? [String])
        var all: [String: [Int]] = [:]
        for i in shards.indices { all.merge(try #require(try json("t\(i).json") as? [String: [Int]])) { a, _ in a } }
        let perChunk = try #require(manifest["docsPerChunk"] as? Int)
        var rows: [[Any]] = []
        for c in 0..<((try #require(manifest["docs"] as? Int) + perChunk - 1) / perChunk) {
            rows += try #require(try json("d\(c).json") as? [[Any]])
        }
        func weights(_ term: String) -> [String: Int] {
            var doc = 0, out: [String: Int] = [:]
            let list = all[term] ?? []
            for k in stride(from: 0, to: list.count, by: 2) {
                doc += list[k]
                out[rows[doc][0] as? String ?? ""] = list[k + 1]
            }
            return out
        }
        let sensor = weights(SearchText.terms("Sensoren")[0])
        let part = try #require(sensor["/baeume/"], "found through Baumsensoren: \(sensor)")
        let whole = try #require(sensor["/blog/2026/sensoren/"])
        #expect(part < whole)
        #expect(weights("baum")["/baeume/"] != nil)
        #expect(weights(SearchText.terms("Baumsensoren")[0])["/baeume/"] != nil, "the compound itself too")
    }
}
