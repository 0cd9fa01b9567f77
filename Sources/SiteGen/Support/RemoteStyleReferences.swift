/// What a style sheet loads from another host: `url(https://…)`, `@import "https://…"` and
/// `image-set("https://…" 1x)`, in a `.css` file, an SVG's `<style>` or a `style` attribute. A font or picture from another host
/// tells that host who looks at the page (the privacy rules allow only the site's own files).
enum RemoteStyleReferences {
    /// Each address of another host with its line, at most one per line.
    static func find(_ bytes: [UInt8]) -> [(line: Int, address: String)] {
        let lower = bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        var found: [(line: Int, address: String)] = []
        var line = 1
        for i in lower.indices {
            if lower[i] == 10 { line += 1; continue }
            guard let address = referenceStart(lower, at: i).flatMap({ remoteAddress(bytes, from: $0) }) ?? imageSetAddress(lower, bytes, at: i),
                  found.last?.line != line else { continue }
            found.append((line, address))
        }
        return found
    }

    /// `http:`, `https:` or `//`, whatever the case and with spaces or control characters inside.
    static func isRemote(_ value: String) -> Bool {
        let address = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 32 })).lowercased()
        return address.hasPrefix("http:") || address.hasPrefix("https:") || address.hasPrefix("//")
    }

    /// Where the address begins when `url(` or `@import` starts at `i`.
    private static func referenceStart(_ b: [UInt8], at i: Int) -> Int? {
        let opening: StaticString = b[i] == UInt8(ascii: "u") ? "url(" : b[i] == UInt8(ascii: "@") ? "@import" : ""
        let n = opening.utf8CodeUnitCount
        guard n > 0, b.count >= i + n else { return nil }
        return (0..<n).allSatisfy { b[i + $0] == opening.utf8Start[$0] } ? i + n : nil
    }

    /// The first address of another host among the strings of an `image-set("…" 1x, "…" 2x)`
    /// starting at `i` (its `url(…)` are found on their own).
    private static func imageSetAddress(_ lower: [UInt8], _ b: [UInt8], at i: Int) -> String? {
        // Asked at every byte of a style sheet: the first letter is compared before anything is made.
        guard lower[i] == UInt8(ascii: "i"), lower[i...].starts(with: imageSetOpening) else { return nil }
        return HTMLScanner.quotedStrings(b, from: i + imageSetOpening.count).first(where: isRemote)
    }

    private static let imageSetOpening = Array("image-set(".utf8)

    /// The address from `start` (after spaces and a quote), when it is another host's.
    private static func remoteAddress(_ b: [UInt8], from start: Int) -> String? {
        var j = start
        while j < b.count, b[j] == 32 || b[j] == 9 || b[j] == 10 || b[j] == 13 || b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") { j += 1 }
        var end = j
        while end < b.count, b[end] > 32, ![UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: ";"), UInt8(ascii: "<")].contains(b[end]) { end += 1 }
        let address = String(decoding: b[j..<end], as: UTF8.self)
        return isRemote(address) ? address : nil
    }
}
