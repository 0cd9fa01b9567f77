/// The EXIF orientation of a JPEG published as it is (a theme's photo): its EXIF block goes (it
/// holds GPS, camera and owner), but browsers turn a photo by this one tag, so a phone's portrait
/// photo would show on its side without it. Only the tag is written back.
enum ExifOrientation {
    /// The orientation (1–8) in an APP1 segment's data (`Exif\0\0` and a TIFF block), or nil.
    static func read(_ data: ArraySlice<UInt8>) -> Int? {
        let b = Array(data)
        guard b.count >= 14, b.starts(with: Array("Exif".utf8) + [0, 0]) else { return nil }
        let tiff = 6
        let little = b[tiff] == 0x49
        guard little || b[tiff] == 0x4D else { return nil }
        func number(_ at: Int, _ size: Int) -> Int? {
            guard at >= 0, at + size <= b.count else { return nil }
            return (0..<size).reduce(0) { value, k in value | Int(b[at + k]) << (8 * (little ? k : size - 1 - k)) }
        }
        guard let ifd = number(tiff + 4, 4), let count = number(tiff + ifd, 2) else { return nil }
        for entry in 0..<count {
            let at = tiff + ifd + 2 + 12 * entry
            guard let tag = number(at, 2) else { return nil }
            if tag == 0x0112, let value = number(at + 8, 2), (1...8).contains(value) { return value }
        }
        return nil
    }

    /// An APP1 segment holding only `orientation` (big-endian TIFF, one entry in IFD0).
    static func segment(_ orientation: Int) -> [UInt8] {
        let tiff: [UInt8] = Array("MM".utf8) + [0, 42, 0, 0, 0, 8]  // byte order, 42, IFD0 at 8
            + [0, 1]  // one entry: tag 0x0112, type SHORT, count 1, the value (left-aligned)
            + [0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, UInt8(orientation), 0, 0]
            + [0, 0, 0, 0]  // no next IFD
        let data = Array("Exif".utf8) + [0, 0] + tiff
        let length = data.count + 2
        return [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + data
    }
}
