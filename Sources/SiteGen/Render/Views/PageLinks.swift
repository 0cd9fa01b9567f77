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
        // Short names from the UI strings ("Gebärdensprache"), the page title when there is none.
        func short(_ slug: String, _ title: String) -> String { strings["nav.access.\(slug)"] == "nav.access.\(slug)" ? title : strings["nav.access.\(slug)"] }
        for slug in Self.access {
            if let p = page(slug) {
                meta.append(link(p))
                access.append((site.pathBySource[p.source.path] ?? urls.page(p), short(slug, p.title), slug))
            } else if slug == EasyRead.listPage, let home = site.easyRead.home {
                // Leichte Sprache begins at its home page (`home.ls.md`) when there is no page of this name.
                let view = LinkView(title: home.title, href: urls.href(home.path))
                view.lang = otherLanguage
                meta.append(view)
                access.append((home.path, short(slug, home.title), slug))
            }
        }
    }

    /// The pages with a `menu:` number but the legal and access pages, by that number. A version
    /// has its own (a translation without `menu:` has its original's) and the original's that it
    /// has no translation of, so its menu is as complete as the original's.
    static func menuPages(_ site: Site) -> [Page] {
        let translated = Set(site.pages.compactMap { Variant.of($0.source.path)?.original })
        let untranslated = site.originalPages.filter { !translated.contains($0.source.path) }
        return (site.pages + untranslated).filter { $0.menu != nil && !legal.contains($0.slug) && !access.contains($0.slug) }
            .sorted(byKey: Modeller.pageOrder, using: <)
    }
}
