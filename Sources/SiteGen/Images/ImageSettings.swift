/// `images:` in site.yml: how photos are made ready for the web (see README, "site.yml").
public struct ImageSettings: Sendable, Hashable {
    /// The widths (px) each photo is made in; a photo is never enlarged.
    public var widths = [480, 960, 1440, 1920]
    /// The `sizes` attribute of images in the text: how wide they are shown.
    public var sizes = "(min-width: 50rem) 46rem, 100vw"
    /// Quality of WebP, JPEG and AVIF (1–100).
    public var quality = 80
    /// Also AVIF (smaller, but slow to make).
    public var avif = false
    /// Also publish each shown photo in full size (metadata removed) at its own address.
    public var keepOriginals = false
    /// A warning for an original larger than this (bytes) …
    public var budgetBytes = 20_000_000
    /// … or with more pixels than this.
    public var budgetPixels = 50_000_000

    /// No photo is made wider than this, whatever `widths` say.
    public static let maxWidth = 2560
    static let keys = ["widths", "sizes", "quality", "avif", "keep_originals", "budget_mb", "budget_megapixels"]

    public init() {}

    /// Reads `images:`; every problem is an error or warning in `r`.
    static func read(_ r: inout FrontMatterReader) -> ImageSettings {
        var settings = ImageSettings()
        _ = r.nested("images", known: keys) { i in
            let file = i.file
            if let widths = readWidths(&i) { settings.widths = widths }
            if let sizes = i.string("sizes") { settings.sizes = sizes }
            if let q = i.int("quality") {
                if (1...100).contains(q) { settings.quality = q } else {
                    i.diagnostics.append(.error(file, line: i.line(of: "quality"), "images.quality must be from 1 to 100 (80 is a good choice), but is \(q)"))
                }
            }
            settings.avif = i.bool("avif") ?? false
            settings.keepOriginals = i.bool("keep_originals") ?? false
            if let mb = i.int("budget_mb") { settings.budgetBytes = max(1, mb) * 1_000_000 }
            if let mp = i.int("budget_megapixels") { settings.budgetPixels = max(1, mp) * 1_000_000 }
        }
        return settings
    }

    private static func readWidths(_ i: inout FrontMatterReader) -> [Int]? {
        guard i.map["widths"] != nil else { return nil }
        let line = i.line(of: "widths")
        let texts = i.stringList("widths")
        let widths = texts.compactMap { Int($0) }
        guard !texts.isEmpty, widths.count == texts.count, widths.allSatisfy({ (16...maxWidth).contains($0) }) else {
            i.diagnostics.append(.error(i.file, line: line,
                "images.widths must list widths in pixels from 16 to \(maxWidth), e.g. widths: [480, 960, 1440, 1920]"))
            return nil
        }
        return Array(Set(widths)).sorted()
    }
}
