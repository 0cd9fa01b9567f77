/// The memo around the stages (it implements what each stage says may be spared: `LoadMemo`,
/// `RenderMemo`, `CheckMemo`), so a rebuild after a small change does only the work that change needs:
/// - Markdown is not rendered again when its text and every link target it resolved are the same
///   (its search terms come with it);
/// - a page is not rendered again when its view (everything its template sees) and its template
///   with all partials are the same; the references found in it are reused for the link check.
/// Everything else (the model, views, search index) is computed each time, so a build with the memo
/// gives byte-identical output to a fresh one (tested).
///
/// Two kinds:
/// - `BuildCache()`, kept in memory by one process (the preview server): it also keeps parsed
///   documents and every page's HTML;
/// - the tables `sitegen build` keeps in the store beside its output (`BuildStore`,
///   `BuildCache+File.swift`): hashes and what the checks need; a reused page's HTML is its file in
///   the last build's output, which the output sink takes over (`OutputSink.keep`).
public final class BuildCache: LoadMemo, RenderMemo, CheckMemo, @unchecked Sendable {  // all state is guarded by `lock`
    struct Document {
        var hash: UInt64
        var result: (LoadedDocument?, [Diagnostic])
        /// The file's stamp and size when it was read (see `document(_:stamp:size:)`).
        var stamp: UInt64 = 0
        var size = -1
    }

    typealias Markdown = RememberedMarkdown
    typealias Page = RememberedPage

    struct FormatPart {
        var key: UInt64
        /// Path and size of each file; the bytes only in the in-memory cache.
        var files: [(path: String, size: Int, bytes: [UInt8]?)]
    }

    /// True for the in-memory cache of a long-running process (documents and HTML kept).
    let keepsPages: Bool
    /// One tokenizer for all builds that use this cache, so the term numbers of cached pages stay valid.
    let searchTokenizer: SharedSearchTokenizer

    private let lock = NSLockLite()
    // The last build's tables (`yaml`, `documents`, `remembered`, `linkChecks`, `markdown`, `pages`,
    // `formats`) are replaced only in `endBuild`, when no stage runs: the stages' many lookups in
    // them take no lock. Only what this build makes (`next…`) is written under the lock.
    /// Parsed front matter by hash of its text and first line (parsing YAML is most of loading),
    /// as compact bytes: the trees of 50,000 documents would cost more memory than they save time.
    @exclusivity(unchecked) private var yaml: [UInt64: [UInt8]] = [:]
    private var nextYAML: [UInt64: [UInt8]] = [:]
    @exclusivity(unchecked) private var documents: [String: Document] = [:]
    /// What the store keeps of each document instead (see `RememberedDocument`).
    @exclusivity(unchecked) private var remembered: [String: RememberedDocument] = [:]
    private var nextRemembered: [String: RememberedDocument] = [:]
    /// Each page's link check findings, by a key over the page and the whole site (see `OutputChecker`).
    @exclusivity(unchecked) private var linkChecks: [String: (key: UInt64, diagnostics: [Diagnostic])] = [:]
    private var nextLinkChecks: [String: (key: UInt64, diagnostics: [Diagnostic])] = [:]
    @exclusivity(unchecked) private var markdown: [String: Markdown] = [:]
    @exclusivity(unchecked) private var pages: [String: Page] = [:]
    /// The files of each part of the formats (feeds, calendars, search index …), by a key over its inputs.
    @exclusivity(unchecked) private var formats: [String: FormatPart] = [:]
    private var nextFormats: [String: FormatPart] = [:]
    /// What this build used or made; replaces the old tables when it ends, so entries of deleted
    /// files and pages do not pile up during a long preview session.
    private var nextDocuments: [String: Document] = [:]
    private var nextMarkdown: [String: Markdown] = [:]
    private var nextPages: [String: Page] = [:]
    /// The store's sections as read, and which buckets this build changed (see `StoreSection`).
    private var stored: StoredSections?
    /// The stored tables rendering needs, being decoded (see `decodeTables`); nil once taken.
    private var pendingTables: Pending<DecodedTables?>?

    /// Pages taken from the cache and pages rendered in the last build (for `--verbose` and tests).
    public private(set) var reusedPages = 0
    public private(set) var renderedPages = 0
    /// Of the reused pages, those taken without making their view (skeleton and text the same).
    public private(set) var reusedWithoutView = 0

    /// An in-memory cache, for builds in one process.
    public convenience init() { self.init(keepsPages: true) }

