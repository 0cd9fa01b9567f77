/// The memo tables as the build's store keeps them (see `BuildStore`): hashes and what the checks
/// need, each body's search terms, headings and messages, each page's references; no HTML (a
/// reused page is its file in the output).
extension BuildCache {
    /// Two parts, each with its own string table, made and read on two cores: the documents
    /// (front matter, Markdown, link checks, formats) and the pages. The documents part's length
    /// comes first (8 bytes).
    func encodedTables() -> [UInt8] {
        let parts = parallelMap([0, 1]) { i -> [UInt8] in
            var w = ByteWriter()
            if i == 0 { encodeDocuments(&w) } else { encodePages(&w) }
            return w.finish()
        }
        return littleEndianBytes(UInt64(parts[0].count)) + parts[0] + parts[1]
    }

    static func decodeTables(_ data: [UInt8]) throws -> BuildCache {
        guard data.count >= 8 else { throw ByteReader.Damaged() }
        let first = Int(truncatingIfNeeded: readLittleEndian(data, at: 0))
        guard first >= 0, first <= data.count - 8 else { throw ByteReader.Damaged() }
        enum Part { case documents(DocumentTables), pages([String: Page]) }
        let parts = parallelMap([0, 1]) { i -> Result<Part, any Error> in
            Result {
                i == 0 ? .documents(try decodeDocuments(Array(data[8..<8 + first])))
                    : .pages(try decodePages(Array(data[(8 + first)...])))
            }
        }
        guard case .documents(let documents) = try parts[0].get(), case .pages(let pages) = try parts[1].get() else {
            throw ByteReader.Damaged()
        }
        return BuildCache(keepsPages: false, searchTokenizer: SharedSearchTokenizer(terms: documents.terms), yaml: documents.yaml,
                          markdown: documents.markdown, pages: pages, linkChecks: documents.linkChecks,
                          formats: documents.formats)
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

    private func encodeDocuments(_ w: inout ByteWriter) {
        let (yaml, markdown, _, linkChecks) = tables
        w.int(yaml.count)
        for (key, blob) in yaml.sorted(by: { $0.key < $1.key }) {
            w.u64(key)
            w.bytes(blob)
        }
        // Only terms the saved bodies use, renumbered in their old order (so each body's
        // terms stay sorted); the rest of the tokenizer's words are forgotten.
        let allTerms = searchTokenizer.finished.terms
        var used = [Bool](repeating: false, count: allTerms.count)
        for m in markdown.values { for t in m.search.terms { used[Int(t)] = true } }
        var renumbered = [UInt32](repeating: 0, count: allTerms.count)
        var kept: [String] = []
        for (i, isUsed) in used.enumerated() where isUsed {
            renumbered[i] = UInt32(kept.count)
            kept.append(allTerms[i])
        }
        w.strings(kept)

        w.int(markdown.count)
        for (path, m) in sortedByKey(markdown) {
            w.string(path)
            w.u64(m.textHash)
            w.bool(m.unsafeHTML)
            w.source(m.source)
            w.int(m.links.count)
            for link in m.links {
                w.string(link.href)
                w.bool(link.isImage)
                w.linkTarget(link.target)
            }
            w.u64(m.htmlHash)
            w.int(m.headings.count)
            for h in m.headings { w.int(h.level); w.string(h.text); w.string(h.id); w.int(h.line) }
            w.int(m.anchors.count)
            for a in m.anchors { w.string(a.target); w.string(a.fragment); w.int(a.line); w.string(a.written) }
            w.diagnostics(m.diagnostics)
            w.string(m.search.excerpt)
            w.int(m.search.terms.count)
            for t in m.search.terms { w.int(Int(renumbered[Int(t)])) }
            w.bytes(m.search.counts)
        }

        w.int(linkChecks.count)
        for (path, check) in sortedByKey(linkChecks) {
            w.string(path)
            w.u64(check.key)
            w.diagnostics(check.diagnostics)
        }

        let formats = formatTable
        w.int(formats.count)
        for (name, part) in formats.sorted(by: { $0.key < $1.key }) {
            w.string(name)
            w.u64(part.key)
            w.int(part.files.count)
            for file in part.files { w.string(file.path); w.int(file.size) }
        }
    }

    private func encodePages(_ w: inout ByteWriter) {
        let pages = tables.pages
        w.int(pages.count)
        for (path, p) in sortedByKey(pages) {
            w.string(path)
            w.u64(p.key)
            w.u64(p.quickKey)
            w.int(p.size)
            w.strings(p.refs.links)
            w.strings(p.refs.resources)
            w.strings(p.refs.ids.sorted())
        }
    }

    private struct DocumentTables {
        var terms: [String]
        var yaml: [UInt64: [UInt8]]
        var markdown: [String: Markdown]
        var linkChecks: [String: (key: UInt64, diagnostics: [Diagnostic])]
        var formats: [String: FormatPart]
    }

    private static func decodeDocuments(_ data: [UInt8]) throws -> DocumentTables {
        var r = try ByteReader(data)
        var yaml: [UInt64: [UInt8]] = [:]
        for _ in try r.count() {
            let key = try r.u64()
            yaml[key] = try r.bytes()
        }
        let terms = try r.strings()

        var markdown: [String: Markdown] = [:]
        for _ in try r.count() {
            let path = try r.string()
            let textHash = try r.u64()
            let unsafeHTML = try r.bool()
            let source = try r.source()
            let links = try r.count().map { _ in (href: try r.string(), isImage: try r.bool(), target: try r.linkTarget()) }
            let htmlHash = try r.u64()
            let headings = try r.count().map { _ in Heading(level: try r.int(), text: try r.string(), id: try r.string(), line: try r.int()) }
            let anchors = try r.count().map { _ in
                AnchorReference(target: try r.string(), fragment: try r.string(), line: try r.int(), written: try r.string())
            }
            let diagnostics = try r.diagnostics()
            let excerpt = try r.string()
            let termNumbers = try r.count().map { _ in try r.int() }
            guard termNumbers.allSatisfy({ $0 >= 0 && $0 < terms.count }) else { throw ByteReader.Damaged() }
            let counts = try r.bytes()
            guard counts.count == termNumbers.count else { throw ByteReader.Damaged() }
            markdown[path] = Markdown(textHash: textHash, unsafeHTML: unsafeHTML, source: source, links: links, htmlHash: htmlHash,
                                      html: nil, headings: headings, anchors: anchors, diagnostics: diagnostics,
                                      search: PageSearchText(excerpt: excerpt, terms: termNumbers.map(UInt32.init), counts: counts))
        }

        var linkChecks: [String: (key: UInt64, diagnostics: [Diagnostic])] = [:]
        for _ in try r.count() {
            let path = try r.string()
            linkChecks[path] = (try r.u64(), try r.diagnostics())
        }
        var formats: [String: FormatPart] = [:]
        for _ in try r.count() {
            let name = try r.string()
            let key = try r.u64()
            formats[name] = FormatPart(key: key, files: try r.count().map { _ in (path: try r.string(), size: try r.int(), bytes: nil) })
        }
        guard r.atEnd else { throw ByteReader.Damaged() }
        return DocumentTables(terms: terms, yaml: yaml, markdown: markdown, linkChecks: linkChecks, formats: formats)
    }

    /// Strings come from the part's table, so equal links of many pages share one copy.
    private static func decodePages(_ data: [UInt8]) throws -> [String: Page] {
        var r = try ByteReader(data)
        var pages: [String: Page] = [:]
        for _ in try r.count() {
            let path = try r.string()
            let key = try r.u64()
            let quickKey = try r.u64()
            let size = try r.int()
            let refs = HTMLReferences(links: try r.strings(), resources: try r.strings(), ids: Set(try r.strings()))
            pages[path] = Page(key: key, quickKey: quickKey, html: nil, size: size, refs: refs)
        }
        guard r.atEnd else { throw ByteReader.Damaged() }
        return pages
    }
}

/// A table's entries in the byte order of their keys (the file does not depend on hashing order).
/// The keys are sorted alone: the values can be large structs, slow to move around in a sort.
func sortedByKey<Value>(_ table: [String: Value]) -> [(key: String, value: Value)] {
    table.keys.sorted { $0.utf8Precedes($1) }.map { ($0, table[$0]!) }
}

