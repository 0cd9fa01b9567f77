/// Open data: every project, every event, every published post and participation format as plain
/// JSON, and a DCAT-AP.de catalog that describes the four datasets. The fields are documented in `docs/open-data.md`.
///
/// Every key is always present (null when the content does not say), URLs are absolute, and
/// nothing depends on the build time, so an unchanged site gives unchanged files.
struct OpenData {
    let site: Site
    let strings: UIStrings

    /// `projekte.json` (follows `paths.projects`).
    static func projectsPath(_ urls: URLScheme) -> String { "\(urls.prefix)\(urls.paths.projects).json" }
    /// `veranstaltungen.json` (follows `paths.events`).
    static func eventsPath(_ urls: URLScheme) -> String { "\(urls.prefix)\(urls.paths.events).json" }
    /// `blog.json` (follows `paths.blog`).
    static func postsPath(_ urls: URLScheme) -> String { "\(urls.prefix)\(urls.paths.blog).json" }
    static let catalogPath = "dcat.jsonld"

    var projects: [Project] { site.publicProjects }
    var events: [Event] { site.publicEvents }
    var posts: [Post] { site.publicPosts }

    func files() -> [OutputFile] {
        [
            OutputFile(Self.projectsPath(site.urls), bytes: projectsJSON().serializedBytes(pretty: true) + [0x0A]),
            OutputFile(Self.eventsPath(site.urls), bytes: eventsJSON().serializedBytes(pretty: true) + [0x0A]),
            OutputFile(Self.postsPath(site.urls), bytes: postsJSON().serializedBytes(pretty: true) + [0x0A]),
            OutputFile(Self.participationPath(site.urls), bytes: participationJSON().serializedBytes(pretty: true) + [0x0A]),
            OutputFile(site.urls.prefix + Self.catalogPath, bytes: catalog().serializedBytes(pretty: true) + [0x0A]),
        ]
    }

    // MARK: Plain JSON

    func fieldRefs(_ slugs: [String]) -> JSON {
        .array(slugs.compactMap { site.field($0) }.map { f in
            .obj([("slug", .string(f.slug)), ("title", .string(f.title)), ("url", .string(site.urls.absolute(site.urls.field(f))))])
        })
    }

    func date(_ d: DateTime?) -> JSON { d.map { .string($0.iso8601) } ?? .null }
    func text(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }

    func header(title: String, description: String, path: String, landing: String, count: Int) -> [(String, JSON?)] {
        [
            ("title", .string(title)), ("description", .string(description)),
            ("url", .string(site.urls.absolute(path))), ("landingPage", .string(site.urls.absolute(landing))),
            ("publisher", .string(site.config.publisher.name)),
            ("license", site.config.license.map { .obj([("name", .string($0.name)), ("url", .string($0.url))]) } ?? .null),
            ("count", .number(count)),
        ]
    }

    func projectsJSON() -> JSON {
        let urls = site.urls
        let items: [JSON] = projects.map { p in
            .obj([
                ("id", .string(p.slug)), ("title", .string(p.title)), ("url", .string(urls.absolute(urls.project(p)))),
                ("status", .string(p.status.rawValue)), ("statusLabel", .string(strings["project.statusName.\(p.status.rawValue)"])),
                ("summary", text(p.summary)), ("code", text(p.code)),
                ("fields", fieldRefs(p.fields)), ("cities", .array(p.cities.map(JSON.string))),
                ("partners", .array(p.partners.map(JSON.string))),
                ("start", date(p.start)), ("end", date(p.end)), ("updated", date(p.updated)),
                ("language", .string(p.lang ?? site.config.language)),
            ])
        }
        return .obj(header(title: "\(strings["projects.title"]) – \(site.config.title)", description: strings["projects.description"],
                           path: Self.projectsPath(urls), landing: urls.projects, count: items.count) + [("projects", .array(items))])
    }

