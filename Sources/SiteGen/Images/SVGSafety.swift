/// SVG files are published as they are, and an SVG opened on its own runs the scripts inside it
/// in the site's name: a `<script>`, an event handler attribute (`onload=…`) or a `javascript:`
/// address is an error naming the file and line; so is a file it would load from another host
/// (`SVGSafety+Remote.swift`).
enum SVGSafety {
    struct Problem: Equatable {
        var line: Int
        var message: String
    }

    static let runs = "which would run code in a visitor's browser when the file is opened"

    /// The messages about an SVG (of the content or the theme) named `file`: what runs code or
    /// loads from another host is an error, a user's folder a warning.
    static func diagnostics(_ bytes: [UInt8], file: String) -> [Diagnostic] {
        problems(bytes).map { .error(file, line: $0.line, $0.message) } + localPaths(bytes).map { .warning(file, line: $0.line, $0.message) }
    }

    /// Every problem in the file (at most one per tag).
    static func problems(_ bytes: [UInt8]) -> [Problem] {
        var problems: [Problem] = []
        var scanner = XMLTagScanner(bytes)
        while let tag = scanner.next() {
            if localName(tag.name) == "script" {
                problems.append(Problem(line: tag.line, message: "SVG contains a <script> element, \(runs); remove it (export the graphic again without scripts)"))
                continue
            }
            if let handler = tag.attributes.first(where: { localName($0.name).hasPrefix("on") }) {
                problems.append(Problem(line: handler.line, message: "SVG has an event handler attribute '\(handler.name)', \(runs); remove the attribute"))
            } else if let link = tag.attributes.first(where: { isScriptAddress($0.value) }) {
                problems.append(Problem(line: link.line, message: "SVG has a 'javascript:' address in '\(link.name)', \(runs); remove it"))
            } else if let load = remoteLoad(tag) {
                problems.append(Problem(line: tag.line, message: "SVG loads '\(load.address)' from another host (in '\(load.attribute)'), \(loads); embed it in the graphic, or remove it"))
            }
        }
        return (problems + remoteStyleLoads(bytes) + remoteStyleSheets(bytes)).sorted { $0.line < $1.line }
    }

    /// Attributes that name a folder of the computer the graphic was made on: Inkscape writes
    /// `inkscape:export-filename="/home/erika.mustermann/Bilder/karte.png"`, which gives away a
    /// user name. A warning: the graphic itself is fine.
    static func localPaths(_ bytes: [UInt8]) -> [Problem] {
        var problems: [Problem] = []
        var scanner = XMLTagScanner(bytes)
        while let tag = scanner.next() {
            guard let attribute = tag.attributes.first(where: { isUserFolder($0.value) }) else { continue }
            problems.append(Problem(line: attribute.line, message: "SVG names a folder on the computer it was made on ('\(attribute.value)') in '\(attribute.name)', which is published with it and gives away a user name; save the graphic as plain SVG, or remove the attribute"))
        }
        return problems
    }

    /// `/home/<name>/…`, `/Users/<name>/…`, `C:\Users\<name>\…`, also as a `file:` address; not
    /// a web address that happens to hold `/users/`.
    static func isUserFolder(_ value: String) -> Bool {
        // Every attribute of every SVG passes here, path data too: without a slash, a backslash or
        // a character reference (which could hide one) there is no folder, and nothing is made.
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "&") }) else {
            return false
        }
        var path = Substring(decodeReferences(value).trimmingSpaces.lowercased().replacingAll("\\", with: "/"))
        if path.hasPrefix("file://") { path = path.dropFirst(7) }
        if path.hasPrefix("/"), path.dropFirst().prefix(2).last == ":" { path = path.dropFirst() }  // file:///c:/…
        if path.count > 2, path.dropFirst().first == ":", path.first!.isLetter { path = path.dropFirst(2) }  // c:/…
        guard let folder = ["/home/", "/users/"].first(where: path.hasPrefix) else { return false }
        let rest = path.dropFirst(folder.count)
        return rest.firstIndex(of: "/").map { $0 != rest.startIndex } ?? false
    }

    /// `svg:script` → `script`, lowercased.
    static func localName(_ name: String) -> String {
        String(name.split(separator: ":").last ?? Substring(name)).lowercased()
    }

    /// `javascript:` however it is hidden: character references, spaces, control characters, case.
    static func isScriptAddress(_ value: String) -> Bool {
        // Without a colon, written or as a character reference, there is no address scheme at all.
        guard value.utf8.contains(UInt8(ascii: ":")) || value.utf8.contains(UInt8(ascii: "&")) else { return false }
        let decoded = decodeReferences(value).unicodeScalars.filter { $0.value > 32 }
        // By bytes: a mark after the colon does not hide the scheme from a browser.
        return String(String.UnicodeScalarView(decoded)).lowercased().containsBytes("javascript:")
    }

    /// `&#106;` and `&#x6A;` as characters (named references are left: none spells a letter of `javascript`).
    static func decodeReferences(_ s: String) -> String {
        guard s.contains("&#") else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstRange(of: "&#") {
            out += rest[..<amp.lowerBound]
            let after = rest[amp.upperBound...]
            let hex = after.first == "x" || after.first == "X"
            let digits = (hex ? after.dropFirst() : after).prefix { $0.isHexDigit }
            if let n = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(n) {
                out.unicodeScalars.append(scalar)
                var end = digits.endIndex
                if end < after.endIndex, after[end] == ";" { end = after.index(after: end) }
                rest = after[end...]
            } else {
                out += "&#"
                rest = after
            }
        }
        return out + rest
    }

    /// Whether the bytes start like an SVG document (after a byte order mark, spaces, an XML
    /// declaration or comments).
    static func looksLikeSVG(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard let svg = head.firstRange(of: "<svg") else { return false }
        let before = head[..<svg.lowerBound].trimmingPrefix("\u{FEFF}")
        return before.allSatisfy(\.isWhitespace) || before.hasPrefix("<?xml") || before.hasPrefix("<!--") || before.hasPrefix("<!doctype")
    }
}

