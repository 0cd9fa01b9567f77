/// German-aware slugs for file names, URLs and heading ids:
/// ä→ae, ö→oe, ü→ue, ß→ss, other accents dropped, lowercase,
/// every run of other characters becomes one hyphen.
public enum Slug {
    public static func make(_ text: String) -> String {
        if let ascii = asciiSlug(text) { return ascii }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            // Decomposed text (macOS, text copied from Mac apps) writes ä as a and U+0308: the
            // slug must be the one of the composed letter.
            if (0x300...0x36F).contains(scalar.value) {
                if scalar.value == 0x308, !pendingHyphen, let last = out.last, "aou".contains(last) { out += "e" }
                continue
            }
            let piece: String?
            switch scalar {
            case "ä": piece = "ae"
            case "ö": piece = "oe"
            case "ü": piece = "ue"
            case "ß", "ẞ": piece = "ss"
            case "a"..."z", "0"..."9": piece = String(scalar)
            default: piece = folded(scalar)
            }
            if let piece {
                if pendingHyphen && !out.isEmpty { out += "-" }
                pendingHyphen = false
                out += piece
            } else {
                pendingHyphen = true
            }
        }
        return out
    }

    /// The same slug for text of ASCII only (file names, addresses, tags: most of what is slugged),
    /// made byte by byte; nil for other text.
    private static func asciiSlug(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingHyphen = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let piece: UInt8
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): piece = byte
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): piece = byte + 32
                default:
                    pendingHyphen = true
                    continue
                }
                if pendingHyphen && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                out.append(piece)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Latin letters with accents other than the German umlauts lose the accent (é→e).
    private static func folded(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "æ": return "ae"
        case "œ": return "oe"
        default: return latinBase[scalar.value].map { String($0) }
        }
    }

    /// True when `text` is already a slug (what `make` would return for it).
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(text) == text
    }
}

private let latinBase: [UInt32: Unicode.Scalar] = {
    // Lowercase accented letters mapped to their base letter (input is lowercased first).
    let table: [(String, Unicode.Scalar)] = [
        ("àáâãåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"),
        ("ĥħ", "h"), ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"),
        ("òóôõøōŏő", "o"), ("ŕŗř", "r"), ("śŝşš", "s"), ("ţťŧ", "t"), ("ùúûũūŭůűų", "u"),
        ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
    ]
    var map: [UInt32: Unicode.Scalar] = [:]
    for (letters, base) in table { for s in letters.unicodeScalars { map[s.value] = base } }
    return map
}()
