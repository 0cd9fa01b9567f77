/// Where each kind of page lives. Paths here are relative to the site root and end in `/`
/// (`blog/2025/foo/`); `href` adds the base path, `absolute` the whole base URL.
public struct URLScheme: Sendable {
    public var paths: SiteConfig.Paths
    public var basePath: String
    public var baseURL: String
    /// The language version's folder (`en/`) for its lists; empty for the site's own language.
    public var prefix = ""
    /// The folder of its items' pages: the same as `prefix`, but `leichte-sprache/` for Leichte
    /// Sprache, whose items have pages of their own while its lists are the standard site's.
    public var itemPrefix = ""

    init(config: SiteConfig) {
        paths = config.paths
        prefix = config.prefix
        itemPrefix = config.itemPrefix ?? config.prefix
        basePath = config.basePath
        baseURL = config.baseURL
    }

    public var home: String { prefix }
    public func post(_ p: Post) -> String { "\(itemPrefix)\(paths.blog)/\(p.year)/\(p.slug)/" }
    public func event(_ e: Event) -> String { "\(itemPrefix)\(paths.events)/\(e.year)/\(e.slug)/" }
    public func project(_ p: Project) -> String { "\(itemPrefix)\(paths.projects)/\(p.slug)/" }
    public func field(_ f: Field) -> String { field(slug: f.slug) }
    public func field(slug: String) -> String { "\(itemPrefix)\(paths.fields)/\(slug)/" }
    public func page(_ p: Page) -> String { p.isHome ? itemPrefix : "\(itemPrefix)\(p.slug)/" }
    public func tag(_ t: PostTag) -> String { tag(slug: t.slug) }
    public func tag(slug: String) -> String { "\(prefix)\(paths.blog)/\(paths.tags)/\(slug)/" }
    /// The list of all tags.
    public var tags: String { "\(prefix)\(paths.blog)/\(paths.tags)/" }
    public func participation(_ p: Participation) -> String { "\(itemPrefix)\(paths.participation)/\(p.slug)/" }
    /// The list of all participation formats, and the idea pool inside it.
    public var participationList: String { "\(prefix)\(paths.participation)/" }
    public var ideas: String { "\(prefix)\(paths.participation)/\(paths.ideas)/" }
    public var blog: String { "\(prefix)\(paths.blog)/" }
    public var events: String { "\(prefix)\(paths.events)/" }
    public var projects: String { "\(prefix)\(paths.projects)/" }
    public var fields: String { "\(prefix)\(paths.fields)/" }
    public var strategy: String { "\(itemPrefix)\(paths.strategy)/" }
    public var search: String { "\(prefix)\(paths.search)/" }

    /// The calendar of a list (`veranstaltungen/kalender.ics`, `en/events/calendar.ics`) and of one event.
    public func calendar(_ listPath: String) -> String { "\(listPath)\(paths.calendar).ics" }
    public func eventCalendar(_ e: Event) -> String { "\(event(e))\(paths.eventCalendar).ics" }

    /// Page `n` (1-based) of a paginated list at `base`: `blog/`, `blog/seite/2/`, ….
    public func paginated(_ base: String, page n: Int) -> String { n <= 1 ? base : "\(base)\(paths.page)/\(n)/" }

    /// The page for addresses that do not exist, in a version's folder: `404.html`, `en/404.html`.
    public static func notFound(home: String) -> String { home + "404.html" }
    public static func isNotFound(_ path: String) -> Bool { path == "404.html" || path.hasSuffix("/404.html") }

    public func href(_ path: String) -> String { basePath + path }
    public func absolute(_ path: String) -> String { baseURL + path }

    /// The output file for a page path: `blog/` → `blog/index.html`.
    public static func outputFile(_ path: String) -> String { path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path }
}
