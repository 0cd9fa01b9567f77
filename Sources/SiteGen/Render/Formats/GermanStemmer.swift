/// Snowball's German stemmer (snowballstem.org, german.sbl as of Snowball 3.1), written out for
/// words that `SearchText.fold` has already lowercased and folded (ä→a, ß→ss). search.js has the
/// same code; both are tested against the same word list, made with Snowball itself.
enum GermanStemmer {
    private typealias Word = [UInt8]

    static func stem(_ word: String) -> String {
        var s = Word(word.utf8)
        // Only ASCII letters take part; words with other letters are left as they are, whole.
        guard !s.isEmpty, s.allSatisfy({ $0 < 0x80 }) else { return word }
        prelude(&s)
        let (p1, p2) = regions(s)
        step1(&s, p1)
        step2(&s, p1)
        step3(&s, p1, p2)
        for i in s.indices where s[i] == U || s[i] == Y { s[i] += 32 }  // postlude
        return String(decoding: s, as: UTF8.self)
    }

    /// u and y between vowels are consonants (marked U, Y); then ae, oe, ue read as the umlaut,
    /// which folding makes a, o, u ("qu" stays, and so does a marked "Ue", as in "Feuer").
    static func readDigraphs(_ word: String) -> String {
        var s = Word(word.utf8)
        guard s.allSatisfy({ $0 < 0x80 }) else { return word }
        prelude(&s)
        for i in s.indices where s[i] == U || s[i] == Y { s[i] += 32 }
        return String(decoding: s, as: UTF8.self)
    }

    private static let U = UInt8(ascii: "U"), Y = UInt8(ascii: "Y")
    private static let e = UInt8(ascii: "e"), q = UInt8(ascii: "q"), u = UInt8(ascii: "u"), y = UInt8(ascii: "y")

    private static func isVowel(_ c: UInt8) -> Bool { "aeiouy".utf8.contains(c) }

    private static func prelude(_ s: inout Word) {
        if s.count >= 3 {
            for i in 0..<(s.count - 2) where isVowel(s[i]) && (s[i + 1] == u || s[i + 1] == y) && isVowel(s[i + 2]) {
                s[i + 1] = s[i + 1] == u ? U : Y
            }
        }
        var out = Word()
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            let c = s[i]
            let next = i + 1 < s.count ? s[i + 1] : 0
            if c == q && next == u {
                out += [q, u]
                i += 2
            } else if next == e && "aou".utf8.contains(c) {
                out.append(c)  // the umlaut, folded
                i += 2
            } else {
                out.append(c)
                i += 1
            }
        }
        s = out
    }

    /// R1 and R2: after the first non-vowel that follows a vowel (R1 at least after 3 letters).
    private static func regions(_ s: Word) -> (Int, Int) {
        guard s.count >= 3 else { return (s.count, s.count) }
        func afterVowelThenNonVowel(from start: Int) -> Int? {
            var i = start
            while i < s.count && !isVowel(s[i]) { i += 1 }
            while i < s.count && isVowel(s[i]) { i += 1 }
            return i < s.count ? i + 1 : nil
        }
        guard let r1 = afterVowelThenNonVowel(from: 0) else { return (s.count, s.count) }
        let r2 = afterVowelThenNonVowel(from: r1) ?? s.count
        return (max(r1, 3), r2)
    }

    private static func ends(_ s: Word, _ suffix: String, at end: Int? = nil) -> Bool {
        let t = Word(suffix.utf8), end = end ?? s.count
        return end >= t.count && Array(s[(end - t.count)..<end]) == t
    }

    /// The longest of `suffixes` that `s` ends with.
    private static func longest(_ s: Word, _ suffixes: [String]) -> String? {
        suffixes.filter { ends(s, $0) }.max { $0.utf8.count < $1.utf8.count }
    }

    private static func step1(_ s: inout Word, _ p1: Int) {
        let list = ["e", "em", "en", "erinnen", "erin", "ln", "ern", "er", "s", "es", "lns"]
        guard let suffix = longest(s, list) else { return }
        let start = s.count - suffix.utf8.count
        guard start >= p1 else { return }
        switch suffix {
        case "em":
            if !ends(s, "syst", at: start) { s.removeLast(2) }
        case "erinnen", "erin", "ern", "er":
            s.removeLast(suffix.utf8.count)
        case "e", "en", "es":
            s.removeLast(suffix.utf8.count)
            if ends(s, "niss") { s.removeLast() }
        case "s":
            if start > 0 && "bdfghklmnrt".utf8.contains(s[start - 1]) { s.removeLast() }
        default:  // ln, lns
            s.removeLast(suffix.utf8.count - 1)
        }
    }

    private static func step2(_ s: inout Word, _ p1: Int) {
        guard let suffix = longest(s, ["en", "er", "et", "st", "est"]) else { return }
        let start = s.count - suffix.utf8.count
        guard start >= p1 else { return }
        switch suffix {
        case "st":
            if start >= 4 && "bdfghklmnt".utf8.contains(s[start - 1]) { s.removeLast(2) }
        case "et":
            // Snowball's set has ä, which folding has made a (a plain "aet" read as "ät" already).
            let keeps = ["tick", "plan", "geordn", "intern", "tr"].contains { ends(s, $0, at: start) }
            if start > 0 && "Udfgklmnrstza".utf8.contains(s[start - 1]) && !keeps { s.removeLast(2) }
        default:
            s.removeLast(suffix.utf8.count)
        }
    }

    private static func step3(_ s: inout Word, _ p1: Int, _ p2: Int) {
        guard let suffix = longest(s, ["end", "ig", "ung", "lich", "isch", "ik", "heit", "keit"]) else { return }
        let start = s.count - suffix.utf8.count
        guard start >= p2 else { return }
        let beforeE = start > 0 && s[start - 1] == e
        switch suffix {
        case "end", "ung":
            s.removeLast(suffix.utf8.count)
            if ends(s, "ig") && !ends(s, "eig") && s.count - 2 >= p2 { s.removeLast(2) }
        case "ig", "ik", "isch":
            if !beforeE { s.removeLast(suffix.utf8.count) }
        case "lich", "heit":
            s.removeLast(4)
            if (ends(s, "er") || ends(s, "en")) && s.count - 2 >= p1 { s.removeLast(2) }
        default:  // keit
            s.removeLast(4)
            if let more = longest(s, ["lich", "ig"]), s.count - more.utf8.count >= p2 { s.removeLast(more.utf8.count) }
        }
    }
}
