/// Views of participation formats: cards, a format's page, the list of all of them.
extension LayoutContext {
    var now: DateTime { site.options.now }

    func participationCard(_ p: Participation) -> ParticipationCard {
        participationCards.card(p.id) { ParticipationCard(participationFields(p)) }
    }

    func participationFields(_ p: Participation) -> ParticipationFields {
        let status = p.status(at: now)
        var deadline: TimePoint?
        if status == .laufend, let end = p.end {
            deadline = TimePoint(iso: end.iso8601, text: dates.endWithTime(end))
        }
        let prefix = p.periodPrefix(strings, now: now)
        let fields = ParticipationFields(title: p.title, href: site.urls.href(site.urls.participation(p)), status: status,
                                   statusLabel: strings["participation.status.\(status.rawValue)"], when: when(p.start, p.end),
                                   periodPrefix: prefix, deadline: deadline, badgeList: badgeList(p.fields), summary: p.summary,
                                   format: p.format, cities: p.cities.isEmpty ? nil : dates.list(p.cities),
                                   results: resultsLink(p), labels: itemFields.labels(draft: p.draft, scheduled: false))
        fields.lang = itemFields.partLanguage(p.lang)
        return fields
    }

    /// Where a format's results are: a post or page (named by its title), another site, or a
    /// section of its own text (those two named for screen readers by the format's title).
    func resultsLink(_ p: Participation) -> ResultsLinkView? {
        guard let r = p.shownResults(at: now) else { return nil }
        let urls = site.urls
        let general = { (href: String) in ResultsLinkView(href: href, text: self.strings["participation.resultsLink"], context: ": " + p.title) }
        switch r.target {
        case .web(let url): return general(url)
        case .section(let id): return general(urls.href(urls.participation(p)) + "#" + id)
        case .content(let path, let fragment):
            guard let page = site.pathBySource[path] else { return nil }
            let href = urls.href(page) + (fragment.map { "#" + $0 } ?? "")
            let named = { (source: SourceRef) in source.path == path }
            guard let title = (site.posts.first { named($0.source) } ?? site.originalPosts.first { named($0.source) })?.title
                ?? (site.pages.first { named($0.source) } ?? site.originalPages.first { named($0.source) })?.title
            else { return general(href) }
            return ResultsLinkView(href: href, text: strings.format("participation.resultsOf", title), context: nil)
        }
    }

    func participationView(_ p: Participation, html: MarkdownHTML) -> ParticipationPage {
        let urls = site.urls
        let status = p.status(at: now)
        let open = status == .geplant || status == .laufend
        let detail = ParticipationDetail(item: participationFields(p), html: html, participate: open ? participateLinks(p) : [],
                                         events: site.events(of: p).map(eventCard),
                                         projects: p.projects.compactMap(projectCard),
                                         notice: open ? nil : strings["participation.notice.\(status.rawValue)"])
        var meta = Meta(title: p.title, description: p.summary, path: urls.participation(p), section: .participation)
        meta.breadcrumbs = [(strings["nav.participation"], urls.participationList), (p.title, nil)]
        meta.feeds = [(strings["feed.participation"], FormatRenderer.feedPath(urls.participationList))]
        meta.jsonLD = [StructuredData.participation(p, site: site)]
        meta.lang = p.lang
        return ParticipationPage(frame: frame(meta), participation: detail, listHref: urls.href(urls.participationList))
    }

    /// The card of a project a format names: this site's, or in a version the original's
    /// (at the original's address, where it has no translation).
    func projectCard(_ ref: ContentRef) -> ProjectCard? {
        if let own = site.projects.first(where: { $0.source.path == ref.path }) { return projectCard(own) }
        guard let original = site.originalProjects.first(where: { $0.source.path == ref.path }), let page = site.pathBySource[ref.path] else { return nil }
        let fields = projectFields(original)
        fields.href = site.urls.href(page)
        return ProjectCard(fields)
    }

