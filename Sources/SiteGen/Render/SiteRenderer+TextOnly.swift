/// What a later text-only rebuild needs of this build's pages (see `TextOnlyState`).
extension SiteRenderer {
    /// The item pages (post, event, project, page, strategy) whose body a later build may replace
    /// in place: not the blog feed's posts, whose text is in the feed too. The builder adds each
    /// front matter's hash and, from the cache, where each body stands in its file.
    func textOnlyItems(jobs: [PageJob], records: [PageRecord], findings: [[Diagnostic]],
                       tokenizer: SharedSearchTokenizer) -> [TextOnlyState.Item] {
        let search = SearchIndex(site: site, records: records, tokenizer: tokenizer).searchTexts()
        var items: [TextOnlyState.Item] = []
        for (i, job) in jobs.enumerated() {
            let r = records[i]
            guard body(of: job) != nil, let source = r.source, r.bodyHTML == nil, r.textHash != 0 else { continue }
            let doc = search[source.path]
            items.append(TextOnlyState.Item(
                source: source, frontMatterHash: 0, textHash: r.textHash, page: r.path, pageSize: 0,
                body: BodyRange(offset: 0, length: 0), idsHash: TextOnlyState.idsHash(r.refs.ids),
                searchDoc: doc?.number, searchTexts: doc?.texts ?? [], excerptFromBody: doc?.excerptFromBody ?? false,
                findings: r.diagnostics + findings[i]))
        }
        return items
    }
}
