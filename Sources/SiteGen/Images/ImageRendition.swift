/// A source image as pages show it: the files made from it and the markup that names them.
struct ImageRendition: Sendable {
    /// Content path of the source (`images/rathaus.jpg`).
    let source: String
    let format: ImageFormat
    /// Hash of the source's bytes and of every setting that changes the files' bytes.
    let key: UInt64
    /// Size of the source as displayed (EXIF orientation applied).
    let width: Int
    let height: Int
    /// The responsive sizes, largest last, in each format (`formats`).
    let variants: [ImageVariant]
    /// The 1200×630 crop (and a half-size one) for cards and link previews; empty when no page
    /// names the image in its front matter.
    let crops: [ImageVariant]
    /// The full-size image (`keep_originals`), at the original's address.
    let original: ImageVariant?
    /// The formats of `variants`, best first; the last is the `<img>` fallback.
    let formats: [ImageFormat]

    /// Every file the image needs.
    var files: [ImageVariant] { variants + crops + (original.map { [$0] } ?? []) }

    var fallback: ImageFormat { formats.last ?? format }

    /// The largest responsive variant in the fallback format: its size is the `<img>`'s, and a
    /// link to the image (not shown) leads to it when the original is not published.
    var largest: ImageVariant { variants.last { $0.format == fallback }! }

    /// The `<img src>`: the fallback format at about the width of the text column.
    var src: ImageVariant {
        let fallbacks = variants.filter { $0.format == fallback }
        return fallbacks.first { $0.width >= 960 } ?? fallbacks.last!
    }

    /// Where a link (not an image) to the source leads.
    var linkTarget: ImageVariant { original ?? largest }

    /// The crop in the fallback format at full size (OpenGraph, JSON-LD); nil without crops.
    var card: ImageVariant? { crops.filter { $0.format == fallback }.max { $0.width < $1.width } }

    /// `url 480w, url 960w` for one format, the URLs made by `href`.
    func srcset(_ format: ImageFormat, of list: [ImageVariant]? = nil, href: (String) -> String) -> String {
        (list ?? variants).filter { $0.format == format }.map { "\(href($0.path)) \($0.width)w" }.joined(separator: ", ")
    }
}

/// How a source image's files are named and sized (the rules in one place).
enum ImagePlan {
    /// The card and link-preview crop: 1200×630, the size link previews ask for.
    static let cropWidth = 1200, cropHeight = 630

    /// The widths to make of a source `width` px wide: each configured width it reaches, and the
    /// source's own width (at most 2560) when it is narrower than the largest configured one and
    /// not within a tenth of a width already made. Never wider than the source.
    static func widths(source width: Int, settings: [Int]) -> [Int] {
        let top = min(width, ImageSettings.maxWidth)
        var result = settings.filter { $0 <= top }
        if let largest = settings.last, (top < largest), (top > (result.last ?? 0) * 11 / 10) { result.append(top) }
        return result.isEmpty ? [top] : result
    }

    /// The height of a `width` px wide version of a `source` image, in proportion.
    static func height(width: Int, source: (width: Int, height: Int)) -> Int {
        max(1, Int((Double(source.height) * Double(width) / Double(source.width)).rounded()))
    }

    /// The crops' sizes: 1200×630 and 600×315, smaller when the source is (never enlarged).
    static func cropSizes(source: (width: Int, height: Int)) -> [(Int, Int)] {
        let fit = min(cropWidth, source.width, source.height * cropWidth / cropHeight)
        let full = (max(1, fit), max(1, Int((Double(fit) * Double(cropHeight) / Double(cropWidth)).rounded())))
        return full.0 > cropWidth / 2 ? [(cropWidth / 2, cropHeight / 2), full] : [full]
    }

    /// `images/Rathaus Nord.JPG` → (`images/`, `rathaus-nord`): output names are slugs, so they
    /// need no escaping in `srcset` (where spaces and commas separate the entries).
    static func stem(_ path: String) -> (folder: String, name: String) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        var name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        if let dot = name.lastIndex(of: ".") { name = String(name[..<dot]) }
        let slug = Slug.make(name)
        return (folder, slug.isEmpty ? "bild" : slug)
    }

    static func rendition(source path: String, format: ImageFormat, key: UInt64, size: (width: Int, height: Int),
                          crops wantsCrops: Bool, settings: ImageSettings) -> ImageRendition {
        let (folder, name) = stem(path)
        // The names change with everything the markup of the text shows (sizes, widths, links),
        // so cached Markdown that names them is rendered again when one of these changes.
        let tag = hex(ContentHash.mix(key, text: "\(settings.widths) \(settings.sizes) \(settings.keepOriginals)"), digits: 8)
        let formats = (settings.avif ? [ImageFormat.avif] : []) + (format.fallback == .webp ? [.webp] : [.webp, format.fallback])
        func variant(_ w: Int, _ h: Int, _ f: ImageFormat, _ suffix: String) -> ImageVariant {
            ImageVariant(width: w, height: h, format: f, quality: settings.quality,
                         path: "\(folder)\(name)-\(suffix).\(tag).\(f.fileExtension)", key: key)
        }
        var variants: [ImageVariant] = []
        for w in widths(source: size.width, settings: settings.widths) {
            let h = height(width: w, source: size)
            variants += formats.map { variant(w, h, $0, "\(w)") }
        }
        let crops = wantsCrops ? cropSizes(source: size).flatMap { w, h in formats.map { variant(w, h, $0, "\(w)x\(h)") } } : []
        // The full size keeps more detail: it is what someone downloads to look closely. It stays
        // at the original's address unless its format changes (HEIC and TIFF become JPEG).
        let original = settings.keepOriginals
            ? ImageVariant(width: size.width, height: size.height, format: format.fallback, quality: max(settings.quality, 90),
                           path: format.fallback == format ? path : "\(folder)\(name).\(format.fallback.fileExtension)", key: key)
            : nil
        return ImageRendition(source: path, format: format, key: key, width: size.width, height: size.height,
                              variants: variants, crops: crops, original: original, formats: formats)
    }
}
