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
    static let magic = "sitegen-texts 4\n"

    struct Links {
        var basePath: String
        var baseURL: String
        var unsafeHTML: Bool
        /// Folder of the search index under the output (`suche/suchindex/`).
        var searchFolder: String
        /// Where each source is published, why sources are not, the content's files (assets).
        var pathBySource: SortedTable
        var excludedSources: SortedTable
        var assets: SortedTable
        /// Every file of the output.
        var outputs: SortedTable
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
    /// Every input file, per folder (content, templates), in listing order: a hash of its path,
    /// size and stamp (`fileHash`), so no path is read back on every build.
    private(set) var inputs: [(root: String, hashes: [UInt64])]
    /// `Links`, encoded.
    private var linksBytes: ArraySlice<UInt8>
    /// Each item's encoded bytes, by source path (in the order they were added): in memory for a
    /// state this build made; for one read from disk, read from the file when asked for (the items
    /// are most of the file, and a rebuild needs few of them).
    private var itemRanges: [(path: String, range: Range<Int>)]
    private var itemIndex: [String: Int]
    private var itemData: ItemData
    private enum ItemData {
        case memory([UInt8])
        /// The file, where its items part starts, and its length.
        case file(String, start: Int, count: Int)
    }
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
        self.inputs = inputs.map { ($0.root, $0.files.map(Self.fileHash)) }
        linksBytes = Self.encode(links)[...]
        var data: [UInt8] = []
        itemRanges = []
        for item in items {
            let bytes = Self.encode(item)
            itemRanges.append((item.source.path, data.count..<(data.count + bytes.count)))
            data += bytes
        }
        itemData = .memory(data)
        itemIndex = Dictionary(itemRanges.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func path(forOutput output: String) -> String {
        BuildState.path(forOutput: output).replacingAll(".sitegen-state", with: ".sitegen-texts")
    }

    static func journalPath(_ path: String) -> String { path + ".journal" }

    /// The state with its journal applied; nil when either is missing or damaged.
    static func read(_ path: String) -> TextOnlyState? {
        guard let front = readFront(path), var state = try? decode(front: front.bytes, file: path, itemsStart: front.itemsStart,
                                                                    itemsCount: front.itemsCount) else { return nil }
        if let journal = try? LocalFileSystem().readFile(journalPath(path)) {
            guard (try? state.apply(journal: journal)) != nil else { return nil }
            state.journalSize = journal.count
        }
        return state
    }

    /// Writes the whole state (and drops the journal).
    @discardableResult
    func save(_ path: String) -> Bool {
        guard writeFileAtomically(path, parts: parts()) else { return false }
        // A journal left behind (unlink failed) would only say again what the state says now.
        unlink(Self.journalPath(path))
        return true
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

    func links() -> Links? {
        if let newLinks { return try? Self.decodeLinks(newLinks[...]) }
        return try? Self.decodeLinks(linksBytes)
    }

    func item(_ path: String) -> Item? {
        guard let i = itemIndex[path] else { return nil }
        if let bytes = replaced[i] { return try? Self.decodeItem(bytes[...]) }
        guard let bytes = itemBytes(itemRanges[i].range) else { return nil }
        return try? Self.decodeItem(bytes[...])
    }

    /// Bytes of the items part.
    private func itemBytes(_ range: Range<Int>) -> [UInt8]? {
        switch itemData {
        case .memory(let data): return range.upperBound <= data.count ? Array(data[range]) : nil
        case .file(let path, let start, let count):
            guard range.upperBound <= count else { return nil }
            return Self.readBytes(path, at: start + range.lowerBound, count: range.count)
        }
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

    /// New stamps for the files of `listing` (as many files as `inputs`, in listing order).
    mutating func updateInputs(_ listing: [(root: String, files: [FileEntry])]) {
        for (r, (_, files)) in listing.enumerated() where r < inputs.count && inputs[r].hashes.count == files.count {
            for (i, f) in files.enumerated() {
                let hash = Self.fileHash(f)
                guard inputs[r].hashes[i] != hash else { continue }
                inputs[r].hashes[i] = hash
                record(.stamp) { $0.int(r); $0.int(i); $0.u64(hash) }
            }
        }
    }

    /// A listed file's path, size and stamp in one hash.
    static func fileHash(_ f: FileEntry) -> UInt64 {
        ContentHash.mix(ContentHash.mix(ContentHash.of(f.relativePath), UInt64(f.size)), f.stamp)
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
                let root = try r.int(), index = try r.int(), hash = try r.u64()
                guard root >= 0, root < inputs.count, index >= 0, index < inputs[root].hashes.count else { throw ByteReader.Damaged() }
                inputs[root].hashes[index] = hash
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

    /// The file: magic, the length of the front part (8 bytes), the front part (program, options,
    /// inputs, links, and where each item lies in the items part), the items part.
    func encoded() -> [UInt8] { parts().reduce([], +) }

    /// The file in parts, written one after the other (at 50,000 items the state is 40 MB, and
    /// a build's peak memory is near its end): magic and length, front part, items part.
    private func parts() -> [[UInt8]] {
        var items: [UInt8] = []
        var index: [(path: String, range: Range<Int>)] = []
        if case .memory(let data) = itemData, replaced.isEmpty {
            // As made by this build: the items part is `data` itself.
            items = data
            index = itemRanges
        } else {
            let all: [UInt8]?
            if case .file(_, _, let count) = itemData { all = itemBytes(0..<count) } else { all = nil }
            for (i, item) in itemRanges.enumerated() {
                let bytes: ArraySlice<UInt8>
                if let replacement = replaced[i] {
                    bytes = replacement[...]
                } else if case .memory(let data) = itemData {
                    bytes = data[item.range]
                } else if let all, item.range.upperBound <= all.count {
                    bytes = all[item.range]
                } else {
                    continue
                }
                index.append((item.path, items.count..<(items.count + bytes.count)))
                items += bytes
            }
        }
        var w = ByteWriter()
        w.inlineStrings = true
        w.string(program)
        w.string(options)
        w.int(inputs.count)
        for (root, hashes) in inputs {
            w.string(root)
            w.int(hashes.count)
            for h in hashes { w.u64(h) }
        }
        w.bytes(newLinks ?? Array(linksBytes))
        w.int(index.count)
        for item in index { w.string(item.path); w.int(item.range.lowerBound); w.int(item.range.count) }
        var length = ByteWriter()
        length.u64(UInt64(w.body.count))
        return [Array(Self.magic.utf8) + length.body, w.body, items]
    }

    /// The magic, the front part and where the items start; nil when the file is missing or too short.
    private static func readFront(_ path: String) -> (bytes: [UInt8], itemsStart: Int, itemsCount: Int)? {
        let magic = Array(Self.magic.utf8)
        var st = stat()
        guard stat(path, &st) == 0, let head = readBytes(path, at: 0, count: magic.count + 8), Array(head[0..<magic.count]) == magic,
              var r = try? ByteReader(head, from: magic.count, table: false), let length = try? r.u64(),
              length <= UInt64(Int(st.st_size) - magic.count - 8) else { return nil }
        let start = magic.count + 8
        guard let front = readBytes(path, at: start, count: Int(length)) else { return nil }
        return (front, start + Int(length), Int(st.st_size) - start - Int(length))
    }

    /// `count` bytes at `offset` of a file (nil when there are fewer).
    private static func readBytes(_ path: String, at offset: Int, count: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, done in
            while done < count {
                let n = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
        }
        return bytes.count == count ? bytes : nil
    }

    static func decode(_ file: [UInt8]) throws -> TextOnlyState {
        let magic = Array(Self.magic.utf8)
        guard file.count >= magic.count + 8, Array(file[0..<magic.count]) == magic else { throw ByteReader.Damaged() }
        var r = try ByteReader(file, from: magic.count, table: false)
        let length = try r.u64()
        guard length <= UInt64(file.count - magic.count - 8) else { throw ByteReader.Damaged() }
        let start = magic.count + 8
        var state = try decode(front: Array(file[start..<(start + Int(length))]), file: "", itemsStart: 0, itemsCount: 0)
        state.itemData = .memory(Array(file[(start + Int(length))...]))
        return state
    }

    private static func decode(front data: [UInt8], file: String, itemsStart: Int, itemsCount: Int) throws -> TextOnlyState {
        var r = try ByteReader(data, table: false)
        r.inlineStrings = true
        let program = try r.string()
        let options = try r.string()
        let inputs = try r.count().map { _ in (root: try r.string(), hashes: try r.count().map { _ in try r.u64() }) }
        let links = try r.byteRange()
        var items: [(path: String, range: Range<Int>)] = []
        for _ in try r.count() {
            let path = try r.string(), offset = try r.int(), count = try r.int()
            guard offset >= 0, count >= 0, offset <= Int.max - count else { throw ByteReader.Damaged() }
            items.append((path, offset..<(offset + count)))
        }
        guard r.atEnd else { throw ByteReader.Damaged() }
        return TextOnlyState(program: program, options: options, inputs: inputs, links: data[links], itemRanges: items,
                             itemData: .file(file, start: itemsStart, count: itemsCount))
    }

    private init(program: String, options: String, inputs: [(root: String, hashes: [UInt64])], links: ArraySlice<UInt8>,
                 itemRanges: [(path: String, range: Range<Int>)], itemData: ItemData) {
        self.program = program
        self.options = options
        self.inputs = inputs
        linksBytes = links
        self.itemRanges = itemRanges
        self.itemData = itemData
        itemIndex = Dictionary(itemRanges.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    private static func encode(_ links: Links) -> [UInt8] {
        var w = ByteWriter()
        w.inlineStrings = true
        w.string(links.basePath)
        w.string(links.baseURL)
        w.bool(links.unsafeHTML)
        w.string(links.searchFolder)
        for table in [links.pathBySource, links.excludedSources, links.assets, links.outputs] { w.bytes(table.bytes) }
        return w.body
    }

    private static func decodeLinks(_ bytes: ArraySlice<UInt8>) throws -> Links {
        var r = try ByteReader(Array(bytes), table: false)
        r.inlineStrings = true
        let basePath = try r.string(), baseURL = try r.string(), unsafeHTML = try r.bool(), searchFolder = try r.string()
        var tables: [SortedTable] = []
        for hasValues in [true, true, false, false] {
            guard let table = SortedTable(bytes: try r.bytes(), hasValues: hasValues) else { throw ByteReader.Damaged() }
            tables.append(table)
        }
        guard r.atEnd else { throw ByteReader.Damaged() }
        return Links(basePath: basePath, baseURL: baseURL, unsafeHTML: unsafeHTML, searchFolder: searchFolder,
                     pathBySource: tables[0], excludedSources: tables[1], assets: tables[2], outputs: tables[3])
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

extension TextOnlyState.Links {
    /// nil when a path or message holds a NUL byte (then there is no text-only state).
    init?(basePath: String, baseURL: String, unsafeHTML: Bool, searchFolder: String, pathBySource: [String: String],
          excludedSources: [String: String], assets: [String], outputs: [String]) {
        guard let pages = SortedTable(pathBySource.map { ($0.key, $0.value) }, hasValues: true),
              let excluded = SortedTable(excludedSources.map { ($0.key, $0.value) }, hasValues: true),
              let assets = SortedTable(assets.map { ($0, nil) }, hasValues: false),
              let outputs = SortedTable(outputs.map { ($0, nil) }, hasValues: false) else { return nil }
        self.init(basePath: basePath, baseURL: baseURL, unsafeHTML: unsafeHTML, searchFolder: searchFolder,
                  pathBySource: pages, excludedSources: excluded, assets: assets, outputs: outputs)
    }
}
