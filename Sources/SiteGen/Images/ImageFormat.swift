import CImageCodec

/// The image formats the build knows, by file name and by the file's first bytes.
enum ImageFormat: String, Sendable, Hashable {
    case jpeg, png, webp, avif, heic, tiff, gif, svg

    /// By the file name's ending (any case); nil for other files.
    init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "jpg", "jpeg", "jpe", "jfif", "pjpeg", "pjp": self = .jpeg  // .jfif: how Windows saves a JPEG from the web
        case "png": self = .png
        case "webp": self = .webp
        case "avif": self = .avif
        case "heic", "heif": self = .heic
        case "tif", "tiff": self = .tiff
        case "gif": self = .gif
        case "svg": self = .svg
        default: return nil
        }
    }

    /// Photos and other pixel images: resized, converted and stripped of metadata. GIFs (often
    /// animated) and SVGs are published as they are (a GIF without its metadata, `MetadataScrub.gif`).
    var isProcessed: Bool { self != .gif && self != .svg }

    /// The format of the `<img>` fallback beside WebP: the original's, where every browser shows it.
    var fallback: ImageFormat {
        switch self {
        case .png: .png
        case .webp: .webp
        default: .jpeg
        }
    }

    var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .heic: "heic"
        case .tiff: "tif"
        default: rawValue
        }
    }

    /// As editors know it: "JPEG", "PNG" …
    var name: String { self == .heic ? "HEIC" : rawValue.uppercased() }

    var mediaType: String { self == .svg ? "image/svg+xml" : "image/" + rawValue }

    /// The number the C codec knows the format by (only for formats it writes).
    var codecID: Int32 {
        switch self {
        case .jpeg: Int32(SG_FORMAT_JPEG)
        case .png: Int32(SG_FORMAT_PNG)
        case .webp: Int32(SG_FORMAT_WEBP)
        case .avif: Int32(SG_FORMAT_AVIF)
        default: 0
        }
    }

    /// Whether a file named with this format's ending may hold `actual` (HEIC and AVIF are both
    /// HEIF containers, and cameras name them loosely).
    func accepts(_ actual: ImageFormat) -> Bool {
        actual == self || (actual == .heic && self == .avif) || (actual == .avif && self == .heic)
    }

    /// Why `bytes` are not an image of this format, as their name says, or nil.
    func mismatch(_ bytes: [UInt8]) -> String? {
        let actual = ImageFormat.sniff(bytes)
        if let actual, accepts(actual) { return nil }
        guard let actual else {
            // An upload or copy that never started: nothing to export again.
            if bytes.isEmpty { return "is an empty file (0 bytes), not a \(name) image; copy the picture again, or remove the file" }
            return "is not a \(name) image (its bytes are no image format); export it again as \(name), or remove it"
        }
        return "is named as a \(name) image, but is a \(actual.name) image; rename it to end in .\(actual.fileExtension), or export it again as \(name)"
    }

    /// What the first bytes say the file is; nil when they are no image format the build knows.
    static func sniff(_ bytes: [UInt8]) -> ImageFormat? {
        func at(_ offset: Int, _ text: String) -> Bool {
            let expected = Array(text.utf8)
            return bytes.count >= offset + expected.count && Array(bytes[offset..<offset + expected.count]) == expected
        }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if at(0, "RIFF"), at(8, "WEBP") { return .webp }
        if at(0, "GIF87a") || at(0, "GIF89a") { return .gif }
        if at(0, "II*\u{0}") || at(0, "MM\u{0}*") { return .tiff }
        if at(4, "ftyp") { return heifBrand(bytes) }
        return SVGSafety.looksLikeSVG(bytes) ? .svg : nil
    }

    /// HEIC or AVIF by the `ftyp` box's brands.
    private static func heifBrand(_ bytes: [UInt8]) -> ImageFormat? {
        let size = bytes.count >= 4 ? Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3]) : 0
        let end = min(bytes.count, max(16, size))
        var brands: [String] = []
        var offset = 8
        while offset + 4 <= end {
            if offset != 12 { brands.append(String(decoding: bytes[offset..<offset + 4], as: UTF8.self)) }  // 12: the minor version
            offset += 4
        }
        if brands.contains(where: { $0 == "avif" || $0 == "avis" }) { return .avif }
        if brands.contains(where: { ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"].contains($0) }) { return .heic }
        return nil
    }
}
