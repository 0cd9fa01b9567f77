/// An SVG opened on its own (a link to it, "open image in new tab") is a document: it loads the
/// images, fonts and style sheets it refers to. One from another host would tell that host who
/// looks at the graphic, which the privacy rules forbid (inside an `<img>`, browsers load nothing
/// more, so this is about the file, not the pages showing it).
extension SVGSafety {
    static let loads = "when the file is opened on its own, which the privacy rules forbid"

    /// The address of another host that a tag loads (`<image href>`, `<use xlink:href>`,
    /// `<iframe src>` …); a link (`<a href>`) loads nothing.
    static func remoteLoad(_ tag: XMLTagScanner.Tag) -> (attribute: String, address: String)? {
        let name = localName(tag.name)
        guard name != "a" else { return nil }
        // `<set attributeName="href" to="https://…">` inside an `<image>` loads its value as well.
        let loading = ["set", "animate"].contains(name) ? ["href", "src", "to", "from", "by", "values"] : ["href", "src"]
        for attribute in tag.attributes where loading.contains(localName(attribute.name)) {
            if let address = attribute.value.split(separator: ";").first(where: { isRemoteAddress(String($0)) }) {
                return (attribute.name, String(address).trimmingSpaces)
            }
        }
        return nil
    }

    /// `<?xml-stylesheet href="https://…"?>`: a browser opening the file loads that style sheet.
    static func remoteStyleSheets(_ bytes: [UInt8]) -> [Problem] {
        let opening = Array("<?xml-stylesheet".utf8)
        var problems: [Problem] = []
        var line = 1
        for i in bytes.indices {
            if bytes[i] == 10 { line += 1 }
            guard bytes[i] == UInt8(ascii: "<"), bytes[i...].starts(with: opening) else { continue }
            let end = bytes[i...].firstRange(of: Array("?>".utf8))?.lowerBound ?? bytes.count
            // Its pseudo-attributes read like a tag's.
            var tag = XMLTagScanner(Array("<xml-stylesheet".utf8) + bytes[(i + opening.count)..<end] + [UInt8(ascii: ">")])
            if let href = tag.next()?.attributes.first(where: { $0.name == "href" }), isRemoteAddress(href.value) {
                let place = "xml-stylesheet"  // where, as for an attribute (one message, one German text)
                problems.append(Problem(line: line, message: "SVG loads '\(href.value.trimmingSpaces)' from another host (in '\(place)'), \(loads); embed it in the graphic, or remove it"))
            }
        }
        return problems
    }

    /// `http:`, `https:` or `//` however it is written: character references, spaces, case.
    static func isRemoteAddress(_ value: String) -> Bool { StyleSheetReferences.isRemote(decodeReferences(value)) }

    /// `url(https://…)` and `@import "https://…"` anywhere in the file: style sheets, `style`
    /// attributes, `fill="url(…)"`. One problem per line.
    static func remoteStyleLoads(_ bytes: [UInt8]) -> [Problem] {
        StyleSheetReferences.remote(bytes).map {
            Problem(line: $0.line, message: "SVG loads '\($0.address)' from another host (in a style), \(loads); embed it in the graphic, or remove it")
        }
    }
}
