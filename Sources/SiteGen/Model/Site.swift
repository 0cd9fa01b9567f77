/// The whole site as typed, validated content: the output of the model stage.
public struct Site: Sendable {
    public var config: SiteConfig
    public var urls: URLScheme
    public var options: BuildOptions
    /// In strategy order.
    public var fields: [Field]
    /// Newest first.
    public var posts: [Post]
    /// Soonest first.
    public var events: [Event]
    /// In German title order.
    public var projects: [Project]
    /// By menu order, then title.
    public var pages: [Page]
    public var strategy: Strategy?
    public var assets: [Asset]
    /// Size of the strategy PDF in bytes (from the file, or `pdf_size`).
    public var strategyPDFSize: Int?

    /// Content path (`posts/2025/foo.md`) → site path (`blog/2025/foo/`), for published items.
    public var pathBySource: [String: String] = [:]
    /// Content paths of items left out (drafts, future posts), to explain broken links.
    public var excludedSources: [String: String] = [:]
    /// Drafts and future posts this build leaves out, by content path, so the build can say so.
    public var withheld: [Withheld] = []
    /// Posts left out only because their date has not come (not drafts): checked now, so that
    /// their problems do not first appear, and fail the build, on the day they are published.
    public var scheduledPosts: [Post] = []
    public var configHash: UInt64 = 0
    /// Every post date and event end (epoch seconds), published or not: the only moments at
    /// which the passing of time changes the site.
    public var timeBoundaries: [Int64] = []
    /// The tags of `posts`, in German order of their names.
    public var tags: [PostTag] = []
    /// Participation formats, by start (soonest first).
    public var participation: [Participation] = []
    /// The other language versions (`languages:` in site.yml), each a site of its own under its
    /// prefix (`en/`) that holds the translated items; empty for a site in one language.
    public var versions: [Site] = []
    /// Per page path, the versions of that page in every language (see `Alternates`); the same
    /// table in every version. Empty for a site in one language.
    public var alternates: [String: [Alternate]] = [:]
    /// In a version: the original's pages (the legal pages are linked from every version, in
    /// German where they have no translation).
    public var originalPages: [Page] = []
    /// In a version: the original's events, posts and projects, which its participation formats
    /// may name where they have no translation (the link leads to the original's page).
    public var originalEvents: [Event] = []
    public var originalPosts: [Post] = []
    public var originalProjects: [Project] = []
    /// In a version: how many published items of each list (`blog`, `events`, `projects`,
    /// `participation`) have no translation, with the original list's path.
    public var untranslated: [String: (count: Int, path: String)] = [:]
    /// The Leichte-Sprache version (`foo.ls.md`), when there is one: German, under `leichte-sprache/`.
    public var easyReadVersion: [Site] = []
    /// Standard page path ↔ its Leichte-Sprache page path, both ways (see `EasyRead`).
    public var easyRead = EasyReadLinks()
    /// Whether the content has a home page in Leichte Sprache (`home.ls.md`): the required page
    /// "Leichte Sprache" then.
    var hasEasyReadHome = false
    /// `content/home.ls.md` is a draft (and drafts are not shown).
    var easyReadHomeIsDraft = false

    /// In the Leichte-Sprache version: the standard site's fields, which its items' badges show
    /// (linked to their Leichte-Sprache page where there is one, else to the standard one).
    public var originalFields: [Field] = []
    /// In a language version: the slugs of the original's fields. A version translates only some,
    /// so a mistyped slug in a translation is compared with these for its "did you mean".
    var originalFieldSlugs: [String] = []
    /// In a version: items whose fields it has no translation of (no "has no field" warning for them).
    public var fieldsLeftOut: Set<String> = []
    /// Known keys each item writes under another name (`ort:` for `location:`), by source path:
    /// the unknown-key warning says to rename it, so no second warning says the key is missing.
    var misnamedKeys: [String: Set<String>] = [:]
    /// Items holding a stand-in for a missing value (`StandIn`), by source path: nothing is to be
    /// compared with that value (a translation's date with its original's).
    var standIns: Set<String> = []

    /// Whether a warning that `key` is missing would be a second message about a misnamed key.
    func writesMisnamed(_ key: String, in source: SourceRef) -> Bool { misnamedKeys[source.path]?.contains(key) == true }

    /// The Markdown bodies of this site and of every language version (for the checks).
    var allBodies: [MarkdownBody] { bodies + (versions + easyReadVersion).flatMap(\.bodies) }

    /// Where each source file is published, the versions' files (`foo.en.md`) included.
    var pathOfEverySource: [String: String] {
        var paths = pathBySource
        for version in versions + easyReadVersion {
            for (source, path) in version.pathBySource where Variant.of(source) != nil { paths[source] = path }
        }
        return paths
    }

    /// Whether this is the Leichte-Sprache version.
    public var isEasyRead: Bool { config.versionMark == LanguageVersion.easyReadMark }

    public func field(_ slug: String) -> Field? { fields.first { $0.slug == slug } }


    /// Every Markdown body of the site (for `releaseBodies`).
    var bodies: [MarkdownBody] {
        fields.map(\.body) + posts.map(\.body) + events.map(\.body) + projects.map(\.body) + pages.map(\.body)
            + participation.map(\.body) + (strategy.map { [$0.body] } ?? [])
    }

    /// Events not yet over at `now`, soonest first.
    public var upcomingEvents: [Event] { events.filter { $0.endsAt > options.now } }
    /// Events over at `now`, newest first.
    public var pastEvents: [Event] { events.filter { $0.endsAt <= options.now }.reversed() }

    /// The slugs of the pages every German public site must have.
    public static let requiredPages: [(slug: String, title: String)] = [
        ("impressum", "Impressum"), ("datenschutz", "Datenschutzerklärung"),
        ("barrierefreiheit", "Erklärung zur Barrierefreiheit"), ("leichte-sprache", "Leichte Sprache"),
        ("gebaerdensprache", "Gebärdensprache"),
    ]
}
