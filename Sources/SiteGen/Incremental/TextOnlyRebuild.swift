#if canImport(Glibc)
import Glibc
#endif

/// The rebuild for the commonest edit: the Markdown text of a few items changed and nothing else
/// (no front matter, no other file, no template). Everything else about the site is as in the
/// last build, so only these things can change (see `Builder.skeleton`):
/// - each item's own page, where only the rendered body differs: the new HTML goes into the
///   place the old one had in the page's file (`BodyRange`);
/// - the item's search terms and excerpt (`SearchIndexPatch`);
/// - the page's messages: its Markdown's and its link check's.
/// It reads the changed files, the pages and the search index files, and `TextOnlyState`; not
/// the other content, the cache or the templates. Whenever it cannot be sure to give what a
/// full build gives (a heading changed the page's ids, a post is in the blog feed, an error, a
/// file not as it expects), it steps aside and the full pipeline runs. Tested against full
/// builds byte for byte.
struct TextOnlyRebuild {
    let builder: Builder
    let previous: BuildState
    let state: TextOnlyState
    let listing: [(root: String, files: [FileEntry])]

    /// At most this many changed texts; more go through the pipeline, which renders in parallel.
    static let maxChanges = 20

    /// Everything the rebuild will write, worked out before anything is written.
    struct Plan {
        var report: BuildReport
        var files: [(path: String, bytes: [UInt8])]
        var gone: [String]
        var stalePages: [String]
        var newState: TextOnlyState
        var newBuildState: BuildState
    }

    private struct Edit {
        var item: TextOnlyState.Item
        var text: String
        var textHash: UInt64
        /// The item as the last build left it.
        var before: TextOnlyState.Item? = nil
    }

    /// Why a change needs the full pipeline (shown by `--verbose`).
    struct StepAside: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    func plan() throws(StepAside) -> Plan {
        guard state.program == Builder.programIdentity else { throw StepAside("the last build was made by another sitegen") }
        guard state.options == builder.optionsKey else { throw StepAside("the options differ from the last build's") }
        let edits = try changedTexts()
        guard !edits.isEmpty else { return plan(edits: [], links: nil, files: [], gone: []) }
        guard let links = state.links() else { throw StepAside("its state is damaged") }
        let output = builder.location.output
        let outputName = builder.displayName(output)
        let disk = LocalFileSystem()
        let resolver = LinkResolver(page: { links.pathBySource.value($0) }, exclusion: { links.excludedSources.value($0) },
                                    isAsset: { links.assets.contains($0) }, basePath: links.basePath)
        let markdown = MarkdownRenderer(unsafeHTML: links.unsafeHTML) { resolver.resolve($0, from: $1, isImage: $2) }
        let outputs = links.outputs
        let tokenizer = SharedSearchTokenizer()

