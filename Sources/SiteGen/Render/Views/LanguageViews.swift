import MustacheEngine

/// A `<link rel="alternate" hreflang>` of the page's head: the page in one language (or `x-default`).
final class AlternateLink: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    let lang, href: String
    init(lang: String, href: String) {
        self.lang = lang
        self.href = href
    }

    static let fields = Fields<AlternateLink>("AlternateLink", "The page in one language, for the head's hreflang links.", [
        .text("lang", "The language code (de, en) or x-default.") { $0.lang },
        .text("href", "The absolute address.") { $0.href },
    ])
}

/// A link of the language switcher: this page in another language, or that language's home page
/// when the page has no translation. Its title is the language's name in that language.
final class LanguageLink: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    let title, href, lang: String
    init(title: String, href: String, lang: String) {
        self.title = title
        self.href = href
        self.lang = lang
    }

    static let fields = Fields<LanguageLink>("LanguageLink", "A link of the language switcher.", [
        .text("title", "The language's own name (English, Deutsch); mark it with lang.") { $0.title },
        .text("href", "This page in that language, else that language's home page.") { $0.href },
        .text("lang", "The language code, for lang and hreflang.") { $0.lang },
    ])
}

/// On a translation's list page: how many more items the original's list has, with a link to it.
final class UntranslatedNotice: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    let text, href, lang, linkText: String
    init(text: String, href: String, lang: String, linkText: String) {
        self.text = text
        self.href = href
        self.lang = lang
        self.linkText = linkText
    }

    static let fields = Fields<UntranslatedNotice>("UntranslatedNotice", "How many items of a list exist only in the original language.", [
        .text("text", "'3 more posts are only in German:'.") { $0.text },
        .text("href", "The original's list.") { $0.href },
        .text("lang", "The original's language, for lang and hreflang on the link.") { $0.lang },
        .text("linkText", "The original list's name in its own language (Blog, Veranstaltungen).") { $0.linkText },
    ])
}

/// The language names as each language writes its own (the switcher shows them so).
enum LanguageNames {
    static let own = ["de": "Deutsch", "en": "English", "fr": "Français", "tr": "Türkçe", "pl": "Polski", "ar": "العربية",
                      "uk": "Українська", "ru": "Русский", "es": "Español", "it": "Italiano", "nl": "Nederlands"]
    static func of(_ code: String) -> String { own[code] ?? own[String(code.prefix(2))] ?? code }
}

extension LayoutContext {
    /// Every language version of the page at `path` for the head, with `x-default` (the site's
    /// own language); none for a site in one language.
    func alternateLinks(_ path: String) -> [AlternateLink] {
        guard let homes = site.alternates[site.urls.home] else { return [] }
        let own = versionsPath(path)
        let group = site.alternates[own] ?? (site.isEasyRead ? [] : [Alternate(language: site.config.language, path: path)])
        // Leichte Sprache is German too: a hreflang="de" of its own would compete with the standard
        // page as the German version, so it names only the other languages (x-default: the standard page).
        let named = site.isEasyRead ? group.filter { $0.language != site.config.language } : group
        let fallback = group.first { $0.language == homes[0].language }?.path ?? (site.isEasyRead ? own : homes[0].path)
        return named.map { AlternateLink(lang: $0.language, href: site.urls.absolute($0.path)) }
            + [AlternateLink(lang: "x-default", href: site.urls.absolute(fallback))]
    }

    /// The path whose versions a page has: a Leichte-Sprache page's are those of its standard page.
    private func versionsPath(_ path: String) -> String { site.isEasyRead ? site.easyRead.standardOf[path] ?? path : path }

    /// The switcher: each other language, with this page's translation or that language's home.
    /// A Leichte-Sprache page leads to the translations of its standard page.
    func languageLinks(_ path: String) -> [LanguageLink] {
        guard let homes = site.alternates[site.urls.home] else { return [] }
        let group = site.alternates[versionsPath(path)] ?? []
        return homes.filter { $0.language != site.config.language }.map { home in
            let target = group.first { $0.language == home.language }?.path ?? home.path
            return LanguageLink(title: LanguageNames.of(home.language), href: site.urls.href(target), lang: home.language)
        }
    }

    /// On a translation's list of `key` (blog, events, projects, participation): the notice of
    /// the items it does not have, or nil.
    func untranslatedNotice(_ key: String) -> UntranslatedNotice? {
        guard let (count, path) = site.untranslated[key], count > 0, let original = site.config.defaultLanguage else { return nil }
        let linkText = originalStrings.map { $0["nav.\(key)"] } ?? LanguageNames.of(original)
        return UntranslatedNotice(text: strings.count("translation.untranslated.\(key)", count), href: site.urls.href(path),
                                  lang: original, linkText: linkText)
    }
}

extension LayoutContext {
    /// The head's alternates, the switcher and, on a translation's lists, the untranslated notice.
    func addLanguages(_ page: PageMeta, _ path: String) {
        page.alternates = alternateLinks(path)
        page.languageLinks = languageLinks(path)
        // Compared one by one: a dictionary made for each page cost more than the lookup.
        let urls = site.urls
        let list: String? = switch path {
        case urls.blog: "blog"
        case urls.events: "events"
        case urls.projects: "projects"
        case urls.participationList: "participation"
        default: nil
        }
        page.untranslated = list.flatMap(untranslatedNotice)
    }
}
