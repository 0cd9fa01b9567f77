import Foundation
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

    /// An index as a full build writes it (shards cut by `ShardWriter`, chunks, manifest), by file name.
    func index(_ postings: [String: [Int32: Int32]], excerpts: [String]) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        var writer = ShardWriter()
        for term in postings.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let list = postings[term]!.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] }
            if list.isEmpty { continue }
            var key = ""
            JSON.writeString(term, to: &key)
            writer.add(term: term, key: key.utf8) { SearchIndex.appendPostings(list, to: &$0) }
        }
        let (shards, firsts) = writer.finish()
        var version = SearchIndex.Version()
        for (i, shard) in shards.enumerated() {
            files["t\(i).json"] = shard
            shard.withUnsafeBytes { version.add($0) }
        }
        for start in stride(from: 0, to: excerpts.count, by: SearchIndex.docsPerChunk) {
            let rows: [JSON] = (start..<min(excerpts.count, start + SearchIndex.docsPerChunk)).map {
                .array([.string("/d\($0)/"), .string("Titel \"\($0)\""), .string("p"), .array([.number($0 % 3)]), .string(excerpts[$0]), .null])
            }
            let chunk = Array(JSON.array(rows).serialized().utf8)
            files["d\(start / SearchIndex.docsPerChunk).json"] = chunk
            chunk.withUnsafeBytes { version.add($0) }
        }
        files["index.json"] = Array(JSON.obj([("version", .number(1)), ("v", .string(version.hex)), ("docs", .number(excerpts.count)),
                                              ("kinds", .string("p")), ("shards", .array(firsts.map(JSON.string)))]).serialized().utf8)
        return files
    }

    @Test func aPatchedIndexIsTheIndexMadeAgain() throws {
        var random = SystemRandomNumberGenerator()
        let words = (0..<2500).map { "wort\($0)" } + ["ähnlich", "übung", "straße", "zz"]
        var shardCounts: Set<Int> = []
        for round in 0..<6 {
            let docs = 450
            var postings: [String: [Int32: Int32]] = [:]
            for word in words {
                // Some terms in many documents (long lists), most in few.
                let count = word.hasSuffix("7") ? Int.random(in: 100...400, using: &random) : Int.random(in: 1...12, using: &random)
                for _ in 0..<count { postings[word, default: [:]][Int32.random(in: 0..<Int32(docs), using: &random)] = Int32.random(in: 1...255, using: &random) }
            }
            let changed = Set((0..<(round % 2 + 1)).map { _ in Int.random(in: 0..<docs, using: &random) })
            // In even rounds the changed documents had many words of their own, which they lose (shards go).
            if round % 2 == 0 { for doc in changed { for k in 0..<3000 { postings["alt\(doc)x\(k)", default: [:]][Int32(doc)] = 2 } } }
            let excerpts = (0..<docs).map { "Auszug \($0) mit \"Zeichen\" <b>" }
            let before = index(postings, excerpts: excerpts)

            // One or two documents get new texts: terms dropped, kept with new weights, new terms.
            var changes: [SearchIndexPatch.Change] = []
            var after = postings
            var newExcerpts = excerpts
            for doc in changed {
                var weights: [String: Int32] = [:]
                for word in words.shuffled(using: &random).prefix(Int.random(in: 0...300, using: &random)) {
                    weights[word] = Int32.random(in: 1...255, using: &random)
                }
                // A batch of words no document had, so the shards grow (or, in even rounds, nothing new).
                if round % 2 == 1 { for k in 0..<400 { weights["neu\(doc)x\(k)"] = 3 } }
                for term in after.keys { after[term]![Int32(doc)] = nil }
                for (term, w) in weights { after[term, default: [:]][Int32(doc)] = w }
                let excerpt = round % 3 == 0 ? nil : "Neuer Auszug für \(doc)"
                if let excerpt { newExcerpts[doc] = excerpt }
                changes.append(SearchIndexPatch.Change(doc: doc, weights: weights, excerpt: excerpt))
            }
            let expected = index(after, excerpts: newExcerpts)
            shardCounts.insert(expected.keys.filter { $0.hasPrefix("t") }.count - before.keys.filter { $0.hasPrefix("t") }.count)

            let folder = NSTemporaryDirectory() + "patch-\(UUID().uuidString)/"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            for (name, bytes) in before { try Data(bytes).write(to: URL(fileURLWithPath: folder + name)) }
            let patch = try #require(SearchIndexPatch(read: { MappedFile(folder + $0) }).apply(changes))
            var result = before
            for (name, bytes) in patch.files { result[name] = bytes }
            for name in patch.gone { result[name] = nil }
            #expect(Set(result.keys) == Set(expected.keys), "round \(round)")
            for (name, bytes) in expected { #expect(result[name] == bytes, "round \(round): \(name)") }
            // Only what changed is written.
            for (name, bytes) in patch.files { #expect(before[name] != bytes, "\(name) written unchanged") }
        }
        // The rounds include shards added (new terms) and shards gone (words lost).
        #expect(shardCounts.contains { $0 > 0 } && shardCounts.contains { $0 < 0 }, "\(shardCounts)")
    }

    @Test func theManifestGetsTheNewVersionAndShards() {
        let old = Array(#"{"version":1,"v":"0123456789abcdef","docs":2,"shards":["a","m"]}"#.utf8)
        #expect(SearchIndexPatch.count(of: "shards", in: old) == 2)
        let new = SearchIndexPatch.manifest(old, version: "fedcba9876543210", firsts: ["a", "k", "x"])
        #expect(new.map { String(decoding: $0, as: UTF8.self) } == #"{"version":1,"v":"fedcba9876543210","docs":2,"shards":["a","k","x"]}"#)
    }
}

/// The byte-sorted tables a text-only rebuild reads its links from.
struct SortedTableTests {
    @Test func looksUpWhatItWasMadeOf() throws {
        var random = SystemRandomNumberGenerator()
        var map: [String: String] = [:]
        let pieces = ["a", "ä", "b", "blog", "/", "-", "z", "ß", "2026", "é", "e\u{301}"]
        for _ in 0..<400 {
            let key = (0..<Int.random(in: 1...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            map[key] = "seite-\(map.count)/"
        }
        let table = try #require(SortedTable(map.map { ($0.key, $0.value) }, hasValues: true))
        #expect(table.count == map.count)
        for (key, value) in map { #expect(table.value(key) == value, "\(key)") }
        // Canonically equal but different bytes: not the same key.
        if map["é"] != nil && map["e\u{301}"] == nil { #expect(table.value("e\u{301}") == nil) }
        #expect(table.value("nicht-da") == nil && !table.contains(""))
        #expect(Set(table.keys) == Set(map.keys))
        // Read back from its bytes.
        let again = try #require(SortedTable(bytes: table.bytes, hasValues: true))
        for (key, value) in map { #expect(again.value(key) == value) }

        let set = try #require(SortedTable(["b", "a", "c/d"].map { ($0, nil) }, hasValues: false))
        #expect(set.contains("a") && set.contains("c/d") && !set.contains("c"))
        #expect(SortedTable([("a\u{0}b", nil)], hasValues: false) == nil)
        let empty = try #require(SortedTable([], hasValues: false))
        #expect(!empty.contains("a") && empty.keys.isEmpty)
    }

    @Test func refusesBytesThatAreNotATable() {
        #expect(SortedTable(bytes: Array("a".utf8), hasValues: false) == nil)
        #expect(SortedTable(bytes: Array("a\u{0}".utf8), hasValues: true) == nil)
        #expect(SortedTable(bytes: Array("a\u{0}b\u{0}".utf8), hasValues: true)?.value("a") == "b")
    }
}
