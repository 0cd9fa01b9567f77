/// The typed items of one version of the site (its own language, or a translation).
struct DecodedItems {
    var fields: [Field] = [], posts: [Post] = [], events: [Event] = []
    var projects: [Project] = [], pages: [Page] = [], strategies: [Strategy] = []
    var participation: [Participation] = []
}

/// Stage 2 for each version: documents → typed items → a validated `Site`.
struct Modeller {
    let options: BuildOptions
    let fileSystem: any FileSystem
    let contentRoot: String
    let displayRoot: String
    let content: LoadedContent
    /// Files that could not be read or decoded, so links to them get a fitting message.
    var failed: [String: String]
    /// Items that hold a stand-in for a missing value (`StandIn`), by source path.
    var standIns: Set<String> = []
    /// Known keys written under another name, by source path (`Site.misnamedKeys`).
    var misnamedKeys: [String: Set<String>] = [:]
    var diagnostics: [Diagnostic] = []

    /// Gives each document its type; front matter problems go to `diagnostics`. Each document is
    /// decoded on its own (side by side); the items keep the documents' order.
    mutating func decode(_ documents: [LoadedDocument]) -> DecodedItems {
        var results = parallelMap(documents) { Self.decodeOne($0) }
        var items = DecodedItems()
        // Each result is moved out of the list and each document read in place, not copied.
        for i in documents.indices {
            guard let (item, problems, reader) = results[i].take() else { continue }
            let path = documents[i].source.path
            if reader.standIn { standIns.insert(path) }
            if !reader.misnamed.isEmpty { misnamedKeys[path] = reader.misnamed }
            switch item {
            case .field(let x): items.fields.append(x)
            case .post(let x): items.posts.append(x)
            case .event(let x): items.events.append(x)
            case .project(let x): items.projects.append(x)
            case .page(let x): items.pages.append(x)
            case .strategy(let x): items.strategies.append(x)
            case .participation(let x): items.participation.append(x)
            case nil: failed[path] = Publication.ownErrors
            }
            diagnostics += problems
        }
        return items
    }

    private enum DecodedItem {
        case field(Field), post(Post), event(Event), project(Project), page(Page), strategy(Strategy), participation(Participation)
    }

    /// One document as its type (nil when it cannot be), with its problems, whether it holds a
    /// stand-in and which keys it writes under another name; nil without front matter.
    private static func decodeOne(_ doc: LoadedDocument) -> (DecodedItem?, [Diagnostic], (standIn: Bool, misnamed: Set<String>))? {
        guard let map = doc.frontMatter else { return nil }
        if let problem = KindMismatch.problem(doc, map) { return (nil, [problem], (false, [])) }
        var r = FrontMatterReader(map, file: doc.source.display)
        r.checkKeys(known: DocumentDecoder.keys(for: doc.kind))
        let item: DecodedItem?
        switch doc.kind {
        case .field: item = DocumentDecoder.field(doc, &r).map(DecodedItem.field)
        case .post: item = DocumentDecoder.post(doc, &r).map(DecodedItem.post)
        case .event: item = DocumentDecoder.event(doc, &r).map(DecodedItem.event)
        case .project: item = DocumentDecoder.project(doc, &r).map(DecodedItem.project)
        case .page: item = DocumentDecoder.page(doc, &r).map(DecodedItem.page)
        case .strategy: item = DocumentDecoder.strategy(doc, &r).map(DecodedItem.strategy)
        case .participation: item = DocumentDecoder.participation(doc, &r).map(DecodedItem.participation)
        }
        return (item, r.diagnostics, (r.usesStandIn, r.misnamedKeys))
    }

