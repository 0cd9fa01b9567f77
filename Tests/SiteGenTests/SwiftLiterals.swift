/// The string literals of Swift source, with what the message coverage test needs to know of each:
/// its text (an interpolation `\(…)` becomes `{}`, as in the catalogue's keys), the calls it stands
/// in and the argument label before it. Literals joined with `+` are one text; an operand of `+`
/// that is no literal is a `{}`. A small lexer, not a parser: it knows comments, string literals
/// (multi-line and raw ones too) with their interpolations, and brackets.
struct SwiftLiterals {
    struct Literal {
        var line: Int
        var text: String
        /// The names of the calls around it, outermost first (`.error`, `Terminal.text`); nil for a
        /// bracket that is no call.
        var calls: [String?]
        var label: String?
        /// Where it starts and ends in the file's bytes, and whether a `+` stands before or after it.
        var start: Int, end: Int
        var plusBefore = false, plusAfter = false

        /// The last part of each call's name (`error` for `Diagnostic.error`).
        var callNames: [String] { calls.compactMap { $0?.split(separator: ".").last.map(String.init) } }
    }

    /// Every literal of `source`, joined where written with `+`, in the order they start.
    static func scan(_ source: String) -> [Literal] {
        var lexer = Lexer(bytes: Array(source.utf8))
        lexer.code(until: nil)
        return joined(lexer.found.sorted { $0.start < $1.start }, bytes: lexer.bytes)
    }

    /// `"a " + "b"` is one text "a b"; `"a " + x` is "a {}", `x + "b"` is "{}b".
    private static func joined(_ literals: [Literal], bytes: [UInt8]) -> [Literal] {
        var out: [Literal] = []
        var taken = Set<Int>()
        for (n, first) in literals.enumerated() where !taken.contains(n) {
            var literal = first
            if literal.plusBefore { literal.text = "{}" + literal.text }
            var current = first
            while current.plusAfter {
                // The next literal after the `+`, when only blanks stand between.
                guard let k = literals.indices.first(where: { $0 > n && literals[$0].start >= current.end && !taken.contains($0) }),
                      bytes[current.end..<literals[k].start].allSatisfy({ $0 == 0x2B || Lexer.isBlank($0) }) else {
                    literal.text += "{}"
                    break
                }
                taken.insert(k)
                current = literals[k]
                literal.text += current.text
                literal.end = current.end
            }
            out.append(literal)
        }
        return out
    }

    private struct Lexer {
        let bytes: [UInt8]
        var i = 0
        var line = 1
        /// Open brackets: the call's name for `(`, nil for `[`, `{` and a `(` that is no call.
        var stack: [String?] = []
        var found: [Literal] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
        static func isNamePart(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2E || b >= 0x80
        }

        func at(_ k: Int) -> UInt8 { k < bytes.count ? bytes[k] : 0 }

        /// Code up to the end, or (in an interpolation) up to the `)` that closes it at `depth`.
        mutating func code(until depth: Int?) {
            while i < bytes.count {
                let c = bytes[i]
                switch c {
                case 0x0A: line += 1; i += 1
                case 0x2F where at(i + 1) == 0x2F:  // `//`
                    while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                case 0x2F where at(i + 1) == 0x2A:  // `/*`, nested as Swift allows
                    var open = 0
                    repeat {
                        if at(i) == 0x2F && at(i + 1) == 0x2A { open += 1; i += 2 } else if at(i) == 0x2A && at(i + 1) == 0x2F { open -= 1; i += 2 } else {
                            if at(i) == 0x0A { line += 1 }
                            i += 1
                        }
                    } while open > 0 && i < bytes.count
                case 0x22: literal()
                case 0x23 where rawStringStarts():
                    literal()
                case 0x28:  // `(`
                    stack.append(nameBefore(i))
                    i += 1
                case 0x5B, 0x7B: stack.append(nil); i += 1
                case 0x29, 0x5D, 0x7D:
                    if c == 0x29, let depth, stack.count == depth { i += 1; return }
                    if !stack.isEmpty { stack.removeLast() }
                    i += 1
                default: i += 1
                }
            }
        }

        func rawStringStarts() -> Bool {
            var k = i
            while at(k) == 0x23 { k += 1 }
            return at(k) == 0x22
        }

