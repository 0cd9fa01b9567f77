/// One page the site will have, before it is rendered.
enum PageJob: Sendable {
    case post(Int), event(Int), project(Int), page(Int), strategy
    case field(Int, Pagination), blog(Pagination)
    case home, events, projects, fields, search, notFound
}

/// What rendering one page left behind for the checks, the sitemap and the feeds.
struct PageRecord: Sendable {
    var path: String
    /// The Markdown file behind the page, if any (for messages).
    var source: SourceRef?
    var refs: HTMLReferences
    var headings: [Heading] = []
    var anchors: [AnchorReference] = []
    var diagnostics: [Diagnostic] = []
    /// Rendered Markdown of the item, kept only where a feed needs it.
    var bodyHTML: String?
    var plainText: String?
    var isHTMLPage = true
}

/// Stage 3: Markdown → HTML, view models → templates → pages, plus feeds, calendars and data files.
public struct SiteRenderer: Sendable {
    public let site: Site
    public let templates: TemplateSet
    let layout: LayoutContext
    let markdown: MarkdownRenderer
    /// Content folder on disk, to copy assets from.
    let contentRoot: String

    public init(site: Site, templates: TemplateSet, contentRoot: String) {
        self.site = site
        self.templates = templates
        self.contentRoot = contentRoot
        layout = LayoutContext(site: site, templates: templates)
        let resolver = LinkResolver(site: site)
        markdown = MarkdownRenderer(unsafeHTML: site.config.unsafeHTML) { href, source, isImage in
            resolver.resolve(href, from: source, isImage: isImage)
        }
    }

    /// Every page of the site, in a fixed order.
    func jobs() -> [PageJob] {
        var jobs: [PageJob] = [.home, .fields, .projects, .events, .search, .notFound]
        for p in Pagination.pages(count: site.posts.count, size: site.config.paginate) { jobs.append(.blog(p)) }
        for (i, f) in site.fields.enumerated() {
            let count = layout.index.posts(of: f.slug).count
            for p in Pagination.pages(count: count, size: site.config.paginate) { jobs.append(.field(i, p)) }
        }
        if site.strategy != nil { jobs.append(.strategy) }
        jobs += site.posts.indices.map(PageJob.post)
        jobs += site.events.indices.map(PageJob.event)
        jobs += site.projects.indices.map(PageJob.project)
        jobs += site.pages.indices.map(PageJob.page)
        return jobs
    }

    /// Renders everything into `sink`; returns what the checks need. Never throws for content
    /// problems: they come back as diagnostics.
    public func render(to sink: OutputSink, collectExternalLinks: Bool = false) -> RenderOutcome {
        var diagnostics: [Diagnostic] = []
        let clock = Stopwatch()
        var timings: [(String, Double)] = []
        let records = parallelMap(jobs()) { job -> PageRecord in
            var record = renderPage(job)
            do {
                try sink.write(URLScheme.outputFile(record.path), Array((record.html ?? "").utf8))
            } catch {
                record.record.diagnostics.append(.error(record.record.source?.display ?? record.path, "page cannot be written: \(error)"))
            }
            return record.record
        }

        timings.append(("pages", clock.lap()))
        // Files that are not pages: feeds, calendars, sitemap, data, search index.
        let formats = FormatRenderer(site: site, layout: layout, records: records).render()
        for file in formats {
            do { try sink.write(file.path, file.bytes) } catch {
                diagnostics.append(.error(file.path, "cannot be written: \(error)"))
            }
        }

        // Assets: the content's own files and the theme's.
        var outputs = Set(records.map { URLScheme.outputFile($0.path) })
        for file in formats { outputs.insert(file.path) }
        for asset in site.assets {
            outputs.insert(asset.path)
            do { try sink.copy(from: contentRoot + "/" + asset.path, to: asset.path) } catch {
                diagnostics.append(.error("content/" + asset.path, "cannot be copied: \(error)"))
            }
        }
        for asset in templates.assets {
            let path = "assets/" + asset.relativePath
            if outputs.contains(path) {
                diagnostics.append(.error("content/" + path, "file has the same address as the theme's \(path); rename it"))
                continue
            }
            outputs.insert(path)
            do { try sink.copy(from: templates.root + "/assets/" + asset.relativePath, to: path) } catch {
                diagnostics.append(.error("Templates/assets/" + asset.relativePath, "cannot be copied: \(error)"))
            }
        }
        timings.append(("formats and assets", clock.lap()))
        for r in records { diagnostics += r.diagnostics }
        let checker = OutputChecker(site: site, records: records, outputs: outputs)
        diagnostics += checker.check()
        timings.append(("link check", clock.lap()))
        return RenderOutcome(pages: records.count, files: outputs.count, diagnostics: diagnostics, outputs: outputs,
                             externalLinks: collectExternalLinks ? checker.externalLinks() : [], timings: timings)
    }

