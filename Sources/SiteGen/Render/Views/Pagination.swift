import MustacheEngine

/// Splits a list into pages and describes the navigation between them.
public struct Pagination: Sendable, Equatable {
    public var page: Int
    public var pageCount: Int
    public var range: Range<Int>

    /// Pages for `count` items of `size` per page; an empty list still has one page.
    public static func pages(count: Int, size: Int) -> [Pagination] {
        let pageCount = max(1, (count + size - 1) / size)
        return (1...pageCount).map { n in
            Pagination(page: n, pageCount: pageCount, range: ((n - 1) * size)..<min(count, n * size))
        }
    }

    /// The view for the `partials/pagination` template; nil when there is one page only.
    func view(base: String, urls: URLScheme, strings: UIStrings) -> PaginationView? {
        guard pageCount > 1 else { return nil }
        let prev = page > 1 ? StepLink(href: urls.href(urls.paginated(base, page: page - 1)), text: strings.format("pagination.prev", page - 1)) : nil
        let next = page < pageCount ? StepLink(href: urls.href(urls.paginated(base, page: page + 1)), text: strings.format("pagination.next", page + 1)) : nil
        let pages = Self.window(page: page, pageCount: pageCount).map { n -> PageLinkView in
            guard let n else { return PageLinkView(number: nil, href: nil, label: nil, current: false) }
            return PageLinkView(number: n, href: urls.href(urls.paginated(base, page: n)), label: strings.format("pagination.page", n), current: n == page)
        }
        return PaginationView(label: strings["pagination.label"], status: strings.format("pagination.status", page, pageCount),
                              prev: prev, next: next, pages: pages)
    }

    /// The page numbers the navigation links: the first, the last and two either side of the
    /// current one; nil marks a gap ("…"). A full list would make every page of a 700-page blog
    /// link to all 700 (quadratic output, and no help to anyone using a screen reader).
    static func window(page: Int, pageCount: Int, radius: Int = 2) -> [Int?] {
        var numbers: [Int?] = []
        var last = 0
        for n in 1...pageCount where n == 1 || n == pageCount || abs(n - page) <= radius {
            if n > last + 1 { numbers.append(n == last + 2 ? last + 1 : nil) }
            numbers.append(n)
            last = n
        }
        return numbers
    }
}
