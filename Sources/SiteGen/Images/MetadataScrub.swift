/// The last guard against metadata in a made file: whatever an encoder wrote besides the pixels
/// is cut out of the bytes. libvips 8.14's WebP saver writes an EXIF chunk even with `strip` and
/// no metadata left on the image; JPEG and PNG are checked the same way, in case a later version
/// does likewise. Files it cannot parse are left as they are (the tests read every kind).
enum MetadataScrub {
    static func scrub(_ bytes: [UInt8], _ format: ImageFormat) -> [UInt8] {
        switch format {
        case .webp: webp(bytes) ?? bytes
        case .jpeg: jpeg(bytes) ?? bytes
        case .png: png(bytes) ?? bytes
        case .gif: gif(bytes) ?? bytes
        default: bytes
        }
    }

    /// RIFF without `EXIF`, `XMP ` and `ICCP` chunks, and the VP8X header no longer announcing them;
    /// `keepColour` (published as it is): the colour profile stays, and the orientation (`ExifOrientation`).
    static func webp(_ b: [UInt8], keepColour: Bool = false) -> [UInt8]? {
        guard b.count >= 12, b.starts(with: Array("RIFF".utf8)), Array(b[8..<12]) == Array("WEBP".utf8) else { return nil }
        var out = Array(b[0..<12])
        var i = 12
        var turned = false
        while i + 8 <= b.count {
            let name = String(decoding: b[i..<i + 4], as: UTF8.self)
            let size = Int(b[i + 4]) | Int(b[i + 5]) << 8 | Int(b[i + 6]) << 16 | Int(b[i + 7]) << 24
            let end = i + 8 + size + (size & 1)
            guard end <= b.count || (end == b.count + 1 && size & 1 == 1) else { return nil }
            if !["EXIF", "XMP "].contains(name) && (keepColour || name != "ICCP") {
                var chunk = Array(b[i..<min(end, b.count)])
                if name == "VP8X", chunk.count > 8 { chunk[8] &= ~UInt8(keepColour ? 0b0000_1100 : 0b0010_1100) }  // (ICC,) EXIF, XMP flags
                out += chunk
            } else if keepColour, name == "EXIF", let turn = ExifOrientation.read(b[(i + 8)..<min(i + 8 + size, b.count)]) {
                out += ExifOrientation.webpChunk(turn)
                turned = true
            }
            i = end
        }
        if turned, out.count > 20, Array(out[12..<16]) == Array("VP8X".utf8) { out[20] |= 0b0000_1000 }  // EXIF flag
        let riff = UInt32(out.count - 8)
        for k in 0..<4 { out[4 + k] = UInt8(truncatingIfNeeded: riff >> (8 * UInt32(k))) }
        return out
    }

    /// A picture published as it is (a theme's photo): personal metadata out, but not what its
    /// colours depend on (the ICC profile, Adobe's colour segment), which a made file does not need,
    /// nor a JPEG's orientation. Nil when the bytes cannot be read to their end (cut off, damaged,
    /// another format), or are a format whose metadata this does not know (AVIF): publishing them
    /// as they are would publish their metadata.
    static func original(_ bytes: [UInt8], _ format: ImageFormat) -> [UInt8]? {
        switch format {
        case .jpeg: originalJPEG(bytes)
        case .png: png(bytes, keepColour: true, whole: true)
        case .webp: webp(bytes, keepColour: true)
        case .gif: gif(bytes)
        default: nil
        }
    }

    /// A camera's JPEG segment by segment, scans included, up to its end marker: a phone may put
    /// a second picture with its own EXIF after it, and segments may follow the first scan.
    private static func originalJPEG(_ b: [UInt8]) -> [UInt8]? {
        guard b.starts(with: [0xFF, 0xD8]) else { return nil }
        var out: [UInt8] = [0xFF, 0xD8]
        var i = 2
        while i + 1 < b.count, b[i] == 0xFF {
            let marker = b[i + 1]
            if marker == 0xD9 { return out + [0xFF, 0xD9] }
            if marker == 0xFF { i += 1; continue }  // fill byte
            guard i + 4 <= b.count else { return nil }
            let end = i + 2 + (Int(b[i + 2]) << 8 | Int(b[i + 3]))
            guard end <= b.count else { return nil }
            if !isPersonal(marker, b[(i + 4)..<end]) {
                out += b[i..<end]
            } else if marker == 0xE1, let turn = ExifOrientation.read(b[(i + 4)..<end]) {
                out += ExifOrientation.jpegSegment(turn)
            }
            i = end
            guard marker == 0xDA else { continue }
            // Scan data runs to the next marker that is neither a stuffed 0xFF00 nor a restart.
            var j = i
            while j + 1 < b.count, !(b[j] == 0xFF && b[j + 1] != 0 && !(0xD0...0xD7).contains(b[j + 1])) { j += 1 }
            out += b[i..<j]
            i = j
        }
        return nil
    }

