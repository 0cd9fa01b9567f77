import MustacheEngine

/// The root view of each page kind: what its template (`post.mustache`, …) sees on top of the
/// globals. Every root also has `page`, `navigation` and `preview` (`PageFrame`).

final class PostDetail: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var item: PostFields
    var html: MarkdownHTML
    var updatedText, updatedISO: String?
    var tags: [TagLink]
    /// "Veröffentlicht am"; for a draft or a post dated in the future (shown with --drafts,
    /// --future or in the preview) what it is instead, since it is not published.
    var dateLabel: String

    init(item: PostFields, html: MarkdownHTML, updatedText: String? = nil, updatedISO: String? = nil, tags: [TagLink],
         dateLabel: String) {
        self.dateLabel = dateLabel
        self.item = item
        self.html = html
        self.updatedText = updatedText
        self.updatedISO = updatedISO
        self.tags = tags
    }

    static let fields = Fields<PostDetail>("Post", "A post on its own page: the card's keys and more.", PostFields.keys { $0.item } + [
        .html("html", "The post's text as HTML; print with {{{html}}}.") { .deferredHTML($0.html) },
        .optionalText("updatedText", "When it was updated, in the page's language, if later than its date.") { $0.updatedText },
        .optionalText("updatedISO", "The same as ISO 8601.") { $0.updatedISO },
        .texts("tags", "Its tags' names, in the order its front matter gives them, spelled as their pages are.") { $0.tags.map(\.name) },
        .list("tagLinks", TagLink.fields, "The same as links to the tags' pages.") { $0.tags },
        .optionalObject("tagList", TagLinkList.fields, "The same as {{#items}}; absent when it has none (partials/tags).") { $0.tags.isEmpty ? nil : TagLinkList(items: $0.tags) },
        .text("dateLabel", "What its date is: 'Veröffentlicht am', or for a draft or a post dated in the future (with --drafts, --future, in the preview) 'Entwurf, datiert auf' / 'Erscheint am'.") { $0.dateLabel },
    ])
}

final class PostPage: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var frame: PageFrame
    var post: PostDetail
    var newer, older: LinkView?

    init(frame: PageFrame, post: PostDetail, newer: LinkView? = nil, older: LinkView? = nil) {
        self.frame = frame
        self.post = post
        self.newer = newer
        self.older = older
    }

    static let fields = Fields<PostPage>("post.mustache", "A blog post.", PageFrame.fields { $0.frame } + [
        .object("post", PostDetail.fields, "The post.") { $0.post },
        .optionalObject("newer", LinkView.fields, "The next newer post.") { $0.newer },
        .optionalObject("older", LinkView.fields, "The next older post.") { $0.older },
        .flag("neighbourList", "True when there is a newer or an older post.") { $0.newer != nil || $0.older != nil },
    ])
}

final class TimePoint: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var iso, text: String
    var separator: String?
    init(iso: String, text: String, separator: String? = nil) {
        self.iso = iso
        self.text = text
        self.separator = separator
    }

    static let fields = Fields<TimePoint>("TimePoint", "A point in time as <time datetime=iso>text</time>.", [
        .text("iso", "ISO 8601.") { $0.iso },
        .text("text", "In German.") { $0.text },
        .optionalText("separator", "What to write before the end ('–' or ' bis '); only on `end`.") { $0.separator },
    ])
}

final class WhenView: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var start: TimePoint
    var end: TimePoint?
    init(start: TimePoint, end: TimePoint? = nil) {
        self.start = start
        self.end = end
    }

    static let fields = Fields<WhenView>("When", "An event's start and, for a range, its end.", [
        .object("start", TimePoint.fields, "The start.") { $0.start },
        .optionalObject("end", TimePoint.fields, "The end, with its separator.") { $0.end },
    ])
}

final class LocationView: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var name, address: String?
    init(name: String? = nil, address: String? = nil) {
        self.name = name
        self.address = address
    }

    static let fields = Fields<LocationView>("Location", "Where an event takes place.", [
        .optionalText("name", "The place's name.") { $0.name },
        .optionalText("address", "Its address.") { $0.address },
    ])
}