    init(keepsPages: Bool, searchTokenizer: SharedSearchTokenizer = SharedSearchTokenizer(),
         yaml: [UInt64: [UInt8]] = [:], markdown: [String: Markdown] = [:], pages: [String: Page] = [:],
         linkChecks: [String: (key: UInt64, diagnostics: [Diagnostic])] = [:], formats: [String: FormatPart] = [:],
         remembered: [String: RememberedDocument] = [:]) {
        self.keepsPages = keepsPages
        self.remembered = remembered
        self.formats = formats
        self.linkChecks = linkChecks
        self.searchTokenizer = searchTokenizer
        self.yaml = yaml
        self.markdown = markdown
        self.pages = pages
    }

    func beginBuild() {
        lock.locked {
            // The sections read describe the tables before the first build only.
            if stored?.built == true { stored = nil }
            // Room for as many entries as the last build had: growing a table of 10,000 entries
            // step by step hashes every key again at each step.
            nextYAML = .init(minimumCapacity: yaml.count)
            nextFormats = [:]
            nextLinkChecks = .init(minimumCapacity: linkChecks.count)
            nextDocuments = .init(minimumCapacity: documents.count)
            nextRemembered = .init(minimumCapacity: remembered.count)
            nextMarkdown = .init(minimumCapacity: markdown.count)
            nextPages = .init(minimumCapacity: pages.count)
            reusedPages = 0
            renderedPages = 0
            reusedWithoutView = 0
        }
    }

    /// Starts decoding the stored tables rendering needs.
    func decodeLater(_ decode: @escaping @Sendable () -> DecodedTables?) {
        lock.locked { pendingTables = Pending(decode) }
    }

    /// Takes the tables `decodeLater` decoded (waiting for them), before any stage reads them;
    /// damaged ones are dropped with the sections they came from. Called when no stage runs.
    func awaitStoredTables() {
        lock.locked {
            guard let pending = pendingTables else { return }
            pendingTables = nil
            guard let tables = pending.value else {
                stored = nil
                return
            }
            markdown = tables.markdown
            pages = tables.pages
            linkChecks = tables.linkChecks
            formats = tables.formats
            nextMarkdown.reserveCapacity(markdown.count)
            nextPages.reserveCapacity(pages.count)
            nextLinkChecks.reserveCapacity(linkChecks.count)
        }
    }

    /// Makes this build's tables the ones the next build reads; returns the last build's, for the
    /// caller to let go (or leave until exit).
    @discardableResult
    func endBuild() -> Any {
        awaitStoredTables()
        return lock.locked { () -> Any in
            let old: Any = (remembered, yaml, formats, linkChecks, documents, markdown, pages)
            if stored != nil {
                stored!.built = true
                // Every key of both versions of each table is hashed for its bucket: the tables side by side.
                let resized = parallelMap([
                    { ChangedBuckets.resized(self.yaml, self.nextYAML) { StoreSection.bucket($0) } },
                    { ChangedBuckets.resized(self.markdown, self.nextMarkdown) { StoreSection.bucket($0) } },
                    { ChangedBuckets.resized(self.linkChecks, self.nextLinkChecks) { StoreSection.bucket($0) } },
                    { ChangedBuckets.resized(self.pages, self.nextPages) { StoreSection.bucket($0) } },
                    { ChangedBuckets.resized(self.remembered, self.nextRemembered) { StoreSection.bucket($0) } },
                ] as [() -> Set<Int>]) { $0() }
                stored!.changed.yaml.formUnion(resized[0])
                stored!.changed.markdown.formUnion(resized[1])
                stored!.changed.linkChecks.formUnion(resized[2])
                stored!.changed.pages.formUnion(resized[3])
                stored!.changed.documents.formUnion(resized[4])
            }
            remembered = nextRemembered
            yaml = nextYAML
            formats = nextFormats
            linkChecks = nextLinkChecks
            documents = nextDocuments
            markdown = nextMarkdown
            pages = nextPages
            return old
        }
    }

    /// Keeps the sections a store was read from, so unchanged ones are saved as they are.
    func keepStoredSections(_ bytes: [ArraySlice<UInt8>], termCount: Int) {
        lock.locked { stored = StoredSections(bytes: bytes, termCount: termCount) }
    }

    /// A section's bytes as read, when the one build since reading left all its entries as they were.
    func storedSection(_ index: Int, _ section: StoreSection) -> ArraySlice<UInt8>? {
        lock.locked {
            guard let stored, stored.built, index < stored.bytes.count else { return nil }
            switch section {
            case .terms: return searchTokenizer.finished.terms.count == stored.termCount ? stored.bytes[index] : nil
            case .formats: return nil
            default: return stored.changed.contains(section) ? nil : stored.bytes[index]
            }
        }
    }

    /// The record of a page after the last build.
    func pageRecord(_ path: String) -> Page? { pages[path] }

    var rememberedTable: [String: RememberedDocument] { lock.locked { remembered } }

