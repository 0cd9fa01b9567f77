import MustacheEngine

/// An image as templates show it: a photo with its sizes and formats (`<picture>`), or an SVG
/// with its address alone.
final class ImageView: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    var src: String
    var alt: String
    var srcset: String?
    var sizes: String?
    var width: String?
    var height: String?
    var sources: [ImageSourceView]

    init(src: String, alt: String) {
        self.src = src
        self.alt = alt
        sources = []
    }

    init(_ picture: PictureMarkup, alt: String) {
        src = picture.src
        self.alt = alt
        srcset = picture.srcset
        sizes = picture.sizes
        width = String(picture.width)
        height = String(picture.height)
        sources = picture.sources.map { ImageSourceView(type: $0.type, srcset: $0.srcset, sizes: picture.sizes) }
    }

    static let fields = Fields<ImageView>("Image", "An image with its alt text; a photo also with its sizes and formats.", [
        .text("src", "The image's address (for a photo: the fallback format at about the text's width).") { $0.src },
        .text("alt", "Its alt text (empty for a decorative image).") { $0.alt },
        .optionalText("srcset", "A photo's sizes in the fallback format (`url 480w, …`); absent for an SVG.") { $0.srcset },
        .optionalText("sizes", "How wide a photo is shown (the sizes attribute).") { $0.sizes },
        .optionalText("width", "Width of the photo's largest size in pixels (with height, keeps the layout from jumping).") { $0.width },
        .optionalText("height", "Its height in pixels.") { $0.height },
        .list("sources", ImageSourceView.fields, "A <source> per modern format (WebP, AVIF), best first; empty for an SVG.") { $0.sources },
    ])
}

/// One `<source>` of a `<picture>`.
final class ImageSourceView: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    let type, srcset, sizes: String

    init(type: String, srcset: String, sizes: String) {
        self.type = type
        self.srcset = srcset
        self.sizes = sizes
    }

    static let fields = Fields<ImageSourceView>("ImageSource", "A format of a photo for <source>.", [
        .text("type", "Its media type (image/webp).") { $0.type },
        .text("srcset", "Its sizes in this format (`url 480w, …`).") { $0.srcset },
        .text("sizes", "How wide the photo is shown (the sizes attribute).") { $0.sizes },
    ])
}

/// What a post's page, its card and link previews show of its front matter `image`.
extension ItemFields {
    /// Cards are about a third of the text column wide on large screens, the whole width on phones.
    static let cardSizes = "(min-width: 40rem) 24rem, 100vw"

    /// The image on the post's page (responsive, in its own proportions) and on cards (the
    /// crop); an SVG is the same file in both.
    func imageViews(_ p: Post) -> (page: ImageView, card: ImageView)? {
        guard let image = p.image, !isRemote(image), let path = resolveContentPath(image, from: p.source.path) else { return nil }
        let alt = p.imageAlt ?? ""
        // A photo that cannot be read has an error of its own; the post is shown without it.
        if images.isRejected(path) { return nil }
        guard let rendition = images.rendition(path) else {
            let src = urls.href(percentEncodedPath(path))
            return (ImageView(src: src, alt: alt), ImageView(src: src, alt: alt))
        }
        let page = ImageView(PictureMarkup(rendition, sizes: images.settings.sizes, href: urls.href), alt: alt)
        let card = PictureMarkup(crops: rendition, sizes: Self.cardSizes, href: urls.href).map { ImageView($0, alt: alt) } ?? page
        return (page, card)
    }

    /// Absolute address of the image link previews and JSON-LD show: the photo's 1200×630 crop.
    func shareImage(_ p: Post) -> String? {
        guard let image = p.image, !isRemote(image), let path = resolveContentPath(image, from: p.source.path),
              !images.isRejected(path) else { return nil }
        return urls.absolute(percentEncodedPath(images.rendition(path)?.card?.path ?? path))
    }
}
