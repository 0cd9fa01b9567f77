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
        var table = StringNumbering()
    }
    private let shards = (0..<64).map { _ in Shard() }

    func intern(_ s: String) -> String {
        // Short strings live inside the String value itself; nothing to share.
        if s.utf8.count <= 15 { return s }
        return StringNumbering.withBytes(of: s) { shared($0) { s } }
    }

    /// The string of these UTF-8 bytes, shared with every earlier call for the same bytes.
    func intern(bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.count <= 15 { return String(decoding: bytes, as: UTF8.self) }
        return shared(bytes) { String(decoding: bytes, as: UTF8.self) }
    }

    private func shared(_ bytes: UnsafeBufferPointer<UInt8>, make: () -> String) -> String {
        let hash = ContentHash.of(UnsafeRawBufferPointer(bytes))
        let shard = shards[Int(truncatingIfNeeded: hash >> 58)]
        return shard.lock.locked {
            let number = shard.table.number(of: bytes, hash: hash, make: make)
            return shard.table.strings[number]
        }
    }
}
