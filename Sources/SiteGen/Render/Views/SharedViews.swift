import MustacheEngine

/// What every template sees at the bottom of its stack: `t` (UI strings), `site`, `cssHref`.
final class GlobalsView: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    let strings: Value
    let site: SiteView
    let cssHref: String

    init(strings: Value, site: SiteView, cssHref: String) {
        self.strings = strings
        self.site = site
        self.cssHref = cssHref
    }

    static let fields = Fields<GlobalsView>("Globals", "Values every template sees, whatever is on the stack above them.", [
        ViewKey("t", .any, "The UI strings of Templates/i18n/de.yml: {{t.nav.blog}}.") { $0.strings },
        .object("site", SiteView.fields, "The site from content/site.yml.") { $0.site },
        .text("cssHref", "Address of the site's stylesheet.") { $0.cssHref },
    ])
}

final class SiteView: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var title, home, lang, baseURL, publisher, searchHref, uiIcons, logo, favicon: String
    var tagline, description: String?

    init(title: String, home: String, lang: String, baseURL: String, publisher: String, searchHref: String, uiIcons: String, logo: String, favicon: String, tagline: String? = nil, description: String? = nil) {
        self.title = title
        self.home = home
        self.lang = lang
        self.baseURL = baseURL
        self.publisher = publisher
        self.searchHref = searchHref
        self.uiIcons = uiIcons
        self.logo = logo
        self.favicon = favicon
        self.tagline = tagline
        self.description = description
    }

    static let fields = Fields<SiteView>("Site", "The site as content/site.yml describes it.", [
        .text("title", "The site's title.") { $0.title },
        .text("home", "Address of the home page.") { $0.home },
        .text("lang", "The site's language code (de).") { $0.lang },
        .text("baseURL", "The site's absolute base URL.") { $0.baseURL },
        .text("publisher", "Name of the publisher.") { $0.publisher },
        .text("searchHref", "Address of the search page.") { $0.searchHref },
        .text("uiIcons", "Address of the UI icon sprite (add #name).") { $0.uiIcons },
        .text("logo", "Address of the logo.") { $0.logo },
        .text("favicon", "Address of the favicon.") { $0.favicon },
        .optionalText("tagline", "The tagline, if site.yml has one.") { $0.tagline },
        .optionalText("description", "The default description, if site.yml has one.") { $0.description },
    ])
}

/// A link: a title and an address.
final class LinkView: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var title: String
    var href: String
    /// The title's language when it is not the page's (a link to an English post).
    var lang: String?

    init(title: String, href: String) {
        self.title = title
        self.href = href
    }

    static let fields = Fields<LinkView>("Link", "A link.", [
        .text("title", "The link's text.") { $0.title },
        .text("href", "The address.") { $0.href },
        .optionalText("lang", "The title's language when it is not the page's; absent otherwise.") { $0.lang },
    ])
}

/// A list of links (`{{#items}}`).
final class LinkList: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var items: [LinkView]
    init(items: [LinkView]) {
        self.items = items
    }

    static let fields = Fields<LinkList>("LinkList", "A non-empty list of links.", [
        .list("items", LinkView.fields, "The links.") { $0.items },
    ])
}

/// An entry of the main navigation.
final class NavItem: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var title: String
    var href: String
    /// "page" on the section's own page, "true" on the pages inside it.
    var current: String?

    init(title: String, href: String, current: String? = nil) {
        self.title = title
        self.href = href
        self.current = current
    }

    static let fields = Fields<NavItem>("NavItem", "An entry of the main navigation.", [
        .text("title", "The section's name.") { $0.title },
        .text("href", "The section's address.") { $0.href },
        .optionalText("current", "'page' on the section's own page, 'true' on pages inside it; else absent (for aria-current).") { $0.current },
    ])
}

