/// What every page shows around its content: site name, navigation, footer, strings.
/// Built once per build; each page adds its own title, breadcrumbs and `aria-current`.
struct LayoutContext: @unchecked Sendable {
    enum Section: String { case home, fields, projects, events, blog, strategy, page, search, none }

    let site: Site
    let strings: UIStrings
    let siteView: [String: Any]
    let footerNav: [[String: Any]]
    let metaNav: [[String: Any]]
    /// The header's access links: Leichte Sprache, Gebärdensprache, search (path, title, icon id).
    let accessLinks: [(path: String, title: String, icon: String)]
    let fieldBadges: [String: [String: Any]]
    let fieldNumber: [String: Int]
    let cssHref: String
    let searchScriptHref: String
    let index: SiteIndex
    let chrome: Chrome
    /// What `view(_:_:)` gives every page alike: `t` (UI strings), `site`, `footerNav`, `metaNav`,
    /// `cssHref`. Card and badge partials see these too.
    let sharedView: [String: Any]
    /// Keys whose values follow from `sharedView` and a page's navigation; hashed once per build.
    let sharedKeys: Set<String>
    /// The hash of those (see `pageHash`).
    let sharedHash: UInt64
    /// What cards and item pages show of a post, event or project.
    let itemFields: ItemFields
    /// Cards of posts, events and projects, rendered once and shared by every list.
    let cards: CardCache
    /// The theme's templates with the shared values that are text written into them
    /// (`TemplateSet.binding`): what every page, card, badge and the header are rendered with.
    let templates: TemplateSet

    init(site: Site, templates: TemplateSet) {
        self.site = site
        let strings = UIStrings(tree: templates.strings)
        self.strings = strings
        let urls = site.urls
        let c = site.config
        var sv: [String: Any] = ["title": c.title, "home": urls.href(""), "lang": c.language, "baseURL": c.baseURL,
                                 "publisher": c.publisher.name, "searchHref": urls.href(urls.search),
                                 "uiIcons": urls.href("assets/ui-icons.svg"), "logo": urls.href("assets/logo.svg"),
                                 "favicon": urls.href("assets/favicon.svg")]
        if let t = c.tagline { sv["tagline"] = t }
        if let d = c.description { sv["description"] = d }
        siteView = sv

        // Footer: the pages the law asks for are always there, menu number or not; then every other page with one.
        let legal = ["impressum", "datenschutz", "barrierefreiheit"]
        let access = ["leichte-sprache", "gebaerdensprache"]
        let pages = legal.compactMap { slug in site.pages.first { $0.slug == slug } }
            + site.pages.filter { $0.menu != nil && !legal.contains($0.slug) && !access.contains($0.slug) }
        footerNav = pages.map { ["title": $0.title, "href": urls.href(urls.page($0))] }
        let accessPages = access.compactMap { slug in site.pages.first { $0.slug == slug } }
        metaNav = accessPages.map { ["title": $0.title, "href": urls.href(urls.page($0)), "slug": $0.slug] }
        // Short names from the UI strings ("Gebärdensprache"), the page title when there is none.
        accessLinks = accessPages.map { page -> (String, String, String) in
            let key = "nav.access.\(page.slug)"
            return (urls.page(page), strings[key] == key ? page.title : strings[key], page.slug)
        } + [(urls.search, strings["nav.search"], "suche")]
        cssHref = urls.href("assets/site.css")
        searchScriptHref = urls.href("assets/search.js")
        let shared: [String: Any] = ["t": strings.tree, "site": sv, "footerNav": footerNav, "metaNav": metaNav, "cssHref": cssHref]
        sharedView = shared
        let templates = templates.binding(shared)
        self.templates = templates
        // A field's icon is `Templates/assets/icons/<slug>.svg` (an element with id="icon"), when the theme has one.
        let icons = Set(templates.assets.map(\.relativePath))
        var badges: [String: [String: Any]] = [:]
        var numbers: [String: Int] = [:]
        for (i, f) in site.fields.enumerated() {
            numbers[f.slug] = i + 1
            var badge: [String: Any] = ["slug": f.slug, "title": f.title, "href": urls.href(urls.field(f)),
                                        "number": i + 1, "colorClass": "hf-\((i % 12) + 1)"]
            if icons.contains("icons/\(f.slug).svg") { badge["icon"] = urls.href("assets/icons/\(f.slug).svg") + "#icon" }
            // Rendered once per field here: a badge shows on every card and item page of its field.
            badge["badgeHTML"] = templates.render(badge.merging(shared) { own, _ in own }, template: Self.badgeTemplate)
            badges[f.slug] = badge
        }
        fieldBadges = badges
        fieldNumber = numbers
        index = SiteIndex(site: site)
        chrome = Chrome(templates: templates)
        itemFields = ItemFields(urls: urls, strings: strings, fieldBadges: badges, options: site.options)
        cards = CardCache(templates: templates, globals: shared, fields: itemFields)
        // The header and footer (`chrome`) follow from the navigation (hashed with each page) and
        // the shared keys, with the partials they are rendered from.
        sharedKeys = Set(shared.keys).union(["chrome"])
        sharedHash = ContentHash.mix(ContentHash.mix(ViewHash.of(shared), templates.dependencyHash(of: Chrome.headerTemplate)),
                                     templates.dependencyHash(of: Chrome.footerTemplate))
    }

