/// Leichte Sprache around a page: the link between a standard page and its Leichte-Sprache page.
extension LayoutContext {
    func addEasyRead(_ page: PageMeta, _ path: String) {
        let links = site.easyRead
        if let easy = links.easyOf[path] {
            page.easyRead = LinkView(title: strings["easyRead.link"], href: site.urls.href(easy))
        } else if let standard = links.standardOf[path] {
            page.easyRead = LinkView(title: strings["easyRead.back"], href: site.urls.href(standard))
        }
        page.isEasyRead = site.isEasyRead
        if site.isEasyRead { page.easyReadCSS = site.urls.href("assets/" + EasyRead.stylesheet) }
    }
}

extension SiteRenderer {
    /// Leichte Sprache has the pages of its items only (lists stay with the standard site);
    /// its start page is `pages/leichte-sprache.md` of the standard site, which lists them.
    func easyReadJobs() -> [PageJob] {
        var jobs: [PageJob] = []
        for (i, f) in site.fields.enumerated() {
            let count = layout.index.posts(of: f.slug).count
            for p in Pagination.pages(count: count, size: site.config.paginate) { jobs.append(.field(i, p)) }
        }
        if site.strategy != nil { jobs.append(.strategy) }
        jobs += site.posts.indices.map(PageJob.post) + site.events.indices.map(PageJob.event)
        jobs += site.projects.indices.map(PageJob.project) + site.pages.indices.map(PageJob.page)
        jobs += site.participation.indices.map(PageJob.participation)
        return jobs
    }
}
