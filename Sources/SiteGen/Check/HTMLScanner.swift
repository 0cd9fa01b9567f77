/// Finds the addresses a rendered page refers to and the ids it offers, without a full HTML parser:
/// our templates and cmark write attributes in double quotes, which is all this reads.
struct HTMLReferences: Sendable {
    /// `href` values of `<a>` and `<link>`.
    var links: [String] = []
    /// `src`, `srcset`, `poster`, `<link rel=stylesheet|icon|preload href>`, `url(...)`: things a browser loads.
    var resources: [String] = []
    var ids: Set<String> = []
}

enum HTMLScanner {
    static func scan(_ html: String) -> HTMLReferences {
        var refs = HTMLReferences()
        let bytes = Array(html.utf8)
        var i = 0
        let n = bytes.count
        while i < n {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < n, isLetter(bytes[i + 1]) else { i += 1; continue }
            // Tag name.
            var j = i + 1
            while j < n, isLetter(bytes[j]) || isDigit(bytes[j]) { j += 1 }
            let tag = String(decoding: bytes[(i + 1)..<j], as: UTF8.self).lowercased()
            // Skip the content of script and style elements (JSON-LD, inline data).
            var attributes: [(String, String)] = []
            while j < n, bytes[j] != UInt8(ascii: ">") {
                while j < n, bytes[j] == 32 || bytes[j] == 10 || bytes[j] == 9 || bytes[j] == UInt8(ascii: "/") { j += 1 }
                let nameStart = j
                while j < n, bytes[j] != UInt8(ascii: "="), bytes[j] != 32, bytes[j] != UInt8(ascii: ">"), bytes[j] != 10 { j += 1 }
                let name = String(decoding: bytes[nameStart..<j], as: UTF8.self).lowercased()
                if j < n, bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    if j < n, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                        let quote = bytes[j]
                        j += 1
                        let valueStart = j
                        while j < n, bytes[j] != quote { j += 1 }
                        attributes.append((name, decodeEntities(String(decoding: bytes[valueStart..<min(j, n)], as: UTF8.self))))
                        j += 1
                    } else {
                        let valueStart = j
                        while j < n, bytes[j] != 32, bytes[j] != UInt8(ascii: ">") { j += 1 }
                        attributes.append((name, String(decoding: bytes[valueStart..<j], as: UTF8.self)))
                    }
                } else if j == nameStart {
                    j += 1
                }
            }
            for (name, value) in attributes {
                switch name {
                case "id": refs.ids.insert(value)
                case "href":
                    if tag == "link" {
                        let rel = attributes.first { $0.0 == "rel" }?.1.lowercased() ?? ""
                        if rel.contains("stylesheet") || rel.contains("icon") || rel.contains("preload") || rel.contains("manifest") {
                            refs.resources.append(value)
                        } else {
                            refs.links.append(value)
                        }
                    } else {
                        refs.links.append(value)
                    }
                case "src", "poster", "data": refs.resources.append(value)
                case "srcset":
                    for candidate in value.split(separator: ",") {
                        if let url = candidate.split(separator: " ").first { refs.resources.append(String(url)) }
                    }
                case "style":
                    refs.resources += cssURLs(value)
                default: break
                }
            }
            i = j + 1
            if tag == "script" || tag == "style" {
                let close = Array("</\(tag)".utf8)
                while i + close.count <= n, !(bytes[i] == 60 && Array(bytes[i..<(i + close.count)]).map(lower) == close) { i += 1 }
            }
        }
        return refs
    }

    /// `url(...)` and `@import "..."` targets in CSS.
    static func cssURLs(_ css: String) -> [String] {
        var result: [String] = []
        var rest = Substring(css)
        while let r = rest.firstRange(of: "url(") {
            rest = rest[r.upperBound...]
            guard let close = rest.firstIndex(of: ")") else { break }
            var value = rest[..<close].trimmingPrefixSpaces
            while let last = value.last, last == " " { value.removeLast() }
            if let f = value.first, f == "\"" || f == "'" { value = value.dropFirst().dropLast() }
            result.append(String(value))
            rest = rest[close...]
        }
        rest = Substring(css)
        while let r = rest.firstRange(of: "@import") {
            rest = rest[r.upperBound...].trimmingPrefixSpaces
            if let f = rest.first, f == "\"" || f == "'" {
                let body = rest.dropFirst()
                if let end = body.firstIndex(of: f) { result.append(String(body[..<end])) }
            }
        }
        return result
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    private static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingAll("&amp;", with: "&").replacingAll("&quot;", with: "\"").replacingAll("&#39;", with: "'")
            .replacingAll("&lt;", with: "<").replacingAll("&gt;", with: ">")
    }
}
