import CTestImages
import Foundation
@testable import SiteGen

/// Made-up photos for the image tests (see Tests/CTestImages): a sky, a skyline and a red mark in
/// the top-left corner of the scene, optionally with everything a phone records about its owner.
enum TestPhoto {
    static func make(width: Int = 400, height: Int = 300, seed: UInt32 = 1, orientation: Int = 1, personalData: Bool = false,
                     alpha: Bool = false, format: ImageFormat = .jpeg, quality: Int = 90, grain: Double = 0, displayP3: Bool = false) -> [UInt8] {
        let code: Int32 = switch format {
        case .jpeg: Int32(TP_JPEG)
        case .png: Int32(TP_PNG)
        case .webp: Int32(TP_WEBP)
        case .heic: Int32(TP_HEIC)
        default: Int32(TP_TIFF)
        }
        var photo = tp_photo(width: Int32(width), height: Int32(height), seed: seed, orientation: Int32(orientation),
                             personal_data: personalData ? 1 : 0, alpha: alpha ? 1 : 0, format: code, quality: Int32(quality),
                             grain: grain, no_mark: 0, display_p3: displayP3 ? 1 : 0)
        var pointer: UnsafeMutablePointer<UInt8>?
        var length = 0
        precondition(tp_make_photo(&photo, &pointer, &length) == 0, "test photo could not be made")
        defer { tp_free(pointer) }
        return Array(UnsafeBufferPointer(start: pointer, count: length))
    }

    /// The colour at (x, y) of the stored pixels.
    static func pixel(_ bytes: [UInt8], _ x: Int, _ y: Int) -> (r: Int, g: Int, b: Int)? {
        var rgb: [UInt8] = [0, 0, 0]
        let status = bytes.withUnsafeBytes { tp_pixel($0.baseAddress, $0.count, Int32(x), Int32(y), &rgb) }
        return status == 0 ? (Int(rgb[0]), Int(rgb[1]), Int(rgb[2])) : nil
    }

    static func isRed(_ p: (r: Int, g: Int, b: Int)?) -> Bool { p.map { $0.r > 180 && $0.g < 80 && $0.b < 80 } ?? false }
}

/// What an image file carries besides its pixels, read from its bytes (not through libvips, which
/// could hide what it does not understand).
enum ImageMetadata {
    /// What the test photos record about their owner: long enough never to turn up by chance in
    /// compressed pixels.
    static let personal = ["GeheimCam", "Modell 7 Pro", "Mustermann", "SN-4711-0815", "xmpmeta", "ns.adobe.com", "Photoshop 3.0"]
    /// Names of metadata blocks, looked for outside the pixel data only (three letters turn up in any large file).
    static let blocks = ["GPS", "Exif", "8BIM", "XMP", "ICC_PROFILE"]

    /// The personal strings found anywhere in the bytes.
    static func personalStrings(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
        return personal.filter { text.contains($0) }
    }

    /// The bytes that are not pixel data: a JPEG's segments before the scan, the chunks of a PNG
    /// or WebP other than the image data.
    static func outsidePixels(_ b: [UInt8]) -> [UInt8] {
        switch ImageFormat.sniff(b) {
        case .jpeg:
            guard let scan = (2..<max(2, b.count - 1)).first(where: { b[$0] == 0xFF && b[$0 + 1] == 0xDA }) else { return b }
            return Array(b[..<scan])
        case .png: return chunks(b, from: 8, bigEndian: true).filter { $0.name != "IDAT" }.flatMap(\.bytes)
        case .webp: return chunks(b, from: 12, bigEndian: false).filter { !["VP8 ", "VP8L", "ALPH"].contains($0.name) }.flatMap(\.bytes)
        default: return b
        }
    }

    private static func chunks(_ b: [UInt8], from start: Int, bigEndian: Bool) -> [(name: String, bytes: [UInt8])] {
        var result: [(String, [UInt8])] = []
        var i = start
        while i + 8 <= b.count {
            let (sizeAt, nameAt) = bigEndian ? (i, i + 4) : (i + 4, i)
            let s = Array(b[sizeAt..<sizeAt + 4])
            let size = bigEndian ? Int(s[0]) << 24 | Int(s[1]) << 16 | Int(s[2]) << 8 | Int(s[3]) : Int(s[0]) | Int(s[1]) << 8 | Int(s[2]) << 16 | Int(s[3]) << 24
            let end = min(b.count, i + 8 + size + (bigEndian ? 4 : size & 1))
            result.append((String(decoding: b[nameAt..<nameAt + 4], as: UTF8.self), Array(b[i..<end])))
            i = end
        }
        return result
    }

