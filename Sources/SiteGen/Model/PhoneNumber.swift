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
        guard let first = rest.first, first.isASCII && first.isNumber,
              rest.allSatisfy({ ($0.isASCII && $0.isNumber) || separators.contains($0) }) else { return nil }
        let dialled = international ? text.replacingAll("(0)", with: "") : text
        let digits = dialled.filter { $0.isASCII && $0.isNumber }
        // 115 (the public service number) is the shortest; E.164 allows 15 digits, and an extension a few more.
        guard (3...18).contains(digits.count) else { return nil }
        return "tel:" + (international ? "+" : "") + digits
    }

    /// What may stand between the digits: spaces, `-`, `/`, `.`, parentheses.
    private static let separators: Set<Character> = [" ", "-", "/", ".", "(", ")", "\u{A0}"]

    /// The number of a `tel:` link as written (`tel:+49 231 50-12345` → `+49 231 50-12345`), or
    /// nil when the text does not start with `tel:`.
    static func written(inLink link: String) -> String? {
        guard link.trimmingSpaces.lowercased().hasPrefix("tel:") else { return nil }
        return String(link.trimmingSpaces.dropFirst(4)).trimmingSpaces
    }
}
