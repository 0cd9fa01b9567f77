/// A compact binary writer for files only this program reads back (the build cache): integers as
/// LEB128 varints, strings through a table so each distinct string is stored once.
///
/// Layout of what `finish` completes: the body, then the string table, then the table's offset
/// (8 bytes). With `flush`, the body goes out in pieces as it grows, so a big file's bytes are
/// never in memory at once.
struct ByteWriter {
    private(set) var body: [UInt8] = []
    /// The string table, by bytes (see `StringNumbering`).
    private var table = StringNumbering()
    /// Strings written in place instead of through the table (small blobs read on their own).
    var inlineStrings = false
    private let flush: (([UInt8]) -> Void)?
    private var flushed = 0
    private let flushSize: Int

    init(flushEvery: Int = 1 << 20, flush: (([UInt8]) -> Void)? = nil) {
        flushSize = flushEvery
        self.flush = flush
    }

    mutating func int(_ v: Int) {
        // Zig-zag, so small negative numbers stay small.
        var u = UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))
        while u >= 0x80 {
            body.append(UInt8(u & 0x7F) | 0x80)
            u >>= 7
        }
        body.append(UInt8(u))
        if body.count >= flushSize { spill() }
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
        int(table.number(of: s))
    }

    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }

    private mutating func spill() {
        guard let flush else { return }
        flush(body)
        flushed += body.count
        body.removeAll(keepingCapacity: true)
    }

    /// The rest of the body, the string table and its offset (everything not flushed yet).
    mutating func finish() -> [UInt8] {
        let tableOffset = flushed + body.count
        var tail = ByteWriter()
        tail.int(table.strings.count)
        for s in table.strings { tail.bytes(Array(s.utf8)) }
        tail.u64(UInt64(tableOffset))
        let rest = body + tail.body
        body = []
        return rest
    }
}

/// Reads what `ByteWriter` wrote; every read checks its bounds and throws on damaged bytes.
struct ByteReader {
    struct Damaged: Error {}
    /// Read where it lies (a section of the store's bytes): positions are the slice's own indices.
    private let data: ArraySlice<UInt8>
    private var at = 0
    /// Where the body ends (the string table follows).
    private var end: Int
    private var table: [String] = []
    /// Strings stored in place (see `ByteWriter.inlineStrings`).
    var inlineStrings = false

    /// Reads the string table at the end (unless `table` is false); then the reads follow the body.
    /// - Parameter start: where what `ByteWriter` wrote begins in `data` (after a file's magic).
    init(_ data: [UInt8], from start: Int = 0, table readsTable: Bool = true) throws {
        try self.init(data[...], from: start, table: readsTable)
    }

    init(_ data: ArraySlice<UInt8>, from start: Int = 0, table readsTable: Bool = true) throws {
        self.data = data
        end = data.endIndex
        guard start >= 0, start <= data.count else { throw Damaged() }
        at = data.startIndex + start
        guard readsTable else { return }
        guard data.count - start >= 8 else { throw Damaged() }
        var tail = ByteReader(unchecked: data, at: data.endIndex - 8)
        let relative = try tail.u64()
        guard relative <= UInt64(data.count - 8 - start) else { throw Damaged() }
        let offset = at + Int(relative)
        var reader = ByteReader(unchecked: data, at: offset)
        reader.end = data.endIndex - 8
        let count = try reader.count()
        table.reserveCapacity(count.count)
        for _ in count { table.append(String(decoding: try reader.bytes(), as: UTF8.self)) }
        guard reader.atEnd else { throw Damaged() }
        end = offset
    }

    private init(unchecked data: ArraySlice<UInt8>, at: Int) {
        self.data = data
        self.at = at
        end = data.endIndex
    }

    var atEnd: Bool { at == end }

    mutating func int() throws -> Int {
        let u = try Self.varint(data, &at, end: end)
        let v = Int64(bitPattern: u)
        return Int((v >> 1) ^ -(v & 1))
    }

    /// The unsigned number written 7 bits a byte, low bits first, starting at `pos`.
    @inline(__always)
    private static func varint<Bytes: RandomAccessCollection<UInt8>>(_ data: Bytes, _ pos: inout Int, end: Int) throws -> UInt64
        where Bytes.Index == Int {
        var u: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard pos < end, shift < 64 else { throw Damaged() }
            let b = data[pos]
            pos += 1
            u |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return u }
            shift += 7
        }
    }

    mutating func optionalInt() throws -> Int? { try bool() ? try int() : nil }

    mutating func u64() throws -> UInt64 {
        guard at + 8 <= end else { throw Damaged() }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(data[at + i]) << (8 * UInt64(i)) }
        at += 8
        return v
    }

    mutating func bool() throws -> Bool {
        guard at < end, data[at] <= 1 else { throw Damaged() }
        at += 1
        return data[at - 1] == 1
    }

    mutating func bytes() throws -> [UInt8] {
        let n = try int()
        guard n >= 0, n <= end - at else { throw Damaged() }
        at += n
        return Array(data[at - n..<at])
    }

    /// Where the next `bytes()` lie in the data, skipped without copying them.
    mutating func byteRange() throws -> Range<Int> {
        let n = try int()
        guard n >= 0, n <= end - at else { throw Damaged() }
        at += n
        return (at - n)..<at
    }

    mutating func string() throws -> String {
        if inlineStrings { return String(decoding: data[try byteRange()], as: UTF8.self) }
        let id = try int()
        guard id >= 0, id < table.count else { throw Damaged() }
        return table[id]
    }

    mutating func strings() throws -> [String] {
        try count().map { _ in try string() }
    }

    /// A count of following items, checked against what is left (a damaged count cannot ask for gigabytes).
    /// A count, then that many numbers from 0 to `UInt32.max` (`int` each): a page's search terms,
    /// read in one loop over the bytes (there are millions in a large site's store).
    mutating func uint32s() throws -> [UInt32] {
        let n = try count().count
        var numbers = [UInt32](repeating: 0, count: n)
        // The buffer counts from the slice's start.
        let base = data.startIndex
        var pos = at - base
        let end = end - base
        try data.withUnsafeBufferPointer { data in
            try numbers.withUnsafeMutableBufferPointer { numbers in
                for k in 0..<n {
                    let u = try Self.varint(data, &pos, end: end)
                    // Zig-zag as in `int`: even values are the non-negative numbers.
                    guard u & 1 == 0, u >> 1 <= UInt64(UInt32.max) else { throw Damaged() }
                    numbers[k] = UInt32(u >> 1)
                }
            }
        }
        at = pos + base
        return numbers
    }

    mutating func count() throws -> Range<Int> {
        let n = try int()
        guard n >= 0, n <= end - at else { throw Damaged() }
        return 0..<n
    }
}
