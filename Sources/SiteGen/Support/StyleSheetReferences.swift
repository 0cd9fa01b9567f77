/// The addresses a style sheet refers to: `url(…)`, `@import "…"` and the strings of
/// `image-set("…" 1x)`, in a `.css` file, an SVG's `<style>` or a `style` attribute, in any case
/// (browsers load `URL(https://…)` just the same). A font or picture from another host tells that
/// host who looks at the page (the privacy rules allow only the site's own files).
enum StyleSheetReferences {
    /// Every address with the line it starts on.
    static func all(_ b: [UInt8]) -> [(line: Int, address: String)] {
        var found: [(line: Int, address: String)] = []
        var line = 1
        var i = 0
        while i < b.count {
            let c = lower(b[i])
            if c == 10 { line += 1 }
            // Most bytes start none of the three: one comparison each.
            guard c == UInt8(ascii: "u") || c == UInt8(ascii: "i") || c == UInt8(ascii: "@") else {
                i += 1
                continue
            }
            if starts(b, at: i, with: urlOpening), let (address, end) = urlValue(b, from: i + urlOpening.count) {
                found.append((line, address))
                line += newlines(b, i, end)
                i = end
            } else if starts(b, at: i, with: imageSetOpening) {
                // Its url(…) are found as the loop goes on.
                found += quotedStrings(b, from: i + imageSetOpening.count).map { (line, $0) }
                i += imageSetOpening.count
            } else if starts(b, at: i, with: importOpening) {
                var j = i + importOpening.count
                while j < b.count, b[j] == 32 { j += 1 }
                if j < b.count, b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'"), let end = b[(j + 1)...].firstIndex(of: b[j]) {
                    found.append((line, String(decoding: b[(j + 1)..<end], as: UTF8.self)))
                }
                i = j
            } else {
                i += 1
            }
        }
        return found
    }

    /// Each address of another host with its line, at most one per line.
    static func remote(_ bytes: [UInt8]) -> [(line: Int, address: String)] {
        var found: [(line: Int, address: String)] = []
        for reference in all(bytes) where isRemote(reference.address) && found.last?.line != reference.line {
            found.append(reference)
        }
        return found
    }

    /// `http:`, `https:` or `//`, whatever the case and with spaces or control characters inside.
    static func isRemote(_ value: String) -> Bool {
        let address = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 32 })).lowercased()
        return address.hasPrefix("http:") || address.hasPrefix("https:") || address.hasPrefix("//")
    }

    /// The address of a `url(` whose content starts at `start`: a quoted string, or the text up to
    /// `)` without the spaces around it; and where the loop goes on. nil when it has neither.
    private static func urlValue(_ b: [UInt8], from start: Int) -> (String, Int)? {
        var j = start
        while j < b.count, b[j] <= 32 { j += 1 }
        guard j < b.count else { return nil }
        if b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") {
            let end = b[(j + 1)...].firstIndex(of: b[j]) ?? b.count
            return (String(decoding: b[(j + 1)..<end], as: UTF8.self), end)
        }
        let close = b[j...].firstIndex(of: UInt8(ascii: ")")) ?? b.count
        var end = close
        while end > j, b[end - 1] <= 32 { end -= 1 }
        return (String(decoding: b[j..<end], as: UTF8.self), close)
    }

    /// The quoted strings from `start` up to the `)` that closes the function they stand in
    /// (`image-set("a.png" 1x, "b.png" 2x)`); those inside a nested `url("…")` are left out.
    static func quotedStrings(_ b: [UInt8], from start: Int) -> [String] {
        var result: [String] = []
        var depth = 0
        var j = start
        while j < b.count {
            switch b[j] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard let end = b[(j + 1)...].firstIndex(of: b[j]) else { return result }
                if depth == 0 { result.append(String(decoding: b[(j + 1)..<end], as: UTF8.self)) }  // not inside url("…")
                j = end
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                if depth == 0 { return result }
                depth -= 1
            default: break
            }
            j += 1
        }
        return result
    }

    private static let urlOpening = Array("url(".utf8), imageSetOpening = Array("image-set(".utf8), importOpening = Array("@import".utf8)

    /// Whether the lowercased bytes from `i` start with `word` (lowercase ASCII).
    private static func starts(_ b: [UInt8], at i: Int, with word: [UInt8]) -> Bool {
        guard b.count - i >= word.count else { return false }
        for k in 0..<word.count where lower(b[i + k]) != word[k] { return false }
        return true
    }

    private static func newlines(_ b: [UInt8], _ from: Int, _ to: Int) -> Int {
        var n = 0
        for k in from..<min(to, b.count) where b[k] == 10 { n += 1 }
        return n
    }

    private static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
}