    /// The ways to take part, each with a text that names where it leads.
    func participateLinks(_ p: Participation) -> [ParticipateLinkView] {
        p.participate.compactMap { link in
            switch link.target {
            case .web(let url):
                return ParticipateLinkView(label: link.label ?? url, href: url, kind: "web", note: nil)
            case .mail(let mail):
                return ParticipateLinkView(label: link.label ?? strings.format("participation.mailTo", mail.address), href: mail.href, kind: "mail", note: nil)
            case .phone(let number):
                // The number stays visible beside a label ("Hotline: 0800 …"): on a computer it is read, not dialled.
                let label = link.label.map { strings.format("participation.phoneLabeled", $0, number) } ?? strings.format("participation.phone", number)
                return ParticipateLinkView(label: label,
                                           href: PhoneNumber.href(number) ?? "", kind: "phone", note: nil)
            case .event(let path):
                // In a version, an event without a translation is the original's, at its address.
                guard let e = site.events.first(where: { $0.source.path == path }) ?? site.originalEvents.first(where: { $0.source.path == path }),
                      let page = site.pathBySource[path] else { return nil }
                return ParticipateLinkView(label: link.label ?? e.title, href: site.urls.href(page), kind: "event",
                                           note: dates.range(e.start, e.end))
            }
        }
    }

    func participationListView() -> ParticipationListPage {
        let urls = site.urls
        let list = urls.participationList
        var meta = Meta(title: strings["participation.title"], description: strings["participation.description"], path: list, section: .participation)
        meta.breadcrumbs = [(strings["nav.participation"], nil)]
        meta.feeds = [(strings["feed.participation"], FormatRenderer.feedPath(list))]
        let groups = participationByStatus(site.participation).map { status, items in
            ParticipationGroup(status: status, heading: strings["participation.group.\(status.rawValue)"], items: items.map(participationCard))
        }
        return ParticipationListPage(frame: frame(meta), intro: site.config.participationSettings.intro ?? strings["participation.intro"],
                                     groups: groups, ideasHref: urls.href(urls.ideas), feedHref: urls.href(FormatRenderer.feedPath(list)),
                                     dataHref: urls.href(OpenData.participationPath(urls)),
                                     calendar: calendarLinks(urls.calendar(urls.events)))
    }

    /// The formats by status, running first (ending soonest first), then planned (starting soonest
    /// first), finished (latest end first) and cancelled; empty groups are left out.
    func participationByStatus(_ items: [Participation]) -> [(ParticipationStatus, [Participation])] {
        let order: [ParticipationStatus] = [.laufend, .geplant, .abgeschlossen, .abgesagt]
        let far = DateTime(epochSeconds: .max)
        return order.compactMap { status in
            var group = items.filter { $0.status(at: now) == status }
            switch status {
            case .laufend: group.sort { ($0.endsAt ?? far, $0.start) < ($1.endsAt ?? far, $1.start) }
            case .abgeschlossen: group.sort { ($0.endsAt ?? $0.start) > ($1.endsAt ?? $1.start) }
            case .abgesagt: group.sort { $0.start > $1.start }
            case .geplant: break  // the site's order: soonest start first
            }
            return group.isEmpty ? nil : (status, group)
        }
    }

    /// The formats one can take part in now, ending soonest first ("Jetzt mitmachen").
    func runningParticipation() -> [Participation] {
        participationByStatus(site.participation).first { $0.0 == .laufend }?.1 ?? []
    }

    /// The formats of a field of action, in the list page's order.
    func participation(of field: String) -> [Participation] {
        participationByStatus(site.participation.filter { $0.fields.contains(field) }).flatMap(\.1)
    }
}

/// One card per participation format for the whole build (there are few).
final class ParticipationCardCache: @unchecked Sendable {  // `cards` is guarded by `lock`
    private let lock = NSLockLite()
    private var cards: [String: ParticipationCard] = [:]

    /// The card of `id`, made outside the lock the first time; the first one stored wins.
    func card(_ id: String, make: () -> ParticipationCard) -> ParticipationCard {
        if let card = lock.locked({ cards[id] }) { return card }
        let made = make()
        return lock.locked {
            if let card = cards[id] { return card }
            cards[id] = made
            return made
        }
    }
}

extension Participation {
    /// "Ab" before the start of a format without an end, "Seit" after it: a lone date would read
    /// as a one-day format. Nil with an end. Cards, pages, search results and feeds say it alike.
    /// By the start, not the status: a format cancelled before its start never ran ("Seit").
    func periodPrefix(_ strings: UIStrings, now: DateTime) -> String? {
        end != nil ? nil : strings[now < start ? "participation.from" : "participation.since"]
    }

    /// The period as one text, with its prefix ("Seit Samstag, 1. März 2025"): search results and feeds.
    func periodText(_ strings: UIStrings, dates: LocalDates, now: DateTime) -> String {
        let period = dates.range(start, end)
        return periodPrefix(strings, now: now).map { "\($0) \(period)" } ?? period
    }
}
