/// The ids a page offers as link targets: sorted and each once, so a fragment is found by binary
/// search and the store keeps them as they are (a page has a few dozen; a hashed set cost more to
/// build for each of 10,000 pages than all the lookups the link check makes in it).
struct PageIDs: Sendable, Equatable, Sequence, ExpressibleByArrayLiteral {
    private(set) var sorted: [String]

    /// From ids in page order, with repeats.
    init(_ ids: [String]) {
        var ids = ids
        ids.sort()
        var unique: [String] = []
        unique.reserveCapacity(ids.count)
        for id in ids where unique.last != id { unique.append(id) }
        sorted = unique
    }

    init(arrayLiteral ids: String...) { self.init(ids) }

    /// From a list already sorted and each once (as the store keeps it); nil when it is not.
    init?(sorted ids: [String]) {
        for i in ids.indices.dropFirst() where !(ids[i - 1] < ids[i]) { return nil }
        sorted = ids
    }

    var count: Int { sorted.count }

    func contains(_ id: String) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == id
    }

    func makeIterator() -> IndexingIterator<[String]> { sorted.makeIterator() }
}