/// The start tags of an XML document with their attributes and lines: enough to find scripts,
/// not a validating parser. Comments, CDATA sections, declarations and processing instructions
/// are skipped.
struct XMLTagScanner {
    struct Tag {
        var name: String
        /// Each with the line it begins on (a tag may span lines).
        var attributes: [(name: String, value: String, line: Int)]
        var line: Int
    }

    private let b: [UInt8]
    private var i = 0
    private var line = 1

    init(_ bytes: [UInt8]) { b = bytes }

    mutating func next() -> Tag? {
        while i < b.count {
            if b[i] == 10 { line += 1 }
            guard b[i] == UInt8(ascii: "<"), i + 1 < b.count else { i += 1; continue }
            if skip("<!--", "-->") || skip("<![CDATA[", "]]>") || skip("<?", "?>") || skip("<!", ">") { continue }
            guard isNameByte(b[i + 1]) else { i += 1; continue }
            return tag()
        }
        return nil
    }

    /// Moves past a construct from `open` to `close`, counting its lines; false when none starts here.
    private mutating func skip(_ open: StaticString, _ close: StaticString) -> Bool {
        guard starts(open, at: i) else { return false }
        i += open.utf8CodeUnitCount
        while i < b.count, !starts(close, at: i) {
            if b[i] == 10 { line += 1 }
            i += 1
        }
        i = min(b.count, i + close.utf8CodeUnitCount)
        return true
    }

    /// Whether `text` stands at `at`, compared in place (this runs at every byte of a comment).
    private func starts(_ text: StaticString, at: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard b.count >= at + count else { return false }
        let bytes = text.utf8Start
        for k in 0..<count where b[at + k] != bytes[k] { return false }
        return true
    }

    private mutating func tag() -> Tag {
        let startLine = line
        i += 1
        let name = word()
        var attributes: [(String, String, Int)] = []
        while i < b.count, b[i] != UInt8(ascii: ">") {
            if b[i] == 10 { line += 1 }
            guard isNameByte(b[i]) else { i += 1; continue }
            let attributeLine = line
            let attribute = word()
            while i < b.count, b[i] == 32 || b[i] == 9 || b[i] == 10 || b[i] == 13 { if b[i] == 10 { line += 1 }; i += 1 }
            guard i < b.count, b[i] == UInt8(ascii: "=") else { attributes.append((attribute, "", attributeLine)); continue }
            i += 1
            while i < b.count, b[i] == 32 || b[i] == 9 || b[i] == 10 || b[i] == 13 { if b[i] == 10 { line += 1 }; i += 1 }
            attributes.append((attribute, value(), attributeLine))
        }
        i += 1
        return Tag(name: name, attributes: attributes, line: startLine)
    }

    private mutating func word() -> String {
        let start = i
        while i < b.count, isNameByte(b[i]) || b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ":") { i += 1 }
        return String(decoding: b[start..<i], as: UTF8.self)
    }

    private mutating func value() -> String {
        guard i < b.count else { return "" }
        let quote = b[i]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            i += 1
            let start = i
            while i < b.count, b[i] != quote { if b[i] == 10 { line += 1 }; i += 1 }
            defer { i += 1 }
            return String(decoding: b[start..<min(i, b.count)], as: UTF8.self)
        }
        let start = i
        while i < b.count, b[i] > 32, b[i] != UInt8(ascii: ">") { i += 1 }
        return String(decoding: b[start..<i], as: UTF8.self)
    }

    private func isNameByte(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == UInt8(ascii: "_") || c >= 0x80 || (c >= 48 && c <= 57)
    }
}
