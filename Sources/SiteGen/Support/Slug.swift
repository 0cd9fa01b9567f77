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
            if InvisibleCharacters.isIgnoredInSlugs(scalar) { continue }
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

    /// The same slug for text of ASCII and German letters only (file names, addresses, tags,
    /// headings: most of what is slugged), made byte by byte; nil for other text.
    private static func asciiSlug(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            var pendingHyphen = false
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                i += 1
                let pieces: (UInt8, UInt8?)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): pieces = (byte, nil)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): pieces = (byte + 32, nil)
                case 0xC3:
                    // ä Ä ö Ö ü Ü ß as UTF-8 (C3 A4 …); a combining mark after one would change it.
                    guard i < bytes.count, i + 1 >= bytes.count || bytes[i + 1] < 0xCC, let german = germanLetter(bytes[i]) else { return nil }
                    i += 1
                    pieces = german
                case 0x80...: return nil
                default:
                    pendingHyphen = true
                    continue
                }
                if pendingHyphen && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                out.append(pieces.0)
                if let second = pieces.1 { out.append(second) }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The letters of an umlaut or ß for the second byte of its UTF-8 form (after C3).
    private static func germanLetter(_ second: UInt8) -> (UInt8, UInt8?)? {
        switch second {
        case 0xA4, 0x84: return (UInt8(ascii: "a"), UInt8(ascii: "e"))
        case 0xB6, 0x96: return (UInt8(ascii: "o"), UInt8(ascii: "e"))
        case 0xBC, 0x9C: return (UInt8(ascii: "u"), UInt8(ascii: "e"))
        case 0x9F: return (UInt8(ascii: "s"), UInt8(ascii: "s"))
        default: return nil
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
        !text.isEmpty && isOwnSlug(text)
    }

    /// Whether `make(text) == text`, read from the bytes: a slug is words of a–z and 0–9 joined
    /// by single hyphens (asked for every file name, most of which are slugs).
    static func isOwnSlug(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else { return false }
            var previous: UInt8 = 0
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
                case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
                default: return false
                }
                previous = byte
            }
            return true
        }
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
