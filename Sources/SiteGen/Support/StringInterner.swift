#if canImport(Glibc)
import Glibc
#endif

/// Keeps one copy of each string that many pages share (navigation, footer and card links):
/// a 50,000-item site has millions of link strings but only about a hundred thousand distinct
/// ones, and the link check keeps them all until the end. Sharded locks, so threads rarely wait.
/// Strings are found by their bytes, so a link already seen costs a hash and a comparison, not a
/// new string.
final class StringInterner: Sendable {
    /// A class, not a struct in a `var` array: threads must never mutate a shared array (a
    /// reader's retain makes the writer copy the whole buffer, and the copies race).
    private final class Shard: @unchecked Sendable {  // `table` is guarded by `lock`
        let lock = NSLockLite()
        var table = InternTable()
    }
    private let shards = (0..<64).map { _ in Shard() }

    func intern(_ s: String) -> String {
        // Short strings live inside the String value itself; nothing to share.
        if s.utf8.count <= 15 { return s }
        var s = s
        return s.withUTF8 { intern(bytes: $0) }
    }

    /// The string of these UTF-8 bytes, shared with every earlier call for the same bytes.
    func intern(bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.count <= 15 { return String(decoding: bytes, as: UTF8.self) }
        let hash = ContentHash.of(UnsafeRawBufferPointer(bytes))
        let shard = shards[Int(truncatingIfNeeded: hash >> 58)]
        return shard.lock.locked { shard.table.intern(bytes, hash: hash) }
    }
}

/// Strings by the hash of their bytes, with open addressing: a lookup hashes once and compares
/// bytes only where the hash matches.
struct InternTable {
    /// 0 marks an empty slot (stored hashes have their lowest bit set).
    private var hashes = [UInt64](repeating: 0, count: 64)
    private var strings = [String](repeating: "", count: 64)
    private var count = 0

    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> String {
        let key = hash | 1
        let mask = hashes.count - 1
        var i = Int(truncatingIfNeeded: key >> 1) & mask
        while hashes[i] != 0 {
            if hashes[i] == key, Self.equal(strings[i], bytes) { return strings[i] }
            i = (i + 1) & mask
        }
        let made = String(decoding: bytes, as: UTF8.self)
        // Bytes that are not UTF-8 come out repaired and would never compare equal: not kept.
        guard made.utf8.count == bytes.count else { return made }
        hashes[i] = key
        strings[i] = made
        count += 1
        if count * 2 > hashes.count { grow() }
        return made
    }

    private static func equal(_ s: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let utf8 = s.utf8
        guard utf8.count == bytes.count else { return false }
        return utf8.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
            ?? utf8.elementsEqual(bytes)
    }

    private mutating func grow() {
        let (oldHashes, oldStrings) = (hashes, strings)
        hashes = [UInt64](repeating: 0, count: oldHashes.count * 2)
        strings = [String](repeating: "", count: oldHashes.count * 2)
        let mask = hashes.count - 1
        for (key, string) in zip(oldHashes, oldStrings) where key != 0 {
            var i = Int(truncatingIfNeeded: key >> 1) & mask
            while hashes[i] != 0 { i = (i + 1) & mask }
            hashes[i] = key
            strings[i] = string
        }
    }
}
