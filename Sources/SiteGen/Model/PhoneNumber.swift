/// A phone number as editors write it after `tel:` (`+49 231 50-12345`, `0231 / 50 12 345`,
/// `+49 (0)231 5012345`, `115`): the one place that says what a number is and what its link holds.
enum PhoneNumber {
    /// The `tel:` address of a number written for people, or nil when it is no number. An address
    /// may not hold spaces or slashes, so only the digits and a leading `+` stay; the German "(0)"
    /// after a country code goes too (from abroad it is not dialled).
    static func href(_ written: String) -> String? {
        let text = written.trimmingSpaces
        let international = text.hasPrefix("+")
        let rest = international ? text.dropFirst() : Substring(text)
        // A group in parentheses at the end is no part of it: `(9–17)` are opening hours.
        guard let first = rest.first, (first.isASCII && first.isNumber) || (!international && first == "("), !rest.hasSuffix(")"),
              rest.allSatisfy({ ($0.isASCII && $0.isNumber) || separators.contains($0) }) else { return nil }
        let dialled = international ? text.replacingAll("(0)", with: "") : text
        var digits = dialled.filter { $0.isASCII && $0.isNumber }
        // `+49 0231 …`: Germany, Austria and Switzerland dial their leading 0 only at home.
        if international, ["490", "430", "410"].contains(where: digits.hasPrefix) { digits.remove(at: digits.index(digits.startIndex, offsetBy: 2)) }
        // 115 (the public service number) is the shortest; E.164 allows 15 digits, and an extension a few more.
        guard (3...18).contains(digits.count) else { return nil }
        return "tel:" + (international ? "+" : "") + digits
    }

    /// What may stand between the digits: spaces, `-`, `/`, `.`, parentheses; and the dashes a
    /// word processor puts for `-` (en dash, non-breaking hyphen), as a text copied from a letter has them.
    static let separators: Set<Character> = [" ", "-", "/", ".", "(", ")", "\u{A0}", "\u{2013}", "\u{2011}"]

    /// The message for a `tel:` address whose number is none (front matter and text alike), when
    /// no number starts it (else `problem`).
    static func notANumber(_ written: String) -> String { "'\(written)' is no phone number; write it like tel:+49 231 50-12345" }

    /// What an editor wrote where an address belongs, when it is a phone number or an e-mail
    /// address without its `tel:` or `mailto:` (also after "Tel." or "Telefon"): how to write it.
    static func contactHint(_ written: String) -> String? {
        let text = written.trimmingSpaces
        if FrontMatterReader.isMailAddress(text) { return "'\(text)' looks like an e-mail address; write it as mailto:\(text)" }
        var number = Substring(text)
        let lower = text.lowercased()
        for label in ["telefon", "tel.", "tel", "fon"] where lower.hasPrefix(label) {
            number = number.dropFirst(label.count).drop { $0 == " " || $0 == ":" }
            break
        }
        return href(String(number)) == nil ? nil : "'\(text)' looks like a phone number; write it as tel:\(String(number).trimmingSpaces)"
    }

    /// The number of a `tel:` link as written (`tel:+49 231 50-12345` → `+49 231 50-12345`), or
    /// nil when the text does not start with `tel:`.
    static func written(inLink link: String) -> String? {
        guard link.trimmingSpaces.lowercased().hasPrefix("tel:") else { return nil }
        return String(link.trimmingSpaces.dropFirst(4)).trimmingSpaces
    }
}
