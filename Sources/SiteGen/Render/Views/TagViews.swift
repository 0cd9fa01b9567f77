import MustacheEngine

/// A tag as a link to its page: one object per tag and build (like `FieldBadge`), so every post
/// page that shows it shares it and its fingerprint is made once.
final class TagLink: TemplateView, @unchecked Sendable {  // `storedFingerprint` is set in init only
    let slug, name, href: String
    private(set) var storedFingerprint: UInt64?

    init(slug: String, name: String, href: String) {
        self.slug = slug
        self.name = name
        self.href = href
        storedFingerprint = Fingerprint.of(self)
    }

    var memoIdentity: AnyObject? { self }

    static func keys<T>(_ link: @escaping @Sendable (T) -> TagLink) -> [ViewKey<T>] {
        [
            .text("slug", "The tag's slug (the last part of its address).") { link($0).slug },
            .text("name", "The tag as shown: the spelling most of its posts use.") { link($0).name },
            .text("href", "Address of the tag's page.") { link($0).href },
        ]
    }

    static let fields = Fields<TagLink>("TagLink", "A tag of the blog, linking to its page (partials/tags).", keys { $0 })
}

/// A non-empty list of tags (`{{#tagList}}<ul>{{#items}}…{{/items}}</ul>{{/tagList}}`).
final class TagLinkList: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var items: [TagLink]
    init(items: [TagLink]) {
        self.items = items
    }

    static let fields = Fields<TagLinkList>("TagLinkList", "Tags as {{#items}} (partials/tags).", [
        .list("items", TagLink.fields, "The tags.") { $0.items },
    ])
}

/// A tag with the number of its posts, for the list of all tags.
final class TagCount: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var link: TagLink
    var count: Int
    var countText: String
    init(link: TagLink, count: Int, countText: String) {
        self.link = link
        self.count = count
        self.countText = countText
    }

    static let fields = Fields<TagCount>("TagCount", "A tag and how many posts it has: the TagLink's keys and more.", TagLink.keys { $0.link } + [
        .number("count", "Number of its posts.") { $0.count },
        .text("countText", "The same in words ('3 Beiträge').") { $0.countText },
    ])
}

final class TagPage: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var frame: PageFrame
    var tag: TagCount
    var posts: [PostCard]
    var tagsHref: String
    var pagination: PaginationView?
    init(frame: PageFrame, tag: TagCount, posts: [PostCard], tagsHref: String, pagination: PaginationView? = nil) {
        self.frame = frame
        self.tag = tag
        self.posts = posts
        self.tagsHref = tagsHref
        self.pagination = pagination
    }

    static let fields = Fields<TagPage>("tag.mustache", "A tag's page: its posts, newest first (paginated).", PageFrame.fields { $0.frame } + [
        .object("tag", TagCount.fields, "The tag.") { $0.tag },
        .list("posts", PostCard.fields, "Its posts on this page.") { $0.posts },
        .optionalObject("postList", PostCardList.fields, "The same as {{#items}}; absent when empty.") { $0.posts.isEmpty ? nil : PostCardList(items: $0.posts) },
        .text("tagsHref", "Address of the list of all tags.") { $0.tagsHref },
        .optionalObject("pagination", PaginationView.fields, "Links to the other pages; absent when there is one.") { $0.pagination },
    ])
}

final class TagListPage: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var frame: PageFrame
    var tags: [TagCount]
    var blogHref: String
    init(frame: PageFrame, tags: [TagCount], blogHref: String) {
        self.frame = frame
        self.tags = tags
        self.blogHref = blogHref
    }

    static let fields = Fields<TagListPage>("tag-list.mustache", "Every tag of the blog, in German alphabetical order (ä with a, ß with ss), with its number of posts.", PageFrame.fields { $0.frame } + [
        .list("tags", TagCount.fields, "The tags.") { $0.tags },
        .text("blogHref", "Address of the blog.") { $0.blogHref },
    ])
}
