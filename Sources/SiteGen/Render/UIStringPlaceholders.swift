/// The placeholders of the UI strings (`{1}`, `{2}`, filled by `UIStrings.format`): a language's
/// string must have those of the site's own, or its pages leave out a value (a phone number, a
/// page number) or show the placeholder as written.
enum UIStringPlaceholders {
    /// The numbers of the `{n}` in a text, read as `UIStrings.format` reads them.
    static func numbers(in text: String) -> Set<Int> {
        let bytes = Array(text.utf8)
        return Set(bytes.indices.filter { bytes[$0] == UInt8(ascii: "{") }.compactMap { UIStrings.placeholder(bytes, at: $0)?.0 })
    }

    /// Each string of `strings` whose placeholders differ from the same string in `original`. For
    /// a string the build fills, only the placeholders it fills count: a `{3}` the original has
    /// beyond them is the original's mistake (named by `unfilled`), not one to copy.
    static func check(_ strings: UIStrings, original: (strings: UIStrings, file: String), file: String, lines: [String: Int],
                      display: (String) -> String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for key in strings.keys.sorted() where original.strings[key] != key {
            let filled = UIStrings.valuesFilled(into: key).map { Set(1...max(1, $0)) }
            let own = numbers(in: strings[key]), theirs = numbers(in: original.strings[key])
            for n in theirs.subtracting(own).sorted() where filled?.contains(n) ?? true {
                diagnostics.append(.warning(display(file), line: lines[key], "the UI string '\(key)' leaves out {\(n)} (\(display(original.file)) has it), so the pages of this language do not show what goes there; add it"))
            }
            for n in own.subtracting(filled ?? theirs).sorted() {
                diagnostics.append(unfilled(key, n, file: display(file), line: lines[key]))
            }
        }
        return diagnostics
    }

    /// Each `{n}` of the site's own strings beyond the values the build fills in (`Seite {1} von {3}`).
    static func unfilled(_ strings: UIStrings, file: String, lines: [String: Int]) -> [Diagnostic] {
        strings.keys.sorted().flatMap { key -> [Diagnostic] in
            guard let count = UIStrings.valuesFilled(into: key), strings[key].utf8.contains(UInt8(ascii: "{")) else { return [] }
            return numbers(in: strings[key]).filter { $0 > count }.sorted().map { unfilled(key, $0, file: file, line: lines[key]) }
        }
    }

    private static func unfilled(_ key: String, _ n: Int, file: String, line: Int?) -> Diagnostic {
        .warning(file, line: line, "the UI string '\(key)' has {\(n)}, which no value fills, so the pages of this language show it as written; remove it")
    }
}
