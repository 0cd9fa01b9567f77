/// Plain-words messages for the YAML mistakes editors make most. The parser's own messages
/// often name the line after the mistake ("could not find expected ':'") or quote the whole file.
/// All indexes here are 0-based lines of the YAML text; callers add the file line it starts on.
enum YAMLHints {
    /// Split at each line feed byte, not by Characters: the checks that need lines run for every file.
    static func lines(_ yaml: String) -> [Substring] {
        let utf8 = yaml.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex
        while let newline = FrontMatter.Lines.newline(in: yaml[start...]) {
            lines.append(yaml[start..<newline])
            start = utf8.index(after: newline)
        }
        lines.append(yaml[start...])
        return lines
    }

    /// The first line up to `last` that explains a syntax error: indented with a tab, or a key
    /// without a space after its colon (YAML reads `summary:Kurz` as text and fails a line later).
    static func explainSyntaxError(_ lines: [Substring], upTo last: Int) -> (index: Int, message: String)? {
        for i in lines.indices where i <= last {
            let line = lines[i]
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            if indent.contains("\t"), indent.count < line.count {
                return (i, "YAML does not allow tabs for indentation; use spaces")
            }
            if let fix = noBreakSpaceAfterColon(line) {
                return (i, "after the colon stands a no-break space (as Word writes it), which YAML does not read as a space; type a plain space: \(fix)")
            }
            if let fix = spaceAfterColon(line) { return (i, "write a space after the colon: \(fix)") }
            if let fix = spaceAfterDash(lines, at: i) { return (i, "write a space after the dash: \(fix)") }
            if let message = indentedKey(lines, at: i) { return (i, message) }
            if let message = hashtagInList(line) { return (i, message) }
            if let message = wordListMark(line) { return (i, message) }
            if let message = typographicQuotes(line) { return (i, message) }
            if let message = bracketAtStart(line) { return (i, message) }
        }
        return nil
    }

    /// ` date: 2025-03-01` indented under `title: Einzug`: a key with a value above has no keys
    /// under it, so YAML reads the line as more of that value, and the parser's words ("a colon
    /// with a space may not stand here; put the text in quotes") gave the wrong fix.
    static func indentedKey(_ lines: [Substring], at index: Int) -> String? {
        let line = lines[index]
        // A key's colon ends the line or has a space after it (`  https://…` is text).
        guard line.first == " ", let (key, rest) = keyLine(line), rest.isEmpty || rest.first == " " else { return nil }
        let above = lines[..<index].last { !$0.trimmingTrailingSpaces.isEmpty && !$0.drop { $0 == " " }.hasPrefix("#") }
        guard let above, above.first != " ", let (owner, value) = keyLine(above) else { return nil }
        let text = value.drop { $0 == " " }.trimmingTrailingSpaces
        // `location:` (a group follows), `summary: >` or `|` (a text on the lines below) may have lines under them.
        guard let first = text.first, !"|>[{&*#".contains(first) else { return nil }
        return "'\(key)' is indented, so YAML reads it as more of the value of '\(owner)' above; remove the spaces before \(key):"
    }

    /// Marks that Word puts before list items (`– Klima`, `• Klima`): YAML takes only `- `.
    static let wordListMarks: [Character] = ["–", "—", "•", "‐", "−", "·"]

    /// `– energie-und-umwelt` (a list pasted from Word): what to write instead, as a message.
    static func wordListMark(_ line: Substring) -> String? {
        let content = line.drop { $0 == " " }
        guard let mark = content.first, wordListMarks.contains(mark), content.dropFirst().first == " " else { return nil }
        // Lines of such a list under an indented key read as one text: name its first entry only.
        let text = content.dropFirst(2).trimmingTrailingSpaces
        let entry = text.firstRange(of: " \(mark) ").map { text[..<$0.lowerBound] } ?? text
        return "a list entry starts with a hyphen and a space, not '\(mark)'; write - \(entry)"
    }

