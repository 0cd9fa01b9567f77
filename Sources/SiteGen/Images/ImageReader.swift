/// Looks at one image file of the content: is it what its name says, can it be read, is it
/// within the budget, is an SVG free of scripts; and, for a photo, its rendition.
struct ImageReader: Sendable {
    let settings: ImageSettings
    let contentRoot: String
    let fileSystem: any FileSystem

    /// Bumped whenever the pipeline makes other bytes from the same source and settings.
    static let pipelineVersion = "sitegen-image-1"

    struct Result {
        var rendition: ImageRendition?
        var diagnostics: [Diagnostic] = []
    }

    /// - Returns: the rendition of a photo, and messages about the file (named by its content
    ///   path; the renderer puts the content folder's name in front).
    func look(at path: String, crops: Bool) -> Result {
        guard let format = ImageFormat(path: path) else { return Result() }
        let file = contentRoot + "/" + path
        let memo: (facts: PhotoFacts?, stamp: UInt64?) = format.isProcessed ? FileFacts.photos.lookup(file, fileSystem) : (nil, nil)
        if let known = memo.facts { return photo(path, format, known, crops: crops) }
        let bytes: [UInt8]
        do { bytes = try fileSystem.readFile(file) } catch {
            return Result(diagnostics: [.error(path, "cannot be read: \(error)")])
        }
        if let problem = format.mismatch(bytes) { return Result(diagnostics: [.error(path, problem)]) }
        if format == .svg { return Result(diagnostics: SVGSafety.diagnostics(bytes, file: path)) }
        guard format.isProcessed else { return Result() }
        switch ImageCodec.header(bytes) {
        case .failure(let failure):
            return Result(diagnostics: [.error(path, "cannot be read as a \(format.name) image (\(failure)); export it again, or remove it")])
        case .success(let header):
            let facts = PhotoFacts(hash: ContentHash.mix(bytes.withUnsafeBytes { ContentHash.wide($0) }, UInt64(bytes.count)),
                                   size: bytes.count, width: header.width, height: header.height,
                                   animated: AnimatedPicture.isAnimated(bytes),
                                   refusedWhole: WholeDecoding.problem(bytes, pixels: header.width * header.height) != nil)
            FileFacts.photos.store(facts, of: file, stamp: memo.stamp)
            return photo(path, format, facts, crops: crops)
        }
    }

    private func photo(_ path: String, _ format: ImageFormat, _ facts: PhotoFacts, crops: Bool) -> Result {
        let key = ContentHash.mix(ContentHash.of(settingsText), facts.hash)
        let rendition = ImagePlan.rendition(source: path, format: format, key: key, size: (facts.width, facts.height),
                                            crops: crops, settings: settings)
        let animated: [Diagnostic] = facts.animated ? [.warning(path, AnimatedPicture.warning)] : []
        let budget = facts.refusedWhole ? [] : budget(facts.size, facts.width * facts.height, path)
        return Result(rendition: rendition, diagnostics: budget + animated)
    }

    /// Everything besides the source that changes a variant's bytes.
    private var settingsText: String {
        [Self.pipelineVersion, String(settings.quality), String(settings.avif), String(ImageCodec.effort), ImageCodec.version].joined(separator: "|")
    }

    /// A warning for an original over the budget: it costs every build time, and the editor
    /// probably meant to export a smaller copy.
    private func budget(_ size: Int, _ pixels: Int?, _ display: String) -> [Diagnostic] {
        if size > settings.budgetBytes {
            // Few pixels in many bytes (a PNG of a photo, a JPEG at quality 100): smaller is no help.
            if let pixels, pixels <= 16_000_000 {
                return [.warning(display, "is \(megabytes(size)) MB, more than the \(settings.budgetBytes / 1_000_000) MB an original may have (images.budget_mb in site.yml); export it again as JPEG with quality 85, which keeps a photo in a fraction of the space")]
            }
            return [.warning(display, "is \(megabytes(size)) MB, more than the \(settings.budgetBytes / 1_000_000) MB an original may have (images.budget_mb in site.yml); export it smaller, e.g. 4000 pixels wide")]
        }
        if let pixels, pixels > settings.budgetPixels {
            return [.warning(display, "has \(megabytes(pixels)) megapixels, more than the \(settings.budgetPixels / 1_000_000) an original may have (images.budget_megapixels in site.yml); export it smaller, e.g. 4000 pixels wide")]
        }
        return []
    }

    /// 31.5 (one decimal, German comma).
    private func megabytes(_ n: Int) -> String {
        let tenths = (n + 50_000) / 100_000
        return "\(tenths / 10),\(tenths % 10)"
    }

    /// Settings this libvips cannot follow.
    func settingsProblems() -> [Diagnostic] {
        guard settings.avif, ImageCodec.ready, !ImageCodec.canWrite(.avif) else { return [] }
        return [.error("site.yml", "images.avif is true, but this libvips cannot write AVIF; set avif: false")]
    }
}
