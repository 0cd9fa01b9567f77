/// The path of a request target, decoded and checked before it comes near a lookup.
///
/// The preview serves from memory, so nothing outside the site can be reached at all; this
/// parser still refuses every traversal trick outright (400), so that a mistake elsewhere
/// could not turn into a leak and so the tests can see the refusal:
/// `..` and `.` segments (also as `%2e%2e`, `%2E.`, …), encoded slashes and backslashes
/// (`%2f`, `%5c`), raw backslashes, NUL and other control bytes, malformed escapes,
/// invalid UTF-8, targets that do not start with a single `/`, and overlong targets.
public struct RequestPath: Sendable, Equatable {
    /// The decoded path without the leading slash: `""`, `blog/`, `blog/2025/foo/`, `assets/site.css`.
    public var path: String
    /// The raw query (without `?`), kept for redirects.
    public var query: String?

    public enum Rejection: Error, Sendable, Equatable {
        /// Syntax or traversal: answer 400.
        case badRequest(String)
        /// Longer than `maxLength`: answer 414.
        case tooLong
    }

    public static let maxLength = 8192

    public static func parse(_ target: String) -> Result<RequestPath, Rejection> {
        let bytes = Array(target.utf8)
        if bytes.count > maxLength { return .failure(.tooLong) }
        var end = bytes.count
        var query: String?
        if let q = bytes.firstIndex(of: UInt8(ascii: "?")) {
            end = q
            query = String(decoding: bytes[(q + 1)...], as: UTF8.self)
        }
        let raw = bytes[..<end]
        guard raw.first == UInt8(ascii: "/") else { return .failure(.badRequest("the path must start with /")) }
        if raw.count > 1 && raw[raw.startIndex + 1] == UInt8(ascii: "/") {
            return .failure(.badRequest("the path must not start with //"))
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        var i = raw.startIndex
        while i < raw.endIndex {
            let b = raw[i]
            if b < 0x20 || b == 0x7F { return .failure(.badRequest("control character in path")) }
            if b == UInt8(ascii: "\\") { return .failure(.badRequest("backslash in path")) }
            if b == UInt8(ascii: "#") { return .failure(.badRequest("fragment in request target")) }
            if b == UInt8(ascii: "%") {
                guard i + 2 < raw.endIndex, let hi = hexValue(raw[i + 1]), let lo = hexValue(raw[i + 2]) else {
                    return .failure(.badRequest("malformed percent escape"))
                }
                let v = hi << 4 | lo
                if v == UInt8(ascii: "/") || v == UInt8(ascii: "\\") { return .failure(.badRequest("encoded slash in path")) }
                if v < 0x20 || v == 0x7F { return .failure(.badRequest("encoded control character in path")) }
                decoded.append(v)
                i += 3
                continue
            }
            decoded.append(b)
            i += 1
        }
        let text = String(decoding: decoded, as: UTF8.self)
        guard text.utf8.elementsEqual(decoded) else {  // repaired, so it was not valid UTF-8
            return .failure(.badRequest("path is not valid UTF-8"))
        }
        let body = text.dropFirst()  // the leading "/"
        for segment in body.split(separator: "/", omittingEmptySubsequences: false) {
            if segment == "." || segment == ".." { return .failure(.badRequest("dot segment in path")) }
        }
        return .success(RequestPath(path: String(body), query: query))
    }

    /// The path as a URL again (for `Location`), every byte outside the safe set escaped.
    public static func encode(_ path: String) -> String {
        var out = "/"
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [hex[Int(b >> 4)], hex[Int(b & 15)]], as: UTF8.self)
            }
        }
        return out
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
