extension Array {
    /// Sorted by a key made once per element instead of in every comparison (German sort keys
    /// cost an allocation each); elements with equal keys keep their order.
    func sorted<Key>(byKey key: (Element) -> Key, using less: (Key, Key) -> Bool) -> [Element] {
        let keys = map(key)
        let order = indices.sorted { a, b in less(keys[a], keys[b]) || (!less(keys[b], keys[a]) && a < b) }
        return order.map { self[$0] }
    }
}
