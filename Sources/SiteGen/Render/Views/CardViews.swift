/// Short views of posts, events and projects for lists and cards.
extension LayoutContext {
    static let postCardTemplate = "partials/card-post"
    static let eventCardTemplate = "partials/card-event"
    static let projectCardTemplate = "partials/card-project"

    /// An item as lists show it: its card (see `CardView`), made once per build.
    func postCard(_ p: Post) -> CardView { cards.card(.post(p)) }
    func eventCard(_ e: Event) -> CardView { cards.card(.event(e)) }
    func projectCard(_ p: Project) -> CardView { cards.card(.project(p)) }

    /// What a post's card and page show about it.
    func postFields(_ p: Post) -> [String: Any] { itemFields.post(p) }
    func eventFields(_ e: Event) -> [String: Any] { itemFields.event(e) }
    func projectFields(_ p: Project) -> [String: Any] { itemFields.project(p) }

    /// Site URL of an image named in front matter.
    func imageHref(_ image: String, from source: SourceRef) -> String? { itemFields.imageHref(image, from: source) }

    /// The badges of an item's fields for `partials/badges`, or nil when it has none.
    func badgeList(_ slugs: [String]) -> [String: Any]? { itemFields.badgeList(slugs) }

    func fieldCard(_ f: Field) -> [String: Any] {
        var v = fieldBadges[f.slug] ?? [:]
        if let s = f.summary { v["summary"] = s }
        let projects = index.projects(of: f.slug).count
        let posts = index.posts(of: f.slug).count
        let events = index.upcomingEvents(of: f.slug).count
        v["counts"] = strings.format("field.counts", strings.count("field.count.projects", projects),
                                     strings.count("field.count.posts", posts), strings.count("field.count.events", events))
        v["projectCount"] = projects
        v["postCount"] = posts
        return v
    }
}

/// What the card and the page of a post, event or project show about it. Apart from
/// `LayoutContext`, so that the card cache can keep it without keeping itself.
struct ItemFields: @unchecked Sendable {  // the views inside are never changed
    let urls: URLScheme
    let strings: UIStrings
    /// Per field slug, its badge (title, link, number, colour, icon).
    let fieldBadges: [String: [String: Any]]
    let options: BuildOptions

    func post(_ p: Post) -> [String: Any] {
        var v: [String: Any] = ["title": p.title, "href": urls.href(urls.post(p)), "dateText": GermanDates.date(p.date),
                                "dateISO": p.date.iso8601, "badgeList": badgeList(p.fields) as Any].compactValues
        if let s = p.summary { v["summary"] = s }
        if let a = p.author { v["author"] = a }
        if let image = p.image, let src = imageHref(image, from: p.source) {
            v["image"] = ["src": src, "alt": p.imageAlt ?? ""]
        }
        addLabels(&v, draft: p.draft, scheduled: p.date > options.now)
        return v
    }

    func event(_ e: Event) -> [String: Any] {
        var v: [String: Any] = ["title": e.title, "href": urls.href(urls.event(e)), "dateText": GermanDates.range(e.start, e.end),
                                "startISO": e.start.iso8601, "day": GermanDates.dayNumber(e.start),
                                "month": GermanDates.monthShort(e.start), "year": String(e.start.local.year),
                                "badgeList": badgeList(e.fields) as Any].compactValues
        if let s = e.summary { v["summary"] = s }
        if let f = e.format { v["format"] = f }
        if let place = placeText(e) { v["place"] = place }
        if e.status != .geplant { v["statusLabel"] = strings["event.status.\(e.status.rawValue)"] }
        addLabels(&v, draft: e.draft, scheduled: false)
        return v
    }

    func project(_ p: Project) -> [String: Any] {
        var v: [String: Any] = ["title": p.title, "href": urls.href(urls.project(p)), "statusLabel": p.status.label,
                                "status": p.status.rawValue, "badgeList": badgeList(p.fields) as Any].compactValues
        if let c = p.code { v["code"] = c }
        if let s = p.summary { v["summary"] = s }
        if !p.cities.isEmpty { v["cities"] = GermanText.list(p.cities) }
        addLabels(&v, draft: p.draft, scheduled: false)
        return v
    }

    /// The badges of an item's fields for `partials/badges`, or nil when it has none.
    func badgeList(_ slugs: [String]) -> [String: Any]? {
        let items = slugs.compactMap { fieldBadges[$0] }
        return items.isEmpty ? nil : ["items": items]
    }

    /// "Dortmunder U, Leonie-Reygers-Terrasse, 44137 Dortmund" or "Online".
    func placeText(_ e: Event) -> String? {
        var parts: [String] = []
        if let n = e.location?.name { parts.append(n) }
        if let a = e.location?.address { parts.append(a) }
        if parts.isEmpty, e.online != nil { return strings["event.online"] }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// Site URL of an image named in front matter.
    func imageHref(_ image: String, from source: SourceRef) -> String? {
        guard !isRemote(image), let path = resolveContentPath(image, from: source.path) else { return nil }
        return urls.href(path)
    }

    /// "Entwurf" and "Geplant" labels appear only in the preview server.
    private func addLabels(_ v: inout [String: Any], draft: Bool, scheduled: Bool) {
        guard options.preview else { return }
        var labels: [String] = []
        if draft { labels.append(strings["label.draft"]) }
        if scheduled { labels.append(strings["label.scheduled"]) }
        if !labels.isEmpty { v["labels"] = labels }
    }
}
