/// Snowball's English stemmer ("Porter2", english.sbl as of Snowball 3.1), for the English search
/// index, written out for words `SearchText.fold` has already lowercased. search.js has the same
/// code (`stemEnglish`); both are tested against one word list made with Snowball itself.
enum EnglishStemmer {
    private typealias Word = [UInt8]

    static func stem(_ word: String) -> String {
        if let special = exceptions[word] { return special }
        var s = Word(word.utf8)
        // Only ASCII letters and apostrophes take part; other words are left as they are.
        guard s.count >= 3, s.allSatisfy({ isLetter($0) || $0 == apostrophe }) else { return word }
        let foundY = prelude(&s)
        let (p1, p2) = regions(s)
        step1a(&s)
        step1b(&s, p1)
        step1c(&s)
        step2(&s, p1)
        step3(&s, p1, p2)
        step4(&s, p2)
        step5(&s, p1, p2)
        if foundY { for i in s.indices where s[i] == Y { s[i] = y } }
        return String(decoding: s, as: UTF8.self)
    }

    /// Whole words with a stem of their own (or none).
    private static let exceptions: [String: String] = [
        "skis": "ski", "skies": "sky", "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli",
        "only": "onli", "singly": "singl", "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas",
        "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    ]

    private static let apostrophe = UInt8(ascii: "'"), y = UInt8(ascii: "y"), Y = UInt8(ascii: "Y")

    private static func isLetter(_ c: UInt8) -> Bool { c >= 97 && c <= 122 }
    private static func isVowel(_ c: UInt8) -> Bool { "aeiouy".utf8.contains(c) }
    /// What a short syllable may not end in: a vowel, w, x or a consonant y.
    private static func isVowelWXY(_ c: UInt8) -> Bool { "aeiouywxY".utf8.contains(c) }

    private static func ends(_ s: Word, _ suffix: String) -> Bool {
        let t = Word(suffix.utf8)
        return s.count >= t.count && s[(s.count - t.count)...].elementsEqual(t)
    }

    /// The longest of `suffixes` the word ends with.
    private static func longestSuffix(_ s: Word, _ suffixes: [String]) -> String? {
        suffixes.filter { ends(s, $0) }.max { $0.utf8.count < $1.utf8.count }
    }

    private static func replaceSuffix(_ s: inout Word, _ length: Int, with replacement: String) {
        s.removeLast(length)
        s += replacement.utf8
    }

    /// Drops a leading apostrophe; marks a y at the start or after a vowel as a consonant (Y).
    private static func prelude(_ s: inout Word) -> Bool {
        if s.first == apostrophe { s.removeFirst() }
        var found = false
        if s.first == y { s[0] = Y; found = true }
        for i in s.indices.dropLast() where isVowel(s[i]) && s[i + 1] == y {
            s[i + 1] = Y
            found = true
        }
        return found
    }

    /// R1 and R2: after the first non-vowel that follows a vowel; R1 after some prefixes as a whole.
    private static func regions(_ s: Word) -> (Int, Int) {
        func afterVowelThenNonVowel(from start: Int) -> Int? {
            var i = start
            while i < s.count && !isVowel(s[i]) { i += 1 }
            guard i < s.count else { return nil }
            while i < s.count && isVowel(s[i]) { i += 1 }
            return i < s.count ? i + 1 : nil
        }
        let prefix = ["arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers"]
            .filter { s.starts(with: $0.utf8) }.map(\.utf8.count).max()
        guard let p1 = prefix ?? afterVowelThenNonVowel(from: 0) else { return (s.count, s.count) }
        return (p1, afterVowelThenNonVowel(from: p1) ?? s.count)
    }

    /// A short syllable ending at `end`: consonant, vowel, consonant other than w, x, Y; or vowel,
    /// consonant at the start; or "past".
    private static func endsShortSyllable(_ s: Word, _ end: Int) -> Bool {
        if end >= 3, !isVowelWXY(s[end - 1]), isVowel(s[end - 2]), !isVowel(s[end - 3]) { return true }
        if end == 2, !isVowel(s[1]), isVowel(s[0]) { return true }
        return ends(Word(s[..<end]), "past")
    }

    private static func step1a(_ s: inout Word) {
        if let suffix = longestSuffix(s, ["'", "'s'", "'s"]) { s.removeLast(suffix.utf8.count) }
        guard let suffix = longestSuffix(s, ["ied", "s", "ies", "sses", "ss", "us"]) else { return }
        let before = s.count - suffix.utf8.count
        switch suffix {
        case "sses": replaceSuffix(&s, 4, with: "ss")
        case "ied", "ies": replaceSuffix(&s, 3, with: before > 1 ? "i" : "ie")
        case "s":
            // Dropped when a vowel comes before the letter in front of it ("gaps", not "gas").
            if before >= 1, s[..<(before - 1)].contains(where: isVowel) { s.removeLast() }
        default: break  // ss, us
        }
    }

    private static func step1b(_ s: inout Word, _ p1: Int) {
        guard let suffix = longestSuffix(s, ["ed", "eed", "ing", "edly", "eedly", "ingly"]) else { return }
        let start = s.count - suffix.utf8.count
        let stem = Word(s[..<start])
        if suffix == "eed" || suffix == "eedly" {
            let whole = ["succ", "proc", "exc"].contains { stem.elementsEqual($0.utf8) }
            if start >= p1 && !whole { replaceSuffix(&s, suffix.utf8.count, with: "ee") }
            return
        }
        if suffix == "ing" {
            if stem.count == 2, stem[1] == y, !isVowel(stem[0]) {  // dying, lying
                s = [stem[0]] + Word("ie".utf8)
                return
            }
            if ["even", "cann", "inn", "earr", "herr", "out"].contains(where: { stem.elementsEqual($0.utf8) }) { return }
        }
        guard stem.contains(where: isVowel) else { return }
        s = stem
        if longestSuffix(s, ["at", "bl", "iz"]) != nil {
            s.append(UInt8(ascii: "e"))
        } else if longestSuffix(s, ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]) != nil {
            // A double letter after a, e or o at the start stays ("added" → "add").
            if !(s.count == 3 && "aeo".utf8.contains(s[0])) { s.removeLast() }
        } else if s.count == p1, endsShortSyllable(s, s.count) {
            s.append(UInt8(ascii: "e"))
        }
    }

