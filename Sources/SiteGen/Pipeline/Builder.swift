/// Runs the pipeline: load → model → render → write.
public struct Builder: Sendable {
    public var location: SiteLocation
    public var options: BuildOptions
    public var fileSystem: any FileSystem
    /// When true, warnings fail the build too (`--strict`).
    public var strict = false
    /// Start from an empty output (`--clean`).
    public var clean = false
    /// Replace an output folder that no earlier build made (`--force`, see `foreignOutputProblem`).
    public var force = false
    /// Gather links to other sites for `check --external` (costs a look into every page's source).
    public var collectExternalLinks = false
    /// Kept across builds in one process (the preview server): only what changed is done again.
    public var cache: BuildCache?
    /// False in a command that exits after one build: the site, the store's tables and the
    /// rendered records are then left to the system at exit (see `LeftUntilExit`).
    public var freesMemoryAfterBuild = true
    /// Told the name of each stage as it starts (for a progress line on a terminal).
    public var progress: (@Sendable (String) -> Void)?
    /// The fingerprint of the inputs of the output that exists already; when the new inputs have
    /// the same one, rendering is skipped (`BuildReport.upToDate`).
    var knownFingerprint: UInt64?
    /// The content folder's files as the input stamp listed them (a listing without problems).
    var contentListing: [FileEntry]?

    public init(location: SiteLocation, options: BuildOptions, fileSystem: any FileSystem = LocalFileSystem()) {
        self.location = location
        self.options = options
        self.fileSystem = fileSystem
    }

    /// Loads, models, renders and checks into `sink`. Returns the report; the site is complete in
    /// the sink only when the report has no errors. Unless an in-memory `cache` keeps pages, the
    /// returned site's Markdown texts are empty once rendering is done (let go to save memory).
    public func run(into sink: OutputSink) -> (BuildReport, Site?) {
        var report = BuildReport()
        let clock = Stopwatch()
        cache?.beginBuild()
        defer { if let old = cache?.endBuild() { release(old) } }
        let modelled = loadAndModel(&report, clock)
        // The stored tables rendering reads were decoded while the content was loaded.
        cache?.awaitStoredTables()
        // Content errors do not stop here: rendering still runs so one build reports every problem
        // (broken links too). Only a missing site.yml or broken templates (or UI strings) stop it.
        guard let site = modelled.site, let templates = modelled.templates else {
            report.diagnostics = Array(Set(report.diagnostics)).sorted()
            return (report, modelled.site)
        }
        report.withheld = site.withheld
        report.language = site.config.language
        let versions = versionRenderers(site, modelled, &report)
        // Without a version's pages, every link to them would be reported as leading nowhere.
        guard versions.complete else {
            report.diagnostics = Array(Set(report.diagnostics)).sorted()
            return (report, site)
        }
        report.fingerprint = ContentHash.mix(fingerprint(modelled.content, templates), versions.templatesHash)
        report.validity = Self.validity(site)
        if let known = knownFingerprint, known == report.fingerprint, report.succeeded {
            report.upToDate = true
            return (report, site)
        }
        progress?("render")
        var renderer = SiteRenderer(site: site, templates: templates, contentRoot: location.content, memo: cache ?? NoMemo(),
                                    fileSystem: fileSystem)
        renderer.skeleton = skeleton(modelled.skeleton, templates, validity: report.validity ?? (.min, .max))
        renderer.outputName = displayName(location.output)
        renderer.contentName = displayName(location.content)
        renderAndCheck([renderer] + versions.renderers, into: sink, &report, clock)
        release(renderer, versions.renderers)
        report.diagnostics = FullDisk.collapse(Array(Set(report.diagnostics)).sorted(), output: displayName(location.output))
        return (report, site)
    }

