/// Checks of languages that need the whole site: a `lang` in front matter must be one that
/// site.yml declares (a typo such as `lang: eng` would make screen readers pick no voice at all),
/// and a version's file must not name another language than its version's.
enum LanguageValidator {
    static func validate(_ site: Site) -> [Diagnostic] {
        let declared = site.config.declaredLanguages
        var sources: [(String?, SourceRef)] = site.posts.map { ($0.lang, $0.source) } + site.events.map { ($0.lang, $0.source) }
        sources += site.projects.map { ($0.lang, $0.source) } + site.pages.map { ($0.lang, $0.source) }
        sources += site.participation.map { ($0.lang, $0.source) }
        return sources.compactMap { lang, source in
            guard let lang else { return nil }
            if let mark = site.config.versionMark, primary(lang) != primary(site.config.language) {
                return otherLanguage(lang, source: source, mark: mark, language: site.config.language)
            }
            // `de-DE` and `EN` are the site's German and English (language tags ignore case): not unknown.
            guard !declared.contains(where: { primary($0) == primary(lang) }) else { return nil }
            return .warning(source.display, line: source.keyLines["lang"],
                            "lang '\(lang)' is not a language of site.yml (\(declared.joined(separator: ", "))); add it under languages: in site.yml, or correct the code")
        }
    }

    /// `en` of `en-GB`, in lower case.
    static func primary(_ code: String) -> Substring { code.lowercased().split(separator: "-").first ?? "" }

    /// `lang: de` kept in `foo.en.md` (copied with the German file's front matter): the English
    /// text would be marked German, and screen readers would read it with a German voice.
    static func otherLanguage(_ lang: String, source: SourceRef, mark: String, language: String) -> Diagnostic {
        .warning(source.display, line: source.keyLines["lang"],
                 "lang '\(lang)' is not the language of this version (a .\(mark).md file is \(language)), so its text would be read aloud as '\(lang)'; remove the line")
    }
}
