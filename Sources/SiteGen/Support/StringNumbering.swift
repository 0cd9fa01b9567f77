#if canImport(Glibc)
import Glibc
#endif

/// Strings numbered in the order they are first seen, found by their UTF-8 bytes: a lookup hashes
/// the bytes once (`ContentHash`) and compares bytes only where the hash matches (open
/// addressing). Bytes, not Swift's `==`, which treats canonically equivalent strings ("é" as one or
/// two scalars) as equal: whoever reads the numbers back must get exactly the bytes given.
struct StringNumbering {
    private(set) var strings: [String] = []
    /// Each slot's hash with its lowest bit set (0: empty) and the number of its string.
    private var hashes = [UInt64](repeating: 0, count: 64)
    private var numbers = [Int32](repeating: 0, count: 64)

    /// The number of the string with these bytes; when there is none yet, `make()` gives it.
    /// - Parameter hash: the bytes' `ContentHash` (a caller that needs it first passes it in).
    mutating func number(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64? = nil, make: () -> String) -> Int {
        let key = (hash ?? ContentHash.of(UnsafeRawBufferPointer(bytes))) | 1
        let (found, slot) = probe(bytes, key: key)
        if let found { return found }
        let number = strings.count
        strings.append(make())
        hashes[slot] = key
        numbers[slot] = Int32(number)
        if strings.count * 2 > hashes.count { grow() }
        return number
    }

    /// The number of the string with these bytes, nil when it has none.
    func number(ifKnown bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        probe(bytes, key: ContentHash.of(UnsafeRawBufferPointer(bytes)) | 1).found
    }

    func number(ifKnown s: String) -> Int? { Self.withBytes(of: s) { number(ifKnown: $0) } }

    /// The number of `s`, adding it when new.
    mutating func number(of s: String) -> Int { Self.withBytes(of: s) { number(of: $0) { s } } }

    /// The number of the string with these bytes (`key`: their hash, lowest bit set), or the empty
    /// slot where it belongs.
    private func probe(_ bytes: UnsafeBufferPointer<UInt8>, key: UInt64) -> (found: Int?, slot: Int) {
        let mask = hashes.count - 1
        var i = Int(truncatingIfNeeded: key >> 1) & mask
        while hashes[i] != 0 {
            if hashes[i] == key, Self.equal(strings[Int(numbers[i])], bytes) { return (Int(numbers[i]), i) }
            i = (i + 1) & mask
        }
        return (nil, i)
    }

    /// `s`'s UTF-8, read in place where it is contiguous: a copy would retain it, and these strings
    /// are shared by every page, so both threads would count on one reference.
    static func withBytes<R>(of s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = s.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = s
        return copy.withUTF8(body)
    }

    private static func equal(_ s: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let utf8 = s.utf8
        guard utf8.count == bytes.count else { return false }
        guard !bytes.isEmpty else { return true }  // an empty buffer may have no address
        return utf8.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
            ?? utf8.elementsEqual(bytes)
    }

    private mutating func grow() {
        let (oldHashes, oldNumbers) = (hashes, numbers)
        hashes = [UInt64](repeating: 0, count: oldHashes.count * 2)
        numbers = [Int32](repeating: 0, count: oldHashes.count * 2)
        let mask = hashes.count - 1
        for (key, number) in zip(oldHashes, oldNumbers) where key != 0 {
            var i = Int(truncatingIfNeeded: key >> 1) & mask
            while hashes[i] != 0 { i = (i + 1) & mask }
            hashes[i] = key
            numbers[i] = number
        }
    }
}