        /// `Terminal.text` in `Terminal.text(`; nil when the bracket follows no name.
        func nameBefore(_ k: Int) -> String? {
            var s = k
            while s > 0 && Self.isNamePart(bytes[s - 1]) { s -= 1 }
            return s == k ? nil : String(decoding: bytes[s..<k], as: UTF8.self)
        }

        /// `help` in `help: "…"`.
        func labelBefore(_ k: Int) -> String? {
            var s = k
            while s > 0 && Self.isBlank(bytes[s - 1]) { s -= 1 }
            guard s > 0, bytes[s - 1] == 0x3A else { return nil }
            s -= 1
            while s > 0 && Self.isBlank(bytes[s - 1]) { s -= 1 }
            let end = s
            while s > 0 && Self.isNamePart(bytes[s - 1]) && bytes[s - 1] != 0x2E { s -= 1 }
            return s == end ? nil : String(decoding: bytes[s..<end], as: UTF8.self)
        }

        /// A multi-line literal's text as Swift makes it: without the line breaks after the opening
        /// and before the closing delimiter, each line without the closing delimiter's indentation.
        static func withoutIndentation(_ text: [UInt8]) -> [UInt8] {
            var lines = text.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            guard lines.count >= 2 else { return text }
            let indentation = lines.removeLast()
            lines.removeFirst()
            return Array(lines.map { $0.starts(with: indentation) ? Array($0.dropFirst(indentation.count)) : $0 }.joined(separator: [0x0A]))
        }

        func plusAround(_ start: Int, _ end: Int) -> (before: Bool, after: Bool) {
            var s = start
            while s > 0 && Self.isBlank(bytes[s - 1]) { s -= 1 }
            let before = s > 0 && bytes[s - 1] == 0x2B && (s < 2 || bytes[s - 2] != 0x2B)
            var e = end
            while e < bytes.count && Self.isBlank(bytes[e]) { e += 1 }
            let after = at(e) == 0x2B && at(e + 1) != 0x3D && at(e + 1) != 0x2B
            return (before, after)
        }

        mutating func literal() {
            let start = i, firstLine = line
            var hashes = 0
            while at(i) == 0x23 { hashes += 1; i += 1 }
            let multiLine = at(i + 1) == 0x22 && at(i + 2) == 0x22
            let quotes = multiLine ? 3 : 1
            i += quotes
            var text: [UInt8] = []
            func closes(_ k: Int) -> Bool {
                (0..<quotes).allSatisfy { at(k + $0) == 0x22 } && (0..<hashes).allSatisfy { at(k + quotes + $0) == 0x23 }
            }
            while i < bytes.count {
                if closes(i) { i += quotes + hashes; break }
                if bytes[i] == 0x5C, (0..<hashes).allSatisfy({ at(i + 1 + $0) == 0x23 }) {
                    let k = i + 1 + hashes
                    switch at(k) {
                    case 0x28:  // `\(`: code, then `{}`
                        i = k + 1
                        code(until: stack.count)
                        text += Array("{}".utf8)
                        continue
                    case 0x6E: text.append(0x0A)
                    case 0x74: text.append(0x09)
                    case 0x72: text.append(0x0D)
                    case 0x30: text.append(0)
                    case 0x75:  // \u{…}
                        var e = k + 2
                        while e < bytes.count && bytes[e] != 0x7D { e += 1 }
                        if let value = UInt32(String(decoding: bytes[(k + 2)..<e], as: UTF8.self), radix: 16), let scalar = Unicode.Scalar(value) {
                            text += Array(String(Character(scalar)).utf8)
                        }
                        i = e + 1
                        continue
                    case 0x0A: line += 1  // a multi-line literal's line continuation
                    default: text.append(at(k))
                    }
                    i = k + 1
                    continue
                }
                if bytes[i] == 0x0A { line += 1 }
                text.append(bytes[i])
                i += 1
            }
            if multiLine { text = Self.withoutIndentation(text) }
            let plus = plusAround(start, i)
            found.append(Literal(line: firstLine, text: String(decoding: text, as: UTF8.self), calls: stack, label: labelBefore(start),
                                 start: start, end: i, plusBefore: plus.before, plusAfter: plus.after))
        }
    }
}
