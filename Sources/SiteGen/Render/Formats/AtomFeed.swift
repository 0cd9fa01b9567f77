/// One entry of an Atom feed, with absolute URLs.
struct FeedEntry {
    /// Permanent absolute URL of the item's page (also its `rel="alternate"` link).
    var url: String
    var title: String
    var updated: DateTime
    var published: DateTime?
    var author: String?
    /// (term, label) pairs: the item's fields of action.
    var categories: [(term: String, label: String)] = []
    var summary: String?
    /// HTML, already with absolute URLs.
    var contentHTML: String?
    /// The item's own language (`lang` in its front matter), when it differs from the feed's.
    var language: String? = nil
}

/// An Atom 1.0 feed (RFC 4287).
///
/// - The feed's `id` is its own absolute URL; an entry's `id` is the permanent absolute URL of
///   its page, so the same post has the same id in the blog feed and in a field's feed.
/// - `updated` of the feed is the newest entry's, never the build time; an empty feed uses
///   `fallbackUpdated` (the newest date of the whole site), so output is deterministic.
struct AtomFeed {
    var title: String
    var subtitle: String?
    /// Absolute URL of the feed file.
    var selfURL: String
    /// Absolute URL of the HTML page the feed belongs to.
    var alternateURL: String
    /// The feed's author (site.yml `author`); entries may name their own.
    var author: String
    var language: String
    var categoryScheme: String
    var entries: [FeedEntry]
    var fallbackUpdated: DateTime

    var updated: DateTime { entries.map(\.updated).max() ?? fallbackUpdated }

    func xml() -> String {
        var x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        x += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(xmlText(language))\">\n"
        x += "  <id>\(xmlText(selfURL))</id>\n"
        x += "  <title>\(xmlText(title))</title>\n"
        if let subtitle { x += "  <subtitle>\(xmlText(subtitle))</subtitle>\n" }
        x += "  <updated>\(updated.rfc3339UTC)</updated>\n"
        x += "  <author><name>\(xmlText(author))</name></author>\n"
        x += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(xmlText(selfURL))\"/>\n"
        x += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(xmlText(alternateURL))\"/>\n"
        x += "  <generator>sitegen</generator>\n"
        for e in entries {
            // Like the page's text, an entry in another language says so; else the feed's holds.
            if let lang = e.language, lang != language { x += "  <entry xml:lang=\"\(xmlText(lang))\">\n" } else { x += "  <entry>\n" }
            x += "    <id>\(xmlText(e.url))</id>\n"
            x += "    <title>\(xmlText(e.title))</title>\n"
            x += "    <updated>\(e.updated.rfc3339UTC)</updated>\n"
            if let p = e.published { x += "    <published>\(p.rfc3339UTC)</published>\n" }
            if let a = e.author { x += "    <author><name>\(xmlText(a))</name></author>\n" }
            x += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(xmlText(e.url))\"/>\n"
            for c in e.categories {
                x += "    <category term=\"\(xmlText(c.term))\" label=\"\(xmlText(c.label))\" scheme=\"\(xmlText(categoryScheme))\"/>\n"
            }
            if let s = e.summary { x += "    <summary>\(xmlText(s))</summary>\n" }
            if let c = e.contentHTML { x += "    <content type=\"html\">\(xmlText(c))</content>\n" }
            x += "  </entry>\n"
        }
        return x + "</feed>\n"
    }
}

/// Escapes text for XML and drops the characters XML 1.0 does not allow (most C0 controls,
/// U+FFFE/U+FFFF), so no content can make a feed ill-formed.
func xmlText(_ s: String) -> String {
    var text = s
    return text.withUTF8 { bytes in
        // Runs of bytes that stay as they are are copied whole; feeds and the sitemap escape every
        // title, summary and text.
        var out: [UInt8] = []
        var run = 0, i = 0
        func replace(_ width: Int, with text: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
            i += width
            run = i
        }
        while i < bytes.count {
            switch bytes[i] {
            case 38: replace(1, with: "&amp;")
            case 60: replace(1, with: "&lt;")
            case 62: replace(1, with: "&gt;")
            case 34: replace(1, with: "&quot;")
            case 39: replace(1, with: "&apos;")
            // Not allowed in XML: control characters but tab and line ends, U+FFFE and U+FFFF (EF BF BE/BF).
            case let b where b < 0x20 && b != 9 && b != 10 && b != 13: replace(1, with: "")
            case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE: replace(3, with: "")
            default: i += 1
            }
        }
        if run == 0 { return String(s) }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        return String(decoding: out, as: UTF8.self)
    }
}

/// Makes the links of rendered HTML absolute, for feed readers that ignore the page's URL:
/// `href="<basePath>…"` and `src="<basePath>…"` get the base URL, `href="#x"` the page URL.
func absoluteLinks(_ html: String, basePath: String, baseURL: String, pageURL: String) -> String {
    let bytes = Array(html.utf8)
    let base = Array(basePath.utf8)
    let patterns: [[UInt8]] = [Array("href=\"".utf8), Array("src=\"".utf8)]
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 256)
    var i = 0
    func matches(_ p: [UInt8], at k: Int) -> Bool {
        guard k + p.count <= bytes.count else { return false }
        for j in 0..<p.count where bytes[k + j] != p[j] { return false }
        return true
    }
    while i < bytes.count {
        var matched = false
        if bytes[i] == UInt8(ascii: "h") || bytes[i] == UInt8(ascii: "s") {
            for p in patterns where matches(p, at: i) {
                // Only attribute names, not the end of a longer word (e.g. `data-href="`).
                if i > 0, bytes[i - 1] != 32, bytes[i - 1] != 10, bytes[i - 1] != 9 { continue }
                out += p
                let v = i + p.count
                if matches(base, at: v), !(base == [UInt8(ascii: "/")] && v + 1 < bytes.count && bytes[v + 1] == UInt8(ascii: "/")) {
                    out += Array(baseURL.utf8)
                    i = v + base.count
                } else if v < bytes.count, bytes[v] == UInt8(ascii: "#"), p[0] == UInt8(ascii: "h") {
                    out += Array(pageURL.utf8)
                    i = v
                } else {
                    i = v
                }
                matched = true
                break
            }
        }
        if !matched {
            out.append(bytes[i])
            i += 1
        }
    }
    return String(decoding: out, as: UTF8.self)
}

/// The file name of every Atom feed (`blog/feed.xml` …): servers give files of this name Atom's
/// media type, since `.xml` alone does not say it.
public enum FeedFile {
    public static let name = "feed.xml"
}
