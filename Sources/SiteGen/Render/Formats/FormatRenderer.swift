/// A generated file that is not an HTML page.
struct OutputFile: Sendable {
    var path: String
    var bytes: [UInt8]
    init(_ path: String, _ text: String) {
        self.path = path
        bytes = Array(text.utf8)
    }
    init(_ path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Feeds, calendars, sitemap, robots.txt, open data and the search index.
///
/// Everything here is a pure function of the site and the rendered pages: no clock (the only
/// "now" is `site.options.now`, used to leave out future posts just as the pages do), no
/// dictionary order, so the same content gives the same bytes.
///
/// Drafts and future posts (present only in `--drafts`/`--future` preview builds) stay out of
/// every list: feeds, calendars, sitemap, open data, search. Files a page links to (a field's
/// feed and calendar, an event's `termin.ics`, named by `paths`) exist for every page, drafts included.
struct FormatRenderer {
    static let blogFeedSize = 20
    /// Entries of the events feed and of each field's feed.
    static let listFeedSize = 50

    let site: Site
    let layout: LayoutContext
    let records: [PageRecord]
    let searchTokenizer: SharedSearchTokenizer
    /// The pages of every language version, which the one sitemap names (nil: `records`).
    var sitemapRecords: [PageRecord]? = nil

    var strings: UIStrings { layout.strings }

    /// Makes every file and writes them into `sink`, each part's side by side once it is made.
    /// - Parameters:
    ///   - cache, skeleton: with both, a part whose inputs are as in the last build (the skeleton
    ///     decides the model; the search index also depends on every page's terms and the blog
    ///     feed on its posts' HTML) is taken over: its files are kept in `sink` (or, in memory,
    ///     come from the cache).
    /// - Returns: the paths written, the paths of the files kept as they were, and the files
    ///   that could not be written.
    func render(memo: any RenderMemo, skeleton: UInt64?, sink: OutputSink) -> (written: [String], kept: [String], problems: [Diagnostic]) {
        // Independent of each other, so they run side by side; the order of the result is fixed.
        let allParts: [(name: String, key: () -> UInt64, make: ((OutputFile) -> Void) -> Void)] = [
            ("search", { searchInputsHash() }, { SearchIndex(site: site, records: records, tokenizer: searchTokenizer, strings: strings).write($0) }),
            ("sitemap", { 0 }, { emit in
                Sitemap(site: site, records: sitemapRecords ?? records).files().forEach(emit)
                emit(OutputFile("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: \(site.urls.absolute("sitemap.xml"))\n"))
            }),
            ("feeds", { feedInputsHash() }, { feeds().forEach($0) }),
            ("calendars", { 0 }, { calendars().forEach($0) }),
            ("data", { 0 }, { OpenData(site: site, strings: strings).files().forEach($0) }),
        ]
        // The sitemap names every version's pages: only the site's own renderer writes it.
        // Leichte Sprache has pages only (its items are in the standard site's feeds and search),
        // and each event's calendar file, which its page offers.
        let eventFiles: [(name: String, key: () -> UInt64, make: ((OutputFile) -> Void) -> Void)] = [
            // Its own name: the memo keeps format parts by name, and this version's addresses
            // have no prefix of their own there.
            ("easy-read calendars", { 0 }, { eventCalendars(ICalendar(site: site, strings: strings)).forEach($0) }),
        ]
        let parts = site.config.defaultLanguage == nil ? allParts : site.isEasyRead ? eventFiles : allParts.filter { $0.name != "sitemap" }
        let results = parallelMap(parts) { part -> (written: [String], kept: [String], problems: [Diagnostic]) in
            func made() -> [OutputFile] {
                var files: [OutputFile] = []
                part.make { files.append($0) }
                return files
            }
            guard memo.remembers, let skeleton else {
                let files = made()
                return (files.map(\.path), [], write(files, into: sink))
            }
            let key = ContentHash.mix(skeleton, part.key())
            if let reused = memo.reuseFiles(site.urls.prefix + part.name, key: key, keep: { sink.keep($0, size: $1) }) {
                return (reused.made.map(\.path), reused.kept, write(reused.made, into: sink))
            }
            let files = made()
            // Path and size of each file, the bytes only for a memo that keeps them.
            memo.storeFiles(site.urls.prefix + part.name, key: key, files.map { ($0.path, $0.bytes.count, memo.keepsPages ? $0.bytes : nil) })
            return (files.map(\.path), [], write(files, into: sink))
        }
        return (results.flatMap(\.written), results.flatMap(\.kept), results.flatMap(\.problems))
    }

    /// Writes a part's files side by side (the search index has thousands); returns the failures.
    private func write(_ files: [OutputFile], into sink: OutputSink) -> [Diagnostic] {
        parallelMap(files) { file -> Diagnostic? in
            do { try sink.write(file.path, file.bytes) } catch { return .error(file.path, "cannot be written: \(error)") }
            return nil
        }.compactMap { $0 }
    }

    /// Every indexed page's terms (as words: term numbers differ between builds), excerpt, text
    /// and headings (the text files).
    private func searchInputsHash() -> UInt64 {
        let termHashes = searchTokenizer.finished.terms.map { ContentHash.of($0) }
        var h: UInt64 = 0
        // By index and through buffers: this runs over every term of every page at each rebuild.
        termHashes.withUnsafeBufferPointer { termHashes in
            for i in records.indices {
                guard let s = records[i].search else { continue }
                h = ContentHash.mix(ContentHash.mix(h, ContentHash.of(records[i].path)), ContentHash.of(s.excerpt))
                h = ContentHash.mix(h, s.textKey)
                for (t, count) in zip(s.terms, s.counts) { h = ContentHash.mix(ContentHash.mix(h, termHashes[Int(t)]), UInt64(count)) }
            }
        }
        return h
    }

    /// The HTML of the posts whose full text is in the blog feed.
    private func feedInputsHash() -> UInt64 {
        var h: UInt64 = 0
        for r in records { if let html = r.bodyHTML { h = ContentHash.mix(ContentHash.mix(h, ContentHash.of(r.path)), html.hash) } }
        return h
    }

    // MARK: What is published

    var posts: [Post] { site.publicPosts }
    var events: [Event] { site.publicEvents }
    var projects: [Project] { site.publicProjects }

    /// Feed path of the blog, the events and a field (`blog/feed.xml` …).
    static func feedPath(_ listPath: String) -> String { listPath + FeedFile.name }

    // MARK: Atom

    func feeds() -> [OutputFile] {
        let urls = site.urls
        let c = site.config
        let published = posts
        let fallback = ([published.map { $0.updated ?? $0.date }.max(), events.map(ICalendar.contentDate).max(),
                         projects.compactMap(projectDate).max()].compactMap { $0 }.max()) ?? DateTime(epochSeconds: 0)
        func feed(_ title: String, subtitle: String?, list: String, entries: [FeedEntry]) -> OutputFile {
            let path = Self.feedPath(list)
            let f = AtomFeed(title: "\(title) – \(c.title)", subtitle: subtitle, selfURL: urls.absolute(path),
                             alternateURL: urls.absolute(list), author: c.author, language: c.language,
                             categoryScheme: urls.absolute(urls.fields), entries: entries, fallbackUpdated: fallback)
            return OutputFile(path, f.xml())
        }

        // Blog: the newest posts with their full text.
        let bodies = Dictionary(records.compactMap { r in r.bodyHTML.map { (r.path, $0) } }, uniquingKeysWith: { a, _ in a })
        let blogEntries = published.prefix(Self.blogFeedSize).map { p -> FeedEntry in
            var e = postEntry(p)
            if let html = bodies[urls.post(p)]?.content {
                e.contentHTML = absoluteSrcsets(absoluteLinks(html, basePath: urls.basePath, baseURL: c.baseURL, pageURL: e.url),
                                                basePath: urls.basePath, baseURL: c.baseURL)
            }
            return e
        }
        var files = [feed(strings["blog.title"], subtitle: strings["blog.description"], list: urls.blog, entries: blogEntries)]

        // Events: newest content date first.
        let eventEntries = events.map(eventEntry).sorted(by: Self.newestFirst).prefix(Self.listFeedSize)
        files.append(feed(strings["events.title"], subtitle: strings["events.description"], list: urls.events, entries: Array(eventEntries)))
        files.append(feed(strings["participation.title"], subtitle: strings["participation.description"], list: urls.participationList, entries: participationEntries()))

        // One per field of action: its posts, events and projects.
        for f in site.fields {
            var entries = published.filter { $0.fields.contains(f.slug) }.map(postEntry)
            entries += events.filter { $0.fields.contains(f.slug) }.map(eventEntry)
            entries += projects.filter { $0.fields.contains(f.slug) }.compactMap(projectEntry)
            entries += participation.filter { $0.fields.contains(f.slug) }.map(participationEntry)
            entries.sort(by: Self.newestFirst)
            files.append(feed(f.title, subtitle: f.summary, list: urls.field(f), entries: Array(entries.prefix(Self.listFeedSize))))
        }
        return files
    }

    static func newestFirst(_ a: FeedEntry, _ b: FeedEntry) -> Bool {
        a.updated != b.updated ? a.updated > b.updated : a.url < b.url
    }

    private func categories(_ slugs: [String]) -> [(term: String, label: String)] {
        slugs.compactMap { site.field($0) }.map { ($0.slug, $0.title) }
    }

    private func projectDate(_ p: Project) -> DateTime? { p.updated ?? p.start }

    func postEntry(_ p: Post) -> FeedEntry {
        let urls = site.urls
        return FeedEntry(url: urls.absolute(urls.post(p)), title: p.title, updated: p.updated ?? p.date, published: p.date,
                         author: p.author ?? site.config.author, categories: categories(p.fields), summary: p.summary, language: p.lang)
    }

    func eventEntry(_ e: Event) -> FeedEntry {
        let urls = site.urls
        let url = urls.absolute(urls.event(e))
        var html = "<p><strong>\(xmlText(LocalDates(language: site.config.language).range(e.start, e.end)))</strong>"
        if let place = ICalendar.place(e) { html += "<br>\(xmlText(place))" }
        if let online = e.online { html += "<br><a href=\"\(xmlText(online))\">\(xmlText(strings["event.onlineLink"]))</a>" }
        html += "</p>"
        if e.status != .geplant { html += "<p><strong>\(xmlText(strings["event.status.\(e.status.rawValue)"]))</strong></p>" }
        if let s = e.summary { html += "<p>\(xmlText(s))</p>" }
        html += "<p><a href=\"\(xmlText(urls.absolute(urls.eventCalendar(e))))\">\(xmlText(strings["calendar.addEvent"]))</a></p>"
        var title = e.title
        if e.status != .geplant { title = "\(strings["event.status.\(e.status.rawValue)"]): \(title)" }
        return FeedEntry(url: url, title: title, updated: ICalendar.contentDate(e), published: nil, author: nil,
                         categories: categories(e.fields), summary: e.summary, contentHTML: html, language: e.lang)
    }

    func projectEntry(_ p: Project) -> FeedEntry? {
        guard let date = projectDate(p) else { return nil }  // no date, no place in a feed
        let urls = site.urls
        var html = "<p><strong>\(xmlText(strings["project.status"])): \(xmlText(strings["project.statusName.\(p.status.rawValue)"]))</strong></p>"
        if let s = p.summary { html += "<p>\(xmlText(s))</p>" }
        return FeedEntry(url: urls.absolute(urls.project(p)), title: p.title, updated: date, published: nil, author: nil,
                         categories: categories(p.fields), summary: p.summary, contentHTML: html, language: p.lang)
    }

    // MARK: iCalendar

    func calendars() -> [OutputFile] {
        let urls = site.urls
        let ics = ICalendar(site: site, strings: strings)
        let entries = Dictionary(uniqueKeysWithValues: site.events.map { ($0.id, ics.entry($0)) })
        let entriesOf = { (events: [Event]) in events.compactMap { entries[$0.id] } }
        var files = [OutputFile(urls.calendar(urls.events), ics.calendar(name: "\(strings["events.title"]) – \(site.config.title)", entries: entriesOf(events) + participationCalendarEntries()))]
        for f in site.fields {
            files.append(OutputFile(urls.calendar(urls.field(f)),
                                    ics.calendar(name: "\(f.title) – \(site.config.title)", entries: entriesOf(events.filter { $0.fields.contains(f.slug) }) + participationCalendarEntries(field: f.slug))))
        }
        return files + eventCalendars(ics, entries: entries)
    }

    /// Each event's own calendar file (`termin.ics`), which its page offers to download.
    func eventCalendars(_ ics: ICalendar, entries: [String: String]? = nil) -> [OutputFile] {
        site.events.map { e in
            OutputFile(site.urls.eventCalendar(e), ics.calendar(name: e.title, entries: [entries?[e.id] ?? ics.entry(e)]))
        }
    }
}
