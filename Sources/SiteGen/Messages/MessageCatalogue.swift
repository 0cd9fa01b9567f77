/// The language messages are printed in: German by default for a German site, English with
/// `--messages en`.
public enum MessageLanguage: String, Sendable, CaseIterable {
    case de, en

    /// `--messages`, else `SITEGEN_MESSAGES`, else the site's language (German unless it says `en`).
    public static func choose(option: String?, environment: String?, siteLanguage: String?) -> MessageLanguage {
        if let chosen = (option ?? environment).flatMap(MessageLanguage.init(rawValue:)) { return chosen }
        return siteLanguage?.lowercased().hasPrefix("en") == true ? .en : .de
    }
}

/// Every message the tool prints, in German, keyed by its English text (gettext's model: the code
/// writes English, and the English text is the key). In a key, `{}` stands for a part that varies
/// (a file name, a value); the German text names them `{1}`, `{2}` … in the order the English has
/// them, so it may reorder them. A varying part that is itself a message (a clause added to
/// another, a count like "3 errors") is translated too; see `match` for the one limit.
public struct MessageCatalogue: Sendable {
    struct Entry: Sendable {
        /// The English text between the varying parts.
        let pieces: [String]
        let german: String
        /// How much of the key is fixed text (a more specific key is tried first).
        var fixedLength: Int { pieces.reduce(0) { $0 + $1.utf8.count } }
    }

    /// How a text was translated: the entry whose key it has, and each varying part with its own
    /// translation (nil: the part is kept as it is, a name or a value).
    struct Match {
        let entry: Int
        let parts: [(text: String, match: Match?)]
    }

    let entries: [Entry]
    /// Entries by the English text before their first varying part (most messages start with words).
    private let byStart: [String: [Int]]
    private let startLengths: [Int]

    init(_ pairs: [(english: String, german: String)]) {
        entries = pairs.map { Entry(pieces: Self.pieces($0.english), german: $0.german) }
        var byStart: [String: [Int]] = [:]
        // A key of varying parts only ("{}") would match every text.
        for (i, e) in entries.enumerated() where e.fixedLength > 0 { byStart[e.pieces[0], default: []].append(i) }
        // Of two keys with the same start, the one with more fixed text first: "Built {} pages in {} ({})"
        // before "Built {} pages in {}", whose last part would swallow the bracket.
        let entries = entries
        for start in byStart.keys {
            byStart[start]?.sort { (entries[$0].fixedLength, -$0) > (entries[$1].fixedLength, -$1) }
        }
        self.byStart = byStart
        startLengths = Set(byStart.keys.map(\.utf8.count)).sorted(by: >)
    }

    public static let german = MessageCatalogue(GermanMessages.pairs)

    /// The fixed texts of a key between its `{}`s, split on the bytes (every run of sitegen makes
    /// the catalogue, and splitting by Characters cost 19 million instructions).
    static func pieces(_ key: String) -> [String] {
        var pieces: [String] = []
        let bytes = Array(key.utf8)
        var start = 0, i = 0
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "{") && bytes[i + 1] == UInt8(ascii: "}") {
                pieces.append(String(decoding: bytes[start..<i], as: UTF8.self))
                i += 2
                start = i
            } else {
                i += 1
            }
        }
        pieces.append(String(decoding: bytes[start...], as: UTF8.self))
        return pieces
    }

    /// The German text of an English message; nil when the catalogue has no entry for it.
    public func german(_ english: String) -> String? {
        match(english).map(render)
    }

    /// The entry `english` has the shape of (the longest start first), its parts matched in turn.
    /// A part is a clause or a value: a key that begins with a varying part ("{} drafts") matches a
    /// part only when that first varying part is one word, so that a value such as the list
    /// "title, …, lang, draft" is not taken for a count of drafts.
    func match(_ english: String, isPart: Bool = false) -> Match? {
        for length in startLengths where length <= english.utf8.count {
            let start = String(Substring(english.utf8.prefix(length)))
            for i in byStart[start] ?? [] {
                guard let parts = Self.match(english, entries[i].pieces) else { continue }
                if isPart && start.isEmpty && parts[0].contains(" ") { continue }
                return Match(entry: i, parts: parts.map { ($0, match($0, isPart: true)) })
            }
        }
        return nil
    }

    func render(_ m: Match) -> String {
        Self.fill(entries[m.entry].german, m.parts.map { part in part.match.map(render) ?? part.text })
    }

    public func translate(_ english: String, to language: MessageLanguage) -> String {
        language == .de ? german(english) ?? english : english
    }

    /// The varying parts of `text` when it has the shape `pieces` describe (each part as short as
    /// it can be, the last one reaching the end).
    static func match(_ text: String, _ pieces: [String]) -> [String]? {
        guard text.hasPrefix(pieces[0]) else { return nil }
        var rest = text.dropFirst(pieces[0].count)
        var parts: [String] = []
        for (n, piece) in pieces.enumerated().dropFirst() {
            if n == pieces.count - 1 {
                guard rest.hasSuffix(piece), rest.count >= piece.count else { return nil }
                parts.append(String(rest.dropLast(piece.count)))
                return parts
            }
            guard !piece.isEmpty, let found = rest.firstRange(of: piece) else { return nil }
            parts.append(String(rest[..<found.lowerBound]))
            rest = rest[found.upperBound...]
        }
        return rest.isEmpty ? parts : nil
    }

    /// The German text with `{1}`, `{2}` … replaced by the parts, in one pass: a part is put in as
    /// it is (replacing one number after the other also replaced a `{1}` inside the part for {2},
    /// the placeholder a UI string lacks, with the string's name).
    static func fill(_ german: String, _ parts: [String]) -> String {
        UIStrings.fill(german, parts)
    }
}

extension Diagnostic {
    /// The same finding with its message in `language`.
    public func translated(to language: MessageLanguage) -> Diagnostic {
        var d = self
        d.message = MessageCatalogue.german.translate(message, to: language)
        return d
    }
}
