/// Turns loaded documents into typed content items, one kind at a time.
/// Required and optional keys per kind follow the table in README.md.
enum DocumentDecoder {
    static let fieldKeys = ["title", "order", "summary", "draft"]
    static let postKeys = ["title", "date", "updated", "author", "fields", "tags", "summary", "image", "image_alt", "lang", "draft"]
    static let eventKeys = ["title", "start", "end", "location", "online", "fields", "format", "registration", "summary", "status", "updated", "lang", "draft", "participation"]
    static let projectKeys = ["title", "status", "fields", "cities", "partners", "start", "end", "updated", "code", "summary", "lang", "draft"]
    static let pageKeys = ["title", "summary", "menu", "search", "lang", "draft"]
    static let strategyKeys = ["title", "pdf", "published", "pdf_size", "summary"]

    static func keys(for kind: DocumentKind) -> [String] {
        switch kind {
        case .field: return fieldKeys
        case .post: return postKeys
        case .event: return eventKeys
        case .project: return projectKeys
        case .page: return pageKeys
        case .strategy: return strategyKeys
        case .participation: return participationKeys
        }
    }

    static func body(_ doc: LoadedDocument) -> MarkdownBody {
        if let load = doc.deferredBody { return MarkdownBody(deferred: load, hash: doc.bodyHash, source: doc.source) }
        return MarkdownBody(text: doc.body, source: doc.source)
    }

    static func field(_ doc: LoadedDocument, _ r: inout FrontMatterReader) -> Field? {
        // A field left out would make every item that names it report an unknown field too.
        let title = r.string("title", required: true, example: "\"Daten und Plattformen\"") ?? r.standIn(StandIn.title(doc))
        let order = r.int("order", required: true, example: "1") ?? r.standIn(StandIn.order)
        return Field(slug: doc.fileSlug, title: title, order: order, summary: r.string("summary"),
                     draft: r.bool("draft") ?? false, body: body(doc))
    }

    static func post(_ doc: LoadedDocument, _ r: inout FrontMatterReader) -> Post? {
        let title = r.string("title", required: true) ?? r.standIn(StandIn.title(doc))
        let date = r.date("date", required: true, example: "2026-11-26T10:00:00+01:00") ?? r.standIn(StandIn.date(doc))
        let image = r.string("image"), alt = r.string("image_alt"), updated = r.date("updated"), author = r.string("author")
        let fields = r.stringList("fields"), tags = r.tagList(), summary = r.string("summary")
        let lang = r.languageCode("lang"), draft = r.bool("draft") ?? false
        return Post(slug: doc.fileSlug, title: title, date: date, updated: updated, author: author, fields: fields, tags: tags,
                    summary: summary, image: image, imageAlt: alt, lang: lang, draft: draft, body: body(doc))
    }

    static func event(_ doc: LoadedDocument, _ r: inout FrontMatterReader) -> Event? {
        let title = r.string("title", required: true) ?? r.standIn(StandIn.title(doc))
        let written = r.date("start", required: true, example: "2026-11-26T18:00:00+01:00")
        let end = r.date("end", sameDayAs: written)
        // Without a start, the end stands in for it: a stand-in before it would be warned about.
        let start = written ?? r.standIn(end ?? StandIn.date(doc))
        // `location: Rathaus Dortmund` is the place's name; `sitegen new event` writes an empty
        // name and address to fill in, which is still no location.
        let location: Location?
        if case .scalar? = r.map.entry("location")?.value {
            location = r.string("location").map { Location(name: $0, address: nil) }
        } else {
            location = r.nested("location", known: ["name", "address"]) { l -> Location? in
                let (name, address) = (l.string("name"), l.string("address"))
                return name == nil && address == nil ? nil : Location(name: name, address: address)
            } ?? nil
        }
        var status = EventStatus.geplant
        if let s = r.string("status") {
            if let parsed = EventStatus(rawValue: s.lowercased()) { status = parsed } else {
                r.diagnostics.append(.error(doc.source.display, line: r.line(of: "status"), wrongStatus(s, known: EventStatus.allCases.map(\.rawValue))))
            }
        }
        let online = r.url("online", encrypted: true), fields = r.stringList("fields"), format = r.string("format")
        let registration = r.signUpAddress("registration"), summary = r.string("summary"), lang = r.languageCode("lang"), draft = r.bool("draft") ?? false
        var participation = r.string("participation")
        // `participation: umfrage` (its name): the message named a path under events/ never written.
        if let written = participation, !written.hasSuffix(".md") {
            r.diagnostics.append(.error(doc.source.display, line: r.line(of: "participation"),
                                        FrontMatterReader.notAFile(written, in: "participation", folder: "../../participation")))
            participation = nil
        }
        participation = participation.map { resolveContentPath($0, from: doc.source.path) ?? $0 }
        let updated = r.date("updated")
        return Event(slug: doc.fileSlug, title: title, start: start, end: end, location: location, online: online, fields: fields,
                     format: format, registration: registration?.href, summary: summary, status: status, lang: lang, draft: draft, body: body(doc),
                     updated: updated, participation: participation, registrationPhone: registration?.phone)
    }

