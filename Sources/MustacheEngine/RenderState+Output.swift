/// Writing text and values, with indentation and escaping.
extension RenderState {
    mutating func write(text bytes: UnsafeBufferPointer<UInt8>) {
        guard !indent.isEmpty else {
            out.append(contentsOf: bytes)
            return
        }
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            let lineEnd = end < bytes.count ? end + 1 : end
            // A blank line gets no indentation.
            if atLineStart && end > start && !(end == start + 1 && bytes[start] == 13) { out.append(contentsOf: indent) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<lineEnd]))
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
        if atLineStart && !indent.isEmpty { out.append(contentsOf: indent) }
        atLineStart = false
        if escaped { HTMLEscaping.append(bytes, to: &out) } else { out.append(contentsOf: bytes) }
    }
}

enum HTMLEscaping {
    /// `& < > " '` as entities; runs without them are copied at once.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        for i in 0..<bytes.count {
            let entity: StaticString
            switch bytes[i] {
            case 38: entity = "&amp;"
            case 60: entity = "&lt;"
            case 62: entity = "&gt;"
            case 34: entity = "&quot;"
            case 39: entity = "&#39;"
            default: continue
            }
            if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            runStart = i + 1
        }
        if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }
}
