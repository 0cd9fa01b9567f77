/// The UI strings of `Templates/i18n/<lang>.yml`, for Swift code that composes texts.
/// Templates read the same strings directly as `{{t.some.key}}`.
public struct UIStrings: @unchecked Sendable {
    public let tree: [String: Any]
    /// Every string of `tree` by its dotted key: views ask for a few strings per page, and one
    /// lookup is cheaper than splitting the key and walking the tree each time.
    private let byKey: [String: String]

    public init(tree: [String: Any]) {
        self.tree = tree
        var byKey: [String: String] = [:]
        func add(_ node: [String: Any], _ prefix: String) {
            // A key with a dot in it cannot be reached through the tree walk: leave it out here too.
            for (key, value) in node where !key.isEmpty && !key.contains(".") {
                if let string = value as? String { byKey[prefix + key] = string }
                else if let child = value as? [String: Any] { add(child, prefix + key + ".") }
            }
        }
        add(tree, "")
        self.byKey = byKey
    }

    /// Every string's dotted key (`pagination.next`).
    public var keys: Dictionary<String, String>.Keys { byKey.keys }

    /// "pagination.next" → the string, or the key itself so a missing string is visible.
    public subscript(key: String) -> String {
        if let string = byKey[key] { return string }
        return node(at: key) as? String ?? key
    }

    /// Whether the file has a value at `key`, text or not.
    public func hasValue(_ key: String) -> Bool { node(at: key) != nil }

    /// The value at the dotted `key` in the parsed file, of any kind.
    private func node(at key: String) -> Any? {
        var node: Any = tree
        for part in key.split(separator: ".") {
            guard let dict = node as? [String: Any], let next = dict[String(part)] else { return nil }
            node = next
        }
        return node
    }

    /// A count with its noun: `key.zero` (if present) for 0, `key.one` for 1, else `key.other`,
    /// with `{1}` replaced by the number ("1 Projekt", "5 Projekte", "keine kommenden Termine").
    public func count(_ key: String, _ n: Int) -> String {
        let form = n == 0 && self["\(key).zero"] != "\(key).zero" ? "zero" : n == 1 ? "one" : "other"
        return format("\(key).\(form)", n)
    }

    /// The strings Swift code asks for (views, feeds, calendars); a test checks the list against
    /// the sources. A missing one is a warning when the templates are loaded.
    public static let usedByCode: [String] = [
        "blog.description", "blog.title", "blog.titlePage", "breadcrumbs.home", "calendar.addEvent",
        "event.online", "event.onlineLink", "event.registration", "event.registrationPhone", "event.status.abgesagt", "event.status.verschoben",
        "events.description", "events.title", "feed.blog", "feed.events", "feed.field",
        "field.count.events.one", "field.count.events.other", "field.count.posts.one", "field.count.posts.other",
        "field.count.projects.one", "field.count.projects.other", "field.counts", "fields.description", "fields.title",
        "footnotes.back", "footnotes.label",
        "label.draft", "label.scheduled", "nav.blog", "nav.events", "nav.fields", "nav.projects", "nav.search", "nav.strategy",
        "notFound.title", "pagination.label", "pagination.next", "pagination.page", "pagination.prev", "pagination.status", "post.draftDated", "post.published", "post.scheduledFor",
        "project.since", "project.status", "project.until", "projects.description", "projects.title",
        "search.kind.event", "search.kind.field", "search.kind.page", "search.kind.post", "search.kind.project", "search.kind.strategy",
        "search.loading", "search.missing", "search.more", "search.noResults", "search.resultOne", "search.results", "search.suggest", "search.title",
        "table.label",
        "tag.description", "tag.title", "tags.count.one", "tags.count.other", "tags.description", "tags.title",
        "feed.participation", "ideas.description", "ideas.submitIntro", "ideas.title", "ideas.withoutField", "nav.participation",
        "participation.description", "participation.from", "participation.group.abgeschlossen", "participation.group.abgesagt",
        "participation.group.geplant", "participation.group.laufend", "participation.intro", "participation.keyword",
        "participation.lastDay", "participation.mailTo", "participation.notice.abgeschlossen", "participation.notice.abgesagt", "participation.phone", "participation.phoneLabeled",
        "participation.resultsLink", "participation.resultsOf", "participation.since", "participation.status.abgeschlossen", "participation.status.abgesagt",
        "participation.status.geplant", "participation.status.laufend", "participation.title",
        "search.kind.participation", "project.statusName.idee", "project.statusName.planung", "project.statusName.umsetzung",
        "project.statusName.abgeschlossen", "translation.untranslated.blog.one", "translation.untranslated.blog.other",
        "translation.untranslated.events.one", "translation.untranslated.events.other", "translation.untranslated.projects.one",
        "translation.untranslated.projects.other", "translation.untranslated.participation.one", "translation.untranslated.participation.other",
        "easyRead.link", "easyRead.back",
    ]

