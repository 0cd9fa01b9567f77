/// What the last successful build of an output was made from, so the next build can stop early:
/// - `stamp` covers every input file's path, size, modification time and inode: when it is the
///   same, the build stops after listing the folders, without reading a file;
/// - `fingerprint` covers the inputs' bytes: when the stamp differs (a file was touched) but the
///   bytes are the same, the build stops after loading.
/// Its warnings are kept too and shown again, so a quick build says what a full one would.
struct BuildRecord: Equatable {
    var fingerprint: UInt64
    var stamp: UInt64 = 0
    var pages: Int
    var files: Int
    var warnings: [Diagnostic] = []
    /// Shown again as a fresh build would show them.
    var withheld: [Withheld] = []
    var language: String?
    /// The output depends on "now" only through which posts are published and which events are
    /// still upcoming: it stays the same for any now in [validFrom, validUntil) (epoch seconds).
    var validFrom: Int64 = .min
    var validUntil: Int64 = .max

    func holds(at now: Int64) -> Bool { validFrom <= now && now < validUntil }
}

/// The one file a build keeps beside its output (`.public.sitegen-store`): the record of the
/// build that made the output, and the memo tables that let the next build skip the work a change
/// does not touch (`BuildCache`). It describes that output exactly: it is marked before a build
/// changes the output (`markChanging`) and written after the new output is in place. It is tied to the program
/// that wrote it; any other sitegen ignores it.
///
/// Layout: the version line; the record part's length (8 bytes) and the record, which begins
/// with the program's identity; the memo tables (`BuildCache.encodedTables`).
struct BuildStore: Sendable {
    static let version = "sitegen-store 9\n"
    let path: String
    let fileSystem: any FileSystem

    init(output: String, fileSystem: any FileSystem) {
        path = Self.path(forOutput: output)
        self.fileSystem = fileSystem
    }

    static func path(forOutput output: String) -> String {
        let trimmed = output.hasSuffix("/") ? String(output.dropLast()) : output
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        let parent = parts.dropLast().joined(separator: "/")
        let name = parts.last.map(String.init) ?? "public"
        return (parent.isEmpty ? (trimmed.hasPrefix("/") ? "" : ".") : parent) + "/.\(name).sitegen-store"
    }

    /// The stored build, or nil when there is none, it is damaged or another program wrote it.
    func read() -> StoredBuild? {
        guard let data = try? fileSystem.readFile(path) else { return nil }
        return try? StoredBuild(data)
    }

    /// Saves a build's record with its memo tables; false when the file cannot be written.
    @discardableResult
    func save(_ record: BuildRecord, tables: [ArraySlice<UInt8>]) -> Bool {
        let head = StoredBuild.encode(record)
        return fileSystem.writeAtomically(path, parts: [(Array(Self.version.utf8) + littleEndianBytes(UInt64(head.count)) + head)[...]] + tables)
    }

    /// Before the output changes: the store no longer describes it, so the next build reads
    /// nothing from it (it has no version line), but it still shows that sitegen made the output
    /// (`SiteLocation.foreignOutputProblem`), also when the build stops before it is saved again.
    func markChanging() { _ = fileSystem.writeAtomically(path, parts: [Array(Self.changing.utf8)[...]]) }
    static let changing = "sitegen-store: the output is being replaced\n"
}

/// A store as read: the record decoded, the memo tables when asked for.
struct StoredBuild {
    var record: BuildRecord
    /// The memo tables' bytes, decoded by `cache()`, or kept as they are by a build that only
    /// changes the record (in place in the bytes read: the store is large).
    let tableBytes: ArraySlice<UInt8>
    var tables: [UInt8] { Array(tableBytes) }

    init(_ data: [UInt8]) throws {
        let magic = Array(BuildStore.version.utf8)
        guard data.count >= magic.count + 8, data.starts(with: magic) else { throw ByteReader.Damaged() }
        let length = Int(truncatingIfNeeded: readLittleEndian(data, at: magic.count))
        let start = magic.count + 8
        guard length >= 0, length <= data.count - start else { throw ByteReader.Damaged() }
        record = try Self.decode(Array(data[start..<start + length]))
        tableBytes = data[(start + length)...]
    }

    /// The memo tables; nil when they are damaged.
    func cache() -> BuildCache? { try? BuildCache.decodeTables(tableBytes) }

    static func encode(_ record: BuildRecord) -> [UInt8] {
        var w = ByteWriter()
        w.string(Builder.programIdentity)
        w.u64(record.fingerprint)
        w.u64(record.stamp)
        w.int(record.pages)
        w.int(record.files)
        w.u64(UInt64(bitPattern: record.validFrom))
        w.u64(UInt64(bitPattern: record.validUntil))
        w.diagnostics(record.warnings)
        w.int(record.withheld.count)
        for item in record.withheld {
            w.string(item.file)
            w.bool(item.reason == .draft)
        }
        w.bool(record.language != nil)
        if let language = record.language { w.string(language) }
        return w.finish()
    }

    static func decode(_ data: [UInt8]) throws -> BuildRecord {
        var r = try ByteReader(data)
        guard try r.string() == Builder.programIdentity else { throw ByteReader.Damaged() }
        let record = BuildRecord(fingerprint: try r.u64(), stamp: try r.u64(), pages: try r.int(), files: try r.int(),
                                 validFrom: Int64(bitPattern: try r.u64()), validUntil: Int64(bitPattern: try r.u64()))
        var withWarnings = record
        withWarnings.warnings = try r.diagnostics()
        withWarnings.withheld = try r.count().map { _ in Withheld(file: try r.string(), reason: try r.bool() ? .draft : .future) }
        withWarnings.language = try r.bool() ? try r.string() : nil
        guard r.atEnd else { throw ByteReader.Damaged() }
        return withWarnings
    }
}

func littleEndianBytes(_ value: UInt64) -> [UInt8] {
    (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
}

/// The 8 bytes at `offset` as a little-endian number (the caller checked the bounds).
func readLittleEndian<Bytes: RandomAccessCollection<UInt8>>(_ data: Bytes, at offset: Bytes.Index) -> UInt64 where Bytes.Index == Int {
    (0..<8).reduce(0) { $0 | UInt64(data[offset + $1]) << (8 * UInt64($1)) }
}
