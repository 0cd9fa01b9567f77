/// What kind of content a Markdown file holds, from where it lies under content/.
public enum DocumentKind: String, Sendable, CaseIterable {
    case field, post, event, project, page, strategy, participation
}

/// A Markdown file read and split, its front matter parsed.
public struct LoadedDocument: Sendable {
    public var kind: DocumentKind
    public var source: SourceRef
    /// The slug from the file name.
    public var fileSlug: String
    /// The parsed front matter (nil when the file has none or it is empty).
    public var frontMatter: YAMLMap?
    public var body: String
    /// Hash of the file's bytes (`ContentHash.wide`), for incremental builds.
    public var hash: UInt64
    /// Hash of the front matter and where the body starts: everything but the body's text, which
    /// is all that other pages can see of a document (see `Builder.skeleton`).
    public var frontMatterHash: UInt64 = 0
    /// Set instead of `body` when the text is read only when a page needs it (a rebuild that knows
    /// the file has not changed), with `ContentHash.of` that text.
    var deferredBody: (@Sendable () -> String)?
    var bodyHash: UInt64 = 0
    /// How the parsed front matter is found again (`yamlKey`), and where the body begins in the
    /// file's text (UTF-8 bytes), for `RememberedDocument`.
    var yamlKey: UInt64 = 0
    var bodyOffset = 0

    static func frontMatterHash(_ split: FrontMatterSplit) -> UInt64 {
        ContentHash.mix(yamlKey(split.yaml, firstLine: split.yamlFirstLine), UInt64(split.bodyFirstLine))
    }

    /// The front matter's text and where it starts: how parsed front matter is found again.
    static func yamlKey(_ yaml: String, firstLine: Int) -> UInt64 { ContentHash.of(yaml, seed: UInt64(firstLine)) }
}

/// Everything read from the content folder, before it is given meaning.
public struct LoadedContent: Sendable {
    public var config: YAMLValue?
    public var documents: [LoadedDocument]
    public var assets: [Asset]
    public var diagnostics: [Diagnostic]
    /// Hash of site.yml's bytes.
    public var configHash: UInt64
}

/// Stage 1: read the content tree once, split front matter from body, parse the YAML.
public struct ContentLoader: Sendable {
    /// Largest Markdown file accepted (documented in README.md).
    public static let maxMarkdownBytes = 4 * 1024 * 1024

    public var fileSystem: any FileSystem
    /// The content folder on disk.
    public var root: String
    /// How the folder is named in messages (`content`).
    public var displayRoot: String
    /// Documents and front matter from earlier builds, reused when their bytes are the same.
    var memo: any LoadMemo = NoMemo()
    /// The folder's files when the caller listed them already (the build's input stamp): not listed twice.
    var listed: [FileEntry]?

    public init(fileSystem: any FileSystem, root: String, displayRoot: String) {
        self.fileSystem = fileSystem
        self.root = root
        self.displayRoot = displayRoot
    }

    func display(_ relative: String) -> String { displayRoot.isEmpty ? relative : displayRoot + "/" + relative }

