/// A `mailto:` address as editors write it in front matter (`participate`, an event's
/// `registration`): the address, and optionally what the message starts with
/// (`mailto:beteiligung@dortmund.de?subject=Idee für den Park&body=Hallo`, RFC 6068). The one
/// place that says what such a link may hold and how it is written into a page.
public struct MailLink: Sendable, Hashable {
    /// The address alone (`beteiligung@dortmund.de`), for people to read.
    public let address: String
    /// `subject=…&body=…` percent-encoded as an address must be, or nil.
    public let query: String?

    /// The link itself: `mailto:beteiligung@dortmund.de?subject=Idee%20f%C3%BCr%20den%20Park`.
    public var href: String { "mailto:" + address + (query.map { "?" + $0 } ?? "") }

    /// Why a written `mailto:` is no link, for the editor.
    struct Problem: Error, Equatable { let message: String }

    /// The link of `written` (with its `mailto:`), or why it is none.
    static func read(_ written: String) -> Result<MailLink, Problem> {
        let text = written.trimmingSpaces.dropFirst("mailto:".count)
        let address = text.prefix { $0 != "?" }
        guard FrontMatterReader.isMailAddress(String(address)) else {
            return .failure(Problem(message: "'\(written)' is no e-mail address; write it like mailto:smartcity@dortmund.de"))
        }
        var fields: [String] = []
        for part in text.dropFirst(address.count + 1).split(separator: "&") {
            // What a visitor's mail program fills in; other fields (cc, to) would send mail elsewhere unseen.
            guard let equals = part.firstIndex(of: "="), ["subject", "body"].contains(part[..<equals].lowercased()) else {
                return .failure(Problem(message: "'\(written)' has '\(part)' after the '?'; a mail link takes only subject= and body= there, e.g. mailto:beteiligung@dortmund.de?subject=Idee"))
            }
            // Decoded first, so a value written encoded (%20) is not encoded twice.
            fields.append(part[..<equals].lowercased() + "=" + encoded(percentDecoded(String(part[part.index(after: equals)...]))))
        }
        return .success(MailLink(address: String(address), query: fields.isEmpty ? nil : fields.joined(separator: "&")))
    }

    /// Every byte but letters, digits and `-._~` as %XX: spaces, umlauts, `&`, `+` (which some
    /// mail programs read as a space) and `%` stay what the editor wrote.
    private static func encoded(_ value: String) -> String {
        percentEncoded(value) { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x2E || c == 0x5F || c == 0x7E
        }
    }
}
