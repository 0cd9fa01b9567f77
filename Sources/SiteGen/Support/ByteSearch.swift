#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on UTF-8 bytes. `String.contains(_: String)` and `firstRange(of:)` go through
/// the generic string-processing library, which compares characters one by one; rendering calls
/// them for every page, where byte equality is what is meant.
extension String {
    /// The byte offset of the first occurrence of `needle` at or after `start`, or nil.
    func utf8Offset(of needle: String, from start: Int = 0) -> Int? {
        var hay = self
        return hay.withUTF8 { byteOffset(of: needle, in: $0, from: start) }
    }

    /// True when the text holds `needle`, byte for byte.
    func containsBytes(_ needle: String) -> Bool { utf8Offset(of: needle) != nil }

    /// Every occurrence of `target` replaced, left to right.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, var hit = utf8Offset(of: target) else { return self }
        let bytes = Array(utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + replacement.utf8.count)
        var rest = 0
        while true {
            out += bytes[rest..<hit]
            out += replacement.utf8
            rest = hit + target.utf8.count
            guard let next = utf8Offset(of: target, from: rest) else { break }
            hit = next
        }
        out += bytes[rest...]
        return String(decoding: out, as: UTF8.self)
    }
}

/// ASCII delimiters found by byte: paths and addresses are split at `/`, `#`, `?` and `:`, and a
/// search by `Character` walked every character of every link of every page.
extension String {
    /// Whether the text has the byte `ascii` (memchr: a `utf8.contains` loop is generic code).
    func containsByte(_ ascii: UInt8) -> Bool {
        var s = self
        return s.withUTF8 { $0.count > 0 && memchr($0.baseAddress!, Int32(ascii), $0.count) != nil }
    }
}

extension StringProtocol {
    /// The index of the first `ascii` byte, or nil.
    func firstIndex(ofASCII ascii: UInt8) -> Index? {
        var s = Substring(self)
        guard let offset = s.withUTF8({ b -> Int? in
            guard b.count > 0, let hit = memchr(b.baseAddress!, Int32(ascii), b.count) else { return nil }
            return b.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }) else { return nil }
        return utf8.index(startIndex, offsetBy: offset)
    }

    /// The parts between `/` (empty parts left out, as `split(separator: "/")` does). Found on the
    /// bytes: walking `utf8` index by index checked each index, for every path of every file.
    var pathParts: [SubSequence] {
        let start = utf8.startIndex
        func part(_ from: Int, _ to: Int) -> SubSequence { self[utf8.index(start, offsetBy: from)..<utf8.index(start, offsetBy: to)] }
        func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [SubSequence] {
            var parts: [SubSequence] = []
            parts.reserveCapacity(4)
            var from = 0
            for i in 0..<bytes.count where bytes[i] == UInt8(ascii: "/") {
                if from != i { parts.append(part(from, i)) }
                from = i + 1
            }
            if from != bytes.count { parts.append(part(from, bytes.count)) }
            return parts
        }
        return utf8.withContiguousStorageIfAvailable(split) ?? Array(utf8).withUnsafeBufferPointer(split)
    }
}

extension Array where Element == UInt8 {
    /// Whether the bytes contain `needle`'s UTF-8.
    func containsBytes(_ needle: String) -> Bool {
        withUnsafeBufferPointer { byteOffset(of: needle, in: $0) != nil }
    }

    /// The offset of the first occurrence of `needle`'s UTF-8 at or after `start`, or nil.
    func offset(of needle: String, from start: Int = 0) -> Int? {
        withUnsafeBufferPointer { byteOffset(of: needle, in: $0, from: start) }
    }
}

/// The offset of the first occurrence of `needle`'s UTF-8 in `h` at or after `start`, or nil.
private func byteOffset(of needle: String, in h: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
    var needle = needle
    return needle.withUTF8 { n -> Int? in
        guard !n.isEmpty, start <= h.count - n.count, let base = h.baseAddress, let nb = n.baseAddress else { return nil }
        // memchr to each candidate first byte, then memcmp (Glibc's memmem is not exported to Swift).
        var i = start
        let last = h.count - n.count
        while i <= last {
            guard let p = memchr(base + i, Int32(nb[0]), last - i + 1) else { return nil }
            i = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + i, nb, n.count) == 0 { return i }
            i += 1
        }
        return nil
    }
}