    func storedDocument(_ key: String, stamp: UInt64, size: Int) -> (RememberedDocument, YAMLMap)? {
        guard !keepsPages, stamp != 0, let hit = remembered[key], hit.stamp == stamp, hit.size == size,
              let blob = yaml[hit.yamlKey], case .map(let map)?? = Self.yamlValue(blob) else { return nil }
        lock.locked {
            nextRemembered[key] = hit
            nextYAML[hit.yamlKey] = blob
        }
        return (hit, map)
    }

    func storeDocument(_ key: String, _ document: RememberedDocument) {
        guard !keepsPages else { return }
        lock.locked {
            nextRemembered[key] = document
            if remembered[key] != document { stored?.changed.documents.insert(StoreSection.bucket(key)) }
        }
    }

    /// The tables as they are after a build, for saving.
    var tables: (yaml: [UInt64: [UInt8]], markdown: [String: Markdown], pages: [String: Page],
                 linkChecks: [String: (key: UInt64, diagnostics: [Diagnostic])]) {
        awaitStoredTables()
        return lock.locked { (yaml, markdown, pages, linkChecks) }
    }

    var formatTable: [String: FormatPart] {
        awaitStoredTables()
        return lock.locked { formats }
    }

    /// The files of a format part made last time with the same key, kept (or, in memory, given
    /// back); nil when the key differs or a file cannot be kept.
    func reuseFiles(_ part: String, key: UInt64, keep: (String, Int) -> Bool) -> (made: [OutputFile], kept: [String])? {
        guard let hit = formats[part], hit.key == key else { return nil }
        var made: [OutputFile] = []
        var kept: [String] = []
        for file in hit.files {
            if let bytes = file.bytes { made.append(OutputFile(file.path, bytes: bytes)) } else if keep(file.path, file.size) {
                kept.append(file.path)
            } else {
                return nil
            }
        }
        lock.locked { nextFormats[part] = hit }
        return (made, kept)
    }

    /// Keeps each made file's path and size, and in memory its bytes.
    func storeFiles(_ part: String, key: UInt64, _ files: [(path: String, size: Int, bytes: [UInt8]?)]) {
        let entries = files.map { (path: $0.path, size: $0.size, bytes: keepsPages ? $0.bytes : nil) }
        lock.locked { nextFormats[part] = FormatPart(key: key, files: entries) }
    }

    var remembers: Bool { true }

    /// A page's link check findings from the last build, if its key is the same.
    func linkCheck(_ path: String, key: UInt64) -> [Diagnostic]? {
        guard let hit = linkChecks[path], hit.key == key else { return nil }
        lock.locked { nextLinkChecks[path] = hit }
        return hit.diagnostics
    }

    func storeLinkCheck(_ path: String, key: UInt64, _ diagnostics: [Diagnostic]) {
        lock.locked {
            nextLinkChecks[path] = (key, diagnostics)
            if let old = linkChecks[path], old.key == key, old.diagnostics == diagnostics { return }
            stored?.changed.linkChecks.insert(StoreSection.bucket(path))
        }
    }

    /// Front matter parsed, or taken from the cache when the same text was parsed before
    /// (failures are not kept: their messages come from parsing).
    func frontMatter(_ text: String, firstLine: Int, parse: () throws(YAMLError) -> YAMLValue?) throws(YAMLError) -> YAMLValue? {
        // In memory, whole documents are kept (`document`); the store keeps front matter instead.
        guard !keepsPages else { return try parse() }
        let key = LoadedDocument.yamlKey(text, firstLine: firstLine)
        if let hit = yaml[key], let value = Self.yamlValue(hit) {
            lock.locked { nextYAML[key] = hit }
            return value
        }
        let value = try parse()
        let blob = Self.yamlBlob(value)
        lock.locked {
            nextYAML[key] = blob
            stored?.changed.yaml.insert(StoreSection.bucket(key))
        }
        return value
    }

    func document(_ path: String, hash: UInt64, stamp: UInt64, size: Int,
                  load: () -> (LoadedDocument?, [Diagnostic])) -> (LoadedDocument?, [Diagnostic]) {
        guard keepsPages else { return load() }
        if var hit = documents[path], hit.hash == hash {
            (hit.stamp, hit.size) = (stamp, size)
            lock.locked { nextDocuments[path] = hit }
            return hit.result
        }
        let result = load()
        lock.locked { nextDocuments[path] = Document(hash: hash, result: result, stamp: stamp, size: size) }
        return result
    }

    /// The document read last time, without reading the file, when its stamp (modification time
    /// and inode, or a write counter in memory) and size are as they were. The preview server's
    /// rebuilds then read only the files that were written.
    func document(_ path: String, stamp: UInt64, size: Int) -> (LoadedDocument?, [Diagnostic])? {
        guard keepsPages, stamp != 0, let hit = documents[path], hit.stamp == stamp, hit.size == size else { return nil }
        lock.locked { nextDocuments[path] = hit }
        return hit.result
    }

