extension SiteRenderer {
    /// The problems of the posts whose date has not come (`Site.scheduledPosts`): their text is
    /// rendered and its links resolved, but nothing is published. Links between scheduled posts
    /// resolve as on the day they are published. Without this, a broken link in a post planned
    /// for next month would first fail the build on that day, when nobody changed anything.
    func scheduledPostFindings() -> [Diagnostic] {
        guard !site.scheduledPosts.isEmpty else { return [] }
        var ahead = site
        for p in site.scheduledPosts {
            ahead.pathBySource[p.source.path] = site.urls.post(p)
            ahead.excludedSources[p.source.path] = nil
        }
        let markdown = MarkdownRenderer(unsafeHTML: site.config.unsafeHTML, resolver: LinkResolver(site: ahead, images: images))
        return site.scheduledPosts.flatMap { markdown.render($0.body).diagnostics }
    }
}
