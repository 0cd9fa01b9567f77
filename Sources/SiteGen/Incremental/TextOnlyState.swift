#if canImport(Glibc)
import Glibc
#endif

/// What a text-only rebuild (`TextOnlyRebuild`) needs of the last build, kept beside the output
/// (`.public.sitegen-texts`):
/// - every input file's size and stamp, to see which files were written since;
/// - what links can point at (where each source is published, the assets, the site's files),
///   so a changed text can be rendered and its page checked without the model (`Links`);
/// - for each item page whose body can be replaced in place: its front matter's hash, its text's
///   hash, where the body stands in the page's file, its ids, its place in the search index, and
///   the messages the page gave, to be replaced by the new ones (`Item`).
/// Only the stamps are read on every build; the links and an item are decoded when a rebuild
/// needs them. The pipeline writes the whole file after every successful build; a text-only
/// rebuild appends what it changed (new stamps, items, links) to a journal beside it
/// (`.public.sitegen-texts.journal`), which `read` applies. Together they describe the output exactly.
struct TextOnlyState {
    static let magic = "sitegen-texts 2\n"

    struct Links {
        var basePath: String
        var baseURL: String
        var unsafeHTML: Bool
        /// Folder of the search index under the output (`suche/suchindex/`).
        var searchFolder: String
        var pathBySource: [String: String]
        var excludedSources: [String: String]
        var assets: [String]
        /// Every file of the output.
        var outputs: [String]
    }

    struct Item {
        var source: SourceRef
        var frontMatterHash: UInt64
        var textHash: UInt64
        /// The page's path (`blog/2026/x/`), its file's size and where the body stands in it.
        var page: String
        var pageSize: Int
        var body: BodyRange
        /// Order-free hash of the page's ids: other pages' anchors stay right while it is the same.
        var idsHash: UInt64
        /// Number in the search index (nil: not indexed), the texts it is found by besides the
        /// body (title, summary, …, with weights), and whether its excerpt is the body's start.
        var searchDoc: Int?
        var searchTexts: [(String, Int)] = []
        var excerptFromBody = false
        /// The page's messages: its Markdown's and its link check's.
        var findings: [Diagnostic]
    }

    /// The program and the options that made the output.
    var program: String
    var options: String
    /// Every input file, per folder (content, templates).
    var inputs: [(root: String, files: [FileEntry])]
    /// `Links` and each item, encoded (items by source path, in the order they were added).
    private var data: [UInt8]
    private var linksRange: Range<Int>
    private var itemRanges: [(path: String, range: Range<Int>)]
    private var itemIndex: [String: Int]
    /// Items replaced since the file was written (by the journal or this build), encoded on their own.
    private var replaced: [Int: [UInt8]] = [:]
    private var newLinks: [UInt8]?
    /// Journal records of this build, not yet appended.
    private var pending = ByteWriter()
    private var hasPending = false
    /// Bytes of the journal when it was read.
    private(set) var journalSize = 0

