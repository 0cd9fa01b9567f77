import MustacheEngine

/// A link to where the outcome of a participation format is told.
final class ResultsLinkView: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    let href, text: String
    /// For screen readers, after `text` where it alone would not name the target (": <title>").
    let context: String?
    init(href: String, text: String, context: String?) {
        self.href = href
        self.text = text
        self.context = context
    }

    static let fields = Fields<ResultsLinkView>("ResultsLink", "Where the results of a participation format are told.", [
        .text("href", "Its address.") { $0.href },
        .text("text", "The link's text: 'Ergebnisse: <title of the post or page>', or 'Zu den Ergebnissen'.") { $0.text },
        .optionalText("context", "For screen readers, where the text alone does not name the target: ': <the format's title>'.") { $0.context },
    ])
}

/// What the card and the page of a participation format show about it.
final class ParticipationFields: @unchecked Sendable {  // a class: each key's getter reads it without copying every field
    let title, href, status, statusLabel: String
    let when: WhenView
    /// "Seit" or "Ab" before the period of a format without an end.
    let periodPrefix: String?
    /// The end while it runs ("Noch bis …"); nil otherwise.
    let deadline: TimePoint?
    let badgeList: BadgeList?
    let summary, format, cities: String?
    let results: ResultsLinkView?
    let labels: [String]
    /// Front matter `lang` when it is not the page's language.
    var lang: String?

    init(title: String, href: String, status: ParticipationStatus, statusLabel: String, when: WhenView, periodPrefix: String?,
         deadline: TimePoint?, badgeList: BadgeList?, summary: String?, format: String?, cities: String?,
         results: ResultsLinkView?, labels: [String]) {
        self.title = title
        self.href = href
        self.status = status.rawValue
        self.statusLabel = statusLabel
        self.when = when
        self.periodPrefix = periodPrefix
        self.deadline = deadline
        self.badgeList = badgeList
        self.summary = summary
        self.format = format
        self.cities = cities
        self.results = results
        self.labels = labels
    }

    static func keys<T>(_ get: @escaping @Sendable (T) -> ParticipationFields) -> [ViewKey<T>] {
        [
            .text("title", "The participation format's title.") { get($0).title },
            .text("href", "Its address.") { get($0).href },
            .text("status", "Its status: geplant, laufend, abgeschlossen or abgesagt (for CSS classes).") { get($0).status },
            .text("statusLabel", "Its status in words (Läuft, Geplant, Abgeschlossen, Abgesagt).") { get($0).statusLabel },
            .object("when", WhenView.fields, "Its period as <time> parts.") { get($0).when },
            .optionalText("periodPrefix", "'Seit' (running) or 'Ab' (planned) before the start of a format without an end; absent otherwise.") { get($0).periodPrefix },
            .optionalObject("deadline", TimePoint.fields, "Its end while it runs (shown as 'Noch bis …'); absent otherwise.") { get($0).deadline },
            .optionalObject("badgeList", BadgeList.fields, "Its fields as badges; absent when it has none.") { get($0).badgeList },
            .optionalText("summary", "Its summary.") { get($0).summary },
            .optionalText("format", "Its format (Umfrage, Workshop, …).") { get($0).format },
            .optionalText("cities", "Its cities (Dortmund und Schwerte).") { get($0).cities },
            .optionalObject("results", ResultsLinkView.fields, "Where its results are told; absent when it has none.") { get($0).results },
            .texts("labels", "'Entwurf' in the preview server (partials/labels).") { get($0).labels },
            .optionalText("lang", "The language of its title, summary and text when it is not the page's (front matter `lang`); absent otherwise. Templates put it on exactly those elements (WCAG 3.1.2), never around the UI.") { get($0).lang },
        ]
    }
}

/// A participation format as lists show it (`partials/card-participation`): one object per item
/// and build, so its card is rendered once for every list that shows it.
final class ParticipationCard: TemplateView, @unchecked Sendable {  // `storedFingerprint` is set in init only
    let item: ParticipationFields
    private(set) var storedFingerprint: UInt64?
    init(_ item: ParticipationFields) {
        self.item = item
        storedFingerprint = Fingerprint.of(self)
    }
    var memoIdentity: AnyObject? { self }
    static let fields = Fields<ParticipationCard>("ParticipationCard", "A participation format in a list (partials/card-participation).",
                                                  ParticipationFields.keys { $0.item })
}

final class ParticipationCardList: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    let items: [ParticipationCard]
    init(items: [ParticipationCard]) { self.items = items }

    static let fields = Fields<ParticipationCardList>("ParticipationCardList", "Participation formats as {{#items}}.", [
        .list("items", ParticipationCard.fields, "The participation formats.") { $0.items },
    ])
}

