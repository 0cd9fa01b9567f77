// The rendered pages as values: what Render hands on and Check, the sitemap, the feeds and the
// search index read. Neither stage owns these types.

/// What rendering one page left behind for the checks, the sitemap and the feeds.
struct PageRecord: Sendable {
    var path: String
    /// The Markdown file behind the page, if any (for messages).
    var source: SourceRef?
    var refs: HTMLReferences
    var headings: [Heading] = []
    var anchors: [AnchorReference] = []
    var diagnostics: [Diagnostic] = []
    /// Rendered Markdown of the item, kept only where a feed needs it.
    var bodyHTML: MarkdownHTML?
    /// The item's text as search terms (nil for pages left out of the search).
    var search: PageSearchText?
    var isHTMLPage = true
    /// With a cache: what the page's link check depends on of the page itself (its HTML, its
    /// Markdown text and where that starts in the file).
    var checkKey: UInt64?
    /// With a cache: hash of the Markdown text only this page shows (0: none).
    var textHash: UInt64 = 0
}
