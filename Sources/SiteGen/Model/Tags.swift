/// A tag of the blog (a term of Hugo's tag taxonomy): every spelling that gives one slug.
public struct PostTag: Sendable, Equatable {
    public var slug: String
    /// The spelling every page shows: the one most posts use, ties to the first in code-point
    /// order ("Open Data" before "open data"), so it does not depend on the order files are read.
    public var name: String
    /// Its posts as indexes into `Site.posts`: newest first, as the blog lists them.
    public var posts: [Int]
}

/// Collects the tags of the posts the site shows.
enum TagIndex {
    /// Sets `site.tags` from its posts. A tag's address cannot be an item's: `paths.tags` is no
    /// year and not `paths.page` (`SiteConfig`), and a file of content/ at a tag page's address
    /// is an error of the renderer's check.
    static func assign(_ site: inout Site) -> [Diagnostic] {
        let (tags, diagnostics) = collect(site.posts, urls: site.urls)
        site.tags = tags
        return diagnostics
    }

    /// The tags in German order of their names, and a warning for each file that spells a tag
    /// otherwise than it is shown (both spellings are one page; the editor should pick one).
    static func collect(_ posts: [Post], urls: URLScheme) -> (tags: [PostTag], diagnostics: [Diagnostic]) {
        var order: [String] = []
        var postsBySlug: [String: [Int]] = [:]
        /// Slug → spelling → the files that use it.
        var spellings: [String: [String: [SourceRef]]] = [:]
        for (i, p) in posts.enumerated() {
            // `tagList` left one spelling per slug in a post.
            for name in p.tags {
                let slug = Slug.make(name)
                if postsBySlug[slug] == nil { order.append(slug) }
                postsBySlug[slug, default: []].append(i)
                spellings[slug, default: [:]][name, default: []].append(p.source)
            }
        }
        var tags: [PostTag] = []
        var diagnostics: [Diagnostic] = []
        for slug in order {
            let used = spellings[slug]!
            let name = used.keys.max { a, b in used[a]!.count != used[b]!.count ? used[a]!.count < used[b]!.count : a > b }!
            tags.append(PostTag(slug: slug, name: name, posts: postsBySlug[slug]!))
            diagnostics += spellingWarnings(used, shown: name, address: urls.tag(slug: slug))
        }
        tags = tags.sorted(byKey: { (GermanText.sortKey($0.name), $0.name) }, using: <)
        return (tags, diagnostics)
    }

    /// One warning per file with a spelling that is not shown, naming a file that has the one shown.
    private static func spellingWarnings(_ used: [String: [SourceRef]], shown: String, address: String) -> [Diagnostic] {
        let example = used[shown]!.map(\.display).min()!
        var warnings: [Diagnostic] = []
        for spelling in used.keys.sorted() where spelling != shown {
            for source in used[spelling]!.sorted(by: { $0.display < $1.display }) {
                warnings.append(.warning(source.display, line: source.keyLines["tags"],
                    "tag '\(spelling)' is shown as '\(shown)' (as in \(example)): both are the tag page /\(address); write '\(shown)' so the tag has one spelling"))
            }
        }
        return warnings
    }
}
