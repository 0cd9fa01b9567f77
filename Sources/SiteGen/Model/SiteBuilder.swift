/// Stage 2: give the loaded documents their types, leave out drafts and future posts,
/// and validate everything that can be checked before rendering.
public enum SiteBuilder {
    public static func build(_ content: LoadedContent, options: BuildOptions, fileSystem: any FileSystem,
                             contentRoot: String, displayRoot: String) -> (Site?, [Diagnostic]) {
        var diagnostics = content.diagnostics
        let configFile = displayRoot.isEmpty ? "site.yml" : displayRoot + "/site.yml"
        // No message of its own when loading already said why there is no site.yml (the file's
        // message, or the whole content folder's).
        let explained = diagnostics.contains { $0.file == configFile || ($0.file == displayRoot && $0.severity == .error) }
        let (configOrNil, configDiagnostics) = content.config == nil && explained
            ? (nil, [])
            : SiteConfig.decode(content.config, file: configFile, overrideBaseURL: options.baseURL)
        diagnostics += configDiagnostics

        var fields: [Field] = [], posts: [Post] = [], events: [Event] = []
        var projects: [Project] = [], pages: [Page] = [], strategies: [Strategy] = []
        var participation: [Participation] = []
        // Files that could not be read are remembered, so links to them get a fitting message.
        var failed: [String: String] = [:]
        let prefix = displayRoot.isEmpty ? "" : displayRoot + "/"
        for d in content.diagnostics where d.severity == .error && d.file.hasPrefix(prefix) {
            let path = String(d.file.dropFirst(prefix.count))
            if ContentLoader.kind(of: path) != nil { failed[path] = "has errors of its own (see its messages)" }
        }
        for doc in content.documents {
            guard let map = doc.frontMatter else { continue }
            var r = FrontMatterReader(map, file: doc.source.display)
            r.checkKeys(known: DocumentDecoder.keys(for: doc.kind))
            var decoded = true
            switch doc.kind {
            case .field: if let x = DocumentDecoder.field(doc, &r) { fields.append(x) } else { decoded = false }
            case .post: if let x = DocumentDecoder.post(doc, &r) { posts.append(x) } else { decoded = false }
            case .event: if let x = DocumentDecoder.event(doc, &r) { events.append(x) } else { decoded = false }
            case .project: if let x = DocumentDecoder.project(doc, &r) { projects.append(x) } else { decoded = false }
            case .page: if let x = DocumentDecoder.page(doc, &r) { pages.append(x) } else { decoded = false }
            case .strategy: if let x = DocumentDecoder.strategy(doc, &r) { strategies.append(x) } else { decoded = false }
            case .participation: if let x = DocumentDecoder.participation(doc, &r) { participation.append(x) } else { decoded = false }
            }
            if !decoded { failed[doc.source.path] = "has errors of its own (see its messages)" }
            diagnostics += r.diagnostics
        }
        guard let config = configOrNil else { return (nil, diagnostics) }

        let boundaries = posts.map(\.date.epochSeconds) + events.map(\.endsAt.epochSeconds) + participation.flatMap(\.statusBoundaries)
        // Leave out what is not to be published, but remember it to explain links to it.
        var excluded = failed
        var withheld: [Withheld] = []
        let now = options.now
        // A preview shows what it is asked for: drafts with --drafts, future posts with --future.
        func keep(_ draft: Bool, _ source: SourceRef, date: DateTime? = nil) -> Bool {
            let shown: [Publication.Reason] = (options.drafts ? [.draft] : []) + (options.future ? [.future] : [])
            let reasons = [Publication.withheld(draft: draft, now: now), Publication.withheld(draft: false, date: date, now: now)]
            guard let hidden = reasons.compactMap({ $0 }).first(where: { !shown.contains($0) }) else { return true }
            excluded[source.path] = hidden.explanation
            withheld.append(Withheld(file: source.display, reason: hidden))
            return false
        }
        fields = fields.filter { keep($0.draft, $0.body.source) }
        posts = posts.filter { keep($0.draft, $0.source, date: $0.date) }
        events = events.filter { keep($0.draft, $0.source) }
        projects = projects.filter { keep($0.draft, $0.source) }
        pages = pages.filter { keep($0.draft, $0.source) }
        participation = participation.filter { keep($0.draft, $0.source) }

        fields.sort { ($0.order, $0.slug) < ($1.order, $1.slug) }
        posts.sort { $0.date != $1.date ? $0.date > $1.date : $0.source.path < $1.source.path }
        events.sort { $0.start != $1.start ? $0.start < $1.start : $0.source.path < $1.source.path }
        projects.sort { GermanText.precedes($0.title, $1.title) }
        participation.sort { $0.start != $1.start ? $0.start < $1.start : $0.source.path < $1.source.path }
        pages.sort { ($0.menu ?? Int.max, GermanText.sortKey($0.title), $0.slug) < ($1.menu ?? Int.max, GermanText.sortKey($1.title), $1.slug) }

        var site = Site(config: config, urls: URLScheme(config: config), options: options, fields: fields, posts: posts,
                        events: events, projects: projects, pages: pages, strategy: strategies.first,
                        assets: content.assets, strategyPDFSize: nil)
        site.participation = participation
        site.excludedSources = excluded
        site.withheld = withheld.sorted { $0.file < $1.file }
        site.configHash = content.configHash
        site.timeBoundaries = boundaries
        diagnostics += SiteValidator.validate(&site, fileSystem: fileSystem, contentRoot: contentRoot, displayRoot: displayRoot)
        return (site, diagnostics)
    }
}
