/// Every image under content/, looked at before the pages are rendered: the pages' markup
/// needs each photo's size and the names of the files made from it. Reads each image and its
/// header (not its pixels); making the files comes after rendering, for the images pages use
/// (`SiteRenderer.publishImages`).
final class ImageCatalog: Sendable {
    let settings: ImageSettings
    /// Photos and other pixel images, by content path.
    let renditions: [String: ImageRendition]
    /// Every image file (SVG and GIF too), by content path.
    let images: [String: ImageFormat]
    /// Errors (a file that is not what its name says, cannot be decoded, an SVG with scripts)
    /// and warnings (an original over the budget), naming the file by its content path.
    let diagnostics: [Diagnostic]
    /// Changes whenever the markup of an image may change (a source's bytes, the settings).
    let fingerprint: UInt64
    /// Content path of the source of each made file (by its output path).
    let sourceOfFile: [String: String]
    /// Site URL (with the base path) of each rendition's `<img src>` → its content path.
    let sourceOfSrc: [String: String]
    let basePath: String

    static let empty = ImageCatalog(settings: ImageSettings(), renditions: [:], images: [:], diagnostics: [], basePath: "/")

    init(settings: ImageSettings, renditions: [String: ImageRendition], images: [String: ImageFormat], diagnostics: [Diagnostic],
         basePath: String) {
        self.settings = settings
        self.renditions = renditions
        self.images = images
        self.diagnostics = diagnostics
        self.basePath = basePath
        var h = ContentHash.of("sitegen-images-1")
        for path in renditions.keys.sorted() { h = ContentHash.mix(ContentHash.mix(h, text: path), renditions[path]!.key) }
        h = ContentHash.mix(h, text: "\(settings.widths) \(settings.sizes) \(settings.keepOriginals)")
        fingerprint = h
        sourceOfFile = Dictionary(renditions.values.flatMap { r in r.files.map { ($0.path, r.source) } }) { a, _ in a }
        sourceOfSrc = Dictionary(renditions.values.map { (basePath + $0.src.path, $0.source) }) { a, _ in a }
    }

    func rendition(_ path: String) -> ImageRendition? { renditions[path] }

    /// Whether the photo at a content path could not be read (not the image its name says, or
    /// not decodable): its own error names it, so a page that shows or links it gets none.
    func isRejected(_ path: String) -> Bool { renditions[path] == nil && images[path]?.isProcessed == true }

    /// The rendition whose `<img src>` is the site URL `src`.
    func rendition(src: String) -> ImageRendition? { sourceOfSrc[src].flatMap { renditions[$0] } }

    /// Looks at every image of `site`'s content (in parallel; the result does not depend on the order).
    static func make(site: Site, contentRoot: String, fileSystem: any FileSystem) -> ImageCatalog {
        let settings = site.config.images
        let paths = site.assets.map(\.path).filter { ImageFormat(path: $0) != nil }
        guard !paths.isEmpty else { return ImageCatalog(settings: settings, renditions: [:], images: [:], diagnostics: [], basePath: site.urls.basePath) }
        let cropped = Set(site.posts.compactMap { p in p.image.flatMap { isRemote($0) ? nil : resolveContentPath($0, from: p.source.path) } })
        let reader = ImageReader(settings: settings, contentRoot: contentRoot, fileSystem: fileSystem)
        let results = parallelMap(paths) { reader.look(at: $0, crops: cropped.contains($0)) }
        var renditions: [String: ImageRendition] = [:]
        var images: [String: ImageFormat] = [:]
        var diagnostics = results.flatMap(\.diagnostics) + reader.settingsProblems()
        for (path, result) in zip(paths, results) {
            images[path] = ImageFormat(path: path)
            if let r = result.rendition { renditions[path] = r }
        }
        // Asked only when there is a photo: starting libvips takes longer than a small build.
        if let photo = paths.first(where: { ImageFormat(path: $0)?.isProcessed == true }), !ImageCodec.ready {
            diagnostics.append(.error(photo, "libvips could not be started, so no photo can be processed; install it with scripts/install-system-deps.sh"))
        }
        return ImageCatalog(settings: settings, renditions: renditions, images: images, diagnostics: diagnostics, basePath: site.urls.basePath)
    }
}
