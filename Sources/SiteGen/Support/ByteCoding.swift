/// A compact binary writer for files only this program reads back (the build cache): integers as
/// LEB128 varints, strings through a table so each distinct string is stored once.
struct ByteWriter {
    /// A string compared by its bytes: Swift's `==` treats canonically equivalent strings ("é" as
    /// one or two scalars) as equal, and the table must give back exactly the bytes written.
    private struct Bytes: Hashable {
        let string: String
        func hash(into hasher: inout Hasher) { hasher.combine(ContentHash.of(string)) }
        static func == (a: Bytes, b: Bytes) -> Bool { a.string.utf8.elementsEqual(b.string.utf8) }
    }

    private(set) var body: [UInt8] = []
    private var stringIDs: [Bytes: Int] = [:]
    private var strings: [String] = []
    /// Strings written in place instead of through the table (small blobs read on their own).
    var inlineStrings = false

    mutating func int(_ v: Int) {
        // Zig-zag, so small negative numbers stay small.
        var u = UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))
        while u >= 0x80 {
            body.append(UInt8(u & 0x7F) | 0x80)
            u >>= 7
        }
        body.append(UInt8(u))
    }

    mutating func optionalInt(_ v: Int?) {
        bool(v != nil)
        if let v { int(v) }
    }

    mutating func u64(_ v: UInt64) {
        for i in 0..<8 { body.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) }
    }

    mutating func bool(_ b: Bool) { body.append(b ? 1 : 0) }

    mutating func bytes(_ b: [UInt8]) {
        int(b.count)
        body += b
    }

    mutating func string(_ s: String) {
        if inlineStrings { bytes(Array(s.utf8)); return }
        if let id = stringIDs[Bytes(string: s)] { int(id); return }
        let id = strings.count
        stringIDs[Bytes(string: s)] = id
        strings.append(s)
        int(id)
    }

    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }

    /// The file: `magic`, the string table, then the body.
    func file(magic: String) -> [UInt8] {
        var head = ByteWriter()
        head.body = Array(magic.utf8)
        head.int(strings.count)
        for s in strings { head.bytes(Array(s.utf8)) }
        head.int(body.count)
        return head.body + body
    }
}

/// Reads what `ByteWriter` wrote; every read checks its bounds and throws on a damaged file.
struct ByteReader {
    struct Damaged: Error {}
    private let data: [UInt8]
    private var at = 0
    private var table: [String] = []
    /// Strings stored in place (see `ByteWriter.inlineStrings`).
    var inlineStrings = false

    /// Checks `magic`, reads the string table (unless `table` is false); then the reads follow the body.
    init(_ data: [UInt8], magic: String, table readsTable: Bool = true) throws {
        self.data = data
        let m = Array(magic.utf8)
        guard data.count >= m.count, Array(data[0..<m.count]) == m else { throw Damaged() }
        at = m.count
        guard readsTable else { return }
        let count = try int()
        guard count >= 0, count <= data.count else { throw Damaged() }
        table.reserveCapacity(count)
        for _ in 0..<count {
            let n = try int()
            guard n >= 0, at + n <= data.count else { throw Damaged() }
            table.append(String(decoding: data[at..<at + n], as: UTF8.self))
            at += n
        }
        guard try int() == data.count - at else { throw Damaged() }
    }

    var atEnd: Bool { at == data.count }
    /// Bytes read so far.
    var offset: Int { at }

    mutating func int() throws -> Int {
        var u: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard at < data.count, shift < 64 else { throw Damaged() }
            let b = data[at]
            at += 1
            u |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        let v = Int64(bitPattern: u)
        return Int((v >> 1) ^ -(v & 1))
    }

    mutating func optionalInt() throws -> Int? { try bool() ? try int() : nil }

    mutating func u64() throws -> UInt64 {
        guard at + 8 <= data.count else { throw Damaged() }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(data[at + i]) << (8 * UInt64(i)) }
        at += 8
        return v
    }

    mutating func bool() throws -> Bool {
        guard at < data.count, data[at] <= 1 else { throw Damaged() }
        at += 1
        return data[at - 1] == 1
    }

    mutating func bytes() throws -> [UInt8] {
        let n = try int()
        guard n >= 0, at + n <= data.count else { throw Damaged() }
        at += n
        return Array(data[at - n..<at])
    }

    mutating func string() throws -> String {
        if inlineStrings { return String(decoding: try bytes(), as: UTF8.self) }
        let id = try int()
        guard id >= 0, id < table.count else { throw Damaged() }
        return table[id]
    }

    mutating func strings() throws -> [String] {
        try count().map { _ in try string() }
    }

    /// A count of following items, checked against what is left (a damaged count cannot ask for gigabytes).
    mutating func count() throws -> Range<Int> {
        let n = try int()
        guard n >= 0, n <= data.count - at else { throw Damaged() }
        return 0..<n
    }
}
