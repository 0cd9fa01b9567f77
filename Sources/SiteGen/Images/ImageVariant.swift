/// One file made from a source image: a size in a format.
struct ImageVariant: Sendable, Hashable {
    /// Exactly this size: the source scaled to cover it, the overlap cut off evenly.
    var width: Int
    var height: Int
    var format: ImageFormat
    var quality: Int
    /// Where it goes, relative to the output root (`images/rathaus-960.1a2b3c4d.webp`).
    var path: String
    /// Its name in the processed-image cache: the source's key, size, format and quality.
    var cacheName: String

    init(width: Int, height: Int, format: ImageFormat, quality: Int, path: String, key: UInt64) {
        self.width = width
        self.height = height
        self.format = format
        self.quality = quality
        self.path = path
        cacheName = "\(hex(key, digits: 16))-\(width)x\(height)-q\(quality).\(format.fileExtension)"
    }
}

/// `value` in lowercase hex, the lowest `digits` digits, zero-padded.
func hex(_ value: UInt64, digits: Int) -> String {
    let text = String(value, radix: 16)
    let padded = String(repeating: "0", count: max(0, 16 - text.count)) + text
    return String(padded.suffix(digits))
}
