/// Reads typed values out of a front matter map and records a diagnostic for every
/// problem (wrong type, missing key, unknown key) with the line it is on.
struct FrontMatterReader {
    let map: YAMLMap
    let file: String
    var diagnostics: [Diagnostic] = []
    /// Known key → the unknown key written for it (`title` → `titel`), from `checkKeys`.
    private var standIns: [String: String] = [:]
    /// Known key → the stand-in whose value was read for it, so messages about it name that line.
    private var readInstead: [String: String] = [:]
    /// Whether a required value was missing and a stand-in took its place (`StandIn`).
    var usesStandIn = false
    /// Known keys written under another name (`ort:` for `location:`), as `checkKeys` found them.
    var misnamedKeys: Set<String> { Set(standIns.keys) }

    init(_ map: YAMLMap, file: String) {
        self.map = map
        self.file = file
    }

    private mutating func error(_ line: Int, _ message: String) {
        diagnostics.append(.error(file, line: line, message))
    }

    private mutating func missing(_ key: String, example: String) {
        error(map.line, "required key '\(key)' is missing; add e.g. \(key): \(example)")
    }

    /// Warns about keys the kind does not know and suggests the nearest known one.
    mutating func checkKeys(known: [String]) {
        for entry in map.entries where !known.contains(entry.key) {
            var message = "unknown key '\(entry.key)'"
            let suggestion = nearest(entry.key, in: known) ?? Self.englishKey(entry.key, in: known)
            if let suggestion {
                message += ", did you mean '\(suggestion)'?"
                if standIns[suggestion] == nil { standIns[suggestion] = entry.key }
            } else {
                message += "; known keys are: \(known.joined(separator: ", "))"
            }
            // A mistyped `draft` (`Draft:`, `darft:`, `entwurf:`) would publish what is meant to wait.
            if suggestion == "draft" {
                diagnostics.append(.error(file, line: entry.keyLine, "unknown key '\(entry.key)', did you mean 'draft'? As written, the page would be published"))
            } else {
                diagnostics.append(.warning(file, line: entry.keyLine, message))
            }
        }
    }

    /// Keys written in German (`Datum:`, `Schlagwörter:`): the key they mean, when `known` has it.
    static func englishKey(_ key: String, in known: [String]) -> String? {
        let english = germanKeys.first { $0.german.contains(Slug.make(key)) }?.english
        return english.flatMap { known.contains($0) ? $0 : nil }
    }

    /// German words for each key, as slugs (ä → ae, lower case).
    static let germanKeys: [(english: String, german: [String])] = [
        ("title", ["titel", "ueberschrift", "name"]), ("date", ["datum", "veroeffentlicht", "erscheinungsdatum"]),
        ("updated", ["aktualisiert", "geaendert", "aenderung"]), ("author", ["autor", "autorin", "verfasser", "verfasserin"]),
        ("fields", ["handlungsfeld", "handlungsfelder", "felder", "feld"]),
        ("tags", ["schlagwort", "schlagwoerter", "schlagworte", "stichwoerter", "stichworte"]),
        ("summary", ["zusammenfassung", "kurztext", "teaser", "beschreibung", "anreisser"]),
        ("image", ["bild", "foto", "titelbild", "beitragsbild"]), ("image_alt", ["bildbeschreibung", "alttext", "alternativtext"]),
        ("lang", ["sprache"]), ("draft", ["entwurf"]), ("start", ["beginn", "anfang", "von"]), ("end", ["ende", "bis", "schluss"]),
        ("location", ["ort", "veranstaltungsort"]), ("address", ["adresse", "anschrift"]), ("registration", ["anmeldung"]),
        ("cities", ["staedte", "stadt"]), ("partners", ["partnerinnen"]), ("code", ["kuerzel", "projektcode"]),
        ("order", ["reihenfolge", "nummer", "position"]), ("menu", ["menue"]), ("results", ["ergebnisse", "ergebnis"]),
        ("projects", ["projekte", "projekt"]), ("participate", ["mitmachen", "teilnahme", "teilnehmen"]),
        ("participation", ["beteiligung", "beteiligungsangebot"]), ("label", ["beschriftung", "linktext"]),
        ("status", ["zustand", "stand"]), ("format", ["art", "veranstaltungsart", "form"]),
    ]

