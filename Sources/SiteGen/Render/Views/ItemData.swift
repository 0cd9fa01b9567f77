import MustacheEngine

/// A field of action's badge: one object per field and build, so `partials/badge` rendered with
/// it is reused on every card and page that shows it.
final class FieldBadge: TemplateView, @unchecked Sendable {  // `storedFingerprint` is set in init only
    let slug, title, href, colorClass: String
    let number: Int
    let icon: String?
    private(set) var storedFingerprint: UInt64?

    init(slug: String, title: String, href: String, number: Int, colorClass: String, icon: String?) {
        self.slug = slug
        self.title = title
        self.href = href
        self.number = number
        self.colorClass = colorClass
        self.icon = icon
        storedFingerprint = Fingerprint.of(self)
    }

    var memoIdentity: AnyObject? { self }

    static func keys<T>(_ badge: @escaping @Sendable (T) -> FieldBadge) -> [ViewKey<T>] {
        [
            .text("slug", "The field's slug.") { badge($0).slug },
            .text("title", "The field's title.") { badge($0).title },
            .text("href", "Address of the field's page.") { badge($0).href },
            .number("number", "The field's number (1–12).") { badge($0).number },
            .text("colorClass", "CSS class of the field's colour (hf-1 … hf-12).") { badge($0).colorClass },
            .optionalText("icon", "Address of the field's icon (#icon in Templates/assets/icons/<slug>.svg), if the theme has one.") { badge($0).icon },
        ]
    }

    static let fields = Fields<FieldBadge>("FieldBadge", "A field of action as a badge (partials/badge).", keys { $0 })
}

final class BadgeList: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var items: [FieldBadge]
    init(items: [FieldBadge]) {
        self.items = items
    }

    static let fields = Fields<BadgeList>("BadgeList", "The badges of an item's fields (partials/badges, partials/badge-items).", [
        .list("items", FieldBadge.fields, "The badges.") { $0.items },
    ])
}

/// What a post's card and page show about it.
final class PostFields: @unchecked Sendable {  // a class: each key's getter reads it without copying every field
    var title, href, dateText, dateISO: String
    var badgeList: BadgeList?
    var summary, author: String?
    var image: ImageView?
    /// The image as cards show it: its 1200×630 crop.
    var cardImage: ImageView?
    var labels: [String]
    /// Front matter `lang` when it is not the page's language.
    var lang: String?

    init(title: String, href: String, dateText: String, dateISO: String, badgeList: BadgeList? = nil, summary: String? = nil, author: String? = nil, image: ImageView? = nil, cardImage: ImageView? = nil, labels: [String]) {
        self.title = title
        self.href = href
        self.dateText = dateText
        self.dateISO = dateISO
        self.badgeList = badgeList
        self.summary = summary
        self.author = author
        self.image = image
        self.cardImage = cardImage
        self.labels = labels
    }

    static func keys<T>(_ get: @escaping @Sendable (T) -> PostFields) -> [ViewKey<T>] {
        [
            .text("title", "The post's title.") { get($0).title },
            .text("href", "Its address.") { get($0).href },
            .text("dateText", "Its date in words, in the page's language (26. November 2026).") { get($0).dateText },
            .text("dateISO", "Its date as ISO 8601 (for <time datetime>).") { get($0).dateISO },
            .optionalObject("badgeList", BadgeList.fields, "Its fields as badges; absent when it has none.") { get($0).badgeList },
            .optionalText("summary", "Its summary.") { get($0).summary },
            .optionalText("author", "Its author.") { get($0).author },
            .optionalObject("image", ImageView.fields, "Its image (front matter `image`) in its own proportions, as its page shows it.") { get($0).image },
            .optionalObject("cardImage", ImageView.fields, "The same image cut to 1200×630, as cards show it.") { get($0).cardImage },
            .texts("labels", "'Entwurf', 'Geplant' in the preview server (partials/labels).") { get($0).labels },
            .optionalText("lang", "The language of its title, summary and text when it is not the page's (front matter `lang`); absent otherwise. Templates put it on exactly those elements (WCAG 3.1.2), never around the UI.") { get($0).lang },
        ]
    }
}

final class EventFields: @unchecked Sendable {  // a class: each key's getter reads it without copying every field
    var title, href, dateText, startISO, day, month, year: String
    var badgeList: BadgeList?
    var summary, format, place, statusLabel: String?
    var labels: [String]
    /// Front matter `lang` when it is not the page's language.
    var lang: String?

    init(title: String, href: String, dateText: String, startISO: String, day: String, month: String, year: String, badgeList: BadgeList? = nil, summary: String? = nil, format: String? = nil, place: String? = nil, statusLabel: String? = nil, labels: [String]) {
        self.title = title
        self.href = href
        self.dateText = dateText
        self.startISO = startISO
        self.day = day
        self.month = month
        self.year = year
        self.badgeList = badgeList
        self.summary = summary
        self.format = format
        self.place = place
        self.statusLabel = statusLabel
        self.labels = labels
    }

