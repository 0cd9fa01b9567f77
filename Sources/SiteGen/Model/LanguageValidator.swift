/// Checks of languages that need the whole site: a `lang` in front matter must be one that
/// site.yml declares (a typo such as `lang: eng` would make screen readers pick no voice at all).
enum LanguageValidator {
    static func validate(_ site: Site) -> [Diagnostic] {
        let declared = site.config.declaredLanguages
        var sources: [(String?, SourceRef)] = site.posts.map { ($0.lang, $0.source) } + site.events.map { ($0.lang, $0.source) }
        sources += site.projects.map { ($0.lang, $0.source) } + site.pages.map { ($0.lang, $0.source) }
        sources += site.participation.map { ($0.lang, $0.source) }
        return sources.compactMap { lang, source in
            guard let lang, !declared.contains(lang) else { return nil }
            return .warning(source.display, line: source.keyLines["lang"],
                            "lang '\(lang)' is not a language of site.yml (\(declared.joined(separator: ", "))); add it under languages: in site.yml, or correct the code")
        }
    }
}
