/// The placeholders of the UI strings (`{1}`, `{2}`, filled by `UIStrings.format`): a language's
/// string must have those of the site's own, or its pages leave out a value (a phone number, a
/// page number) or show the placeholder as written.
enum UIStringPlaceholders {
    /// The numbers of the `{n}` in a text, read as `UIStrings.format` reads them.
    static func numbers(in text: String) -> Set<Int> {
        let bytes = Array(text.utf8)
        return Set(bytes.indices.filter { bytes[$0] == UInt8(ascii: "{") }.compactMap { UIStrings.placeholder(bytes, at: $0)?.0 })
    }

    /// Each string of `strings` whose placeholders differ from the same string in `original`.
    static func check(_ strings: UIStrings, original: (strings: UIStrings, file: String), file: String, lines: [String: Int],
                      display: (String) -> String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for key in strings.keys.sorted() where original.strings[key] != key {
            let own = numbers(in: strings[key]), theirs = numbers(in: original.strings[key])
            for n in theirs.subtracting(own).sorted() {
                diagnostics.append(.warning(display(file), line: lines[key], "the UI string '\(key)' leaves out {\(n)} (\(display(original.file)) has it), so the pages of this language do not show what goes there; add it"))
            }
            for n in own.subtracting(theirs).sorted() {
                diagnostics.append(.warning(display(file), line: lines[key], "the UI string '\(key)' has {\(n)}, which no value fills, so the pages of this language show it as written; remove it"))
            }
        }
        return diagnostics
    }
}