    func line(of key: String) -> Int { (map.entry(key) ?? readInstead[key].flatMap { map.entry($0) })?.keyLine ?? map.line }

    /// The keys whose text the pages show as written (not an address, a date or a name the build
    /// looks up, whose own message names a wrong value).
    static let shownAsText: Set<String> = ["title", "summary", "author", "image_alt", "name", "address", "format", "label"]

    mutating func string(_ key: String, required: Bool = false, example: String = "\"…\"") -> String? {
        guard let value = map[key] else {
            guard required else { return nil }
            guard let written = standIns.removeValue(forKey: key), let entry = map.entry(written) else {
                missing(key, example: example)
                return nil
            }
            // `titel:` for `title:`: one message at its line, to rename it, instead of "add title:"
            // and "unknown key 'titel'". The file is read on with its value: the error fails the
            // build all the same, and its other mistakes (a mistyped field) show in this run.
            diagnostics.removeAll { $0.severity == .warning && $0.line == entry.keyLine && $0.message.hasPrefix("unknown key '\(written)'") }
            error(entry.keyLine, "required key '\(key)' is written '\(written)'; rename it to \(key):")
            readInstead[key] = written
            return string(written, example: example)
        }
        switch value {
        case .scalar(let s, _, _, let quoted):
            let text = s.trimmingSpaces
            if text.isEmpty, required { error(value.line, "'\(key)' is empty; write a value") }
            if !quoted, Self.shownAsText.contains(key), let message = YAMLHints.enclosedInTypographicQuotes(key, text) {
                diagnostics.append(.warning(file, line: value.line, message))
            }
            return text.isEmpty ? nil : text
        case .null:
            if required { error(value.line, "'\(key)' is empty; write a value") }
            return nil
        case .list(let items, _):
            error(value.line, Self.listForText(key, items))
            return nil
        case .map:
            error(value.line, "'\(key)' must be text, but is \(value.kindName)")
            return nil
        }
    }

    /// A list where one text is expected (`author: [Anna, Ben]`, a name per `- ` line, or
    /// `title: [Entwurf]`), with the line to write instead: it got only "must be text, but is a list".
    static func listForText(_ key: String, _ items: [YAMLValue]) -> String {
        let texts = items.compactMap { item -> String? in
            guard case .scalar(let s, _, _, _) = item, !s.trimmingSpaces.isEmpty else { return nil }
            return s.trimmingSpaces
        }
        guard !texts.isEmpty, texts.count == items.count else { return "'\(key)' must be text, but is a list" }
        if key == "author" {
            let names = texts.count == 1 ? texts[0] : texts.dropLast().joined(separator: ", ") + " und " + texts.last!
            return "'author' is one line of text, not a list; write the names in one line: author: \(names)"
        }
        if texts.count == 1 {
            return "'\(key)' must be one text, not a list; write it without brackets (\(key): \(texts[0])), or in quotes if the brackets belong to it (\(key): \"[\(texts[0])]\")"
        }
        return "'\(key)' must be one text, not a list; write it in one line: \(key): \(texts.joined(separator: ", "))"
    }

    mutating func int(_ key: String, required: Bool = false, example: String = "1") -> Int? {
        guard let text = string(key, required: required, example: example) else { return nil }
        guard let n = Int(text) else {
            error(line(of: key), "'\(key)' must be a whole number, but is '\(text)'")
            return nil
        }
        return n
    }

    /// An empty value is an error, not false: `draft:` left empty must not publish a draft.
    mutating func bool(_ key: String) -> Bool? {
        guard let value = map[key] else { return nil }
        let text: String
        switch value {
        case .scalar(let s, _, _, _): text = s.trimmingSpaces
        case .null: text = ""
        default:
            error(value.line, "'\(key)' must be true or false, but is \(value.kindName)")
            return nil
        }
        if text.isEmpty {
            error(value.line, "'\(key)' is empty; write true or false")
            return nil
        }
        switch text.lowercased() {
        case "true", "yes", "ja", "on": return true
        case "false", "no", "nein", "off": return false
        default:
            error(line(of: key), "'\(key)' must be true or false, but is '\(text)'")
            return nil
        }
    }

