import MustacheEngine

final class CalendarLinks: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var href, webcal: String
    init(href: String, webcal: String) {
        self.href = href
        self.webcal = webcal
    }

    static let fields = Fields<CalendarLinks>("Calendar", "A calendar file to download or subscribe to.", [
        .text("href", "Address of the .ics file.") { $0.href },
        .text("webcal", "The same as webcal:// to subscribe.") { $0.webcal },
    ])
}

/// A field of action as its cards show it (`partials/card-field`, `partials/card-field-compact`).
final class FieldCard: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var badge: FieldBadge
    var summary: String?
    var counts: String
    var projectCount, postCount: Int
    var html: MarkdownHTML?
    /// "Entwurf" where drafts are shown (`ItemFields.labels`).
    var labels: [String] = []

    init(badge: FieldBadge, summary: String? = nil, counts: String, projectCount: Int, postCount: Int, html: MarkdownHTML? = nil) {
        self.badge = badge
        self.summary = summary
        self.counts = counts
        self.projectCount = projectCount
        self.postCount = postCount
        self.html = html
    }

    static let fields = Fields<FieldCard>("FieldCard", "A field of action: its badge's keys and more.", FieldBadge.keys { $0.badge } + [
        .optionalText("summary", "Its summary.") { $0.summary },
        .text("counts", "How many projects, posts and upcoming events it has, in words.") { $0.counts },
        .number("projectCount", "Number of its projects.") { $0.projectCount },
        .number("postCount", "Number of its posts.") { $0.postCount },
        .texts("labels", "'Entwurf' in the preview server (partials/labels).") { $0.labels },
        ViewKey("html", .html, optional: true, "Its text as HTML, on its own page only; print with {{{html}}}.") { $0.html.map { .deferredHTML($0) } ?? .null },
    ])
}

final class PageLinkView: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var number: Int?
    var href, label: String?
    var current: Bool
    init(number: Int? = nil, href: String? = nil, label: String? = nil, current: Bool) {
        self.number = number
        self.href = href
        self.label = label
        self.current = current
    }

    static let fields = Fields<PageLinkView>("PageLink", "A page number of the pagination, or a gap.", [
        .flag("gap", "True for a gap (…) between page numbers.") { $0.number == nil },
        ViewKey("number", .number, optional: true, "The page's number.") { $0.number.map(Value.int) ?? .null },
        .optionalText("href", "Its address.") { $0.href },
        .optionalText("label", "'Seite 3' for screen readers.") { $0.label },
        .flag("current", "True for the page shown.") { $0.current },
    ])
}

final class StepLink: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var href, text: String
    init(href: String, text: String) {
        self.href = href
        self.text = text
    }

    static let fields = Fields<StepLink>("StepLink", "The previous or next page.", [
        .text("href", "Its address.") { $0.href },
        .text("text", "Its link text.") { $0.text },
    ])
}

final class PaginationView: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var label, status: String
    var prev, next: StepLink?
    var pages: [PageLinkView]
    init(label: String, status: String, prev: StepLink? = nil, next: StepLink? = nil, pages: [PageLinkView]) {
        self.label = label
        self.status = status
        self.prev = prev
        self.next = next
        self.pages = pages
    }

    static let fields = Fields<PaginationView>("Pagination", "Links between the pages of a list (partials/pagination).", [
        .text("label", "The navigation's label.") { $0.label },
        .text("status", "'Seite 2 von 7'.") { $0.status },
        .optionalObject("prev", StepLink.fields, "The previous page.") { $0.prev },
        .optionalObject("next", StepLink.fields, "The next page.") { $0.next },
        .list("pages", PageLinkView.fields, "The page numbers shown: first, last, two either side of this one.") { $0.pages },
    ])
}

final class HomeStrategy: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var title, href: String
    var pdf: DownloadView?
    var summary: String?
    init(title: String, href: String, pdf: DownloadView? = nil, summary: String? = nil) {
        self.title = title
        self.href = href
        self.pdf = pdf
        self.summary = summary
    }

    static let fields = Fields<HomeStrategy>("StrategyTeaser", "The strategy on the home page.", [
        .text("title", "Its title.") { $0.title },
        .text("href", "Address of the strategy page.") { $0.href },
        .optionalObject("pdf", DownloadView.fields, "Its PDF.") { $0.pdf },
        .optionalText("summary", "Its summary.") { $0.summary },
    ])
}