    /// Groups whose strings Swift code asks for by a key made from a value (`nav.access.<slug>`,
    /// `event.status.<status>`): every string in them counts as used. A test checks the list
    /// against the sources.
    public static let groupsReadByCode: [String] = [
        "event.status", "nav.access", "participation.group", "participation.notice", "participation.status",
        "project.statusName", "translation.untranslated",
    ]

    /// How many values the build puts into each string it fills with `format` ({1} to that number);
    /// a `{n}` beyond them shows as written. A test checks the table against the sources.
    public static let valuesFilledIn: [String: Int] = [
        "blog.titlePage": 1, "feed.field": 1, "field.counts": 3, "pagination.next": 1, "pagination.page": 1, "pagination.prev": 1,
        "pagination.status": 2, "participation.lastDay": 1, "participation.mailTo": 1, "participation.phone": 1,
        "participation.phoneLabeled": 2, "participation.resultsOf": 1, "project.since": 1, "project.until": 1,
        "tag.description": 1, "tag.title": 1,
    ]

    /// The strings the build shows with `count` (their forms `.zero`, `.one`, `.other` get the number as {1}).
    public static let countedStrings: [String] = [
        "field.count.events", "field.count.posts", "field.count.projects", "tags.count", "translation.untranslated.*",
    ]

    /// The number of values the build fills into `key`; nil for a string it does not fill (the
    /// search script fills its own).
    public static func valuesFilled(into key: String) -> Int? {
        if let n = valuesFilledIn[key] { return n }
        guard let dot = key.lastIndex(of: "."), ["zero", "one", "other"].contains(key[key.index(after: dot)...]) else { return nil }
        let base = key[..<dot]
        return countedStrings.contains { $0.hasSuffix(".*") ? base.hasPrefix($0.dropLast()) : base == $0 } ? 1 : nil
    }

    /// Replaces `{1}`, `{2}` … with the arguments.
    public func format(_ key: String, _ args: String...) -> String { Self.fill(self[key], args) }

    /// Replaces `{1}`, `{2}` … with the numbers (a pagination makes thousands of these).
    public func format(_ key: String, _ numbers: Int...) -> String { Self.fill(self[key], numbers.map { String($0) }) }

    /// `{n}` for n from 1 to the number of arguments replaced by the n-th, in one pass over the
    /// text: an argument is put in as it is, even when it has a `{2}` of its own.
    static func fill(_ text: String, _ args: [String]) -> String {
        guard !args.isEmpty, text.utf8.contains(UInt8(ascii: "{")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{"), let (n, end) = placeholder(bytes, at: i), n >= 1, n <= args.count {
                out += args[n - 1].utf8
                i = end
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The number of a `{digits}` at `start`, and where it ends.
    static func placeholder(_ bytes: [UInt8], at start: Int) -> (Int, Int)? {
        var i = start + 1
        var n = 0
        while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57, n < 1_000 {
            n = n * 10 + Int(bytes[i] - 48)
            i += 1
        }
        guard i > start + 1, i < bytes.count, bytes[i] == UInt8(ascii: "}") else { return nil }
        return (n, i + 1)
    }
}