    public func load() -> LoadedContent {
        var diagnostics: [Diagnostic] = []
        if fileSystem.fileExists(root), !fileSystem.isDirectory(root) {
            return LoadedContent(config: nil, documents: [], assets: [], diagnostics: [
                .error(displayRoot, "'\(root)' is a file, not the content folder; run sitegen in the site's folder or pass --source DIR"),
            ], configHash: 0)
        }
        let listing: [FileEntry]
        do {
            if let listed {
                listing = listed
            } else {
                let result = try fileSystem.listFiles(under: root)
                listing = result.files
                diagnostics += result.problems.map { .error(display($0.path), $0.message) }
            }
        } catch {
            return LoadedContent(config: nil, documents: [], assets: [], diagnostics: [
                .error(displayRoot, Self.missingFolderMessage(root)),
            ], configHash: 0)
        }

        var markdown: [(FileEntry, DocumentKind)] = []
        var assets: [Asset] = []
        var config: (value: YAMLValue?, hash: UInt64)?
        for entry in listing {
            let path = entry.relativePath
            switch ContentFileRole.of(path) {
            case .config: config = readConfig(path, &diagnostics)
            case .document(let kind): markdown.append((entry, kind))
            case .misplacedMarkdown: diagnostics.append(.warning(display(path), Self.misplacedMessage(path)))
            case .misnamedMarkdown(let fixed):
                // Not copied as it is: a draft would go public as raw text.
                diagnostics.append(.error(display(path), "a page's Markdown file must end in .md (lower case); rename it to '\(fixed)'"))
            case .junk: continue
            case .rawPicture(let format):
                diagnostics.append(.error(display(path), ContentFileRole.rawPictureMessage(format)))
            case .attachment, .download: assets.append(Asset(path: path, size: entry.size, needsLink: true))
            case .asset: assets.append(Asset(path: path, size: entry.size))
            }
        }
        if config == nil {
            // A folder inside the content folder, or around it: one message, not one per stray file.
            let check = ContentRootCheck(fileSystem: fileSystem, root: root, displayRoot: displayRoot)
            if let wrong = check.wrongRoot(listing, documentsFound: !markdown.isEmpty) {
                return LoadedContent(config: nil, documents: [], assets: [], diagnostics: [wrong], configHash: 0)
            }
            diagnostics.append(.error(display("site.yml"), "site.yml is missing; create it with at least title and base_url (see README.md, \"site.yml\")"))
        }

        let results = parallelMap(markdown) { entry, kind in readDocument(entry, kind: kind) }
        var documents: [LoadedDocument] = []
        for result in results {
            diagnostics += result.1
            if let doc = result.0 { documents.append(doc) }
        }
        return LoadedContent(config: config?.value, documents: documents, assets: assets, diagnostics: diagnostics,
                             configHash: config?.hash ?? 0)
    }

    /// A file named `index.md` (Hugo's habit) or a name that is not a slug: the address it gets, and the fix.
    static func fileNameWarnings(_ path: String, stem: String, slug: String, file: String) -> [Diagnostic] {
        // Hugo names a page after its folder (`mein-beitrag/index.md`); sitegen after its file.
        let parts = path.pathParts
        if stem == "index" || stem == "_index" {
            let folder = parts.count > 2 ? String(parts[parts.count - 2]) : ""
            let named = folder.isEmpty || folder.allSatisfy(\.isNumber)
                ? parts.dropLast().joined(separator: "/") + "/mein-beitrag.md"
                : parts.dropLast(2).joined(separator: "/") + "/" + Slug.make(folder) + ".md"
            return [.warning(file, "a page is named after its file, so this one is published as 'index'; name the file after its content, e.g. '\(named)'")]
        }
        // `foo.EN.md`: meant as the English `foo.md`, but published as a German page of its own.
        if !Variant.isMarked(stem: stem), let (base, mark) = ContentFileRole.languageMark(Substring(stem)), mark != String(stem.suffix(2)) {
            let name = parts.dropLast().map { $0 + "/" }.joined() + base + "." + mark + ".md"
            return [.error(file, "file name '\(stem)' has a language mark in capitals, so it would be published as a page of the site's own language; a translation is named '\(name)'")]
        }
        // `foo.en.md` is the English `foo.md` (the model stage says so when no version takes it).
        if slug != stem && !Variant.isMarked(stem: stem) {
            return [.warning(file, "file name '\(stem)' is not a slug; it is published as '\(slug)'. Rename the file to '\(slug).md' to keep the address stable")]
        }
        return []
    }