    static func project(_ doc: LoadedDocument, _ r: inout FrontMatterReader) -> Project? {
        // Read every key first, so one run reports every problem of the file.
        let title = r.string("title", required: true) ?? r.standIn(StandIn.title(doc))
        let statusText = r.string("status", required: true, example: "umsetzung")
        let fields = r.stringList("fields"), cities = r.stringList("cities"), partners = r.stringList("partners")
        let start = r.date("start", example: "2023-04-01"), end = r.date("end", example: "2027-09-30")
        let updated = r.date("updated"), code = r.string("code"), summary = r.string("summary")
        let lang = r.languageCode("lang"), draft = r.bool("draft") ?? false
        var status: ProjectStatus?
        if let statusText {
            status = ProjectStatus(rawValue: statusText.lowercased())
            if status == nil {
                r.diagnostics.append(.error(doc.source.display, line: r.line(of: "status"), wrongStatus(statusText, known: ProjectStatus.allCases.map(\.rawValue))))
            }
        }
        // A wrong or missing status is an error already, so the build fails; the project stays, with
        // a stand-in, so that its other problems (fields, links) show in the same run.
        return Project(slug: doc.fileSlug, title: title, status: status ?? r.standIn(.idee), fields: fields, cities: cities, partners: partners,
                       start: start, end: end, updated: updated, code: code, summary: summary, lang: lang, draft: draft, body: body(doc))
    }

    /// A status that is none of `known`, with the nearest as a suggestion (an event's had none:
    /// `status: Abgesagt!` got only the list).
    static func wrongStatus(_ written: String, known: [String]) -> String {
        var message = "status must be one of \(known.joined(separator: ", ")), but is '\(written)'"
        if let guess = statusMeant(written, known: known) { message += "; did you mean '\(guess)'?" }
        return message
    }

    /// The status meant by a sentence as well as by a typo: `Die Veranstaltung ist abgesagt` or
    /// `verschoben auf Mai` name one of `known` as a word, `fällt aus` in other words. A sentence
    /// got only the list, with no hint at which value is meant.
    static func statusMeant(_ written: String, known: [String]) -> String? {
        let lower = written.lowercased()
        if let guess = nearest(lower, in: known) { return guess }
        let words = lower.split { !$0.isLetter }.map(String.init)
        if let word = words.lazy.compactMap({ nearest($0, in: known) }).first { return word }
        // The words of a phrase anywhere in the text: `fällt wegen Krankheit aus`.
        let phrase = { (p: String) in p.split(separator: " ").allSatisfy { words.contains(String($0)) } }
        return EventStatus.inWords.first { known.contains($0.status) && $0.words.contains(where: phrase) }?.status
    }

    static func page(_ doc: LoadedDocument, _ r: inout FrontMatterReader) -> Page? {
        let title = r.string("title", required: true) ?? r.standIn(StandIn.title(doc))
        return Page(slug: doc.fileSlug, title: title, summary: r.string("summary"), menu: r.int("menu"),
                    search: r.bool("search") ?? true, lang: r.languageCode("lang"), draft: r.bool("draft") ?? false, body: body(doc),
                    isHome: doc.source.path == EasyRead.homeFile)
    }

    static func strategy(_ doc: LoadedDocument, _ r: inout FrontMatterReader) -> Strategy? {
        let title = r.string("title", required: true)
        let pdf = r.string("pdf", required: true, example: "downloads/strategie.pdf")
        guard let title, let pdf else { return nil }
        return Strategy(title: title, pdf: pdf, pdfSize: r.int("pdf_size"), published: r.date("published", example: "2023-03-31"),
                        summary: r.string("summary"), body: body(doc))
    }
}