/// A link of the header's access links (Leichte Sprache, Gebärdensprache, search).
final class AccessNavItem: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var title: String
    var href: String
    var icon: String
    var current: Bool

    init(title: String, href: String, icon: String, current: Bool) {
        self.title = title
        self.href = href
        self.icon = icon
        self.current = current
    }

    static let fields = Fields<AccessNavItem>("AccessNavItem", "A link to Leichte Sprache, Gebärdensprache or the search.", [
        .text("title", "Its short name.") { $0.title },
        .text("href", "Its address.") { $0.href },
        .text("icon", "Id of its icon in the UI sprite.") { $0.icon },
        .flag("current", "True on that page itself.") { $0.current },
    ])
}

/// The navigation of one state (which section and access page is current): one object per state
/// and build, so the header and footer partials rendered with it are reused by every page in it.
final class NavigationView: TemplateView, @unchecked Sendable {  // `storedFingerprint` is set in init only
    let nav: [NavItem]
    let accessNav: [AccessNavItem]
    let footerNav: [LinkView]
    let metaNav: [LinkView]
    private(set) var storedFingerprint: UInt64?

    init(nav: [NavItem], accessNav: [AccessNavItem], footerNav: [LinkView], metaNav: [LinkView]) {
        self.nav = nav
        self.accessNav = accessNav
        self.footerNav = footerNav
        self.metaNav = metaNav
        storedFingerprint = Fingerprint.of(self)
    }

    var memoIdentity: AnyObject? { self }

    static let fields = Fields<NavigationView>("Navigation", "What the site header and footer show; base.mustache renders partials/site-header and partials/site-footer inside {{#navigation}}.", [
        .list("nav", NavItem.fields, "The main navigation.") { $0.nav },
        .list("accessNav", AccessNavItem.fields, "Leichte Sprache, Gebärdensprache and search.") { $0.accessNav },
        .list("footerNav", LinkView.fields, "The legal pages and the pages with a menu number.") { $0.footerNav },
        .list("metaNav", LinkView.fields, "The Leichte Sprache and Gebärdensprache pages.") { $0.metaNav },
    ])
}

final class BreadcrumbItem: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var title: String
    var href: String?
    var current: Bool
    /// The title's language when it is not the page's (the last step of an English post).
    var lang: String?

    init(title: String, href: String? = nil, current: Bool) {
        self.title = title
        self.href = href
        self.current = current
    }

    static let fields = Fields<BreadcrumbItem>("BreadcrumbItem", "A step of the breadcrumb trail.", [
        .text("title", "The step's title.") { $0.title },
        .optionalText("href", "Its address (absent for the current page).") { $0.href },
        .flag("current", "True for the last step, the page itself.") { $0.current },
        .optionalText("lang", "The step's language when it is not the page's (front matter `lang` of the page itself).") { $0.lang },
    ])
}

final class BreadcrumbList: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var items: [BreadcrumbItem]
    init(items: [BreadcrumbItem]) {
        self.items = items
    }

    static let fields = Fields<BreadcrumbList>("Breadcrumbs", "The breadcrumb trail from the home page.", [
        .list("items", BreadcrumbItem.fields, "The steps.") { $0.items },
    ])
}