    /// site.yml parsed (nil on errors, which go to `diagnostics`), with the hash of its bytes.
    private func readConfig(_ path: String, _ diagnostics: inout [Diagnostic]) -> (value: YAMLValue?, hash: UInt64) {
        let file = display(path)
        do {
            let bytes = try fileSystem.readFile(root + "/" + path)
            let hash = ContentHash.mix(ContentHash.seed, file: bytes)
            guard let text = FrontMatter.decodeText(bytes) else {
                diagnostics.append(.error(file, line: 1, "site.yml is not UTF-8 text; save it as UTF-8"))
                return (nil, hash)
            }
            let config = try YAMLReader.parse(text, firstLine: 1)
            if let config {
                diagnostics += YAMLHints.cutByComment(config, yaml: text, firstLine: 1).map { .warning(file, line: $0.line, $0.message) }
            }
            return (config, hash)
        } catch let e as YAMLError {
            diagnostics.append(.error(file, line: e.line, column: e.column, e.message))
        } catch {
            diagnostics.append(.error(file, "\(error)"))
        }
        return (nil, 0)
    }

    static func misplacedMessage(_ path: String) -> String {
        let top = path.pathParts.first.map(String.init) ?? ""
        let name = path.pathParts.last.map(String.init) ?? path
        if ["fields", "projects", "pages", "participation"].contains(top) {
            return "\(top)/ takes no subfolders, so this file is ignored; move it to \(top)/\(name)"
        }
        // `Posts/`, `Veranstaltungen/`: a known folder in capitals, or named like its address.
        if path.pathParts.count > 1, let meant = folderMeant(Slug.make(top)) {
            return "the folder \(top)/ is no known folder, so this file is ignored; rename the folder to \(meant)/"
        }
        return "Markdown file outside the known folders (fields, posts, events, projects, participation, pages) is ignored; move it to pages/ to publish it"
    }

    /// The content folder a folder name means, written otherwise (`Posts`, `beitraege`, `veranstaltungen`).
    static func folderMeant(_ slug: String) -> String? {
        let names: [String: [String]] = [
            "posts": ["posts", "post", "blog", "beitraege", "beitrag", "artikel", "news", "aktuelles"],
            "events": ["events", "event", "veranstaltungen", "veranstaltung", "termine", "termin"],
            "projects": ["projects", "project", "projekte", "projekt"], "pages": ["pages", "page", "seiten", "seite"],
            "fields": ["fields", "field", "handlungsfelder", "handlungsfeld"],
            "participation": ["participation", "mitmachen", "beteiligung", "beteiligungen"],
        ]
        return names.first { $0.value.contains(slug) }?.key
    }

    /// fields/x.md, posts/**/x.md, events/**/x.md, projects/x.md, pages/x.md, participation/x.md, strategy.md.
    static func kind(of path: String) -> DocumentKind? { kind(parts: path.pathParts) }

    /// `kind(of:)` for a path already split into its parts (`ContentFileRole.of` splits every file's).
    static func kind(parts: [Substring]) -> DocumentKind? {
        if parts.count == 1 {
            if parts[0] == EasyRead.homeFile { return .page }
            return parts[0] == "strategy.md" || Variant.of(String(parts[0]))?.original == "strategy.md" ? .strategy : nil
        }
        switch parts[0] {
        case "fields" where parts.count == 2: return .field
        case "posts": return .post
        case "events": return .event
        case "projects" where parts.count == 2: return .project
        case "pages" where parts.count == 2: return .page
        case "participation" where parts.count == 2: return .participation
        default: return nil
        }
    }

    /// What every command says when there is no content folder (`build`, `new`, `serve`).
    public static func missingFolderMessage(_ root: String) -> String {
        "content folder '\(root)' does not exist; run sitegen in the site's folder or pass --source DIR"
    }

    /// The folder under content/ that holds documents of `kind` (`kind(of:)` the other way round).
    static func folder(of kind: DocumentKind) -> String {
        switch kind {
        case .field: "fields"
        case .post: "posts"
        case .event: "events"
        case .project: "projects"
        case .page: "pages"
        case .participation: "participation"
        case .strategy: ""
        }
    }

