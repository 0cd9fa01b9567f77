import MustacheEngine

/// What every page shows around its content: site name, navigation, footer, strings.
/// Built once per build; each page adds its own title, breadcrumbs and `aria-current`.
struct LayoutContext: @unchecked Sendable {  // the caches inside are locked
    enum Section: String { case home, fields, projects, events, participation, blog, strategy, page, search, none }

    let site: Site
    let strings: UIStrings
    let globals: GlobalsView
    let footerNav: [LinkView]
    let metaNav: [LinkView]
    /// The header's access links: Leichte Sprache, Gebärdensprache, search (path, title, icon id).
    let accessLinks: [(path: String, title: String, icon: String)]
    let fieldBadges: [String: FieldBadge]
    /// Per tag slug, its link (shared by every post page that shows the tag).
    let tagLinksBySlug: [String: TagLink]
    let cssHref: String
    let searchScriptHref: String
    let index: SiteIndex
    /// One navigation object per state, so the header and footer are rendered once per state.
    let navigations: NavigationCache
    /// A hash of the globals, mixed into every page's key (they are the same for every page).
    let sharedHash: UInt64
    /// What cards and item pages show of a post, event or project.
    let itemFields: ItemFields
    /// Cards of posts, events and projects, made once and shared by every list.
    let cards: CardCache
    let participationCards = ParticipationCardCache()
    let templates: TemplateSet
    /// The publisher's JSON-LD, which every page carries.
    let publisherLD: String
    /// In a language version: the UI strings of the site's own language (links to its lists).
    var originalStrings: UIStrings?

    init(site: Site, templates: TemplateSet, images: ImageCatalog = .empty) {
        self.site = site
        self.templates = templates
        let strings = UIStrings(tree: templates.strings)
        self.strings = strings
        let urls = site.urls
        let c = site.config
        let siteView = SiteView(title: c.title, home: urls.href(urls.home), lang: c.language, baseURL: c.baseURL,
                                publisher: c.publisher.name, searchHref: urls.href(urls.search),
                                uiIcons: urls.href("assets/ui-icons.svg"), logo: urls.href("assets/logo.svg"),
                                favicon: urls.href("assets/favicon.svg"), tagline: c.tagline, description: c.description)
        cssHref = urls.href("assets/site.css")
        searchScriptHref = urls.href("assets/search.js")
        globals = GlobalsView(strings: templates.stringsValue, site: siteView, cssHref: cssHref)
        sharedHash = Fingerprint.of(globals)

        let pageLinks = PageLinks(site: site, strings: strings)
        footerNav = pageLinks.footer
        metaNav = pageLinks.meta
        accessLinks = pageLinks.access + [(urls.search, strings["nav.search"], "suche")]
        // A field's icon is `Templates/assets/icons/<slug>.svg` (an element with id="icon"), when the theme has one.
        let icons = Set(templates.assets.map(\.relativePath))
        var badges: [String: FieldBadge] = [:]
        // Leichte Sprache shows the standard site's fields, its own version of one where it has it.
        let badgeFields = site.originalFields.isEmpty ? site.fields : site.originalFields.map { o in site.fields.first { $0.slug == o.slug } ?? o }
        for (i, f) in badgeFields.enumerated() {
            let icon = icons.contains("icons/\(f.slug).svg") ? urls.href("assets/icons/\(f.slug).svg") + "#icon" : nil
            badges[f.slug] = FieldBadge(slug: f.slug, title: f.title, href: urls.href(site.pathBySource[f.body.source.path] ?? urls.field(f)), number: i + 1,
                                        colorClass: "hf-\((i % 12) + 1)", icon: icon)
        }
        fieldBadges = badges
        tagLinksBySlug = Self.tagLinks(site)
        index = SiteIndex(site: site)
        navigations = NavigationCache()
        var itemFields = ItemFields(urls: urls, strings: strings, fieldBadges: badges, options: site.options, images: images)
        itemFields.language = c.language
        self.itemFields = itemFields
        cards = CardCache(fields: itemFields)
        publisherLD = StructuredData.publisher(site).serialized()
    }

    /// The main navigation with the current section marked: `current` is "page" on the section's own
    /// page and "true" on the pages inside it (a post marks "Blog", but is not the blog page).
    func nav(_ section: Section, path: String? = nil) -> [NavItem] {
        let urls = site.urls
        var items: [(Section, String, String)] = [
            (.fields, strings["nav.fields"], urls.fields), (.projects, strings["nav.projects"], urls.projects),
            (.events, strings["nav.events"], urls.events), (.participation, strings["nav.participation"], urls.participationList),
            (.blog, strings["nav.blog"], urls.blog),
        ]
        // A site without strategy.md has no strategy page to link to.
        if site.strategy != nil { items.append((.strategy, strings["nav.strategy"], urls.strategy)) }
        return items.map { s, title, itemPath in
            NavItem(title: title, href: urls.href(itemPath),
                    current: s == section ? (path == nil || path == itemPath ? "page" : "true") : nil)
        }
    }