    static func keys<T>(_ get: @escaping @Sendable (T) -> EventFields) -> [ViewKey<T>] {
        [
            .text("title", "The event's title.") { get($0).title },
            .text("href", "Its address.") { get($0).href },
            .text("dateText", "When, in words, in the page's language (Dienstag, 22. September 2026, 14:30–20:00 Uhr).") { get($0).dateText },
            .text("startISO", "Its start as ISO 8601.") { get($0).startISO },
            .text("day", "Day of the month of its start.") { get($0).day },
            .text("month", "Short month of its start (Sep.).") { get($0).month },
            .text("year", "Year of its start.") { get($0).year },
            .optionalObject("badgeList", BadgeList.fields, "Its fields as badges.") { get($0).badgeList },
            .optionalText("summary", "Its summary.") { get($0).summary },
            .optionalText("format", "Its format (Workshop, …).") { get($0).format },
            .optionalText("place", "Where: name and address, or 'Online'.") { get($0).place },
            .optionalText("statusLabel", "'Abgesagt' or 'Verschoben'; absent for a planned event.") { get($0).statusLabel },
            .texts("labels", "'Entwurf' in the preview server (partials/labels).") { get($0).labels },
            .optionalText("lang", "The language of its title, summary and text when it is not the page's (front matter `lang`); absent otherwise. Templates put it on exactly those elements (WCAG 3.1.2), never around the UI.") { get($0).lang },
        ]
    }
}

final class ProjectFields: @unchecked Sendable {  // a class: each key's getter reads it without copying every field
    var title, href, statusLabel, status: String
    var badgeList: BadgeList?
    var code, summary, cities: String?
    var labels: [String]
    /// Front matter `lang` when it is not the page's language.
    var lang: String?

    init(title: String, href: String, statusLabel: String, status: String, badgeList: BadgeList? = nil, code: String? = nil, summary: String? = nil, cities: String? = nil, labels: [String]) {
        self.title = title
        self.href = href
        self.statusLabel = statusLabel
        self.status = status
        self.badgeList = badgeList
        self.code = code
        self.summary = summary
        self.cities = cities
        self.labels = labels
    }

    static func keys<T>(_ get: @escaping @Sendable (T) -> ProjectFields) -> [ViewKey<T>] {
        [
            .text("title", "The project's title.") { get($0).title },
            .text("href", "Its address.") { get($0).href },
            .text("statusLabel", "Its status in words (In Umsetzung).") { get($0).statusLabel },
            .text("status", "Its status code (idee, planung, umsetzung, abgeschlossen).") { get($0).status },
            .optionalObject("badgeList", BadgeList.fields, "Its fields as badges.") { get($0).badgeList },
            .optionalText("code", "Its project code.") { get($0).code },
            .optionalText("summary", "Its summary.") { get($0).summary },
            .optionalText("cities", "Its cities (Dortmund und Schwerte).") { get($0).cities },
            .texts("labels", "'Entwurf' in the preview server (partials/labels).") { get($0).labels },
            .optionalText("lang", "The language of its title, summary and text when it is not the page's (front matter `lang`); absent otherwise. Templates put it on exactly those elements (WCAG 3.1.2), never around the UI.") { get($0).lang },
        ]
    }
}

/// A post as lists show it (`partials/card-post`): one object per post and build, so its card is
/// rendered once and reused by every list that shows it.
final class PostCard: TemplateView, @unchecked Sendable {  // `storedFingerprint` is set in init only
    let item: PostFields
    /// Made once: every list page that shows the card hashes it.
    private(set) var storedFingerprint: UInt64?
    init(_ item: PostFields) {
        self.item = item
        storedFingerprint = Fingerprint.of(self)
    }
    var memoIdentity: AnyObject? { self }
    static let fields = Fields<PostCard>("PostCard", "A post in a list (partials/card-post).", PostFields.keys { $0.item })
}

final class EventCard: TemplateView, @unchecked Sendable {  // `storedFingerprint` is set in init only
    let item: EventFields
    /// Made once: every list page that shows the card hashes it.
    private(set) var storedFingerprint: UInt64?
    init(_ item: EventFields) {
        self.item = item
        storedFingerprint = Fingerprint.of(self)
    }
    var memoIdentity: AnyObject? { self }
    static let fields = Fields<EventCard>("EventCard", "An event in a list (partials/card-event).", EventFields.keys { $0.item })
}

final class ProjectCard: TemplateView, @unchecked Sendable {  // `storedFingerprint` is set in init only
    let item: ProjectFields
    /// Made once: every list page that shows the card hashes it.
    private(set) var storedFingerprint: UInt64?
    init(_ item: ProjectFields) {
        self.item = item
        storedFingerprint = Fingerprint.of(self)
    }
    var memoIdentity: AnyObject? { self }
    static let fields = Fields<ProjectCard>("ProjectCard", "A project in a list (partials/card-project).", ProjectFields.keys { $0.item })
}

/// A non-empty list of cards (`{{#postList}}<ul>{{#items}}…{{/items}}</ul>{{/postList}}`).
final class PostCardList: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var items: [PostCard]
    init(items: [PostCard]) {
        self.items = items
    }

    static let fields = Fields<PostCardList>("PostCardList", "Posts as {{#items}}.", [
        .list("items", PostCard.fields, "The posts.") { $0.items },
    ])
}

final class EventCardList: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var items: [EventCard]
    init(items: [EventCard]) {
        self.items = items
    }

    static let fields = Fields<EventCardList>("EventCardList", "Events as {{#items}}.", [
        .list("items", EventCard.fields, "The events.") { $0.items },
    ])
}

final class ProjectCardList: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var items: [ProjectCard]
    init(items: [ProjectCard]) {
        self.items = items
    }

    static let fields = Fields<ProjectCardList>("ProjectCardList", "Projects as {{#items}}.", [
        .list("items", ProjectCard.fields, "The projects.") { $0.items },
    ])
}
