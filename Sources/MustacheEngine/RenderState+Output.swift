/// Writing text and values, with indentation and escaping.
extension RenderState {
    @inline(__always) mutating func write(text bytes: UnsafeBufferPointer<UInt8>) {
        if indent.isEmpty { out.append(bytes) } else { writeIndented(text: bytes) }
    }

    /// Text inside a standalone partial, parent or block: each line that is not blank gets the indentation.
    mutating func writeIndented(text bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            let lineEnd = end < bytes.count ? end + 1 : end
            // A blank line gets no indentation.
            if atLineStart && end > start && !(end == start + 1 && bytes[start] == 13) { out.append(indent) }
            out.append(UnsafeBufferPointer(rebasing: bytes[start..<lineEnd]))
            atLineStart = lineEnd > end
            start = lineEnd
        }
    }

    mutating func write(_ value: Value, escaped: Bool) {
        switch value {
        case .text(let s), .html(let s): write(string: s, escaped: escaped)
        case .deferredHTML(let d): d.withUTF8 { write(bytes: $0, escaped: escaped) }
        default: if let (text, escapable) = Self.text(of: value) { write(string: text, escaped: escaped && escapable) }
        }
    }

    /// What `{{x}}` writes for a value (nil: nothing), and whether escaping applies to it (numbers
    /// and booleans are written as they are).
    static func text(of value: Value) -> (String, escapable: Bool)? {
        switch value {
        case .null, .list, .object: nil
        case .text(let s), .html(let s): (s, true)
        case .deferredHTML(let d): (d.text, true)
        case .int(let n): (String(n), false)
        case .double(let d): (d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d), false)
        case .bool(let b): (b ? "true" : "false", false)
        }
    }

    mutating func write(string: String, escaped: Bool) {
        var s = string
        s.withUTF8 { write(bytes: $0, escaped: escaped) }
    }

    mutating func write(bytes: UnsafeBufferPointer<UInt8>, escaped: Bool) {
        guard !bytes.isEmpty else { return }
        if atLineStart && !indent.isEmpty { out.append(indent) }
        atLineStart = false
        if escaped { HTMLEscaping.append(bytes, to: &out) } else { out.append(bytes) }
    }
}

enum HTMLEscaping {
    /// `& < > " '` as entities; runs without them are copied at once.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout OutputBuffer) {
        guard let base = bytes.baseAddress else { return }
        var runStart = 0
        var i = 0
        while i < bytes.count {
            // Eight bytes at a time while none of them needs an entity (most text has none).
            if i + 8 <= bytes.count && !mayNeedEntity(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            if let entity = entity(for: base[i]) {
                out.append(UnsafeBufferPointer(start: base + runStart, count: i - runStart))
                out.append(entity)
                runStart = i + 1
            }
            i += 1
        }
        out.append(UnsafeBufferPointer(start: base + runStart, count: bytes.count - runStart))
    }

    @inline(__always) static func entity(for byte: UInt8) -> StaticString? {
        switch byte {
        case 38: "&amp;"
        case 60: "&lt;"
        case 62: "&gt;"
        case 34: "&quot;"
        case 39: "&#39;"
        default: nil
        }
    }

    /// Whether one of the eight bytes of `word` may be `& < > " '`: `&` and `'` (0x26, 0x27) are
    /// the bytes that give 0x27 with the lowest bit set, `<` and `>` (0x3C, 0x3E) those that
    /// give 0x3E with the second bit set, `"` is 0x22.
    @inline(__always) static func mayNeedEntity(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        return hasZeroByte((word | ones) ^ (0x27 &* ones)) || hasZeroByte((word | (2 &* ones)) ^ (0x3E &* ones))
            || hasZeroByte(word ^ (0x22 &* ones))
    }

    /// Whether a byte of `x` is zero (the borrow of the subtraction reaches the top bit of a byte
    /// only through a zero byte, or one after it).
    @inline(__always) static func hasZeroByte(_ x: UInt64) -> Bool {
        (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }
}
