import MustacheEngine

/// Short views of posts, events and projects for lists and cards.
extension LayoutContext {
    /// An item as lists show it: its card, made once per build.
    func postCard(_ p: Post) -> PostCard { cards.post(p) }
    func eventCard(_ e: Event) -> EventCard { cards.event(e) }
    func projectCard(_ p: Project) -> ProjectCard { cards.project(p) }

    /// What a post's card and page show about it.
    func postFields(_ p: Post) -> PostFields { itemFields.post(p) }
    func eventFields(_ e: Event) -> EventFields { itemFields.event(e) }
    func projectFields(_ p: Project) -> ProjectFields { itemFields.project(p) }

    /// The badges of an item's fields, or nil when it has none.
    func badgeList(_ slugs: [String]) -> BadgeList? { itemFields.badgeList(slugs) }

    func fieldCard(_ f: Field) -> FieldCard {
        let projects = index.projects(of: f.slug).count
        let posts = index.posts(of: f.slug).count
        let events = index.upcomingEvents(of: f.slug).count
        let counts = strings.format("field.counts", strings.count("field.count.projects", projects),
                                    strings.count("field.count.posts", posts), strings.count("field.count.events", events))
        let card = FieldCard(badge: fieldBadges[f.slug]!, summary: f.summary, counts: counts, projectCount: projects, postCount: posts)
        card.labels = itemFields.labels(draft: f.draft, scheduled: false)
        return card
    }
}

/// What the card and the page of a post, event or project show about it.
struct ItemFields: Sendable {
    let urls: URLScheme
    let strings: UIStrings
    /// The language of the pages these views are on: an item in another one is marked.
    var language = "de" { didSet { dates = LocalDates(language: language) } }
    /// Dates, lists and sizes in `language`.
    private(set) var dates = LocalDates(language: "de")
    /// Per field slug, its badge (title, link, number, colour, icon).
    let fieldBadges: [String: FieldBadge]
    let options: BuildOptions
    /// The photos' sizes and formats.
    var images = ImageCatalog.empty

    func post(_ p: Post) -> PostFields {
        let image = imageViews(p)
        let fields = PostFields(title: p.title, href: urls.href(urls.post(p)), dateText: dates.date(p.date), dateISO: p.date.iso8601,
                   badgeList: badgeList(p.fields), summary: p.summary, author: p.author, image: image?.page, cardImage: image?.card,
                   labels: labels(draft: p.draft, scheduled: Publication.withheld(draft: false, date: p.date, now: options.now) == .future))
        fields.lang = partLanguage(p.lang)
        return fields
    }

    func event(_ e: Event) -> EventFields {
        let fields = EventFields(title: e.title, href: urls.href(urls.event(e)), dateText: dates.range(e.start, e.end),
                    startISO: e.start.iso8601, day: dates.dayNumber(e.start), month: dates.monthShort(e.start),
                    year: String(e.start.local.year), badgeList: badgeList(e.fields), summary: e.summary, format: e.format,
                    place: placeText(e), statusLabel: e.status != .geplant ? strings["event.status.\(e.status.rawValue)"] : nil,
                    labels: labels(draft: e.draft, scheduled: false))
        fields.lang = partLanguage(e.lang)
        return fields
    }

    func project(_ p: Project) -> ProjectFields {
        let fields = ProjectFields(title: p.title, href: urls.href(urls.project(p)), statusLabel: strings["project.statusName.\(p.status.rawValue)"], status: p.status.rawValue,
                      badgeList: badgeList(p.fields), code: p.code, summary: p.summary,
                      cities: p.cities.isEmpty ? nil : dates.list(p.cities), labels: labels(draft: p.draft, scheduled: false))
        fields.lang = partLanguage(p.lang)
        return fields
    }

    /// An item's `lang` when its words are in another language than the page around them.
    func partLanguage(_ lang: String?) -> String? { lang == language ? nil : lang }

    /// The badges of an item's fields, or nil when it has none.
    func badgeList(_ slugs: [String]) -> BadgeList? {
        let items = slugs.compactMap { fieldBadges[$0] }
        return items.isEmpty ? nil : BadgeList(items: items)
    }

    /// "Dortmunder U, Leonie-Reygers-Terrasse, 44137 Dortmund" or "Online".
    func placeText(_ e: Event) -> String? {
        var parts: [String] = []
        if let n = e.location?.name { parts.append(n) }
        if let a = e.location?.address { parts.append(a) }
        if parts.isEmpty, e.online != nil { return strings["event.online"] }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// "Entwurf" and "Geplant" labels, wherever drafts or future posts are shown (the preview,
    /// `build --drafts`, `--future`): a published site has neither.
    func labels(draft: Bool, scheduled: Bool) -> [String] {
        guard options.preview || options.drafts || options.future else { return [] }
        var labels: [String] = []
        if draft { labels.append(strings["label.draft"]) }
        if scheduled { labels.append(strings["label.scheduled"]) }
        return labels
    }
}

/// One card per item for a whole build (or until `removeAll`): a card's partial is rendered once
/// for it and reused by every list that shows it.
final class CardCache: @unchecked Sendable {  // the dictionaries are guarded by `lock`
    private let fields: ItemFields
    private let lock = NSLockLite()
    private var posts: [String: PostCard] = [:]
    private var events: [String: EventCard] = [:]
    private var projects: [String: ProjectCard] = [:]

    init(fields: ItemFields) { self.fields = fields }

    func post(_ p: Post) -> PostCard { card(p.id, in: \.posts) { PostCard(fields.post(p)) } }
    func event(_ e: Event) -> EventCard { card(e.id, in: \.events) { EventCard(fields.event(e)) } }
    func project(_ p: Project) -> ProjectCard { card(p.id, in: \.projects) { ProjectCard(fields.project(p)) } }

    /// The card of `id`, made outside the lock the first time (two threads may both make it; the
    /// first one stored wins, so every list shares one object).
    private func card<Card>(_ id: String, in cards: ReferenceWritableKeyPath<CardCache, [String: Card]>, make: () -> Card) -> Card {
        if let card = lock.locked({ self[keyPath: cards][id] }) { return card }
        let made = make()
        return lock.locked {
            if let card = self[keyPath: cards][id] { return card }
            self[keyPath: cards][id] = made
            return made
        }
    }

    /// Lets the cards go once the lists are rendered; a card asked for later is made again.
    func removeAll() {
        lock.locked {
            posts = [:]
            events = [:]
            projects = [:]
        }
    }
}
