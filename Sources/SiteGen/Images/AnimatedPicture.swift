/// An animated WebP or PNG (APNG) among the photos: libvips reads its first frame, and the files
/// made from it stand still. Only a GIF is published as it is, moving.
enum AnimatedPicture {
    static let warning = "is animated, but photos are published as still pictures, so only its first frame is shown; save the animation as GIF to keep it moving"

    static func isAnimated(_ b: [UInt8]) -> Bool {
        switch ImageFormat.sniff(b) {
        case .webp: return b.count > 20 && Array(b[12..<16]) == Array("VP8X".utf8) && b[20] & 0x02 != 0  // the animation flag
        case .png: return hasChunkBeforeImage(b, "acTL")
        default: return false
        }
    }

    /// Whether a PNG has the chunk `name` before its image data (where APNG's animation control is).
    private static func hasChunkBeforeImage(_ b: [UInt8], _ name: String) -> Bool {
        var i = 8
        while i + 8 <= b.count {
            let size = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            let chunk = String(decoding: b[i + 4..<i + 8], as: UTF8.self)
            if chunk == name { return true }
            if chunk == "IDAT" { return false }
            i += 12 + size
        }
        return false
    }
}
