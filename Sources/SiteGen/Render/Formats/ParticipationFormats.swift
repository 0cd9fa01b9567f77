/// Participation formats in the feeds and calendars (the calls stand in `FormatRenderer`).
extension FormatRenderer {
    var participation: [Participation] { site.publicParticipation }

    /// The participation feed: every published format, latest content date first.
    func participationEntries() -> [FeedEntry] {
        Array(participation.map(participationEntry).sorted(by: Self.newestFirst).prefix(Self.listFeedSize))
    }

    /// An entry's date is the last change of its status that the build's "now" has passed (its
    /// end once it is over), else its start, so an entry changes when its status does and
    /// never with the build's clock.
    static func contentDate(_ p: Participation, now: DateTime) -> DateTime {
        p.status(at: now) == .abgeschlossen ? p.endsAt ?? p.start : p.start
    }

    func participationEntry(_ p: Participation) -> FeedEntry {
        let urls = site.urls
        let now = site.options.now
        let status = p.status(at: now)
        let statusLabel = strings["participation.status.\(status.rawValue)"]
        // "Läuft: Seit …" for a format without an end, as its card and the search say it.
        let period = p.periodText(strings, dates: LocalDates(language: site.config.language), now: now)
        var html = "<p><strong>\(xmlText(statusLabel)): \(xmlText(period))</strong></p>"
        if let f = p.format { html += "<p>\(xmlText(f))</p>" }
        if let s = p.summary { html += "<p>\(xmlText(s))</p>" }
        let title = status == .abgesagt ? "\(statusLabel): \(p.title)" : p.title
        return FeedEntry(url: urls.absolute(urls.participation(p)), title: title, updated: Self.contentDate(p, now: now), published: nil,
                         author: nil, categories: site.fields.filter { p.fields.contains($0.slug) }.map { ($0.slug, $0.title) },
                         summary: p.summary, contentHTML: html, language: p.lang)
    }

    /// The calendar entries of the formats of a field of action (all formats for nil): the last
    /// day to take part, as an all-day entry; formats without an end have none.
    func participationCalendarEntries(field: String? = nil) -> [String] {
        let ics = ICalendar(site: site, strings: strings)
        return participation.filter { field == nil || $0.fields.contains(field!) }.compactMap(ics.lastDayEntry)
    }
}

extension ICalendar {
    /// `UID` of a format's entry: its content path without `.md`, at the site's host.
    static func uid(_ p: Participation, host: String) -> String {
        var path = p.source.path
        if path.hasSuffix(".md") { path.removeLast(3) }
        return "\(path)@\(host)"
    }

    /// An all-day VEVENT on the last day one can take part in `p`; nil without an end.
    func lastDayEntry(_ p: Participation) -> String? {
        guard let day = p.lastDay, let endsAt = p.endsAt else { return nil }
        let page = site.urls.absolute(site.urls.participation(p))
        var w = ContentLines()
        w.add("BEGIN:VEVENT")
        w.add("UID:\(Self.uid(p, host: site.config.host))")
        w.add("DTSTAMP:" + Self.utcStamp(endsAt))
        w.add("DTSTART;VALUE=DATE:" + Self.basicDate(day))
        w.add("DTEND;VALUE=DATE:" + Self.basicDate(day + 1))
        var summary = strings.format("participation.lastDay", p.title)
        if p.cancelled { summary = "\(strings["participation.status.abgesagt"]): \(summary)" }
        w.add("SUMMARY:" + Self.escape(summary))
        w.add("DESCRIPTION:" + Self.escape(([p.summary, page] as [String?]).compactMap { $0 }.joined(separator: "\n\n")))
        w.add("URL:" + page)
        let categories = p.fields.compactMap { site.field($0)?.title }
        if !categories.isEmpty { w.add("CATEGORIES:" + categories.map(Self.escape).joined(separator: ",")) }
        w.add(p.cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED")
        // A deadline, not an appointment: it does not block the day.
        w.add("TRANSP:TRANSPARENT")
        w.add("END:VEVENT")
        return w.text
    }
}
