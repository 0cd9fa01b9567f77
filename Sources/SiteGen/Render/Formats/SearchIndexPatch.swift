#if canImport(Glibc)
import Glibc
#endif

/// Puts new texts of a few documents into the search index of the last build without making the
/// index again (see `TextOnlyRebuild`): each document's postings are taken out of every term list
/// and its new terms put in, the shards are cut again by the same rule (`ShardWriter`), its
/// excerpt is replaced, and the manifest gets the new version and shard list. The files are the
/// ones a full build would write (tested); anything unexpected in the old files gives nil.
struct SearchIndexPatch {
    /// One document's new text: its number in the index, its weight per term, and its excerpt
    /// when that is the body's start.
    struct Change {
        var doc: Int
        var weights: [String: Int32]
        var excerpt: String?
    }

    /// Maps a file of the index (name in the index folder).
    let read: (String) -> MappedFile?

    /// - Returns: the files that changed (names in the index folder) and the shards that are gone.
    func apply(_ changes: [Change]) -> (files: [(name: String, bytes: [UInt8])], gone: [String])? {
        guard !changes.isEmpty, let manifest = read("index.json")?.array else { return nil }
        let shardCount = Self.count(of: "shards", in: manifest)
        guard let shardCount, shardCount > 0 else { return nil }

        // The documents' new postings, by term, in the index's order.
        var added: [String: [(doc: Int32, weight: Int32)]] = [:]
        for c in changes {
            for (term, weight) in c.weights { added[term, default: []].append((Int32(c.doc), weight)) }
        }
        let newTerms = added.keys.sorted { $0.utf8Precedes($1) }
        let newTermBytes = newTerms.map { Array($0.utf8) }
        let changedSorted = Set(changes.map { Int32($0.doc) }).sorted()
        // For each term: every changed document with its new weight (nil: no longer has the term).
        var edits = changedSorted.map { (doc: $0, weight: Int32?.none) }

        // Each new shard is compared with the old one of its number and hashed as soon as it is
        // cut; only the changed ones are kept.
        var oldShards: [MappedFile] = []
        var version = SearchIndex.Version()
        var files: [(name: String, bytes: [UInt8])] = []
        var unreadable = false
        func old(_ n: Int) -> MappedFile? {
            while oldShards.count <= n && oldShards.count < shardCount {
                guard let shard = read("t\(oldShards.count).json") else { unreadable = true; return nil }
                oldShards.append(shard)
            }
            return n < oldShards.count ? oldShards[n] : nil
        }
        var writer = ShardWriter { n, shard in
            shard.withUnsafeBytes { version.add($0) }
            if old(n)?.equals(shard) != true { files.append(("t\(n).json", shard)) }
        }
        var next = 0
        var scratch: [UInt8] = []
        func addNew(_ term: String) {
            var key = ""
            JSON.writeString(term, to: &key)
            let list = added[term]!.sorted { $0.doc < $1.doc }.flatMap { [$0.doc, $0.weight] }
            writer.add(term: term, key: key.utf8) { SearchIndex.appendPostings(list, to: &$0) }
        }
        for n in 0..<shardCount {
            guard let shard = old(n) else { return nil }
            let ok = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
                Self.forEachEntry(bytes) { termBytes, key, list in
                    let term = { String(decoding: termBytes, as: UTF8.self) }
                    while next < newTerms.count, newTermBytes[next].lexicographicallyPrecedes(termBytes) {
                        addNew(newTerms[next])
                        next += 1
                    }
                    let mine = next < newTerms.count && newTermBytes[next].elementsEqual(termBytes) ? added[newTerms[next]] : nil
                    if mine != nil { next += 1 }
                    for i in edits.indices { edits[i].weight = mine?.first { $0.doc == edits[i].doc }?.weight }
                    scratch.removeAll(keepingCapacity: true)
                    guard let changed = Self.splice(list, edits, into: &scratch) else { return false }
                    if !changed {
                        writer.add(term: term(), key: UnsafeBufferPointer(rebasing: key)) { $0 += UnsafeBufferPointer(rebasing: list) }
                    } else if scratch.count > 2 {
                        writer.add(term: term(), key: UnsafeBufferPointer(rebasing: key)) { $0 += scratch }
                    }
                    return true
                }
            }(shard.bytes)
            guard ok else { return nil }
        }
        while next < newTerms.count {
            addNew(newTerms[next])
            next += 1
        }
        let firsts = writer.finish().firsts
        guard !unreadable else { return nil }

