/// `[Programm](“https://example.org/programm”)` or `(…/plan.pdf“)`: a link's address with the
/// quotation marks Word put around it. The first was "does not exist", as if a file beside the
/// page; the second went out as a broken link without a word.
enum QuotedAddress {
    /// Quotation marks no address begins or ends with (straight, typographic, guillemets).
    static let marks: Set<Character> = ["\"", "“", "”", "„", "‟", "«", "»", "‚", "‘", "’", "‹", "›"]

    /// The address without the marks at its ends, or nil when it has none there.
    static func stripped(_ url: String) -> String? {
        guard let first = url.first, let last = url.last, marks.contains(first) || marks.contains(last) else { return nil }
        let inner = url.drop { marks.contains($0) }.reversed().drop { marks.contains($0) }.reversed()
        return inner.isEmpty ? nil : String(inner)
    }

    static func message(_ url: String, fixed: String) -> String {
        "the address '\(url)' has a quotation mark at its start or end (as Word puts them), which is no part of an address; write it without: \(fixed)"
    }
}
