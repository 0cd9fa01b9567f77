import MustacheEngine

/// One page the site will have, before it is rendered.
enum PageJob: Sendable {
    case post(Int), event(Int), project(Int), page(Int), strategy
    case field(Int, Pagination), blog(Pagination)
    case home, events, projects, fields, search, notFound
    case tag(Int, Pagination), tags
    case participation(Int), participationList, ideas

    /// The page of one post, event, project or page (`jobs()` puts these after all lists).
    var isItemPage: Bool {
        switch self {
        case .post, .event, .project, .page, .participation: true
        default: false
        }
    }
}

/// Stage 3: Markdown → HTML, view models → templates → pages, plus feeds, calendars and data files.
public struct SiteRenderer: Sendable {
    public let site: Site
    public let templates: TemplateSet
    let layout: LayoutContext
    /// The templates with this build's globals; keeps the partials reused between pages.
    let renderer: Renderer
    let markdown: MarkdownRenderer
    let resolver: LinkResolver
    /// Content folder on disk, to copy assets from.
    let contentRoot: String
    /// Reads the content again (the link check needs a body's lines for a message).
    let fileSystem: any FileSystem
    /// Markdown, pages and files of earlier builds, reused where nothing changed (see `RenderMemo`).
    let memo: any RenderMemo
    /// With a cache: a hash of everything every page's view depends on except the pages' own
    /// Markdown texts (`Builder.skeleton`). A page whose skeleton and text are as last time is
    /// taken over without making its view.
    var skeleton: UInt64?
    /// The output folder as messages name it (`--output`; "public" for `check`).
    var outputName = "public"
    /// The content folder as the build was given it (`content`), for messages about its files.
    var contentName = "content"
    let interner = StringInterner()
    /// One tokenizer for the whole build (and, with a cache, for all builds that share it), so term numbers stay valid.
    let searchTokenizer: SharedSearchTokenizer
    /// The rules its pages' words become search terms by: its version's language.
    var searchLanguage: SearchLanguage { SearchLanguage(code: site.config.language) }
    /// The content's images with the files made from its photos (published after the pages).
    let images: ImageCatalog

    /// - Parameter originalStrings: for a language version, the UI strings of the site's own language.
    init(site: Site, templates: TemplateSet, contentRoot: String, memo: any RenderMemo = NoMemo(),
                fileSystem: any FileSystem = LocalFileSystem(), originalStrings: UIStrings? = nil) {
        self.site = site
        self.fileSystem = fileSystem
        self.contentRoot = contentRoot
        self.memo = memo
        searchTokenizer = memo.searchTokenizer
        let images = ImageCatalog.make(site: site, contentRoot: contentRoot, fileSystem: fileSystem)
        self.images = images
        var layout = LayoutContext(site: site, templates: templates, images: images)
        layout.originalStrings = originalStrings
        self.layout = layout
        self.templates = layout.templates
        renderer = Renderer(library: templates.library, globals: layout.globals)
        let resolver = LinkResolver(site: site, images: images)
        self.resolver = resolver
        var markdown = MarkdownRenderer(unsafeHTML: site.config.unsafeHTML, resolver: resolver)
        let urls = site.urls
        markdown.footnoteTexts = FootnoteTexts(label: layout.strings["footnotes.label"], back: layout.strings["footnotes.back"], lang: site.config.language)
        markdown.tableLabel = layout.strings["table.label"]
        markdown.reservedIDs = templates.ids
        let dates = layout.dates
        markdown.fileSize = { dates.fileSize($0) }
        markdown.picture = { src in images.rendition(src: src).map { PictureMarkup($0, sizes: images.settings.sizes, href: urls.href) } }
        self.markdown = markdown
    }

    /// The skeleton with the images: a page is taken over unrendered only when no image it may
    /// show changed either (a photo's bytes change its file names and size in the markup).
    var skeletonWithImages: UInt64? { skeleton.map { ContentHash.mix($0, images.fingerprint) } }

