/// The content's own files (downloads, images) and the theme's assets, copied into the output.
extension SiteRenderer {
    /// Copies every asset whose address no made file has; a file of the content may not take the
    /// place of a file the build makes (a page, a feed, the sitemap): it would replace it without a word.
    /// - Parameter outputs: the files made so far; the copied assets are added.
    /// - Parameter linked: `linkedAssets(records)`, which the caller may make while other work runs.
    func copyAssets(into sink: OutputSink, outputs: inout Set<String>, records: [PageRecord], linked: Set<String>) -> [Diagnostic] {
        var diagnostics = publishImages(into: sink, outputs: &outputs, linked: linked)
        var waiting = WithheldTexts(site: site, contentRoot: contentRoot, fileSystem: fileSystem)
        var anyCase = LinkedInAnyCase(linked)
        for asset in site.assets {
            // Photos go out as the files made from them (above), never as they are.
            if ImageFormat(path: asset.path)?.isProcessed == true { continue }
            if asset.needsLink && !linked.contains(asset.path) {
                // Held back with the draft that links it, without a word; linked in another case, the
                // page's message names it; else the editor is told.
                if !waiting.mention(asset.path) && !anyCase.contains(asset.path) { diagnostics.append(.warning(contentName + "/" + asset.path, unlinkedMessage(asset.path))) }
                continue
            }
            // A graphic only a draft or a page with errors of its own shows is no leftover to remove.
            if isUsageChecked(asset) && !linked.contains(asset.path) && !waiting.mention(asset.path) {
                diagnostics.append(.warning(contentName + "/" + asset.path, Self.unusedGraphicMessage))
            }
            if outputs.contains(asset.path) {
                let what = records.first { URLScheme.outputFile($0.path) == asset.path }.map { "the page the build makes at /\($0.path)" }
                    ?? "the file \(asset.path) the build makes"
                diagnostics.append(.error(contentName + "/" + asset.path, "file has the same address as \(what); rename or move it"))
                continue
            }
            if HTMLFileSafety.isHTML(asset.path), let bytes = try? fileSystem.readFile(contentRoot + "/" + asset.path) {
                let problems = HTMLFileSafety.problems(bytes)
                diagnostics += problems.map { .error(contentName + "/" + asset.path, $0) }
                if !problems.isEmpty { continue }
            }
            // An upload or copy that stopped before its first byte: the link would open nothing.
            if asset.size == 0 { diagnostics.append(.warning(contentName + "/" + asset.path, Self.emptyFileMessage)) }
            diagnostics += pdfProblems(asset.path).map { .warning(contentName + "/" + asset.path, $0) }
            outputs.insert(asset.path)
            do { try publish(asset.path, into: sink) } catch let refusal as PictureAsIs.Refusal {
                diagnostics.append(.error(contentName + "/" + asset.path, refusal.message))
            } catch {
                diagnostics.append(.error(contentName + "/" + asset.path, "cannot be copied: \(error)"))
            }
        }
        return diagnostics + copyThemeAssets(into: sink, outputs: &outputs)
    }

    /// Copies the theme's assets (scripts minified, pictures without personal metadata).
    private func copyThemeAssets(into sink: OutputSink, outputs: inout Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // The Leichte-Sprache stylesheet only for a site with pages in Leichte Sprache.
        for asset in templates.assets where site.easyReadVersion.isEmpty ? asset.relativePath != EasyRead.stylesheet : true {
            let path = "assets/" + asset.relativePath
            if let refusal = Self.unpublishableThemeFile(asset.relativePath) {
                diagnostics.append(.error("Templates/assets/" + asset.relativePath, refusal))
                continue
            }
            if outputs.contains(path) {
                diagnostics.append(.error(contentName + "/" + path, "file has the same address as the theme's \(path); rename it"))
                continue
            }
            outputs.insert(path)
            do {
                let source = templates.root + "/assets/" + asset.relativePath
                if path.hasSuffix(".js") {
                    try sink.write(path, ScriptMinifier.minified(try fileSystem.readFile(source)))
                } else if let format = ImageFormat(path: path), format != .svg {
                    // A designer's photo goes out as it is, but not with where and by whom it was taken.
                    switch PictureAsIs.cleaned(try fileSystem.readFile(source), format) {
                    case .success(let bytes): try sink.write(path, bytes)
                    case .failure(let refusal): diagnostics.append(.error("Templates/assets/" + asset.relativePath, refusal.message))
                    }
                } else {  // an SVG was checked when the templates were read (`TemplateSet`)
                    try sink.copy(from: source, to: path)
                }
            } catch {
                diagnostics.append(.error("Templates/assets/" + asset.relativePath, "cannot be copied: \(error)"))
            }
        }
        return diagnostics
    }

