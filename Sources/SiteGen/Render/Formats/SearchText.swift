/// Turns text into search terms: lowercase, fold umlauts and accents, split into words, drop stop
/// words and stem, by the rules of the index's language (`SearchLanguage`: German reads ae/oe/ue as
/// umlauts and uses Snowball's German stemmer, English Snowball's English one).
/// `Templates/assets/search.js` does exactly the same to the query (same folding table, same
/// stemmers, stop words and language read from the index), so both sides meet.
enum SearchText {
    /// Words too common to help; the list travels in the index so the browser uses the same.
    /// Question words too: "Wann ist der Hackathon?" is a question about the hackathon, and a
    /// "wann" elsewhere in the site's texts would leave no page that has every word.
    static let stopWords: Set<String> = [
        "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "bis", "da", "das", "dass", "dem", "den",
        "der", "des", "die", "dies", "diese", "dieser", "doch", "durch", "ein", "eine", "einem", "einen",
        "einer", "eines", "er", "es", "fur", "hat", "im", "in", "ist", "ja", "kann", "mit", "nach", "nicht",
        "noch", "nur", "oder", "sich", "sie", "sind", "so", "uber", "um", "und", "uns", "vom", "von", "vor",
        "wann", "war", "warum", "was", "welche", "welchem", "welchen", "welcher", "welches", "wem", "wen", "wer",
        "weshalb", "wie", "wieso", "wir", "wird", "wo", "wozu", "zu", "zum", "zur",
    ]

    /// Lowercase and fold: ä→a, ö→o, ü→u, ß→ss, é→e …, ² and ₂ → 2; combining accents are dropped.
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            let v = scalar.value
            if v >= 0x300 && v <= 0x36F { continue }  // combining diacritics (decomposed umlauts)
            if v < 0xB2 { out.append(scalar); continue }  // ² (U+00B2) is the first scalar the table has
            if let f = foldTable[scalar] { out.append(contentsOf: f.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// The folding table (lowercase letters, and superscript and subscript digits: "CO₂" is
    /// found by "CO2" as visitors type it; `fold` lowercases first). Kept in sync with search.js.
    static let foldTable: [Unicode.Scalar: String] = {
        let groups: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşš", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"),
            ("źżž", "z"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("þ", "th"),
            ("⁰₀", "0"), ("¹₁", "1"), ("²₂", "2"), ("³₃", "3"), ("⁴₄", "4"), ("⁵₅", "5"), ("⁶₆", "6"), ("⁷₇", "7"), ("⁸₈", "8"), ("⁹₉", "9"),
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
    static func terms(_ text: String, language: SearchLanguage = .german) -> [String] {
        words(text).compactMap { w in
            language.isIgnored(w, characters: w.unicodeScalars.count) ? nil : language.stem(w)
        }
    }

    /// Snowball's German stemmer on a folded word (its ae/oe/ue read as umlauts).
    static func stem(_ word: String) -> String { GermanStemmer.stem(word) }

    /// Whether a folded word is left out of a German index: too short, or a stop word (also when
    /// typed with ae/oe/ue, as "fuer").
    static func isIgnored(_ word: String, characters: Int) -> Bool { SearchLanguage.german.isIgnored(word, characters: characters) }
}

extension SearchText {
    /// The fast path of `terms(_:)` for the index builder: works on UTF-8 bytes, caches what
    /// each non-ASCII character folds to and what each word stems to, and numbers the terms.
    /// Gives the same terms as `terms(_:)` (a test checks both on tricky text).
    struct Tokenizer {
        /// Term number of every word seen; -1 for stop words and one-character words. A table per
        /// language: a word's term depends on its language's stemmer (the terms are shared).
        private var wordTerms = [WordTable(), WordTable()]  // by `SearchLanguage.rawValue`
        private var termNumbers: [String: Int32] = [:]
        /// The terms, by number.
        private(set) var terms: [String] = []
        /// For a non-ASCII scalar: the folded scalars' UTF-8, each with "is a word character".
        private var scalarPieces: [UInt32: [(bytes: [UInt8], isWord: Bool)]] = [:]

        init() {}

        /// A tokenizer that numbers `terms` as they are listed (terms saved by an earlier build).
        init(terms: [String]) {
            self.init()
            self.terms = terms
            for (i, t) in terms.enumerated() { termNumbers[t] = Int32(i) }
        }

        /// Calls `body` with the term number of every term of `text`, in order.
        mutating func forEachTerm(in text: String, language: SearchLanguage = .german, _ body: (Int32) -> Void) {
            var text = text
            text.withUTF8 { forEachTerm(utf8: $0, language: language, body) }
        }

        /// - Parameter bytes: valid UTF-8.
        mutating func forEachTerm(utf8 bytes: UnsafeBufferPointer<UInt8>, language: SearchLanguage, _ body: (Int32) -> Void) {
            // The current word's folded bytes, in a buffer of this call's own: every byte of every
            // page passes here, and an array's append checks uniqueness and capacity each time.
            var word = WordBuffer()
            defer { word.free() }
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 {
                        word.append(b)
                    } else if b >= 0x41 && b <= 0x5A {
                        word.append(b + 32)
                    } else {
                        flush(&word, language, body)
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
                        word.append(piece.bytes)
                    } else {
                        flush(&word, language, body)
                    }
                }
            }
            flush(&word, language, body)
        }

        private mutating func pieces(for value: UInt32) -> [(bytes: [UInt8], isWord: Bool)] {
            guard let scalar = Unicode.Scalar(value) else { return [] }
            let folded = SearchText.fold(String(Character(scalar)))
            let result = folded.unicodeScalars.map { (Array(String($0).utf8), SearchText.isWordScalar($0)) }
            scalarPieces[value] = result
            return result
        }

        private mutating func flush(_ word: inout WordBuffer, _ language: SearchLanguage, _ body: (Int32) -> Void) {
            guard word.count > 0 else { return }
            defer { word.clear() }
            let bytes = word.bytes
            let hash = WordTable.hash(bytes)
            let table = Int(language.rawValue)
            let number: Int32
            if let known = wordTerms[table].value(of: bytes, hash: hash) {
                number = known
            } else {
                number = newWord(String(decoding: bytes, as: UTF8.self), characters: word.characters, language)
                wordTerms[table].insert(bytes, hash: hash, value: number)
            }
            if number >= 0 { body(number) }
        }

        /// The term number of a word met for the first time; -1 when it is no term.
        private mutating func newWord(_ w: String, characters: Int, _ language: SearchLanguage) -> Int32 {
            guard !language.isIgnored(w, characters: characters) else { return -1 }
            return number(ofTerm: language.stem(w))
        }

        /// The number of a term (a stemmed word), numbered next when it is new.
        mutating func number(ofTerm term: String) -> Int32 {
            if let existing = termNumbers[term] { return existing }
            let number = Int32(terms.count)
            terms.append(term)
            termNumbers[term] = number
            return number
        }
    }
}

/// The bytes of the word being read, and how many characters it has. Owned by one call of
/// `forEachTerm`, which frees it; never copied.
private struct WordBuffer {
    private var start = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
    private var capacity = 64
    private(set) var count = 0
    private(set) var characters = 0

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: capacity * 2) }
        start[count] = byte
        count += 1
        characters += 1
    }

    /// One character's bytes.
    mutating func append(_ character: [UInt8]) {
        if count + character.count > capacity { grow(to: (count + character.count) * 2) }
        for byte in character {
            start[count] = byte
            count += 1
        }
        characters += 1
    }

    mutating func clear() { count = 0; characters = 0 }
    func free() { start.deallocate() }

    private mutating func grow(to size: Int) {
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        bigger.update(from: start, count: count)
        start.deallocate()
        start = bigger
        capacity = size
    }
}

