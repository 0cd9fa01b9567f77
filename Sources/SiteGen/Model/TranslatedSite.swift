/// What makes a translation's items fit together with the original site: references between
/// items lead to the translation where there is one, else to the original's page.
enum TranslatedSite {
    /// Before validation: references that name an original (`participation/x.md`) are turned to
    /// its translation (`participation/x.en.md`) when this version has one, and a field this
    /// version does not have is left out of its items (the original's pages show it).
    static func prepare(_ site: inout Site, original: Site) {
        let code = site.config.versionMark ?? site.config.language
        let own = Set(site.bodies.map(\.source.path))
        func translated(_ path: String) -> String? {
            let candidate = String(path.dropLast(3)) + ".\(code).md"
            return own.contains(candidate) ? candidate : nil
        }
        // Leichte Sprache is German: its items keep the standard site's fields.
        if site.isEasyRead { site.originalFields = original.fields }
        site.originalFieldSlugs = original.fields.map(\.slug)
        let ownFields = Set(site.fields.map(\.slug) + site.originalFields.map(\.slug))
        let originalFields = Set(original.fields.map(\.slug))
        // Left out: the original's fields this version has not. A slug no version has stays, for
        // the check to report (`energy` for `energie-und-umwelt` vanished without a word).
        func fields(_ slug: String) -> Bool { ownFields.contains(slug) || !originalFields.contains(slug) }
        // Its original has fields: that this version has none of them is no mistake of its own.
        for p in site.projects where !p.fields.isEmpty && !p.fields.contains(where: ownFields.contains) { site.fieldsLeftOut.insert(p.source.path) }
        for i in site.posts.indices { site.posts[i].fields = site.posts[i].fields.filter(fields) }
        for i in site.events.indices {
            site.events[i].fields = site.events[i].fields.filter(fields)
            site.events[i].participation = site.events[i].participation.flatMap(translated)
        }
        for i in site.projects.indices { site.projects[i].fields = site.projects[i].fields.filter(fields) }
        for i in site.participation.indices {
            var p = site.participation[i]
            p.fields = p.fields.filter(fields)
            p.projects = p.projects.map { ref in translated(ref.path).map { ContentRef(path: $0, written: ref.written, line: ref.line) } ?? ref }
            if case .content(let path, let fragment)? = p.results?.target, let t = translated(path) { p.results?.target = .content(path: t, fragment: fragment) }
            p.participate = p.participate.map { link in
                guard case .event(let path) = link.target, let t = translated(path) else { return link }
                var l = link
                l.target = .event(t)
                return l
            }
            site.participation[i] = p
        }
        inheritMenu(&site, original: original)
        // Links to what has no translation lead to the original's page; to a draft, the reason.
        site.pathBySource = original.pathBySource
        site.excludedSources.merge(original.excludedSources) { mine, _ in mine }
        site.originalPages = original.pages
        site.originalEvents = original.events
        site.originalPosts = original.posts
        site.originalProjects = original.projects
    }

    /// A standard page at the address of the home page in Leichte Sprache would be written over by it.
    static func easyReadHomeConflicts(_ site: Site, original: Site) -> [Diagnostic] {
        guard let home = site.pages.first(where: \.isHome) else { return [] }
        return original.pages.filter { original.urls.page($0) == site.urls.page(home) }.map {
            .error($0.source.display, "address /\(site.urls.page(home)) is the home page in Leichte Sprache (\(home.source.display)); move this page's text there and delete this file")
        }
    }

    /// A translated page without `menu:` takes its original's place in the menu; with one, its own.
    static func inheritMenu(_ site: inout Site, original: Site) {
        let menus = Dictionary(uniqueKeysWithValues: original.pages.compactMap { p in p.menu.map { (p.source.path, $0) } })
        for i in site.pages.indices where site.pages[i].menu == nil {
            if let (path, _) = Variant.of(site.pages[i].source.path) { site.pages[i].menu = menus[path] }
        }
        site.pages = site.pages.sorted(byKey: Modeller.pageOrder, using: <)
    }

    /// How many items of each of the original's lists this version does not have.
    static func countUntranslated(_ site: inout Site, original: Site) {
        let translated = Set(site.bodies.compactMap { Variant.of($0.source.path)?.original })
        func missing(_ sources: [SourceRef]) -> Int { sources.filter { !translated.contains($0.path) }.count }
        let urls = original.urls
        site.untranslated = [
            "blog": (missing(original.posts.map(\.source)), urls.blog),
            "events": (missing(original.upcomingEvents.map(\.source)), urls.events),
            "projects": (missing(original.projects.map(\.source)), urls.projects),
            "participation": (missing(original.participation.map(\.source)), urls.participationList),
        ]
    }

    /// After validation: a link to an original that this version translates leads to the translation.
    static func link(_ site: inout Site, original: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // As editors call it: the 'en' version, the 'Leichte Sprache' version (not 'ls').
        let mark = site.config.versionMark ?? site.config.language
        let code = mark == LanguageVersion.easyReadMark ? "Leichte Sprache" : mark
        countUntranslated(&site, original: original)
        // A page of the original at the version's home would be written over by it.
        for p in original.pages where !site.urls.home.isEmpty && original.urls.page(p) == site.urls.home {
            diagnostics.append(.error(p.source.display, "address /\(site.urls.home) is where the '\(code)' version of the site begins (languages: in site.yml); rename this file"))
        }
        diagnostics += easyReadHomeConflicts(site, original: original)
        for body in site.bodies {
            // The Leichte-Sprache home page pairs with the home page, which has no file.
            guard let (originalPath, _) = Variant.of(body.source.path), body.source.path != EasyRead.homeFile else { continue }
            if let path = site.pathBySource[body.source.path] { site.pathBySource[originalPath] = path }
            if original.pathBySource[originalPath] == nil {
                let reason = original.excludedSources[originalPath]
                let name = String(originalPath.pathParts.last!)
                diagnostics.append(reason.map {
                    .warning(body.source.display, "this is the '\(code)' version of \(name), which \($0) and is not published; publish the original too, or make this one a draft")
                } ?? .error(body.source.display, "this is the '\(code)' version of \(name), but there is no \(name) beside it; add the original, or rename this file"))
            }
        }
        return diagnostics
    }
}