        // Document chunks: the excerpts that come from the bodies. The version hash goes over every
        // shard and chunk, as in a full build.
        var changedChunks: [(Int, [UInt8])] = []
        var chunkIndex = 0
        while let chunk = read("d\(chunkIndex).json") {
            var bytes: [UInt8]?
            for c in changes where c.doc / SearchIndex.docsPerChunk == chunkIndex {
                guard let excerpt = c.excerpt else { continue }
                guard let replaced = Self.replacingExcerpt(in: bytes ?? chunk.array, row: c.doc % SearchIndex.docsPerChunk, with: excerpt)
                else { return nil }
                bytes = replaced
            }
            if let bytes, !chunk.equals(bytes) {
                changedChunks.append((chunkIndex, bytes))
                bytes.withUnsafeBytes { version.add($0) }
            } else {
                version.add(UnsafeRawBufferPointer(chunk.bytes))
            }
            chunkIndex += 1
        }
        for c in changes where c.doc / SearchIndex.docsPerChunk >= chunkIndex { return nil }

        // The manifest: the new version and the first term of each shard.
        guard let newManifest = Self.manifest(manifest, version: version.hex, firsts: firsts) else { return nil }

        if newManifest != manifest { files.insert(("index.json", newManifest), at: 0) }
        for (i, bytes) in changedChunks { files.append(("d\(i).json", bytes)) }
        let gone = writer.count < shardCount ? (writer.count..<shardCount).map { "t\($0).json" } : []
        return (files, gone)
    }

    // MARK: Reading the files this index wrote

    /// Calls `body` with each entry of a shard `{"term":[…],…}`: the term's bytes, its key as written
    /// (with quotes) and its postings array (with brackets). False when the shard is not as
    /// `ShardWriter` writes it (or a key has an escape, which terms never need).
    static func forEachEntry(_ b: UnsafeBufferPointer<UInt8>,
                             _ body: (Slice<UnsafeBufferPointer<UInt8>>, Slice<UnsafeBufferPointer<UInt8>>, Slice<UnsafeBufferPointer<UInt8>>) -> Bool) -> Bool {
        var i = 0
        let n = b.count
        guard n >= 2, b[0] == UInt8(ascii: "{"), b[n - 1] == UInt8(ascii: "}") else { return false }
        i = 1
        while i < n - 1 {
            guard b[i] == UInt8(ascii: "\"") else { return false }
            // memchr: the lists are most of the bytes.
            guard let k = find(UInt8(ascii: "\""), in: b, from: i + 1) else { return false }
            if find(UInt8(ascii: "\\"), in: UnsafeBufferPointer(rebasing: b[(i + 1)..<k]), from: 0) != nil { return false }
            guard k + 2 < n, b[k + 1] == UInt8(ascii: ":"), b[k + 2] == UInt8(ascii: "[") else { return false }
            let key = b[i...k]
            guard let e = find(UInt8(ascii: "]"), in: b, from: k + 2) else { return false }
            guard body(b[(i + 1)..<k], key, b[(k + 2)...e]) else { return false }
            i = e + 1
            if i < n - 1 {
                guard b[i] == UInt8(ascii: ",") else { return false }
                i += 1
            }
        }
        return i == n - 1
    }

    /// The offset of the first `byte` at or after `start` (memchr).
    private static func find(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < b.count, let base = b.baseAddress, let hit = memchr(base + start, Int32(byte), b.count - start) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// A postings array `[delta,weight,…]` (docs ascending, delta-coded) with the pairs of some
    /// documents set: each edit's doc gets its weight, or goes when the weight is nil (edits
    /// ascending by doc). Everything between is copied as written; only the pair after a change
    /// gets a new delta. Writes the array (with brackets) to `out`.
    /// - Returns: whether anything changed (false: `out` is not complete, use `list`); nil when
    ///   `list` is not such an array.
    static func splice(_ list: Slice<UnsafeBufferPointer<UInt8>>, _ edits: [(doc: Int32, weight: Int32?)],
                       into out: inout [UInt8]) -> Bool? {
        var e = 0
        var changed = false
        var written: Int32 = 0      // the last doc in `out`
        var wroteAny = false
        out.append(UInt8(ascii: "["))
        func emit(_ doc: Int32, _ weight: Int32) {
            if wroteAny { out.append(UInt8(ascii: ",")) }
            appendDecimal(Int(doc - written), to: &out)
            out.append(UInt8(ascii: ","))
            appendDecimal(Int(weight), to: &out)
            written = doc
            wroteAny = true
        }
        var i = list.startIndex + 1
        let end = list.endIndex
        var doc: Int32 = 0
        while i < end - 1 {
            // One pair: delta, weight.
            let pairStart = i
            var numbers: (Int32, Int32) = (0, 0)
            for k in 0..<2 {
                var value: Int32 = 0
                var digits = 0
                while i < end, list[i] >= 48, list[i] <= 57 {
                    value = value &* 10 &+ Int32(list[i] - 48)
                    digits += 1
                    i += 1
                }
                guard digits > 0, i < end, list[i] == UInt8(ascii: ",") || list[i] == UInt8(ascii: "]") else { return nil }
                if k == 0 { numbers.0 = value } else { numbers.1 = value }
                if k == 0 { guard list[i] == UInt8(ascii: ",") else { return nil } }
                i += 1
            }
            let previous = doc
            doc &+= numbers.0
            while e < edits.count, edits[e].doc < doc {
                if let w = edits[e].weight { emit(edits[e].doc, w); changed = true }
                e += 1
            }
            if e < edits.count, edits[e].doc == doc {
                if let w = edits[e].weight {
                    if w != numbers.1 { changed = true }
                    emit(doc, w)
                } else {
                    changed = true
                }
                e += 1
            } else if written == previous {
                // As written: copy the pair's bytes.
                if wroteAny { out.append(UInt8(ascii: ",")) }
                out += UnsafeBufferPointer(rebasing: list[pairStart..<(i - 1)])
                written = doc
                wroteAny = true
            } else {
                emit(doc, numbers.1)
            }
            if e == edits.count && wroteAny && written == doc {
                // No edit left and this pair is in `out`: the rest stays as written.
                if !changed { return false }
                out += UnsafeBufferPointer(rebasing: list[(i - 1)..<end])
                return true
            }
        }
        guard i == end || (i == end - 1 && list.count == 2) else { return nil }
        for edit in edits[e...] { if let w = edit.weight { emit(edit.doc, w); changed = true } }
        out.append(UInt8(ascii: "]"))
        return changed
    }

    /// The number of entries of the manifest's top-level array `key` (strings only).
    static func count(of key: String, in manifest: [UInt8]) -> Int? {
        guard let start = lastOffset(of: Array(",\"\(key)\":[".utf8), in: manifest) else { return nil }
        var i = start + key.utf8.count + 5
        var count = 0
        var inString = false
        var escaped = false
        var sawValue = false
        while i < manifest.count {
            let c = manifest[i]
            if inString {
                if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == UInt8(ascii: "\"") { inString = false }
            } else if c == UInt8(ascii: "\"") {
                inString = true
                if !sawValue { count += 1; sawValue = true }
            } else if c == UInt8(ascii: ",") {
                sawValue = false
            } else if c == UInt8(ascii: "]") {
                return count
            }
            i += 1
        }
        return nil
    }

    /// The manifest with a new version and shard list (`"v"` is its second key, `"shards"` its last).
    static func manifest(_ old: [UInt8], version: String, firsts: [String]) -> [UInt8]? {
        let vKey = Array("\"v\":\"".utf8)
        guard let v = firstOffset(of: vKey, in: old), v + vKey.count + 16 < old.count,
              let shards = lastOffset(of: Array(",\"shards\":".utf8), in: old) else { return nil }
        var out = Array(old[0..<(v + vKey.count)])
        out += version.utf8
        out += old[(v + vKey.count + 16)..<shards]
        out += ",\"shards\":".utf8
        out += JSON.array(firsts.map(JSON.string)).serialized().utf8
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// A document chunk `[[url,title,kind,[fields],excerpt,date],…]` with row `row`'s excerpt replaced.
    static func replacingExcerpt(in chunk: [UInt8], row: Int, with excerpt: String) -> [UInt8]? {
        chunk.withUnsafeBufferPointer { b -> [UInt8]? in
            guard b.first == UInt8(ascii: "[") else { return nil }
            var i = 1
            for _ in 0..<row {
                guard let end = valueEnd(b, from: i), end < b.count, b[end] == UInt8(ascii: ",") else { return nil }
                i = end + 1
            }
            guard i < b.count, b[i] == UInt8(ascii: "[") else { return nil }
            var k = i + 1
            for _ in 0..<4 {
                guard let end = valueEnd(b, from: k), end < b.count, b[end] == UInt8(ascii: ",") else { return nil }
                k = end + 1
            }
            guard let end = valueEnd(b, from: k), b[k] == UInt8(ascii: "\"") else { return nil }
            return Array(b[..<k]) + Array(JSON.string(excerpt).serialized().utf8) + Array(b[end...])
        }
    }

    /// The offset just after the JSON value (string, number, null, array of such) at `start`.
    private static func valueEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < b.count else { return nil }
        var i = start
        var depth = 0
        var inString = false
        var escaped = false
        while i < b.count {
            let c = b[i]
            if inString {
                if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return i + 1 }
                }
            } else if c == UInt8(ascii: "\"") {
                inString = true
            } else if c == UInt8(ascii: "[") {
                depth += 1
            } else if c == UInt8(ascii: "]") {
                if depth == 0 { return i }
                depth -= 1
                if depth == 0 { return i + 1 }
            } else if c == UInt8(ascii: ",") && depth == 0 {
                return i
            }
            i += 1
        }
        return nil
    }

    private static func firstOffset(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        haystack.withUnsafeBufferPointer { SiteGen.firstOffset(of: needle, in: $0) }
    }

    private static func lastOffset(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = haystack.count - needle.count
        while i >= 0 {
            if haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i -= 1
        }
        return nil
    }
}

extension SearchIndex {
    /// One document's weight per term, counted as `write(_:)` counts them: each occurrence in the
    /// body 1, in the other texts their weight; at most 255.
    static func weights(body: PageSearchText, texts: [(String, Int)], tokenizer: SharedSearchTokenizer) -> [String: Int32] {
        var local = tokenizer.finished
        var sums: [Int32: Int32] = [:]
        for (t, count) in zip(body.terms, body.counts) { sums[Int32(t), default: 0] += Int32(count) }
        for (text, weight) in texts {
            local.forEachTerm(in: text) { sums[$0] = min(sums[$0, default: 0] + Int32(weight), 1 << 24) }
        }
        let terms = local.terms
        var result: [String: Int32] = [:]
        for (t, w) in sums { result[terms[Int(t)]] = min(w, 255) }
        return result
    }
}
