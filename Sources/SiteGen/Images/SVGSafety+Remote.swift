/// An SVG opened on its own (a link to it, "open image in new tab") is a document: it loads the
/// images, fonts and style sheets it refers to. One from another host would tell that host who
/// looks at the graphic, which the privacy rules forbid (inside an `<img>`, browsers load nothing
/// more, so this is about the file, not the pages showing it).
extension SVGSafety {
    static let loads = "when the file is opened on its own, which the privacy rules forbid"

    /// The address of another host that a tag loads (`<image href>`, `<use xlink:href>`,
    /// `<iframe src>` …); a link (`<a href>`) loads nothing.
    static func remoteLoad(_ tag: XMLTagScanner.Tag) -> (attribute: String, address: String)? {
        guard localName(tag.name) != "a" else { return nil }
        let attribute = tag.attributes.first { ["href", "src"].contains(localName($0.name)) && isRemoteAddress($0.value) }
        return attribute.map { ($0.name, $0.value.trimmingSpaces) }
    }

    /// `http:`, `https:` or `//` however it is written: character references, spaces, case.
    static func isRemoteAddress(_ value: String) -> Bool {
        let decoded = decodeReferences(value).unicodeScalars.filter { $0.value > 32 }
        let address = String(String.UnicodeScalarView(decoded)).lowercased()
        return address.hasPrefix("http:") || address.hasPrefix("https:") || address.hasPrefix("//")
    }

    /// `url(https://…)` and `@import "https://…"` anywhere in the file: style sheets, `style`
    /// attributes, `fill="url(…)"`. One problem per line.
    static func remoteStyleLoads(_ bytes: [UInt8]) -> [Problem] {
        let lower = bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        var problems: [Problem] = []
        var line = 1
        for i in lower.indices {
            if lower[i] == 10 { line += 1; continue }
            guard let after = referenceStart(lower, at: i), let address = remoteAddress(bytes, from: after),
                  problems.last?.line != line else { continue }
            problems.append(Problem(line: line, message: "SVG loads '\(address)' from another host (in a style), \(loads); embed it in the graphic, or remove it"))
        }
        return problems
    }

    /// Where the address begins when `url(` or `@import` starts at `i`.
    private static func referenceStart(_ b: [UInt8], at i: Int) -> Int? {
        let opening: StaticString = b[i] == UInt8(ascii: "u") ? "url(" : b[i] == UInt8(ascii: "@") ? "@import" : ""
        let n = opening.utf8CodeUnitCount
        guard n > 0, b.count >= i + n else { return nil }
        return (0..<n).allSatisfy { b[i + $0] == opening.utf8Start[$0] } ? i + n : nil
    }

    /// The address from `start` (after spaces and a quote), when it is another host's.
    private static func remoteAddress(_ b: [UInt8], from start: Int) -> String? {
        var j = start
        while j < b.count, b[j] == 32 || b[j] == 9 || b[j] == 10 || b[j] == 13 || b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") { j += 1 }
        var end = j
        while end < b.count, b[end] > 32, ![UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: ";"), UInt8(ascii: "<")].contains(b[end]) { end += 1 }
        let address = String(decoding: b[j..<end], as: UTF8.self)
        return isRemoteAddress(address) ? address : nil
    }
}
