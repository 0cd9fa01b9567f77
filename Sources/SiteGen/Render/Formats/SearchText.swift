/// Turns German text into search terms: lowercase, fold umlauts and accents, split into words,
/// drop stop words, stem. `Templates/assets/search.js` does exactly the same to the query
/// (same folding table, same stemmer, stop words read from the index), so both sides meet.
enum SearchText {
    /// Words too common to help; the list travels in the index so the browser uses the same.
    static let stopWords: Set<String> = [
        "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "bis", "da", "das", "dass", "dem", "den",
        "der", "des", "die", "dies", "diese", "dieser", "doch", "durch", "ein", "eine", "einem", "einen",
        "einer", "eines", "er", "es", "fur", "hat", "im", "in", "ist", "ja", "kann", "mit", "nach", "nicht",
        "noch", "nur", "oder", "sich", "sie", "sind", "so", "uber", "um", "und", "uns", "vom", "von", "vor",
        "war", "was", "wie", "wir", "wird", "zu", "zum", "zur",
    ]

    /// Lowercase and fold: ä→a, ö→o, ü→u, ß→ss, é→e …; combining accents are dropped.
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            let v = scalar.value
            if v >= 0x300 && v <= 0x36F { continue }  // combining diacritics (decomposed umlauts)
            if v < 0xC0 { out.append(scalar); continue }
            if let f = foldTable[scalar] { out.append(contentsOf: f.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// The folding table (lowercase letters only; `fold` lowercases first). Kept in sync with search.js.
    static let foldTable: [Unicode.Scalar: String] = {
        let groups: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşš", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"),
            ("źżž", "z"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("þ", "th"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (letters, base) in groups { for s in letters.unicodeScalars { table[s] = base } }
        return table
    }()

    /// Letters and digits form words; everything else separates them.
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Folded words of a text, in order (stop words included).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for s in fold(text).unicodeScalars {
            if isWordScalar(s) {
                current.append(s)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// Index terms of a text: words of two or more characters, no stop words, stemmed.
    static func terms(_ text: String) -> [String] {
        words(text).compactMap { w in
            guard w.unicodeScalars.count >= 2, !stopWords.contains(w) else { return nil }
            return stem(w)
        }
    }

    /// A light German stemmer (after Savoy's "light" stemmer, as in Lucene's GermanLightStemmer):
    /// two steps that strip inflection endings. Works on folded words.
    static func stem(_ word: String) -> String {
        var s = Array(word.unicodeScalars)
        func ends(_ suffix: String) -> Bool {
            let t = Array(suffix.unicodeScalars)
            return s.count >= t.count && Array(s[(s.count - t.count)...]) == t
        }
        func stEnding(_ c: Unicode.Scalar) -> Bool { "bdfghklmnt".unicodeScalars.contains(c) }
        // Step 1
        if s.count > 5 && ends("ern") {
            s.removeLast(3)
        } else if s.count > 4 && (ends("em") || ends("en") || ends("er") || ends("es")) {
            s.removeLast(2)
        } else if s.count > 3 && ends("e") {
            s.removeLast(1)
        } else if s.count > 3 && ends("s") && stEnding(s[s.count - 2]) {
            s.removeLast(1)
        }
        // Step 2
        if s.count > 5 && ends("est") {
            s.removeLast(3)
        } else if s.count > 4 && (ends("er") || ends("en")) {
            s.removeLast(2)
        } else if s.count > 4 && ends("st") && stEnding(s[s.count - 3]) {
            s.removeLast(2)
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: s)
        return String(out)
    }
}