    func eventsJSON() -> JSON {
        let urls = site.urls
        let items: [JSON] = events.map { e in
            let location: JSON = e.location.map { l in .obj([("name", text(l.name)), ("address", text(l.address))]) } ?? .null
            return .obj([
                ("id", .string(ICalendar.uid(e, host: site.config.host))), ("title", .string(e.title)),
                ("url", .string(urls.absolute(urls.event(e)))),
                ("start", .string(e.start.iso8601)), ("end", date(e.end)), ("allDay", .bool(e.start.isDateOnly)),
                ("status", .string(e.status.rawValue)), ("updated", date(e.updated)),
                ("attendance", .string(e.online != nil && e.location != nil ? "hybrid" : e.online != nil ? "online" : "presence")),
                ("location", location), ("online", text(e.online)), ("registration", text(e.registration)),
                ("format", text(e.format)), ("summary", text(e.summary)), ("fields", fieldRefs(e.fields)),
                ("ics", .string(urls.absolute(urls.eventCalendar(e)))),
                ("language", .string(e.lang ?? site.config.language)),
            ])
        }
        return .obj(header(title: "\(strings["events.title"]) – \(site.config.title)", description: strings["events.description"],
                           path: Self.eventsPath(urls), landing: urls.events, count: items.count) + [("events", .array(items))])
    }

    // MARK: DCAT-AP.de

    /// The DCAT-AP.de licence URI for the licences German portals know; any other URL as given.
    static func dcatLicense(_ url: String) -> String {
        let u = url.lowercased().replacingAll("http://", with: "https://")
        let known: [(String, String)] = [
            ("govdata.de/dl-de/by-2-0", "http://dcat-ap.de/def/licenses/dl-by-de/2.0"),
            ("govdata.de/dl-de/zero-2-0", "http://dcat-ap.de/def/licenses/dl-zero-de/2.0"),
            ("creativecommons.org/licenses/by/4.0", "http://dcat-ap.de/def/licenses/cc-by/4.0"),
            ("creativecommons.org/licenses/by-sa/4.0", "http://dcat-ap.de/def/licenses/cc-by-sa/4.0"),
            ("creativecommons.org/publicdomain/zero/1.0", "http://dcat-ap.de/def/licenses/cc-zero"),
        ]
        return known.first { u.contains($0.0) }?.1 ?? url
    }

    /// Newest content date of a dataset, as `dct:modified` (never the build time).
    private func modified(_ dates: [DateTime]) -> JSON? {
        dates.max().map { .obj([("@value", .string($0.rfc3339UTC)), ("@type", .string("xsd:dateTime"))]) }
    }

    private func literal(_ s: String) -> JSON { .obj([("@value", .string(s)), ("@language", .string(site.config.language))]) }
    private func ref(_ url: String) -> JSON { .obj([("@id", .string(url))]) }

    /// What every dataset of the catalogue shares: its address, publisher, contact, licence, language.
    struct CatalogFrame {
        let catalogURL: String
        let publisher: JSON
        let contact: JSON?
        let license: String?
        let languageRef: JSON?
    }

    func catalogFrame() -> CatalogFrame {
        let c = site.config
        let publisher = JSON.obj([
            ("@id", .string(c.publisher.url ?? c.baseURL)), ("@type", .string("foaf:Organization")),
            ("foaf:name", .string(c.publisher.name)),
        ])
        let contact: JSON? = c.publisher.email.map { email in
            .obj([("@type", .string("vcard:Organization")), ("vcard:fn", .string(c.publisher.name)),
                  ("vcard:hasEmail", ref("mailto:" + email))])
        }
        let languageCodes = ["de": "DEU", "en": "ENG", "fr": "FRA", "tr": "TUR", "pl": "POL", "ar": "ARA", "uk": "UKR", "ru": "RUS"]
        let languageRef = languageCodes[String(c.language.prefix(2)).lowercased()].map { ref("http://publications.europa.eu/resource/authority/language/" + $0) }
        return CatalogFrame(catalogURL: site.urls.absolute(site.urls.prefix + Self.catalogPath), publisher: publisher, contact: contact,
                            license: c.license.map { Self.dcatLicense($0.url) }, languageRef: languageRef)
    }