    /// Every page of the site, in a fixed order.
    func jobs() -> [PageJob] {
        if site.isEasyRead { return easyReadJobs() }
        // Each language version has its 404 page in its folder (`en/404.html`), for the server to show there.
        var jobs: [PageJob] = [.home, .fields, .projects, .events, .search, .notFound]
        for p in Pagination.pages(count: site.posts.count, size: site.config.paginate) { jobs.append(.blog(p)) }
        for (i, f) in site.fields.enumerated() {
            let count = layout.index.posts(of: f.slug).count
            for p in Pagination.pages(count: count, size: site.config.paginate) { jobs.append(.field(i, p)) }
        }
        jobs += tagJobs() + participationListJobs()
        if site.strategy != nil { jobs.append(.strategy) }
        jobs += site.posts.indices.map(PageJob.post)
        jobs += site.events.indices.map(PageJob.event)
        jobs += site.projects.indices.map(PageJob.project)
        jobs += site.pages.indices.map(PageJob.page) + participationItemJobs()
        return jobs
    }

    /// Renders every page into `sink`, lists first; returns each page's record (its links, ids,
    /// headings, findings and search terms) for the formats and the checks. Never throws for
    /// content problems: they come back in the records.
    func renderPages(into sink: OutputSink) -> (records: [PageRecord], timings: [(String, Double)]) {
        let clock = Stopwatch()
        let jobs = jobs()
        let renderOne = { (job: PageJob) -> PageRecord in self.renderAndWrite(job, into: sink) }
        // The lists come first and show every item's card; the items' own pages need few cards.
        // Letting the cards go in between keeps them out of the rest of the build's memory.
        let firstItemPage = jobs.firstIndex { $0.isItemPage } ?? jobs.count
        var records = parallelMap(Array(jobs[..<firstItemPage]), renderOne)
        layout.cards.removeAll()
        renderer.forgetReusedPartials()
        let lists = clock.lap()
        records += parallelMap(Array(jobs[firstItemPage...]), renderOne)
        // Every page is rendered: the Markdown texts are not needed any more (the link check
        // reads a file again when a message needs a line).
        if releasesBodies { site.bodies.forEach { $0.release() } }
        return (records, [("lists (\(firstItemPage) pages)", lists), ("items (\(jobs.count - firstItemPage) pages)", clock.lap())])
    }

    /// Without an in-memory cache that keeps them, Markdown texts are let go once rendered.
    private var releasesBodies: Bool { !memo.keepsPages }

    private func renderAndWrite(_ job: PageJob, into sink: OutputSink) -> PageRecord {
        var record = renderPage(job, sink: sink)
        if let text = record.plainText {
            record.record.search = searchTokenizer.tokenize(text, headings: record.record.headings, language: searchLanguage)
        }
        writeSearchText(&record.record, job, into: sink)
        // An item with one page needs its Markdown text no more (see `release`).
        if releasesBodies { body(of: job)?.release() }
        // nil: the cache found the page's file from the last build to be still right.
        if let html = record.html {
            do {
                try sink.write(URLScheme.outputFile(record.path), html)
            } catch {
                record.record.diagnostics.append(.error(record.record.source?.display ?? record.path, "page cannot be written: \(error)"))
            }
        }
        return record.record
    }

    /// Files that are not pages: feeds, calendars, sitemap, data, search index.
    /// - Parameter allRecords: every language version's pages, for the sitemap (nil: `records`).
    func renderFormats(_ records: [PageRecord], allRecords: [PageRecord]? = nil, into sink: OutputSink) -> (written: [String], kept: [String], problems: [Diagnostic]) {
        FormatRenderer(site: site, layout: layout, records: records, searchTokenizer: searchTokenizer, sitemapRecords: allRecords)
            .render(memo: memo, skeleton: skeletonWithImages, sink: sink)
    }

    struct Rendered {
        var record: PageRecord
        /// nil when the page's file is kept from the last build.
        var html: [UInt8]?
        /// The item's text, for the search index (turned into terms, then dropped).
        var plainText: [UInt8]?
        var path: String { record.path }
    }

    /// A page before its template runs: where it goes, which template, and everything it shows.
    struct Draft {
        var path: String
        var template: String
        var view: any TemplateObject
        var source: SourceRef? = nil
        var md: PageMarkdown? = nil
    }

