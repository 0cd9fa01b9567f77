import MustacheEngine
/// German conventions that must not depend on the machine's locale data.
public enum GermanText {
    public static let months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
                                "August", "September", "Oktober", "November", "Dezember"]
    /// Index 0 is Monday (ISO weekday 1).
    public static let weekdays = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]

    /// DIN 5007-1 sort key: ä as a, ö as o, ü as u, ß as ss, case and other accents ignored.
    /// Ties are broken by the original text so the order is total and stable.
    public static func sortKey(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var key = ""
        key.reserveCapacity(text.utf8.count)
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "ä": key += "a"
            case "ö": key += "o"
            case "ü": key += "u"
            case "ß": key += "ss"
            // Below U+00C0 no letter has an accent to fold: no slug is made for every other letter.
            case _ where scalar.value >= 0xC0:
                let folded = Slug.make(String(scalar))
                if folded.count == 1 { key += folded } else { key.unicodeScalars.append(scalar) }
            default:
                key.unicodeScalars.append(scalar)
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

/// Edit distance for "did you mean" suggestions (see `NameDistance`).
public func editDistance(_ a: String, _ b: String) -> Int { NameDistance.between(a, b) }

/// The closest candidate within a small distance, or nil. A word of three letters or fewer may be
/// one edit off: two edits turn `end` into `menu`.
public func nearest(_ word: String, in candidates: [String], ignoringCase: Bool = false) -> String? {
    NameDistance.closest(word, in: candidates, limit: word.count <= 3 ? 1 : max(2, word.count / 3), ignoringCase: ignoringCase)
}

/// The file among `files` (content paths) with `target`'s ending and a name nearly `target`'s,
/// the one in `target`'s folder if there is one there: `downloads/flyr.pdf` → `downloads/flyer.pdf`.
func nearestContentFile(_ target: String, among files: [String]) -> String? {
    func name(_ path: String) -> String { path.pathParts.last.map(String.init) ?? path }
    guard let dot = target.lastIndex(of: "."), !target[dot...].contains("/") else { return nil }
    let ending = target[dot...].lowercased()
    let byName = Dictionary(grouping: files.filter { $0.lowercased().hasSuffix(ending) }, by: name)
    // Case aside: a file saved on Windows or a Mac as FOTO.JPG is written foto.jpg in the text (those
    // systems do not tell them apart; the server does).
    guard let near = nearest(name(target), in: byName.keys.sorted(), ignoringCase: true), let candidates = byName[near] else { return nil }
    let folder = target.dropLast(name(target).count)
    return candidates.first { $0.hasPrefix(folder) && $0.dropFirst(folder.count) == near } ?? candidates.sorted()[0]
}
