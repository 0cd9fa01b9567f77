/// Splits a template's text into text and tags, following set-delimiter tags.
struct Tokenizer {
    enum Kind: Equatable { case text, variable, raw, section, inverted, close, comment, partial, parent, block, delimiters }

    struct Token {
        var kind: Kind
        var name: String
        /// Byte range of the text or the whole tag.
        var start: Int
        var end: Int
        var location: SourceLocation
        /// The delimiters in force after this token.
        var delimiters: Delimiters
        /// On a line of its own (with other non-printing tags at most): its line's whitespace is removed.
        var standalone = false
        /// For a standalone partial, parent or block: the whitespace before it on its line.
        var indent: [UInt8]? = nil
        /// Text removed as part of a standalone line.
        var removed = false
        /// Part of a removed line that is kept (the newline after an empty block, see `Standalone`).
        var kept: Range<Int>? = nil
    }

    struct Delimiters: Equatable {
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var isDefault: Bool { open == Array("{{".utf8) && close == Array("}}".utf8) }
    }

    let bytes: [UInt8]
    let template: String
    let firstLine: Int
    var delimiters: Delimiters

    init(bytes: [UInt8], template: String, firstLine: Int = 1, delimiters: Delimiters = Delimiters()) {
        self.bytes = bytes
        self.template = template
        self.firstLine = firstLine
        self.delimiters = delimiters
    }