final class HomePage: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var frame: PageFrame
    var fieldCards: [FieldCard]
    var latestPosts: [PostCard]
    var nextEvents: [EventCard]
    var projects: [ProjectCard]
    var blogHref, eventsHref, projectsHref, fieldsHref: String
    var strategy: HomeStrategy?
    /// The running participation formats ("Jetzt mitmachen").
    var participation: [ParticipationCard] = []
    var participationHref = ""

    init(frame: PageFrame, fieldCards: [FieldCard], latestPosts: [PostCard], nextEvents: [EventCard], projects: [ProjectCard], blogHref: String, eventsHref: String, projectsHref: String, fieldsHref: String, strategy: HomeStrategy? = nil) {
        self.frame = frame
        self.fieldCards = fieldCards
        self.latestPosts = latestPosts
        self.nextEvents = nextEvents
        self.projects = projects
        self.blogHref = blogHref
        self.eventsHref = eventsHref
        self.projectsHref = projectsHref
        self.fieldsHref = fieldsHref
        self.strategy = strategy
    }

    static let fields = Fields<HomePage>("home.mustache", "The home page.", PageFrame.fields { $0.frame } + [
        .list("fields", FieldCard.fields, "The 12 fields of action.") { $0.fieldCards },
        .list("latestPosts", PostCard.fields, "The three newest posts.") { $0.latestPosts },
        .optionalObject("latestPostList", PostCardList.fields, "The same as {{#items}}; absent when empty.") { $0.latestPosts.isEmpty ? nil : PostCardList(items: $0.latestPosts) },
        .list("nextEvents", EventCard.fields, "The next three events.") { $0.nextEvents },
        .optionalObject("nextEventList", EventCardList.fields, "The same as {{#items}}.") { $0.nextEvents.isEmpty ? nil : EventCardList(items: $0.nextEvents) },
        .list("projects", ProjectCard.fields, "Up to six projects in progress.") { $0.projects },
        .optionalObject("projectList", ProjectCardList.fields, "The same as {{#items}}.") { $0.projects.isEmpty ? nil : ProjectCardList(items: $0.projects) },
        .text("blogHref", "Address of the blog.") { $0.blogHref },
        .text("eventsHref", "Address of the events.") { $0.eventsHref },
        .text("projectsHref", "Address of the projects.") { $0.projectsHref },
        .text("fieldsHref", "Address of the fields of action.") { $0.fieldsHref },
        .optionalObject("strategy", HomeStrategy.fields, "The strategy, if the site has one.") { $0.strategy },
        .optionalObject("participationList", ParticipationCardList.fields, "The running participation formats (up to six) as {{#items}}; absent when none runs.") { $0.participation.isEmpty ? nil : ParticipationCardList(items: $0.participation) },
        .text("participationHref", "Address of all participation formats.") { $0.participationHref },
    ])
}

final class BlogPage: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var frame: PageFrame
    var posts: [PostCard]
    var feedHref: String
    var pagination: PaginationView?
    var tagsHref: String?
    init(frame: PageFrame, posts: [PostCard], feedHref: String, pagination: PaginationView? = nil, tagsHref: String? = nil) {
        self.frame = frame
        self.posts = posts
        self.feedHref = feedHref
        self.pagination = pagination
        self.tagsHref = tagsHref
    }

    static let fields = Fields<BlogPage>("post-list.mustache", "A page of the blog.", PageFrame.fields { $0.frame } + [
        .list("posts", PostCard.fields, "The posts of this page.") { $0.posts },
        .optionalObject("postList", PostCardList.fields, "The same as {{#items}}; absent when empty.") { $0.posts.isEmpty ? nil : PostCardList(items: $0.posts) },
        .text("feedHref", "Address of the blog's feed.") { $0.feedHref },
        .optionalObject("pagination", PaginationView.fields, "Links to the other pages; absent when there is one.") { $0.pagination },
        .optionalText("tagsHref", "Address of the list of all tags; absent when no post has a tag.") { $0.tagsHref },
    ])
}

