extension YAMLHints {
    /// `tags:` with `- Klima` and below it `  - Sensorik`, indented further: YAML reads the second
    /// line as more text of the first entry, and the post had the one tag "Klima - Sensorik",
    /// without a word. Each such entry, at the line that continues it.
    static func continuedListEntries(_ value: YAMLValue, yaml: String, firstLine: Int) -> [(line: Int, message: String)] {
        // Most front matter has no list written one entry a line.
        guard yaml.utf8.contains(UInt8(ascii: "-")) else { return [] }
        let lines = lines(yaml)
        var found: [(line: Int, message: String)] = []
        value.forEachValue { node in
            guard case .list(let items, _) = node else { return }
            for case .scalar(let text, let line, _, quoted: false) in items {
                guard let next = continuation(of: text, at: line - firstLine, in: lines) else { continue }
                found.append((next + firstLine,
                    "this line is indented further than the list entry above it, so YAML reads it as more text of that entry ('\(text)'); indent every entry of the list alike"))
            }
        }
        return found
    }

    /// The index of the line below `index` that begins with `- ` and continues the entry `text`
    /// written at `index`; nil when the entry is all on its line.
    private static func continuation(of text: String, at index: Int, in lines: [Substring]) -> Int? {
        guard text.contains(" - "), lines.indices.contains(index + 1), !lines[index].contains(text) else { return nil }
        return lines[index + 1].drop { $0 == " " }.hasPrefix("- ") ? index + 1 : nil
    }
}