final class EventDetail: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var item: EventFields
    var html: MarkdownHTML
    var dateRange: String
    var when: WhenView
    var endISO: String?
    var location: LocationView?
    var online, registration: String?
    /// The number of a registration by phone, as written.
    var registrationPhone: String?
    var icsHref: String
    var isPast: Bool
    /// The participation format it belongs to.
    var participation: LinkView?
    var updatedText, updatedISO: String?

    init(item: EventFields, html: MarkdownHTML, dateRange: String, when: WhenView, endISO: String? = nil, location: LocationView? = nil, online: String? = nil, registration: String? = nil, icsHref: String, isPast: Bool) {
        self.item = item
        self.html = html
        self.dateRange = dateRange
        self.when = when
        self.endISO = endISO
        self.location = location
        self.online = online
        self.registration = registration
        self.icsHref = icsHref
        self.isPast = isPast
    }

    static let fields = Fields<EventDetail>("Event", "An event on its own page: the card's keys and more.", EventFields.keys { $0.item } + [
        .html("html", "The event's text as HTML; print with {{{html}}}.") { .deferredHTML($0.html) },
        .text("dateRange", "When, in the page's language, as one text.") { $0.dateRange },
        .object("when", WhenView.fields, "Start and end as <time> parts.") { $0.when },
        .optionalText("endISO", "Its end as ISO 8601.") { $0.endISO },
        .optionalObject("location", LocationView.fields, "Where it takes place.") { $0.location },
        .optionalText("online", "Address of the online event.") { $0.online },
        .optionalText("registration", "Address to register at (https, mailto: or tel:); absent once the event is over.") { $0.registration },
        .optionalText("registrationPhone", "For a registration by phone: the number as written, to show.") { $0.registrationPhone },
        .text("icsHref", "Address of its calendar file.") { $0.icsHref },
        .flag("isPast", "True when it is over.") { $0.isPast },
        .optionalObject("participation", LinkView.fields, "The participation format it belongs to (its 'participation').") { $0.participation },
        .optionalText("updatedText", "When its details last changed (its 'updated'), in the page's language.") { $0.updatedText },
        .optionalText("updatedISO", "The same as ISO 8601.") { $0.updatedISO },
    ])
}

final class EventPage: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var frame: PageFrame
    var event: EventDetail
    init(frame: PageFrame, event: EventDetail) {
        self.frame = frame
        self.event = event
    }

    static let fields = Fields<EventPage>("event.mustache", "An event.", PageFrame.fields { $0.frame } + [
        .object("event", EventDetail.fields, "The event.") { $0.event },
    ])
}

final class ProjectDetail: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var item: ProjectFields
    var html: MarkdownHTML
    var partnersText, startText, endText: String?
    /// "September 2026 – Dezember 2027", "seit September 2026" or "bis Dezember 2027".
    var periodText: String?

    init(item: ProjectFields, html: MarkdownHTML, partnersText: String? = nil, startText: String? = nil, endText: String? = nil,
         periodText: String? = nil) {
        self.periodText = periodText
        self.item = item
        self.html = html
        self.partnersText = partnersText
        self.startText = startText
        self.endText = endText
    }

    static let fields = Fields<ProjectDetail>("Project", "A project on its own page: the card's keys and more.", ProjectFields.keys { $0.item } + [
        .html("html", "The project's text as HTML; print with {{{html}}}.") { .deferredHTML($0.html) },
        .optionalText("partnersText", "Its partners, separated by commas.") { $0.partnersText },
        .optionalText("startText", "Its start (September 2026).") { $0.startText },
        .optionalText("endText", "Its end.") { $0.endText },
        .optionalText("periodText", "When it runs: 'September 2026 – Dezember 2027', 'seit September 2026' (no end yet) or 'bis Dezember 2027' (no start given).") { $0.periodText },
    ])
}

final class ProjectPage: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var frame: PageFrame
    var project: ProjectDetail
    var related: [PostCard]
    init(frame: PageFrame, project: ProjectDetail, related: [PostCard]) {
        self.frame = frame
        self.project = project
        self.related = related
    }

    static let fields = Fields<ProjectPage>("project.mustache", "A project.", PageFrame.fields { $0.frame } + [
        .object("project", ProjectDetail.fields, "The project.") { $0.project },
        .optionalObject("related", PostCardList.fields, "Up to three posts of its first field; absent when there are none.") { $0.related.isEmpty ? nil : PostCardList(items: $0.related) },
    ])
}

