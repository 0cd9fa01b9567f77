/// The language versions of a site (`languages:` in site.yml) are rendered like the site itself,
/// each by a renderer of its own with its own UI strings, into the same output; the checks then
/// see every version's pages, so links between versions are checked too.
extension Builder {
    struct VersionRenderers {
        var renderers: [SiteRenderer] = []
        /// The versions' templates (their UI strings differ), for the build's fingerprint.
        var templatesHash: UInt64 = 0
        /// False when a version's templates could not be loaded (its UI strings file is missing
        /// or broken): the build stops there, as for the site's own templates.
        var complete = true
    }

    /// One renderer per version, with `Templates/i18n/<code>.yml`; a missing one is an error.
    func versionRenderers(_ site: Site, _ modelled: (site: Site?, templates: TemplateSet?, content: UInt64, skeleton: UInt64),
                          _ report: inout BuildReport) -> VersionRenderers {
        var result = VersionRenderers()
        guard let base = modelled.templates else { return result }
        for version in site.versions + site.easyReadVersion {
            let (templates, diagnostics) = TemplateSet.version(of: base, fileSystem: fileSystem, displayRoot: displayName(location.templates),
                                                               language: version.config.language, original: (site.config.language, base.strings))
            report.diagnostics += diagnostics
            guard let templates else { result.complete = false; continue }
            result.templatesHash = ContentHash.mix(ContentHash.mix(result.templatesHash, text: version.config.language), templates.hash)
            var renderer = SiteRenderer(site: version, templates: templates, contentRoot: location.content, memo: cache ?? NoMemo(),
                                        fileSystem: fileSystem, originalStrings: UIStrings(tree: base.strings))
            renderer.skeleton = skeleton(modelled.skeleton, templates, validity: Self.validity(site))
            renderer.outputName = displayName(location.output)
            renderer.contentName = displayName(location.content)
            result.renderers.append(renderer)
        }
        return result
    }

    /// Every version's pages, the site's own first; `counts`: how many pages each renderer made.
    func renderAll(_ renderers: [SiteRenderer], into sink: OutputSink) -> (records: [PageRecord], timings: [(String, Double)], counts: [Int]) {
        var records: [PageRecord] = [], timings: [(String, Double)] = [], counts: [Int] = []
        for (i, renderer) in renderers.enumerated() {
            let rendered = renderer.renderPages(into: sink)
            records += rendered.records
            counts.append(rendered.records.count)
            timings += rendered.timings.map { i == 0 ? $0 : ("\(renderer.site.urls.prefix) \($0.0)", $0.1) }
        }
        return (records, timings, counts)
    }

    /// Every version's feeds, calendars, data and search index, each from its own pages' records;
    /// the site's own sitemap names every version's pages.
    func renderFormatsOfAll(_ renderers: [SiteRenderer], _ rendered: (records: [PageRecord], timings: [(String, Double)], counts: [Int]),
                            into sink: OutputSink) -> (written: [String], kept: [String], problems: [Diagnostic]) {
        var written: [String] = [], kept: [String] = [], problems: [Diagnostic] = []
        var start = 0
        for (i, renderer) in renderers.enumerated() {
            let own = Array(rendered.records[start..<start + rendered.counts[i]])
            start += rendered.counts[i]
            let all = i == 0 && renderers.count > 1 ? rendered.records : nil
            let formats = renderer.renderFormats(own, allRecords: all, into: sink)
            written += formats.written
            kept += formats.kept
            problems += formats.problems
        }
        return (written, kept, problems)
    }
}
