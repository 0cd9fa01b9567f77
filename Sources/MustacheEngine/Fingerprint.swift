/// A 64-bit fingerprint of a value: equal views give equal fingerprints, in any process (it reads
/// texts, numbers and the order of keys, never addresses). Incremental builds compare a page's
/// view fingerprint with the last build's to skip rendering it again.
public enum Fingerprint {
    public static func of(_ value: Value) -> UInt64 {
        switch value {
        case .null: return 11
        case .bool(let b): return b ? 5 : 6
        case .int(let i): return mix(7, UInt64(bitPattern: Int64(i)))
        case .double(let d): return mix(8, d.bitPattern)
        case .text(let s): return of(s, seed: 1)
        case .html(let s): return of(s, seed: 9)
        // Deferred markup counts by the fingerprint it knows without being made.
        case .deferredHTML(let d): return mix(9, d.fingerprint)
        case .list(let list):
            var h = mix(4, UInt64(list.count))
            for i in 0..<list.count { h = mix(h, of(list.value(at: i))) }
            return h
        case .object(let o): return of(o)
        }
    }

    public static func of(_ object: any TemplateObject) -> UInt64 {
        if let stored = object.storedFingerprint { return stored }
        let count = object.shape.keys.count
        var h = mix(3, UInt64(count))
        for slot in 0..<count { h = mix(h, of(object.value(at: slot))) }
        return h
    }

    public static func of(_ s: String, seed: UInt64 = 0x243F_6A88_85A3_08D3) -> UInt64 {
        var s = s
        return s.withUTF8 { of(bytes: UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// The hash of some bytes, 8 at a time (SiteGen's `ContentHash` is this hash too).
    public static func of(bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        var h = mix(seed, UInt64(bytes.count))
        var i = 0
        while i + 8 <= bytes.count {
            h = mix(h, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        return mix(h, tail(bytes, from: i) ^ 0xFF)
    }

    /// The last `bytes.count - i` (0 to 7) bytes as a little-endian number, read with whole loads
    /// rather than byte by byte: most texts hashed are words of a few letters.
    @inline(__always) static func tail(_ bytes: UnsafeRawBufferPointer, from i: Int) -> UInt64 {
        let rest = bytes.count - i
        if rest == 0 { return 0 }
        if bytes.count >= 8 {  // the 8 bytes that end the input, without those already read
            return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)) >> UInt64(64 - 8 * rest)
        }
        if rest >= 4 {
            let low = UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: i + rest - 4, as: UInt32.self))) >> UInt64(64 - 8 * rest)
            return low | high << 32
        }
        var value = UInt64(bytes[i])
        if rest > 1 { value |= UInt64(bytes[i + 1]) << 8 }
        if rest > 2 { value |= UInt64(bytes[i + 2]) << 16 }
        return value
    }

    @inlinable @inline(__always) public static func mix(_ h: UInt64, _ w: UInt64) -> UInt64 { MustacheEngine.mix(h, w) }
}
