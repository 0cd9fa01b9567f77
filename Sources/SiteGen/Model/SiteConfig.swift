/// `content/site.yml`: the site's settings.
public struct SiteConfig: Sendable {
    public struct Publisher: Sendable { public var name: String; public var url: String?; public var email: String? }
    public struct License: Sendable { public var name: String; public var url: String }

    /// URL prefixes of the sections (German by default).
    public struct Paths: Sendable {
        public var blog = "blog"
        public var events = "veranstaltungen"
        public var projects = "projekte"
        public var fields = "handlungsfelder"
        public var strategy = "strategie"
        public var search = "suche"
        public var page = "seite"
        /// Inside the blog's address: `blog/schlagwort/<tag>/`.
        public var tags = "schlagwort"
        public var participation = "mitmachen"
        /// Inside the participation's address: `mitmachen/ideenpool/`.
        public var ideas = "ideenpool"
        /// File names (without `.ics`) of a list's calendar (`veranstaltungen/kalender.ics`) and
        /// of an event's own (`veranstaltungen/2026/x/termin.ics`).
        public var calendar = "kalender"
        public var eventCalendar = "termin"
        static let keys = ["blog", "events", "projects", "fields", "strategy", "search", "page", "tags", "participation", "ideas",
                           "calendar", "event_calendar"]
        /// The sections with their own address (`page` is a segment inside a list's address).
        /// Folders at the site's root that are not sections', with what they hold.
        static let reservedFolders = ["assets": "the theme's assets/ folder", EasyRead.listPage: "the Leichte-Sprache pages"]

        var sections: [(key: String, path: String)] {
            [("blog", blog), ("events", events), ("projects", projects), ("fields", fields), ("strategy", strategy), ("search", search),
             ("participation", participation)]
        }
        /// Why `tags` cannot be the tag pages' segment of the blog's address, or nil: the blog's
        /// own pages are `blog/<page>/2/` and `blog/<year>/<post>/`.
        var tagsProblem: String? {
            if tags == page { return "paths.tags is '\(tags)', the same as paths.page, so tag pages would take the blog's page addresses; give it its own, e.g. 'schlagwort'" }
            if tags.allSatisfy(\.isNumber) { return "paths.tags is '\(tags)', a number, so tag pages would take the addresses of a year's posts; write a word, e.g. 'schlagwort'" }
            return nil
        }
    }

    public var title: String
    public var tagline: String?
    public var description: String?
    /// Always ends with `/`, e.g. `https://smartcity.example.org/`.
    public var baseURL: String
    public var language: String
    public var author: String
    public var publisher: Publisher
    public var license: License?
    public var paginate: Int
    public var unsafeHTML: Bool
    public var paths: Paths
    /// `participation:` and `ideas:` of site.yml (the intro of /mitmachen/, how to submit an idea).
    public var participationSettings = ParticipationSettings()
    /// `images:` (sizes, quality, originals, budget).
    public var images = ImageSettings()

    /// The other language versions (`languages:`); empty for a site in one language.
    public var languages: [LanguageVersion] = []
    /// Where this version's pages live: empty for the site's own language, `en/` for English.
    public var prefix = ""
    /// Where this version's items live when not under `prefix` (Leichte Sprache: `leichte-sprache/`).
    public var itemPrefix: String?
    /// In a version: the site's own language (nil for the site itself).
    public var defaultLanguage: String?
    /// In a version: its files' mark (`en` of `foo.en.md`, `ls` of Leichte Sprache).
    public var versionMark: String?
    /// In a version: the languages the site declares (kept from the site's settings).
    var declaredInSite: [String]?

    /// Every language site.yml names: the site's own, then those of `languages:`.
    public var declaredLanguages: [String] { declaredInSite ?? [language] + languages.map(\.code) }

