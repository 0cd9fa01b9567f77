/// The links to pages that every page shows: the footer's legal and menu pages, and the access
/// pages (Leichte Sprache, Gebärdensprache) in the header and footer.
struct PageLinks {
    static let legal = ["impressum", "datenschutz", "barrierefreiheit"]
    static let access = ["leichte-sprache", "gebaerdensprache"]

    var footer: [LinkView] = []
    var meta: [LinkView] = []
    /// Path, title and icon id of each access page.
    var access: [(path: String, title: String, icon: String)] = []

    init(site: Site, strings: UIStrings) {
        let urls = site.urls
        // A version links the original's legal and access pages where it has none of its own.
        func page(_ slug: String) -> Page? { site.pages.first { $0.slug == slug } ?? site.originalPages.first { $0.slug == slug } }
        let original = Set(site.originalPages.map(\.source.path))
        // `lang` only where the original's language is not the page's (Leichte Sprache is German too).
        let otherLanguage = site.config.defaultLanguage == site.config.language ? nil : site.config.defaultLanguage
        func link(_ p: Page) -> LinkView {
            let view = LinkView(title: p.title, href: urls.href(site.pathBySource[p.source.path] ?? urls.page(p)))
            if original.contains(p.source.path) { view.lang = otherLanguage }
            return view
        }
        // The pages the law asks for are always there, menu number or not; then every other page with one.
        footer = (Self.legal.compactMap(page) + Self.menuPages(site)).map(link)
        let accessPages = Self.access.compactMap(page)
        meta = accessPages.map(link)
        // Short names from the UI strings ("Gebärdensprache"), the page title when there is none.
        access = accessPages.map { page -> (String, String, String) in
            let key = "nav.access.\(page.slug)"
            return (site.pathBySource[page.source.path] ?? urls.page(page), strings[key] == key ? page.title : strings[key], page.slug)
        }
    }

    /// The pages with a `menu:` number but the legal and access pages, by that number. A version
    /// has its own (a translation without `menu:` has its original's) and the original's that it
    /// has no translation of, so its menu is as complete as the original's.
    static func menuPages(_ site: Site) -> [Page] {
        let translated = Set(site.pages.compactMap { Variant.of($0.source.path)?.original })
        let untranslated = site.originalPages.filter { !translated.contains($0.source.path) }
        return (site.pages + untranslated).filter { $0.menu != nil && !legal.contains($0.slug) && !access.contains($0.slug) }
            .sorted(by: Modeller.pagePrecedes)
    }
}