    /// Stages 1 and 2: the content read and given its types, the templates loaded; with the
    /// hashes of the content (all of it, and all but the Markdown texts) for the store.
    private func loadAndModel(_ report: inout BuildReport, _ clock: Stopwatch)
        -> (site: Site?, templates: TemplateSet?, content: UInt64, skeleton: UInt64) {
        let displayContent = displayName(location.content)
        var loader = ContentLoader(fileSystem: fileSystem, root: location.content, displayRoot: displayContent)
        if let cache { loader.memo = cache }
        loader.listed = contentListing
        // The loaded documents (their YAML trees) are let go before rendering: a closure scope ends
        // their lifetime for sure, which matters at 50,000 items.
        let (site, diagnostics, content, skeleton, templatesLoading) = { () -> (Site?, [Diagnostic], UInt64, UInt64, Pending<(TemplateSet?, [Diagnostic])>) in
            progress?("load")
            let loaded = loader.load()
            report.timings.append(("load", clock.lap()))
            progress?("model")
            // The templates are loaded and checked on another thread while the site is modelled.
            let templatesLoading = loadTemplates(language: SiteConfig.siteLanguage(loaded.config, overrideBaseURL: options.baseURL))
            let (site, diagnostics) = SiteBuilder.build(loaded, options: options, fileSystem: fileSystem,
                                                        contentRoot: location.content, displayRoot: displayContent)
            return (site, diagnostics, site.map { contentFingerprint(loaded, $0) } ?? 0, site.map { contentSkeleton(loaded, $0) } ?? 0,
                    templatesLoading)
        }()
        let (templates, templateDiagnostics) = templatesLoading.value
        report.diagnostics = diagnostics + templateDiagnostics
        report.timings.append(("model", clock.lap()))
        return (site, templates, content, skeleton)
    }

    private func loadTemplates(language: String) -> Pending<(TemplateSet?, [Diagnostic])> {
        let (fileSystem, root, display) = (fileSystem, location.templates, displayName(location.templates))
        return Pending { TemplateSet.load(fileSystem: fileSystem, root: root, displayRoot: display, language: language) }
    }

    /// Stages 3 and 4: pages, then the files made from them (feeds, search index …), the assets,
    /// then the link check over all of it.
    /// `renderers`: the site's own first, then one per language version (see `versionRenderers`).
    private func renderAndCheck(_ renderers: [SiteRenderer], into sink: OutputSink, _ report: inout BuildReport, _ clock: Stopwatch) {
        let renderer = renderers[0]
        let rendered = renderAll(renderers, into: sink)
        let pagesTime = clock.lap()
        // The pages' links to files are gathered while the formats are made (the search index
        // leaves a core free at times).
        let records = rendered.records
        let linked = Pending { renderer.linkedAssets(records) }
        let formats = renderFormatsOfAll(renderers, rendered, into: sink)
        var outputs = Set(rendered.records.map { URLScheme.outputFile($0.path) }).union(formats.written).union(formats.kept)
        // A text file per searchable page, for search.js only: left out of the link check's world, whose key would change with every text edit.
        let searchTexts = rendered.records.count { $0.search != nil }
        let assetProblems = renderer.copyAssets(into: sink, outputs: &outputs, records: rendered.records, linked: linked.value)
            + renderer.themeStyleSheetProblems(outputs: outputs, templatesName: displayName(location.templates))
        let formatsTime = clock.lap()
        let checker = OutputChecker(site: renderer.site, records: rendered.records, outputs: outputs, outputName: renderer.outputName,
                                    bodyText: renderer.bodyText)
        let findings = TemplateFindings.collapse(checker.checkEach(memo: cache ?? NoMemo()).flatMap { $0 }) {
            TemplateFindings.texts(fileSystem: fileSystem, root: location.templates, display: displayName(location.templates))
        }
        let scheduled = renderers.flatMap { $0.scheduledPostFindings() }
        report.diagnostics += formats.problems + assetProblems + rendered.records.flatMap(\.diagnostics) + findings + scheduled
        report.pages = rendered.records.count
        report.rendered = cache?.renderedPages ?? rendered.records.count
        report.files = outputs.count + searchTexts
        report.externalLinks = collectExternalLinks ? checker.externalLinks() : []
        let checkTime = clock.lap()
        report.timings.append(("render", pagesTime + formatsTime))
        report.timings += (rendered.timings + [("formats and assets", formatsTime)]).map { ("  " + $0.0, $0.1) }
        report.timings.append(("check links", checkTime))
        release(rendered, checker, formats, outputs)
    }