    mutating func tokenize() throws(TemplateError) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        var lines = LineCounter(bytes: bytes, firstLine: firstLine)
        while i < bytes.count {
            guard let open = find(delimiters.open, from: i) else {
                tokens += textTokens(i, bytes.count, &lines)
                break
            }
            if open > i { tokens += textTokens(i, open, &lines) }
            let location = lines.location(of: open)
            var token = try tag(at: open, location: location)
            token.delimiters = delimiters
            tokens.append(token)
            i = token.end
        }
        return tokens
    }

    /// Text split after each line break, so that each token lies on one line.
    private func textTokens(_ start: Int, _ end: Int, _ lines: inout LineCounter) -> [Token] {
        var result: [Token] = []
        var s = start
        var i = start
        while i < end {
            if bytes[i] == 10 {
                result.append(Token(kind: .text, name: "", start: s, end: i + 1, location: lines.location(of: s), delimiters: delimiters))
                s = i + 1
            }
            i += 1
        }
        if s < end { result.append(Token(kind: .text, name: "", start: s, end: end, location: lines.location(of: s), delimiters: delimiters)) }
        return result
    }

    private mutating func tag(at open: Int, location: SourceLocation) throws(TemplateError) -> Token {
        let inner = open + delimiters.open.count
        func fail(_ message: String) -> TemplateError {
            TemplateError(template: template, line: location.line, column: location.column, message: message)
        }
        if delimiters.isDefault, inner < bytes.count, bytes[inner] == UInt8(ascii: "{") {
            guard let close = find(Array("}}}".utf8), from: inner + 1) else { throw fail("a tag {{{… is not closed with }}}") }
            let name = trimmed(inner + 1, close)
            if name.isEmpty { throw fail("a tag has no name") }
            return Token(kind: .raw, name: name, start: open, end: close + 3, location: location, delimiters: delimiters)
        }
        guard let close = find(delimiters.close, from: inner) else {
            throw fail("a tag is not closed with \(String(decoding: delimiters.close, as: UTF8.self))")
        }
        let end = close + delimiters.close.count
        let sigil = inner < close ? bytes[inner] : 0
        let kind: Kind
        switch sigil {
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        case UInt8(ascii: "&"): kind = .raw
        case UInt8(ascii: "="): kind = .delimiters
        default: kind = .variable
        }
        var token = Token(kind: kind, name: "", start: open, end: end, location: location, delimiters: delimiters)
        switch kind {
        case .comment:
            // A comment ends at the first closing delimiter: one that holds an opening one is most
            // likely not closed where its author thinks (or wraps a tag, whose rest is printed).
            if find(delimiters.open, from: inner, before: close) != nil {
                throw fail("this comment holds '\(String(decoding: delimiters.open, as: UTF8.self))', but a comment ends at the first '\(String(decoding: delimiters.close, as: UTF8.self))': close the comment before it (comments cannot be nested or hold tags)")
            }
            return token
        case .delimiters:
            guard close - inner >= 2, bytes[close - 1] == UInt8(ascii: "=") else { throw fail("a set-delimiter tag must end with '=' ({{=<% %>=}})") }
            let parts = bytes[(inner + 1)..<(close - 1)].split(whereSeparator: { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 })
            guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
                throw fail("a set-delimiter tag needs two delimiters without '=' ({{=<% %>=}})")
            }
            delimiters = Delimiters(open: Array(parts[0]), close: Array(parts[1]))
            return token
        default:
            token.name = trimmed(kind == .variable ? inner : inner + 1, close)
            if token.name.isEmpty { throw fail("a tag has no name") }
            if token.name.hasPrefix("*") { throw fail("dynamic names ({{>*\(token.name.dropFirst())}}) are not supported; name the partial") }
            if kind == .variable, let first = token.name.utf8.first, Self.sigils.contains(first) { throw fail(spaceBeforeSigil(token, first)) }
            try Self.checkName(token.name, kind: kind, fail: fail)
            return token
        }
    }

    /// The bytes that make a tag a section, partial, comment … when they follow the opening delimiter.
    static let sigils: Set<UInt8> = Set("#^/>!<$&=".utf8)

    /// `{{ #post }}`: Mustache reads a sigil after a space as part of a value's name, so the
    /// section never opened and every key inside it was reported missing, one warning each.
    private func spaceBeforeSigil(_ token: Token, _ sigil: UInt8) -> String {
        let written = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
        let rest = token.name.dropFirst().drop { $0 == " " || $0 == "\t" }
        let meant = String(decoding: delimiters.open, as: UTF8.self) + String(UnicodeScalar(sigil)) + rest + String(decoding: delimiters.close, as: UTF8.self)
        return "the tag \(written) has a space before '\(UnicodeScalar(sigil))', so it would be read as a value named '\(token.name)'; write \(meant)"
    }

    /// Names Mustache cannot use, with what to write instead (Handlebars habits among them).
    static func checkName(_ name: String, kind: Kind, fail: (String) -> TemplateError) throws(TemplateError) {
        // Most names are ASCII without spaces (page.title): checked on their bytes, which gives the
        // same answers as splitting into Characters (ten thousand instructions per tag).
        var bytes = name
        let plainHasEmptyPart = bytes.withUTF8 { Self.plainNameHasEmptyPart($0) }
        let words = plainHasEmptyPart != nil ? [] : name.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        if words.count > 1 {
            let rest = words.dropFirst().joined(separator: " ")
            switch (kind, String(words[0])) {
            case (.section, "each"), (.section, "with"):
                throw fail("Mustache has no {{#\(words[0]) …}}: a section repeats itself for each item of a list; write {{#\(rest)}}…{{/\(rest)}}")
            case (.section, "if"):
                throw fail("Mustache has no {{#if …}}: a section shows its content when the value is there; write {{#\(rest)}}…{{/\(rest)}}")
            case (.section, "unless"):
                throw fail("Mustache has no {{#unless …}}: write {{^\(rest)}}…{{/\(rest)}}")
            default:
                throw fail("the tag name '\(name)' has a space in it; a name is one word or a dotted path (page.title)")
            }
        }
        if kind == .variable, name == "else" {
            throw fail("Mustache has no {{else}}: close the section and add an inverted one for the other case ({{#x}}…{{/x}}{{^x}}…{{/x}})")
        }
        if plainHasEmptyPart ?? (name != "." && name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty)) {
            throw fail("the tag name '\(name)' has an empty part; write names like page.title, or . for the current value")
        }
    }

    /// For a name of ASCII letters, digits and punctuation without spaces: whether a part between
    /// its dots is empty ("." alone is the current value). Nil for other names.
    static func plainNameHasEmptyPart(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 < 0x80 && !isSpace($0) }) else { return nil }
        let dot = UInt8(ascii: ".")
        if bytes.count == 1 { return false }
        if bytes[0] == dot || bytes[bytes.count - 1] == dot { return true }
        for i in 1..<bytes.count where bytes[i] == dot && bytes[i - 1] == dot { return true }
        return false
    }

    private func trimmed(_ start: Int, _ end: Int) -> String {
        var s = start, e = end
        while s < e, isSpace(bytes[s]) { s += 1 }
        while e > s, isSpace(bytes[e - 1]) { e -= 1 }
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    func find(_ needle: [UInt8], from start: Int, before end: Int? = nil) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var i = start
        let last = min(bytes.count, end ?? bytes.count) - needle.count
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < needle.count, bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}

@inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }

/// Line and column of byte offsets, asked for in increasing order.
struct LineCounter {
    let bytes: [UInt8]
    var line: Int
    var lineStart = 0
    var scanned = 0

    init(bytes: [UInt8], firstLine: Int) {
        self.bytes = bytes
        line = firstLine
    }

    mutating func location(of offset: Int) -> SourceLocation {
        while scanned < offset {
            if bytes[scanned] == 10 { line += 1; lineStart = scanned + 1 }
            scanned += 1
        }
        // Columns count characters, not bytes.
        let column = bytes[lineStart..<offset].reduce(1) { ($1 & 0xC0) == 0x80 ? $0 : $0 + 1 }
        return SourceLocation(line: line, column: column)
    }
}
