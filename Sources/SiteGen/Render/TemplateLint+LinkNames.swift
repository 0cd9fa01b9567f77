/// A link or button of a template with nothing to read out: an icon (`<svg aria-hidden="true">`)
/// or an image with empty alt and no text, `aria-label` or `title`. Screen readers announce it
/// as "link" alone on every page of that kind (WCAG 2.4.4, 4.1.2); the pages' check reads their
/// links' addresses only.
extension TemplateLint {
    static func linksWithoutName(_ texts: [String: String], display: (String) -> String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for name in texts.keys.sorted() {
            let b = Array(texts[name]!.utf8)
            var line = 1, i = 0
            while i + 2 < b.count {
                if b[i] == 10 { line += 1 }
                guard b[i] == UInt8(ascii: "<"), let element = clickable(b, at: i + 1) else { i += 1; continue }
                guard let open = tagEnd(b, from: i), let close = closing(element, in: b, from: open) else { i += 1; continue }
                if !hasName(tag: Array(b[i..<open]), content: b[open..<close]) {
                    result.append(.warning(display(name + ".mustache"), line: line,
                        "<\(element)> has no text, only an icon or a picture without alt text, so screen readers announce it without a name; add the text in <span class=\"visually-hidden\">…</span>, or an aria-label"))
                }
                i += 1
            }
        }
        return result
    }

    /// The elements judged, with their names' bytes (compared in place: every `<` of every
    /// template is looked at).
    private static let clickables: [(name: String, bytes: [UInt8])] = ["a", "button"].map { ($0, Array($0.utf8)) }

    /// "a" or "button" when such a start tag's name begins at `at`.
    private static func clickable(_ b: [UInt8], at: Int) -> String? {
        for (name, n) in clickables where at + n.count < b.count && matches(b, at: at, n) {
            let after = b[at + n.count]
            if after == UInt8(ascii: ">") || after == 32 || after == 10 || after == 9 { return name }
        }
        return nil
    }

    /// Whether the bytes at `at` are `name`, ignoring the case of ASCII letters.
    private static func matches(_ b: [UInt8], at: Int, _ name: [UInt8]) -> Bool {
        for k in name.indices where b[at + k] | 0x20 != name[k] | 0x20 { return false }
        return true
    }

    /// Just past the `>` of the tag that starts at `from` (quoted values may hold a `>`).
    private static func tagEnd(_ b: [UInt8], from: Int) -> Int? {
        var quote: UInt8? = nil
        for j in from..<b.count {
            if let q = quote { if b[j] == q { quote = nil } } else if b[j] == 34 || b[j] == 39 { quote = b[j] } else if b[j] == UInt8(ascii: ">") { return j + 1 }
        }
        return nil
    }

    /// Where the element's end tag `</name` starts.
    private static func closing(_ element: String, in b: [UInt8], from: Int) -> Int? {
        let name = Array(element.utf8)
        var j = from
        while j + 2 + name.count <= b.count {
            if b[j] == UInt8(ascii: "<"), b[j + 1] == UInt8(ascii: "/"), matches(b, at: j + 2, name) { return j }
            j += 1
        }
        return nil
    }

    /// Whether the link's start tag names it, or its content has text, a value, an image's
    /// alt text, an SVG title or a partial (which may hold text).
    private static func hasName(tag: [UInt8], content: ArraySlice<UInt8>) -> Bool {
        // Most links show a value ({{title}}): that is found on the bytes, without reading tags.
        if visibleText(content) { return true }
        var scanner = XMLTagScanner(tag)
        if let start = scanner.next(), start.attributes.contains(where: { ["aria-label", "aria-labelledby", "title"].contains($0.name.lowercased()) }) { return true }
        var inner = markupScanner(String(decoding: content, as: UTF8.self))
        while let t = inner.next() {
            let name = t.name.lowercased()
            if name == "title" { return true }
            if name == "img", t.attributes.contains(where: { $0.name.lowercased() == "alt" && !$0.value.allSatisfy { $0 == " " } }) { return true }
        }
        return false
    }

    /// Text outside tags, or a tag that prints a value (`{{title}}`, `{{>partial}}`); sections,
    /// comments and the tags' own markup are not text.
    private static func visibleText(_ content: ArraySlice<UInt8>) -> Bool {
        var inMarkup = false
        var i = content.startIndex
        while i < content.endIndex {
            let c = content[i]
            if c == UInt8(ascii: "{"), i + 1 < content.endIndex, content[i + 1] == UInt8(ascii: "{") {
                let sigil = i + 2 < content.endIndex ? content[i + 2] : 0
                if !inMarkup, !"#^/!=".utf8.contains(sigil) { return true }
                while i + 1 < content.endIndex, !(content[i] == UInt8(ascii: "}") && content[i + 1] == UInt8(ascii: "}")) { i += 1 }
                i += 2
                continue
            }
            if c == UInt8(ascii: "<") { inMarkup = true } else if c == UInt8(ascii: ">") { inMarkup = false }
            else if !inMarkup, c > 32 { return true }
            i += 1
        }
        return false
    }
}
