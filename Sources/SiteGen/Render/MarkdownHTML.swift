#if canImport(Glibc)
import Glibc
#endif
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
    private var renders = 0

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

    /// How often a template printed the HTML: a page that printed it once can have its body
    /// replaced in place (see `BodyRange`).
    var timesRendered: Int { lock.locked { renders } }

    /// The HTML as the template prints it (counted, see `timesRendered`).
    var text: String {
        lock.locked { renders += 1 }
        return content
    }
}

/// Where a page's rendered Markdown stands in the page's file, so a later build whose only
/// change is that text can put the new HTML in its place without making the page again (see
/// `TextOnlyRebuild`). Known only when the template printed the HTML exactly once and it occurs
/// exactly once in the page: then that occurrence is the one the template printed, and
/// everything around it does not depend on the text.
struct BodyRange: Sendable, Equatable {
    var offset: Int
    var length: Int

    static func locate(_ body: MarkdownHTML, in page: [UInt8]) -> BodyRange? {
        guard body.timesRendered == 1 else { return nil }
        var text = body.content
        guard !text.isEmpty else { return nil }
        return text.withUTF8 { needle in
            page.withUnsafeBufferPointer { hay -> BodyRange? in
                guard let first = byteOffset(of: needle, in: hay, from: 0),
                      byteOffset(of: needle, in: hay, from: first + 1) == nil else { return nil }
                return BodyRange(offset: first, length: needle.count)
            }
        }
    }
}

/// Where `needle` occurs in `haystack` at or after `start` (memchr for its first byte, then memcmp).
func byteOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard let h = haystack.baseAddress, let n = needle.baseAddress, !needle.isEmpty else { return nil }
    let last = haystack.count - needle.count
    var i = start
    while i <= last {
        guard let hit = memchr(h + i, Int32(n[0]), last - i + 1) else { return nil }
        i = UnsafeRawPointer(hit) - UnsafeRawPointer(h)
        if memcmp(h + i, n, needle.count) == 0 { return i }
        i += 1
    }
    return nil
}

/// A body's rendered Markdown as the page renderer uses it.
struct PageMarkdown: Sendable {
    var html: MarkdownHTML
    var headings: [Heading]
    var anchors: [AnchorReference]
    var diagnostics: [Diagnostic]
    /// The text for the search index, either as text (the renderer makes terms of it) or, when
    /// the cache had it, as terms already.
    var plainText: String?
    var search: PageSearchText?
    /// Hash of the Markdown text (set by the cache).
    var textHash: UInt64 = 0

    init(_ rendered: RenderedMarkdown) {
        html = MarkdownHTML(rendered.html)
        headings = rendered.headings
        anchors = rendered.anchors
        diagnostics = rendered.diagnostics
        plainText = rendered.plainText
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
