/// The kept partials of one memo shard (see `Renderer`), by template and view: an open-addressing
/// table hashed with `mix`. A `Dictionary` hashes its keys with SipHash, which profiles showed as
/// most of a look-up, made for every card and header a page shows.
struct MemoTable {
    /// Keys with a template of -1 are free. Apart from the entries, so that probing copies and
    /// retains nothing.
    private var keys = [MemoKey](repeating: MemoTable.free, count: 64)
    private var entries = [MemoEntry?](repeating: nil, count: 64)
    private var count = 0
    private static let free = MemoKey(template: -1, escapes: false, view: ObjectIdentifier(MemoTable.self))

    subscript(key: MemoKey) -> MemoEntry? {
        let i = place(of: key)
        return keys[i].template < 0 ? nil : entries[i]
    }

    /// Keeps `entry` for `key`, in place of any kept before.
    mutating func set(_ entry: MemoEntry, for key: MemoKey) {
        // At most half full: probes stay short.
        if (count + 1) * 2 > keys.count { grow() }
        let i = place(of: key)
        if keys[i].template < 0 { count += 1 }
        keys[i] = key
        entries[i] = entry
    }

    /// Where `key` is, or the free place where it would go.
    private func place(of key: MemoKey) -> Int {
        let mask = keys.count - 1
        let view = UInt64(UInt(bitPattern: key.view))
        let hash = mix(view, UInt64(key.template) << 1 | (key.escapes ? 1 : 0))
        // The high half: a product's low bits depend only on its factors' low bits.
        var i = Int(truncatingIfNeeded: hash >> 32) & mask
        while keys[i].template >= 0 && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    private mutating func grow() {
        let oldKeys = keys, oldEntries = entries
        keys = [MemoKey](repeating: Self.free, count: oldKeys.count * 2)
        entries = [MemoEntry?](repeating: nil, count: oldKeys.count * 2)
        count = 0
        for i in oldKeys.indices where oldKeys[i].template >= 0 { set(oldEntries[i]!, for: oldKeys[i]) }
    }
}
