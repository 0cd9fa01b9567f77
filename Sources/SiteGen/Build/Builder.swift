/// Where a build reads from and writes to.
public struct SiteLocation: Sendable {
    /// The content folder (`content`).
    public var content: String
    /// The templates folder (`Templates`).
    public var templates: String
    /// The output folder (`public`).
    public var output: String

    public init(content: String = "content", templates: String = "Templates", output: String = "public") {
        self.content = content
        self.templates = templates
        self.output = output
    }
}

/// Times and counts of one build, for `--verbose` and the summary line.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var pages = 0
    public var files = 0
    public var written = 0
    public var unchanged = 0
    /// Seconds per stage: load, model, render, write.
    public var timings: [(stage: String, seconds: Double)] = []
    /// Links to other sites, for `check --external`.
    public var externalLinks: [ExternalLink] = []
    /// Pages whose template ran (the others were taken from the last build).
    public var rendered = 0
    /// True when nothing changed since the last build and the output was left as it was.
    public var upToDate = false
    /// Fingerprint of this build's inputs.
    public var fingerprint: UInt64?
    /// Where "now" may move without changing this build's output (epoch seconds).
    public var validity: (from: Int64, until: Int64)?
    public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
}

/// Runs the pipeline: load → model → render → write.
public struct Builder: Sendable {
    public var location: SiteLocation
    public var options: BuildOptions
    public var fileSystem: any FileSystem
    /// When true, warnings fail the build too (`--strict`).
    public var strict = false
    /// Start from an empty output (`--clean`).
    public var clean = false
    /// Replace an output folder that holds other files than a site (`--force`, see `foreignOutputProblem`).
    public var force = false
    /// Gather links to other sites for `check --external` (costs a look into every page's source).
    public var collectExternalLinks = false
    /// Kept across builds in one process (the preview server): only what changed is done again.
    public var cache: BuildCache?
    /// Told the name of each stage as it starts (for a progress line on a terminal).
    public var progress: (@Sendable (String) -> Void)?
    /// The fingerprint of the inputs of the output that exists already; when the new inputs have
    /// the same one, rendering is skipped (`BuildReport.upToDate`).
    var knownFingerprint: UInt64?

    public init(location: SiteLocation, options: BuildOptions, fileSystem: any FileSystem = LocalFileSystem()) {
        self.location = location
        self.options = options
        self.fileSystem = fileSystem
    }

    /// Loads, models and renders into `sink`. Returns the report; the site is complete in the
    /// sink only when the report has no errors. Unless an in-memory `cache` keeps pages, the
    /// returned site's Markdown texts are empty once rendering is done (let go to save memory).
    public func run(into sink: OutputSink) -> (BuildReport, Site?) {
        var report = BuildReport()
        let clock = Stopwatch()
        let displayContent = displayName(location.content)
        var loader = ContentLoader(fileSystem: fileSystem, root: location.content, displayRoot: displayContent)
        loader.cache = cache?.keepsPages == true ? cache : nil
        loader.frontMatterCache = cache?.keepsPages == false ? cache : nil
        cache?.beginBuild()
        defer { cache?.endBuild() }
        // The loaded documents (their YAML trees) are let go before rendering: a closure scope ends
        // their lifetime for sure, which matters at 50,000 items.
        let (siteOrNil, modelDiagnostics, contentPrint, contentShape) = {
            () -> (Site?, [Diagnostic], UInt64, UInt64) in
            progress?("load")
            let loaded = loader.load()
            report.timings.append(("load", clock.lap()))
            progress?("model")
            let (site, diagnostics) = SiteBuilder.build(loaded, options: options, fileSystem: fileSystem,
                                                        contentRoot: location.content, displayRoot: displayContent)
            return (site, diagnostics, site.map { contentFingerprint(loaded, $0) } ?? 0,
                    site.map { contentSkeleton(loaded, $0) } ?? 0)
        }()
        report.diagnostics = modelDiagnostics
        let language = siteOrNil?.config.language ?? "de"
        let (templatesOrNil, templateDiagnostics) = TemplateSet.load(fileSystem: fileSystem, root: location.templates,
                                                                    displayRoot: displayName(location.templates), language: language)
        report.diagnostics += templateDiagnostics
        report.timings.append(("model", clock.lap()))
        // Content errors do not stop here: rendering still runs so one build reports every problem
        // (broken links too). Only a missing site.yml or broken templates stop it.
        guard let site = siteOrNil, let templates = templatesOrNil else {
            report.diagnostics = Array(Set(report.diagnostics)).sorted()
            return (report, siteOrNil)
        }

        let fingerprint = self.fingerprint(contentPrint, templates)
        report.fingerprint = fingerprint
        report.validity = Self.validity(site)
        if let known = knownFingerprint, known == fingerprint, report.succeeded {
            report.upToDate = true
            return (report, site)
        }

        progress?("render")
        var renderer = SiteRenderer(site: site, templates: templates, contentRoot: location.content, cache: cache,
                                    fileSystem: fileSystem)
        renderer.skeleton = skeleton(contentShape, templates, validity: report.validity ?? (.min, .max))
        renderer.outputName = displayName(location.output)
        renderer.contentName = displayContent
        let outcome = renderer
            .render(to: sink, collectExternalLinks: collectExternalLinks)
        report.diagnostics += outcome.diagnostics
        report.pages = outcome.pages
        report.rendered = cache?.renderedPages ?? outcome.pages
        report.files = outcome.files
        report.externalLinks = outcome.externalLinks
        report.timings.append(("render", clock.lap()))
        report.timings += outcome.timings.map { ("  " + $0.0, $0.1) }
        report.diagnostics = Array(Set(report.diagnostics)).sorted()
        return (report, site)
    }

