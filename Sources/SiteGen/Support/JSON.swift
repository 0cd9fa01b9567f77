/// A JSON value with keys in the order they were written, so output is deterministic.
public indirect enum JSON: Sendable, Equatable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool { a.serialized() == b.serialized() }

    /// An object without the keys whose value is nil.
    public static func obj(_ pairs: [(String, JSON?)]) -> JSON {
        .object(pairs.compactMap { k, v in v.map { (k, $0) } })
    }

    public static func str(_ s: String?) -> JSON? { s.map { .string($0) } }

    /// Compact JSON. `<`, `>`, `&` and U+2028/9 are written as \u escapes, so the text is
    /// safe inside `<script type="application/ld+json">` (no `</script>` break-out).
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// `serialized` as UTF-8 (written as bytes: appending small strings cost twice the time).
    public func serializedBytes(pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(to out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .string(let s): JSON.writeString(s, to: &out)
        case .number(let n):
            if n >= 0 { appendDecimal(n, to: &out) } else { out += String(n).utf8 }
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .null: out += "null".utf8
        case .array(let items):
            writeList(items.count, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), to: &out, pretty: pretty, indent: indent) { i, out in
                items[i].write(to: &out, pretty: pretty, indent: indent + 1)
            }
        case .object(let pairs):
            writeList(pairs.count, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), to: &out, pretty: pretty, indent: indent) { i, out in
                JSON.writeString(pairs[i].0, to: &out)
                out += (pretty ? ": " : ":").utf8
                pairs[i].1.write(to: &out, pretty: pretty, indent: indent + 1)
            }
        }
    }

    /// An array's or object's brackets, commas and (pretty) line breaks around its `count` members.
    private func writeList(_ count: Int, open: UInt8, close: UInt8, to out: inout [UInt8], pretty: Bool, indent: Int,
                           member: (Int, inout [UInt8]) -> Void) {
        out.append(open)
        guard count > 0 else {
            out.append(close)
            return
        }
        for i in 0..<count {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            if pretty { Self.newLine(indent + 1, &out) }
            member(i, &out)
        }
        if pretty { Self.newLine(indent, &out) }
        out.append(close)
    }

    private static func newLine(_ indent: Int, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        out += repeatElement(UInt8(ascii: " "), count: 2 * indent)
    }

    /// A string, quoted and escaped, as bytes.
    static func writeString(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { writeString(utf8: $0, to: &out) }
    }

    /// The same, appended to a string.
    static func writeString(_ s: String, to out: inout String) {
        var bytes: [UInt8] = []
        writeString(s, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// `writeString` for UTF-8 bytes, into bytes, without making strings (the search index's
    /// text files hold every page's text).
    static func writeString(utf8 bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { writeString(utf8: $0, to: &out) }
    }

    static func writeString(utf8 b: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        // Runs of bytes that need no escape are copied whole (most text is such a run).
        var run = 0
        var i = 0
        mayEscape.withUnsafeBufferPointer { mayEscape in
            while i < b.count {
                // The bytes `escape` may change, looked up in a table: nearly every byte passes.
                if !mayEscape[Int(b[i])] {
                    i += 1
                    continue
                }
                guard let (escape, width) = escape(b, at: i) else { i += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                out.append(contentsOf: escape.utf8)
                i += width
                run = i
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
        out.append(0x22)
    }

    /// The bytes `escape` looks at: control characters, `"`, `\`, `<`, `>`, `&`, and 0xE2 (which
    /// starts U+2028 and U+2029).
    private static let mayEscape: [Bool] = (0...255).map { b in
        b < 0x20 || b == 0x22 || b == 0x5C || b == 0x3C || b == 0x3E || b == 0x26 || b == 0xE2
    }

    /// What the byte at `i` is written as, and how many bytes that covers; nil when it stands as
    /// it is. `<`, `>` and `&` are escaped so JSON can stand inside a `<script>` element.
    private static func escape<C: Collection<UInt8>>(_ utf8: C, at i: C.Index) -> (String, Int)? {
        switch utf8[i] {
        case 0x22: return ("\\\"", 1)
        case 0x5C: return ("\\\\", 1)
        case 0x0A: return ("\\n", 1)
        case 0x0D: return ("\\r", 1)
        case 0x09: return ("\\t", 1)
        case 0x3C: return ("\\u003c", 1)
        case 0x3E: return ("\\u003e", 1)
        case 0x26: return ("\\u0026", 1)
        case 0xE2:
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
            let next = utf8.index(after: i)
            let third = next == utf8.endIndex ? next : utf8.index(after: next)
            guard next != utf8.endIndex, third != utf8.endIndex, utf8[next] == 0x80, utf8[third] == 0xA8 || utf8[third] == 0xA9 else { return nil }
            return (utf8[third] == 0xA8 ? "\\u2028" : "\\u2029", 3)
        case let b where b < 0x20:
            let hex = String(b, radix: 16)
            return ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, 1)
        default: return nil
        }
    }
}
