import Dispatch
import Testing
@testable import SiteGen

/// What libvips makes of a photo: upright, exactly the sizes asked for, never enlarged, the same
/// bytes every time, and nothing left of what the camera recorded about its owner.
@Suite struct ImageProcessingTests {
    /// Every file a photo gives (responsive sizes in both formats, the crops, the full size).
    func made(_ source: [UInt8], keepOriginal: Bool = true, avif: Bool = false) throws -> [(ImageVariant, [UInt8])] {
        let header = try ImageCodec.header(source).get()
        var settings = ImageSettings()
        settings.keepOriginals = keepOriginal
        settings.avif = avif
        let format = ImageFormat.sniff(source)!
        let rendition = ImagePlan.rendition(source: "images/foto.\(format.fileExtension)", format: format, key: 1,
                                            size: (header.width, header.height), crops: true, settings: settings)
        let bytes = try ImageCodec.make(rendition.files, from: source, source: (header.width, header.height)).get()
        return Array(zip(rendition.files, bytes))
    }

    @Test(arguments: [ImageFormat.jpeg, .webp, .png, .heic])
    func noMadeFileKeepsWhatThePhoneRecorded(format: ImageFormat) throws {
        // (HEIF turns pictures by its own boxes, not by EXIF; PNG has no orientation.)
        let turned = format == .jpeg || format == .webp
        let source = TestPhoto.make(width: 640, height: 480, orientation: turned ? 6 : 1, personalData: true, format: format)
        // The source really carries it (else the test would prove nothing).
        #expect(!ImageMetadata.findings(source).isEmpty, "\(format) source without personal data")
        let files = try made(source)
        #expect(files.count >= 5)
        for (variant, bytes) in files {
            #expect(ImageMetadata.findings(bytes) == [], "\(variant.path)")
            #expect(ImageFormat.sniff(bytes) == variant.format)
        }
        // A JPEG keeps its JFIF header and nothing else before the pixels.
        if let jpeg = files.first(where: { $0.0.format == .jpeg })?.1 { #expect(ImageMetadata.jpegMarkers(jpeg).filter { $0 >= 0xE1 && $0 <= 0xEF || $0 == 0xFE } == []) }
    }

    @Test func aPortraitPhotoStoredOnItsSideIsShownUpright() throws {
        // Seen 300 wide and 400 high, stored 400 × 300 turned left, with orientation 6.
        let source = TestPhoto.make(width: 300, height: 400, orientation: 6)
        #expect(TestPhoto.isRed(TestPhoto.pixel(source, 5, 295)), "the scene's top-left corner is stored bottom-left")
        let header = try ImageCodec.header(source).get()
        #expect(header.width == 300 && header.height == 400 && header.orientation == 6)
        let variant = ImageVariant(width: 300, height: 400, format: .jpeg, quality: 90, path: "a.jpg", key: 1)
        let out = try ImageCodec.make([variant], from: source, source: (300, 400)).get()[0]
        let outHeader = try ImageCodec.header(out).get()
        #expect(outHeader.width == 300 && outHeader.height == 400 && outHeader.orientation == 1)
        #expect(TestPhoto.isRed(TestPhoto.pixel(out, 5, 5)))
        #expect(!TestPhoto.isRed(TestPhoto.pixel(out, 294, 5)) && !TestPhoto.isRed(TestPhoto.pixel(out, 5, 394)))
    }

    @Test func aWideGamutPhotoIsConvertedToSRGBAndLosesItsProfile() throws {
        // The mark is sRGB (230, 20, 20), stored as Display P3 (about 211, 51, 38) with the profile.
        let source = TestPhoto.make(width: 400, height: 300, displayP3: true)
        let stored = try #require(TestPhoto.pixel(source, 5, 5))
        #expect(stored.r < 220 && stored.g > 40, "the source holds P3 values: \(stored)")
        #expect(ImageMetadata.jpegMarkers(source).contains(0xE2), "the source embeds its profile (APP2)")
        let variant = ImageVariant(width: 400, height: 300, format: .jpeg, quality: 95, path: "a.jpg", key: 1)
        let out = try ImageCodec.make([variant], from: source, source: (400, 300)).get()[0]
        let shown = try #require(TestPhoto.pixel(out, 5, 5))
        #expect(abs(shown.r - 230) <= 10 && abs(shown.g - 20) <= 10 && abs(shown.b - 20) <= 10, "sRGB again: \(shown)")
        #expect(ImageMetadata.findings(out) == [] && !ImageMetadata.jpegMarkers(out).contains(0xE2))
    }

    @Test func widthsComeFromTheSettingsAndNeverExceedThePhoto() {
        let defaults = ImageSettings().widths
        #expect(ImagePlan.widths(source: 4000, settings: defaults) == [480, 960, 1440, 1920])
        #expect(ImagePlan.widths(source: 1920, settings: defaults) == [480, 960, 1440, 1920])
        // Narrower than the largest: its own width is the top one, unless a made width is within a tenth of it.
        #expect(ImagePlan.widths(source: 1200, settings: defaults) == [480, 960, 1200])
        #expect(ImagePlan.widths(source: 1000, settings: defaults) == [480, 960])
        #expect(ImagePlan.widths(source: 300, settings: defaults) == [300])
        #expect(ImagePlan.widths(source: 6000, settings: [800, 2560]) == [800, 2560])
        #expect(ImagePlan.widths(source: 2000, settings: [480, 2560]) == [480, 2000])
        #expect(ImagePlan.cropSizes(source: (4000, 3000)).map { [$0.0, $0.1] } == [[600, 315], [1200, 630]])
        #expect(ImagePlan.cropSizes(source: (800, 600)).map { [$0.0, $0.1] } == [[600, 315], [800, 420]])
        #expect(ImagePlan.cropSizes(source: (2000, 500)).map { [$0.0, $0.1] } == [[600, 315], [952, 500]])
    }

    @Test func everyFileHasExactlyItsSize() throws {
        let source = TestPhoto.make(width: 1000, height: 750)
        for (variant, bytes) in try made(source) {
            let header = try ImageCodec.header(bytes).get()
            #expect(header.width == variant.width && header.height == variant.height, "\(variant.path)")
            #expect(header.width <= 1000 && header.height <= 750)
        }
    }

    @Test func theSameSourceGivesTheSameBytesOnAnyThread() throws {
        let source = TestPhoto.make(width: 800, height: 600, personalData: true)
        let first = try made(source).map(\.1)
        let results = UncheckedBox(LockedArray())
        DispatchQueue.concurrentPerform(iterations: 4) { _ in results.value.append((try? made(source).map(\.1)) ?? []) }
        for other in results.value.items { #expect(other == first) }
    }

    @Test func aTruncatedPhotoIsNotDecodedIntoGreyBands() throws {
        let whole = TestPhoto.make(width: 800, height: 600)
        let cut = Array(whole.prefix(whole.count * 6 / 10))
        let header = try ImageCodec.header(cut).get()  // the header is intact …
        let variant = ImageVariant(width: 480, height: 360, format: .webp, quality: 80, path: "a.webp", key: 1)
        // … the pixels are not.
        guard case .failure = ImageCodec.make([variant], from: cut, source: (header.width, header.height)) else {
            Issue.record("a truncated JPEG was decoded")
            return
        }
        guard case .failure = ImageCodec.header(Array("kein Bild".utf8)) else { Issue.record("text read as an image"); return }
    }

    @Test func aTransparentPNGStaysTransparentAndItsJPEGIsWhiteBehind() throws {
        let source = TestPhoto.make(width: 400, height: 300, alpha: true, format: .png)
        let files = try made(source)
        #expect(files.contains { $0.0.format == .png } && !files.contains { $0.0.format == .jpeg })
        #expect(files.allSatisfy { ImageMetadata.findings($0.1) == [] })
    }

    @Test func formatsAreKnownByTheirBytes() {
        #expect(ImageFormat.sniff(TestPhoto.make(format: .jpeg)) == .jpeg)
        #expect(ImageFormat.sniff(TestPhoto.make(format: .png)) == .png)
        #expect(ImageFormat.sniff(TestPhoto.make(format: .webp)) == .webp)
        #expect(ImageFormat.sniff(TestPhoto.make(format: .heic)) == .heic)
        #expect(ImageFormat.sniff(TestPhoto.make(format: .tiff)) == .tiff)
        #expect(ImageFormat.sniff(Array("GIF89a....".utf8)) == .gif)
        #expect(ImageFormat.sniff(Array("\u{FEFF}<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)) == .svg)
        #expect(ImageFormat.sniff(Array("<html><body>Fehler 404</body></html>".utf8)) == nil)
        #expect(ImageFormat(path: "images/Foto.JPEG") == .jpeg && ImageFormat(path: "a/b.heif") == .heic && ImageFormat(path: "x.pdf") == nil)
        #expect(ImageFormat(path: "ordner.jpg/datei") == nil)
    }

    @Test func anSVGThatRunsCodeIsFoundAtItsLine() {
        func problems(_ text: String) -> [String] { SVGSafety.problems(Array(text.utf8)).map { "\($0.line): \($0.message)" } }
        let head = "<?xml version=\"1.0\"?>\n<!-- <script>in a comment</script> -->\n<svg xmlns=\"http://www.w3.org/2000/svg\">\n"
        #expect(problems(head + "<circle r=\"4\"/>\n<text>onload=1 &amp; javascript: als Text</text>\n</svg>") == [])
        #expect(problems(head + "<script>alert(1)</script>\n</svg>").first?.hasPrefix("4: SVG contains a <script> element") == true)
        #expect(problems(head + "<svg:script xmlns:svg=\"http://www.w3.org/2000/svg\">x</svg:script></svg>").count == 1)
        // At the attribute's own line, not the tag's first.
        #expect(problems(head + "<rect\n  width=\"3\"\n  onLoad=\"alert(1)\"/></svg>").first?.hasPrefix("6: SVG has an event handler attribute 'onLoad'") == true)
        #expect(problems(head + "<a href=\" JavaScript:alert(1)\"><rect/></a></svg>").count == 1)
        #expect(problems(head + "<a xlink:href=\"&#106;ava&#x73;cript:alert(1)\"><rect/></a></svg>").count == 1)
        #expect(problems(head + "<set attributeName=\"href\" to=\"java\nscript:alert(1)\"/></svg>").count == 1)
        // The colon itself as a character reference, and a mark after it.
        #expect(problems(head + "<a href=\"javascript&#58;alert(1)\"><rect/></a></svg>").count == 1)
        #expect(problems(head + "<a href=\"javascript:\u{301}alert(1)\"><rect/></a></svg>").count == 1)
    }

    /// Opened on its own, an SVG loads what it refers to: another host's picture, font or page
    /// would learn who looks at it (the privacy rules allow only the site's own files).
    @Test func anSVGThatLoadsFromAnotherHostIsFoundAtItsLine() {
        func problems(_ text: String) -> [String] { SVGSafety.problems(Array(text.utf8)).map { "\($0.line): \($0.message)" } }
        let head = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n"
        // Links, the namespaces, local references and embedded data load nothing.
        #expect(problems(head + "<a href=\"https://www.dortmund.de/\"><use href=\"#welle\"/></a>\n<image href=\"data:image/png;base64,AAAA\"/>\n"
                         + "<rect fill=\"url(#verlauf)\"/>\n<text>Mehr unter https://www.dortmund.de/</text>\n</svg>") == [])
        #expect(problems(head + "<image\n  href=\"https://tracker.example.com/pixel.png\"/>\n</svg>")
                == ["2: SVG loads 'https://tracker.example.com/pixel.png' from another host (in 'href'), \(SVGSafety.loads); embed it in the graphic, or remove it"])
        #expect(problems(head + "<use xlink:href=\"//cdn.example.com/icons.svg#a\"/></svg>").first?.hasPrefix("2: SVG loads '//cdn.example.com/icons.svg#a'") == true)
        #expect(problems(head + "<foreignObject><iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"HTTPS://evil.example.com/\"/></foreignObject></svg>").count == 1)
        #expect(problems(head + "<style>\n@import url(\"https://fonts.googleapis.com/css?family=Roboto\");\n</style></svg>")
                == ["3: SVG loads 'https://fonts.googleapis.com/css?family=Roboto' from another host (in a style), \(SVGSafety.loads); embed it in the graphic, or remove it"])
        #expect(problems(head + "<style>@import 'https://example.com/a.css';</style>\n<rect style=\"fill: URL( 'https://example.com/p.svg#m' )\"/></svg>").count == 2)
    }

    /// Three more ways an SVG opened on its own loads from another host, which were published
    /// without a word: an animation that sets an `<image>`'s address, a style sheet named by an
    /// `<?xml-stylesheet?>` instruction, and the strings of a style's `image-set(…)`.
    @Test func anSVGThatLoadsThroughAnimationStyleSheetOrImageSetIsFound() {
        func problems(_ text: String) -> [String] { SVGSafety.problems(Array(text.utf8)).map { "\($0.line): \($0.message)" } }
        let head = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n"
        #expect(problems(head + "<image width=\"9\" height=\"9\">\n<set attributeName=\"href\" to=\"https://tracker.example.com/a.png\"/></image></svg>")
                == ["3: SVG loads 'https://tracker.example.com/a.png' from another host (in 'to'), \(SVGSafety.loads); embed it in the graphic, or remove it"])
        #expect(problems(head + "<image><animate attributeName=\"href\" values=\"#lokal;//cdn.example.com/b.png\" dur=\"1s\"/></image></svg>")
                == ["2: SVG loads '//cdn.example.com/b.png' from another host (in 'values'), \(SVGSafety.loads); embed it in the graphic, or remove it"])
        #expect(problems("<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/css\" href=\"https://fonts.example.com/s.css\"?>\n" + head + "</svg>")
                == ["2: SVG loads 'https://fonts.example.com/s.css' from another host (in 'xml-stylesheet'), \(SVGSafety.loads); embed it in the graphic, or remove it"])
        #expect(problems(head + "<style>\nrect { background-image: image-set(\"/lokal.png\" 1x, \"https://cdn.example.com/c.png\" 2x) }\n</style></svg>")
                == ["3: SVG loads 'https://cdn.example.com/c.png' from another host (in a style), \(SVGSafety.loads); embed it in the graphic, or remove it"])
        // Local values load nothing from elsewhere.
        #expect(problems("<?xml-stylesheet href=\"karte.css\"?>\n" + head + "<rect><set attributeName=\"fill\" to=\"red\"/></rect><style>a{b:image-set(\"x.png\" 1x)}</style></svg>") == [])
    }
}

/// Results gathered from several threads.
final class LockedArray: @unchecked Sendable {
    private let lock = NSLockLite()
    private var storage: [[[UInt8]]] = []
    func append(_ item: [[UInt8]]) { lock.locked { storage.append(item) } }
    var items: [[[UInt8]]] { lock.locked { storage } }
}
