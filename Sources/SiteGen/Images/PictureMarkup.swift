/// The `<picture>` of a photo: a `<source>` per modern format, then the `<img>` in the fallback
/// format with its size (so the layout does not jump while it loads).
struct PictureMarkup: Sendable, Hashable {
    struct Source: Sendable, Hashable {
        var type: String
        var srcset: String
    }

    var sources: [Source]
    var src: String
    var srcset: String
    var sizes: String
    var width: Int
    var height: Int

    /// The markup of `rendition`'s responsive sizes; `href` makes a site URL of an output path.
    init(_ rendition: ImageRendition, sizes: String, href: (String) -> String) {
        let fallback = rendition.fallback
        sources = rendition.formats.dropLast().map { Source(type: $0.mediaType, srcset: rendition.srcset($0, href: href)) }
        src = href(rendition.src.path)
        srcset = rendition.srcset(fallback, href: href)
        self.sizes = sizes
        width = rendition.largest.width
        height = rendition.largest.height
    }

    /// The crops of `rendition` (cards); nil when it has none.
    init?(crops rendition: ImageRendition, sizes: String, href: (String) -> String) {
        guard let card = rendition.card else { return nil }
        let fallback = rendition.fallback
        sources = rendition.formats.dropLast().map { Source(type: $0.mediaType, srcset: rendition.srcset($0, of: rendition.crops, href: href)) }
        src = href(card.path)
        srcset = rendition.srcset(fallback, of: rendition.crops, href: href)
        self.sizes = sizes
        width = card.width
        height = card.height
    }

    /// - Parameter lazy: false for the first image of a page's main content, which the browser
    ///   should fetch at once.
    func html(alt: String, title: String?, lazy: Bool) -> String {
        var html = "<picture>"
        for s in sources {
            html += "<source type=\"\(s.type)\" srcset=\"\(escapeAttribute(s.srcset))\" sizes=\"\(escapeAttribute(sizes))\">"
        }
        html += "<img src=\"\(escapeAttribute(src))\" srcset=\"\(escapeAttribute(srcset))\" sizes=\"\(escapeAttribute(sizes))\""
        html += " width=\"\(width)\" height=\"\(height)\" alt=\"\(escapeAttribute(alt))\""
        if let title, !title.isEmpty { html += " title=\"\(escapeAttribute(title))\"" }
        html += (lazy ? " loading=\"lazy\"" : "") + " decoding=\"async\"></picture>"
        return html
    }
}