    /// `title: „Smart: City“`: typographic quotes are text to YAML, so the colon in them splits
    /// the value; the same value in straight quotes.
    static func typographicQuotes(_ line: Substring) -> String? {
        guard let (key, rest) = keyLine(line) else { return nil }
        let value = rest.drop { $0 == " " }.trimmingTrailingSpaces
        guard let quote = value.first, openingQuotes.contains(quote), value.contains(": ") else { return nil }
        var inner = value.dropFirst()
        if let last = inner.last, closingQuotes.contains(last) { inner = inner.dropLast() }
        return "the value of '\(key)' starts with \(quote), which YAML does not read as a quotation mark; use straight quotes: \(key): \(quoted(String(inner)))"
    }

    /// `title: [Entwurf] Neue Messstationen`: a value starting with [ (or {) is a list to YAML,
    /// and the text after its ] broke the line with "a new key is expected here; check the
    /// indentation", which sent the editor looking elsewhere.
    static func bracketAtStart(_ line: Substring) -> String? {
        guard let (key, rest) = keyLine(line) else { return nil }
        let value = rest.drop { $0 == " " }.trimmingTrailingSpaces
        guard let open = value.first, open == "[" || open == "{", let close = value.firstIndex(of: open == "[" ? "]" : "}") else { return nil }
        let after = value[value.index(after: close)...].drop { $0 == " " }
        guard let next = after.first, next != "#", next != "," else { return nil }
        return "the value of '\(key)' starts with \(open), which YAML reads as the start of a list; put the whole value in quotes: \(key): \(quoted(String(value)))"
    }

    /// Quotation marks a word processor puts where YAML takes only " and ' (both ends of German,
    /// English and French quotes).
    static let openingQuotes: Set<Character> = ["„", "“", "”", "«", "»", "‚", "‘"]
    static let closingQuotes: Set<Character> = openingQuotes.union(["’", "›"])

    /// `title: „Neue Messstationen“` (without a colon, which would break the line): YAML reads the
    /// typographic quotes as part of the text, so the page showed them without a word. The message,
    /// or nil for a value that is not enclosed in them. Only a value starting with a byte such
    /// quotes start with (E2 or C2) is looked at further.
    static func enclosedInTypographicQuotes(_ key: String, _ value: String) -> String? {
        guard let first = value.utf8.first, first == 0xE2 || first == 0xC2, let quote = value.first, let last = value.last,
              value.count > 2, openingQuotes.contains(quote), closingQuotes.contains(last) else { return nil }
        let inner = String(value.dropFirst().dropLast())
        return "'\(key)' is enclosed in \(quote)…\(last), which YAML does not read as quotation marks, so they are shown as part of it; if they only enclose the value, use straight quotes: \(key): \(quoted(inner))"
    }

    /// `-Klima` under `tags:` is read as a key without its colon, and the parser names a later line.
    /// Only a line that stands where a list item belongs: after `key:` without a value, or beside a `- ` item.
    static func spaceAfterDash(_ lines: [Substring], at index: Int) -> String? {
        let content = lines[index].drop { $0 == " " }
        guard content.hasPrefix("-"), let second = content.dropFirst().first, second != " ", second != "\t", second != "-" else { return nil }
        let indent = lines[index].count - content.count
        func neighbour(_ range: some Sequence<Int>) -> Substring? {
            range.lazy.map { lines[$0] }.first { !$0.trimmingTrailingSpaces.isEmpty && !$0.drop { $0 == " " }.hasPrefix("#") }
        }
        let isItem = { (line: Substring) in line.dropFirst(indent).hasPrefix("- ") && line.prefix(indent).allSatisfy { $0 == " " } }
        let before = neighbour(stride(from: index - 1, through: 0, by: -1))
        let after = neighbour(index + 1..<lines.count)
        let afterEmptyKey = before.map { $0.trimmingTrailingSpaces.hasSuffix(":") && $0.prefix { $0 == " " }.count <= indent } ?? false
        guard afterEmptyKey || before.map(isItem) == true || after.map(isItem) == true else { return nil }
        return "- " + content.dropFirst().trimmingTrailingSpaces
    }

    /// `title: Klimamessnetz: Dortmund misst` (a colon in a title is common): YAML reads a second
    /// key, and the message's example was another title; the fix is this line, its value in quotes.
    static func colonInValue(_ lines: [Substring], at index: Int) -> String? {
        guard lines.indices.contains(index), let (key, rest) = keyLine(lines[index]) else { return nil }
        let value = rest.drop { $0 == " " }.trimmingTrailingSpaces
        guard let first = value.first, !"\"'[{|>#&*!".contains(first), value.contains(": ") else { return nil }
        return "the value of '\(key)' contains a colon and a space, which YAML reads as the start of another key; put the value in quotes: \(key): \(quoted(String(value)))"
    }

