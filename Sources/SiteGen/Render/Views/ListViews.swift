import MustacheEngine

/// Views of the pages that list items: home, blog, events, projects, fields, search, 404.
extension LayoutContext {
    func homeView() -> HomePage {
        let urls = site.urls
        var strategy: HomeStrategy?
        if let s = site.strategy {
            strategy = HomeStrategy(title: s.title, href: urls.href(urls.strategy), pdf: strategyDownload(s), summary: s.summary)
        }
        var meta = Meta(title: site.config.title, description: site.config.description, path: site.urls.home, section: .home)
        meta.isHome = true
        meta.feeds = [(strings["feed.blog"], FormatRenderer.feedPath(urls.blog)), (strings["feed.events"], FormatRenderer.feedPath(urls.events))]
        let home = HomePage(frame: frame(meta), fieldCards: site.fields.map(fieldCard),
                            latestPosts: site.posts.prefix(3).map(postCard),
                            nextEvents: index.upcomingEvents.prefix(3).map(eventCard),
                            projects: site.projects.filter { $0.status == .umsetzung }.prefix(6).map(projectCard),
                            blogHref: urls.href(urls.blog), eventsHref: urls.href(urls.events),
                            projectsHref: urls.href(urls.projects), fieldsHref: urls.href(urls.fields), strategy: strategy)
        home.participation = runningParticipation().prefix(6).map(participationCard)
        home.participationHref = urls.href(urls.participationList)
        return home
    }

    func blogView(_ page: Pagination) -> BlogPage {
        let urls = site.urls
        let title = page.page == 1 ? strings["blog.title"] : strings.format("blog.titlePage", page.page)
        var meta = Meta(title: title, description: strings["blog.description"], path: urls.paginated(urls.blog, page: page.page), section: .blog)
        meta.breadcrumbs = page.page == 1 ? [(strings["nav.blog"], nil)] : [(strings["nav.blog"], urls.blog), (strings.format("pagination.page", page.page), nil)]
        meta.feeds = [(strings["feed.blog"], FormatRenderer.feedPath(urls.blog))]
        return BlogPage(frame: frame(meta), posts: site.posts[page.range].map(postCard), feedHref: urls.href(FormatRenderer.feedPath(urls.blog)),
                        pagination: page.view(base: urls.blog, urls: urls, strings: strings),
                        tagsHref: site.tags.isEmpty ? nil : urls.href(urls.tags))
    }

    func eventListView() -> EventListPage {
        let urls = site.urls
        var meta = Meta(title: strings["events.title"], description: strings["events.description"], path: urls.events, section: .events)
        meta.breadcrumbs = [(strings["nav.events"], nil)]
        meta.feeds = [(strings["feed.events"], FormatRenderer.feedPath(urls.events))]
        return EventListPage(frame: frame(meta), upcoming: index.upcomingEvents.map(eventCard), past: index.pastEvents.map(eventCard),
                             calendar: calendarLinks(urls.calendar(urls.events)), feedHref: urls.href(FormatRenderer.feedPath(urls.events)))
    }

    func projectListView() -> ProjectListPage {
        let urls = site.urls
        // What is happening now first, then what comes next, and what is done last.
        let order: [ProjectStatus] = [.umsetzung, .planung, .idee, .abgeschlossen]
        let groups = order.compactMap { status -> ProjectGroup? in
            let items = site.projects.filter { $0.status == status }
            guard !items.isEmpty else { return nil }
            return ProjectGroup(status: status.rawValue, label: strings["project.statusName.\(status.rawValue)"], projects: items.map(projectCard))
        }
        var meta = Meta(title: strings["projects.title"], description: strings["projects.description"], path: urls.projects, section: .projects)
        meta.breadcrumbs = [(strings["nav.projects"], nil)]
        return ProjectListPage(frame: frame(meta), groups: groups, dataHref: urls.href("projekte.json"))
    }

    func fieldListView() -> FieldListPage {
        let urls = site.urls
        var meta = Meta(title: strings["fields.title"], description: strings["fields.description"], path: urls.fields, section: .fields)
        meta.breadcrumbs = [(strings["nav.fields"], nil)]
        return FieldListPage(frame: frame(meta), fieldCards: site.fields.map(fieldCard))
    }

    /// A field's page: its projects, its posts (paginated) and its upcoming events.
    func fieldView(_ f: Field, html: MarkdownHTML, posts: [Post], page: Pagination) -> FieldPage {
        let urls = site.urls
        let base = urls.field(f)
        let field = fieldCard(f)
        field.html = html
        let title = page.page == 1 ? f.title : "\(f.title) – \(strings.format("pagination.page", page.page))"
        var meta = Meta(title: title, description: f.summary, path: urls.paginated(base, page: page.page), section: .fields)
        meta.breadcrumbs = page.page == 1 ? [(strings["nav.fields"], urls.fields), (f.title, nil)]
            : [(strings["nav.fields"], urls.fields), (f.title, base), (strings.format("pagination.page", page.page), nil)]
        meta.feeds = [(strings.format("feed.field", f.title), FormatRenderer.feedPath(base))]
        let first = page.page == 1
        let view = FieldPage(frame: frame(meta), field: field, posts: posts[page.range].map(postCard),
                         calendar: calendarLinks(urls.calendar(base)), feedHref: urls.href(FormatRenderer.feedPath(base)), isFirstPage: first,
                         projects: first ? index.projects(of: f.slug).map(projectCard) : nil,
                         events: first ? index.upcomingEvents(of: f.slug).map(eventCard) : nil,
                         pagination: page.view(base: base, urls: urls, strings: strings))
        view.participation = first ? participation(of: f.slug).map(participationCard) : nil
        return view
    }

    func searchView() -> SearchPage {
        var meta = Meta(title: strings["search.title"], description: nil, path: site.urls.search, section: .search)
        meta.breadcrumbs = [(strings["search.title"], nil)]
        return SearchPage(frame: frame(meta), searchScript: searchScriptHref, search: searchPageData())
    }

    func notFoundView() -> NotFoundPage {
        var meta = Meta(title: strings["notFound.title"], description: nil, path: URLScheme.notFound(home: site.urls.home), section: .none)
        meta.noindex = true
        return NotFoundPage(frame: frame(meta), fieldsHref: site.urls.href(site.urls.fields))
    }

    /// Download and `webcal://` subscribe links for a calendar file.
    func calendarLinks(_ path: String) -> CalendarLinks {
        let absolute = site.urls.absolute(path)
        let webcal = absolute.hasPrefix("https://") ? "webcal://" + absolute.dropFirst(8)
            : absolute.hasPrefix("http://") ? "webcal://" + absolute.dropFirst(7) : absolute
        return CalendarLinks(href: site.urls.href(path), webcal: String(webcal))
    }
}
