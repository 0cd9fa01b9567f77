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
    func encodedTables(reusingStored: Bool = true) -> [ArraySlice<UInt8>] {
        awaitStoredTables()
        let sections = StoreSection.all
        let terms = savedTerms()
        let kept = sections.indices.map { reusingStored && !terms.renumbered ? storedSection($0, sections[$0]) : nil }
        let grouped = groupedByBucket(needed: Set(sections.indices.filter { kept[$0] == nil }.map { sections[$0] }))
        let encoded = parallelMap(Array(sections.indices)) { i -> ArraySlice<UInt8> in
            if let raw = kept[i] { return raw }
            var w = ByteWriter()
            encode(sections[i], grouped, terms, &w)
            return w.finish()[...]
        }
        var head = littleEndianBytes(UInt64(sections.count))
        for part in encoded { head += littleEndianBytes(UInt64(part.count)) }
        return [head[...]] + encoded
    }

    /// The tables loading needs (terms, front matter, documents) are decoded at once; the others
    /// (Markdown, pages, link checks, formats) on another thread while the content is loaded and
    /// modelled (`awaitStoredTables`). Damage found there only costs their memo.
    static func decodeTables(_ data: ArraySlice<UInt8>) throws -> BuildCache {
        let raw = try sectionBytes(data)
        let sections = StoreSection.all
        let now = sections.indices.filter { sections[$0].neededForLoading }
        let later = sections.indices.filter { !sections[$0].neededForLoading }
        let tables = try decode(now.map { (sections[$0], raw[$0]) })
        let cache = BuildCache(keepsPages: false, searchTokenizer: SharedSearchTokenizer(terms: tables.terms), yaml: tables.yaml,
                               remembered: tables.documents)
        cache.keepStoredSections(raw, termCount: tables.terms.count)
        let termCount = tables.terms.count
        let parts = later.map { (sections[$0], raw[$0]) }
        cache.decodeLater { () -> DecodedTables? in
            guard let tables = try? decode(parts),
                  tables.markdown.values.allSatisfy({ $0.search.terms.allSatisfy { Int($0) < termCount } }) else { return nil }
            return tables
        }
        return cache
    }

    /// Each section's bytes, after checking that the lengths add up: slices of the bytes read,
    /// not copies (the store is tens of megabytes at 10,000 items).
    private static func sectionBytes(_ data: ArraySlice<UInt8>) throws -> [ArraySlice<UInt8>] {
        let count = StoreSection.all.count
        let base = data.startIndex
        guard data.count >= 8 * (count + 1), Int(truncatingIfNeeded: readLittleEndian(data, at: base)) == count else {
            throw ByteReader.Damaged()
        }
        var ranges: [Range<Int>] = []
        var start = base + 8 * (count + 1)
        for i in 0..<count {
            let length = readLittleEndian(data, at: base + 8 * (i + 1))
            guard length <= UInt64(data.endIndex - start) else { throw ByteReader.Damaged() }
            ranges.append(start..<start + Int(length))
            start += Int(length)
        }
        guard start == data.endIndex else { throw ByteReader.Damaged() }
        return ranges.map { data[$0] }
    }

    /// Some sections decoded side by side, gathered into tables.
    private static func decode(_ parts: [(StoreSection, ArraySlice<UInt8>)]) throws -> DecodedTables {
        let decoded = try parallelMap(parts) { part in Result { try decode(part.0, part.1) } }.map { try $0.get() }
        var tables = DecodedTables()
        tables.reserve(decoded)
        for part in decoded { try tables.add(part) }
        return tables
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
        let bodies = tables.markdown.values
        // By index, reading each body's terms in place (`for m in values` copies every entry).
        used.withUnsafeMutableBufferPointer { used in
            for i in bodies.indices { for t in bodies[i].search.terms { used[Int(t)] = true } }
        }
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
    /// Every key of every table is hashed for its bucket: the two largest tables are grouped on
    /// other threads meanwhile (the build waits for the store to be saved).
    private func groupedByBucket(needed: Set<StoreSection>) -> GroupedTables {
        let (yaml, markdown, pages, linkChecks) = tables
        @Sendable func group<Value>(_ table: [String: Value], _ section: (Int) -> StoreSection) -> [[(key: String, value: Value)]] {
            StoreSection.group(table, bucket: { StoreSection.bucket($0) }, only: { needed.contains(section($0)) }, by: { $0.utf8Precedes($1) })
        }
        let shared = UncheckedBox((markdown, pages))
        let groupedMarkdown = Pending { group(shared.value.0, StoreSection.markdown) }
        let groupedPages = Pending { group(shared.value.1, StoreSection.pages) }
        return GroupedTables(yaml: StoreSection.group(yaml, bucket: { StoreSection.bucket($0) }, only: { needed.contains(.yaml($0)) }, by: <),
                             documents: group(rememberedTable, StoreSection.documents), markdown: groupedMarkdown.value,
                             linkChecks: group(linkChecks, StoreSection.linkChecks), pages: groupedPages.value,
                             formats: formatTable.sorted { $0.key.utf8Precedes($1.key) })
    }
}

/// A table's entries in the byte order of their keys (the file does not depend on hashing order).
/// The keys are sorted alone: the values can be large structs, slow to move around in a sort.
func sortedByKey<Value>(_ table: [String: Value]) -> [(key: String, value: Value)] {
    table.keys.sorted { $0.utf8Precedes($1) }.map { ($0, table[$0]!) }
}
