import MustacheEngine

/// A fast 64-bit hash for change detection (8 bytes per step; not for security). The build cache
/// beside the output keeps such hashes, and it is tied to the program that wrote it.
enum ContentHash {
    static let seed: UInt64 = 0x243F_6A88_85A3_08D3

    @inline(__always) static func mix(_ h: UInt64, _ w: UInt64) -> UInt64 { Fingerprint.mix(h, w) }

    static func of(_ s: String, seed: UInt64 = seed) -> UInt64 {
        var s = s
        return s.withUTF8 { of(UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// The same kind of hash in four independent lanes (32 bytes per step), for big files.
    static func wide(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (seed, seed ^ 1, seed ^ 2, seed ^ 3)
        var i = 0
        while i + 32 <= bytes.count {
            lanes.0 = mix(lanes.0, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            lanes.1 = mix(lanes.1, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            lanes.2 = mix(lanes.2, bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            lanes.3 = mix(lanes.3, bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += 32
        }
        let rest = UnsafeRawBufferPointer(rebasing: bytes[i...])
        return mix(mix(mix(mix(of(rest, seed: lanes.0), lanes.1), lanes.2), lanes.3), UInt64(bytes.count))
    }

    static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = seed) -> UInt64 {
        Fingerprint.of(bytes: bytes, seed: seed)
    }

    /// A file's bytes (`wide`), mixed into `h`.
    static func mix(_ h: UInt64, file bytes: [UInt8]) -> UInt64 {
        mix(h, bytes.withUnsafeBytes { wide($0) })
    }

    /// A text, ended so that "ab"+"c" and "a"+"bc" mix differently, mixed into `h`.
    static func mix(_ h: UInt64, text: String) -> UInt64 {
        mix(mix(h, of(text)), UInt64(text.utf8.count))
    }
}