    /// Why a file of the theme's assets is not published (a picture whose metadata the build
    /// cannot remove, which browsers would not show either), or nil.
    static func unpublishableThemeFile(_ relativePath: String) -> String? {
        if let format = ContentFileRole.rawPictureFormat(Substring(relativePath)) { return ContentFileRole.rawPictureMessage(format) }
        if ImageFormat(path: relativePath) == .avif {
            return "the build cannot remove the metadata of an AVIF picture (where and with which camera it was taken), so it is not published; save it as JPEG, PNG or WebP and delete this file"
        }
        guard let format = ImageFormat(path: relativePath), format == .heic || format == .tiff else { return nil }
        return "browsers do not show \(format.name) pictures, and the file holds where and with which camera the picture was taken, so it is not published; save it as JPEG, PNG or WebP and delete this file"
    }

    /// What to look at in a PDF of the content that goes out: that it is not accessible
    /// (`PDFAccessibility`), that its properties name a person (`PDFAuthor`).
    private func pdfProblems(_ path: String) -> [String] {
        guard path.lowercased().hasSuffix(".pdf"), let facts = pdfFacts(contentRoot + "/" + path) else { return [] }
        let author = PDFAuthor.problem(facts.author, publicNames: [site.config.author, site.config.publisher.name])
        return [PDFAccessibility.problem(facts), author].compactMap { $0 }
    }

    private func pdfFacts(_ file: String) -> PDFAccessibility.Facts? {
        let memo = FileFacts.pdfs.lookup(file, fileSystem)
        if let known = memo.facts { return known }
        guard let bytes = try? fileSystem.readFile(file) else { return nil }
        let facts = PDFAccessibility.facts(bytes)
        FileFacts.pdfs.store(facts, of: file, stamp: memo.stamp)
        return facts
    }

    /// Copies a file of the content as it is; a GIF without its comments and XMP (`MetadataScrub.gif`),
    /// or not at all (`PictureAsIs.Refusal`; one named otherwise than it is, the catalog reports).
    private func publish(_ path: String, into sink: OutputSink) throws {
        guard ImageFormat(path: path) == .gif else { return try sink.copy(from: contentRoot + "/" + path, to: path) }
        let bytes = try fileSystem.readFile(contentRoot + "/" + path)
        if ImageFormat.gif.mismatch(bytes) != nil { return }
        try sink.write(path, try PictureAsIs.cleaned(bytes, .gif).get())
    }

    /// For a file that goes out only when a page links it (`ContentFileRole.attachment`, `.download`):
    /// moving it elsewhere would not publish it either. The message names its subject: it is also
    /// read on its own (a list of warnings, a ticket), not only after the file's name.
    static let unlinkedMessage = "This file is not published: no page links to it. Link it from the page it belongs to, or remove it"
    static let emptyFileMessage = "file is empty (0 bytes), so whoever opens it gets nothing; copy the file again, or remove it and the links to it"

    /// `unlinkedMessage`, or for a text file that begins like a page (`---`): a page saved by an editor that adds `.txt`.
    func unlinkedMessage(_ path: String) -> String {
        guard path.lowercased().hasSuffix(".txt"), let name = path.pathParts.last,
              let bytes = try? fileSystem.readFile(contentRoot + "/" + path), bytes.starts(with: Array("---".utf8)) else { return Self.unlinkedMessage }
        return "This file is not published: no page links to it. If it is meant as a page, rename it to '\(Slug.make(String(name.dropLast(4)))).md'; else link it from the page it belongs to, or remove it"
    }

    /// The files of the content whose publishing depends on a page linking them, that the pages link
    /// to or load (as output paths).
    func linkedAssets(_ records: [PageRecord]) -> Set<String> {
        let checked = site.assets.filter { $0.needsLink || isUsageChecked($0) }
        guard !checked.isEmpty else { return [] }
        return linkedFiles(records, anyNameWithoutDot: checked.contains { !$0.path.pathParts.last!.contains(".") })
    }

    /// Every file of the site the pages link to or load, as output paths.
    private func linkedFiles(_ records: [PageRecord], anyNameWithoutDot: Bool) -> Set<String> {
        let base = site.urls.basePath
        // Pages share most of their addresses (header, footer, icons): each is resolved once.
        // Gathered in parts side by side (a large site has a million addresses to look at).
        let parts = parallelMap(Array(stride(from: 0, to: records.count, by: 512))) { start -> Set<String> in
            var hrefs: Set<String> = []
            // By index: `for r in records` copies each record, retaining all its parts.
            for i in start..<min(records.count, start + 512) {
                if anyNameWithoutDot {
                    hrefs.formUnion(records[i].refs.links)
                    hrefs.formUnion(records[i].refs.resources)
                } else {
                    hrefs.formUnion(records[i].refs.fileLinks)
                }
            }
            return hrefs
        }
        let hrefs = parts.reduce(into: Set<String>()) { $0.formUnion($1) }
        var paths: Set<String> = []
        let baseURL = site.config.baseURL
        for href in hrefs {
            // A full address on the site's own host links the file as `/downloads/a.pdf` does (a
            // button or a registration takes only full addresses).
            let target = PageLinkCheck.internalPath(href, base: base) ?? PageLinkCheck.ownHostPath(href, baseURL: baseURL, base: base)
            if let target, !target.path.isEmpty { paths.insert(target.path) }
        }
        return paths
    }
}