        var files: [(path: String, bytes: [UInt8])] = []
        var searchChanges: [SearchIndexPatch.Change] = []
        var mended: [Edit] = []
        for edit in edits {
            var item = edit.item
            let rendered = markdown.render(MarkdownBody(text: edit.text, source: item.source))
            let html = Array(rendered.html.utf8)
            let file = URLScheme.outputFile(item.page)
            guard !html.isEmpty, let old = try? disk.readFile(output + "/" + file), old.count == item.pageSize,
                  item.body.offset + item.body.length <= old.count else {
                throw StepAside("\(outputName)/\(file) is not as the last build left it")
            }
            let page = Array(old[..<item.body.offset]) + html + Array(old[(item.body.offset + item.body.length)...])
            let refs = HTMLScanner.scan(String(decoding: page, as: UTF8.self))
            // Other pages' links to this one's anchors stay as they were only with the same ids.
            guard TextOnlyState.idsHash(refs.ids) == item.idsHash else {
                throw StepAside("\(item.source.display) has new or other headings (ids other pages can link to)")
            }

            var unreadable = false
            let check = PageLinkCheck(
                baseURL: links.baseURL, basePath: links.basePath, hasFile: { outputs.contains($0) },
                ids: { path in
                    if path == file { return refs.ids }
                    guard outputs.contains(path), path.hasSuffix(".html") else { return nil }
                    guard let bytes = try? disk.readFile(output + "/" + path) else { unreadable = true; return nil }
                    return HTMLScanner.scan(String(decoding: bytes, as: UTF8.self)).ids
                },
                headings: { _ in [] }, pageOfSource: { links.pathBySource.value($0) }, hasBody: { $0 == item.source.path },
                bodyText: { $0.path == item.source.path ? edit.text : nil }, outputName: outputName)
            var record = PageRecord(path: item.page, source: item.source, refs: refs)
            record.anchors = rendered.anchors
            let findings = rendered.diagnostics + check.check(record)
            // Errors fail the build: the pipeline reports them with everything it knows.
            guard !unreadable else { throw StepAside("a page it links to cannot be read") }
            guard !findings.contains(where: { $0.severity == .error }) else { throw StepAside("\(item.source.display) has an error") }

            if let doc = item.searchDoc {
                let search = tokenizer.tokenize(rendered.plainText)
                searchChanges.append(SearchIndexPatch.Change(
                    doc: doc, weights: SearchIndex.weights(body: search, texts: item.searchTexts, tokenizer: tokenizer),
                    excerpt: item.excerptFromBody ? search.excerpt : nil))
            }
            files.append((file, page))
            item.textHash = edit.textHash
            item.pageSize = page.count
            item.body.length = html.count
            item.findings = findings
            mended.append(Edit(item: item, text: edit.text, textHash: edit.textHash, before: edit.item))
        }

        var gone: [String] = []
        // The search index may now have more or fewer shards: then the site's files change.
        var changedLinks: TextOnlyState.Links?
        if !searchChanges.isEmpty {
            let folder = output + "/" + links.searchFolder
            guard let patch = SearchIndexPatch(read: { MappedFile(folder + $0) }).apply(searchChanges) else {
                throw StepAside("the search index is not as the last build left it")
            }
            files += patch.files.map { (links.searchFolder + $0.name, $0.bytes) }
            gone = patch.gone.map { links.searchFolder + $0 }
            if !gone.isEmpty || files.contains(where: { !outputs.contains($0.path) }) {
                var all = Set(outputs.keys)
                for f in files { all.insert(f.path) }
                for g in gone { all.remove(g) }
                guard let table = SortedTable(all.map { ($0, nil) }, hasValues: false) else { throw StepAside("a file name holds a NUL") }
                changedLinks = links
                changedLinks?.outputs = table
            }
        }
        return plan(edits: mended, links: changedLinks, files: files, gone: gone,
                    fileCount: changedLinks?.outputs.count ?? links.outputs.count)
    }

    /// The report and the new states for `edits` (each with the item as it is after the rebuild).
    /// - Parameters: links: new links when the site's files changed; fileCount: the site's files.
    private func plan(edits: [Edit], links: TextOnlyState.Links?, files: [(path: String, bytes: [UInt8])], gone: [String],
                      fileCount: Int? = nil) -> Plan {
        var warnings = Set(previous.warnings)
        for edit in edits {
            for d in edit.before?.findings ?? [] { warnings.remove(d) }
            for d in edit.item.findings { warnings.insert(d) }
        }
        var newState = state
        newState.updateInputs(listing)
        for edit in edits { newState.replace(edit.item) }
        if let links { newState.setLinks(links) }
        let fileCount = fileCount ?? previous.files

        var report = BuildReport()
        report.upToDate = edits.isEmpty
        report.diagnostics = warnings.sorted()
        report.pages = previous.pages
        report.rendered = edits.count
        report.files = fileCount
        report.written = files.count
        report.unchanged = fileCount - files.count
        report.validity = (previous.validFrom, previous.validUntil)
        // The bytes of every input are not read, so the fingerprint is unknown (0): a later build
        // whose files were only touched goes through the pipeline instead of stopping early.
        let buildState = BuildState(fingerprint: edits.isEmpty ? previous.fingerprint : 0, stamp: builder.inputStamp(listing),
                                    pages: previous.pages, files: fileCount, warnings: report.diagnostics,
                                    validFrom: previous.validFrom, validUntil: previous.validUntil)
        return Plan(report: report, files: files, gone: gone, stalePages: edits.map(\.item.page), newState: newState,
                    newBuildState: buildState)
    }