    struct Rendered {
        var record: PageRecord
        var html: String?
        var path: String { record.path }
    }

    func renderPage(_ job: PageJob) -> Rendered {
        let urls = site.urls
        switch job {
        case .post(let i):
            let p = site.posts[i]
            let md = markdown.render(p.body)
            let html = templates.render(layout.postView(p, index: i, html: md.html, toc: md.headings), template: "post")
            var r = record(urls.post(p), html, source: p.source, md)
            if i < FormatRenderer.blogFeedSize { r.record.bodyHTML = md.html }
            return r
        case .event(let i):
            let e = site.events[i]
            let md = markdown.render(e.body)
            return record(urls.event(e), templates.render(layout.eventView(e, html: md.html), template: "event"), source: e.source, md)
        case .project(let i):
            let p = site.projects[i]
            let md = markdown.render(p.body)
            return record(urls.project(p), templates.render(layout.projectView(p, html: md.html), template: "project"), source: p.source, md)
        case .page(let i):
            let p = site.pages[i]
            let md = markdown.render(p.body)
            var r = record(urls.page(p), templates.render(layout.pageView(p, html: md.html), template: "page"), source: p.source, md)
            if !p.search { r.record.plainText = nil }
            return r
        case .strategy:
            let s = site.strategy!
            let md = markdown.render(s.body)
            return record(urls.strategy, templates.render(layout.strategyView(s, html: md.html), template: "strategy"), source: s.source, md)
        case .field(let i, let page):
            let f = site.fields[i]
            let md = markdown.render(f.body)
            let posts = layout.index.posts(of: f.slug)
            let html = templates.render(layout.fieldView(f, html: md.html, posts: posts, page: page), template: "field")
            let path = urls.paginated(urls.field(f), page: page.page)
            // The field's Markdown is reported once, from its first page.
            return page.page == 1 ? record(path, html, source: f.body.source, md) : record(path, html)
        case .blog(let page):
            return record(urls.paginated(urls.blog, page: page.page), templates.render(layout.blogView(page), template: "post-list"))
        case .home: return record("", templates.render(layout.homeView(), template: "home"))
        case .events: return record(urls.events, templates.render(layout.eventListView(), template: "event-list"))
        case .projects: return record(urls.projects, templates.render(layout.projectListView(), template: "project-list"))
        case .fields: return record(urls.fields, templates.render(layout.fieldListView(), template: "field-list"))
        case .search: return record(urls.search, templates.render(layout.searchView(), template: "search"))
        case .notFound: return record("404.html", templates.render(layout.notFoundView(), template: "404"))
        }
    }

    private func record(_ path: String, _ html: String, source: SourceRef? = nil, _ md: RenderedMarkdown? = nil) -> Rendered {
        var r = PageRecord(path: path, source: source, refs: HTMLScanner.scan(html))
        if let md {
            r.headings = md.headings
            r.anchors = md.anchors
            r.diagnostics = md.diagnostics
            r.plainText = md.plainText
        }
        return Rendered(record: r, html: html)
    }
}

/// What the render stage hands to the write stage and the CLI.
public struct RenderOutcome: Sendable {
    public var pages: Int
    public var files: Int
    public var diagnostics: [Diagnostic]
    /// Every file path the site consists of.
    public var outputs: Set<String>
    /// Links to other sites, for `check --external`.
    public var externalLinks: [ExternalLink]
    /// Seconds per part of the render stage, for `--verbose`.
    public var timings: [(String, Double)] = []
}