    private func readDocument(_ entry: FileEntry, kind: DocumentKind) -> (LoadedDocument?, [Diagnostic]) {
        let file = display(entry.relativePath)
        let key = entry.relativePath + "\u{0}" + file
        if let hit = memo.document(key, stamp: entry.stamp, size: entry.size) { return hit }
        if let (stored, frontMatter) = memo.storedDocument(key, stamp: entry.stamp, size: entry.size) {
            return (deferred(stored, frontMatter, entry), stored.diagnostics)
        }
        if entry.size > Self.maxMarkdownBytes {
            return (nil, [.error(file, "file is \(GermanText.fileSize(entry.size)), more than the limit of 4 MB for a Markdown file; split it or move large data into a download")])
        }
        let bytes: [UInt8]
        do { bytes = try fileSystem.readFile(root + "/" + entry.relativePath) } catch {
            // The message names the file already; the error's own path would say it twice.
            let reason = (error as? FileSystemError)?.readProblem ?? "\(error)"
            return (nil, [.error(file, "file cannot be read (\(reason))")])
        }
        // One hash of the bytes serves the state fingerprint and the cache key (the four-lane
        // hash: FNV-1a's byte-by-byte chain was a tenth of loading).
        let hash = bytes.withUnsafeBytes { ContentHash.wide($0) }
        let result = memo.document(key, hash: hash, stamp: entry.stamp, size: entry.size) {
            parseDocument(entry, kind: kind, bytes: bytes, hash: hash)
        }
        if let doc = result.0 { memo.storeDocument(key, remembered(doc, entry, result.1)) }
        return result
    }

    private func remembered(_ doc: LoadedDocument, _ entry: FileEntry, _ diagnostics: [Diagnostic]) -> RememberedDocument {
        RememberedDocument(stamp: entry.stamp, size: entry.size, hash: doc.hash, frontMatterHash: doc.frontMatterHash,
                                  yamlKey: doc.yamlKey, kind: doc.kind, source: doc.source, fileSlug: doc.fileSlug, diagnostics: diagnostics,
                                  bodyOffset: doc.bodyOffset, bodyHash: ContentHash.of(doc.body))
    }

    /// A document the last build read, its body read from the file when first needed.
    private func deferred(_ stored: RememberedDocument, _ frontMatter: YAMLMap, _ entry: FileEntry) -> LoadedDocument {
        let (fileSystem, path, offset) = (self.fileSystem, root + "/" + entry.relativePath, stored.bodyOffset)
        var doc = LoadedDocument(kind: stored.kind, source: stored.source, fileSlug: stored.fileSlug, frontMatter: frontMatter,
                                 body: "", hash: stored.hash, frontMatterHash: stored.frontMatterHash)
        doc.bodyHash = stored.bodyHash
        doc.deferredBody = {
            guard let bytes = try? fileSystem.readFile(path), let text = FrontMatter.decodeText(bytes), offset <= text.utf8.count else { return "" }
            return String(text[text.utf8.index(text.utf8.startIndex, offsetBy: offset)...])
        }
        return doc
    }

    private func parseDocument(_ entry: FileEntry, kind: DocumentKind, bytes: [UInt8], hash: UInt64) -> (LoadedDocument?, [Diagnostic]) {
        let file = display(entry.relativePath)
        guard let text = FrontMatter.decodeText(bytes) else { return (nil, [Self.notText(bytes, file: file)]) }
        let fileName = entry.relativePath.pathParts.last!
        let stem = String(fileName.dropLast(3))
        let slug = Slug.make(stem)
        var diagnostics: [Diagnostic] = []
        if slug.isEmpty {
            return (nil, [.error(file, "file name gives no usable slug; name it with letters or digits, e.g. mein-beitrag.md")])
        }
        diagnostics += Self.fileNameWarnings(entry.relativePath, stem: stem, slug: slug, file: file)
        let split: FrontMatterSplit
        do { split = try FrontMatter.split(text) } catch {
            return (nil, diagnostics + [.error(file, line: error.line, error.message)])
        }
        let source = SourceRef(path: entry.relativePath, display: file, bodyFirstLine: split.bodyFirstLine)
        if !split.hasFrontMatter {
            let message = text.trimmingSpaces.isEmpty
                ? "file is empty; it needs front matter between two --- lines with at least a title"
                : "front matter is missing; start the file with a line '---', the keys (e.g. title: …), and another '---'"
            return (nil, diagnostics + [.error(file, line: 1, message)])
        }
        let map: YAMLMap
        switch frontMatterMap(split, file: file) {
        case .success(let m): map = m
        case .failure(let problem): return (nil, diagnostics + [problem.diagnostic])
        }
        let hints = YAMLHints.cutByComment(.map(map), yaml: split.yaml, firstLine: split.yamlFirstLine)
            + YAMLHints.continuedListEntries(.map(map), yaml: split.yaml, firstLine: split.yamlFirstLine)
        diagnostics += hints.map { .warning(file, line: $0.line, $0.message) }
        var located = source
        for entry in map.entries { located.keyLines[entry.key] = entry.keyLine }
        var doc = LoadedDocument(kind: kind, source: located, fileSlug: slug, frontMatter: map, body: split.body, hash: hash,
                                 frontMatterHash: LoadedDocument.frontMatterHash(split))
        doc.yamlKey = LoadedDocument.yamlKey(split.yaml, firstLine: split.yamlFirstLine)
        doc.bodyOffset = text.utf8.count - split.body.utf8.count
        return (doc, diagnostics)
    }
}

