/// HTML comments in a page's Markdown are notes for editors ("<!-- Zahlen von Herrn M. prüfen -->"):
/// readers never see them, but a published page's source and its feed entry would show them.
enum HTMLComments {
    /// The HTML without its comments (an unclosed one runs to the end); nil when it has none.
    static func removed(from html: String) -> String? {
        guard html.contains("<!--") else { return nil }
        var rest = Substring(html)
        var out = ""
        while let open = rest.firstRange(of: "<!--") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstRange(of: "-->") else { return out }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// True when the HTML is comments and white space only: leaving it out loses nothing.
    static func isOnlyComments(_ html: String) -> Bool {
        guard let rest = removed(from: html) else { return false }
        return rest.allSatisfy(\.isWhitespace)
    }
}
