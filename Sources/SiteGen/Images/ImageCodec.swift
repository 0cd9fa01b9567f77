import CImageCodec
#if canImport(Glibc)
import Glibc
#endif

/// libvips, through the small C layer in `CImageCodec`: reading headers and making variants.
enum ImageCodec {
    /// What an image's header says (size with the EXIF orientation applied).
    struct Header: Sendable {
        var width: Int
        var height: Int
        var orientation: Int
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        /// Why, when a less strict decoding told it (libvips's messages are shared by all threads).
        var cause: Cause? = nil

        enum Cause { case damaged, cutOff }
    }

    /// Whether libvips started; it starts on first use.
    static let ready: Bool = sg_codec_start() == 0

    /// The libvips version (part of every variant's key: another version may make other bytes).
    static let version: String = String(cString: sg_codec_version())

    static func canWrite(_ format: ImageFormat) -> Bool { ready && sg_codec_can_save(format.codecID) != 0 }

    /// The header of an image in memory; nil with libvips's reason when it cannot be read.
    static func header(_ bytes: [UInt8]) -> Result<Header, Failure> {
        guard ready else { return .failure(Failure(description: "libvips could not be started")) }
        var info = sg_image_info()
        let status = bytes.withUnsafeBytes { sg_image_probe($0.baseAddress, $0.count, &info) }
        guard status == 0, info.width > 0, info.height > 0 else { return .failure(lastError("no image format libvips reads")) }
        return .success(Header(width: Int(info.width), height: Int(info.height), orientation: Int(info.orientation)))
    }

    /// Makes `variants` of one source: decoded once (only as large as the largest needs), then
    /// each scaled and cut to its size and encoded. Same input, same bytes: nothing here depends
    /// on time, threads or order.
    static func make(_ variants: [ImageVariant], from bytes: [UInt8], source: (width: Int, height: Int)) -> Result<[[UInt8]], Failure> {
        guard ready else { return .failure(Failure(description: "libvips could not be started")) }
        guard !variants.isEmpty else { return .success([]) }
        // Wide enough to cover every variant's box, so none is made from fewer pixels than it shows.
        let base = variants.map { max($0.width, Int((Double($0.height) * Double(source.width) / Double(source.height)).rounded(.up))) }.max()!
        let width = Int32(min(base, source.width))
        let decoded = bytes.withUnsafeBytes { sg_image_decode($0.baseAddress, $0.count, width, 10_000_000, 2) }
        guard let decoded else { return .failure(failure(bytes, width: width)) }
        defer { sg_image_free(decoded) }
        var made: [[UInt8]] = []
        for variant in variants {
            switch encode(decoded, variant) {
            case .success(let data): made.append(data)
            case .failure(let failure): return .failure(failure)
            }
        }
        return .success(made)
    }

    private static func encode(_ decoded: UnsafeMutableRawPointer, _ variant: ImageVariant) -> Result<[UInt8], Failure> {
        guard let sized = sg_image_fill(decoded, Int32(variant.width), Int32(variant.height)) else {
            return .failure(lastError("the image cannot be scaled to \(variant.width)×\(variant.height)"))
        }
        defer { sg_image_free(sized) }
        var pointer: UnsafeMutablePointer<UInt8>?
        var length = 0
        guard sg_image_save(sized, variant.format.codecID, Int32(variant.quality), effort, &pointer, &length) == 0,
              let pointer else {
            return .failure(lastError("the image cannot be written as \(variant.format.name)"))
        }
        defer { sg_buffer_free(pointer) }
        return .success(MetadataScrub.scrub(Array(UnsafeBufferPointer(start: pointer, count: length)), variant.format))
    }

    /// CPU effort of the encoders. WebP at 2 instead of libvips's 4: 0.29 s instead of 0.51 s for
    /// the four sizes of a 12-megapixel photo, files 1 % larger. AVIF's encoder is slow at any effort.
    static let effort: Int32 = 2

    /// True when the decoder's message says the file ends too early (libjpeg's "Premature end",
    /// libpng's "truncated", libvips's "unexpected end" or "bad seek" past the end): a file cut
    /// off in an upload or copy.
    static func isCutOff(_ failure: Failure) -> Bool {
        if let cause = failure.cause { return cause == .cutOff }
        let text = failure.description.lowercased()
        return !isDamaged(failure) && ["premature end", "truncated", "unexpected end", "not enough data", "bad seek"].contains { text.containsBytes($0) }
    }

    /// True when the picture data is damaged inside the file (libjpeg: "Corrupt JPEG data:
    /// premature end of data segment", "… bad Huffman code"): a stretch of scrambled bytes,
    /// which it would paint as grey bands.
    static func isDamaged(_ failure: Failure) -> Bool {
        if let cause = failure.cause { return cause == .damaged }
        return failure.description.lowercased().containsBytes("corrupt jpeg data")
    }

    /// Why a source failed: told by decoding it again less strictly, not by libvips's message
    /// alone, which another thread's failure may have taken or mixed in. Decodes without
    /// complaint when only warnings are left out: damaged inside; when only truncation is: cut off.
    private static func failure(_ bytes: [UInt8], width: Int32) -> Failure {
        var failure = lastError("the file cannot be decoded")
        for (level, cause) in [(Int32(1), Failure.Cause.damaged), (0, .cutOff)] {
            guard let image = bytes.withUnsafeBytes({ sg_image_decode($0.baseAddress, $0.count, width, 10_000_000, level) }) else { continue }
            sg_image_free(image)
            failure.cause = cause
            break
        }
        _ = lastError("")
        return failure
    }

    /// libvips's last message (its first line), or `fallback`.
    private static func lastError(_ fallback: String) -> Failure {
        guard let message = sg_codec_error() else { return Failure(description: fallback) }
        defer { free(message) }
        let text = String(cString: message).split(separator: "\n").first.map { String($0).trimmingSpaces } ?? ""
        return Failure(description: text.isEmpty ? fallback : text)
    }
}