    /// - Parameter sink: where the page's file from the last build may be kept (cached builds).
    func renderPage(_ job: PageJob, sink: OutputSink? = nil) -> Rendered {
        let body = markdownBody(of: job)
        // Only a cached build needs the text's hash (builds without a cache skip it).
        let textHash = skeleton == nil ? 0 : body.map(markdownRenderer(for: job).key(of:)) ?? 0
        let quickKey = skeletonWithImages.map { ContentHash.mix(ContentHash.mix($0, textHash), site.config.unsafeHTML ? 1 : 0) }
        var rendered: Rendered
        if let quickKey, let reused = reuse(job, body: body, textHash: textHash, quickKey: quickKey, sink: sink) {
            rendered = reused
            rendered.record.textHash = textHash
        } else {
            let draft = self.draft(job)
            rendered = finish(draft, sink: sink, quickKey: quickKey ?? 0)
            rendered.record.textHash = textHash
            // Only the first blog posts' HTML goes into the feed.
            if case .post(let i) = job, i < FormatRenderer.blogFeedSize { rendered.record.bodyHTML = draft.md?.html }
        }
        // Only searchable pages give text; Leichte Sprache has no search index of its own (its
        // text files would lie in the search folder unread).
        let searchable = if case .page(let i) = job { site.pages[i].search } else { true }
        if site.isEasyRead || !searchable {
            rendered.plainText = nil
            rendered.record.search = nil
        }
        return rendered
    }

    /// What a page's link check depends on of the page itself: its HTML (the page key) and, where
    /// the page carries its Markdown's findings, that text and where it starts in the file.
    static func checkKey(page key: UInt64, markdown: (textHash: UInt64, source: SourceRef?)?) -> UInt64 {
        ContentHash.mix(key, markdown.map { ContentHash.mix($0.textHash, UInt64($0.source?.bodyFirstLine ?? 0)) } ?? 0)
    }

    /// Whether a page carries its Markdown's findings (headings, anchors, messages, search text):
    /// an item's page does, and of a field's pages the first.
    func carriesMarkdown(_ job: PageJob) -> Bool {
        switch job {
        case .post, .event, .project, .page, .strategy, .participation: return true
        case .field(_, let p): return p.page == 1
        default: return false
        }
    }

    /// Where a page goes.
    func path(of job: PageJob) -> String {
        let urls = site.urls
        switch job {
        case .post(let i): return urls.post(site.posts[i])
        case .event(let i): return urls.event(site.events[i])
        case .project(let i): return urls.project(site.projects[i])
        case .page(let i): return urls.page(site.pages[i])
        case .strategy: return urls.strategy
        case .field(let i, let page): return urls.paginated(urls.field(site.fields[i]), page: page.page)
        case .blog(let page): return urls.paginated(urls.blog, page: page.page)
        case .home: return site.urls.home
        case .events: return urls.events
        case .projects: return urls.projects
        case .fields: return urls.fields
        case .search: return urls.search
        case .notFound: return URLScheme.notFound(home: urls.home)
        case .tag, .tags: return tagPath(job)
        case .participation, .participationList, .ideas: return participationPath(job)
        }
    }

    func draft(_ job: PageJob) -> Draft {
        switch job {
        case .post(let i):
            let p = site.posts[i]
            let md = renderMarkdown(p.body, for: job)
            return Draft(path: path(of: job), template: "post", view: layout.postView(p, index: i, html: md.html, toc: md.headings), source: p.source, md: md)
        case .event(let i):
            let e = site.events[i]
            let md = renderMarkdown(e.body, for: job)
            return Draft(path: path(of: job), template: "event", view: layout.eventView(e, html: md.html), source: e.source, md: md)
        case .project(let i):
            let p = site.projects[i]
            let md = renderMarkdown(p.body, for: job)
            return Draft(path: path(of: job), template: "project", view: layout.projectView(p, html: md.html), source: p.source, md: md)
        case .page(let i):
            let p = site.pages[i]
            let md = renderMarkdown(p.body, for: job)
            return Draft(path: path(of: job), template: "page", view: layout.pageView(p, html: md.html), source: p.source, md: md)
        case .strategy:
            let s = site.strategy!
            let md = renderMarkdown(s.body, for: job)
            return Draft(path: path(of: job), template: "strategy", view: layout.strategyView(s, html: md.html), source: s.source, md: md)
        case .field(let i, let page):
            let f = site.fields[i]
            let md = renderMarkdown(f.body, for: job)
            let view = layout.fieldView(f, html: md.html, posts: layout.index.posts(of: f.slug), page: page)
            let path = self.path(of: job)
            // The field's Markdown is reported once, from its first page.
            return carriesMarkdown(job) ? Draft(path: path, template: "field", view: view, source: f.body.source, md: md)
                : Draft(path: path, template: "field", view: view)
        case .blog(let page):
            return Draft(path: path(of: job), template: "post-list", view: layout.blogView(page))
        case .home: return Draft(path: path(of: job), template: "home", view: layout.homeView())
        case .events: return Draft(path: path(of: job), template: "event-list", view: layout.eventListView())
        case .projects: return Draft(path: path(of: job), template: "project-list", view: layout.projectListView())
        case .fields: return Draft(path: path(of: job), template: "field-list", view: layout.fieldListView())
        case .search: return Draft(path: path(of: job), template: "search", view: layout.searchView())
        case .notFound: return Draft(path: path(of: job), template: "404", view: layout.notFoundView())
        case .tag, .tags: return tagDraft(job)
        case .participation, .participationList, .ideas: return participationDraft(job)
        }
    }

