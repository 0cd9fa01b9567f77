/// Headings that skip a level (`<h2>` then `<h4>`) in the templates a page kind is made of, read
/// in the order they are written with each partial's headings where it is included: screen
/// reader users move by headings and take the gap for a part they missed (WCAG 1.3.1). The
/// Markdown check names skips in content; a template's skip was on every page of its kind.
extension TemplateLint {
    /// A heading of a template: its level and line, or a partial included there.
    enum HeadingItem { case heading(level: Int, line: Int), partial(String) }

    static func skippedHeadings(_ texts: [String: String], display: (String) -> String) -> [Diagnostic] {
        var items: [String: [HeadingItem]] = [:]
        for (name, text) in texts { items[name] = headingItems(Array(text.utf8)) }
        var result: [Diagnostic] = []
        var named: Set<String> = []
        for kind in TemplateSet.required where texts[kind] != nil {
            var previous: (level: Int, file: String, line: Int)?
            var seen: Set<String> = []
            func walk(_ name: String) {
                guard seen.insert(name).inserted else { return }  // a partial including itself is an error elsewhere
                defer { seen.remove(name) }
                for item in items[name] ?? [] {
                    switch item {
                    case .partial(let partial): walk(partial)
                    case .heading(let level, let line):
                        if let before = previous, level > before.level + 1, named.insert("\(name):\(line)").inserted {
                            let at = "\(display(before.file + ".mustache")):\(before.line)"
                            result.append(.warning(display(name + ".mustache"), line: line,
                                "heading <h\(level)> follows <h\(before.level)> (\(at)) and skips a level, so screen reader users who move by headings look for a part that is not there; make it <h\(before.level + 1)>"))
                        }
                        previous = (level, name, line)
                    }
                }
            }
            walk(kind)
        }
        return result.sorted()
    }

    /// The `<h1>`…`<h6>` start tags and `{{>partial}}` tags of a template, in order.
    static func headingItems(_ b: [UInt8]) -> [HeadingItem] {
        var items: [HeadingItem] = []
        var line = 1, i = 0
        while i + 2 < b.count {
            if b[i] == 10 { line += 1 }
            if b[i] == UInt8(ascii: "<"), b[i + 1] | 0x20 == UInt8(ascii: "h"), b[i + 2] >= 49, b[i + 2] <= 54,
               i + 3 == b.count || b[i + 3] == UInt8(ascii: ">") || b[i + 3] == 32 || b[i + 3] == 10 || b[i + 3] == 9 {
                items.append(.heading(level: Int(b[i + 2] - 48), line: line))
            } else if b[i] == UInt8(ascii: "{"), b[i + 1] == UInt8(ascii: "{"), b[i + 2] == UInt8(ascii: ">") || (b[i + 2] == 32 && i + 3 < b.count && b[i + 3] == UInt8(ascii: ">")) {
                var start = i + (b[i + 2] == 32 ? 4 : 3)
                while start < b.count, b[start] == 32 { start += 1 }
                var end = start
                while end < b.count, b[end] != UInt8(ascii: "}"), b[end] != 32, b[end] != 10 { end += 1 }
                items.append(.partial(String(decoding: b[start..<end], as: UTF8.self)))
            }
            i += 1
        }
        return items
    }
}