    /// The path part of the base URL (`/` or `/smartcity/`), which every internal link starts with.
    public var basePath: String {
        guard let schemeEnd = baseURL.firstRange(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    /// `smartcity.example.org`
    public var host: String {
        guard let authority = Self.authority(of: baseURL) else { return baseURL }
        return String(authority.prefix { $0 != ":" })
    }

    /// What stands between `://` and the next `/` (`smartcity.example.org:8080`); nil without `://`.
    static func authority(of url: String) -> Substring? {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        return url[schemeEnd.upperBound...].prefix { $0 != "/" }
    }

    /// What is wrong with a base URL (to follow "base_url "), or nil. Every absolute link, the
    /// feeds and the sitemap are made from it, so a wrong one spoils every page.
    static func baseURLProblem(_ b: String) -> String? {
        let example = "e.g. https://smartcity.example.org/"
        let lower = b.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), !b.contains(where: \.isWhitespace) else {
            return "must start with https:// (\(example)), but is '\(b)'"
        }
        if b.contains("?") || b.contains("#") {
            return "may not contain '?' or '#' (is '\(b)'); write the site's address only, \(example)"
        }
        let host = authority(of: b) ?? ""
        if host.isEmpty || host.hasPrefix(":") || host.hasPrefix(".") {
            return "has no host name (is '\(b)'); write the site's full address, \(example)"
        }
        return nil
    }

    /// A public site's address with `http://` (not a test on this machine): every canonical
    /// address, feed, calendar, sitemap entry and link preview would name the unencrypted site.
    static func unencrypted(_ b: String) -> String? {
        guard b.lowercased().hasPrefix("http://") else { return nil }
        let host = (authority(of: b) ?? "").lowercased()
        if ["localhost", "127.0.0.1", "[::1]"].contains(where: { host == $0 || host.hasPrefix($0 + ":") }) { return nil }
        return "base_url starts with http://, so the canonical addresses, feeds, calendars, the sitemap and link previews name the site unencrypted; write https://\(b.dropFirst(7))"
    }

    /// `publisher.email`, which the idea pool's mailto: link, the open data's contact and the
    /// JSON-LD name; nil (and an error) when it is no e-mail address.
    static func publisherEmail(_ p: inout FrontMatterReader) -> String? {
        guard let email = p.string("email") else { return nil }
        guard FrontMatterReader.isMailAddress(email) else {
            p.diagnostics.append(.error(p.file, line: p.line(of: "email"), "publisher.email '\(email)' is no e-mail address; write it like smartcity@dortmund.de (without mailto:)"))
            return nil
        }
        return email
    }

    static let knownKeys = ["title", "tagline", "description", "base_url", "language", "author", "publisher",
                            "license", "paginate", "unsafe_html", "paths", "participation", "ideas", "images", "languages"]

    /// Reads site.yml; `overrideBaseURL` comes from `--base-url`.
    /// `paths:`: each a slug, the tags' address one the blog's pages cannot take, and no two
    /// sections at one address (they would write their pages over each other); nil then, the
    /// error reported. `reserved`: other folders at the same level, with what they hold.
    static func readPaths(_ r: inout FrontMatterReader, file: String, defaults: Paths = Paths(), reserved: [String: String]) -> Paths? {
        var paths = defaults
        var pathLines: [String: Int] = [:]
        _ = r.nested("paths", known: Paths.keys) { p in
            func read(_ key: String, _ target: WritableKeyPath<Paths, String>) {
                guard let v = p.string(key) else { return }
                pathLines[key] = p.line(of: key)
                if Slug.isValid(v) { paths[keyPath: target] = v } else {
                    p.diagnostics.append(.error(file, line: p.line(of: key), "paths.\(key) must be a slug (lowercase letters, digits and hyphens), e.g. '\(Slug.make(v))'"))
                }
            }
            read("blog", \.blog); read("events", \.events); read("projects", \.projects); read("fields", \.fields)
            read("strategy", \.strategy); read("search", \.search); read("page", \.page); read("tags", \.tags)
            read("participation", \.participation); read("ideas", \.ideas)
            read("calendar", \.calendar); read("event_calendar", \.eventCalendar)
        }
        if let problem = paths.tagsProblem {
            r.diagnostics.append(.error(file, line: pathLines["tags"] ?? r.line(of: "paths"), problem))
        }
        var owners = reserved
        var ownerKeys: [String: String] = [:]
        var shared = false
        for (key, value) in paths.sections {
            if let other = owners[value] {
                // Named by the key written in site.yml, when the other one keeps its default.
                var (named, taken) = (key, other)
                if pathLines[key] == nil, let otherKey = ownerKeys[value], pathLines[otherKey] != nil { (named, taken) = (otherKey, "paths.\(key)") }
                r.diagnostics.append(.error(file, line: pathLines[named] ?? r.line(of: "paths"),
                                            "paths.\(named) is '\(value)', the address of \(taken); give each section its own"))
                shared = true
            } else {
                owners[value] = "paths.\(key)"
                ownerKeys[value] = key
            }
        }
        return shared ? nil : paths
    }

    /// The language the site is built in: site.yml's `language` when site.yml can be read, else
    /// German (as the site's UI strings then are). Known before the site is modelled, so the
    /// templates can be loaded meanwhile.
    static func siteLanguage(_ value: YAMLValue?, overrideBaseURL: String?) -> String {
        decode(value, file: "site.yml", overrideBaseURL: overrideBaseURL).0?.language ?? "de"
    }

    static func decode(_ value: YAMLValue?, file: String, overrideBaseURL: String?) -> (SiteConfig?, [Diagnostic]) {
        guard case .map(let map)? = value else {
            let message = value == nil
                ? "site.yml is empty; it needs at least title and base_url (see README.md, \"site.yml\")"
                : "site.yml must be a list of keys like 'title: …'"
            return (nil, [.error(file, line: value?.line ?? 1, message)])
        }
        var r = FrontMatterReader(map, file: file)
        r.checkKeys(known: knownKeys)
        let title = r.string("title", required: true, example: "\"Smart City Dortmund/Schwerte\"")
        var base = overrideBaseURL ?? r.string("base_url", required: true, example: "https://smartcity.example.org/")
        if let b = base {
            if let rule = Self.baseURLProblem(b) {
                // A wrong --base-url is the command line's fault, not site.yml's.
                r.diagnostics.append(overrideBaseURL != nil ? .error("--base-url", "--base-url \(rule)")
                    : .error(file, line: r.line(of: "base_url"), "base_url \(rule)"))
                base = nil
            } else if !b.hasSuffix("/") {
                base = b + "/"
            }
            if overrideBaseURL == nil, let problem = Self.unencrypted(b) { r.diagnostics.append(.warning(file, line: r.line(of: "base_url"), problem)) }
        }
        let publisher = r.nested("publisher", known: ["name", "url", "email"]) { p in
            Publisher(name: p.string("name", required: true) ?? "", url: p.url("url"), email: publisherEmail(&p))
        }
        let license = r.nested("license", known: ["name", "url"]) { l in
            // The open data name the license by its address (DCAT's dct:license): without one, "@id": "".
            if l.map.entry("url") == nil { _ = l.string("url", required: true, example: "https://www.govdata.de/dl-de/by-2-0") }
            return License(name: l.string("name", required: true) ?? "", url: l.url("url") ?? "")
        }
        // Sections sharing an address stop the build here: their pages would be written over each other.
        let paths = readPaths(&r, file: file, reserved: Paths.reservedFolders)
        let paginate = r.int("paginate") ?? 10
        if paginate < 1 { r.diagnostics.append(.error(file, line: r.line(of: "paginate"), "paginate must be 1 or more")) }
        var config = SiteConfig(
            title: title ?? "", tagline: r.string("tagline"), description: r.string("description"),
            baseURL: base ?? "", language: r.languageCode("language") ?? "de",
            author: r.string("author") ?? title ?? "",
            publisher: publisher ?? Publisher(name: title ?? "", url: nil, email: nil),
            license: license, paginate: max(1, paginate), unsafeHTML: r.bool("unsafe_html") ?? false, paths: paths ?? Paths())
        config.participationSettings = ParticipationSettings.decode(&r)
        config.images = ImageSettings.read(&r)
        config.languages = readLanguages(&r, file: file, own: config.language, title: title)
        r.diagnostics += checkPrefixes(config.languages, paths: config.paths, file: file, line: r.line(of: "languages"))
        let ok = title != nil && base != nil && paths != nil
        return (ok ? config : nil, r.diagnostics)
    }
}
