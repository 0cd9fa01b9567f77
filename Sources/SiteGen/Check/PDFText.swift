/// Texts in a PDF's dictionaries and XMP metadata, as a person reads them: the value of a key
/// such as `/Author (Erika Muster)` or `/Author <FEFF00450072…>`, or an XMP element's text.
enum PDFText {
    /// Longer values are cut: a name in the document's properties is short.
    static let maximumBytes = 512

    /// The text of the first string value of `key` (`/Author`) in `text`, or nil when it has none
    /// or only an empty one (a reference to another object is not followed).
    static func value(of key: String, in text: [UInt8]) -> String? {
        PDFAccessibility.valueStarts(of: key, in: text).lazy.compactMap { string(in: text, at: $0).map(trimmed) }.first { !$0.isEmpty }
    }

    /// The PDF string (`(…)` or `<…>`) that starts at `start`, decoded; nil when none starts there.
    static func string(in text: [UInt8], at start: Int) -> String? {
        guard start + 1 < text.count else { return nil }
        switch text[start] {
        case UInt8(ascii: "("): return decode(literal(text, from: start + 1))
        case UInt8(ascii: "<") where text[start + 1] != UInt8(ascii: "<"): return decode(hex(text, from: start + 1))
        default: return nil
        }
    }

    /// The bytes of a literal string up to its closing parenthesis: balanced parentheses belong to
    /// it, and a backslash escapes a character, a line end or up to three octal digits.
    static func literal(_ text: [UInt8], from start: Int) -> [UInt8] {
        var out: [UInt8] = [], depth = 0, i = start
        while i < text.count, out.count < maximumBytes {
            let byte = text[i]
            i += 1
            switch byte {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                if depth == 0 { return out }
                depth -= 1
            case UInt8(ascii: "\\"):
                guard i < text.count else { return out }
                let (escaped, next) = escape(text, at: i)
                if let escaped { out.append(escaped) }
                i = next
                continue
            default: break
            }
            out.append(byte)
        }
        return out
    }

    private static let named: [UInt8: UInt8] = [UInt8(ascii: "n"): 10, UInt8(ascii: "r"): 13, UInt8(ascii: "t"): 9, UInt8(ascii: "b"): 8, UInt8(ascii: "f"): 12]

    /// The byte a backslash sequence at `i` (after the backslash) stands for, and where it ends.
    private static func escape(_ text: [UInt8], at i: Int) -> (UInt8?, Int) {
        let c = text[i]
        if let byte = named[c] { return (byte, i + 1) }
        if c == 13 || c == 10 { return (nil, c == 13 && i + 1 < text.count && text[i + 1] == 10 ? i + 2 : i + 1) }
        guard (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(c) else { return (c, i + 1) }
        var value = 0, j = i
        while j < text.count, j < i + 3, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(text[j]) {
            value = value * 8 + Int(text[j] - UInt8(ascii: "0"))
            j += 1
        }
        return (UInt8(truncatingIfNeeded: value), j)
    }

    /// The bytes of a hex string up to `>`; white space is skipped, a last odd digit counts as `x0`.
    static func hex(_ text: [UInt8], from start: Int) -> [UInt8] {
        var out: [UInt8] = [], high: UInt8? = nil, i = start
        while i < text.count, text[i] != UInt8(ascii: ">"), out.count < maximumBytes {
            defer { i += 1 }
            guard let digit = hexDigit(text[i]) else { continue }
            if let h = high {
                out.append(h << 4 | digit)
                high = nil
            } else {
                high = digit
            }
        }
        if let h = high { out.append(h << 4) }
        return out
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// UTF-16BE after its byte order mark, UTF-8 after its own (PDF 2.0), else PDFDocEncoding,
    /// read as Latin-1 (the two agree on letters, umlauts and ß).
    static func decode(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFE, 0xFF]) {
            let units = stride(from: 2, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
            return String(decoding: units, as: UTF16.self)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return String(decoding: bytes.dropFirst(3), as: UTF8.self) }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    /// The text of the first XMP element `name` (`dc:creator`), its markup left out, or nil.
    static func elementText(_ name: String, in text: [UInt8]) -> String? {
        guard let start = text.offset(of: "<" + name + ">"), let end = text.offset(of: "</" + name + ">", from: start) else { return nil }
        var out: [UInt8] = [], inTag = false
        for byte in text[start + name.utf8.count + 2..<min(end, start + name.utf8.count + 2 + 4 * maximumBytes)] {
            if byte == UInt8(ascii: "<") { inTag = true } else if byte == UInt8(ascii: ">") { inTag = false; out.append(32) } else if !inTag { out.append(byte) }
        }
        var value = trimmed(String(decoding: out, as: UTF8.self))
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            value = value.replacingAll(entity, with: character)
        }
        return value.isEmpty ? nil : value
    }

    /// Runs of white space as one space, none at the ends.
    static func trimmed(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace || $0 == "\u{0}" }).joined(separator: " ")
    }
}