    /// Spaces Word and web pages put where a plain one belongs (no-break, figure, narrow no-break).
    static let noBreakSpaces: Set<Character> = ["\u{A0}", "\u{2007}", "\u{202F}"]

    /// `tags:` and a no-break space: YAML sees no space after the colon, and "write a space after
    /// the colon" showed the line as it already looked. The line with a plain space.
    static func noBreakSpaceAfterColon(_ line: Substring) -> String? {
        guard let (key, rest) = keyLine(line), let first = rest.first, noBreakSpaces.contains(first) else { return nil }
        return "\(key): \(rest.drop { noBreakSpaces.contains($0) || $0 == " " }.trimmingTrailingSpaces)"
    }

    /// A line that starts (after spaces) with a key and its colon: the key, and what follows the colon.
    static func keyLine(_ line: Substring) -> (key: Substring, rest: Substring)? {
        let text = line.drop { $0 == " " }
        guard let colon = text.firstIndex(of: ":"), colon > text.startIndex, text[..<colon].isYAMLKeyName else { return nil }
        return (text[..<colon], text[text.index(after: colon)...])
    }

    /// `summary:Kurz` → `summary: Kurz`; nil unless the line starts with a key (letters, digits,
    /// `_`, `-`) whose colon is followed by text. A value's `https://…` on its own line is no key.
    static func spaceAfterColon(_ line: Substring) -> String? {
        guard let (key, rest) = keyLine(line), let first = rest.first, first != " ", first != "\t", !rest.hasPrefix("//") else { return nil }
        return "\(key): \(rest.trimmingTrailingSpaces)"
    }

    /// The line of the second `key:` in the block mapping whose first `key` is on line `first` at
    /// `column` (1-based); nil when not found (e.g. in a flow mapping `{…}`).
    static func secondKey(_ key: String, after first: Int, column: Int, in lines: [Substring]) -> Int? {
        for i in lines.indices where i > first {
            let content = lines[i].drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") { continue }
            let indent = lines[i].count - content.count
            if indent < column - 1 { return nil }  // the mapping has ended
            guard indent == column - 1 else { continue }
            for written in [key, "\"\(key)\"", "'\(key)'"] where content.hasPrefix(written + ":") {
                let after = content.dropFirst(written.count + 1).first
                if after == nil || after == " " || after == "\t" { return i }
            }
        }
        return nil
    }

    /// Warnings for plain text values cut short by a comment: in `title: Was ist #Smartcity?` YAML
    /// reads ` #Smartcity?` as a comment, but editors write hashtags. The rule covers every unquoted
    /// value on its key's line, of any key, except numbers, true/false and dates, when the `#` is
    /// written like a hashtag (text right after it): `language: de  # Deutsch` stays a comment.
    static func cutByComment(_ value: YAMLValue, yaml: String, firstLine: Int) -> [(line: Int, message: String)] {
        // Most front matter has no '#' at all: no lines to split then (it runs for every file).
        guard yaml.utf8.contains(UInt8(ascii: "#")) else { return [] }
        let lines = lines(yaml)
        var found: [(line: Int, message: String)] = []
        value.forEachValue { node in
            guard case .map(let map) = node else { return }
            for entry in map.entries {
                if case .scalar(let text, let line, let column, quoted: false) = entry.value, line == entry.keyLine,
                   lines.indices.contains(line - firstLine), !looksTyped(text),
                   let written = commentedValue(lines[line - firstLine], column: column, text: text) {
                    found.append((line, "'\(entry.key)' ends at '#' because YAML reads ' #…' as a comment; put the value in quotes: \(entry.key): \(quoted(written))"))
                }
            }
        }
        return found
    }

    /// The whole text from the value's start to the line's end, when a ` #` comment follows the value.
    private static func commentedValue(_ line: Substring, column: Int, text: String) -> String? {
        let value = Substring(line.unicodeScalars.dropFirst(column - 1))  // libyaml counts columns in code points
        // A plain value cannot hold ' #', so this is where it ends; check it is our value.
        guard let hash = hashtagComment(value, inList: false), String(value[..<hash]).trimmingSpaces == text else { return nil }
        return String(value.trimmingTrailingSpaces)
    }