    /// The header's access links with the current page marked.
    func accessNav(path: String) -> [AccessNavItem] {
        accessLinks.map { AccessNavItem(title: $0.title, href: site.urls.href($0.path), icon: $0.icon, current: $0.path == path) }
    }

    /// The navigation object for a page at `path` in `section`: one per state, which is which
    /// section is current (and whether this is its own page) and which access page is open.
    func navigation(_ section: Section, path: String) -> NavigationView {
        let own = sectionPath(section) == path
        let access = accessLinks.firstIndex { $0.path == path } ?? -1
        return navigations.view(key: NavigationCache.Key(section: section, own: own, access: access)) {
            NavigationView(nav: nav(section, path: path), accessNav: accessNav(path: path), footerNav: footerNav, metaNav: metaNav)
        }
    }

    /// The page of a section the main navigation links to, or nil.
    private func sectionPath(_ section: Section) -> String? {
        switch section {
        case .fields: return site.urls.fields
        case .projects: return site.urls.projects
        case .events: return site.urls.events
        case .blog: return site.urls.blog
        case .strategy: return site.urls.strategy
        case .participation: return site.urls.participationList
        default: return nil
        }
    }

    struct Meta {
        var title: String
        var description: String?
        /// Site path of the page (`blog/2025/foo/`).
        var path: String
        var section: Section
        var breadcrumbs: [(String, String?)] = []
        var feeds: [(title: String, path: String)] = []
        /// Structured data blocks, as JSON text.
        var jsonLD: [String] = []
        var ogType = "website"
        var image: String?
        var lang: String?
        var noindex = false
        var isHome = false
    }

    /// Dates, lists and sizes in the site's language.
    var dates: LocalDates { itemFields.dates }

    /// A page view's key for the build cache: its view and the globals.
    func pageHash(_ view: any TemplateObject) -> UInt64 {
        ContentHash.mix(Fingerprint.of(view), sharedHash)
    }

    /// The keys every page has (`page`, `navigation`, `preview`).
    func frame(_ meta: Meta) -> PageFrame {
        let urls = site.urls
        let c = site.config
        var breadcrumbs: BreadcrumbList?
        if !meta.breadcrumbs.isEmpty {
            let trail: [(String, String?)] = [(strings["breadcrumbs.home"], urls.home)] + meta.breadcrumbs
            breadcrumbs = BreadcrumbList(items: trail.enumerated().map { i, item in
                let last = i == trail.count - 1
                let step = BreadcrumbItem(title: item.0, href: last ? nil : item.1.map(urls.href), current: last)
                // The last step is the page's own title, in the page's language.
                if last { step.lang = itemFields.partLanguage(meta.lang) }
                return step
            })
        }
        let ld = meta.jsonLD + [publisherLD]
        let page = PageMeta(title: meta.title, documentTitle: meta.isHome ? c.title : "\(meta.title) – \(c.title)",
                            canonical: urls.absolute(meta.path), ogType: meta.ogType,
                            ogLocale: c.language == "de" ? "de_DE" : c.language == "en" ? "en_GB" : c.language,
                            description: meta.description ?? c.description, image: meta.image,
                            lang: meta.lang.flatMap { $0 == c.language ? nil : $0 }, noindex: meta.noindex,
                            breadcrumbs: breadcrumbs,
                            feeds: meta.feeds.map { LinkView(title: $0.title, href: urls.href($0.path)) },
                            jsonLD: ld)
        if !site.alternates.isEmpty { addLanguages(page, meta.path) }
        if !site.easyRead.pages.isEmpty { addEasyRead(page, meta.path) }
        return PageFrame(page: page, navigation: navigation(meta.section, path: meta.path), preview: site.options.preview)
    }
}

/// One navigation object per state for a whole build.
final class NavigationCache: @unchecked Sendable {  // `views` is guarded by `lock`
    private let lock = NSLockLite()
    private var views: [Key: NavigationView] = [:]

    /// Which section is current, whether the page is its own, which access page is open.
    struct Key: Hashable {
        let section: LayoutContext.Section
        let own: Bool
        let access: Int
    }

    func view(key: Key, make: () -> NavigationView) -> NavigationView {
        lock.locked {
            if let view = views[key] { return view }
            let view = make()
            views[key] = view
            return view
        }
    }
}
