/// Views of the pages that show one item: a post, an event, a project, a page, the strategy.
extension LayoutContext {
    func postView(_ p: Post, index: Int, html: MarkdownHTML, toc: [Heading]) -> [String: Any] {
        let urls = site.urls
        var post = postFields(p)
        post["html"] = html
        if let u = p.updated, u > p.date {
            post["updatedText"] = GermanDates.date(u)
            post["updatedISO"] = u.iso8601
        }
        if !p.tags.isEmpty { post["tags"] = p.tags }
        // Newer and older neighbours in the blog.
        var extra: [String: Any] = ["post": post]
        if index > 0 {
            let newer = site.posts[index - 1]
            extra["newer"] = ["title": newer.title, "href": urls.href(urls.post(newer))]
        }
        if index + 1 < site.posts.count {
            let older = site.posts[index + 1]
            extra["older"] = ["title": older.title, "href": urls.href(urls.post(older))]
        }
        if extra["newer"] != nil || extra["older"] != nil { extra["neighbourList"] = true }
        let image = p.image.flatMap { imageHref($0, from: p.source) }.map { site.config.baseURL + $0.dropFirst(site.urls.basePath.count) }
        var meta = Meta(title: p.title, description: p.summary, path: urls.post(p), section: .blog)
        meta.breadcrumbs = [(strings["nav.blog"], urls.blog), (p.title, nil)]
        meta.feeds = [(strings["feed.blog"], "\(urls.blog)feed.xml")]
        meta.jsonLD = [StructuredData.post(p, site: site, image: image)]
        meta.ogType = "article"
        meta.image = image
        meta.lang = p.lang
        return view(meta, extra)
    }

    func eventView(_ e: Event, html: MarkdownHTML) -> [String: Any] {
        let urls = site.urls
        var event = eventFields(e)
        event["html"] = html
        event["dateRange"] = GermanDates.range(e.start, e.end)
        event["when"] = when(e.start, e.end)
        if let end = e.end { event["endISO"] = end.iso8601 }
        if let l = e.location {
            var loc: [String: Any] = [:]
            if let n = l.name { loc["name"] = n }
            if let a = l.address { loc["address"] = a }
            event["location"] = loc
        }
        if let o = e.online { event["online"] = o }
        if let r = e.registration { event["registration"] = r }
        event["icsHref"] = urls.href(urls.event(e) + "termin.ics")
        event["isPast"] = e.endsAt <= site.options.now ? true : nil
        var meta = Meta(title: e.title, description: e.summary, path: urls.event(e), section: .events)
        meta.breadcrumbs = [(strings["nav.events"], urls.events), (e.title, nil)]
        meta.feeds = [(strings["feed.events"], "\(urls.events)feed.xml")]
        meta.jsonLD = [StructuredData.event(e, site: site)]
        meta.lang = e.lang
        return view(meta, ["event": event.compactValues])
    }

    func projectView(_ p: Project, html: MarkdownHTML) -> [String: Any] {
        let urls = site.urls
        var project = projectFields(p)
        project["html"] = html
        if !p.partners.isEmpty { project["partnersText"] = p.partners.joined(separator: ", ") }
        if let s = p.start { project["startText"] = GermanDates.monthYear(s) }
        if let e = p.end { project["endText"] = GermanDates.monthYear(e) }
        let related = p.fields.first.map { index.posts(of: $0).prefix(3).map(postCard) } ?? []
        var meta = Meta(title: p.title, description: p.summary, path: urls.project(p), section: .projects)
        meta.breadcrumbs = [(strings["nav.projects"], urls.projects), (p.title, nil)]
        meta.lang = p.lang
        var extra: [String: Any] = ["project": project]
        if !related.isEmpty { extra["related"] = ["items": Array(related)] }
        return view(meta, extra)
    }

    func pageView(_ p: Page, html: MarkdownHTML) -> [String: Any] {
        var meta = Meta(title: p.title, description: p.summary, path: site.urls.page(p), section: .page)
        meta.breadcrumbs = [(p.title, nil)]
        meta.lang = p.lang
        return view(meta, ["content": ["title": p.title, "html": html]])
    }

    func strategyView(_ s: Strategy, html: MarkdownHTML) -> [String: Any] {
        let urls = site.urls
        var strategy: [String: Any] = ["title": s.title, "html": html]
        if let pdf = strategyDownload(s) { strategy["pdf"] = pdf }
        if let d = s.published { strategy["publishedText"] = GermanDates.date(d); strategy["publishedISO"] = d.iso8601 }
        if let sum = s.summary { strategy["summary"] = sum }
        var meta = Meta(title: s.title, description: s.summary, path: urls.strategy, section: .strategy)
        meta.breadcrumbs = [(s.title, nil)]
        return view(meta, ["strategy": strategy])
    }

    /// Start and end as two `<time>` elements: `start` and, for a range, `end` with the separator
    /// written between them ("Dienstag, 22. September 2026, 14:30" "–" "20:00 Uhr").
    func when(_ start: DateTime, _ end: DateTime?) -> [String: Any] {
        func part(_ d: DateTime, _ text: String) -> [String: Any] { ["iso": d.iso8601, "text": text] }
        guard let end, end != start else { return ["start": part(start, GermanDates.dateTime(start))] }
        let s = start.local, e = end.local
        if start.isDateOnly {
            if s.dayNumber >= e.dayNumber { return ["start": part(start, GermanDates.longDate(start))] }
            let startText = s.year == e.year ? "\(GermanText.weekdays[s.weekday]), \(s.day). \(GermanText.months[s.month - 1])" : GermanDates.longDate(start)
            return ["start": part(start, startText), "end": part(end, GermanDates.longDate(end)).merging(["separator": " bis "]) { a, _ in a }]
        }
        if s.dayNumber == e.dayNumber {
            return ["start": part(start, "\(GermanDates.longDate(start)), \(s.timeString(seconds: false))"),
                    "end": part(end, GermanDates.time(end)).merging(["separator": "–"]) { a, _ in a }]
        }
        return ["start": part(start, GermanDates.dateTime(start)),
                "end": part(end, GermanDates.dateTime(end)).merging(["separator": " bis "]) { a, _ in a }]
    }

    /// The download link with format and size: "Smart-City-Strategie DOS 2030 (PDF, 4,2 MB)";
    /// nil when the PDF is not there (the build reports that once, at strategy.md's `pdf`).
    func strategyDownload(_ s: Strategy) -> [String: Any]? {
        guard s.pdfIsRemote || site.strategyPDFSize != nil else { return nil }
        let href = s.pdfIsRemote ? s.pdf : site.urls.href(resolveContentPath(s.pdf, from: s.source.path) ?? s.pdf)
        var info = "PDF"
        if let size = site.strategyPDFSize { info += ", " + GermanText.fileSize(size) }
        return ["href": href, "title": s.title, "info": info, "label": "\(s.title) (\(info))"]
    }
}

extension Dictionary where Key == String, Value == Any {
    /// Drops nil optionals (swift-mustache would print "nil" for them).
    var compactValues: [String: Any] {
        filter { _, value in !((value as? OptionalValue)?.isNone ?? false) }
    }
}

/// Lets `compactValues` see a nil inside `Any` with one cast (`Mirror` made an object per value).
private protocol OptionalValue {
    var isNone: Bool { get }
}

extension Optional: OptionalValue {
    var isNone: Bool { self == nil }
}
