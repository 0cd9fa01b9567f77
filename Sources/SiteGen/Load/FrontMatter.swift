#if canImport(Glibc)
import Glibc
#endif

/// Splits a Markdown source into its YAML front matter and its body.
/// Accepts a UTF-8 byte order mark and CRLF line ends (both are normalised away).
public struct FrontMatterSplit: Sendable, Equatable {
    /// The YAML between the two `---` lines (empty when there is none).
    public var yaml: String
    /// File line number of the first YAML line (the line after the opening `---`).
    public var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    public var body: String
    /// File line number of the first body line.
    public var bodyFirstLine: Int
    /// False when the file has no front matter at all.
    public var hasFrontMatter: Bool
}

public struct FrontMatterError: Error, Sendable, Equatable {
    public var line: Int
    public var message: String
}

public enum FrontMatter {
    /// Decodes bytes as UTF-8 text for Markdown; nil when they are not UTF-8 or look binary.
    public static func decodeText(_ bytes: [UInt8]) -> String? {
        var slice = bytes[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        // Searched with memchr: every byte of every file passes here.
        func has(_ byte: UInt8) -> Bool {
            slice.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, Int32(byte), raw.count) != nil } ?? false }
        }
        if has(0) { return nil }  // NUL bytes: a binary file
        guard let text = String(validating: slice, as: UTF8.self) else { return nil }
        if has(13) {
            return text.replacingCRLF()
        }
        return text
    }

    /// Finds the front matter. A file must start with `---` on its first line to have one;
    /// the block ends at the next line that is exactly `---` (or `...`).
    public static func split(_ text: String) throws(FrontMatterError) -> FrontMatterSplit {
        guard text.hasPrefix("---\n") || text == "---" || text.hasPrefix("--- \n") else {
            try requireDashesFirst(text)
            return FrontMatterSplit(yaml: "", yamlFirstLine: 1, body: text, bodyFirstLine: 1, hasFrontMatter: false)
        }
        var lineNumber = 1
        var yamlStart: String.Index? = nil
        var index = text.startIndex
        while index < text.endIndex {
            let lineEnd = text.utf8[index...].firstIndex(of: 10) ?? text.endIndex
            let line = text[index..<lineEnd]
            let next = lineEnd < text.endIndex ? text.utf8.index(after: lineEnd) : text.endIndex
            if lineNumber == 1 {
                yamlStart = next
            } else {
                let trimmed = line.trimmingTrailingSpaces
                if trimmed == "---" || trimmed == "..." {
                    let yaml = String(text[yamlStart!..<index])
                    if let line = secondBlock(text[next...], firstLine: lineNumber + 1) {
                        throw FrontMatterError(line: line, message: "a second front matter block starts here (---, then title: …); a file has one, at its top: delete this one, or move what it says into the first")
                    }
                    if let problem = continuedBlock(text[next...], closingLine: lineNumber) { throw problem }
                    return FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: String(text[next...]),
                                            bodyFirstLine: lineNumber + 1, hasFrontMatter: true)
                }
            }
            lineNumber += 1
            index = next
        }
        if let (line, written) = dashLine(text, after: 1) { throw dashLineError(line, written) }
        throw FrontMatterError(line: 1, message: "front matter is not closed: add a line with three dashes (---) after the last key")
    }

    /// Characters of a line meant as `---`: hyphens, and the dashes Word makes of them.
    static let dashes: Set<Character> = ["-", "—", "–", "‒", "―", "−"]

    /// The first line after `after` (1-based) made of dashes only but not `---` (`----`, `—`),
    /// with its text: meant as the line that begins or ends the front matter.
    static func dashLine(_ text: String, after: Int) -> (line: Int, written: String)? {
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where i + 1 > after {
            let content = line.drop { $0 == " " }.trimmingTrailingSpaces
            if !content.isEmpty, content != "---", content.allSatisfy(dashes.contains) { return (i + 1, String(content)) }
        }
        return nil
    }

    static func dashLineError(_ line: Int, _ written: String) -> FrontMatterError {
        FrontMatterError(line: line, message: "'\(written)' is not the line that begins or ends the front matter: that is exactly three hyphens (---), which a word processor may have made a dash of")
    }

    /// The line where the body starts with another front matter block (a whole file pasted below
    /// the front matter `sitegen new` made): a `---` line after empty lines at most, then lines of
    /// YAML (`key: value`, list items, indented lines) with a `title:`, then `---`. Markdown would
    /// print it as a rule and a heading.
    static func secondBlock(_ body: Substring, firstLine: Int) -> Int? {
        var lines = Lines(rest: body)
        var number = firstLine
        while let line = lines.next() {
            if line.isEmpty { number += 1; continue }
            guard line == "---" else { return nil }
            var hasTitle = false
            while let entry = lines.next() {
                if entry == "---" || entry == "..." { return hasTitle ? number : nil }
                if entry.hasPrefix("title:") { hasTitle = true }
                guard entry.isEmpty || entry.first == " " || entry.first == "\t" || entry.hasPrefix("- ") || isYAMLKeyLine(entry) else { return nil }
            }
            return nil
        }
        return nil
    }

    /// Front matter that goes on below the line that closed it: a `---` or `...` typed between
    /// keys (`key: value` lines follow, up to another `---`), or `draft: true` added below the
    /// closing `---`. Markdown would show those lines as text, and a draft would be published.
    static func continuedBlock(_ body: Substring, closingLine: Int) -> FrontMatterError? {
        var lines = Lines(rest: body)
        var number = closingLine, keys = 0
        var draftLine: Int?
        while let line = lines.next() {
            number += 1
            if line == "---" || line == "..." {
                guard keys > 0 else { return nil }
                return FrontMatterError(line: closingLine, message: "this line ends the front matter, but more keys follow below it, up to the --- on line \(number); delete this line")
            }
            let isKey = isFrontMatterKeyLine(line)
            guard line.isEmpty || isKey || line.hasPrefix("  ") || line.hasPrefix("- ") else { break }
            if isKey { keys += 1 }
            if isKey, line.hasPrefix("draft:"), draftLine == nil { draftLine = number }
        }
        return draftLine.map {
            FrontMatterError(line: $0, message: "'draft:' stands below the --- that ends the front matter (line \(closingLine)), so it is text of the page, and the page would be published; move it above that line")
        }
    }

    /// `draft: true`: a key as the format names them (lower-case letters and `_`), a colon and a
    /// space or the line's end. Text (`Stand: März`, a setext heading over `---`) starts in capitals.
    /// Read as bytes: it looks at the first line of every body, often a long paragraph.
    private static func isFrontMatterKeyLine(_ line: Substring) -> Bool {
        let bytes = line.utf8
        var colon = bytes.startIndex
        while colon < bytes.endIndex, case let b = bytes[colon], (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || b == UInt8(ascii: "_") {
            colon = bytes.index(after: colon)
        }
        guard colon > bytes.startIndex, colon < bytes.endIndex, bytes[colon] == UInt8(ascii: ":") else { return false }
        let after = bytes.index(after: colon)
        return after == bytes.endIndex || bytes[after] == UInt8(ascii: " ")
    }

    /// The lines of a text one at a time, without trailing spaces: the checks above stop at the
    /// first line that rules them out (they run for every file, and splitting a whole text into
    /// lines cost more than loading it).
    struct Lines {
        var rest: Substring
        mutating func next() -> Substring? {
            guard !rest.isEmpty else { return nil }
            let end = Self.newline(in: rest) ?? rest.endIndex
            defer { rest = end < rest.endIndex ? rest[rest.utf8.index(after: end)...] : rest[rest.endIndex...] }
            return rest[..<end].trimmingTrailingSpaces
        }

        /// The first line end, found with memchr where the text is contiguous (a whole paragraph
        /// is one line).
        static func newline(in text: Substring) -> Substring.Index? {
            let utf8 = text.utf8
            let offset = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
                guard let base = bytes.baseAddress, let found = memchr(base, 10, bytes.count) else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            guard let offset else { return utf8.firstIndex(of: 10) }
            return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
        }
    }

    /// When the closing `---` is missing, the YAML runs on into the text, up to a `---` rule in it,
    /// and fails there. The line where the text seems to begin: the first line of the YAML that is
    /// text (not indented, no `key:` or `key:value`, no list item or comment), or the heading (`# …`)
    /// right above it. Called only for YAML that cannot be read; nil when all lines look like YAML.
    static func textStart(inYAML yaml: String, firstLine: Int) -> Int? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard var start = lines.firstIndex(where: isText) else { return nil }
        // A heading above the sentence reads as a YAML comment; the text starts there.
        var i = start
        while i > 0, lines[i - 1].trimmingTrailingSpaces.isEmpty || lines[i - 1].hasPrefix("#") {
            i -= 1
            if lines[i].hasPrefix("#") { start = i }
        }
        // A sentence right below a value is more likely that value's next line written without
        // indentation (`summary: Ein langer` / `Text`): text starts after an empty line or with a heading.
        guard lines[start].hasPrefix("#") || (start > 0 && lines[start - 1].trimmingTrailingSpaces.isEmpty) else { return nil }
        return start + firstLine
    }

    /// A line no editor writes in front matter: a sentence. A colon only counts after a key's name
    /// (`title:Kurz` is a key without its space), not in `Um 10:00 Uhr`.
    private static func isText(_ line: Substring) -> Bool {
        guard let first = line.first, first.isLetter || first.isNumber else { return false }
        guard let colon = line.firstIndex(of: ":") else { return true }
        return !line[..<colon].isYAMLKeyName
    }

    /// `name: …` or `name:` with a name of letters, digits, `_` and `-`.
    private static func isYAMLKeyLine(_ line: Substring) -> Bool {
        guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else { return false }
        let after = line.index(after: colon)
        guard after == line.endIndex || line[after] == " " else { return false }
        return line[..<colon].isYAMLKeyName
    }

    /// Empty lines or spaces before the opening `---` would make the front matter plain text;
    /// say where the `---` is instead of "front matter is missing".
    private static func requireDashesFirst(_ text: String) throws(FrontMatterError) {
        var lineNumber = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let content = line.drop { $0 == " " || $0 == "\t" }.trimmingTrailingSpaces
            if content.isEmpty { lineNumber += 1; continue }
            if content != "---", content.allSatisfy(dashes.contains) { throw dashLineError(lineNumber, String(content)) }
            guard content == "---" else { return }
            throw FrontMatterError(line: lineNumber, message: lineNumber == 1
                ? "the first line must be exactly '---', without spaces before or after it"
                : "the file must start with '---' on its first line, but it is on line \(lineNumber); remove the empty lines above it")
        }
    }
}

extension Substring {
    /// Made of what a front matter key's name is made of (letters, digits, `_`, `-`); true when empty.
    var isYAMLKeyName: Bool { allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } }

    var trimmingTrailingSpaces: Substring {
        var s = self
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return s
    }
}

extension String {
    func replacingCRLF() -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var previousCR = false
        for scalar in unicodeScalars {
            if previousCR {
                previousCR = false
                if scalar == "\n" { out.unicodeScalars.append("\n"); continue }
                out.unicodeScalars.append("\n")
            }
            if scalar == "\r" { previousCR = true } else { out.unicodeScalars.append(scalar) }
        }
        if previousCR { out.unicodeScalars.append("\n") }
        return out
    }
}
