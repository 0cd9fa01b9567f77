/// Where each kind of page lives. Paths here are relative to the site root and end in `/`
/// (`blog/2025/foo/`); `href` adds the base path, `absolute` the whole base URL.
public struct URLScheme: Sendable {
    public var paths: SiteConfig.Paths
    public var basePath: String
    public var baseURL: String

    init(config: SiteConfig) {
        paths = config.paths
        basePath = config.basePath
        baseURL = config.baseURL
    }

    public var home: String { "" }
    public func post(_ p: Post) -> String { "\(paths.blog)/\(p.year)/\(p.slug)/" }
    public func event(_ e: Event) -> String { "\(paths.events)/\(e.year)/\(e.slug)/" }
    public func project(_ p: Project) -> String { "\(paths.projects)/\(p.slug)/" }
    public func field(_ f: Field) -> String { field(slug: f.slug) }
    public func field(slug: String) -> String { "\(paths.fields)/\(slug)/" }
    public func page(_ p: Page) -> String { "\(p.slug)/" }
    public func tag(_ t: PostTag) -> String { tag(slug: t.slug) }
    public func tag(slug: String) -> String { "\(paths.blog)/\(paths.tags)/\(slug)/" }
    /// The list of all tags.
    public var tags: String { "\(paths.blog)/\(paths.tags)/" }
    public func participation(_ p: Participation) -> String { "\(paths.participation)/\(p.slug)/" }
    /// The list of all participation formats, and the idea pool inside it.
    public var participationList: String { "\(paths.participation)/" }
    public var ideas: String { "\(paths.participation)/\(paths.ideas)/" }
    public var blog: String { "\(paths.blog)/" }
    public var events: String { "\(paths.events)/" }
    public var projects: String { "\(paths.projects)/" }
    public var fields: String { "\(paths.fields)/" }
    public var strategy: String { "\(paths.strategy)/" }
    public var search: String { "\(paths.search)/" }

    /// Page `n` (1-based) of a paginated list at `base`: `blog/`, `blog/seite/2/`, ….
    public func paginated(_ base: String, page n: Int) -> String { n <= 1 ? base : "\(base)\(paths.page)/\(n)/" }

    public func href(_ path: String) -> String { basePath + path }
    public func absolute(_ path: String) -> String { baseURL + path }

    /// The output file for a page path: `blog/` → `blog/index.html`.
    public static func outputFile(_ path: String) -> String { path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path }
}
