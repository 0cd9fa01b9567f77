/// Splits compound terms against the site's own vocabulary, so that "Sensoren" also finds pages
/// that only say "Baumsensoren": a term whose end is another indexed term (4+ letters) after a
/// head that is one too (3+ letters, alone, stemmed, or with a linking "s") is also indexed under
/// those parts, at a lower weight (`partWeight`).
enum CompoundSplitter {
    /// Of a whole word's weight, what each part gets (at least 1).
    static func partWeight(_ weight: Int) -> Int { max(1, weight / 4) }

    /// For each term number, the term numbers of its parts (empty for most).
    static func parts(of terms: [String], indexed: [Bool]) -> [[Int32]] {
        var known: [String: Int32] = [:]
        for (i, t) in terms.enumerated() where i < indexed.count && indexed[i] { known[t] = Int32(i) }
        var result = [[Int32]](repeating: [], count: terms.count)
        for (i, t) in terms.enumerated() where i < indexed.count && indexed[i] {
            result[i] = split(Array(t.utf8), known)
        }
        return result
    }

    /// Every known tail with a known head, and those heads; longest tail first.
    static func split(_ t: [UInt8], _ known: [String: Int32]) -> [Int32] {
        guard t.count >= 7, t.allSatisfy({ $0 < 0x80 }) else { return [] }
        var parts: [Int32] = []
        for cut in 3...(t.count - 4) {
            guard let tail = known[String(decoding: t[cut...], as: UTF8.self)],
                  let head = knownHead(t[..<cut], known) else { continue }
            for p in [tail, head] where !parts.contains(p) { parts.append(p) }
        }
        return parts
    }

    private static func knownHead(_ head: ArraySlice<UInt8>, _ known: [String: Int32]) -> Int32? {
        let text = String(decoding: head, as: UTF8.self)
        if let n = known[text] ?? known[SearchText.stem(text)] { return n }
        guard head.count > 3, head.last == UInt8(ascii: "s") else { return nil }
        let linked = String(decoding: head.dropLast(), as: UTF8.self)
        return known[linked] ?? known[SearchText.stem(linked)]
    }
}
