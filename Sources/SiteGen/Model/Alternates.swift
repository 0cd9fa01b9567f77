/// One language version of a page: its language and its address (a site path, `en/blog/`).
public struct Alternate: Sendable, Hashable {
    public var language: String
    public var path: String
}

/// Which pages are versions of each other: an item and its translations, and each list with the
/// same list of every version (the blog with the English blog …). Pages of a site without
/// `languages:` have none.
enum Alternates {
    /// Every page path of every version with the group of pages it belongs to, the site's own
    /// language first.
    static func make(_ site: Site) -> [String: [Alternate]] {
        guard !site.versions.isEmpty else { return [:] }
        let sites = [site] + site.versions
        var groups: [[Alternate]] = []
        func list(_ path: (Site) -> String?) {
            groups.append(sites.compactMap { s in path(s).map { Alternate(language: s.config.language, path: $0) } })
        }
        list { $0.urls.home }
        list { $0.urls.blog }
        list { $0.urls.events }
        list { $0.urls.projects }
        list { $0.urls.fields }
        list { $0.urls.participationList }
        list { $0.urls.ideas }
        // A version without tagged posts has no list of tags.
        list { $0.tags.isEmpty ? nil : $0.urls.tags }
        list { $0.urls.search }
        // Items: by the original's content path.
        var byOriginal: [String: [Alternate]] = [:]
        for version in site.versions {
            for body in version.bodies {
                guard let (original, _) = Variant.of(body.source.path), let own = site.pathBySource[original],
                      let translated = version.pathBySource[body.source.path], own != translated else { continue }
                if byOriginal[original] == nil { byOriginal[original] = [Alternate(language: site.config.language, path: own)] }
                byOriginal[original]!.append(Alternate(language: version.config.language, path: translated))
            }
        }
        groups += byOriginal.keys.sorted().map { byOriginal[$0]! }
        var result: [String: [Alternate]] = [:]
        for group in groups where group.count > 1 {
            for a in group { result[a.path] = group }
        }
        return result
    }
}