    /// The markers of a JPEG's segments before the image data (APP0 = 0xE0, APP1 = 0xE1 …, COM = 0xFE).
    static func jpegMarkers(_ b: [UInt8]) -> [UInt8] {
        var markers: [UInt8] = []
        var i = 2
        while i + 4 <= b.count, b[i] == 0xFF {
            let marker = b[i + 1]
            if marker == 0xDA { break }  // start of scan: the pixels follow
            markers.append(marker)
            i += 2 + (Int(b[i + 2]) << 8 | Int(b[i + 3]))
        }
        return markers
    }

    /// The chunk names of a WebP (RIFF) file, and whether its VP8X header claims ICC, EXIF or XMP.
    static func webpChunks(_ b: [UInt8]) -> (names: [String], flagsMetadata: Bool) {
        var names: [String] = []
        var flags = false
        var i = 12
        while i + 8 <= b.count {
            let name = String(decoding: b[i..<i + 4], as: UTF8.self)
            let size = Int(b[i + 4]) | Int(b[i + 5]) << 8 | Int(b[i + 6]) << 16 | Int(b[i + 7]) << 24
            names.append(name)
            if name == "VP8X", i + 8 < b.count { flags = b[i + 8] & 0b0010_1100 != 0 }  // ICC 0x20, EXIF 0x08, XMP 0x04
            i += 8 + size + (size & 1)
        }
        return (names, flags)
    }

    /// The chunk types of a PNG file.
    static func pngChunks(_ b: [UInt8]) -> [String] {
        var names: [String] = []
        var i = 8
        while i + 8 <= b.count {
            let size = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            names.append(String(decoding: b[i + 4..<i + 8], as: UTF8.self))
            i += 12 + size
        }
        return names
    }

    /// Every way `bytes` could carry personal data, as readable findings (empty: none).
    static func findings(_ bytes: [UInt8]) -> [String] {
        var found = personalStrings(bytes).map { "contains '\($0)'" }
        let outside = String(decoding: outsidePixels(bytes).map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
        found += blocks.filter { outside.contains($0) }.map { "metadata block '\($0)'" }
        switch ImageFormat.sniff(bytes) {
        case .jpeg:
            // Only APP0 (JFIF) and the image's own tables may stand before the pixels.
            let allowed: Set<UInt8> = [0xE0, 0xDB, 0xC0, 0xC1, 0xC2, 0xC4, 0xDD]
            found += jpegMarkers(bytes).filter { !allowed.contains($0) }.map { "JPEG segment 0x\(String($0, radix: 16))" }
        case .webp:
            let chunks = webpChunks(bytes)
            found += chunks.names.filter { !["VP8 ", "VP8L", "VP8X", "ALPH"].contains($0) }.map { "WebP chunk \($0)" }
            if chunks.flagsMetadata { found.append("WebP header announces metadata") }
        case .png:
            let allowed: Set<String> = ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "pHYs", "bKGD"]
            found += pngChunks(bytes).filter { !allowed.contains($0) }.map { "PNG chunk \($0)" }
        default: break
        }
        return found
    }
}

extension TestSupport {
    /// Builds content files in memory, photos among them (bytes), with the real templates.
    static func buildInMemory(_ texts: [String: String], photos: [String: [UInt8]], options: BuildOptions? = nil,
                              imageCache: ImageCachePlace? = nil) -> (BuildReport, MemorySink) {
        let memory = MemoryFileSystem(Dictionary(uniqueKeysWithValues: texts.map { ("/c/" + $0.key, $0.value) }))
        for (path, bytes) in photos { memory.write("/c/" + path, bytes: bytes) }
        let fs = OverlayFileSystem(memory: memory)
        let builder = Builder(location: SiteLocation(content: "/c", templates: templates, output: "/out"),
                              options: options ?? BuildOptions(now: now), fileSystem: fs)
        let sink = MemorySink(fileSystem: fs, imageCache: imageCache)
        let (report, _) = builder.run(into: sink)
        return (report, sink)
    }
}
