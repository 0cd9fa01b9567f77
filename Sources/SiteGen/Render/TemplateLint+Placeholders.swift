/// A UI string with placeholders (`pagination.status`: "Seite {1} von {2}") is filled by the
/// build where its code uses it; a template that shows it itself (`{{t.pagination.status}}`)
/// printed "Seite {1} von {2}" on every page of that kind, without a word.
extension TemplateLint {
    static func placeholdersShownAsWritten(_ texts: [String: String], strings: UIStrings, display: (String) -> String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for name in texts.keys.sorted() {
            for (key, line) in shownStrings(in: Array(texts[name]!.utf8)) {
                let text = strings[key]
                guard text != key, text.utf8.contains(UInt8(ascii: "{")), let first = UIStringPlaceholders.numbers(in: text).min() else { continue }
                result.append(.warning(display(name + ".mustache"), line: line,
                    "{{t.\(key)}} shows the string's {\(first)} as written, on every page made with it: only the build fills placeholders, where it uses the string itself; show the view's value made from it (docs/templates.md names them), or a UI string without placeholders"))
            }
        }
        return result
    }

    /// The dotted names of the UI strings a template prints (`{{t.a.b}}`, `{{{t.a.b}}}`,
    /// `{{&t.a.b}}`; not sections, not a `data-…` attribute's value), each with its line.
    static func shownStrings(in bytes: [UInt8]) -> [(key: String, line: Int)] {
        var found: [(String, Int)] = []
        var line = 1, i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 10 { line += 1 }
            guard bytes[i] == UInt8(ascii: "{"), bytes[i + 1] == UInt8(ascii: "{") else { i += 1; continue }
            var start = i + 2
            while start < bytes.count, bytes[start] == UInt8(ascii: "{") || bytes[start] == UInt8(ascii: "&") || bytes[start] == 32 { start += 1 }
            var end = start
            while end < bytes.count, isKeyByte(bytes[end]) { end += 1 }
            if end - start > 2, bytes[start] == UInt8(ascii: "t"), bytes[start + 1] == UInt8(ascii: "."), !inDataAttribute(bytes, before: i) {
                found.append((String(decoding: bytes[(start + 2)..<end], as: UTF8.self), line))
            }
            i = max(i + 2, end)
        }
        return found
    }

    /// Whether the tag at `at` opens the value of a `data-…` attribute (`data-text-section="{{t.search.section}}"`):
    /// the site's script reads it and fills its placeholders.
    static func inDataAttribute(_ bytes: [UInt8], before at: Int) -> Bool {
        var i = at - 1
        guard i > 0, bytes[i] == 34 || bytes[i] == 39, bytes[i - 1] == UInt8(ascii: "=") else { return false }
        i -= 2
        let end = i + 1
        while i >= 0, isKeyByte(bytes[i]) { i -= 1 }
        return bytes[(i + 1)..<end].starts(with: "data-".utf8)
    }

    private static func isKeyByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b >= 0x80
    }
}
