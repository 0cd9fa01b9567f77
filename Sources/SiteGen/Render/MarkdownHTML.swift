import MustacheEngine

/// The HTML of a rendered Markdown body, as page views hold it.
///
/// A build that reuses an earlier build's results (see `BuildCache`) knows the hash of a body's
/// HTML without the HTML: the page's view hash needs only that, and most pages are not rendered
/// again. The text is made on first use (`make`), while the page that needs it is rendered.
final class MarkdownHTML: DeferredText, @unchecked Sendable {  // `made` is guarded by `lock`
    private let lock = NSLockLite()
    /// UTF-8, as cmark wrote it (valid: its input was).
    private var made: [UInt8]?
    private var knownHash: UInt64?
    private let make: (@Sendable () -> [UInt8])?

    init(_ bytes: [UInt8], hash: UInt64? = nil) {
        made = bytes
        knownHash = hash
        make = nil
    }

    convenience init(_ text: String, hash: UInt64? = nil) { self.init(Array(text.utf8), hash: hash) }

    init(hash: UInt64, make: @escaping @Sendable () -> [UInt8]) {
        knownHash = hash
        self.make = make
    }

    var fingerprint: UInt64 { hash }

    var hash: UInt64 {
        lock.locked {
            if let knownHash { return knownHash }
            let h = (made ?? []).withUnsafeBytes { ContentHash.of($0) }
            knownHash = h
            return h
        }
    }

    /// The HTML's bytes, made on first use.
    var bytes: [UInt8] {
        lock.locked {
            if let made { return made }
            let bytes = make?() ?? []
            assert(bytes.withUnsafeBytes { ContentHash.of($0) } == knownHash, "cached Markdown rendered to different HTML")
            made = bytes
            return bytes
        }
    }

    /// The HTML, for other uses than the template (a feed's entry).
    var content: String { String(decoding: bytes, as: UTF8.self) }

    /// The HTML as the template prints it.
    var text: String { content }

    func withUTF8(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer(body)
    }
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
        html = MarkdownHTML(rendered.htmlBytes)
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
