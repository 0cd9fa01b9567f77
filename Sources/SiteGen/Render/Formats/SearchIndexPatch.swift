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

    /// Reads a file of the index (name in the index folder).
    let read: (String) -> [UInt8]?

    /// - Returns: the files that changed (names in the index folder) and the shards that are gone.
    func apply(_ changes: [Change]) -> (files: [(name: String, bytes: [UInt8])], gone: [String])? {
        guard !changes.isEmpty, let manifest = read("index.json") else { return nil }
        let shardCount = Self.count(of: "shards", in: manifest)
        guard let shardCount, shardCount > 0 else { return nil }

        // The documents' new postings, by term, in the index's order.
        var added: [String: [(doc: Int32, weight: Int32)]] = [:]
        for c in changes {
            for (term, weight) in c.weights { added[term, default: []].append((Int32(c.doc), weight)) }
        }
        let newTerms = added.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let newTermBytes = newTerms.map { Array($0.utf8) }
        let changed = Set(changes.map { Int32($0.doc) })
        let changedSorted = changed.sorted()

        var writer = ShardWriter()
        var next = 0
        var oldShards: [[UInt8]] = []
        func addNew(_ term: String) {
            var key = ""
            JSON.writeString(term, to: &key)
            let list = added[term]!.sorted { $0.doc < $1.doc }.flatMap { [$0.doc, $0.weight] }
            writer.add(term: term, key: key.utf8) { SearchIndex.appendPostings(list, to: &$0) }
        }
        for n in 0..<shardCount {
            guard let shard = read("t\(n).json") else { return nil }
            oldShards.append(shard)
            let ok = shard.withUnsafeBufferPointer { bytes -> Bool in
                Self.forEachEntry(bytes) { termBytes, key, list in
                    let term = { String(decoding: termBytes, as: UTF8.self) }
                    while next < newTerms.count, newTermBytes[next].lexicographicallyPrecedes(termBytes) {
                        addNew(newTerms[next])
                        next += 1
                    }
                    let mine = next < newTerms.count && newTermBytes[next].elementsEqual(termBytes) ? added[newTerms[next]] : nil
                    if mine != nil { next += 1 }
                    guard let touches = Self.mentions(list, anyOf: changedSorted) else { return false }
                    if !touches && mine == nil {
                        writer.add(term: term(), key: UnsafeBufferPointer(rebasing: key)) { $0 += UnsafeBufferPointer(rebasing: list) }
                        return true
                    }
                    guard let all = Self.postings(list) else { return false }
                    var postings = all.filter { !changed.contains($0.doc) } + (mine ?? [])
                    postings.sort { $0.doc < $1.doc }
                    if postings.isEmpty { return true }
                    let flat = postings.flatMap { [$0.doc, $0.weight] }
                    writer.add(term: term(), key: UnsafeBufferPointer(rebasing: key)) { SearchIndex.appendPostings(flat, to: &$0) }
                    return true
                }
            }
            guard ok else { return nil }
        }
        while next < newTerms.count {
            addNew(newTerms[next])
            next += 1
        }
        let (shards, firsts) = writer.finish()

        // Document chunks: the excerpts that come from the bodies.
        var chunks: [[UInt8]] = []
        var chunkIndex = 0
        var changedChunks: Set<Int> = []
        while let chunk = read("d\(chunkIndex).json") {
            var bytes = chunk
            for c in changes where c.doc / SearchIndex.docsPerChunk == chunkIndex {
                guard let excerpt = c.excerpt else { continue }
                guard let replaced = Self.replacingExcerpt(in: bytes, row: c.doc % SearchIndex.docsPerChunk, with: excerpt) else { return nil }
                if replaced != bytes { changedChunks.insert(chunkIndex) }
                bytes = replaced
            }
            chunks.append(bytes)
            chunkIndex += 1
        }
        for c in changes where c.doc / SearchIndex.docsPerChunk >= chunks.count { return nil }

        // The manifest: version hash over all shards and chunks, and the first term of each shard.
        var hash = FNV1a()
        for s in shards { hash.add(s) }
        for c in chunks { hash.add(c) }
        guard let newManifest = Self.manifest(manifest, version: hash.hex, firsts: firsts) else { return nil }

        var files: [(name: String, bytes: [UInt8])] = []
        if newManifest != manifest { files.append(("index.json", newManifest)) }
        for (i, s) in shards.enumerated() where i >= oldShards.count || s != oldShards[i] { files.append(("t\(i).json", s)) }
        for i in changedChunks.sorted() { files.append(("d\(i).json", chunks[i])) }
        let gone = shards.count < oldShards.count ? (shards.count..<oldShards.count).map { "t\($0).json" } : []
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
            var k = i + 1
            while k < n, b[k] != UInt8(ascii: "\"") {
                if b[k] == UInt8(ascii: "\\") { return false }
                k += 1
            }
            guard k + 2 < n, b[k + 1] == UInt8(ascii: ":"), b[k + 2] == UInt8(ascii: "[") else { return false }
            let key = b[i...k]
            var e = k + 2
            while e < n, b[e] != UInt8(ascii: "]") { e += 1 }
            guard e < n else { return false }
            guard body(b[(i + 1)..<k], key, b[(k + 2)...e]) else { return false }
            i = e + 1
            if i < n - 1 {
                guard b[i] == UInt8(ascii: ",") else { return false }
                i += 1
            }
        }
        return i == n - 1
    }

    /// Whether a postings array `[delta,weight,…]` has one of `docs` (ascending); it stops at the
    /// first doc after the last of them. nil when it is not such an array.
    static func mentions(_ list: Slice<UnsafeBufferPointer<UInt8>>, anyOf docs: [Int32]) -> Bool? {
        guard let last = docs.last else { return false }
        var value: Int32 = 0
        var inNumber = false
        var isDoc = true
        var doc: Int32 = 0
        for c in list.dropFirst() {
            if c >= 48 && c <= 57 {
                value = value &* 10 &+ Int32(c - 48)
                inNumber = true
            } else if c == UInt8(ascii: ",") || c == UInt8(ascii: "]") {
                guard inNumber else { return nil }
                if isDoc {
                    doc &+= value
                    if doc > last { return false }
                    if docs.count == 1 ? doc == last : docs.contains(doc) { return true }
                }
                isDoc.toggle()
                value = 0
                inNumber = false
            } else {
                return nil
            }
        }
        return isDoc ? false : nil
    }

    /// The (doc, weight) pairs of a postings array `[delta,weight,…]`. nil when it is not such an array.
    static func postings(_ list: Slice<UnsafeBufferPointer<UInt8>>) -> [(doc: Int32, weight: Int32)]? {
        var result: [(doc: Int32, weight: Int32)] = []
        var numbers: [Int32] = []
        var value: Int32 = 0
        var inNumber = false
        var doc: Int32 = 0
        for c in list.dropFirst() {
            if c >= 48 && c <= 57 {
                value = value &* 10 &+ Int32(c - 48)
                inNumber = true
            } else if c == UInt8(ascii: ",") || c == UInt8(ascii: "]") {
                guard inNumber else { return c == UInt8(ascii: "]") && numbers.isEmpty && result.isEmpty ? result : nil }
                numbers.append(value)
                value = 0
                inNumber = false
                if numbers.count == 2 {
                    doc &+= numbers[0]
                    result.append((doc, numbers[1]))
                    numbers.removeAll(keepingCapacity: true)
                }
            } else {
                return nil
            }
        }
        return numbers.isEmpty ? result : nil
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
    /// One document's weight per term, counted as `files()` counts them: each occurrence in the
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