    /// `["items": items]`, or nil for an empty list: templates write `<ul>` only inside `{{#xList}}`.
    func list<Item>(_ items: [Item]) -> [String: Any]? { items.isEmpty ? nil : ["items": items] }

    /// The main navigation with the current section marked: `current` is "page" on the section's own
    /// page and "true" on the pages inside it (a post marks "Blog", but is not the blog page).
    func nav(_ section: Section, path: String? = nil) -> [[String: Any]] {
        let urls = site.urls
        let pagePath = path
        var items: [(Section, String, String)] = [
            (.fields, strings["nav.fields"], urls.fields), (.projects, strings["nav.projects"], urls.projects),
            (.events, strings["nav.events"], urls.events), (.blog, strings["nav.blog"], urls.blog),
        ]
        // A site without strategy.md has no strategy page to link to.
        if site.strategy != nil { items.append((.strategy, strings["nav.strategy"], urls.strategy)) }
        return items.map { s, title, path in
            var v: [String: Any] = ["title": title, "href": urls.href(path)]
            if s == section { v["current"] = pagePath == nil || pagePath == path ? "page" : "true" }
            return v
        }
    }

    /// The header's access links with the current page marked.
    func accessNav(path: String) -> [[String: Any]] {
        let urls = site.urls
        return accessLinks.map { link in
            var v: [String: Any] = ["title": link.title, "href": urls.href(link.path), "icon": link.icon]
            if link.path == path { v["current"] = true }
            return v
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
        var jsonLD: [JSON] = []
        var ogType = "website"
        var image: String?
        var lang: String?
        var noindex = false
        var isHome = false
    }

    /// One field badge (`<li>`); lists of badges (`partials/badge-items`) insert each one's `{{{badgeHTML}}}`.
    static let badgeTemplate = "partials/badge"

    /// A page view's hash for the build cache: the shared keys (the UI strings alone are hundreds of
    /// texts) are hashed once per build instead of once per page.
    func pageHash(_ view: [String: Any]) -> UInt64 {
        ContentHash.mix(ViewHash.of(view, leaving: sharedKeys), sharedHash)
    }

    /// The full view for a page: layout data plus `extra` (the page kind's own keys).
    func view(_ meta: Meta, _ extra: [String: Any]) -> [String: Any] {
        let urls = site.urls
        let c = site.config
        let canonical = urls.absolute(meta.path)
        var page: [String: Any] = [
            "title": meta.title,
            "documentTitle": meta.isHome ? c.title : "\(meta.title) – \(c.title)",
            "canonical": canonical,
            "ogType": meta.ogType,
            "ogLocale": c.language == "de" ? "de_DE" : c.language,
        ]
        if let d = meta.description ?? c.description { page["description"] = d }
        if let image = meta.image { page["image"] = image }
        if let lang = meta.lang, lang != c.language { page["lang"] = lang }
        if meta.noindex { page["noindex"] = true }
        if !meta.breadcrumbs.isEmpty {
            let trail: [(String, String?)] = [(strings["breadcrumbs.home"], "")] + meta.breadcrumbs
            page["breadcrumbs"] = ["items": trail.enumerated().map { i, item -> [String: Any] in
                var v: [String: Any] = ["title": item.0]
                if i == trail.count - 1 { v["current"] = true } else if let p = item.1 { v["href"] = urls.href(p) }
                return v
            }]
        }
        if !meta.feeds.isEmpty {
            let feeds = meta.feeds.map { ["title": $0.title, "href": urls.href($0.path)] }
            page["feeds"] = feeds
            page["feedList"] = ["items": feeds]
        }
        var ld = meta.jsonLD
        ld.append(StructuredData.publisher(site))
        page["jsonLD"] = ld.map { $0.serialized() }

        var v = extra
        v.merge(sharedView) { _, shared in shared }
        v["page"] = page
        let nav = nav(meta.section, path: meta.path)
        let accessNav = accessNav(path: meta.path)
        v["nav"] = nav
        v["accessNav"] = accessNav
        // The navigation's state is all the header and footer depend on.
        let current = (nav + accessNav).enumerated().compactMap { i, item in item["current"].map { "\(i)=\($0)" } }
        v["chrome"] = chrome.parts(key: current.joined(separator: ",")) {
            sharedView.merging(["nav": nav, "accessNav": accessNav]) { _, own in own }
        }
        if site.options.preview { v["preview"] = true }
        return v
    }
}