    /// A date or date-time. `sameDayAs`: the start an end may be written as a time of (`end: 20:00`).
    mutating func date(_ key: String, required: Bool = false, example: String = "2026-11-26T18:00:00+01:00", sameDayAs day: DateTime? = nil) -> DateTime? {
        guard let text = string(key, required: required, example: example) else { return nil }
        guard let date = DateTime.parse(text) else {
            error(line(of: key), DateTime.impossibility(text).map { "'\(key)' is \(text), but \($0); write a date that exists" }
                ?? day.flatMap { DateTime.isoSpelling(ofTime: text, on: $0) }.map { "'\(key)' is only a time ('\(text)'); write the day too: \(key + ": " + $0)" }
                ?? DateTime.withoutSpaceBeforeOffset(text).map { "'\(key)' is written '\(text)', with a space before the offset; write \(key + ": " + $0)" }
                ?? DateTime.isoSpelling(of: text).map { "'\(key)' is written '\(text)', but dates are written as year-month-day with two-digit month and day; write \(key + ": " + $0)" }
                ?? "'\(key)' must be a date like \(example), but is '\(text)'")
            return nil
        }
        // A summer offset copied into a winter date (or the other way round) moves the time shown.
        if let written = DateTime.writtenOffset(text), written.seconds != 0, written.seconds != date.local.offsetSeconds,
           let meant = DateTime.parse(written.wallClock) {
            diagnostics.append(.warning(file, line: line(of: key),
                "'\(key)' is written with the offset \(DateTime.offsetString(written.seconds)), but Berlin time on \(date.local.dateString) has \(DateTime.offsetString(date.local.offsetSeconds)), so it is shown as \(date.local.timeString(seconds: false)); write \(meant.iso8601) if \(meant.local.timeString(seconds: false)) is meant"))
        }
        return date
    }

    /// A list of texts. A single value where a list is expected is an error with the fix.
    mutating func stringList(_ key: String) -> [String] {
        guard let value = map[key] else { return [] }
        switch value {
        case .null: return []
        case .list(let items, _):
            var result: [String] = []
            for item in items {
                if case .scalar(let s, _, _, _) = item, case let text = s.trimmingSpaces, !text.isEmpty {
                    // Twice would show twice (a field's badge, a tag).
                    if result.contains(text) {
                        diagnostics.append(.warning(file, line: item.line, "'\(text)' is listed twice in '\(key)'; remove one"))
                    } else {
                        result.append(text)
                    }
                } else {
                    switch item {
                    case .scalar, .null: error(item.line, "an entry of '\(key)' is empty; remove it or write a value")
                    case .list, .map: error(item.line, "every entry of '\(key)' must be text")
                    }
                }
            }
            return result
        case .scalar(let s, _, _, _):
            // Fields are named by their address: a title written there (`fields: Energie und Umwelt`)
            // would be refused again once in brackets.
            let example = key == "fields" ? s.split(separator: ",").map { SiteValidator.fieldSlug(ofTitle: String($0)) }.joined(separator: ", ") : s
            error(value.line, YAMLHints.wordListMark(Substring(s.trimmingSpaces)) ?? "'\(key)' must be a list, e.g. \(key): [\(example)]")
            return []
        case .map:
            error(value.line, "'\(key)' must be a list, but is a group of keys")
            return []
        }
    }