    /// Hands values the build is done with to `LeftUntilExit` in a one-shot command; elsewhere
    /// they are freed when the caller lets them go.
    private func release(_ values: Any...) {
        if !freesMemoryAfterBuild { LeftUntilExit.keep(values) }
    }

    /// Builds into the output folder: staging, then one swap. A failed build leaves the old output
    /// untouched; the store beside the output lets the next build skip what did not change.
    public func build() -> BuildReport {
        let clock = Stopwatch()
        if let problem = location.outputProblem(fileSystem) ?? (force ? nil : location.foreignOutputProblem(fileSystem)) {
            return BuildReport(failure: .error(location.output, problem))
        }
        let store = BuildStore(output: location.output, fileSystem: fileSystem)
        // The store (tens of megabytes at 10,000 items) is read while the inputs are listed.
        let reading = clean || !fileSystem.isDirectory(location.output) ? nil : Pending { store.read() }
        let listing = inputListing()
        let stamp = listing.map(inputStamp)
        let stored = reading?.value
        let plan = BuildPlan(stored: stored, stamp: stamp, now: options.now.epochSeconds)
        if case .nothing(let record) = plan {
            // A build that was killed left its staging folder; the next one that writes removes
            // it, and one that has nothing to write does too (it can be as big as the site).
            StagingWriter.removeAbandonedStagings(beside: location.output, fileSystem: fileSystem)
            var report = BuildReport(upToDate: record)
            report.timings.append(("check inputs", clock.lap()))
            return report
        }
        let writer: StagingWriter
        do {
            writer = try StagingWriter(output: location.output, clean: clean, fileSystem: fileSystem, listsOldOutputEarly: plan.isRebuild)
        } catch {
            return BuildReport(failure: .error(location.output, "\(error)"))
        }
        var builder = self
        builder.knownFingerprint = plan.knownFingerprint
        builder.contentListing = listing?.first?.files
        builder.cache = cache ?? plan.cache ?? BuildCache(keepsPages: false)
        let readTime = clock.lap()
        var (report, site) = builder.run(into: writer)
        report.timings.insert(("check inputs, read store", readTime), at: 0)
        let finished = builder.finish(report, writer: writer, store: store, plan: plan, stamp: stamp ?? 0, clock: clock)
        release(site as Any, builder.cache as Any, plan, writer)
        return finished
    }

    /// Puts the output in place and saves the store, or leaves both as they were.
    private func finish(_ report: BuildReport, writer: StagingWriter, store: BuildStore, plan: BuildPlan,
                        stamp: UInt64, clock: Stopwatch) -> BuildReport {
        var report = report
        _ = clock.lap()
        if report.upToDate, case .changed(let stored, _) = plan {
            // Files were touched but their bytes are the same: only the stamp is new.
            writer.abandon()
            var record = stored.record
            record.stamp = stamp
            store.save(record, tables: [stored.tableBytes])
            report = BuildReport(upToDate: record)
            report.timings.append(("write", clock.lap()))
            return report
        }
        if !report.succeeded || (strict && !report.diagnostics.isEmpty) {
            writer.abandon()
            return report
        }
        progress?("write")
        // A stop (Ctrl-C) waits until the output and its store are in place.
        Interruption.shared.uninterrupted {
            store.markChanging()
            do { try writer.commit() } catch {
                writer.abandon()
                report.diagnostics.append(.error(location.output, "\(error)"))
            }
            report.written = writer.written
            report.unchanged = writer.kept
            report.timings.append(("write", clock.lap()))
            if let record = report.record(stamp: stamp), let cache, !cache.keepsPages {
                store.save(record, tables: cache.encodedTables())
                report.timings.append(("save store", clock.lap()))
            }
        }
        return report
    }

    /// The folder name as editors know it: `content`, or the path they passed.
    func displayName(_ path: String) -> String {
        var p = path
        while p.hasSuffix("/") && p.count > 1 { p.removeLast() }
        if p.hasPrefix("./") { p.removeFirst(2) }
        return p
    }
}