    /// The texts that changed since the last build; nil when anything else changed (a file added,
    /// removed or written other than an item's text), or too many.
    ///
    /// Files are compared by position in the listing: a file added or removed shifts the others,
    /// so their paths, and their hashes, differ there. Each differing entry must then be an item
    /// whose file is read and checked, and an added file is none: such a change goes to the pipeline.
    private func changedTexts() throws(StepAside) -> [Edit] {
        guard listing.count == state.inputs.count else { throw StepAside("the folders differ from the last build's") }
        var changed: [FileEntry] = []
        for (now, before) in zip(listing, state.inputs) {
            guard now.root == before.root else { throw StepAside("the folders differ from the last build's") }
            guard now.files.count == before.hashes.count else { throw StepAside("files were added or removed in \(now.root)") }
            for (file, hash) in zip(now.files, before.hashes) where TextOnlyState.fileHash(file) != hash {
                guard now.root == builder.location.content else { throw StepAside("a template or theme file changed") }
                guard changed.count < Self.maxChanges else { throw StepAside("more than \(Self.maxChanges) files changed, or files were added or removed") }
                changed.append(file)
            }
        }
        var edits: [Edit] = []
        for entry in changed {
            let display = builder.location.content + "/" + entry.relativePath
            guard let item = state.item(entry.relativePath) else {
                throw StepAside("\(display) is not the text of an event, project, page, the strategy or a post outside the blog feed")
            }
            guard entry.size <= ContentLoader.maxMarkdownBytes,
                  let bytes = try? builder.fileSystem.readFile(builder.location.content + "/" + entry.relativePath),
                  let text = FrontMatter.decodeText(bytes), let split = try? FrontMatter.split(text), split.hasFrontMatter else {
                throw StepAside("\(display) cannot be read as a Markdown file")
            }
            guard LoadedDocument.frontMatterHash(split) == item.frontMatterHash else { throw StepAside("the front matter of \(display) changed") }
            // Written again with the same text: nothing to do for it.
            let textHash = ContentHash.of(split.body)
            if textHash == item.textHash { continue }
            edits.append(Edit(item: item, text: split.body, textHash: textHash))
        }
        return edits
    }

    /// Writes the plan: first the build state is removed (a build stopped half-way then starts
    /// afresh: without it neither this rebuild nor the cache is used), the cache told which of
    /// its entries are stale, each file renamed into place, the changes appended to the state's
    /// journal and the build state saved again.
    func commit(_ plan: Plan) -> BuildReport {
        var report = plan.report
        let output = builder.location.output
        let statePath = BuildState.path(forOutput: output)
        let textsPath = TextOnlyState.path(forOutput: output)
        BuildState.remove(statePath)
        let cachePath = BuildCache.path(forOutput: output)
        let parts = plan.stalePages.isEmpty ? [] : ["search"]
        guard plan.stalePages.isEmpty || BuildCache.markStale(cachePath, pages: plan.stalePages, parts: parts) else {
            report.diagnostics.append(.error(cachePath, "cannot be written; run the build again with --clean"))
            return report
        }
        for (path, bytes) in plan.files where !writeFileAtomically(output + "/" + path, bytes) {
            report.diagnostics.append(.error(output + "/" + path, "cannot be written; the next build makes the whole site again"))
            return report
        }
        for path in plan.gone { unlink(output + "/" + path) }
        guard plan.newState.saveChanges(textsPath, limit: builder.textJournalLimit) else {
            TextOnlyState.remove(textsPath)
            return report
        }
        plan.newBuildState.save(statePath)
        return report
    }
}
