/// A page's problem that the templates wrote (`(written by the templates)`) is found on every
/// page they make: a script from another host in base.mustache gave one error per page, none
/// naming the template. When a template file holds the address as written, the problem is one
/// message at that file and line, saying on how many pages it is.
enum TemplateFindings {
    static let origin = " (written by the templates)"

    /// - Parameter templates: the templates' files (name as messages show it, text), read only when needed.
    static func collapse(_ findings: [Diagnostic], templates readTemplates: () -> [(name: String, text: String)]) -> [Diagnostic] {
        // Byte searches and one pass over the findings: a large site has thousands of such
        // findings (an address made from each event's values), and comparing every group with
        // every finding took half a second.
        guard findings.contains(where: { $0.message.containsBytes(origin) }) else { return findings }
        let templates = readTemplates()
        var kept: [Diagnostic] = []
        var groups: [String: [Diagnostic]] = [:]
        var order: [String] = []
        for d in findings {
            guard d.message.containsBytes(origin), let address = quotedAddress(d.message), !address.isEmpty else { kept.append(d); continue }
            let key = "\(d.severity)\u{0}\(d.message)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(d)
        }
        for key in order {
            let same = groups[key]!
            let d = same[0]
            guard let address = quotedAddress(d.message), let place = find(address, in: templates) ?? findMade(address, in: templates) else {
                kept += same
                continue
            }
            var message = d.message
            if let at = message.firstRange(of: origin) { message.replaceSubrange(at, with: same.count == 1 ? " (on 1 page)" : " (on \(same.count) pages)") }
            kept.append(Diagnostic(d.severity, file: place.file, line: place.line, message))
        }
        return kept
    }

    /// The address a link check message names first: `'https://cdn…/x.js' would be loaded …`.
    static func quotedAddress(_ message: String) -> String? {
        let bytes = Array(message.utf8)
        guard let open = bytes.firstIndex(of: UInt8(ascii: "'")) else { return nil }
        // The first `' ` or `':` after it (`link to '#inhalt': the page has no anchor '#inhalt'`
        // holds a second quoted name after the colon).
        var close = open + 1
        while close + 1 < bytes.count, !(bytes[close] == UInt8(ascii: "'") && (bytes[close + 1] == UInt8(ascii: " ") || bytes[close + 1] == UInt8(ascii: ":"))) {
            close += 1
        }
        guard close + 1 < bytes.count else { return nil }
        return String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
    }

    /// The `.mustache` files under `root`, named as `display/…`.
    static func texts(fileSystem: any FileSystem, root: String, display: String) -> [(name: String, text: String)] {
        guard let files = try? fileSystem.listFiles(under: root).files else { return [] }
        return files.filter { $0.relativePath.hasSuffix(".mustache") }.compactMap { f in
            (try? fileSystem.readFile(root + "/" + f.relativePath)).map { (display + "/" + f.relativePath, String(decoding: $0, as: UTF8.self)) }
        }
    }

    /// The template line that makes `address` from a value and the rest as written
    /// (`{{site.home}}assets/extra.css` for `/assets/extra.css`): the longest rest after one of
    /// its slashes that a template writes right after a tag.
    static func findMade(_ address: String, in templates: [(name: String, text: String)]) -> (file: String, line: Int)? {
        var rest = Substring(address)
        while let slash = rest.firstIndex(of: "/") {
            rest = rest[rest.index(after: slash)...]
            guard rest.contains(where: { $0 != "/" }) else { return nil }
            if let place = find("}}" + rest, in: templates) ?? find("}}/" + rest, in: templates) { return place }
        }
        return nil
    }

    /// The first template line that holds `address` as written.
    static func find(_ address: String, in templates: [(name: String, text: String)]) -> (file: String, line: Int)? {
        for t in templates.sorted(by: { $0.name < $1.name }) where t.text.containsBytes(address) {
            for (i, line) in t.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where String(line).containsBytes(address) {
                return (t.name, i + 1)
            }
        }
        return nil
    }
}
