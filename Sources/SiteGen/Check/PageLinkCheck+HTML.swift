/// Why an address written in HTML leads nowhere: Markdown's links and pictures are rewritten from
/// content paths (`../../images/a.svg`, `../projekte/x.md`) to the built site's addresses, HTML
/// (with `unsafe_html`) is published as written.
extension PageLinkCheck {
    /// A clause for the message about `href` when the page's Markdown writes it as an HTML attribute
    /// (`src="…"`, `href="…"`); "" otherwise. `picture`: it is loaded (an `<img>`), not followed.
    func htmlHint(_ href: String, on r: PageRecord, picture: Bool) -> String {
        guard let source = r.source, !href.hasPrefix("/"), !href.hasPrefix("#"), !href.contains(":"),
              hasBody(source.path), let body = bodyText(source), Self.isHTMLAttribute(href, in: body) else { return "" }
        if picture { return "; addresses in HTML are published as written: show the picture in Markdown, ![description](\(href))" }
        let path = href.split(separator: "#", maxSplits: 1).first.map(String.init) ?? href
        if path.hasSuffix(".md"), let target = resolveContentPath(path, from: source.path), let page = pageOfSource(target) {
            return "; addresses in HTML are published as written: link in Markdown, [text](\(href)), or write the page's address, \(basePath + page)"
        }
        return "; addresses in HTML are published as written: link in Markdown, [text](\(href))"
    }

    /// Whether the page's Markdown shows `href` as a picture (`![…](https://…)`, or by a reference
    /// `[x]: https://…`), not in HTML: the renderer has reported it at its line, saying what to do.
    func isMarkdownPicture(_ href: String, on r: PageRecord) -> Bool {
        guard let source = r.source, hasBody(source.path), let body = bodyText(source), !Self.isHTMLAttribute(href, in: body),
              !body.containsBytes("=" + href) else { return false }  // also in HTML (`src=https://…`): that one is not reported yet
        return ["](", "](<", "]( ", "]: ", "]: <", "]:"].contains { body.contains($0 + href) }
    }

    /// Whether `text` has `href` as an attribute's value (`src="…"`, `href='…'`).
    static func isHTMLAttribute(_ href: String, in text: String) -> Bool {
        text.containsBytes("=\"\(href)\"") || text.containsBytes("='\(href)'")
    }
}
