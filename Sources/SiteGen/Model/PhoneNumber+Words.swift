/// A number with words after it, as a letterhead writes it: `0231 50-12345 Durchwahl 12`,
/// `0800 123456 (Mo–Fr 9–17 Uhr)`. A `tel:` link dials one number, so the words go where people
/// read them, and the message says where.
///
/// An extension is not turned into `;ext=` (RFC 3966): German lines are dialled through to the
/// extension (Durchwahl: switchboard 0231 50-0, extension 12345 is 0231 50-12345), and many phones
/// ignore `;ext=` and ring the switchboard. Whether "Durchwahl 12" replaces the switchboard's 0 or
/// follows the number only the editor knows, so the message shows how it is written.
extension PhoneNumber {
    /// Where the words beside a number belong: a `participate` entry has a label; an event's
    /// registration and a link in the text have the text of the page.
    enum WordsPlace { case label, text }

    /// The message for `link` (`tel:…`), whose number as written (`number`) is none: what follows
    /// a number that is one and where it goes, or `notANumber`.
    static func problem(_ link: String, number: String, wordsGo place: WordsPlace) -> String {
        guard let (dialled, words) = numberAndWords(number) else { return notANumber(link) }
        if words.wholeMatch(of: extensionPattern) != nil {
            return "'\(link)': \(dialled) is followed by the extension '\(words)', which a link cannot dial; write the whole number as it is dialled, the extension after a hyphen (switchboard 0231 50-0, extension 12345: tel:0231 50-12345)"
        }
        return place == .label
            ? "'\(link)': \(dialled) is followed by '\(words)', but only the number may stand after tel:; write tel:\(dialled), and '\(words)' in the label"
            : "'\(link)': \(dialled) is followed by '\(words)', but only the number may stand after tel:; write tel:\(dialled), and '\(words)' in the text of the page"
    }

    /// `Durchwahl 12`, `DW -12`, `App. 12`, `Nebenstelle: 12`, `ext. 12`, `x12`, `ext=12`, also in parentheses.
    private static var extensionPattern: Regex<Substring> { /\(?(?:durchwahl|durchw\.?|dw\.?|apparat|app\.?|nebenstelle|nst\.?|ext\.?|extension|x)\s*[:=]?\s*-?\s*\d+\)?/.ignoresCase() }

    /// A number that is one, and the words after it; nil when the text does not start with a
    /// number of at least six digits (or a short one without an area code, like 115).
    static func numberAndWords(_ written: String) -> (number: String, words: String)? {
        let text = written.trimmingSpaces
        // The number runs to the first character no number has (a letter, a comma, a semicolon) …
        var end = text.indices.first { i in
            let c = text[i]
            return !((c.isASCII && c.isNumber) || separators.contains(c) || (c == "+" && i == text.startIndex))
        } ?? text.endIndex
        // … or to a parenthesis it opens there and does not close, or a group in parentheses at its end.
        if let open = text[..<end].lastIndex(of: "("),
           !text[open..<end].contains(")") || String(text[..<end]).trimmingSpaces.hasSuffix(")") {
            end = open
        }
        let number = String(text[..<end]).trimmingSpaces.trimmingSuffix { " -/.\u{A0}\u{2013}\u{2011}".contains($0) }
        let words = String(text[end...].drop { " ,;".contains($0) }).trimmingSpaces
        let digits = number.filter { $0.isASCII && $0.isNumber }
        guard !words.isEmpty, href(number) != nil,
              digits.count >= 6 || !(number.hasPrefix("0") || number.hasPrefix("+")) else { return nil }
        return (number, words)
    }
}

private extension String {
    func trimmingSuffix(while drop: (Character) -> Bool) -> String {
        var s = Substring(self)
        while let last = s.last, drop(last) { s.removeLast() }
        return String(s)
    }
}
