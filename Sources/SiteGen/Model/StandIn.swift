/// Values put in place of a required one that is missing or cannot be read (a title, a date): the
/// item stays in the model, so its other mistakes (an unknown field of action, a broken link) show
/// in the same run instead of after the first one is fixed. The missing value's error fails the
/// build, so nothing with a stand-in is ever published.
enum StandIn {
    /// The file's slug: what the page's address is made of anyway.
    static func title(_ doc: LoadedDocument) -> String { doc.fileSlug }

    /// A date only, 1 January of the year folder the file lies in (`posts/2025/a.md`: 2025), so the
    /// address and the year-folder check agree with where the file is; 2000 outside one.
    static func date(_ doc: LoadedDocument) -> DateTime {
        let year = SiteValidator.folderYear(doc.source.path).flatMap { (1000...9999).contains($0) ? $0 : nil } ?? 2000
        return DateTime.parse("\(year)-01-01")!
    }

    /// A field's place in the menu: after every numbered one. The rule that no two fields share a
    /// number does not apply to it (a second field without `order` is not "also number …").
    static let order = Int.max
}

extension FrontMatterReader {
    /// `value`, noting that the item holds a stand-in (see `StandIn`).
    mutating func standIn<T>(_ value: T) -> T {
        usesStandIn = true
        return value
    }
}
