#if canImport(Glibc)
import Glibc
#endif

/// The cache `sitegen build` keeps beside its output (`.public.sitegen-cache`), so the next build
/// in a new process renders only the pages a change touched (see `BuildCache`).
///
/// It describes that output exactly: it is removed before a build changes the output and written
/// again after the new output is in place. It holds hashes, each body's search terms, headings and
/// messages, and each page's references for the link check; no HTML (a reused page is its file).
/// It is tied to the program that wrote it: any other sitegen ignores it.
extension BuildCache {
    static let fileMagic = "sitegen-cache 7\n"

    static func path(forOutput output: String) -> String {
        BuildState.path(forOutput: output).replacingAll(".sitegen-state", with: ".sitegen-cache")
    }

    /// The cache saved at `path`, or nil when there is none, it is damaged or another program wrote it.
    static func read(_ path: String) -> BuildCache? {
        guard let data = try? LocalFileSystem().readFile(path), let cache = try? decode(data) else { return nil }
        return cache
    }

    /// Writes the tables of the last build to `path` (through a temporary file and a rename).
    /// The two parts are made on two cores, and each goes out in pieces as it grows (the pages
    /// part into a second temporary file, appended at the end), so the bytes of the whole cache
    /// are never in memory at once (the peak of a 50,000-item build was here).
    /// - Parameter flushEvery: the size of the pieces (tests make them small).
    func save(_ path: String, flushEvery: Int = 1 << 20) {
        let temporary = path + ".tmp-\(getpid())"
        let pagesTemporary = temporary + "-pages"
        defer { unlink(pagesTemporary) }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        let pagesFD = open(pagesTemporary, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard pagesFD >= 0 else {
            close(fd)
            unlink(temporary)
            return
        }
        defer { close(pagesFD) }
        var documentsOK = writeAll(fd, Array(Self.fileMagic.utf8))
        var firstPart = 0
        var pagesOK = true
        _ = parallelMap([0, 1]) { i -> Bool in
            if i == 0 {
                var documents = ByteWriter(flushEvery: flushEvery) { documentsOK = documentsOK && writeAll(fd, $0); firstPart += $0.count }
                encodeDocuments(&documents)
                let rest = documents.finish()
                documentsOK = documentsOK && writeAll(fd, rest)
                firstPart += rest.count
            } else {
                var pages = ByteWriter(flushEvery: flushEvery) { pagesOK = pagesOK && writeAll(pagesFD, $0) }
                encodePages(&pages)
                pagesOK = pagesOK && writeAll(pagesFD, pages.finish())
            }
            return true
        }
        var ok = documentsOK && pagesOK && lseek(pagesFD, 0, SEEK_SET) == 0
        // The pages part after the documents part.
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while ok {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(pagesFD, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                ok = n == 0
                break
            }
            ok = writeAll(fd, Array(buffer[0..<n]))
        }
        ok = ok && writeAll(fd, Self.trailer(firstPart))
        close(fd)
        if ok { rename(temporary, path) } else { unlink(temporary) }
    }

    /// The whole file's bytes (for tests; `save` writes the same).
    func encoded() -> [UInt8] {
        var documents = ByteWriter(), pages = ByteWriter()
        encodeDocuments(&documents)
        encodePages(&pages)
        let first = documents.finish()
        return Array(Self.fileMagic.utf8) + first + pages.finish() + Self.trailer(first.count)
    }

    /// The file ends with the length of its first part (8 bytes).
    private static func trailer(_ firstPart: Int) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: UInt64(firstPart) >> (8 * UInt64($0))) }
    }

    static func remove(_ path: String) {
        unlink(path)
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

    // Two parts, each with its own string table, made and read on two cores: the documents
    // (front matter, Markdown, link checks, formats) and the pages.

    private func encodeDocuments(_ w: inout ByteWriter) {
        let (yaml, markdown, _, linkChecks) = tables
        w.string(Builder.programIdentity)
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

    static func decode(_ data: [UInt8]) throws -> BuildCache? {
        let magic = Array(fileMagic.utf8)
        guard data.count >= magic.count + 8, Array(data[0..<magic.count]) == magic else { throw ByteReader.Damaged() }
        var first = 0
        for i in 0..<8 { first |= Int(data[data.count - 8 + i]) << (8 * i) }
        let start = magic.count
        guard first >= 0, first <= data.count - 8 - start else { throw ByteReader.Damaged() }
        enum Part { case documents(DocumentTables?), pages([String: Page]) }
        let parts = parallelMap([0, 1]) { i -> Result<Part, any Error> in
            Result {
                i == 0 ? .documents(try decodeDocuments(Array(data[start..<start + first])))
                    : .pages(try decodePages(Array(data[(start + first)..<(data.count - 8)])))
            }
        }
        guard case .documents(let documents) = try parts[0].get(), case .pages(let pages) = try parts[1].get() else {
            throw ByteReader.Damaged()
        }
        guard let documents else { return nil }
        return BuildCache(keepsPages: false, searchTokenizer: SharedSearchTokenizer(terms: documents.terms), yaml: documents.yaml,
                          markdown: documents.markdown, pages: pages, linkChecks: documents.linkChecks,
                          formats: documents.formats)
    }

    private struct DocumentTables {
        var terms: [String]
        var yaml: [UInt64: [UInt8]]
        var markdown: [String: Markdown]
        var linkChecks: [String: (key: UInt64, diagnostics: [Diagnostic])]
        var formats: [String: FormatPart]
    }

    /// nil when another program wrote the file.
    private static func decodeDocuments(_ data: [UInt8]) throws -> DocumentTables? {
        var r = try ByteReader(data)
        guard try r.string() == Builder.programIdentity else { return nil }
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

