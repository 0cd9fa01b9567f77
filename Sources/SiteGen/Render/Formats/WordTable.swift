#if canImport(Glibc)
import Glibc
#endif

/// Words seen by the search tokenizer and their term numbers, keyed by the words' UTF-8 bytes:
/// a word met before is found without making a String or hashing it twice. Every page's text goes
/// through here word by word, which made the String-keyed dictionary a tenth of tokenizing.
struct WordTable {
    /// Entry number + 1 per slot; 0 is empty. Open addressing, linear probing, at most half full.
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    /// Entry i's bytes are `bytes[starts[i] ..< starts[i + 1]]`.
    private var starts: [Int32] = [0]
    private var bytes: [UInt8] = []
    private var values: [Int32] = []

    init() { slots = Array(repeating: 0, count: 1 << 12) }

    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        ContentHash.of(UnsafeRawBufferPointer(word))
    }

    /// The value stored for `word`, whose `hash(_:)` is `hash`.
    func value(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let entry = Int(slots[slot] - 1)
            if hashes[entry] == hash && matches(entry, word) { return values[entry] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds `word` (not in the table yet).
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Int32) {
        if (values.count + 1) * 2 > slots.count { grow() }
        let entry = values.count
        hashes.append(hash)
        values.append(value)
        bytes.append(contentsOf: word)
        starts.append(Int32(bytes.count))
        place(entry)
    }

    private func matches(_ entry: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[entry]), end = Int(starts[entry + 1])
        guard end - start == word.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            word.count == 0 || memcmp(stored.baseAddress! + start, word.baseAddress!, word.count) == 0
        }
    }

    private mutating func place(_ entry: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for entry in values.indices { place(entry) }
    }
}
