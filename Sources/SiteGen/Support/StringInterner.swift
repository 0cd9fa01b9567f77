/// Keeps one copy of each string that many pages share (navigation, footer and card links):
/// a 50,000-item site has millions of link strings but only about a hundred thousand distinct
/// ones, and the link check keeps them all until the end. Sharded locks, so threads rarely wait.
final class StringInterner: Sendable {
    /// A class, not a struct in a `var` array: threads must never mutate a shared array (a
    /// reader's retain makes the writer copy the whole buffer, and the copies race).
    private final class Shard: @unchecked Sendable {  // `strings` is guarded by `lock`
        let lock = NSLockLite()
        var strings: Set<String> = []
    }
    private let shards = (0..<64).map { _ in Shard() }

    func intern(_ s: String) -> String {
        // Short strings live inside the String value itself; nothing to share.
        if s.utf8.count <= 15 { return s }
        let shard = shards[s.hashValue & 63]
        return shard.lock.locked { shard.strings.insert(s).memberAfterInsert }
    }
}
