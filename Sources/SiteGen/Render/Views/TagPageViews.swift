/// Views of the tags: the links on a post's page, a tag's page and the list of all tags.
extension LayoutContext {
    /// A post's tags in the order its front matter gives them, each spelled as its page is.
    func tagLinks(_ p: Post) -> [TagLink] { p.tags.compactMap { tagLinksBySlug[Slug.make($0)] } }

    /// One link per tag for the whole build.
    static func tagLinks(_ site: Site) -> [String: TagLink] {
        let urls = site.urls
        return Dictionary(uniqueKeysWithValues: site.tags.map { ($0.slug, TagLink(slug: $0.slug, name: $0.name, href: urls.href(urls.tag($0)))) })
    }

    func tagCount(_ tag: PostTag) -> TagCount {
        TagCount(link: tagLinksBySlug[tag.slug]!, count: tag.posts.count, countText: strings.count("tags.count", tag.posts.count))
    }

    /// A tag's page: its posts as cards, newest first, `paginate` to a page.
    func tagView(_ tag: PostTag, page: Pagination) -> TagPage {
        let urls = site.urls
        let base = urls.tag(tag)
        let heading = strings.format("tag.title", tag.name)
        let title = page.page == 1 ? heading : "\(heading) – \(strings.format("pagination.page", page.page))"
        var meta = Meta(title: title, description: strings.format("tag.description", tag.name),
                        path: urls.paginated(base, page: page.page), section: .blog)
        let trail: [(String, String?)] = [(strings["nav.blog"], urls.blog), (strings["tags.title"], urls.tags)]
        meta.breadcrumbs = page.page == 1 ? trail + [(tag.name, nil)]
            : trail + [(tag.name, base), (strings.format("pagination.page", page.page), nil)]
        meta.feeds = [(strings["feed.blog"], FormatRenderer.feedPath(urls.blog))]
        return TagPage(frame: frame(meta), tag: tagCount(tag), posts: tag.posts[page.range].map { postCard(site.posts[$0]) },
                       tagsHref: urls.href(urls.tags), pagination: page.view(base: base, urls: urls, strings: strings))
    }

    /// Every tag with the number of its posts (Hugo's `/tags/`).
    func tagListView() -> TagListPage {
        let urls = site.urls
        var meta = Meta(title: strings["tags.title"], description: strings["tags.description"], path: urls.tags, section: .blog)
        meta.breadcrumbs = [(strings["nav.blog"], urls.blog), (strings["tags.title"], nil)]
        return TagListPage(frame: frame(meta), tags: site.tags.map(tagCount), blogHref: urls.href(urls.blog))
    }
}
