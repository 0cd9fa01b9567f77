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
        var tags: [PostTag] = []
        var diagnostics: [Diagnostic] = []
        for tag in gather(posts) {
            let name = tag.spellings.max { a, b in a.files.count != b.files.count ? a.files.count < b.files.count : a.name > b.name }!.name
            tags.append(PostTag(slug: tag.slug, name: name, posts: tag.posts))
            if tag.spellings.count > 1 { diagnostics += spellingWarnings(tag.spellings, shown: name, address: urls.tag(slug: tag.slug)) }
        }
        tags = tags.sorted(byKey: { (GermanText.sortKey($0.name), $0.name) }, using: <)
        return (tags, diagnostics)
    }

    /// One tag as the posts use it: its posts (indexes) and each spelling with the files that write it.
    private struct Gathered {
        var slug: String
        var posts: [Int] = []
        var spellings: [(name: String, files: [SourceRef])] = []
    }

    /// The posts' tags in the order they first appear. One table lookup per tag of a post; a tag
    /// has one spelling or a few, so they are found in a list (each post is read in place, not copied).
    private static func gather(_ posts: [Post]) -> [Gathered] {
        var position: [String: Int] = [:]
        var gathered: [Gathered] = []
        posts.withUnsafeBufferPointer { posts in
            for i in posts.indices {
                // `tagList` left one spelling per slug in a post.
                for name in posts[i].tags {
                    let slug = Slug.make(name)
                    let k = position[slug] ?? gathered.count
                    if k == gathered.count {
                        position[slug] = k
                        gathered.append(Gathered(slug: slug))
                    }
                    gathered[k].posts.append(i)
                    if let s = gathered[k].spellings.firstIndex(where: { $0.name == name }) {
                        gathered[k].spellings[s].files.append(posts[i].source)
                    } else {
                        gathered[k].spellings.append((name, [posts[i].source]))
                    }
                }
            }
        }
        return gathered
    }

    /// One warning per file with a spelling that is not shown, naming a file that has the one shown.
    private static func spellingWarnings(_ used: [(name: String, files: [SourceRef])], shown: String, address: String) -> [Diagnostic] {
        let example = used.first { $0.name == shown }!.files.map(\.display).min()!
        var warnings: [Diagnostic] = []
        for (spelling, files) in used.sorted(by: { $0.name < $1.name }) where spelling != shown {
            for source in files.sorted(by: { $0.display < $1.display }) {
                warnings.append(.warning(source.display, line: source.keyLines["tags"],
                    "tag '\(spelling)' is shown as '\(shown)' (as in \(example)): both are the tag page /\(address); write '\(shown)' so the tag has one spelling"))
            }
        }
        return warnings
    }
}