    private static func step1c(_ s: inout Word) {
        guard s.count > 2, s.last == y || s.last == Y, !isVowel(s[s.count - 2]) else { return }
        s[s.count - 1] = UInt8(ascii: "i")
    }

    private static let step2Suffixes: [String: String] = [
        "tional": "tion", "enci": "ence", "anci": "ance", "abli": "able", "entli": "ent", "izer": "ize",
        "ization": "ize", "ational": "ate", "ation": "ate", "ator": "ate", "alism": "al", "aliti": "al",
        "alli": "al", "fulness": "ful", "fulli": "ful", "ousli": "ous", "ousness": "ous", "iveness": "ive",
        "iviti": "ive", "biliti": "ble", "bli": "ble", "ogist": "og", "lessli": "less", "ogi": "og", "li": "",
    ]

    private static func step2(_ s: inout Word, _ p1: Int) {
        guard let suffix = longestSuffix(s, Array(step2Suffixes.keys)) else { return }
        let start = s.count - suffix.utf8.count
        guard start >= p1 else { return }
        switch suffix {
        case "ogi": if start > 0, s[start - 1] == UInt8(ascii: "l") { replaceSuffix(&s, 3, with: "og") }
        case "li": if start > 0, "cdeghkmnrt".utf8.contains(s[start - 1]) { s.removeLast(2) }
        default: replaceSuffix(&s, suffix.utf8.count, with: step2Suffixes[suffix]!)
        }
    }

    private static let step3Suffixes: [String: String] = [
        "tional": "tion", "ational": "ate", "alize": "al", "icate": "ic", "iciti": "ic", "ical": "ic",
        "ful": "", "ness": "", "ative": "",
    ]

    private static func step3(_ s: inout Word, _ p1: Int, _ p2: Int) {
        guard let suffix = longestSuffix(s, Array(step3Suffixes.keys)) else { return }
        let start = s.count - suffix.utf8.count
        guard start >= p1, suffix != "ative" || start >= p2 else { return }
        replaceSuffix(&s, suffix.utf8.count, with: step3Suffixes[suffix]!)
    }

    private static func step4(_ s: inout Word, _ p2: Int) {
        let suffixes = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
                        "iti", "ous", "ive", "ize", "ion"]
        guard let suffix = longestSuffix(s, suffixes) else { return }
        let start = s.count - suffix.utf8.count
        guard start >= p2 else { return }
        if suffix == "ion" {
            guard start > 0, s[start - 1] == UInt8(ascii: "s") || s[start - 1] == UInt8(ascii: "t") else { return }
        }
        s.removeLast(suffix.utf8.count)
    }

    private static func step5(_ s: inout Word, _ p1: Int, _ p2: Int) {
        guard let last = s.last else { return }
        let start = s.count - 1
        if last == UInt8(ascii: "e") {
            if start >= p2 || (start >= p1 && !endsShortSyllable(s, start)) { s.removeLast() }
        } else if last == UInt8(ascii: "l") {
            if start >= p2, start > 0, s[start - 1] == UInt8(ascii: "l") { s.removeLast() }
        }
    }
}
