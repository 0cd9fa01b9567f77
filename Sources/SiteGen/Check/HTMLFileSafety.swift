/// An HTML file among the content's files (a download, a verification file at the root) is
/// published as it is, on the site's own address: a script in it would run with the site's
/// visitors' cookies, and a picture or stylesheet from another host would tell that host who
/// reads it. Both are refused, as in an SVG (`SVGSafety`).
enum HTMLFileSafety {
    static func isHTML(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".html") || lower.hasSuffix(".htm")
    }

    /// Why `bytes` may not be published as they are; empty when they may.
    static func problems(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        if lower.containsBytes("<script") {
            problems.append("is an HTML file with a script, which would run on the site's own address; remove the script, or publish the document as PDF")
        }
        if let remote = HTMLScanner.scan(bytes).resources.first(where: isRemote) {
            problems.append("is an HTML file that loads '\(remote)' from another host, which the privacy rules forbid; remove it, or publish the document as PDF")
        }
        return problems
    }
}

