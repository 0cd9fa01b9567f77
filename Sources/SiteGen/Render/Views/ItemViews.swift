/// Views of the pages that show one item: a post, an event, a project, a page, the strategy.
extension LayoutContext {
    func postView(_ p: Post, index: Int, html: MarkdownHTML, toc: [Heading]) -> PostPage {
        let urls = site.urls
        let dateLabel = switch Publication.withheld(draft: p.draft, date: p.date, now: site.options.now) {
        case .draft: strings["post.draftDated"]
        case .future: strings["post.scheduledFor"]
        case nil: strings["post.published"]
        }
        let tags = tagLinks(p)
        let post = PostDetail(item: postFields(p), html: html, tags: tags, dateLabel: dateLabel)
        if let u = p.updated, u > p.date {
            post.updatedText = dates.date(u)
            post.updatedISO = u.iso8601
        }
        // Newer and older neighbours in the blog.
        let newer = index > 0 ? site.posts[index - 1] : nil
        let older = index + 1 < site.posts.count ? site.posts[index + 1] : nil
        let image = itemFields.shareImage(p)
        var meta = Meta(title: p.title, description: p.summary, path: urls.post(p), section: .blog)
        meta.breadcrumbs = [(strings["nav.blog"], urls.blog), (p.title, nil)]
        meta.feeds = [(strings["feed.blog"], FormatRenderer.feedPath(urls.blog))]
        meta.jsonLD = [StructuredData.post(p, site: site, image: image, keywords: tags.map(\.name))]
        meta.ogType = "article"
        meta.image = image
        meta.lang = p.lang
        // Captures the item fields, not `self`: a closure holding this struct copies all of it.
        let itemFields = itemFields
        let link = { (n: Post) -> LinkView in
            let view = LinkView(title: n.title, href: urls.href(urls.post(n)))
            view.lang = itemFields.partLanguage(n.lang)
            return view
        }
        return PostPage(frame: frame(meta), post: post, newer: newer.map(link), older: older.map(link))
    }

    func eventView(_ e: Event, html: MarkdownHTML) -> EventPage {
        let urls = site.urls
        let location = e.location.map { LocationView(name: $0.name, address: $0.address) }
        // An event that is over invites no one to register (beside "has already taken place").
        let isPast = e.endsAt <= site.options.now
        let event = EventDetail(item: eventFields(e), html: html, dateRange: dates.range(e.start, e.end),
                                when: when(e.start, e.end), endISO: e.end?.iso8601, location: location,
                                online: e.online, registration: isPast ? nil : e.registration,
                                icsHref: urls.href(urls.eventCalendar(e)), isPast: isPast)
        event.registrationPhone = isPast ? nil : e.registrationPhone
        event.participation = site.participation(of: e).map { LinkView(title: $0.title, href: urls.href(urls.participation($0))) }
        event.updatedText = e.updated.map(dates.date)
        event.updatedISO = e.updated?.iso8601
        var meta = Meta(title: e.title, description: e.summary, path: urls.event(e), section: .events)
        meta.breadcrumbs = [(strings["nav.events"], urls.events), (e.title, nil)]
        meta.feeds = [(strings["feed.events"], FormatRenderer.feedPath(urls.events))]
        meta.jsonLD = [StructuredData.event(e, site: site)]
        meta.lang = e.lang
        return EventPage(frame: frame(meta), event: event)
    }

    func projectView(_ p: Project, html: MarkdownHTML) -> ProjectPage {
        let urls = site.urls
        let start = p.start.map(dates.monthYear), end = p.end.map(dates.monthYear)
        let project = ProjectDetail(item: projectFields(p), html: html,
                                    partnersText: p.partners.isEmpty ? nil : p.partners.joined(separator: ", "),
                                    startText: start, endText: end, periodText: periodText(start: start, end: end))
        let related = p.fields.first.map { index.posts(of: $0).prefix(3).map(postCard) } ?? []
        var meta = Meta(title: p.title, description: p.summary, path: urls.project(p), section: .projects)
        meta.breadcrumbs = [(strings["nav.projects"], urls.projects), (p.title, nil)]
        meta.lang = p.lang
        return ProjectPage(frame: frame(meta), project: project, related: Array(related))
    }

    func pageView(_ p: Page, html: MarkdownHTML) -> ContentPage {
        var meta = Meta(title: p.title, description: p.summary, path: site.urls.page(p), section: .page)
        meta.breadcrumbs = [(p.title, nil)]
        meta.lang = p.lang
        let content = ContentView(title: p.title, html: html)
        content.lang = itemFields.partLanguage(p.lang)
        content.labels = itemFields.labels(draft: p.draft, scheduled: false)
        // The home page in Leichte Sprache lists the other pages; without one, the standard page leichte-sprache does.
        let lists = p.isHome || (p.slug == EasyRead.listPage && !site.isEasyRead && site.easyRead.home == nil)
        if lists && !site.easyRead.pages.isEmpty {
            content.easyReadList = LinkList(items: site.easyRead.pages.map { LinkView(title: $0.title, href: site.urls.href($0.path)) })
        }
        return ContentPage(frame: frame(meta), content: content)
    }

    func strategyView(_ s: Strategy, html: MarkdownHTML) -> StrategyPage {
        let urls = site.urls
        let strategy = StrategyDetail(title: s.title, html: html, pdf: strategyDownload(s),
                                      publishedText: s.published.map(dates.date), publishedISO: s.published?.iso8601,
                                      summary: s.summary)
        strategy.overview = fieldOverview()
        var meta = Meta(title: s.title, description: s.summary, path: urls.strategy, section: .strategy)
        meta.breadcrumbs = [(s.title, nil)]
        return StrategyPage(frame: frame(meta), strategy: strategy)
    }

    /// A project's period: both ends, or "seit …" / "bis …" when only one is known (a start alone
    /// read as lasting one month).
    func periodText(start: String?, end: String?) -> String? {
        switch (start, end) {
        case let (s?, e?): return s == e ? s : "\(s) – \(e)"
        case let (s?, nil): return strings.format("project.since", s)
        case let (nil, e?): return strings.format("project.until", e)
        case (nil, nil): return nil
        }
    }

    /// Start and end as two `<time>` elements, in the words of the range's text
    /// (`LocalDates.rangeParts`): "Dienstag, 22. September 2026, 14:30" "–" "20:00 Uhr".
    func when(_ start: DateTime, _ end: DateTime?) -> WhenView {
        let text = dates.rangeParts(start, end)
        let from = TimePoint(iso: start.iso8601, text: text.start)
        guard let end, let endText = text.end else { return WhenView(start: from) }
        return WhenView(start: from, end: TimePoint(iso: end.iso8601, text: endText, separator: text.separator))
    }

    /// The download link with format and size: "Smart-City-Strategie DOS 2030 (PDF, 4,2 MB)";
    /// nil when the PDF is not there (the build reports that once, at strategy.md's `pdf`).
    func strategyDownload(_ s: Strategy) -> DownloadView? {
        guard s.pdfIsRemote || site.strategyPDFSize != nil else { return nil }
        let href = s.pdfIsRemote ? s.pdf : site.urls.href(percentEncodedPath(resolveContentPath(s.pdf, from: s.source.path) ?? s.pdf))
        var info = "PDF"
        if let size = site.strategyPDFSize { info += ", " + dates.fileSize(size) }
        return DownloadView(href: href, title: s.title, info: info, label: "\(s.title) (\(info))")
    }
}