    /// Builds into the output folder: staging, then one swap. A failed build leaves the old output untouched.
    public func build() -> BuildReport {
        let clock = Stopwatch()
        if let problem = location.outputProblem ?? (force ? nil : location.foreignOutputProblem) {
            var report = BuildReport()
            report.diagnostics = [.error(location.output, problem)]
            return report
        }
        let statePath = BuildState.path(forOutput: location.output)
        let previous = clean || !fileSystem.isDirectory(location.output) ? nil : BuildState.read(statePath)
        let now = options.now.epochSeconds
        let listing = inputListing()
        let stamp = listing.map(inputStamp)
        func upToDate(_ previous: BuildState, _ report: inout BuildReport) {
            report.upToDate = true
            report.pages = previous.pages
            report.files = previous.files
            report.unchanged = previous.files
            // The same inputs give the same warnings: show them again.
            report.diagnostics = previous.warnings
        }
        // Nothing written since the last build and "now" in the same span: stop before reading
        // (and before making a staging folder).
        if let previous, let stamp, stamp == previous.stamp, previous.validFrom <= now, now < previous.validUntil {
            var report = BuildReport()
            upToDate(previous, &report)
            report.timings.append(("check inputs", clock.lap()))
            return report
        }
        let writer: StagingWriter
        do { writer = try StagingWriter(output: location.output, clean: clean) } catch {
            var report = BuildReport()
            report.diagnostics = [.error(location.output, "\(error)")]
            return report
        }
        var builder = self
        // 0: a text-only rebuild made the output without reading every input.
        builder.knownFingerprint = previous.flatMap { $0.validFrom <= now && now < $0.validUntil && $0.fingerprint != 0 ? $0.fingerprint : nil }
        // The cache beside the output describes that output; without a known output, start a new one.
        let cachePath = BuildCache.path(forOutput: location.output)
        let cache = builder.cache ?? (previous != nil ? BuildCache.read(cachePath) : nil) ?? BuildCache(keepsPages: false)
        builder.cache = cache
        let readTime = clock.lap()
        var (report, _) = builder.run(into: writer)
        report.timings.insert(("check inputs, read cache", readTime), at: 0)
        _ = clock.lap()
        if report.upToDate, var previous {
            writer.abandon()
            upToDate(previous, &report)
            // Files were touched but their bytes are the same: remember the new stamp.
            previous.stamp = stamp ?? 0
            previous.save(statePath)
            report.timings.append(("write", clock.lap()))
            return report
        }
        let failed = !report.succeeded || (strict && !report.diagnostics.isEmpty)
        if failed {
            writer.abandon()
            return report
        }
        progress?("write")
        BuildState.remove(statePath)
        BuildCache.remove(cachePath)
        do { try writer.commit() } catch {
            writer.abandon()
            report.diagnostics.append(.error(location.output, "\(error)"))
        }
        report.written = writer.written
        report.unchanged = writer.kept
        report.timings.append(("write", clock.lap()))
        if report.succeeded, let fingerprint = report.fingerprint, let validity = report.validity {
            BuildState(fingerprint: fingerprint, stamp: stamp ?? 0, pages: report.pages, files: report.files,
                       warnings: report.diagnostics.filter { $0.severity == .warning },
                       validFrom: validity.from, validUntil: validity.until).save(statePath)
            if !cache.keepsPages { cache.save(cachePath) }
            report.timings.append(("save state and cache", clock.lap()))
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
