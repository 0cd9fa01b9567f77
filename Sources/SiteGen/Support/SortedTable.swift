#if canImport(Glibc)
import Glibc
#endif

/// A read-only table of strings (with or without a value each), sorted by their bytes and kept as
/// one block of bytes: made from a file without making a String per entry, looked up by bisection.
/// A text-only rebuild reads tables of 10,000 entries and asks a few dozen questions.
struct SortedTable: Sendable {
    /// Each entry as `key NUL` or `key NUL value NUL`, in byte order of the keys.
    let bytes: [UInt8]
    private let starts: [Int32]
    let hasValues: Bool

    /// nil when a key or value holds a NUL byte (no path or message does).
    init?(_ entries: [(key: String, value: String?)], hasValues: Bool) {
        var bytes: [UInt8] = []
        for (key, value) in entries.sorted(by: { $0.key.utf8Precedes($1.key) }) {
            guard !key.utf8.contains(0), !(value?.utf8.contains(0) ?? false) else { return nil }
            bytes += key.utf8
            bytes.append(0)
            if hasValues {
                bytes += (value ?? "").utf8
                bytes.append(0)
            }
        }
        self.init(bytes: bytes, hasValues: hasValues)
    }

    /// From `bytes` as written; nil when they are not such a table.
    init?(bytes: [UInt8], hasValues: Bool) {
        var starts: [Int32] = []
        var i = 0
        let step = hasValues ? 2 : 1
        var field = 0
        guard bytes.count < Int(Int32.max) else { return nil }
        bytes.withUnsafeBufferPointer { b in
            while i < b.count {
                if field % step == 0 { starts.append(Int32(i)) }
                guard let nul = memchr(b.baseAddress! + i, 0, b.count - i) else { i = -1; return }
                i = UnsafeRawPointer(nul) - UnsafeRawPointer(b.baseAddress!) + 1
                field += 1
            }
        }
        guard i == bytes.count, field % step == 0 else { return nil }
        self.bytes = bytes
        self.starts = starts
        self.hasValues = hasValues
    }

    var count: Int { starts.count }

    func contains(_ key: String) -> Bool { find(key) != nil }

    /// The value of `key` (for a table with values).
    func value(_ key: String) -> String? {
        guard hasValues, let at = find(key) else { return nil }
        return bytes.withUnsafeBufferPointer { b in
            let start = at + key.utf8.count + 1
            let end = UnsafeRawPointer(memchr(b.baseAddress! + start, 0, b.count - start)!) - UnsafeRawPointer(b.baseAddress!)
            return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        }
    }

    /// Every key, in order.
    var keys: [String] {
        bytes.withUnsafeBufferPointer { b in
            starts.map { s in
                let start = Int(s)
                let end = UnsafeRawPointer(memchr(b.baseAddress! + start, 0, b.count - start)!) - UnsafeRawPointer(b.baseAddress!)
                return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
            }
        }
    }

    /// Where the entry of `key` starts.
    private func find(_ key: String) -> Int? {
        var key = key
        return key.withUTF8 { k -> Int? in
            bytes.withUnsafeBufferPointer { b -> Int? in
                var low = 0, high = starts.count
                while low < high {
                    let mid = (low + high) / 2
                    let start = Int(starts[mid])
                    // Compare the key with the entry's key (up to its NUL).
                    let order = Self.compare(k, b, at: start)
                    if order == 0 { return start }
                    if order > 0 { low = mid + 1 } else { high = mid }
                }
                return nil
            }
        }
    }

    /// <0, 0, >0 as `key` sorts before, equal to, after the NUL-ended entry at `start`.
    private static func compare(_ key: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        var i = 0
        while true {
            let e = b[start + i]
            if i == key.count { return e == 0 ? 0 : -1 }
            if e == 0 { return 1 }
            if key[i] != e { return key[i] < e ? -1 : 1 }
            i += 1
        }
    }
}
