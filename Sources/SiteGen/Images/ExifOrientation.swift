import CZlib

/// The EXIF orientation of a picture published as it is (a theme's photo): its EXIF block goes (it
/// holds GPS, camera and owner), but browsers turn a photo by this one tag, so a phone's portrait
/// photo would show on its side without it. Only the tag is written back, in the block's place.
enum ExifOrientation {
    /// The orientation (2–8) in an EXIF block (a TIFF block, after `Exif\0\0` in a JPEG's APP1
    /// and in some WebP files); nil when there is none, or it is 1 (upright).
    static func read(_ data: ArraySlice<UInt8>) -> Int? {
        var b = Array(data)
        if b.starts(with: Array("Exif".utf8) + [0, 0]) { b.removeFirst(6) }
        guard b.count >= 8, b[0] == b[1], b[0] == 0x49 || b[0] == 0x4D else { return nil }
        let little = b[0] == 0x49
        func number(_ at: Int, _ size: Int) -> Int? {
            guard at >= 0, at + size <= b.count else { return nil }
            return (0..<size).reduce(0) { value, k in value | Int(b[at + k]) << (8 * (little ? k : size - 1 - k)) }
        }
        guard let ifd = number(4, 4), let count = number(ifd, 2) else { return nil }
        for entry in 0..<count {
            let at = ifd + 2 + 12 * entry
            guard let tag = number(at, 2) else { return nil }
            if tag == 0x0112, let value = number(at + 8, 2), (2...8).contains(value) { return value }
        }
        return nil
    }

    /// A TIFF block holding only `orientation` (big-endian, one entry in IFD0).
    static func tiff(_ orientation: Int) -> [UInt8] {
        Array("MM".utf8) + [0, 42, 0, 0, 0, 8]  // byte order, 42, IFD0 at 8
            + [0, 1]  // one entry: tag 0x0112, type SHORT, count 1, the value (left-aligned)
            + [0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, UInt8(orientation), 0, 0]
            + [0, 0, 0, 0]  // no next IFD
    }

    /// A JPEG APP1 segment with only the orientation.
    static func jpegSegment(_ orientation: Int) -> [UInt8] {
        let data = Array("Exif".utf8) + [0, 0] + tiff(orientation)
        return [0xFF, 0xE1, UInt8((data.count + 2) >> 8), UInt8((data.count + 2) & 0xFF)] + data
    }

    /// A PNG `eXIf` chunk with only the orientation.
    static func pngChunk(_ orientation: Int) -> [UInt8] {
        let body = Array("eXIf".utf8) + tiff(orientation)
        let crc = body.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        return bigEndian(UInt32(body.count - 4)) + body + bigEndian(crc)
    }

    /// A WebP `EXIF` chunk with only the orientation (its length is even: no padding).
    static func webpChunk(_ orientation: Int) -> [UInt8] {
        let data = tiff(orientation)
        return Array("EXIF".utf8) + [UInt8(data.count), 0, 0, 0] + data
    }

    private static func bigEndian(_ n: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: n >> (24 - 8 * UInt32($0))) } }
}
