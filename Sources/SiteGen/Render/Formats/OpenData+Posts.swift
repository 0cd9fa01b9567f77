/// `blog.json`: the published posts with their fields of action and tags (`docs/open-data.md`).
extension OpenData {
    func postsJSON() -> JSON {
        let urls = site.urls
        let tagsBySlug = Dictionary(uniqueKeysWithValues: site.tags.map { ($0.slug, $0) })
        let items: [JSON] = posts.map { p in
            .obj([
                // The address below the blog (`2025/klimamessnetz-komplett`): unique, and stable while the year is.
                ("id", .string("\(p.year)/\(p.slug)")), ("title", .string(p.title)), ("url", .string(urls.absolute(urls.post(p)))),
                ("date", .string(p.date.iso8601)), ("updated", date(p.updated)),
                ("author", .string(p.author ?? site.config.author)), ("summary", text(p.summary)),
                ("fields", fieldRefs(p.fields)), ("tags", tagRefs(p.tags, tagsBySlug)),
                ("language", .string(p.lang ?? site.config.language)),
            ])
        }
        return .obj(header(title: "\(strings["blog.title"]) – \(site.config.title)", description: strings["blog.description"],
                           path: Self.postsPath(urls), landing: urls.blog, count: items.count) + [("posts", .array(items))])
    }

    /// A post's tags as `{slug, title, url}` (like its fields), each spelled as its tag page is.
    private func tagRefs(_ names: [String], _ tagsBySlug: [String: PostTag]) -> JSON {
        .array(names.compactMap { tagsBySlug[Slug.make($0)] }.map { t in
            .obj([("slug", .string(t.slug)), ("title", .string(t.name)), ("url", .string(site.urls.absolute(site.urls.tag(t))))])
        })
    }
}
