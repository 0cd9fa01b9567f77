/// The files made from the photos pages show: after the pages are rendered (they say which
/// photos are used), each photo's sizes and formats are taken over from the last output, taken
/// from the processed-image cache, or made, one photo per core.
extension SiteRenderer {
    static let unusedImageMessage = "This photo is not shown or linked by any page, so it is not published; show it with ![…](…) in the page it belongs to, or remove it"
    static let unusedGraphicMessage = "This graphic is not shown or linked by any page; show it with ![…](…) in the page it belongs to, or remove it"

    /// Publishes the photos `linked` (the output paths pages refer to) reaches, and reports the
    /// images no page uses and every problem found in an image.
    /// - Parameter outputs: the files made so far; the photos' files are added.
    func publishImages(into sink: OutputSink, outputs: inout Set<String>, linked: Set<String>) -> [Diagnostic] {
        var diagnostics = images.diagnostics.map { d in
            var d = d
            d.file = contentName + "/" + d.file
            return d
        }
        let needsLink = Set(site.assets.filter(\.needsLink).map(\.path))
        var used: [(rendition: ImageRendition, files: [ImageVariant])] = []
        var made: [String: ImageRendition] = [:]  // by output path
        var waiting = WithheldTexts(site: site, contentRoot: contentRoot, fileSystem: fileSystem)
        var anyCase = LinkedInAnyCase(linked)
        for path in images.renditions.keys.sorted() {
            let rendition = images.renditions[path]!
            guard rendition.files.contains(where: { linked.contains($0.path) }) else {
                // Held back with the draft (or future post) that shows it: right, and no advice to remove it;
                // linked in another case: the page's message names it.
                if waiting.mention(path) || anyCase.contains(path) { continue }
                diagnostics.append(.warning(contentName + "/" + path, needsLink.contains(path) ? Self.unlinkedMessage : Self.unusedImageMessage))
                continue
            }
            // The same photo twice in a folder (FOTO.JPG and foto.jpg): a name with the same key is
            // the same file, made once.
            let files = rendition.files.filter { made[$0.path]?.key != rendition.key }
            if let clash = files.first(where: { outputs.contains($0.path) }) {
                let other = made[clash.path].map { "\(contentName)/\($0.source)" } ?? "another file"
                diagnostics.append(.error(contentName + "/" + path, "would be published as \(clash.path), which the build makes from \(other); rename one of them"))
                // Counted as made (the build fails on the error): the pages showing it are not told again.
                outputs.formUnion(files.map(\.path))
                continue
            }
            outputs.formUnion(files.map(\.path))
            for file in files { made[file.path] = rendition }
            used.append((rendition, files))
        }
        let cache = ProcessedImageCache(memory: .shared, place: sink.imageCache, fileSystem: fileSystem)
        diagnostics += parallelMap(used) { publish($0.rendition, $0.files, into: sink, cache: cache) }.compactMap { $0 }
        cache.prune(keeping: Set(used.flatMap { $0.files.map(\.cacheName) }))
        return diagnostics
    }

    /// Every file of one photo: kept from the last output or the cache where it can be, the rest
    /// made from one decoding of the source.
    private func publish(_ rendition: ImageRendition, _ files: [ImageVariant], into sink: OutputSink, cache: ProcessedImageCache) -> Diagnostic? {
        let display = contentName + "/" + rendition.source
        var missing: [ImageVariant] = []
        do {
            for file in files {
                if let size = cache.size(file.cacheName), sink.keep(file.path, size: size) { continue }
                if let bytes = cache.bytes(file.cacheName) { try sink.write(file.path, bytes) } else { missing.append(file) }
            }
            guard !missing.isEmpty else { return nil }
            let source = try fileSystem.readFile(contentRoot + "/" + rendition.source)
            if let problem = WholeDecoding.problem(source, pixels: rendition.width * rendition.height) { return .error(display, problem) }
            switch ImageCodec.make(missing, from: source, source: (rendition.width, rendition.height)) {
            case .failure(let failure) where ImageCodec.isDamaged(failure):
                return .error(display, "is damaged: part of the \(rendition.format.name) picture cannot be read and would show as grey bands; copy or export it again")
            case .failure(let failure) where ImageCodec.isCutOff(failure):
                // The usual case (an upload or copy that stopped early), said without libjpeg's English.
                return .error(display, "is cut off: the file ends before the \(rendition.format.name) picture does; copy or export it again")
            case .failure(let failure):
                return .error(display, "cannot be decoded as a \(rendition.format.name) image (\(failure)); export it again, or remove it")
            case .success(let made):
                for (file, bytes) in zip(missing, made) {
                    cache.store(file.cacheName, bytes)
                    try sink.write(file.path, bytes)
                }
            }
        } catch {
            return .error(display, "cannot be published: \(error)")
        }
        return nil
    }

    /// Whether the output path is an image of the content that pages must use to publish it.
    func isUsageChecked(_ asset: Asset) -> Bool { images.images[asset.path] != nil }
}

/// The texts of the pages not published (drafts, future posts, and pages with errors of their own),
/// read only when a photo no published page shows is met: whether one of them names it. A photo
/// of a broken page is not told to be removed: the page's own error says what to fix.
struct WithheldTexts {
    let site: Site
    let contentRoot: String
    let fileSystem: any FileSystem
    private var texts: [String]?

    init(site: Site, contentRoot: String, fileSystem: any FileSystem) {
        self.site = site
        self.contentRoot = contentRoot
        self.fileSystem = fileSystem
    }

    /// Whether a page not published names the file at `path` (by its file name, as links and pictures do).
    mutating func mention(_ path: String) -> Bool {
        guard let name = path.pathParts.last, !site.excludedSources.isEmpty else { return false }
        if texts == nil {
            let reasons = [Publication.Reason.draft.explanation, Publication.Reason.future.explanation, Publication.ownErrors]
            let withheld = site.excludedSources.filter { reasons.contains($0.value) }
            texts = withheld.keys.sorted().compactMap { (try? fileSystem.readFile(contentRoot + "/" + $0)).map { String(decoding: $0, as: UTF8.self) } }
        }
        return texts!.contains { $0.containsBytes(String(name)) }
    }
}

/// The file names pages link to, compared without case: a file linked as `Foto.JPG` or
/// `Flyer.PDF` (a Windows or Mac habit) got the page's "did you mean 'foto.jpg'?" and, at the
/// file, "no page links to it; remove it", two messages about one mistake, the second misleading.
/// By name, as the page wrote it: a relative address is kept as written when it leads nowhere.
struct LinkedInAnyCase {
    let linked: Set<String>
    /// The names linked, by their lower case.
    private var names: [String: Set<Substring>]?

    init(_ linked: Set<String>) { self.linked = linked }

    /// Whether a page links a file of `path`'s name written in other capitals. Made when first asked
    /// (rarely: only for a file no page links as it is). A file of the same name elsewhere, linked as
    /// it is, does not count: `foto.jpg` is a common name.
    mutating func contains(_ path: String) -> Bool {
        if names == nil { names = Dictionary(grouping: linked.map(Self.name), by: { $0.lowercased() }).mapValues(Set.init) }
        let name = Self.name(path)
        return names![name.lowercased()]?.contains { $0 != name } ?? false
    }

    private static func name(_ path: String) -> Substring {
        path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? Substring(path)
    }
}