final class EventListPage: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var frame: PageFrame
    var upcoming, past: [EventCard]
    var calendar: CalendarLinks
    var feedHref: String
    init(frame: PageFrame, upcoming: [EventCard], past: [EventCard], calendar: CalendarLinks, feedHref: String) {
        self.frame = frame
        self.upcoming = upcoming
        self.past = past
        self.calendar = calendar
        self.feedHref = feedHref
    }

    static let fields = Fields<EventListPage>("event-list.mustache", "The events.", PageFrame.fields { $0.frame } + [
        .list("upcoming", EventCard.fields, "Events to come, soonest first.") { $0.upcoming },
        .optionalObject("upcomingList", EventCardList.fields, "The same as {{#items}}.") { $0.upcoming.isEmpty ? nil : EventCardList(items: $0.upcoming) },
        .list("past", EventCard.fields, "Past events, latest first.") { $0.past },
        .optionalObject("pastList", EventCardList.fields, "The same as {{#items}}.") { $0.past.isEmpty ? nil : EventCardList(items: $0.past) },
        .object("calendar", CalendarLinks.fields, "The calendar of all events.") { $0.calendar },
        .text("feedHref", "Address of the events' feed.") { $0.feedHref },
    ])
}

final class ProjectGroup: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var status, label: String
    var projects: [ProjectCard]
    init(status: String, label: String, projects: [ProjectCard]) {
        self.status = status
        self.label = label
        self.projects = projects
    }

    static let fields = Fields<ProjectGroup>("ProjectGroup", "The projects of one status.", [
        .text("status", "The status code.") { $0.status },
        .text("label", "The status in words.") { $0.label },
        .number("count", "How many projects.") { $0.projects.count },
        .list("projects", ProjectCard.fields, "The projects.") { $0.projects },
    ])
}

final class ProjectListPage: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var frame: PageFrame
    var groups: [ProjectGroup]
    var dataHref: String
    init(frame: PageFrame, groups: [ProjectGroup], dataHref: String) {
        self.frame = frame
        self.groups = groups
        self.dataHref = dataHref
    }

    static let fields = Fields<ProjectListPage>("project-list.mustache", "The projects, grouped by status.", PageFrame.fields { $0.frame } + [
        .list("groups", ProjectGroup.fields, "One group per status that has projects: in progress, planned, ideas, finished.") { $0.groups },
        .text("dataHref", "Address of projekte.json.") { $0.dataHref },
    ])
}

final class FieldListPage: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var frame: PageFrame
    var fieldCards: [FieldCard]
    init(frame: PageFrame, fieldCards: [FieldCard]) {
        self.frame = frame
        self.fieldCards = fieldCards
    }

    static let fields = Fields<FieldListPage>("field-list.mustache", "The fields of action.", PageFrame.fields { $0.frame } + [
        .list("fields", FieldCard.fields, "The 12 fields of action.") { $0.fieldCards },
    ])
}

final class FieldPage: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var frame: PageFrame
    var field: FieldCard
    var posts: [PostCard]
    var calendar: CalendarLinks
    var feedHref: String
    var isFirstPage: Bool
    /// On the first page only.
    var projects: [ProjectCard]?
    var events: [EventCard]?
    var pagination: PaginationView?
    /// Its participation formats (first page only).
    var participation: [ParticipationCard]?

    init(frame: PageFrame, field: FieldCard, posts: [PostCard], calendar: CalendarLinks, feedHref: String, isFirstPage: Bool, projects: [ProjectCard]? = nil, events: [EventCard]? = nil, pagination: PaginationView? = nil) {
        self.frame = frame
        self.field = field
        self.posts = posts
        self.calendar = calendar
        self.feedHref = feedHref
        self.isFirstPage = isFirstPage
        self.projects = projects
        self.events = events
        self.pagination = pagination
    }

    static let fields = Fields<FieldPage>("field.mustache", "A field of action's page (paginated by its posts).", PageFrame.fields { $0.frame } + [
        .object("field", FieldCard.fields, "The field.") { $0.field },
        .list("posts", PostCard.fields, "Its posts on this page.") { $0.posts },
        .optionalObject("postList", PostCardList.fields, "The same as {{#items}}.") { $0.posts.isEmpty ? nil : PostCardList(items: $0.posts) },
        .object("calendar", CalendarLinks.fields, "The field's calendar.") { $0.calendar },
        .text("feedHref", "Address of the field's feed.") { $0.feedHref },
        .flag("isFirstPage", "True on the first page (which shows projects and events).") { $0.isFirstPage },
        ViewKey("projects", .list(.object(ProjectCard.fields)), optional: true, "Its projects (first page only).") { $0.projects.map { .list(ObjectList($0)) } ?? .null },
        .optionalObject("projectList", ProjectCardList.fields, "The same as {{#items}}.") { page -> ProjectCardList? in
            guard let projects = page.projects, !projects.isEmpty else { return nil }
            return ProjectCardList(items: projects)
        },
        ViewKey("events", .list(.object(EventCard.fields)), optional: true, "Its upcoming events (first page only).") { $0.events.map { .list(ObjectList($0)) } ?? .null },
        .optionalObject("eventList", EventCardList.fields, "The same as {{#items}}.") { page -> EventCardList? in
            guard let events = page.events, !events.isEmpty else { return nil }
            return EventCardList(items: events)
        },
        .optionalObject("pagination", PaginationView.fields, "Links to the other pages.") { $0.pagination },
        .optionalObject("participationList", ParticipationCardList.fields, "Its participation formats, running first (first page only); absent when it has none.") { page -> ParticipationCardList? in
            guard let items = page.participation, !items.isEmpty else { return nil }
            return ParticipationCardList(items: items)
        },
    ])
}

