/// A fast 64-bit hash for change detection (8 bytes per step; not for security). The build cache
/// beside the output keeps such hashes, and it is tied to the program that wrote it.
enum ContentHash {
    static let seed: UInt64 = 0x243F_6A88_85A3_08D3

    @inline(__always) static func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
        var x = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        return x &* 0xBF58_476D_1CE4_E5B9
    }

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
        var h = mix(seed, UInt64(bytes.count))
        var i = 0
        while i + 8 <= bytes.count {
            h = mix(h, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        return mix(h, tail ^ 0xFF)
    }
}

/// The hash of a template view (strings, numbers, booleans, lists and dictionaries): equal
/// views render equal pages, so a page whose view hash did not change is not rendered again.
enum ViewHash {
    static func of(_ value: Any) -> UInt64 {
        // Views hold a few types: each is recognised by its exact type, which is much cheaper than
        // trying casts in turn (a failed cast to a list type checks the value's elements).
        switch ObjectIdentifier(Swift.type(of: value)) {
        case Types.string: return ContentHash.of(value as! String, seed: 1)
        case Types.view: return of(value as! [String: Any], leaving: [])
        case Types.views: return list(value as! [[String: Any]])
        case Types.bool: return (value as! Bool) ? 5 : 6
        case Types.int: return ContentHash.mix(7, UInt64(bitPattern: Int64(value as! Int)))
        // Rendered Markdown counts by its hash, which a cached build knows without the HTML.
        case Types.html: return ContentHash.mix(9, (value as! MarkdownHTML).hash)
        case Types.card: return (value as! CardView).viewHash
        case Types.cards: return list(value as! [CardView])
        case Types.strings: return list(value as! [String])
        default: break
        }
        // Other types, and an Optional holding one of the above, which the casts unwrap.
        switch value {
        case let s as String: return ContentHash.of(s, seed: 1)
        case let d as [String: Any]: return of(d, leaving: [])
        case let a as [Any]: return list(a)
        case let b as Bool: return b ? 5 : 6
        case let i as Int: return ContentHash.mix(7, UInt64(bitPattern: Int64(i)))
        default: return ContentHash.of(String(describing: value), seed: 8)
        }
    }

    private enum Types {
        static let string = ObjectIdentifier(String.self)
        static let view = ObjectIdentifier([String: Any].self)
        static let views = ObjectIdentifier([[String: Any]].self)
        static let bool = ObjectIdentifier(Bool.self)
        static let int = ObjectIdentifier(Int.self)
        static let html = ObjectIdentifier(MarkdownHTML.self)
        static let card = ObjectIdentifier(CardView.self)
        static let cards = ObjectIdentifier([CardView].self)
        static let strings = ObjectIdentifier([String].self)
    }

    /// The hash of a dictionary view without the keys in `left`, whose hash the caller mixes in.
    static func of(_ view: [String: Any], leaving left: Set<String>) -> UInt64 {
        // Dictionary order is random: combine the entries with an order-free sum.
        var sum: UInt64 = 0
        for (k, v) in view where !left.contains(k) { sum &+= ContentHash.mix(ContentHash.of(k, seed: 2), of(v)) }
        return ContentHash.mix(3, sum ^ UInt64(view.count))
    }

    private static func list<T>(_ a: [T]) -> UInt64 {
        var h = ContentHash.mix(4, UInt64(a.count))
        for v in a { h = ContentHash.mix(h, of(v)) }
        return h
    }
}