    /// Runs the template (or takes the page from the cache when its view and template are the
    /// same as last time) and notes what the checks need.
    func finish(_ draft: Draft, sink: OutputSink? = nil, quickKey: UInt64 = 0) -> Rendered {
        // Captures what it uses, not `self`: copying this struct into a closure retains every field.
        let (renderer, interner) = (renderer, interner)
        let render = { () -> ([UInt8], HTMLReferences) in
            let html = renderer.render(draft.template, draft.view) ?? []
            return (html, HTMLScanner.scan(html, interner: interner))
        }
        let (html, refs): ([UInt8]?, HTMLReferences)
        var checkKey: UInt64?
        // Keys are worked out only for a memo that keeps pages.
        if memo.remembers {
            let key = ContentHash.mix(layout.pageHash(draft.view), templates.dependencyHash(of: draft.template))
            let file = URLScheme.outputFile(draft.path)
            (html, refs) = memo.page(draft.path, key: key, quickKey: quickKey, keep: { sink?.keep(file, size: $0) ?? false }, render: render)
            checkKey = Self.checkKey(page: key, markdown: draft.md.map { ($0.textHash, draft.source) })
        } else {
            (html, refs) = render()
        }
        var r = PageRecord(path: draft.path, source: draft.source, refs: refs)
        r.checkKey = checkKey
        if let md = draft.md {
            r.headings = md.headings
            r.anchors = md.anchors
            r.diagnostics = md.diagnostics
            r.search = md.search
        }
        return Rendered(record: r, html: html, plainText: draft.md?.plainText)
    }

    /// The Markdown body that only `job`'s page renders (fields have several pages: nil).
    func body(of job: PageJob) -> MarkdownBody? { text(of: job)?.body }

    /// That body and the item's `lang`.
    private func text(of job: PageJob) -> (body: MarkdownBody, lang: String?)? {
        switch job {
        case .post(let i): (site.posts[i].body, site.posts[i].lang)
        case .event(let i): (site.events[i].body, site.events[i].lang)
        case .project(let i): (site.projects[i].body, site.projects[i].lang)
        case .page(let i): (site.pages[i].body, site.pages[i].lang)
        case .strategy: site.strategy.map { ($0.body, nil) }
        case .participation(let i): (site.participation[i].body, site.participation[i].lang)
        default: nil
        }
    }

    /// The Markdown text of a source file, read again from disk (nil when it cannot be read).
    func bodyText(_ source: SourceRef) -> String? {
        guard let bytes = try? fileSystem.readFile(contentRoot + "/" + source.path),
              let text = FrontMatter.decodeText(bytes), let split = try? FrontMatter.split(text) else { return nil }
        return split.body
    }

    func renderMarkdown(_ body: MarkdownBody, for job: PageJob) -> PageMarkdown {
        memo.markdown(body, renderer: markdownRenderer(for: job), resolver: resolver, language: searchLanguage)
    }

    /// The Markdown renderer for a page's text, told the item's `lang` when it is not the version's.
    func markdownRenderer(for job: PageJob) -> MarkdownRenderer {
        guard let lang = text(of: job)?.lang, lang != site.config.language else { return markdown }
        var renderer = markdown
        renderer.partLanguage = lang
        return renderer
    }

}