extension ContentLoader {
    /// Why a Markdown file's bytes are not text.
    static func notText(_ bytes: [UInt8], file: String) -> Diagnostic {
        // Windows editors save "Unicode" as UTF-16, with a byte order mark and a zero in every other byte.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .error(file, "file is saved as UTF-16 (\"Unicode\"); save it as UTF-8")
        }
        let message = bytes.contains(0)
            ? "file is not text (it looks like a binary file named .md); remove it or give it its real extension"
            : "file is not valid UTF-8 text; save it as UTF-8 (line \(firstInvalidUTF8Line(bytes)))"
        return .error(file, line: bytes.contains(0) ? nil : firstInvalidUTF8Line(bytes), message)
    }

    struct FrontMatterProblem: Error {
        let diagnostic: Diagnostic
    }

    /// The front matter's keys, parsed (or found again in the memo), or the error that says why not.
    func frontMatterMap(_ split: FrontMatterSplit, file: String) -> Result<YAMLMap, FrontMatterProblem> {
        func failure(_ line: Int?, column: Int? = nil, _ message: String) -> Result<YAMLMap, FrontMatterProblem> {
            .failure(FrontMatterProblem(diagnostic: .error(file, line: line, column: column, message)))
        }
        do {
            let parsed = try memo.frontMatter(split.yaml, firstLine: split.yamlFirstLine) { () throws(YAMLError) in
                try YAMLReader.parse(split.yaml, firstLine: split.yamlFirstLine)
            }
            switch parsed {
            case .map(let m)?: return .success(m)
            case nil, .null?: return failure(1, "front matter is empty; add at least 'title: …'")
            case let other?: return failure(other.line, "front matter must be keys with values (like 'title: …'), but is \(other.kindName)")
            }
        } catch {
            // A parser's error at or after the text means the closing `---` is missing above it.
            if let start = FrontMatter.textStart(inYAML: split.yaml, firstLine: split.yamlFirstLine), let line = error.line, line >= start {
                return failure(start, "front matter is not closed before the text: add a line with three dashes (---) above line \(start)")
            }
            return failure(error.line, column: error.column, error.message)
        }
    }
}

/// Line of the first byte sequence that is not UTF-8.
func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
    var line = 1
    var i = 0
    while i < bytes.count {
        let b = bytes[i]
        let length: Int
        if b < 0x80 { length = 1 } else if b & 0xE0 == 0xC0 { length = 2 } else if b & 0xF0 == 0xE0 { length = 3 } else if b & 0xF8 == 0xF0 { length = 4 } else { return line }
        if i + length > bytes.count { return line }
        for k in 1..<max(1, length) where bytes[i + k] & 0xC0 != 0x80 { return line }
        if b == 10 { line += 1 }
        i += length
    }
    return line
}


