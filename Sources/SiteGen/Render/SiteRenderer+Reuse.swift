/// Pages taken over from the last build without making their views (see `SiteRenderer.skeleton`).
extension SiteRenderer {
    /// A page whose skeleton and own Markdown text are as in the last build has the same view, so
    /// nothing is made: its file (or, in memory, its HTML) and what the checks, the feeds and the
    /// search need come from the cache. nil when the cache cannot say so.
    func reuse(_ job: PageJob, body: MarkdownBody?, textHash: UInt64, quickKey: UInt64, sink: OutputSink?) -> Rendered? {
        let path = self.path(of: job)
        let md = body.flatMap { memo.markdownRecord($0.source, textHash: textHash, unsafeHTML: site.config.unsafeHTML, language: searchLanguage) }
        if body != nil && md == nil { return nil }
        let file = URLScheme.outputFile(path)
        guard let page = memo.reusePage(path, quickKey: quickKey, keep: { sink?.keep(file, size: $0) ?? false }) else { return nil }
        let carries = carriesMarkdown(job)
        var r = PageRecord(path: path, source: carries ? body?.source : nil, refs: page.refs)
        if carries, let md {
            r.headings = md.headings
            r.anchors = md.anchors
            r.diagnostics = md.diagnostics
            r.search = md.search
        }
        r.checkKey = Self.checkKey(page: page.key, markdown: carries ? md.map { ($0.textHash, body?.source) } : nil)
        if case .post(let i) = job, i < FormatRenderer.blogFeedSize, let body {
            // Made only if the feed changed: its key needs the hash alone.
            let (renderer, kept) = (markdownRenderer(for: job), body.detached())
            r.bodyHTML = md.map { hit in hit.html.map { MarkdownHTML($0, hash: hit.htmlHash) } ?? MarkdownHTML(hash: hit.htmlHash) { renderer.render(kept).htmlBytes } }
                ?? MarkdownHTML(renderer.render(body).htmlBytes)
        }
        return Rendered(record: r, html: page.html, plainText: nil)
    }

    /// The Markdown a page shows: the item's, or the field's on each of its pages.
    func markdownBody(of job: PageJob) -> MarkdownBody? {
        if case .field(let i, _) = job { return site.fields[i].body }
        return body(of: job)
    }
}
