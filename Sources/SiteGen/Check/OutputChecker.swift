/// Checks the rendered site as a browser would meet it: every internal link and
/// `#anchor` leads somewhere, nothing is loaded from another host.
struct OutputChecker {
    let site: Site
    let records: [PageRecord]
    let outputs: Set<String>
    /// The output folder as messages name it.
    let outputName: String
    /// The Markdown text of a source, to find the line of an address; asked only for messages.
    private let bodyText: (SourceRef) -> String?
    /// Sources that have a Markdown body (the others are not searched).
    private let sources: Set<String>
    /// Where each source is published, the language versions' files too (`Site.pathOfEverySource`).
    private let pathOfSource: [String: String]
    private let frontMatter: FrontMatterLinks

    init(site: Site, records: [PageRecord], outputs: Set<String>, outputName: String = "public",
         bodyText: @escaping (SourceRef) -> String?) {
        self.site = site
        self.outputName = outputName
        self.records = records
        self.outputs = outputs
        self.bodyText = bodyText
        sources = Set(site.allBodies.map(\.source.path))
        pathOfSource = site.pathOfEverySource
        frontMatter = FrontMatterLinks(site)
    }

    /// Links to other sites found on the pages, for `check --external`.
    func externalLinks() -> [ExternalLink] {
        var result: [ExternalLink] = []
        let pageCheck = pageCheck()
        for r in records {
            for href in r.refs.links where href.lowercased().hasPrefix("http://") || href.lowercased().hasPrefix("https://") {
                if href.hasPrefix(site.config.baseURL) { continue }
                let (file, line, _) = pageCheck.place(href, on: r)
                result.append(ExternalLink(url: href, file: file, line: line))
            }
        }
        return result
    }

    /// - Parameter memo: where each page's findings from the last build are kept; a page's are
    ///   reused when the page (its references and text) and everything it can point at (the
    ///   site's files, every page's ids, where each source is published) are the same.
    func check(memo: any CheckMemo = NoMemo()) -> [Diagnostic] { checkEach(memo: memo).flatMap { $0 } }

    /// The findings of each record, in record order.
    func checkEach(memo: any CheckMemo = NoMemo()) -> [[Diagnostic]] {
        var idsByPath: [String: PageIDs] = [:]
        idsByPath.reserveCapacity(records.count)
        // By index: `for r in records` copies each record, retaining all its parts.
        for i in records.indices where records[i].isHTMLPage { idsByPath[URLScheme.outputFile(records[i].path)] = records[i].refs.ids }
        let world = memo.remembers ? worldKey() : nil
        let pageCheck = self.pageCheck(idsByPath: idsByPath)

        // Findings of pages that did not change, from the cache; the others are checked.
        let keys = records.map { r in world.flatMap { w in r.checkKey.map { ContentHash.mix(w, $0) } } }
        var findings: [[Diagnostic]?] = records.indices.map { i in keys[i].flatMap { memo.linkCheck(records[i].path, key: $0) } }
        let unchecked = records.indices.filter { findings[$0] == nil }

        // The same addresses stand on thousands of pages (navigation, footer, cards, badges):
        // where each leads is worked out once, all cores sharing the work (one core doing it
        // was a fifth of the link check).
        let runLength = max(16, unchecked.count / (ProcessInfoLite.cores * 16))
        let runs = stride(from: 0, to: unchecked.count, by: runLength).map { unchecked[$0..<min($0 + runLength, unchecked.count)] }
        let addressesOfRuns = parallelMap(runs) { run -> StringNumbering in
            var addresses = StringNumbering()
            for i in run {
                for href in records[i].refs.links { _ = addresses.number(of: href) }
                for href in records[i].refs.resources { _ = addresses.number(of: href) }
            }
            return addresses
        }
        var addresses = addressesOfRuns.first ?? StringNumbering()
        for more in addressesOfRuns.dropFirst() { for href in more.strings { _ = addresses.number(of: href) } }
        let destinations = PageLinkCheck.Destinations(addresses: addresses, parallelMap(addresses.strings) { pageCheck.destination($0) })

        // Pages are checked side by side; each gives its own list, joined in page order.
        let checked = parallelMap(unchecked) { i in pageCheck.check(records[i], destinations: destinations) }
        for (i, list) in zip(unchecked, checked) {
            findings[i] = list
            if let key = keys[i] { memo.storeLinkCheck(records[i].path, key: key, list) }
        }
        return findings.map { $0 ?? [] }
    }

    private func pageCheck(idsByPath: [String: PageIDs] = [:]) -> PageLinkCheck {
        PageLinkCheck(baseURL: site.config.baseURL, basePath: site.urls.basePath, hasFile: { outputs.contains($0) },
                      ids: { idsByPath[$0] }, headings: { path in records.first { $0.path == path }?.headings.map(\.id) ?? [] },
                      pageOfSource: { [pathOfSource] in pathOfSource[$0] }, hasBody: { sources.contains($0) }, bodyText: bodyText,
                      outputName: outputName, frontMatter: frontMatter)
    }

    /// Everything a page's findings depend on besides the page: the files of the site, the ids
    /// and headings of every page, where each source is published, the site's address, the name
    /// messages give the output folder.
    /// Its three parts are hashed side by side: every rebuild waits for it before any page's
    /// findings can be taken from the memo.
    private func worldKey() -> UInt64 {
        let parts = parallelMap([filesHash, pagesHash, sourcesHash]) { $0() }
        let h = ContentHash.of(site.config.baseURL + "\n" + site.urls.basePath + "\n" + outputName)
        return ContentHash.mix(ContentHash.mix(ContentHash.mix(ContentHash.mix(h, parts[0]), parts[1]), parts[2]), frontMatter.hash)
    }

    /// Sets have no order: an order-free sum of their members' hashes (sorting 28,000 paths cost more).
    private func filesHash() -> UInt64 {
        var files: UInt64 = 0
        for path in outputs { files &+= ContentHash.of(path, seed: 13) }
        return files
    }

    private func pagesHash() -> UInt64 {
        var h: UInt64 = 0
        for i in records.indices {
            var ids: UInt64 = 0
            for id in records[i].refs.ids { ids &+= ContentHash.of(id, seed: 11) }
            h = ContentHash.mix(ContentHash.mix(h, ContentHash.of(records[i].path)), ids)
            for heading in records[i].headings { h = ContentHash.mix(h, ContentHash.of(heading.id, seed: 12)) }
        }
        return h
    }

    private func sourcesHash() -> UInt64 {
        var sources: UInt64 = 0
        for (source, path) in pathOfSource { sources &+= ContentHash.mix(ContentHash.of(source), ContentHash.of(path)) }
        return sources
    }
}
