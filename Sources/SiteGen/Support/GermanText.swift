/// German conventions that must not depend on the machine's locale data.
public enum GermanText {
    public static let months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
                                "August", "September", "Oktober", "November", "Dezember"]
    /// Index 0 is Monday (ISO weekday 1).
    public static let weekdays = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]

    /// DIN 5007-1 sort key: ä as a, ö as o, ü as u, ß as ss, case and other accents ignored.
    /// Ties are broken by the original text so the order is total and stable.
    public static func sortKey(_ text: String) -> String {
        var key = ""
        key.reserveCapacity(text.utf8.count)
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "ä": key += "a"
            case "ö": key += "o"
            case "ü": key += "u"
            case "ß": key += "ss"
            default:
                let folded = Slug.make(String(scalar))
                if scalar.value >= 0xC0, folded.count == 1 { key += folded } else { key.unicodeScalars.append(scalar) }
            }
        }
        return key
    }

    /// Compares two titles in German dictionary order (DIN 5007-1).
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let ka = sortKey(a), kb = sortKey(b)
        if ka != kb { return ka < kb }
        return a < b
    }

    /// "4,2 MB", "812 KB", "512 Bytes": German decimal comma, 1 MB = 1,000,000 bytes.
    public static func fileSize(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) Bytes" }
        if bytes < 1_000_000 { return "\(Int((Double(bytes) / 1000).rounded())) KB" }
        let tenths = Int((Double(bytes) / 100_000).rounded())
        return "\(tenths / 10),\(tenths % 10) MB"
    }

    /// Joins a list the German way: "A, B und C".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " und " + items.last!
        }
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The closest candidate within a small distance, or nil.
public func nearest(_ word: String, in candidates: [String]) -> String? {
    let limit = max(2, word.count / 3)
    var best: (String, Int)?
    for candidate in candidates.sorted() {
        let d = editDistance(word, candidate)
        if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
    }
    return best?.0
}