/// What base.mustache shows about the page itself (`{{page.title}}`).
final class PageMeta: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var title: String
    var documentTitle: String
    var canonical: String
    var ogType: String
    var ogLocale: String
    var description: String?
    var image: String?
    var lang: String?
    var noindex: Bool
    var breadcrumbs: BreadcrumbList?
    var feeds: [LinkView]
    var jsonLD: [String]
    /// The page in every language (`languages:` in site.yml); empty for a site in one language.
    var alternates: [AlternateLink] = []
    var languageLinks: [LanguageLink] = []
    var untranslated: UntranslatedNotice?
    /// "Diese Seite in Leichter Sprache" on a standard page that has one, and back.
    var easyRead: LinkView?
    var isEasyRead = false
    /// On a Leichte-Sprache page: the plain stylesheet (larger type, short lines, no hyphenation).
    var easyReadCSS: String?

    init(title: String, documentTitle: String, canonical: String, ogType: String, ogLocale: String, description: String? = nil, image: String? = nil, lang: String? = nil, noindex: Bool, breadcrumbs: BreadcrumbList? = nil, feeds: [LinkView], jsonLD: [String]) {
        self.title = title
        self.documentTitle = documentTitle
        self.canonical = canonical
        self.ogType = ogType
        self.ogLocale = ogLocale
        self.description = description
        self.image = image
        self.lang = lang
        self.noindex = noindex
        self.breadcrumbs = breadcrumbs
        self.feeds = feeds
        self.jsonLD = jsonLD
    }

    static let fields = Fields<PageMeta>("Page", "The page's head data, breadcrumbs and feeds.", [
        .text("title", "The page's title.") { $0.title },
        .text("documentTitle", "The <title>: page title – site title (the site title alone on the home page).") { $0.documentTitle },
        .text("canonical", "The page's absolute address.") { $0.canonical },
        .text("ogType", "OpenGraph type (website, article).") { $0.ogType },
        .text("ogLocale", "OpenGraph locale (de_DE).") { $0.ogLocale },
        .optionalText("description", "The page's description, else the site's.") { $0.description },
        .optionalText("image", "Absolute address of the page's image.") { $0.image },
        .optionalText("lang", "The content's language when it is not the site's (front matter `lang`). The content templates put `lang` on its own elements (title, summary, text), so <main> and the UI keep the site's language.") { $0.lang },
        .flag("noindex", "True when search engines should not index the page.") { $0.noindex },
        .optionalObject("breadcrumbs", BreadcrumbList.fields, "The breadcrumb trail; absent on the home page.") { $0.breadcrumbs },
        .list("feeds", LinkView.fields, "The Atom feeds for this page.") { $0.feeds },
        .optionalObject("feedList", LinkList.fields, "The same feeds as {{#items}}, absent when there are none.") { $0.feeds.isEmpty ? nil : LinkList(items: $0.feeds) },
        .htmls("jsonLD", "Structured data (JSON-LD) blocks; print with {{{.}}}.") { $0.jsonLD },
        .list("alternates", AlternateLink.fields, "The page in each language and x-default, for <link rel=\"alternate\" hreflang>; empty for a site in one language.") { $0.alternates },
        .list("languageLinks", LanguageLink.fields, "The language switcher: the page (or the home page) in each other language; empty for a site in one language.") { $0.languageLinks },
        .optionalObject("easyRead", LinkView.fields, "The page in Leichte Sprache ('Diese Seite in Leichter Sprache'), or on a Leichte-Sprache page the standard one; absent when there is none.") { $0.easyRead },
        .flag("isEasyRead", "True on a page in Leichte Sprache (shows its mark).") { $0.isEasyRead },
        .optionalText("easyReadCSS", "On a page in Leichte Sprache: the address of the plain stylesheet (assets/leichte-sprache.css).") { $0.easyReadCSS },
        .optionalObject("untranslated", UntranslatedNotice.fields, "On a translation's list: how many items exist only in the original language, with a link there.") { $0.untranslated },
    ])
}

/// The keys every page's root view has: `page`, `navigation`, `preview`.
final class PageFrame: @unchecked Sendable {  // a class: each key's getter reads it without copying every field
    var page: PageMeta
    var navigation: NavigationView
    var preview: Bool

    init(page: PageMeta, navigation: NavigationView, preview: Bool) {
        self.page = page
        self.navigation = navigation
        self.preview = preview
    }

    static func fields<T>(_ frame: @escaping @Sendable (T) -> PageFrame) -> [ViewKey<T>] {
        [
            .object("page", PageMeta.fields, "The page's head data, title, breadcrumbs and feeds.") { frame($0).page },
            .object("navigation", NavigationView.fields, "The header's and footer's navigation.") { frame($0).navigation },
            .flag("preview", "True in the preview server (sitegen serve).") { frame($0).preview },
        ]
    }
}
