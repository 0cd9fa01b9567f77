#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Hummingbird

/// One file of the served site.
public struct ServedFile: Sendable {
    /// The file as the build wrote it (HTML without the live-reload script).
    public let bytes: ByteBuffer
    /// The build's own bytes: a page the next build takes from its memory comes with the same
    /// storage, and is then known to be the same without comparing every byte of the site.
    private let written: [UInt8]
    public let contentType: String
    /// A hash of `bytes`; the ETag is made from it.
    public let hash: UInt64
    /// For HTML: the byte offset of the last `</body>`, where the live-reload script goes
    /// (the end of the file when there is none).
    let injectAt: Int?

    init(path: String, bytes: [UInt8]) {
        self.bytes = ByteBuffer(bytes: bytes)
        written = bytes
        contentType = MediaTypes.contentType(for: path)
        hash = bytes.withUnsafeBytes(contentHash)
        injectAt = MediaTypes.isHTML(path) ? bytes.withUnsafeBytes(lastBodyClose) ?? bytes.count : nil
    }

    func sameBytes(as other: [UInt8]) -> Bool {
        guard bytes.readableBytes == other.count else { return false }
        let shared = written.withUnsafeBufferPointer { a in other.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
        if shared && written.count == other.count { return true }
        return bytes.withUnsafeReadableBytes { a in
            other.withUnsafeBytes { b in a.count == 0 || memcmpBytes(a, b) }
        }
    }
}

/// The whole site after one good build. Immutable: the server switches to a new build by
/// replacing one reference, so a request sees either the old site or the new one, never a mix.
public final class SiteSnapshot: Sendable {
    /// Output path (`blog/index.html`, `assets/site.css`) → file.
    public let files: [String: ServedFile]
    /// Counts good builds from 1; part of the build id the live-reload script compares.
    public let generation: Int
    /// Output paths added, changed or removed since the previous snapshot, sorted.
    public let changed: [String]

    /// Takes the build's output; files whose bytes did not change keep their entry (and ETag).
    init(output: [String: [UInt8]], previous: SiteSnapshot?, generation: Int) {
        var files: [String: ServedFile] = [:]
        files.reserveCapacity(output.count)
        var changed: [String] = []
        for (path, bytes) in output {
            if let old = previous?.files[path], old.sameBytes(as: bytes) {
                files[path] = old
            } else {
                files[path] = ServedFile(path: path, bytes: bytes)
                changed.append(path)
            }
        }
        if let previous {
            for path in previous.files.keys where output[path] == nil { changed.append(path) }
        }
        self.files = files
        self.generation = generation
        self.changed = changed.sorted()
    }
}

/// A fast 64-bit hash over whole words (not cryptographic; ETags only need to change when bytes do).
func contentHash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
    let n = bytes.count
    var i = 0
    @inline(__always) func mix(_ w: UInt64) {
        var k = w &* 0x87C3_7B91_1142_53D5
        k = (k << 31) | (k >> 33)
        k = k &* 0x4CF5_AD43_2745_937F
        h ^= k
        h = ((h << 27) | (h >> 37)) &* 5 &+ 0x52DC_E729
    }
    while i + 8 <= n {
        mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        i += 8
    }
    if i < n {
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        mix(tail)
    }
    h ^= h >> 33
    h = h &* 0xFF51_AFD7_ED55_8CCD
    h ^= h >> 33
    return h
}

private func memcmpBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
}

/// The offset of the last `</body` (any case), or nil.
func lastBodyClose(_ bytes: UnsafeRawBufferPointer) -> Int? {
    let needle = Array("</body".utf8)
    guard bytes.count >= needle.count else { return nil }
    var i = bytes.count - needle.count
    while i >= 0 {
        if bytes[i] == UInt8(ascii: "<") {
            var match = true
            for j in 1..<needle.count where bytes[i + j] | 0x20 != needle[j] | 0x20 {
                match = false
                break
            }
            if match { return i }
        }
        i -= 1
    }
    return nil
}
