/// Each section's entries as bytes and back (see `StoreSection`).
extension BuildCache {
    func encode(_ section: StoreSection, _ tables: GroupedTables, _ terms: (list: [String], number: [UInt32], renumbered: Bool),
                _ w: inout ByteWriter) {
        switch section {
        case .terms: w.strings(terms.list)
        case .formats:
            w.int(tables.formats.count)
            for (name, part) in tables.formats {
                w.string(name)
                w.u64(part.key)
                w.int(part.files.count)
                for file in part.files { w.string(file.path); w.int(file.size) }
            }
        case .yaml(let b):
            w.int(tables.yaml[b].count)
            for (key, blob) in tables.yaml[b] { w.u64(key); w.bytes(blob) }
        case .documents(let b):
            w.int(tables.documents[b].count)
            for (key, d) in tables.documents[b] { w.string(key); Self.encode(d, &w) }
        case .markdown(let b):
            w.int(tables.markdown[b].count)
            for (path, m) in tables.markdown[b] { Self.encode(path, m, number: terms.number, &w) }
        case .linkChecks(let b):
            w.int(tables.linkChecks[b].count)
            for (path, check) in tables.linkChecks[b] { w.string(path); w.u64(check.key); w.diagnostics(check.diagnostics) }
        case .pages(let b):
            w.int(tables.pages[b].count)
            for (path, p) in tables.pages[b] {
                w.string(path)
                w.u64(p.key)
                w.u64(p.quickKey)
                w.int(p.size)
                w.strings(p.refs.links)
                w.strings(p.refs.resources)
                w.strings(p.refs.ids.sorted)
                w.strings(p.refs.fileLinks)
            }
        }
    }

    private static func encode(_ path: String, _ m: RememberedMarkdown, number: [UInt32], _ w: inout ByteWriter) {
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
        w.u64(m.search.textKey)
        w.int(m.search.textSize)
        w.int(m.search.terms.count)
        for t in m.search.terms { w.int(Int(number[Int(t)])) }
        w.bytes(m.search.counts)
        w.int(Int(m.search.language.rawValue))
    }

    static func decode(_ section: StoreSection, _ data: ArraySlice<UInt8>) throws -> DecodedSection {
        var r = try ByteReader(data)
        let decoded: DecodedSection
        switch section {
        case .terms: decoded = .terms(try r.strings())
        case .formats:
            var formats: [String: FormatPart] = [:]
            for _ in try r.count() {
                let name = try r.string()
                let key = try r.u64()
                formats[name] = FormatPart(key: key, files: try r.count().map { _ in (path: try r.string(), size: try r.int(), bytes: nil) })
            }
            decoded = .formats(formats)
        case .yaml: decoded = .yaml(try r.count().map { _ in (try r.u64(), try r.bytes()) })
        case .documents: decoded = .documents(try r.count().map { _ in (try r.string(), try decodeDocument(&r)) })
        case .markdown: decoded = .markdown(try r.count().map { _ in (try r.string(), try decodeMarkdown(&r)) })
        case .linkChecks: decoded = .linkChecks(try r.count().map { _ in (try r.string(), (try r.u64(), try r.diagnostics())) })
        case .pages: decoded = .pages(try decodePages(&r))
        }
        guard r.atEnd else { throw ByteReader.Damaged() }
        return decoded
    }

    private static func encode(_ d: RememberedDocument, _ w: inout ByteWriter) {
        w.u64(d.stamp)
        w.int(d.size)
        w.u64(d.hash)
        w.u64(d.frontMatterHash)
        w.u64(d.yamlKey)
        w.string(d.kind.rawValue)
        w.source(d.source)
        w.string(d.fileSlug)
        w.diagnostics(d.diagnostics)
        w.int(d.bodyOffset)
        w.u64(d.bodyHash)
    }

    private static func decodeDocument(_ r: inout ByteReader) throws -> RememberedDocument {
        let (stamp, size, hash, frontMatterHash, yamlKey) = (try r.u64(), try r.int(), try r.u64(), try r.u64(), try r.u64())
        guard let kind = DocumentKind(rawValue: try r.string()) else { throw ByteReader.Damaged() }
        return RememberedDocument(stamp: stamp, size: size, hash: hash, frontMatterHash: frontMatterHash, yamlKey: yamlKey, kind: kind,
                                  source: try r.source(), fileSlug: try r.string(), diagnostics: try r.diagnostics(),
                                  bodyOffset: try r.int(), bodyHash: try r.u64())
    }

    /// One body's entry; its term numbers are checked against the terms once all sections are read.
    private static func decodeMarkdown(_ r: inout ByteReader) throws -> RememberedMarkdown {
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
        let (textKey, textSize) = (try r.u64(), try r.int())
        let termNumbers = try r.uint32s()
        let counts = try r.bytes()
        let languageNumber = try r.int()
        guard counts.count == termNumbers.count, let language = SearchLanguage(rawValue: UInt8(clamping: languageNumber)) else {
            throw ByteReader.Damaged()
        }
        return RememberedMarkdown(textHash: textHash, unsafeHTML: unsafeHTML, source: source, links: links, htmlHash: htmlHash,
                                  html: nil, headings: headings, anchors: anchors, diagnostics: diagnostics,
                                  search: PageSearchText(excerpt: excerpt, textKey: textKey, textSize: textSize, terms: termNumbers, counts: counts, language: language))
    }

    /// Strings come from the section's table, so equal links of many pages share one copy.
    private static func decodePages(_ r: inout ByteReader) throws -> [(String, RememberedPage)] {
        try r.count().map { _ in
            let path = try r.string()
            let key = try r.u64()
            let quickKey = try r.u64()
            let size = try r.int()
            let (links, resources) = (try r.strings(), try r.strings())
            guard let ids = PageIDs(sorted: try r.strings()) else { throw ByteReader.Damaged() }
            let refs = HTMLReferences(links: links, resources: resources, ids: ids, fileLinks: try r.strings())
            return (path, RememberedPage(key: key, quickKey: quickKey, html: nil, size: size, refs: refs))
        }
    }
}
