/// Where an item came from, for messages and for link resolution.
public struct SourceRef: Sendable, Hashable {
    /// Relative to the content folder: `posts/2025/foo.md`.
    public var path: String
    /// As the editor sees it: `content/posts/2025/foo.md`.
    public var display: String
    /// File line where the Markdown body starts.
    public var bodyFirstLine: Int
    /// File line of each front matter key, for messages about its value.
    public var keyLines: [String: Int] = [:]

    public init(path: String, display: String, bodyFirstLine: Int, keyLines: [String: Int] = [:]) {
        self.path = path
        self.display = display
        self.bodyFirstLine = bodyFirstLine
        self.keyLines = keyLines
    }

    /// Where a message about a missing or empty key points: the key's line when it is written,
    /// else the front matter's closing `---`, above which it is added (nil without front matter).
    public func line(toAdd key: String) -> Int? { keyLines[key] ?? (bodyFirstLine > 2 ? bodyFirstLine - 1 : nil) }
}

/// The Markdown part of an item, still unrendered.
public struct MarkdownBody: Sendable, Hashable {
    /// The text lives in a box so the render stage can let go of it once every page is rendered
    /// (`release()`): the bodies are the largest part of the model (475 MB at 50,000 items). A
    /// rebuild that knows a file has not changed since the store was saved reads the text only
    /// when a page needs it (`deferred`).
    private final class Storage: @unchecked Sendable {  // `loaded` and `load` are guarded by `lock`
        private let lock = NSLockLite()
        private var loaded: String?
        private var load: (@Sendable () -> String)?
        let knownHash: UInt64?
        /// The text's hash once asked for (a page's render asks twice, the memo once more).
        private var madeHash: UInt64?

        init(_ text: String) {
            loaded = text
            knownHash = nil
        }

        init(hash: UInt64, load: @escaping @Sendable () -> String) {
            self.load = load
            knownHash = hash
        }

        var text: String {
            lock.locked {
                if let loaded { return loaded }
                let text = load?() ?? ""
                (loaded, load) = (text, nil)
                return text
            }
        }

        var hash: UInt64 {
            if let knownHash { return knownHash }
            if let made = lock.locked({ madeHash }) { return made }
            let made = ContentHash.of(text)
            lock.locked { madeHash = made }
            return made
        }

        func release() { lock.locked { (loaded, load, madeHash) = ("", nil, nil) } }

        /// A box of its own with the same text (or the same way to read it).
        func detached() -> Storage {
            lock.locked {
                if let loaded { return Storage(loaded) }
                return load.map { Storage(hash: knownHash ?? 0, load: $0) } ?? Storage("")
            }
        }
    }
    private var storage: Storage
    public var source: SourceRef

    public var text: String {
        get { storage.text }
        set { storage = Storage(newValue) }
    }

    /// `ContentHash.of(text)`, without reading a deferred text.
    var textHash: UInt64 { storage.hash }

    public init(text: String, source: SourceRef) {
        storage = Storage(text)
        self.source = source
    }

    /// A text read by `load` when first asked for; `hash` must be `ContentHash.of` that text.
    init(deferred load: @escaping @Sendable () -> String, hash: UInt64, source: SourceRef) {
        storage = Storage(hash: hash, load: load)
        self.source = source
    }

    /// Empties the text of this body and of every copy of it; only for the render stage, after
    /// the last page that needs it.
    func release() { storage.release() }

    /// A copy whose text stays when this body is released (for what is made after rendering, as
    /// the blog feed's full texts).
    func detached() -> MarkdownBody {
        var copy = self
        copy.storage = storage.detached()
        return copy
    }

    public static func == (a: MarkdownBody, b: MarkdownBody) -> Bool { a.text == b.text && a.source == b.source }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(source)
    }
}

public struct Field: Sendable, Identifiable {
    public var id: String { slug }
    public var slug: String
    public var title: String
    public var order: Int
    public var summary: String?
    public var draft: Bool
    public var body: MarkdownBody
}

public struct Post: Sendable, Identifiable {
    public var id: String { source.path }
    public var slug: String
    public var title: String
    public var date: DateTime
    public var updated: DateTime?
    public var author: String?
    public var fields: [String]
    public var tags: [String]
    public var summary: String?
    public var image: String?
    public var imageAlt: String?
    public var lang: String?
    public var draft: Bool
    public var body: MarkdownBody
    public var source: SourceRef { body.source }
    public var year: Int { date.local.year }
}