final class FieldOption: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var slug, title: String
    init(slug: String, title: String) {
        self.slug = slug
        self.title = title
    }

    static let fields = Fields<FieldOption>("FieldOption", "A field of action to filter by.", [
        .text("slug", "Its slug.") { $0.slug },
        .text("title", "Its title.") { $0.title },
    ])
}

final class KindOption: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var code, label: String
    init(code: String, label: String) {
        self.code = code
        self.label = label
    }

    static let fields = Fields<KindOption>("KindOption", "A kind of page to filter by.", [
        .text("code", "Its code.") { $0.code },
        .text("label", "Its name.") { $0.label },
    ])
}

final class SearchTexts: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var results, one, none, more, loading, missing, suggest: String
    init(results: String, one: String, none: String, more: String, loading: String, missing: String, suggest: String) {
        self.results = results
        self.one = one
        self.none = none
        self.more = more
        self.loading = loading
        self.missing = missing
        self.suggest = suggest
    }

    static let fields = Fields<SearchTexts>("SearchTexts", "Texts search.js shows ({1}: count, {2}: query).", [
        .text("results", "Several results.") { $0.results },
        .text("one", "One result.") { $0.one },
        .text("none", "No result.") { $0.none },
        .text("more", "The button for more results.") { $0.more },
        .text("loading", "While the index loads.") { $0.loading },
        .text("missing", "After the count: the query words found nowhere, left out of the query ({2}: the words).") { $0.missing },
        .text("suggest", "After no result: an indexed term close to the query ({2}: the suggestion, a link).") { $0.suggest },
    ])
}

final class SearchData: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var indexHref, action: String
    var fieldOptions: [FieldOption]
    var kinds: [KindOption]
    var badgeList: BadgeList?
    var texts: SearchTexts
    init(indexHref: String, action: String, fieldOptions: [FieldOption], kinds: [KindOption], badgeList: BadgeList? = nil, texts: SearchTexts) {
        self.indexHref = indexHref
        self.action = action
        self.fieldOptions = fieldOptions
        self.kinds = kinds
        self.badgeList = badgeList
        self.texts = texts
    }

    static let fields = Fields<SearchData>("Search", "What the search form and search.js need.", [
        .text("indexHref", "Address of the search index.") { $0.indexHref },
        .text("action", "The form's action (the search page).") { $0.action },
        .list("fields", FieldOption.fields, "The fields of action.") { $0.fieldOptions },
        .optionalObject("badgeList", BadgeList.fields, "Every field's badge, for search.js to copy.") { $0.badgeList },
        .list("kinds", KindOption.fields, "The kinds of pages.") { $0.kinds },
        .object("texts", SearchTexts.fields, "Texts for search.js.") { $0.texts },
    ])
}

final class SearchPage: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var frame: PageFrame
    var searchScript: String
    var search: SearchData
    init(frame: PageFrame, searchScript: String, search: SearchData) {
        self.frame = frame
        self.searchScript = searchScript
        self.search = search
    }

    static let fields = Fields<SearchPage>("search.mustache", "The search page.", PageFrame.fields { $0.frame } + [
        .text("searchScript", "Address of search.js.") { $0.searchScript },
        .object("search", SearchData.fields, "The search form's data.") { $0.search },
    ])
}

final class NotFoundPage: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var frame: PageFrame
    var fieldsHref: String
    init(frame: PageFrame, fieldsHref: String) {
        self.frame = frame
        self.fieldsHref = fieldsHref
    }

    static let fields = Fields<NotFoundPage>("404.mustache", "The page for addresses that do not exist.", PageFrame.fields { $0.frame } + [
        .text("fieldsHref", "Address of the fields of action.") { $0.fieldsHref },
    ])
}
