/// Views of the pages that list items: home, blog, events, projects, fields, search, 404.
extension LayoutContext {
    func homeView(fieldHTML _: Void = ()) -> [String: Any] {
        let urls = site.urls
        let latestPosts = site.posts.prefix(3).map(postCard)
        let nextEvents = index.upcomingEvents.prefix(3).map(eventCard)
        let projects = site.projects.filter { $0.status == .umsetzung }.prefix(6).map(projectCard)
        var extra: [String: Any] = [
            "fields": site.fields.map(fieldCard),
            "latestPosts": latestPosts, "latestPostList": list(latestPosts) as Any,
            "nextEvents": nextEvents, "nextEventList": list(nextEvents) as Any,
            "projects": projects, "projectList": list(projects) as Any,
            "blogHref": urls.href(urls.blog), "eventsHref": urls.href(urls.events),
            "projectsHref": urls.href(urls.projects), "fieldsHref": urls.href(urls.fields),
        ].compactValues
        if let s = site.strategy {
            var strategy: [String: Any] = ["title": s.title, "href": urls.href(urls.strategy)]
            if let pdf = strategyDownload(s) { strategy["pdf"] = pdf }
            if let sum = s.summary { strategy["summary"] = sum }
            extra["strategy"] = strategy
        }
        var meta = Meta(title: site.config.title, description: site.config.description, path: "", section: .home)
        meta.isHome = true
        meta.feeds = [(strings["feed.blog"], "\(urls.blog)feed.xml"), (strings["feed.events"], "\(urls.events)feed.xml")]
        return view(meta, extra)
    }

    func blogView(_ page: Pagination) -> [String: Any] {
        let urls = site.urls
        let title = page.page == 1 ? strings["blog.title"] : strings.format("blog.titlePage", page.page)
        var meta = Meta(title: title, description: strings["blog.description"], path: urls.paginated(urls.blog, page: page.page), section: .blog)
        meta.breadcrumbs = page.page == 1 ? [(strings["nav.blog"], nil)] : [(strings["nav.blog"], urls.blog), (strings.format("pagination.page", page.page), nil)]
        meta.feeds = [(strings["feed.blog"], "\(urls.blog)feed.xml")]
        let posts = site.posts[page.range].map(postCard)
        var extra: [String: Any] = ["posts": posts, "feedHref": urls.href("\(urls.blog)feed.xml")]
        if let l = list(posts) { extra["postList"] = l }
        if let p = page.view(base: urls.blog, urls: urls, strings: strings) { extra["pagination"] = p }
        return view(meta, extra)
    }

    func eventListView() -> [String: Any] {
        let urls = site.urls
        var meta = Meta(title: strings["events.title"], description: strings["events.description"], path: urls.events, section: .events)
        meta.breadcrumbs = [(strings["nav.events"], nil)]
        meta.feeds = [(strings["feed.events"], "\(urls.events)feed.xml")]
        let upcoming = index.upcomingEvents.map(eventCard)
        let past = index.pastEvents.map(eventCard)
        return view(meta, [
            "upcoming": upcoming, "upcomingList": list(upcoming) as Any,
            "past": past, "pastList": list(past) as Any,
            "calendar": calendarLinks("\(urls.events)kalender.ics"),
            "feedHref": urls.href("\(urls.events)feed.xml"),
        ].compactValues)
    }

    func projectListView() -> [String: Any] {
        let urls = site.urls
        // What is happening now first, then what comes next, and what is done last.
        let order: [ProjectStatus] = [.umsetzung, .planung, .idee, .abgeschlossen]
        let groups = order.compactMap { status -> [String: Any]? in
            let items = site.projects.filter { $0.status == status }
            guard !items.isEmpty else { return nil }
            return ["status": status.rawValue, "label": status.label, "count": items.count, "projects": items.map(projectCard)]
        }
        var meta = Meta(title: strings["projects.title"], description: strings["projects.description"], path: urls.projects, section: .projects)
        meta.breadcrumbs = [(strings["nav.projects"], nil)]
        return view(meta, ["groups": groups, "dataHref": urls.href("projekte.json")])
    }

    func fieldListView() -> [String: Any] {
        let urls = site.urls
        var meta = Meta(title: strings["fields.title"], description: strings["fields.description"], path: urls.fields, section: .fields)
        meta.breadcrumbs = [(strings["nav.fields"], nil)]
        return view(meta, ["fields": site.fields.map(fieldCard)])
    }

    /// A field's page: its projects, its posts (paginated) and its upcoming events.
    func fieldView(_ f: Field, html: MarkdownHTML, posts: [Post], page: Pagination) -> [String: Any] {
        let urls = site.urls
        let base = urls.field(f)
        var field = fieldCard(f)
        field["html"] = html
        let title = page.page == 1 ? f.title : "\(f.title) – \(strings.format("pagination.page", page.page))"
        var meta = Meta(title: title, description: f.summary, path: urls.paginated(base, page: page.page), section: .fields)
        meta.breadcrumbs = page.page == 1 ? [(strings["nav.fields"], urls.fields), (f.title, nil)]
            : [(strings["nav.fields"], urls.fields), (f.title, base), (strings.format("pagination.page", page.page), nil)]
        meta.feeds = [(strings.format("feed.field", f.title), "\(base)feed.xml")]
        let pagePosts = posts[page.range].map(postCard)
        var extra: [String: Any] = [
            "field": field,
            "posts": pagePosts,
            "calendar": calendarLinks("\(base)kalender.ics"),
            "feedHref": urls.href("\(base)feed.xml"),
            "isFirstPage": (page.page == 1 ? true : nil) as Any,
        ].compactValues
        if let l = list(pagePosts) { extra["postList"] = l }
        if page.page == 1 {
            let projects = index.projects(of: f.slug).map(projectCard)
            let events = index.upcomingEvents(of: f.slug).map(eventCard)
            extra["projects"] = projects
            extra["events"] = events
            if let l = list(projects) { extra["projectList"] = l }
            if let l = list(events) { extra["eventList"] = l }
        }
        if let p = page.view(base: base, urls: urls, strings: strings) { extra["pagination"] = p }
        return view(meta, extra)
    }

    func searchView() -> [String: Any] {
        let urls = site.urls
        var meta = Meta(title: strings["search.title"], description: nil, path: urls.search, section: .search)
        meta.breadcrumbs = [(strings["search.title"], nil)]
        return view(meta, ["searchScript": searchScriptHref, "search": searchPageData()])
    }

    func notFoundView() -> [String: Any] {
        var meta = Meta(title: strings["notFound.title"], description: nil, path: "404.html", section: .none)
        meta.noindex = true
        return view(meta, ["fieldsHref": site.urls.href(site.urls.fields)])
    }

    /// Download and `webcal://` subscribe links for a calendar file.
    func calendarLinks(_ path: String) -> [String: Any] {
        let absolute = site.urls.absolute(path)
        let webcal = absolute.hasPrefix("https://") ? "webcal://" + absolute.dropFirst(8)
            : absolute.hasPrefix("http://") ? "webcal://" + absolute.dropFirst(7) : absolute
        return ["href": site.urls.href(path), "webcal": String(webcal)]
    }
}
