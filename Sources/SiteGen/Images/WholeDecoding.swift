/// Pictures libvips cannot decode a stripe at a time: a progressive JPEG (libjpeg keeps every
/// coefficient until the last scan, shrink-on-load or not) and an interlaced PNG (the last pass
/// fills every row). Their memory grows with their pixels, not their bytes: a 2 MB progressive
/// JPEG of 20000 × 20000 pixels took 1.2 GB, an interlaced PNG of 1 MB 1.4 GB, one per core.
enum WholeDecoding {
    /// About 600 MB of coefficients for a progressive JPEG; more than any camera makes.
    static let maxPixels = 100_000_000

    /// Why a picture of `pixels` with these bytes is not decoded, or nil.
    static func problem(_ bytes: [UInt8], pixels: Int) -> String? {
        guard pixels > maxPixels else { return nil }
        let megapixels = (pixels + 500_000) / 1_000_000, limit = maxPixels / 1_000_000
        if isInterlacedPNG(bytes) {
            return "is an interlaced PNG of \(megapixels) megapixels, which is decoded whole in memory (at most \(limit) megapixels); export it again smaller, e.g. 4000 pixels wide, or without interlacing"
        }
        if isProgressiveJPEG(bytes) {
            return "is a progressive JPEG of \(megapixels) megapixels, which is decoded whole in memory (at most \(limit) megapixels); export it again smaller, e.g. 4000 pixels wide, or as baseline JPEG"
        }
        return nil
    }

    /// The IHDR chunk's interlace method (byte 28) is Adam7.
    static func isInterlacedPNG(_ b: [UInt8]) -> Bool {
        b.count > 28 && b.starts(with: [0x89, 0x50, 0x4E, 0x47]) && Array(b[12..<16]) == Array("IHDR".utf8) && b[28] == 1
    }

    /// The first frame header (SOFn) before the scan is a progressive one (SOF2, 6, 10, 14).
    static func isProgressiveJPEG(_ b: [UInt8]) -> Bool {
        guard b.starts(with: [0xFF, 0xD8]) else { return false }
        var i = 2
        while i + 4 <= b.count, b[i] == 0xFF {
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }  // fill byte
            if [0xC2, 0xC6, 0xCA, 0xCE].contains(marker) { return true }
            if [0xC0, 0xC1, 0xC3, 0xC5, 0xC7, 0xC9, 0xCB, 0xCD, 0xCF, 0xDA].contains(marker) { return false }
            i += 2 + (Int(b[i + 2]) << 8 | Int(b[i + 3]))
        }
        return false
    }
}