public struct Location: Sendable, Hashable {
    public var name: String?
    public var address: String?
}

public struct Event: Sendable, Identifiable {
    public var id: String { source.path }
    public var slug: String
    public var title: String
    public var start: DateTime
    public var end: DateTime?
    public var location: Location?
    public var online: String?
    public var fields: [String]
    public var format: String?
    public var registration: String?
    public var summary: String?
    public var status: EventStatus
    public var lang: String?
    public var draft: Bool
    public var body: MarkdownBody
    /// When its details last changed (a new time, place or status), if the editor says so.
    public var updated: DateTime? = nil
    /// Content path of the participation format it belongs to (`participation/x.md`), as resolved
    /// from its `participation` key; checked by the validator.
    public var participation: String? = nil
    /// The phone number of a `registration: tel:…` as written (`0231 50-12345`), for the page to
    /// show; `registration` holds its address.
    public var registrationPhone: String? = nil
    public var source: SourceRef { body.source }
    public var year: Int { start.local.year }
    /// The moment it is over (end, or the end of its day, or start + 2 h).
    public var endsAt: DateTime {
        if let end { return end.isDateOnly ? Self.endOfBerlinDay(end) : end }
        return start.isDateOnly ? Self.endOfBerlinDay(start) : DateTime(epochSeconds: start.epochSeconds + 7200)
    }

    /// 24:00 Berlin time of a date's day. Not 86,400 seconds after its midnight: the Sundays the
    /// clocks change have 23 and 25 hours, and the calendars' DTEND would say 01:00 or 23:00.
    static func endOfBerlinDay(_ day: DateTime) -> DateTime {
        DateTime.startOfBerlinDay(day.local.dayNumber + 1)
    }
}

public enum EventStatus: String, Sendable, CaseIterable {
    case geplant, abgesagt, verschoben

    /// What an editor writes for a status in words (`fällt aus`), by the status meant (lower case);
    /// "findet nicht statt" is looked for before "findet statt".
    static let inWords: [(status: String, words: [String])] = [
        ("abgesagt", ["fällt aus", "faellt aus", "ausgefallen", "entfällt", "entfaellt", "storniert", "findet nicht statt", "cancelled", "canceled"]),
        ("verschoben", ["verlegt", "neuer termin", "postponed"]),
        ("geplant", ["findet statt", "bestätigt", "planmäßig", "scheduled"]),
    ]
}

public enum ProjectStatus: String, Sendable, CaseIterable {
    case idee, planung, umsetzung, abgeschlossen

    public var label: String {
        switch self {
        case .idee: return "Idee"
        case .planung: return "In Planung"
        case .umsetzung: return "In Umsetzung"
        case .abgeschlossen: return "Abgeschlossen"
        }
    }
}

public struct Project: Sendable, Identifiable {
    public var id: String { source.path }
    public var slug: String
    public var title: String
    public var status: ProjectStatus
    public var fields: [String]
    public var cities: [String]
    public var partners: [String]
    public var start: DateTime?
    public var end: DateTime?
    public var updated: DateTime?
    public var code: String?
    public var summary: String?
    public var lang: String?
    public var draft: Bool
    public var body: MarkdownBody
    public var source: SourceRef { body.source }
}

public struct Page: Sendable, Identifiable {
    public var id: String { source.path }
    public var slug: String
    public var title: String
    public var summary: String?
    public var menu: Int?
    public var search: Bool
    public var lang: String?
    public var draft: Bool
    public var body: MarkdownBody
    public var source: SourceRef { body.source }
    /// The home page of its version (`home.ls.md`: the Leichte-Sprache home at `/leichte-sprache/`).
    public var isHome = false
}

public struct Strategy: Sendable {
    public var title: String
    /// Path under content/ (`downloads/strategie.pdf`) or an https URL.
    public var pdf: String
    public var pdfSize: Int?
    public var published: DateTime?
    public var summary: String?
    public var body: MarkdownBody
    public var source: SourceRef { body.source }
    public var pdfIsRemote: Bool { pdf.lowercased().hasPrefix("http://") || pdf.lowercased().hasPrefix("https://") }
}

/// Any other file under content/, copied as is.
public struct Asset: Sendable, Hashable {
    /// Relative to the content folder; also its path in the output.
    public var path: String
    public var size: Int
    /// A file inside a content section (an image next to its post): published only when a page
    /// links to it (see `ContentFileRole.attachment`).
    public var needsLink = false
}
