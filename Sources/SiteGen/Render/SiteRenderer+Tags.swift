/// The tag pages (kept out of `SiteRenderer.swift`, whose cases only hand over to these).
extension SiteRenderer {
    /// Each tag's pages, then the list of all tags (when there is a tag).
    func tagJobs() -> [PageJob] {
        var jobs: [PageJob] = []
        for (i, tag) in site.tags.enumerated() {
            for p in Pagination.pages(count: tag.posts.count, size: site.config.paginate) { jobs.append(.tag(i, p)) }
        }
        if !site.tags.isEmpty { jobs.append(.tags) }
        return jobs
    }

    func tagPath(_ job: PageJob) -> String {
        let urls = site.urls
        if case .tag(let i, let page) = job { return urls.paginated(urls.tag(site.tags[i]), page: page.page) }
        return urls.tags
    }

    func tagDraft(_ job: PageJob) -> Draft {
        if case .tag(let i, let page) = job {
            return Draft(path: tagPath(job), template: "tag", view: layout.tagView(site.tags[i], page: page))
        }
        return Draft(path: tagPath(job), template: "tag-list", view: layout.tagListView())
    }
}
