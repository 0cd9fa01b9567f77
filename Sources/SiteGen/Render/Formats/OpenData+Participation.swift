/// `mitmachen.json`: the published participation formats with their status at the build's "now"
/// (`docs/open-data.md`).
extension OpenData {
    /// `mitmachen.json` (follows `paths.participation`).
    static func participationPath(_ urls: URLScheme) -> String { "\(urls.prefix)\(urls.paths.participation).json" }

    var participation: [Participation] { site.publicParticipation }

    func participationJSON() -> JSON {
        let urls = site.urls
        let items: [JSON] = participation.map { p in
            let status = p.status(at: site.options.now)
            return .obj([
                ("id", .string(p.slug)), ("title", .string(p.title)), ("url", .string(urls.absolute(urls.participation(p)))),
                ("status", .string(status.rawValue)), ("statusLabel", .string(strings["participation.status.\(status.rawValue)"])),
                ("start", .string(p.start.iso8601)), ("end", date(p.end)), ("allDay", .bool(p.start.isDateOnly)),
                ("format", text(p.format)), ("summary", text(p.summary)),
                ("fields", fieldRefs(p.fields)), ("cities", .array(p.cities.map(JSON.string))),
                ("participate", .array(p.participate.compactMap(participateRef))),
                ("results", resultsURL(p).map(JSON.string) ?? .null),
                ("projects", .array(p.projects.compactMap { ref in site.projects.first { $0.source.path == ref.path } }.map { pr in
                    .obj([("id", .string(pr.slug)), ("title", .string(pr.title)), ("url", .string(urls.absolute(urls.project(pr))))])
                })),
                ("events", .array(site.events(of: p).filter { site.isPublic(draft: $0.draft) }.map { e in
                    .obj([("id", .string(ICalendar.uid(e, host: site.config.host))), ("title", .string(e.title)),
                          ("url", .string(urls.absolute(urls.event(e))))])
                })),
                ("language", .string(p.lang ?? site.config.language)),
            ])
        }
        return .obj(header(title: "\(strings["participation.title"]) – \(site.config.title)", description: strings["participation.description"],
                           path: Self.participationPath(urls), landing: urls.participationList, count: items.count)
                    + [("participation", .array(items))])
    }

    /// A way to take part as `{label, url, kind}`; a link to an event that is not published is left out.
    private func participateRef(_ link: ParticipationLink) -> JSON? {
        let urls = site.urls
        let (url, kind, label): (String, String, String?)
        switch link.target {
        case .web(let u): (url, kind, label) = (u, "web", link.label)
        case .mail(let mail): (url, kind, label) = (mail.href, "mail", link.label)
        case .phone(let number): (url, kind, label) = (PhoneNumber.href(number) ?? "", "phone", link.label ?? number)
        case .event(let path):
            guard let e = site.publicEvents.first(where: { $0.source.path == path }) else { return nil }
            (url, kind, label) = (urls.absolute(urls.event(e)), "event", link.label ?? e.title)
        }
        return .obj([("label", text(label)), ("url", .string(url)), ("kind", .string(kind))])
    }

    /// The absolute address of a format's results, if it has any that is published and shown.
    private func resultsURL(_ p: Participation) -> String? {
        guard let r = p.shownResults(at: site.options.now) else { return nil }
        let urls = site.urls
        switch r.target {
        case .web(let url): return url
        case .section(let id): return urls.absolute(urls.participation(p)) + "#" + id
        case .content(let path, let fragment):
            guard let page = site.pathBySource[path],
                  site.publicPosts.contains(where: { $0.source.path == path }) || site.publicPages.contains(where: { $0.source.path == path }) else { return nil }
            return urls.absolute(page) + (fragment.map { "#" + $0 } ?? "")
        }
    }

    /// The dates of the formats for `dct:modified`: each one's feed date (its status's last change).
    var participationDates: [DateTime] { participation.map { FormatRenderer.contentDate($0, now: site.options.now) } }
}