    func markdown(_ body: MarkdownBody, renderer: MarkdownRenderer, resolver: LinkResolver, language: SearchLanguage) -> PageMarkdown {
        let textHash = renderer.key(of: body)
        let path = body.source.path
        if let hit = markdown[path], hit.textHash == textHash, hit.unsafeHTML == renderer.unsafeHTML,
           hit.source == body.source, hit.search.language == language,
           hit.links.allSatisfy({ resolver.resolve($0.href, from: body.source, isImage: $0.isImage) == $0.target }) {
            lock.locked { nextMarkdown[path] = hit }
            // Without the HTML, it is made again only if a page that shows it is rendered.
            // Its own copy of the text: the feed may make the HTML after the bodies are let go.
            let kept = body.detached()
            let html = hit.html.map { MarkdownHTML($0, hash: hit.htmlHash) }
                ?? MarkdownHTML(hash: hit.htmlHash) { renderer.render(kept).htmlBytes }
            return PageMarkdown(html: html, headings: hit.headings, anchors: hit.anchors, diagnostics: hit.diagnostics,
                                search: hit.search, textHash: textHash)
        }
        let recorder = LinkRecorder()
        var recording = renderer
        recording.resolve = { href, source, isImage in
            let target = resolver.resolve(href, from: source, isImage: isImage)
            recorder.links.append((href, isImage, target))
            return target
        }
        let rendered = recording.render(body)
        let html = MarkdownHTML(rendered.htmlBytes)
        let search = searchTokenizer.tokenize(rendered.plainTextBytes, headings: rendered.headings, language: language)
        lock.locked {
            stored?.changed.markdown.insert(StoreSection.bucket(path))
            nextMarkdown[path] = Markdown(textHash: textHash, unsafeHTML: renderer.unsafeHTML, source: body.source,
                                          links: recorder.links, htmlHash: html.hash, html: keepsPages ? rendered.htmlBytes : nil,
                                          headings: rendered.headings, anchors: rendered.anchors,
                                          diagnostics: rendered.diagnostics, search: keepsPages ? search : search.withoutFile)
        }
        return PageMarkdown(html: html, headings: rendered.headings, anchors: rendered.anchors,
                            diagnostics: rendered.diagnostics, search: search, textHash: textHash)
    }

    /// The page at `path`, from the cache when its key is the same (and, without kept HTML, when
    /// `keep` could take its file over from the last output), else rendered.
    /// - Returns: the HTML, or nil when the file was kept.
    func page(_ path: String, key: UInt64, quickKey: UInt64, keep: (Int) -> Bool,
              render: () -> ([UInt8], HTMLReferences)) -> ([UInt8]?, HTMLReferences) {
        if var hit = pages[path], hit.key == key, hit.html != nil || keep(hit.size) {
            let quickKeyChanged = hit.quickKey != quickKey
            hit.quickKey = quickKey
            lock.locked {
                if quickKeyChanged { stored?.changed.pages.insert(StoreSection.bucket(path)) }
                nextPages[path] = hit
                reusedPages += 1
            }
            return (hit.html, hit.refs)
        }
        let (html, refs) = render()
        lock.locked {
            stored?.changed.pages.insert(StoreSection.bucket(path))
            nextPages[path] = Page(key: key, quickKey: quickKey, html: keepsPages ? html : nil,
                                   size: html.count, refs: refs)
            renderedPages += 1
        }
        return (html, refs)
    }

    /// The page at `path` when its quick key is the one it was made with (and its file can be kept).
    func reusePage(_ path: String, quickKey: UInt64, keep: (Int) -> Bool) -> Page? {
        guard let hit = pages[path], hit.quickKey == quickKey, hit.html != nil || keep(hit.size) else { return nil }
        lock.locked {
            nextPages[path] = hit
            reusedPages += 1
            reusedWithoutView += 1
        }
        return hit
    }

    /// What rendering a body gave last time, when its text, source and raw-HTML setting are the
    /// same. Its link answers are not asked again: the caller knows the skeleton is the same.
    func markdownRecord(_ source: SourceRef, textHash: UInt64, unsafeHTML: Bool, language: SearchLanguage) -> Markdown? {
        guard let hit = markdown[source.path], hit.textHash == textHash, hit.unsafeHTML == unsafeHTML,
              hit.source == source, hit.search.language == language else { return nil }
        lock.locked { nextMarkdown[source.path] = hit }
        return hit
    }
}

/// The answers the link resolver gave while one document was rendered (one thread at a time).
private final class LinkRecorder: @unchecked Sendable {
    var links: [(href: String, isImage: Bool, target: LinkTarget)] = []
}
