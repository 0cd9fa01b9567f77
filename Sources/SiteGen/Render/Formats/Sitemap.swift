/// `sitemap.xml` with absolute URLs and `lastmod`; past 50,000 URLs a sitemap index with several files.
struct Sitemap {
    static let maxURLsPerFile = 50_000

    let site: Site
    let records: [PageRecord]
    /// URLs per sitemap file (a parameter so tests can reach the index without 50,000 pages).
    var perFile = Sitemap.maxURLsPerFile

    func files() -> [OutputFile] {
        // The sitemap names the pages of every version (`records`), so it reads every version's items.
        let sites = [site] + site.versions + site.easyReadVersion
        let lastmod = Self.contentDates(sites)
        let hidden = sites.reduce(into: Set<String>()) { $0.formUnion(Self.hiddenSources($1)) }
        let draftFields = Set(site.fields.filter { !site.isPublic(draft: $0.draft) }.map { site.urls.field($0) })
        let hiddenTagPages = hiddenTagPages(hidden)

        let entries = records.compactMap { r -> (String, String?, [Alternate])? in
            guard r.isHTMLPage, !URLScheme.isNotFound(r.path) else { return nil }
            if let source = r.source, hidden.contains(source.path) { return nil }
            if draftFields.contains(where: { r.path.hasPrefix($0) }) { return nil }  // later pages of a draft field
            if hiddenTagPages.contains(r.path) { return nil }
            return (site.urls.absolute(r.path), r.source.flatMap { lastmod[$0.path]?.rfc3339UTC }, site.alternates[r.path] ?? [])
        }
        if entries.count <= perFile {
            return [OutputFile("sitemap.xml", urlset(entries[...]))]
        }
        var files: [OutputFile] = []
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        var start = 0
        var n = 1
        while start < entries.count {
            let end = min(entries.count, start + perFile)
            let name = "sitemap-\(n).xml"
            files.append(OutputFile(name, urlset(entries[start..<end])))
            index += "  <sitemap><loc>\(xmlText(site.urls.absolute(name)))</loc></sitemap>\n"
            start = end
            n += 1
        }
        index += "</sitemapindex>\n"
        files.append(OutputFile("sitemap.xml", index))
        return files
    }

    /// Content dates by source path: a post's `updated`, else its date; a project's or an
    /// event's `updated`; the strategy's `published`.
    private static func contentDates(_ sites: [Site]) -> [String: DateTime] {
        var lastmod: [String: DateTime] = [:]
        for site in sites {
            for p in site.posts { lastmod[p.source.path] = p.updated ?? p.date }
            for p in site.projects { if let d = p.updated { lastmod[p.source.path] = d } }
            for e in site.events { if let d = e.updated { lastmod[e.source.path] = d } }
            if let s = site.strategy, let d = s.published { lastmod[s.source.path] = d }
        }
        return lastmod
    }

    /// The source paths of a site's items left out: drafts and future posts, which only preview
    /// builds render.
    private static func hiddenSources(_ site: Site) -> Set<String> {
        let published = Set(site.publicPosts.map(\.source.path) + site.publicProjects.map(\.source.path)
            + site.publicEvents.map(\.source.path) + site.publicPages.map(\.source.path) + site.publicFields.map(\.body.source.path)
            + site.publicParticipation.map(\.source.path))
        return Set(site.posts.map(\.source.path) + site.projects.map(\.source.path) + site.events.map(\.source.path)
            + site.pages.map(\.source.path) + site.fields.map(\.body.source.path) + site.participation.map(\.source.path)).subtracting(published)
    }

    /// The pages of tags that only drafts and future posts have (in a preview build, which shows
    /// them), and the list of all tags when every tag is such a tag.
    private func hiddenTagPages(_ hiddenSources: Set<String>) -> Set<String> {
        let urls = site.urls
        var pages = Set<String>()
        var shown = 0
        for tag in site.tags {
            guard tag.posts.allSatisfy({ hiddenSources.contains(site.posts[$0].source.path) }) else { shown += 1; continue }
            for p in Pagination.pages(count: tag.posts.count, size: site.config.paginate) { pages.insert(urls.paginated(urls.tag(tag), page: p.page)) }
        }
        if shown == 0 { pages.insert(urls.tags) }
        return pages
    }

    private func urlset(_ entries: ArraySlice<(String, String?, [Alternate])>) -> String {
        // The xhtml namespace only where there are language versions to name (`SitemapAlternates`).
        let namespace = site.alternates.isEmpty ? "" : " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"\(namespace)>\n"
        for (loc, lastmod, alternates) in entries {
            xml += "  <url><loc>\(xmlText(loc))</loc>"
            if let lastmod { xml += "<lastmod>\(lastmod)</lastmod>" }
            xml += SitemapAlternates.links(alternates, urls: site.urls)
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }
}