    init(program: String, options: String, inputs: [(root: String, files: [FileEntry])], links: Links, items: [Item]) {
        self.program = program
        self.options = options
        self.inputs = inputs
        var data = Self.encode(links)
        linksRange = 0..<data.count
        itemRanges = []
        for item in items {
            let bytes = Self.encode(item)
            itemRanges.append((item.source.path, data.count..<(data.count + bytes.count)))
            data += bytes
        }
        self.data = data
        itemIndex = Dictionary(itemRanges.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func path(forOutput output: String) -> String {
        BuildState.path(forOutput: output).replacingAll(".sitegen-state", with: ".sitegen-texts")
    }

    static func journalPath(_ path: String) -> String { path + ".journal" }

    /// The state with its journal applied; nil when either is missing or damaged.
    static func read(_ path: String) -> TextOnlyState? {
        guard let data = try? LocalFileSystem().readFile(path), var state = try? decode(data) else { return nil }
        if let journal = try? LocalFileSystem().readFile(journalPath(path)) {
            guard (try? state.apply(journal: journal)) != nil else { return nil }
            state.journalSize = journal.count
        }
        return state
    }

    /// Writes the whole state (and drops the journal).
    @discardableResult
    func save(_ path: String) -> Bool {
        unlink(Self.journalPath(path))
        return writeFileAtomically(path, encoded())
    }

    /// Appends this build's changes to the journal; once the journal has grown past `limit`
    /// bytes, writes the whole state instead.
    @discardableResult
    func saveChanges(_ path: String, limit: Int = journalLimit) -> Bool {
        guard hasPending else { return true }
        if journalSize > limit { return save(path) }
        let bytes = pending.body
        let fd = open(Self.journalPath(path), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count
    }

    /// Past this size the journal is folded into the state (about a thousand mended texts).
    static let journalLimit = 1 << 20

    static func remove(_ path: String) {
        unlink(path)
        unlink(journalPath(path))
    }

    // MARK: Reading parts

    var itemPaths: [String] { itemRanges.map(\.path) }

    func links() -> Links? {
        if let newLinks { return try? Self.decodeLinks(newLinks[...]) }
        return try? Self.decodeLinks(data[linksRange])
    }

    func item(_ path: String) -> Item? {
        guard let i = itemIndex[path] else { return nil }
        if let bytes = replaced[i] { return try? Self.decodeItem(bytes[...]) }
        return try? Self.decodeItem(data[itemRanges[i].range])
    }

    mutating func replace(_ item: Item) {
        guard let i = itemIndex[item.source.path] else { return }
        let bytes = Self.encode(item)
        replaced[i] = bytes
        record(.item) { $0.string(item.source.path); $0.bytes(bytes) }
    }

    mutating func setLinks(_ links: Links) {
        let bytes = Self.encode(links)
        newLinks = bytes
        record(.links) { $0.bytes(bytes) }
    }

    /// New stamps for the files of `listing` (the same files as `inputs`, in the same order).
    mutating func updateInputs(_ listing: [(root: String, files: [FileEntry])]) {
        for (r, (root, files)) in listing.enumerated() where r < inputs.count && inputs[r].files.count == files.count {
            for (i, f) in files.enumerated() where inputs[r].files[i] != f {
                inputs[r].files[i] = f
                record(.stamp) { $0.string(root); $0.string(f.relativePath); $0.int(f.size); $0.u64(f.stamp) }
            }
        }
    }

    // MARK: Journal

    private enum Record: Int { case stamp = 1, item = 2, links = 3 }

    private mutating func record(_ kind: Record, _ payload: (inout ByteWriter) -> Void) {
        pending.inlineStrings = true
        pending.int(kind.rawValue)
        payload(&pending)
        hasPending = true
    }

    private mutating func apply(journal: [UInt8]) throws {
        var r = try ByteReader(journal, table: false)
        r.inlineStrings = true
        while !r.atEnd {
            switch Record(rawValue: try r.int()) {
            case .stamp?:
                let root = try r.string(), path = try r.string(), size = try r.int(), stamp = try r.u64()
                // The files are sorted by path (as listed): found by bisection.
                guard let ri = inputs.firstIndex(where: { $0.root == root }) else { throw ByteReader.Damaged() }
                let files = inputs[ri].files
                var low = 0, high = files.count
                while low < high {
                    let mid = (low + high) / 2
                    if files[mid].relativePath < path { low = mid + 1 } else { high = mid }
                }
                guard low < files.count, files[low].relativePath == path else { throw ByteReader.Damaged() }
                inputs[ri].files[low] = FileEntry(relativePath: path, size: size, stamp: stamp)
            case .item?:
                let path = try r.string()
                let bytes = try r.bytes()
                guard let i = itemIndex[path], (try? Self.decodeItem(bytes[...])) != nil else { throw ByteReader.Damaged() }
                replaced[i] = bytes
            case .links?:
                let bytes = try r.bytes()
                guard (try? Self.decodeLinks(bytes[...])) != nil else { throw ByteReader.Damaged() }
                newLinks = bytes
            case nil:
                throw ByteReader.Damaged()
            }
        }
    }

    // MARK: File

    func encoded() -> [UInt8] {
        var w = ByteWriter()
        w.inlineStrings = true
        w.string(program)
        w.string(options)
        w.int(inputs.count)
        for (root, files) in inputs {
            w.string(root)
            w.int(files.count)
            for f in files { w.string(f.relativePath); w.int(f.size); w.u64(f.stamp) }
        }
        w.bytes(newLinks ?? Array(data[linksRange]))
        w.int(itemRanges.count)
        for (i, item) in itemRanges.enumerated() {
            w.string(item.path)
            if let bytes = replaced[i] { w.bytes(bytes) } else { w.bytes(Array(data[item.range])) }
        }
        return Array(Self.magic.utf8) + w.finish()
    }

    static func decode(_ file: [UInt8]) throws -> TextOnlyState {
        let magic = Array(Self.magic.utf8)
        guard file.count > magic.count, Array(file[0..<magic.count]) == magic else { throw ByteReader.Damaged() }
        let data = file
        var r = try ByteReader(data, from: magic.count)
        r.inlineStrings = true
        let program = try r.string()
        let options = try r.string()
        let inputs = try r.count().map { _ in
            (root: try r.string(), files: try r.count().map { _ in FileEntry(relativePath: try r.string(), size: try r.int(), stamp: try r.u64()) })
        }
        let links = try r.byteRange()
        var items: [(path: String, range: Range<Int>)] = []
        for _ in try r.count() { items.append((try r.string(), try r.byteRange())) }
        guard r.atEnd else { throw ByteReader.Damaged() }
        return TextOnlyState(program: program, options: options, inputs: inputs, data: data, linksRange: links, itemRanges: items)
    }

    private init(program: String, options: String, inputs: [(root: String, files: [FileEntry])], data: [UInt8],
                 linksRange: Range<Int>, itemRanges: [(path: String, range: Range<Int>)]) {
        self.program = program
        self.options = options
        self.inputs = inputs
        self.data = data
        self.linksRange = linksRange
        self.itemRanges = itemRanges
        itemIndex = Dictionary(itemRanges.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    private static func encode(_ links: Links) -> [UInt8] {
        var w = ByteWriter()
        w.inlineStrings = true
        w.string(links.basePath)
        w.string(links.baseURL)
        w.bool(links.unsafeHTML)
        w.string(links.searchFolder)
        for table in [links.pathBySource, links.excludedSources] {
            w.int(table.count)
            for (k, v) in sortedByKey(table) { w.string(k); w.string(v) }
        }
        w.strings(links.assets)
        w.strings(links.outputs)
        return w.body
    }

    private static func decodeLinks(_ bytes: ArraySlice<UInt8>) throws -> Links {
        var r = try ByteReader(Array(bytes), table: false)
        r.inlineStrings = true
        let basePath = try r.string(), baseURL = try r.string(), unsafeHTML = try r.bool(), searchFolder = try r.string()
        var tables: [[String: String]] = []
        for _ in 0..<2 {
            var table: [String: String] = [:]
            for _ in try r.count() { table[try r.string()] = try r.string() }
            tables.append(table)
        }
        let links = Links(basePath: basePath, baseURL: baseURL, unsafeHTML: unsafeHTML, searchFolder: searchFolder,
                          pathBySource: tables[0], excludedSources: tables[1], assets: try r.strings(), outputs: try r.strings())
        guard r.atEnd else { throw ByteReader.Damaged() }
        return links
    }

    private static func encode(_ item: Item) -> [UInt8] {
        var w = ByteWriter()
        w.inlineStrings = true
        w.source(item.source)
        w.u64(item.frontMatterHash)
        w.u64(item.textHash)
        w.string(item.page)
        w.int(item.pageSize)
        w.int(item.body.offset)
        w.int(item.body.length)
        w.u64(item.idsHash)
        w.optionalInt(item.searchDoc)
        w.int(item.searchTexts.count)
        for (text, weight) in item.searchTexts { w.string(text); w.int(weight) }
        w.bool(item.excerptFromBody)
        w.diagnostics(item.findings)
        return w.body
    }

    private static func decodeItem(_ bytes: ArraySlice<UInt8>) throws -> Item {
        var r = try ByteReader(Array(bytes), table: false)
        r.inlineStrings = true
        let item = Item(source: try r.source(), frontMatterHash: try r.u64(), textHash: try r.u64(), page: try r.string(),
                        pageSize: try r.int(), body: BodyRange(offset: try r.int(), length: try r.int()), idsHash: try r.u64(),
                        searchDoc: try r.optionalInt(),
                        searchTexts: try r.count().map { _ in (try r.string(), try r.int()) },
                        excerptFromBody: try r.bool(), findings: try r.diagnostics())
        guard r.atEnd else { throw ByteReader.Damaged() }
        return item
    }

    /// Order-free hash of a page's ids.
    static func idsHash(_ ids: Set<String>) -> UInt64 {
        var h: UInt64 = 0
        for id in ids { h &+= ContentHash.of(id, seed: 11) }
        return h
    }
}