/// A page's text for the search index, turned into terms while the page is rendered. Its text is
/// kept (collapsed, as UTF-8) for the text files the browser cuts excerpts from.
struct PageSearchText: Sendable {
    var excerpt: String
    /// The page's text file for the index (`SearchTextFiles`): its bytes while the page is being
    /// rendered (written with the page, then let go), and what names and checks it later.
    var textFile: [UInt8]?
    var textKey: UInt64
    var textSize: Int

    /// Without the text file's bytes (what a store keeps: the file stays in the output).
    var withoutFile: PageSearchText {
        var s = self
        s.textFile = nil
        return s
    }
    /// Each term once (in order of first occurrence), with its occurrences (at most 255: the
    /// index caps every weight there).
    var terms: [UInt32]
    var counts: [UInt8]
    /// Whose rules made the terms: a store's terms are reused only for a body of the same language.
    var language = SearchLanguage.german
}

/// One tokenizer for the whole build, shared by the render workers behind a lock (tokenizing is a
/// small part of a page's work), so every page's terms have the same numbers as the index's.
final class SharedSearchTokenizer: @unchecked Sendable {  // `tokenizer` and `page` are guarded by `lock`
    private let lock = NSLockLite()
    // Unchecked: the lock keeps accesses apart, and Swift's run-time checks of a class's stored
    // properties cost as much as counting the terms.
    @exclusivity(unchecked) private var tokenizer: SearchText.Tokenizer

    init(terms: [String] = []) { tokenizer = SearchText.Tokenizer(terms: terms) }

    /// The counts of the page being tokenized, summed as the terms come (sorting every page's
    /// list of terms cost more).
    @exclusivity(unchecked) private var page = SearchIndex.WeightSums()

    func tokenize(_ text: String, headings: [Heading], language: SearchLanguage) -> PageSearchText {
        tokenize(Array(text.utf8), headings: headings, language: language)
    }

    /// - Parameter text: valid UTF-8.
    func tokenize(_ text: [UInt8], headings: [Heading], language: SearchLanguage) -> PageSearchText {
        var terms: [UInt32] = []
        var counts: [UInt8] = []
        lock.locked {
            text.withUnsafeBufferPointer { bytes in tokenizer.forEachTerm(utf8: bytes, language: language) { page.add(Int($0), 1) } }
            page.drain { t, count in
                terms.append(UInt32(t))
                counts.append(count)
            }
        }
        let file = SearchTextFiles.file(collapsed: SearchTextFiles.collapsedBytes(text), headings: headings)
        return PageSearchText(excerpt: SearchIndex.excerpt(utf8: text), textFile: file, textKey: file.withUnsafeBytes { ContentHash.of($0) },
                              textSize: file.count, terms: terms, counts: counts, language: language)
    }

    /// The tokenizer with every term numbered so far, for the index (after rendering).
    var finished: SearchText.Tokenizer { lock.locked { tokenizer } }
}