    /// An http(s) URL; with `encrypted`, https only (where people sign up or take part).
    mutating func url(_ key: String, encrypted: Bool = false) -> String? {
        guard let text = string(key) else { return nil }
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), !Self.hasSpace(text) else {
            if ["true", "false", "yes", "no", "ja", "nein"].contains(lower) {
                error(line(of: key), "'\(key)' is the web address itself, not yes or no, but is '\(text)'; write the address, e.g. https://dortmund.de/…")
                return nil
            }
            error(line(of: key), Self.withoutScheme(key, text) ?? "'\(key)' must be a web address starting with https://, but is '\(text)'")
            return nil
        }
        if encrypted, !lower.hasPrefix("https://") {
            error(line(of: key), "'\(key)' is not encrypted ('\(text)'); people sign up or take part there, so write https://")
            return nil
        }
        return text
    }

    /// Whether the text has a space (a Character of its own): looked for by byte first, as an
    /// address has none and walking its Characters cost more than reading the rest of the event.
    static func hasSpace(_ text: String) -> Bool { text.containsByte(UInt8(ascii: " ")) && text.contains(" ") }

    /// `www.dortmund.de/anmeldung` or `konferenz.example.org/raum`, as printed on a flyer: the
    /// address with its `https://`.
    static func withoutScheme(_ key: String, _ text: String) -> String? {
        guard !text.contains(" "), text.lowercased().hasPrefix("www.") || isHostName(text.prefix { $0 != "/" }) else { return nil }
        return "'\(key)' is written '\(text)', without https://; write \(key): https://\(text)"
    }

    /// Top-level domains of the addresses a city's pages name; a file (`auftakt.md`) is no host.
    static let hostEndings: Set<String> = ["de", "org", "com", "net", "eu", "info", "nrw", "ruhr", "io", "app", "online"]

    /// `konferenz.example.org`: labels of letters, digits and hyphens, ending in a known domain.
    static func isHostName(_ host: Substring) -> Bool {
        let labels = host.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last, hostEndings.contains(String(last)) else { return false }
        return labels.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } }
    }

    /// Where people sign up for an event: an https address, or an e-mail address or phone number
    /// written `mailto:anmeldung@dortmund.de` (`?subject=…`: `MailLink`) or `tel:0231 50-12345` (as `participate` takes them).
    /// `phone` is the number as written, for people to read.
    mutating func signUpAddress(_ key: String) -> (href: String, phone: String?)? {
        guard case .scalar(let raw, _, _, _)? = map[key] else { return url(key, encrypted: true).map { ($0, nil) } }
        let text = raw.trimmingSpaces
        if let number = PhoneNumber.written(inLink: text) {
            guard let href = PhoneNumber.href(number) else {
                error(line(of: key), PhoneNumber.problem(text, number: number, wordsGo: .text))
                return nil
            }
            return (href, number)
        }
        let lower = text.lowercased()
        guard lower.hasPrefix("mailto:") else {
            if let hint = PhoneNumber.contactHint(text) {
                error(line(of: key), hint)
                return nil
            }
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
                error(line(of: key), Self.withoutScheme(key, text)
                    ?? "'\(key)' must be a web address (https://…), an e-mail address (mailto:…) or a phone number (tel:…), but is '\(text)'")
                return nil
            }
            return url(key, encrypted: true).map { ($0, nil) }
        }
        switch MailLink.read(text) {
        case .success(let mail): return (mail.href, nil)
        case .failure(let problem):
            error(line(of: key), problem.message)
            return nil
        }
    }

    /// A language code for `lang` attributes (`en`, `de-DE`, `tr`): screen readers pick their
    /// voice by it, and a made-up one (`english`) leaves them guessing.
    mutating func languageCode(_ key: String) -> String? {
        guard let text = string(key) else { return nil }
        if LanguageCodes.easyReadNames.contains(Slug.make(text)) {
            error(line(of: key), "'\(text)' is Leichte Sprache, which is no '\(key)' but a version of its own: name the file with .ls.md at the end (foo.ls.md beside foo.md) and remove this line")
            return nil
        }
        if let code = LanguageCodes.named[Slug.make(text)] {
            error(line(of: key), "'\(key)' must be a language code, not the language's name ('\(text)'); write \(key): \(code)")
            return nil
        }
        guard Self.isLanguageCode(text) else {
            error(line(of: key), "'\(key)' must be a language code such as en, de or tr, but is '\(text)'")
            return nil
        }
        return text
    }

    /// BCP 47 in its common shape: 2–3 letters, then subtags of 2–8 letters or digits.
    static func isLanguageCode(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// A nested group of keys.
    mutating func map(_ key: String) -> YAMLMap? {
        guard let value = map[key] else { return nil }
        switch value {
        case .map(let m): return m
        case .null: return nil
        default:
            error(value.line, "'\(key)' must be a group of keys (indented lines below it), but is \(value.kindName)")
            return nil
        }
    }

    /// Reads a nested map with its own reader, keeping diagnostics in one place.
    mutating func nested<T>(_ key: String, known: [String], _ body: (inout FrontMatterReader) -> T) -> T? {
        guard let m = map(key) else { return nil }
        var reader = FrontMatterReader(m, file: file)
        reader.checkKeys(known: known)
        let result = body(&reader)
        diagnostics += reader.diagnostics
        return result
    }
}
