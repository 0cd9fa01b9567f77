#if canImport(Glibc)
import Glibc
#endif

/// Words seen by the search tokenizer and their term numbers, keyed by the words' UTF-8 bytes:
/// a word met before is found without making a String or hashing it twice. Every page's text goes
/// through here word by word, and the table outgrows the processor's caches: a lookup reads one
/// slot (a tag of the hash and the entry), the entry (where its bytes start, its value) and the
/// bytes, each usually a cache miss, so nothing else is read on the way.
struct WordTable {
    /// Per slot: the hash's high 32 bits, then entry number + 1 (0: empty). Linear probing, at most half full.
    private var slots: [UInt64]
    /// Entry i's bytes are `bytes[entries[i].start ..< entries[i + 1].start]`; the last entry is an end mark.
    private var entries: [Entry] = [Entry(start: 0, value: 0)]
    private var bytes: [UInt8] = []
    /// Each entry's hash, to place it again when the slots grow.
    private var hashes: [UInt64] = []

    private struct Entry {
        var start: Int32
        var value: Int32
    }

    init() { slots = Array(repeating: 0, count: 1 << 12) }

    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        ContentHash.of(UnsafeRawBufferPointer(word))
    }

    /// The value stored for `word`, whose `hash(_:)` is `hash`.
    func value(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        let mask = slots.count - 1
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        while case let s = slots[slot], s != 0 {
            if s >> 32 == tag {
                let entry = Int(truncatingIfNeeded: s & 0xFFFF_FFFF) - 1
                if matches(entry, word) { return entries[entry].value }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds `word` (not in the table yet).
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Int32) {
        if (hashes.count + 1) * 2 > slots.count { grow() }
        let entry = hashes.count
        hashes.append(hash)
        entries[entry].value = value
        bytes.append(contentsOf: word)
        entries.append(Entry(start: Int32(bytes.count), value: 0))
        place(entry)
    }

    private func matches(_ entry: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(entries[entry].start), end = Int(entries[entry + 1].start)
        guard end - start == word.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            word.count == 0 || memcmp(stored.baseAddress! + start, word.baseAddress!, word.count) == 0
        }
    }

    private mutating func place(_ entry: Int) {
        let mask = slots.count - 1
        let hash = hashes[entry]
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash >> 32) << 32 | UInt64(entry + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for entry in hashes.indices { place(entry) }
    }
}
