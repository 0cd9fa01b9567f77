/// The memo tables as the build's store keeps them (see `BuildStore`): hashes and what the checks
/// need, each body's search terms, headings and messages, each page's references; no HTML (a
/// reused page is its file in the output).
///
/// The tables are cut into sections (see `StoreSection`), each with its own string table, made and
/// read side by side. A section none of whose entries changed in a build is saved as the bytes it
/// was read from: after an edit to one post, only the sections holding that post's entries are
/// encoded again.
extension BuildCache {
    /// The sections' count, their lengths (8 bytes each), then the sections in `StoreSection.all` order.
    func encodedTables(reusingStored: Bool = true) -> [[UInt8]] {
        let sections = StoreSection.all
        let terms = savedTerms()
        let kept = sections.indices.map { reusingStored && !terms.renumbered ? storedSection($0, sections[$0]) : nil }
        let grouped = groupedByBucket(needed: Set(sections.indices.filter { kept[$0] == nil }.map { sections[$0] }))
        let encoded = parallelMap(Array(sections.indices)) { i -> [UInt8] in
            if let raw = kept[i] { return raw }
            var w = ByteWriter()
            encode(sections[i], grouped, terms, &w)
            return w.finish()
        }
        var head = littleEndianBytes(UInt64(sections.count))
        for part in encoded { head += littleEndianBytes(UInt64(part.count)) }
        return [head] + encoded
    }

    static func decodeTables(_ data: [UInt8]) throws -> BuildCache {
        let sections = StoreSection.all
        guard data.count >= 8, Int(truncatingIfNeeded: readLittleEndian(data, at: 0)) == sections.count,
              data.count >= 8 * (sections.count + 1) else { throw ByteReader.Damaged() }
        var ranges: [Range<Int>] = []
        var start = 8 * (sections.count + 1)
        for i in sections.indices {
            let length = readLittleEndian(data, at: 8 * (i + 1))
            guard length <= UInt64(data.count - start) else { throw ByteReader.Damaged() }
            ranges.append(start..<start + Int(length))
            start += Int(length)
        }
        guard start == data.count else { throw ByteReader.Damaged() }
        let raw = ranges.map { Array(data[$0]) }
        let parts = parallelMap(Array(sections.indices)) { i in Result { try decode(sections[i], raw[i]) } }
        var tables = DecodedTables()
        let decoded = try parts.map { try $0.get() }
        tables.reserve(decoded)
        for part in decoded { try tables.add(part) }
        guard tables.markdown.values.allSatisfy({ $0.search.terms.allSatisfy { Int($0) < tables.terms.count } }) else {
            throw ByteReader.Damaged()
        }
        let cache = BuildCache(keepsPages: false, searchTokenizer: SharedSearchTokenizer(terms: tables.terms), yaml: tables.yaml,
                               markdown: tables.markdown, pages: tables.pages, linkChecks: tables.linkChecks,
                               formats: tables.formats, remembered: tables.documents)
        cache.keepStoredSections(raw, termCount: tables.terms.count)
        return cache
    }

    /// Parsed front matter as bytes (strings in place) and back; nil for damaged bytes.
    static func yamlBlob(_ value: YAMLValue?) -> [UInt8] {
        var w = ByteWriter()
        w.inlineStrings = true
        w.bool(value != nil)
        if let value { w.yaml(value) }
        return w.body
    }

    static func yamlValue(_ blob: [UInt8]) -> YAMLValue?? {
        guard var r = try? ByteReader(blob, table: false) else { return nil }
        r.inlineStrings = true
        guard let present = try? r.bool() else { return nil }
        guard present else { return .some(nil) }
        guard let value = try? r.yaml(depth: 0), r.atEnd else { return nil }
        return .some(value)
    }

    /// The terms to save and the number each term of a body gets. Term numbers stay as they are
    /// from build to build, so unchanged sections stay valid; words no body uses any more are
    /// forgotten (and every body renumbered) only when they have become many.
    private func savedTerms() -> (list: [String], number: [UInt32], renumbered: Bool) {
        let allTerms = searchTokenizer.finished.terms
        var used = [Bool](repeating: false, count: allTerms.count)
        for m in tables.markdown.values { for t in m.search.terms { used[Int(t)] = true } }
        let unused = used.count { !$0 }
        guard unused > 4096 && unused > allTerms.count / 2 else {
            return (allTerms, (0..<allTerms.count).map(UInt32.init), false)
        }
        var number = [UInt32](repeating: 0, count: allTerms.count)
        var kept: [String] = []
        for (i, isUsed) in used.enumerated() where isUsed {
            number[i] = UInt32(kept.count)
            kept.append(allTerms[i])
        }
        return (kept, number, true)
    }

    /// The entries of the sections to encode by bucket, each bucket in the byte order of its keys
    /// (the buckets of sections saved as they were stay empty).
    private func groupedByBucket(needed: Set<StoreSection>) -> GroupedTables {
        let (yaml, markdown, pages, linkChecks) = tables
        func group<Value>(_ table: [String: Value], _ section: (Int) -> StoreSection) -> [[(key: String, value: Value)]] {
            StoreSection.group(table, bucket: { StoreSection.bucket($0) }, only: { needed.contains(section($0)) }, by: { $0.utf8Precedes($1) })
        }
        return GroupedTables(yaml: StoreSection.group(yaml, bucket: { StoreSection.bucket($0) }, only: { needed.contains(.yaml($0)) }, by: <),
                             documents: group(rememberedTable, StoreSection.documents), markdown: group(markdown, StoreSection.markdown),
                             linkChecks: group(linkChecks, StoreSection.linkChecks), pages: group(pages, StoreSection.pages),
                             formats: formatTable.sorted { $0.key.utf8Precedes($1.key) })
    }
}

/// A table's entries in the byte order of their keys (the file does not depend on hashing order).
/// The keys are sorted alone: the values can be large structs, slow to move around in a sort.
func sortedByKey<Value>(_ table: [String: Value]) -> [(key: String, value: Value)] {
    table.keys.sorted { $0.utf8Precedes($1) }.map { ($0, table[$0]!) }
}