final class ContentView: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var title: String
    var html: MarkdownHTML
    /// Front matter `lang` when it is not the site's language.
    var lang: String?
    /// On the home page in Leichte Sprache (else `pages/leichte-sprache.md`): every other page in Leichte Sprache.
    var easyReadList: LinkList?
    /// "Entwurf" where drafts are shown (`ItemFields.labels`).
    var labels: [String] = []
    init(title: String, html: MarkdownHTML) {
        self.title = title
        self.html = html
    }

    static let fields = Fields<ContentView>("Content", "A page's title and text.", [
        .text("title", "The page's title.") { $0.title },
        .html("html", "Its text as HTML; print with {{{html}}}.") { .deferredHTML($0.html) },
        .optionalObject("easyReadList", LinkList.fields, "On the home page in Leichte Sprache (home.ls.md; without it, the page leichte-sprache): every other page that has a Leichte-Sprache version (foo.ls.md); absent elsewhere.") { $0.easyReadList },
        .optionalText("lang", "The language of its title, summary and text when it is not the page's (front matter `lang`); absent otherwise. Templates put it on exactly those elements (WCAG 3.1.2), never around the UI.") { $0.lang },
        .texts("labels", "'Entwurf' in the preview server (partials/labels).") { $0.labels },
    ])
}

final class ContentPage: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var frame: PageFrame
    var content: ContentView
    init(frame: PageFrame, content: ContentView) {
        self.frame = frame
        self.content = content
    }

    static let fields = Fields<ContentPage>("page.mustache", "A page of pages/ (Impressum, Datenschutz, …).", PageFrame.fields { $0.frame } + [
        .object("content", ContentView.fields, "The page.") { $0.content },
    ])
}

final class DownloadView: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var href, title, info, label: String
    init(href: String, title: String, info: String, label: String) {
        self.href = href
        self.title = title
        self.info = info
        self.label = label
    }

    static let fields = Fields<DownloadView>("Download", "The strategy's PDF.", [
        .text("href", "Its address.") { $0.href },
        .text("title", "The strategy's title.") { $0.title },
        .text("info", "Format and size (PDF, 4,2 MB).") { $0.info },
        .text("label", "Title with format and size.") { $0.label },
    ])
}

final class StrategyDetail: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var title: String
    var html: MarkdownHTML
    var pdf: DownloadView?
    var publishedText, publishedISO, summary: String?
    /// Per field of action its projects and participation formats.
    var overview: FieldOverview?
    init(title: String, html: MarkdownHTML, pdf: DownloadView? = nil, publishedText: String? = nil, publishedISO: String? = nil, summary: String? = nil) {
        self.title = title
        self.html = html
        self.pdf = pdf
        self.publishedText = publishedText
        self.publishedISO = publishedISO
        self.summary = summary
    }

    static let fields = Fields<StrategyDetail>("Strategy", "The strategy.", [
        .text("title", "Its title.") { $0.title },
        .html("html", "Its text as HTML; print with {{{html}}}.") { .deferredHTML($0.html) },
        .optionalObject("pdf", DownloadView.fields, "Its PDF; absent when the PDF is missing.") { $0.pdf },
        .optionalText("publishedText", "When it was published, in the page's language.") { $0.publishedText },
        .optionalText("publishedISO", "The same as ISO 8601.") { $0.publishedISO },
        .optionalText("summary", "Its summary.") { $0.summary },
        .optionalObject("overview", FieldOverview.fields, "The fields of action with their projects and participation formats; absent without fields.") { $0.overview },
    ])
}

final class StrategyPage: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var frame: PageFrame
    var strategy: StrategyDetail
    init(frame: PageFrame, strategy: StrategyDetail) {
        self.frame = frame
        self.strategy = strategy
    }

    static let fields = Fields<StrategyPage>("strategy.mustache", "The strategy page.", PageFrame.fields { $0.frame } + [
        .object("strategy", StrategyDetail.fields, "The strategy.") { $0.strategy },
    ])
}