/// One way to take part ("So machen Sie mit").
final class ParticipateLinkView: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    let label, href, kind: String
    /// For an event: when it takes place.
    let note: String?
    init(label: String, href: String, kind: String, note: String?) {
        self.label = label
        self.href = href
        self.kind = kind
        self.note = note
    }

    static let fields = Fields<ParticipateLinkView>("ParticipateLink", "One way to take part.", [
        .text("label", "The link's text.") { $0.label },
        .text("href", "Its address (https, mailto:, tel: or an event's page).") { $0.href },
        .text("kind", "web, mail, phone or event (for an icon).") { $0.kind },
        .optionalText("note", "For an event: when it takes place.") { $0.note },
    ])
}

final class ParticipateList: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    let items: [ParticipateLinkView]
    init(items: [ParticipateLinkView]) { self.items = items }

    static let fields = Fields<ParticipateList>("ParticipateList", "The ways to take part as {{#items}}.", [
        .list("items", ParticipateLinkView.fields, "The links.") { $0.items },
    ])
}

final class ParticipationDetail: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    let item: ParticipationFields
    let html: MarkdownHTML
    /// Shown while one can still take part (planned or running).
    let participate: [ParticipateLinkView]
    let events: [EventCard]
    let projects: [ProjectCard]
    /// Why one cannot take part (any more): finished or cancelled.
    let notice: String?

    init(item: ParticipationFields, html: MarkdownHTML, participate: [ParticipateLinkView], events: [EventCard], projects: [ProjectCard],
         notice: String?) {
        self.notice = notice
        self.item = item
        self.html = html
        self.participate = participate
        self.events = events
        self.projects = projects
    }

    static let fields = Fields<ParticipationDetail>("Participation", "A participation format on its own page: the card's keys and more.", ParticipationFields.keys { $0.item } + [
        .html("html", "Its text as HTML; print with {{{html}}}.") { .deferredHTML($0.html) },
        .optionalObject("participateList", ParticipateList.fields, "How to take part, while it is planned or running; absent otherwise.") { $0.participate.isEmpty ? nil : ParticipateList(items: $0.participate) },
        .optionalObject("eventList", EventCardList.fields, "The events that name it; absent when none do.") { $0.events.isEmpty ? nil : EventCardList(items: $0.events) },
        .optionalObject("projectList", ProjectCardList.fields, "Its related projects; absent when it has none.") { $0.projects.isEmpty ? nil : ProjectCardList(items: $0.projects) },
        .optionalText("notice", "'Diese Beteiligung ist abgeschlossen.' or '… wurde abgesagt.'; absent while one can take part.") { $0.notice },
    ])
}

final class ParticipationPage: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    let frame: PageFrame
    let participation: ParticipationDetail
    let listHref: String
    init(frame: PageFrame, participation: ParticipationDetail, listHref: String) {
        self.frame = frame
        self.participation = participation
        self.listHref = listHref
    }

    static let fields = Fields<ParticipationPage>("participation.mustache", "A participation format.", PageFrame.fields { $0.frame } + [
        .object("participation", ParticipationDetail.fields, "The participation format.") { $0.participation },
        .text("listHref", "Address of all participation formats.") { $0.listHref },
    ])
}

/// The participation formats of one status on the list page.
final class ParticipationGroup: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    let status, heading: String
    let items: [ParticipationCard]
    init(status: ParticipationStatus, heading: String, items: [ParticipationCard]) {
        self.status = status.rawValue
        self.heading = heading
        self.items = items
    }

    static let fields = Fields<ParticipationGroup>("ParticipationGroup", "The participation formats of one status.", [
        .text("status", "The status code (laufend, geplant, abgeschlossen, abgesagt).") { $0.status },
        .text("heading", "The group's heading.") { $0.heading },
        .number("count", "How many.") { $0.items.count },
        .list("items", ParticipationCard.fields, "The participation formats.") { $0.items },
    ])
}

final class ParticipationListPage: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    let frame: PageFrame
    let intro: String
    let groups: [ParticipationGroup]
    let ideasHref, feedHref, dataHref: String
    let calendar: CalendarLinks
    init(frame: PageFrame, intro: String, groups: [ParticipationGroup], ideasHref: String, feedHref: String, dataHref: String,
         calendar: CalendarLinks) {
        self.frame = frame
        self.intro = intro
        self.groups = groups
        self.ideasHref = ideasHref
        self.feedHref = feedHref
        self.dataHref = dataHref
        self.calendar = calendar
    }

    static let fields = Fields<ParticipationListPage>("participation-list.mustache", "All participation formats: running, planned, finished, cancelled.", PageFrame.fields { $0.frame } + [
        .text("intro", "The intro (site.yml participation.intro, else the UI string).") { $0.intro },
        .list("groups", ParticipationGroup.fields, "One group per status that has formats: running, planned, finished, cancelled.") { $0.groups },
        .text("ideasHref", "Address of the idea pool.") { $0.ideasHref },
        .text("feedHref", "Address of the participation feed.") { $0.feedHref },
        .text("dataHref", "Address of the open data file.") { $0.dataHref },
        .object("calendar", CalendarLinks.fields, "The site's calendar, which has each format's last day.") { $0.calendar },
    ])
}
