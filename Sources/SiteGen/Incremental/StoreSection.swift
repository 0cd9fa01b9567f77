/// One section of the store's memo tables: the search terms, the format parts, or one bucket of
/// the front matter, Markdown, link check or page table (an entry's bucket comes from its key).
enum StoreSection: Hashable {
    case terms, formats
    case yaml(Int), documents(Int), markdown(Int), linkChecks(Int), pages(Int)

    static let buckets = 16

    static let all: [StoreSection] = [.terms, .formats] + (0..<buckets).map(StoreSection.yaml)
        + (0..<buckets).map(StoreSection.documents)
        + (0..<buckets).map(StoreSection.markdown) + (0..<buckets).map(StoreSection.linkChecks)
        + (0..<buckets).map(StoreSection.pages)

    /// Read before the content is loaded (the rest is decoded meanwhile).
    var neededForLoading: Bool {
        switch self {
        case .terms, .yaml, .documents: true
        case .formats, .markdown, .linkChecks, .pages: false
        }
    }

    static func bucket(_ key: String) -> Int { Int(ContentHash.of(key) % UInt64(buckets)) }
    static func bucket(_ key: UInt64) -> Int { Int(key % UInt64(buckets)) }

    /// A table's entries by bucket, each bucket sorted by key; only the buckets `only` names.
    static func group<Key: Hashable, Value>(_ table: [Key: Value], bucket: (Key) -> Int, only: (Int) -> Bool,
                                            by precedes: (Key, Key) -> Bool) -> [[(key: Key, value: Value)]] {
        let wanted = (0..<buckets).map(only)
        guard wanted.contains(true) else { return Array(repeating: [], count: buckets) }
        var keys = [[Key]](repeating: [], count: buckets)
        for key in table.keys {
            let b = bucket(key)
            if wanted[b] { keys[b].append(key) }
        }
        return keys.map { $0.sorted(by: precedes).map { ($0, table[$0]!) } }
    }
}

/// Which buckets of each table a build changed: an entry stored anew, or one gone.
struct ChangedBuckets {
    var yaml = Set<Int>(), documents = Set<Int>(), markdown = Set<Int>(), linkChecks = Set<Int>(), pages = Set<Int>()

    func contains(_ section: StoreSection) -> Bool {
        switch section {
        case .terms, .formats: return true
        case .yaml(let b): return yaml.contains(b)
        case .documents(let b): return documents.contains(b)
        case .markdown(let b): return markdown.contains(b)
        case .linkChecks(let b): return linkChecks.contains(b)
        case .pages(let b): return pages.contains(b)
        }
    }

    /// The buckets where the two tables hold a different number of entries (some went away).
    static func resized<Key: Hashable, A, B>(_ old: [Key: A], _ new: [Key: B], bucket: (Key) -> Int) -> Set<Int> {
        var counts = [Int](repeating: 0, count: StoreSection.buckets)
        for key in old.keys { counts[bucket(key)] += 1 }
        for key in new.keys { counts[bucket(key)] -= 1 }
        return Set(counts.indices.filter { counts[$0] != 0 })
    }
}

/// The sections as they were read, valid for the first build after reading only.
struct StoredSections {
    var bytes: [ArraySlice<UInt8>]
    var termCount: Int
    var changed = ChangedBuckets()
    var built = false
}

/// The tables sorted into sections for saving.
struct GroupedTables {
    var yaml: [[(key: UInt64, value: [UInt8])]]
    var documents: [[(key: String, value: RememberedDocument)]]
    var markdown: [[(key: String, value: RememberedMarkdown)]]
    var linkChecks: [[(key: String, value: (key: UInt64, diagnostics: [Diagnostic]))]]
    var pages: [[(key: String, value: RememberedPage)]]
    var formats: [(key: String, value: BuildCache.FormatPart)]
}

/// What one section held, as read: its entries in stored order, hashed only once, into the
/// table all sections of a kind are gathered in.
enum DecodedSection {
    case terms([String])
    case formats([String: BuildCache.FormatPart])
    case yaml([(UInt64, [UInt8])])
    case documents([(String, RememberedDocument)])
    case markdown([(String, RememberedMarkdown)])
    case linkChecks([(String, (key: UInt64, diagnostics: [Diagnostic]))])
    case pages([(String, RememberedPage)])
}

/// All sections read, put together.
struct DecodedTables {
    var terms: [String] = []
    var formats: [String: BuildCache.FormatPart] = [:]
    var yaml: [UInt64: [UInt8]] = [:]
    var documents: [String: RememberedDocument] = [:]
    var markdown: [String: RememberedMarkdown] = [:]
    var linkChecks: [String: (key: UInt64, diagnostics: [Diagnostic])] = [:]
    var pages: [String: RememberedPage] = [:]

    /// Room for every entry of the sections, so the tables are not rehashed as they grow.
    mutating func reserve(_ sections: [DecodedSection]) {
        var counts = (yaml: 0, documents: 0, markdown: 0, checks: 0, pages: 0)
        for section in sections {
            switch section {
            case .yaml(let y): counts.yaml += y.count
            case .documents(let d): counts.documents += d.count
            case .markdown(let m): counts.markdown += m.count
            case .linkChecks(let c): counts.checks += c.count
            case .pages(let p): counts.pages += p.count
            case .terms, .formats: break
            }
        }
        yaml.reserveCapacity(counts.yaml)
        documents.reserveCapacity(counts.documents)
        markdown.reserveCapacity(counts.markdown)
        linkChecks.reserveCapacity(counts.checks)
        pages.reserveCapacity(counts.pages)
    }

    mutating func add(_ section: DecodedSection) throws {
        func merge<K, V>(_ table: inout [K: V], _ part: [(K, V)]) throws {
            for (k, v) in part { guard table.updateValue(v, forKey: k) == nil else { throw ByteReader.Damaged() } }
        }
        switch section {
        case .terms(let t): terms = t
        case .formats(let f): formats = f
        case .yaml(let y): try merge(&yaml, y)
        case .documents(let d): try merge(&documents, d)
        case .markdown(let m): try merge(&markdown, m)
        case .linkChecks(let c): try merge(&linkChecks, c)
        case .pages(let p): try merge(&pages, p)
        }
    }
}
