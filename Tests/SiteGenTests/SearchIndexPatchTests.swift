import Testing
@testable import SiteGen

/// The pieces of `SearchIndexPatch` against plain references; the whole patch is checked against
/// full builds in `TextOnlyRebuildTests`.
struct SearchIndexPatchTests {
    /// Reference: decode every pair, set the edits, sort, encode again.
    func referenceSplice(_ list: [Int32], _ edits: [(doc: Int32, weight: Int32?)]) -> [UInt8] {
        var pairs: [(Int32, Int32)] = stride(from: 0, to: list.count, by: 2).map { (list[$0], list[$0 + 1]) }
        pairs.removeAll { p in edits.contains { $0.doc == p.0 } }
        for e in edits { if let w = e.weight { pairs.append((e.doc, w)) } }
        pairs.sort { $0.0 < $1.0 }
        var out: [UInt8] = []
        SearchIndex.appendPostings(pairs.flatMap { [$0.0, $0.1] }, to: &out)
        return out
    }

    @Test func splicingAPostingsListGivesWhatEncodingItAgainGives() {
        var random = SystemRandomNumberGenerator()
        for round in 0..<3000 {
            // A list of ascending docs with weights.
            let count = Int.random(in: 0...(round % 3 == 0 ? 3 : 40), using: &random)
            var docs = Set<Int32>()
            while docs.count < count { docs.insert(Int32.random(in: 0..<200, using: &random)) }
            let list = docs.sorted().flatMap { [$0, Int32.random(in: 1...255, using: &random)] }
            var encoded: [UInt8] = []
            SearchIndex.appendPostings(list, to: &encoded)
            // Edits: some docs of the list, some new, each set to a weight or removed.
            var editDocs = Set<Int32>()
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                editDocs.insert(Bool.random(using: &random) && !docs.isEmpty ? docs.randomElement(using: &random)! : Int32.random(in: 0..<220, using: &random))
            }
            let edits = editDocs.sorted().map { (doc: $0, weight: Bool.random(using: &random) ? Int32.random(in: 1...255, using: &random) : nil) }
            let expected = referenceSplice(list, edits)
            var out: [UInt8] = []
            let changed = encoded.withUnsafeBufferPointer { SearchIndexPatch.splice($0[...], edits, into: &out) }
            #expect(changed != nil)
            let result = changed == true ? out : encoded
            #expect(result == expected, "list \(list), edits \(edits): \(String(decoding: result, as: UTF8.self)) vs \(String(decoding: expected, as: UTF8.self))")
            #expect(changed == (expected != encoded))
        }
    }

    @Test func damagedListsAreRefusedNotTrapped() {
        for text in ["[1,", "[a,1]", "[1]", "[1,2,3]", "[1,,2]", "[99999999999999,1]", "[]"] {
            let bytes = Array(text.utf8)
            var out: [UInt8] = []
            let result = bytes.withUnsafeBufferPointer { SearchIndexPatch.splice($0[...], [(doc: 5, weight: 1)], into: &out) }
            if text == "[]" { #expect(result == true && out == Array("[5,1]".utf8)) } else if text != "[99999999999999,1]" { #expect(result == nil, "\(text)") }
        }
    }

    @Test func shardEntriesAreReadAsWritten() {
        let shard = Array(#"{"abend":[3,1,4,2],"ähre":[0,7],"zug":[12,1]}"#.utf8)
        var seen: [String] = []
        let ok = shard.withUnsafeBufferPointer { b in
            SearchIndexPatch.forEachEntry(b) { term, key, list in
                seen.append(String(decoding: term, as: UTF8.self) + "=" + String(decoding: list, as: UTF8.self))
                #expect(String(decoding: key, as: UTF8.self).hasPrefix("\""))
                return true
            }
        }
        #expect(ok)
        #expect(seen == ["abend=[3,1,4,2]", "ähre=[0,7]", "zug=[12,1]"])
        for bad in [#"{"a\"b":[1,1]}"#, #"{"a":[1,1]"#, #"{"a":[1,1]x"b":[1,1]}"#, "{}x"] {
            let ok = Array(bad.utf8).withUnsafeBufferPointer { SearchIndexPatch.forEachEntry($0) { _, _, _ in true } }
            #expect(!ok, "\(bad)")
        }
    }

    @Test func theExcerptOfOneRowIsReplaced() {
        let chunk = Array(#"[["/a/","A \"x\"","p",[1,2],"alt, mit Komma",null],["/b/","B","s",[],"zwei",null]]"#.utf8)
        let replaced = SearchIndexPatch.replacingExcerpt(in: chunk, row: 1, with: "neu <b>")
        #expect(replaced.map { String(decoding: $0, as: UTF8.self) } == #"[["/a/","A \"x\"","p",[1,2],"alt, mit Komma",null],["/b/","B","s",[],"neu \u003cb\u003e",null]]"#)
        let first = SearchIndexPatch.replacingExcerpt(in: chunk, row: 0, with: "eins")
        #expect(first.map { String(decoding: $0, as: UTF8.self) } == #"[["/a/","A \"x\"","p",[1,2],"eins",null],["/b/","B","s",[],"zwei",null]]"#)
        #expect(SearchIndexPatch.replacingExcerpt(in: chunk, row: 2, with: "x") == nil)
    }

    @Test func theManifestGetsTheNewVersionAndShards() {
        let old = Array(#"{"version":1,"v":"0123456789abcdef","docs":2,"shards":["a","m"]}"#.utf8)
        #expect(SearchIndexPatch.count(of: "shards", in: old) == 2)
        let new = SearchIndexPatch.manifest(old, version: "fedcba9876543210", firsts: ["a", "k", "x"])
        #expect(new.map { String(decoding: $0, as: UTF8.self) } == #"{"version":1,"v":"fedcba9876543210","docs":2,"shards":["a","k","x"]}"#)
    }
}
