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
    static func isRemoteAddress(_ value: String) -> Bool { RemoteStyleReferences.isRemote(decodeReferences(value)) }

    /// `url(https://…)` and `@import "https://…"` anywhere in the file: style sheets, `style`
    /// attributes, `fill="url(…)"`. One problem per line.
    static func remoteStyleLoads(_ bytes: [UInt8]) -> [Problem] {
        RemoteStyleReferences.find(bytes).map {
            Problem(line: $0.line, message: "SVG loads '\($0.address)' from another host (in a style), \(loads); embed it in the graphic, or remove it")
        }
    }
}
