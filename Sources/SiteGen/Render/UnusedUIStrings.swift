import MustacheEngine

/// UI strings that nothing reads: a key a designer renamed in the templates stays behind in
/// `i18n/<lang>.yml`, and editing its text changes no page without a word.
enum UnusedUIStrings {
    /// Each string of `strings` that no template names and the build never asks for, at its line.
    /// - Parameter names: `namesInTemplates` of the theme's templates.
    static func check(_ strings: UIStrings, names: Set<String>, file: String, lines: [String: Int]) -> [Diagnostic] {
        guard !names.contains("") else { return [] }  // {{#t}}: a section over every string
        // A name the templates mistyped (`t.Skip`) is reported there, with its "did you mean 'skip'":
        // the string it meant is no leftover, and removing it would be the wrong advice.
        let keys = Array(strings.keys)
        let mistyped = names.filter { name in strings[name] == name && !keys.contains { $0.hasPrefix(name + ".") } }
        func meant(_ key: String) -> Bool {
            // `t.skip.label` for the string skip is reported at the template as well.
            mistyped.contains { $0.hasPrefix(key + ".") || NameDistance.closest($0, in: [key], limit: max(1, $0.count / 3), ignoringCase: true) != nil }
        }
        return keys.filter { !isUsed($0, names: names) && !meant($0) }.sorted { (lines[$0] ?? 0, $0) < (lines[$1] ?? 0, $1) }.map {
            .warning(file, line: lines[$0], "the UI string '\($0)' is used by no template and not by the build, so no page shows it; remove it, or show it with {{t.\($0)}}")
        }
    }

    /// Whether a template names the string or a group it is in (`{{#t.nav}}{{blog}}{{/t.nav}}`),
    /// or the build reads it (`UIStrings.usedByCode`, `groupsReadByCode`, the zero form of a count).
    static func isUsed(_ key: String, names: Set<String>) -> Bool {
        var prefix = Substring(key)
        while true {
            if names.contains(String(prefix)) { return true }
            guard let dot = prefix.lastIndex(of: ".") else { break }
            prefix = prefix[..<dot]
        }
        if UIStrings.usedByCode.contains(key) || UIStrings.groupsReadByCode.contains(where: { key.hasPrefix($0 + ".") }) { return true }
        // `UIStrings.count` shows the zero form when there is one.
        return key.hasSuffix(".zero") && UIStrings.usedByCode.contains(String(key.dropLast(5)) + ".one")
    }

    /// The dotted names after `t.` in the templates (`{{t.nav.blog}}` → `nav.blog`, `{{#t.nav}}`
    /// → `nav`), looked for anywhere, not only after `{{`: a template that set other delimiters
    /// (`<% t.nav.blog %>`) reads them too, and a name found in plain text only keeps a warning
    /// away. "" for a tag that names `t` itself (`{{#t}}`).
    static func namesInTemplates(_ texts: [String: String]) -> Set<String> {
        var names: Set<String> = []
        for text in texts.values {
            let bytes = Array(text.utf8)
            for i in bytes.indices where bytes[i] == UInt8(ascii: "t") && (i == 0 || !isNameByte(bytes[i - 1])) {
                var end = i + 1
                while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
                if end == i + 1, isTag(bytes, before: i) { names.insert("") }
                guard end > i + 2, bytes[i + 1] == UInt8(ascii: ".") else { continue }
                // A sentence's full stop ends no name ("sees site and t." in a comment).
                var last = end
                while last > i + 2, bytes[last - 1] == UInt8(ascii: ".") { last -= 1 }
                if last > i + 2 { names.insert(String(decoding: bytes[(i + 2)..<last], as: UTF8.self)) }
            }
        }
        return names
    }

    /// Whether `{{` and nothing but sigils and spaces stand before `at`.
    private static func isTag(_ bytes: [UInt8], before at: Int) -> Bool {
        var i = at - 1
        while i >= 0, sigils.contains(bytes[i]) { i -= 1 }
        return i >= 1 && bytes[i] == UInt8(ascii: "{") && bytes[i - 1] == UInt8(ascii: "{")
    }

    private static let sigils: Set<UInt8> = Set("&#^/ ".utf8)

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }
}