    /// APP1 (EXIF, XMP), APP13 (IPTC), comments and the other application segments; not APP2's
    /// ICC profile or APP14 (Adobe: how the colours are stored).
    private static func isPersonal(_ marker: UInt8, _ data: ArraySlice<UInt8>) -> Bool {
        if marker == 0xFE { return true }
        guard (0xE1...0xEF).contains(marker), marker != 0xEE else { return false }
        return !(marker == 0xE2 && data.starts(with: Array("ICC_PROFILE".utf8)))
    }

    /// JPEG without APP1–APP15 segments (EXIF, XMP, ICC, IPTC, maker notes) and comments.
    static func jpeg(_ b: [UInt8]) -> [UInt8]? {
        guard b.starts(with: [0xFF, 0xD8]) else { return nil }
        var out: [UInt8] = [0xFF, 0xD8]
        var i = 2
        while i + 4 <= b.count, b[i] == 0xFF {
            let marker = b[i + 1]
            if marker == 0xDA { return out + b[i...] }  // start of scan: the rest is the image
            let end = i + 2 + (Int(b[i + 2]) << 8 | Int(b[i + 3]))
            guard end <= b.count else { return nil }
            if !((0xE1...0xEF).contains(marker) || marker == 0xFE) { out += b[i..<end] }
            i = end
        }
        return nil
    }

    /// PNG without text, EXIF, colour profile and time chunks (`keepColour`: with its profile and
    /// orientation, `ExifOrientation`). `whole`: nil unless it reaches its
    /// end chunk (a file cut off may have its text chunks in the part not read).
    static func png(_ b: [UInt8], keepColour: Bool = false, whole: Bool = false) -> [UInt8]? {
        guard b.count >= 8, b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        var out = Array(b[0..<8])
        var i = 8
        while i + 12 <= b.count {
            let size = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            let end = i + 12 + size
            guard end <= b.count else { return nil }
            let name = String(decoding: b[i + 4..<i + 8], as: UTF8.self)
            if !["tEXt", "zTXt", "iTXt", "eXIf", "tIME"].contains(name) && (keepColour || name != "iCCP") { out += b[i..<end] }
            if keepColour, name == "eXIf", let turn = ExifOrientation.read(b[(i + 8)..<(end - 4)]) { out += ExifOrientation.pngChunk(turn) }
            if name == "IEND" { return out }  // what follows the image is no part of it
            i = end
        }
        return whole ? nil : out
    }

    /// GIF without comment extensions and application extensions other than the loop count
    /// (`NETSCAPE2.0`, `ANIMEXTS1.0`): editors export XMP (author, GPS position) into those. A GIF
    /// is published as it is otherwise, so this is the only place its metadata goes.
    static func gif(_ b: [UInt8]) -> [UInt8]? {
        guard b.count >= 13, b.starts(with: Array("GIF8".utf8)) else { return nil }
        var i = 13 + colourTableSize(b[10])
        guard i <= b.count else { return nil }
        var out = Array(b[0..<i])
        while i < b.count {
            switch b[i] {
            case 0x3B: return out + [0x3B]  // the trailer; anything after it is dropped too
            case 0x2C:  // an image: descriptor, local colour table, LZW code size, data
                guard i + 11 <= b.count, let end = subBlocksEnd(b, from: i + 11 + colourTableSize(b[i + 9])) else { return nil }
                out += b[i..<end]
                i = end
            case 0x21:
                guard i + 2 < b.count, let end = subBlocksEnd(b, from: i + 2) else { return nil }
                if !isMetadata(b, extensionAt: i) { out += b[i..<end] }
                i = end
            default: return nil
            }
        }
        return out + [0x3B]  // cut short: browsers show what came, so does this
    }

    private static func colourTableSize(_ packed: UInt8) -> Int { packed & 0x80 == 0 ? 0 : 3 << (Int(packed & 0x07) + 1) }

    /// Where the data sub-blocks starting at `start` end (after their zero-length block).
    private static func subBlocksEnd(_ b: [UInt8], from start: Int) -> Int? {
        var j = start
        while j < b.count {
            if b[j] == 0 { return j + 1 }
            j += 1 + Int(b[j])
        }
        return nil
    }

    private static func isMetadata(_ b: [UInt8], extensionAt i: Int) -> Bool {
        switch b[i + 1] {
        case 0xFE: return true  // comment
        case 0xFF:
            let identifier = b.count >= i + 14 ? String(decoding: b[(i + 3)..<(i + 14)], as: UTF8.self) : ""
            return identifier != "NETSCAPE2.0" && identifier != "ANIMEXTS1.0"
        default: return false  // graphic control (timing, transparency), plain text
        }
    }
}
