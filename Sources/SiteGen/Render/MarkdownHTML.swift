import MustacheEngine

/// The HTML of a rendered Markdown body, as page views hold it.
///
/// A build that reuses an earlier build's results (see `BuildCache`) knows the hash of a body's
/// HTML without the HTML: the page's view hash needs only that, and most pages are not rendered
/// again. The text is made on first use (`make`), while the page that needs it is rendered.
final class MarkdownHTML: DeferredText, @unchecked Sendable {  // `made` is guarded by `lock`
    private let lock = NSLockLite()
    private var made: String?
    private var knownHash: UInt64?
    private let make: (@Sendable () -> String)?

    init(_ text: String, hash: UInt64? = nil) {
        made = text
        knownHash = hash
        make = nil
    }

    init(hash: UInt64, make: @escaping @Sendable () -> String) {
        knownHash = hash
        self.make = make
    }

    var fingerprint: UInt64 { hash }

    var hash: UInt64 {
        lock.locked {
            if let knownHash { return knownHash }
            let h = ContentHash.of(made ?? "")
            knownHash = h
            return h
        }
    }

    /// The HTML, for other uses than the template (a feed's entry).
    var content: String {
        lock.locked {
            if let made { return made }
            let text = make?() ?? ""
            assert(ContentHash.of(text) == knownHash, "cached Markdown rendered to different HTML")
            made = text
            return text
        }
    }

    /// The HTML as the template prints it.
    var text: String { content }
}

/// A body's rendered Markdown as the page renderer uses it.
struct PageMarkdown: Sendable {
    var html: MarkdownHTML
    var headings: [Heading]
    var anchors: [AnchorReference]
    var diagnostics: [Diagnostic]
    /// The text for the search index, either as text (the renderer makes terms of it) or, when
    /// the cache had it, as terms already.
    var plainText: [UInt8]?
    var search: PageSearchText?
    /// Hash of the Markdown text (set by the cache).
    var textHash: UInt64 = 0

    init(_ rendered: RenderedMarkdown) {
        html = MarkdownHTML(rendered.html)
        headings = rendered.headings
        anchors = rendered.anchors
        diagnostics = rendered.diagnostics
        plainText = rendered.plainTextBytes
    }

    init(html: MarkdownHTML, headings: [Heading], anchors: [AnchorReference], diagnostics: [Diagnostic], search: PageSearchText?,
         textHash: UInt64) {
        self.textHash = textHash
        self.html = html
        self.headings = headings
        self.anchors = anchors
        self.diagnostics = diagnostics
        self.search = search
    }
}