    /// One dataset (a JSON file of the open data) with its one distribution.
    func dataset(_ f: CatalogFrame, id: String, title: String, description: String, path: String, landing: String,
                 keywords: [String], dates: [DateTime]) -> JSON {
        let urls = site.urls
        let distribution = JSON.obj([
            ("@id", .string(urls.absolute(path) + "#distribution")), ("@type", .string("dcat:Distribution")),
            ("dct:title", literal("\(title) (JSON)")),
            ("dcat:accessURL", ref(urls.absolute(path))), ("dcat:downloadURL", ref(urls.absolute(path))),
            ("dct:format", ref("http://publications.europa.eu/resource/authority/file-type/JSON")),
            ("dcat:mediaType", ref("https://www.iana.org/assignments/media-types/application/json")),
            ("dct:license", f.license.map(ref)),
            ("dcatde:licenseAttributionByText", f.license == nil ? nil : literal(site.config.publisher.name)),
            ("dct:modified", modified(dates)),
        ])
        return .obj([
            ("@id", .string(f.catalogURL + "#" + id)), ("@type", .string("dcat:Dataset")),
            ("dct:identifier", .string(f.catalogURL + "#" + id)),
            ("dct:title", literal(title)), ("dct:description", literal(description)),
            ("dct:publisher", f.publisher), ("dcatde:maintainer", f.publisher), ("dcat:contactPoint", f.contact),
            ("dcat:landingPage", ref(urls.absolute(landing))),
            ("dcat:keyword", .array(keywords.map(literal))),
            ("dcat:theme", ref("http://publications.europa.eu/resource/authority/data-theme/GOVE")),
            ("dct:language", f.languageRef),
            ("dct:accessRights", ref("http://publications.europa.eu/resource/authority/access-right/PUBLIC")),
            ("dct:modified", modified(dates)),
            ("dcat:distribution", .array([distribution])),
        ])
    }

    func catalog() -> JSON {
        let urls = site.urls
        let c = site.config
        let f = catalogFrame()
        let projectDates = projects.compactMap { $0.updated ?? $0.start }
        let eventDates = events.map { ICalendar.contentDate($0) }
        let postDates = posts.map { $0.updated ?? $0.date }
        func named(_ key: String) -> String { "\(strings[key]) – \(c.title)" }
        return .obj([
            ("@context", .obj([
                ("dcat", .string("http://www.w3.org/ns/dcat#")), ("dct", .string("http://purl.org/dc/terms/")),
                ("dcatde", .string("http://dcat-ap.de/def/dcatde/")), ("foaf", .string("http://xmlns.com/foaf/0.1/")),
                ("vcard", .string("http://www.w3.org/2006/vcard/ns#")), ("xsd", .string("http://www.w3.org/2001/XMLSchema#")),
            ])),
            ("@id", .string(f.catalogURL)), ("@type", .string("dcat:Catalog")),
            ("dct:title", literal("Offene Daten – \(c.title)")),
            ("dct:description", literal(c.description ?? c.title)),
            ("dct:publisher", f.publisher),
            ("foaf:homepage", ref(c.baseURL)),
            ("dct:language", f.languageRef),
            ("dct:license", f.license.map(ref)),
            ("dct:modified", modified(projectDates + eventDates + postDates + participationDates)),
            ("dcat:dataset", .array([
                dataset(f, id: "projekte", title: named("projects.title"), description: strings["projects.description"],
                        path: Self.projectsPath(urls), landing: urls.projects, keywords: ["Smart City", strings["projects.title"]], dates: projectDates),
                dataset(f, id: "veranstaltungen", title: named("events.title"), description: strings["events.description"],
                        path: Self.eventsPath(urls), landing: urls.events, keywords: ["Smart City", strings["events.title"]], dates: eventDates),
                dataset(f, id: "blog", title: named("blog.title"), description: strings["blog.description"],
                        path: Self.postsPath(urls), landing: urls.blog, keywords: ["Smart City", strings["blog.title"]], dates: postDates),
                dataset(f, id: "mitmachen", title: named("participation.title"), description: strings["participation.description"],
                        path: Self.participationPath(urls), landing: urls.participationList,
                        keywords: ["Smart City", strings["participation.keyword"]], dates: participationDates),
            ])),
        ])
    }
}