    /// The one rule for a '#' that YAML reads as a comment though it is written as a hashtag (text
    /// right after it): after a space or tab, and in a list `[…]` also where an item starts (after
    /// `[`, `,` or at `text`'s start), as libyaml does; quoted items are skipped, and the list's `]`
    /// ends the search. `language: de  # Deutsch` stays a comment.
    static func hashtagComment(_ text: Substring, inList: Bool) -> Substring.Index? {
        var itemStart = inList, afterSpace = false
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            var next = text.index(after: i)
            if inList, c == "]" { return nil }
            if inList, itemStart, c == "\"" || c == "'" {
                next = closingQuote(text, from: i).map(text.index(after:)) ?? text.endIndex
            } else if c == "#", itemStart || afterSpace, next < text.endIndex, text[next] != " ", text[next] != "\t" {
                return i
            }
            afterSpace = c == " " || c == "\t"
            itemStart = inList && (c == "[" || c == "," || (itemStart && afterSpace))
            i = next
        }
        return nil
    }

    /// The quote that closes the one opened at `open` (`\"` in double quotes, `''` in single ones do not).
    private static func closingQuote(_ text: Substring, from open: Substring.Index) -> Substring.Index? {
        let quote = text[open]
        var i = text.index(after: open)
        while i < text.endIndex {
            let next = text.index(after: i)
            if quote == "\"", text[i] == "\\" { i = next < text.endIndex ? text.index(after: next) : next; continue }
            if text[i] == quote {
                guard quote == "'", next < text.endIndex, text[next] == "'" else { return i }
                i = text.index(after: next); continue
            }
            i = next
        }
        return nil
    }

    /// `tags: [#SmartCity]`: the comment takes the list's `]`, and the parser names a later line.
    /// The fix puts each item that the rule cuts in quotes.
    static func hashtagInList(_ line: Substring) -> String? {
        let text = line.drop { $0 == " " }
        guard let colon = text.firstIndex(of: ":"), let open = text.firstIndex(of: "["), colon < open,
              text[text.index(after: colon)..<open].allSatisfy({ $0 == " " }),
              let hash = hashtagComment(text[open...], inList: true),
              let close = text.lastIndex(of: "]"), hash < close else { return nil }  // the comment took the `]`
        let key = text[..<colon]
        guard !key.isEmpty, key.isYAMLKeyName else { return nil }
        let items = listItems(text[text.index(after: open)..<close]).map { item in
            item.first != "\"" && item.first != "'" && hashtagComment(item, inList: true) != nil ? quoted(String(item)) : String(item)
        }
        return "the list '\(key)' ends at '#' because YAML reads '#…' as a comment; put each item with # in quotes: \(key): [\(items.joined(separator: ", "))]"
    }

    /// The items of a one-line list's inside, split at commas outside quotes, without spaces around.
    private static func listItems(_ inside: Substring) -> [Substring] {
        var items: [Substring] = []
        var start = inside.startIndex, i = inside.startIndex
        while i < inside.endIndex {
            let c = inside[i]
            if (c == "\"" || c == "'"), inside[start..<i].allSatisfy({ $0 == " " }), let end = closingQuote(inside, from: i) {
                i = inside.index(after: end); continue
            }
            if c == "," { items.append(inside[start..<i].drop { $0 == " " }.trimmingTrailingSpaces); start = inside.index(after: i) }
            i = inside.index(after: i)
        }
        let last = inside[start...].drop { $0 == " " }.trimmingTrailingSpaces
        if !last.isEmpty || !items.isEmpty { items.append(last) }
        return items
    }

    private static func looksTyped(_ text: String) -> Bool {
        Int(text) != nil || Double(text) != nil || DateTime.parse(text) != nil
            || ["true", "false", "yes", "no", "ja", "nein", "on", "off"].contains(text.lowercased())
    }

    /// Double quotes, or single quotes when the text holds `"` or `\` (which double quotes would need escaped).
    private static func quoted(_ text: String) -> String {
        if !text.contains("\"") && !text.contains("\\") { return "\"\(text)\"" }
        return "'" + text.replacingAll("'", with: "''") + "'"
    }

    /// `title: "Das "neue" Portal"`, `title: 'Dortmund's Portal'` or `title: "Smart City" – Neues`: the inner quotation mark ends
    /// the text, and the parser says it expected a key (as if the indentation were wrong). The line
    /// of the error is checked: a value that starts with a quote, closes before the line's end and
    /// goes on with more text; the fix is the value in the other kind of quotes.
    static func quoteInsideQuotes(_ lines: [Substring], at index: Int) -> String? {
        guard lines.indices.contains(index) else { return nil }
        var line = lines[index].drop { $0 == " " }
        if line.hasPrefix("- ") { line = line.dropFirst(2).drop { $0 == " " } }
        guard let colon = line.indices.first(where: { line[$0] == ":" && line[line.index(after: $0)...].first == " " }) else { return nil }
        let key = line[..<colon]
        let value = line[line.index(after: colon)...].drop { $0 == " " }.trimmingTrailingSpaces
        guard !key.isEmpty, key.isYAMLKeyName, let quote = value.first, quote == "\"" || quote == "'", value.count >= 2 else { return nil }
        // `title: "Smart City" – Neues`: a quoted name at the start, and the quotes are all of the value.
        let closesAtEnd = value.last == quote
        let text = closesAtEnd ? String(value.dropFirst().dropLast()) : String(value)
        // Only when the value's own quote closes early, with text after it.
        guard let inner = (closesAtEnd ? Substring(text) : text.dropFirst()).firstIndex(of: quote),
              !(quote == "'" && text[text.index(after: inner)...].first == "'"),
              !(quote == "\"" && inner > text.startIndex && text[text.index(before: inner)] == "\\") else { return nil }
        if quote == "\"" {
            return "the quotation mark \" inside the text of '\(key)' ends the text early; put the text in single quotes, \(key + ": '" + text.replacingAll("'", with: "''") + "'"), or write „…“ inside it"
        }
        let fixed = text.contains("\"") || text.contains("\\") ? "'\(text.replacingAll("'", with: "''"))'" : "\"\(text)\""
        return "the apostrophe ' inside the text of '\(key)' ends the text early; write \(key + ": " + fixed)"
    }

    /// For the parser's "end of stream while scanning a quoted scalar" and "did not find expected
    /// ',' or ']'": the line where the quote or the list opens (the parser names the end of the
    /// front matter), and what to write. A quote left open can also close at the next key's quote
    /// (`summary: "s"`), and the parser fails there, on line `errorLine`, speaking of the indentation.
    static func unclosed(problem: String, context: String, lines: [Substring], errorLine: Int, firstLine: Int) -> (Int, String)? {
        if let (i, quote) = openQuote(lines, closingOn: context.contains("quoted scalar") ? nil : errorLine) {
            return (i, "the quote opened in line \(i + firstLine) is never closed; end the value with \(quote) on the same line")
        }
        if problem.contains("expected ',' or ']'") || context.contains("flow sequence") {
            for (i, line) in lines.enumerated() where line.contains("[") && !line.contains("]") {
                return (i, "the list opened with [ in line \(i + firstLine) is not closed; end it with ] on the same line, e.g. fields: [a, b]")
            }
        }
        return nil
    }

    /// The first line whose value opens a quote that the line does not close, when the quoted text
    /// ends on line `closing` (nil: it never ends). Text quoted over lines on purpose ends elsewhere.
    private static func openQuote(_ lines: [Substring], closingOn closing: Int?) -> (Int, Character)? {
        var i = 0
        while i < lines.count {
            defer { i += 1 }
            guard let colon = lines[i].firstIndex(of: ":") else { continue }
            let value = lines[i][lines[i].index(after: colon)...].drop { $0 == " " }
            guard let quote = value.first, quote == "\"" || quote == "'", closingQuote(value, from: value.startIndex) == nil else { continue }
            guard let closing else { return (i, quote) }
            // The quoted text goes on until a line holds the closing quote; the search goes on after it.
            guard let end = (i + 1..<lines.count).first(where: { j in
                let rest = Substring(String(quote) + lines[j])
                return closingQuote(rest, from: rest.startIndex) != nil
            }) else { return nil }
            if end == closing { return (i, quote) }
            i = end
        }
        return nil
    }
}
