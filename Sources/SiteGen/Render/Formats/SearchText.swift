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

extension SearchText {
    /// The fast path of `terms(_:)` for the index builder: works on UTF-8 bytes, caches what
    /// each non-ASCII character folds to and what each word stems to, and numbers the terms.
    /// Gives the same terms as `terms(_:)` (a test checks both on tricky text).
    struct Tokenizer {
        /// Term number of every word seen; -1 for stop words and one-character words.
        private var wordTerms = WordTable()
        private var termNumbers: [String: Int32] = [:]
        /// The terms, by number.
        private(set) var terms: [String] = []
        /// For a non-ASCII scalar: the folded scalars' UTF-8, each with "is a word character".
        private var scalarPieces: [UInt32: [(bytes: [UInt8], isWord: Bool)]] = [:]
        private var word: [UInt8] = []
        private var wordLength = 0

        init() { word.reserveCapacity(64) }

        /// A tokenizer that numbers `terms` as they are listed (terms saved by an earlier build).
        init(terms: [String]) {
            self.init()
            self.terms = terms
            for (i, t) in terms.enumerated() { termNumbers[t] = Int32(i) }
        }

        /// Calls `body` with the term number of every term of `text`, in order.
        mutating func forEachTerm(in text: String, _ body: (Int32) -> Void) {
            var text = text
            text.withUTF8 { bytes in
                var i = 0
                let n = bytes.count
                while i < n {
                    let b = bytes[i]
                    if b < 0x80 {
                        if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 {
                            word.append(b); wordLength += 1
                        } else if b >= 0x41 && b <= 0x5A {
                            word.append(b + 32); wordLength += 1
                        } else {
                            flush(body)
                        }
                        i += 1
                        continue
                    }
                    // Decode one multi-byte sequence (the String is valid UTF-8).
                    var value: UInt32
                    var size: Int
                    if b >= 0xF0 { value = UInt32(b & 0x07); size = 4 } else if b >= 0xE0 { value = UInt32(b & 0x0F); size = 3 } else { value = UInt32(b & 0x1F); size = 2 }
                    var k = 1
                    while k < size && i + k < n {
                        value = value << 6 | UInt32(bytes[i + k] & 0x3F)
                        k += 1
                    }
                    i += size
                    let pieces = scalarPieces[value] ?? pieces(for: value)
                    for piece in pieces {
                        if piece.isWord {
                            word.append(contentsOf: piece.bytes); wordLength += 1
                        } else {
                            flush(body)
                        }
                    }
                }
            }
            flush(body)
        }

        private mutating func pieces(for value: UInt32) -> [(bytes: [UInt8], isWord: Bool)] {
            guard let scalar = Unicode.Scalar(value) else { return [] }
            let folded = SearchText.fold(String(Character(scalar)))
            let result = folded.unicodeScalars.map { (Array(String($0).utf8), SearchText.isWordScalar($0)) }
            scalarPieces[value] = result
            return result
        }

        private mutating func flush(_ body: (Int32) -> Void) {
            guard !word.isEmpty else { return }
            defer { word.removeAll(keepingCapacity: true); wordLength = 0 }
            let hash = word.withUnsafeBufferPointer(WordTable.hash)
            let number: Int32
            if let known = word.withUnsafeBufferPointer({ wordTerms.value(of: $0, hash: hash) }) {
                number = known
            } else {
                let bytes = word  // a copy: `self` is changed below while these bytes are read
                number = newWord(String(decoding: bytes, as: UTF8.self))
                bytes.withUnsafeBufferPointer { wordTerms.insert($0, hash: hash, value: number) }
            }
            if number >= 0 { body(number) }
        }

        /// The term number of a word met for the first time; -1 when it is no term.
        private mutating func newWord(_ w: String) -> Int32 {
            guard wordLength >= 2, !SearchText.stopWords.contains(w) else { return -1 }
            let term = SearchText.stem(w)
            if let existing = termNumbers[term] { return existing }
            let number = Int32(terms.count)
            terms.append(term)
            termNumbers[term] = number
            return number
        }
    }
}

/// A page's text for the search index, turned into terms while the page is rendered, so the full
/// text of every page is not kept until the end (about 500 MB at 50,000 items).
struct PageSearchText: Sendable {
    var excerpt: String
    /// Each term once, with its occurrences (at most 255: the index caps every weight there).
    var terms: [UInt32]
    var counts: [UInt8]
}

/// One tokenizer for the whole build, shared by the render workers behind a lock (tokenizing is a
/// small part of a page's work), so every page's terms have the same numbers as the index's.
final class SharedSearchTokenizer: @unchecked Sendable {  // `tokenizer` is guarded by `lock`
    private let lock = NSLockLite()
    private var tokenizer: SearchText.Tokenizer

    init(terms: [String] = []) { tokenizer = SearchText.Tokenizer(terms: terms) }

    func tokenize(_ text: String) -> PageSearchText {
        var numbers: [Int32] = []
        lock.locked { tokenizer.forEachTerm(in: text) { numbers.append($0) } }
        numbers.sort()
        var terms: [UInt32] = []
        var counts: [UInt8] = []
        var i = 0
        while i < numbers.count {
            var j = i
            while j < numbers.count, numbers[j] == numbers[i] { j += 1 }
            terms.append(UInt32(numbers[i]))
            counts.append(UInt8(min(j - i, 255)))
            i = j
        }
        return PageSearchText(excerpt: SearchIndex.excerpt(text), terms: terms, counts: counts)
    }

    /// The tokenizer with every term numbered so far, for the index (after rendering).
    var finished: SearchText.Tokenizer { lock.locked { tokenizer } }
}
