/// Another language version of the site (`languages:` in site.yml): its own title, description
/// and addresses. The site's own language (`language:`) lives at `/`; each other one under its
/// prefix (`/en/`), and holds the items that have a translation (`foo.en.md` beside `foo.md`).
public struct LanguageVersion: Sendable, Equatable {
    public var code: String
    /// The mark of its files: the code (`foo.en.md`), or `ls` for Leichte Sprache.
    public var mark: String
    /// Where its pages live, ending in `/`: `en/`.
    public var prefix: String
    /// Where its items' pages live when its lists are the site's own (Leichte Sprache).
    public var itemPrefix: String? = nil
    public var title: String
    public var description: String?
    public var tagline: String?
    public var paths: SiteConfig.Paths

    /// English addresses, the default for `en` (German ones for any other language).
    static var englishPaths: SiteConfig.Paths {
        var p = SiteConfig.Paths()
        p.events = "events"; p.projects = "projects"; p.fields = "fields"; p.strategy = "strategy"; p.search = "search"
        p.page = "page"; p.tags = "tag"; p.participation = "participate"; p.ideas = "ideas"
        p.calendar = "calendar"; p.eventCalendar = "event"
        return p
    }

    static func defaultPaths(_ code: String) -> SiteConfig.Paths { code.hasPrefix("en") ? englishPaths : SiteConfig.Paths() }

    /// The file name's mark of Leichte Sprache (`foo.ls.md`), which no language may take.
    static let easyReadMark = "ls"

    /// Leichte Sprache: German, under `/leichte-sprache/` with the site's own section addresses.
    static func easyRead(_ config: SiteConfig) -> LanguageVersion {
        LanguageVersion(code: config.language, mark: easyReadMark, prefix: "", itemPrefix: "leichte-sprache/", title: config.title,
                        description: config.description, tagline: config.tagline, paths: config.paths)
    }
}

extension SiteConfig.Paths: Equatable {
    public static func == (a: Self, b: Self) -> Bool {
        a.sections.map(\.path) == b.sections.map(\.path) && a.page == b.page && a.tags == b.tags && a.ideas == b.ideas
            && a.calendar == b.calendar && a.eventCalendar == b.eventCalendar
    }
}

extension SiteConfig {
    static let languageKeys = ["title", "description", "tagline", "prefix", "paths"]

    /// `languages:`: one group per other language, keyed by its code (`en:`), each with `title`,
    /// `description`, `tagline`, `prefix` (default: the code) and `paths`.
    static func readLanguages(_ r: inout FrontMatterReader, file: String, own: String, title: String?) -> [LanguageVersion] {
        guard let map = r.map("languages") else { return [] }
        var result: [LanguageVersion] = []
        for entry in map.entries {
            if let problem = languageCodeProblem(entry.key, own: own) {
                r.diagnostics.append(.error(file, line: entry.keyLine, problem))
            } else if let language = readLanguage(entry, file: file, title: title, into: &r) {
                result.append(language)
            }
        }
        return result
    }

    /// A version's folder may not be an address the site's own pages use (`blog`, `assets` …), nor another version's.
    static func checkPrefixes(_ languages: [LanguageVersion], paths: Paths, file: String, line: Int) -> [Diagnostic] {
        var owners = Paths.reservedFolders
        for (key, path) in paths.sections { owners[path] = "paths.\(key)" }
        var diagnostics: [Diagnostic] = []
        for language in languages {
            let folder = String(language.prefix.dropLast())
            if let other = owners[folder] {
                diagnostics.append(.error(file, line: line, "languages.\(language.code) is at /\(folder)/, the address of \(other); give it a prefix of its own, e.g. prefix: \(language.code)-site"))
            } else {
                owners[folder] = "languages.\(language.code)"
            }
        }
        return diagnostics
    }

    /// Why `code` cannot name another language version, or nil.
    static func languageCodeProblem(_ code: String, own: String) -> String? {
        if code == LanguageVersion.easyReadMark {
            return "languages.ls: 'ls' marks Leichte Sprache (foo.ls.md), which is German; remove it here"
        }
        if code == own { return "languages.\(code) is the site's own language (language: \(own)); list only the other ones" }
        if !FrontMatterReader.isLanguageCode(code) { return "languages: '\(code)' is no language code; write e.g. en" }
        return nil
    }

    /// One `languages:` entry.
    private static func readLanguage(_ entry: YAMLMap.Entry, file: String, title: String?, into r: inout FrontMatterReader) -> LanguageVersion? {
        guard case .map(let m) = entry.value else {
            r.diagnostics.append(.error(file, line: entry.keyLine, "languages.\(entry.key) must be a group of keys (title, description, paths …)"))
            return nil
        }
        var l = FrontMatterReader(m, file: file)
        l.checkKeys(known: languageKeys)
        let prefix = l.string("prefix") ?? entry.key
        if !Slug.isValid(prefix) {
            l.diagnostics.append(.error(file, line: l.line(of: "prefix"), "languages.\(entry.key).prefix must be a slug, e.g. '\(Slug.make(prefix))'"))
        }
        guard let paths = readPaths(&l, file: file, defaults: LanguageVersion.defaultPaths(entry.key), reserved: [:]) else {
            r.diagnostics += l.diagnostics
            return nil
        }
        let language = LanguageVersion(code: entry.key, mark: entry.key, prefix: prefix + "/", title: l.string("title") ?? title ?? "",
                                    description: l.string("description"), tagline: l.string("tagline"), paths: paths)
        r.diagnostics += l.diagnostics
        return language
    }

    /// The settings as the version in `language` sees them: its code, title, texts and addresses.
    public func version(_ language: LanguageVersion) -> SiteConfig {
        var c = self
        c.language = language.code
        c.title = language.title
        c.description = language.description
        c.tagline = language.tagline
        c.paths = language.paths
        c.prefix = language.prefix
        c.itemPrefix = language.itemPrefix
        c.declaredInSite = declaredLanguages
        c.languages = []
        c.defaultLanguage = self.language
        c.versionMark = language.mark
        return c
    }
}