    /// Leaves out what is not to be published (remembering it to explain links to it), sorts, and
    /// validates. `original`: the site in its own language, when this is a translation.
    func site(_ decoded: DecodedItems, config: SiteConfig, original: Site? = nil) -> (Site, [Diagnostic]) {
        var i = decoded
        let boundaries = i.posts.map(\.date.epochSeconds) + i.events.map(\.endsAt.epochSeconds) + i.participation.flatMap(\.statusBoundaries)
        var excluded = failed
        var withheld: [Withheld] = []
        let now = options.now
        // A translation is withheld with its original: the English text of a draft is no less unpublished.
        let originals = Dictionary((original?.withheld ?? []).map { ($0.file, $0.reason) }) { first, _ in first }
        // A preview shows what it is asked for: drafts with --drafts, future posts with --future.
        let shown: [Publication.Reason] = (options.drafts ? [.draft] : []) + (options.future ? [.future] : [])
        func keep(_ draft: Bool, _ source: SourceRef, date: DateTime? = nil) -> Bool {
            // A stand-in date says nothing about when the item appears; its error fails the build anyway.
            let date = standIns.contains(source.path) ? nil : date
            let reasons = [Publication.withheld(draft: draft, now: now), Publication.withheld(draft: false, date: date, now: now),
                           originals.isEmpty ? nil : Variant.of(source.display).flatMap { originals[$0.original] }]
            guard let hidden = reasons.compactMap({ $0 }).first(where: { !shown.contains($0) }) else { return true }
            excluded[source.path] = hidden.explanation
            withheld.append(Withheld(file: source.display, reason: hidden))
            return false
        }
        i.fields = i.fields.filter { keep($0.draft, $0.body.source) }
        let scheduled = options.future ? [] : i.posts.filter {
            !$0.draft && !standIns.contains($0.source.path) && Publication.withheld(draft: false, date: $0.date, now: now) == .future
        }
        i.posts = i.posts.filter { keep($0.draft, $0.source, date: $0.date) }
        i.events = i.events.filter { keep($0.draft, $0.source) }
        i.projects = i.projects.filter { keep($0.draft, $0.source) }
        i.pages = i.pages.filter { keep($0.draft, $0.source) }
        i.participation = i.participation.filter { keep($0.draft, $0.source) }
        Self.sort(&i)
        var site = Site(config: config, urls: URLScheme(config: config), options: options, fields: i.fields, posts: i.posts,
                        events: i.events, projects: i.projects, pages: i.pages, strategy: Self.strategy(i.strategies),
                        assets: content.assets, strategyPDFSize: nil)
        site.participation = i.participation
        site.scheduledPosts = scheduled
        site.excludedSources = excluded
        site.withheld = withheld.sorted { $0.file < $1.file }
        site.configHash = content.configHash
        site.misnamedKeys = misnamedKeys
        site.standIns = standIns
        if let home = content.documents.first(where: { $0.source.path == EasyRead.homeFile }), let map = home.frontMatter {
            // A draft is no page of the published site (the required-page check names it).
            var reader = FrontMatterReader(map, file: home.source.display)
            site.easyReadHomeIsDraft = !options.drafts && reader.bool("draft") == true
            site.hasEasyReadHome = !site.easyReadHomeIsDraft
        }
        site.timeBoundaries = boundaries
        if let original { TranslatedSite.prepare(&site, original: original) }
        var diagnostics = SiteValidator.validate(&site, fileSystem: fileSystem, contentRoot: contentRoot, displayRoot: displayRoot)
        if let original { diagnostics += TranslatedSite.link(&site, original: original) + TranslationDates.check(site, original: original) }
        return (site, diagnostics)
    }

    /// The site has one strategy page: `strategy.md` when there is one. A marked file of no
    /// version (`strategy.en.md` without `en:` in site.yml) came first and took its place.
    static func strategy(_ strategies: [Strategy]) -> Strategy? {
        strategies.first { $0.source.path == "strategy.md" } ?? strategies.first
    }

    static func sort(_ i: inout DecodedItems) {
        i.fields.sort { ($0.order, $0.slug) < ($1.order, $1.slug) }
        i.posts.sort { $0.date != $1.date ? $0.date > $1.date : $0.source.path < $1.source.path }
        i.events.sort { $0.start != $1.start ? $0.start < $1.start : $0.source.path < $1.source.path }
        i.projects = i.projects.sorted(byKey: { (GermanText.sortKey($0.title), $0.title) }, using: <)
        i.participation.sort { $0.start != $1.start ? $0.start < $1.start : $0.source.path < $1.source.path }
        i.pages = i.pages.sorted(byKey: pageOrder, using: <)
    }

    /// Pages by `menu:` number (those without one last), then title and slug.
    static func pageOrder(_ p: Page) -> (Int, String, String) { (p.menu ?? Int.max, GermanText.sortKey(p.title), p.slug) }
}
