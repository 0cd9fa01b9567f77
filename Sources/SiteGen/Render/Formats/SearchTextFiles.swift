#if canImport(Glibc)
import Glibc
#endif

/// The text files of the search index (`x<document>.json` beside the term shards): a document's
/// plain text and where its headings are in it. search.js loads them only for the results it
/// shows, to cut an excerpt around the hit, link the result to the nearest heading above the hit
/// and check quoted phrases. One file per document: results come in ranked order, so a file
/// shared with neighbours would mostly carry texts nobody asked for.
///
/// A file: `{"text":"…","headings":[[offset,length,"id"],…]}`; offsets and lengths count UTF-16
/// code units, as JavaScript's strings do.
enum SearchTextFiles {
    /// A text file is named by its page and its bytes, so an unchanged page's file is kept from
    /// the last output (the store does not keep the texts) and a changed one gets a new name.
    static func name(page: String, key: UInt64) -> String {
        let hex = String(ContentHash.mix(ContentHash.of(page), key), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func path(_ urls: URLScheme, page: String, key: UInt64) -> String {
        SearchIndex.folderPath(urls) + "x" + name(page: page, key: key) + ".json"
    }

    /// A heading found in the text.
    struct Anchor: Equatable {
        /// Where the heading's text starts and how long it is (UTF-16 code units).
        var offset: Int
        var length: Int
        var id: String
    }

    /// White space runs as one space, no space at the ends: the text is shorter and offsets do not
    /// depend on how the Markdown was wrapped.
    static func collapse(_ text: String) -> String { String(decoding: collapsedBytes(text), as: UTF8.self) }

    static func collapsedBytes(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8(collapsedBytes)
    }

    static func collapsedBytes(_ text: [UInt8]) -> [UInt8] { text.withUnsafeBufferPointer(collapsedBytes) }

    static func collapsedBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { out, count in
            var n = 0
            var space = false
            for b in bytes {
                if b == 32 || b == 10 || b == 9 || b == 13 {
                    space = n > 0
                } else {
                    if space {
                        out[n] = 32
                        n += 1
                    }
                    space = false
                    out[n] = b
                    n += 1
                }
            }
            count = n
        }
    }

    /// Each heading's place in `text` (collapsed), searched in order after the one before; a
    /// heading whose text is not found (or is empty) is left out.
    static func anchors(text: String, headings: [Heading]) -> [Anchor] { anchors(Array(text.utf8), headings: headings) }

    static func anchors(_ bytes: [UInt8], headings: [Heading]) -> [Anchor] {
        var from = 0
        // UTF-16 units before `bytes[counted]`, carried forward so the text is walked once.
        var counted = 0, units = 0
        var anchors: [Anchor] = []
        for h in headings {
            let needle = Array(collapse(h.text).utf8)
            guard !needle.isEmpty, let at = find(needle, in: bytes, from: from) else { continue }
            units += utf16Count(bytes[counted..<at])
            counted = at
            anchors.append(Anchor(offset: units, length: utf16Count(needle[...]), id: h.id))
            from = at + needle.count
        }
        return anchors
    }

    /// The file's bytes, for a collapsed text.
    static func file(text: String, headings: [Heading]) -> [UInt8] { file(collapsed: Array(text.utf8), headings: headings) }

    /// Written as bytes in one pass: every page's text goes through here.
    static func file(collapsed text: [UInt8], headings: [Heading]) -> [UInt8] {
        var out = Array(#"{"text":"#.utf8)
        out.reserveCapacity(text.count + 64)
        JSON.writeString(utf8: text[...], to: &out)
        out += Array(#","headings":["#.utf8)
        for (i, a) in anchors(text, headings: headings).enumerated() {
            out += Array(((i > 0 ? "," : "") + "[\(a.offset),\(a.length),").utf8)
            JSON.writeString(a.id, to: &out)
            out.append(UInt8(ascii: "]"))
        }
        out += Array("]}".utf8)
        return out
    }

    /// Where `needle` first is in `bytes` at or after `from`: memchr for its first byte, memcmp for the rest.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        let m = needle.count
        guard m > 0, from + m <= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { needle in
                let base = hay.baseAddress!
                var i = from
                while i + m <= hay.count {
                    guard let hit = memchr(base + i, Int32(needle[0]), hay.count - m + 1 - i) else { return nil }
                    i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + i, needle.baseAddress!, m) == 0 { return i }
                    i += 1
                }
                return nil
            }
        }
    }

    /// UTF-16 units of valid UTF-8 bytes: one per scalar, two for those of four bytes.
    /// Eight bytes at a time: every byte of every page's text passes here.
    static func utf16Count(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBytes { raw in
            let high: UInt64 = 0x8080_8080_8080_8080
            var n = 0, i = 0
            while i + 8 <= raw.count {
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // A continuation byte (10xxxxxx) adds no unit; a 4-byte sequence's lead (11110xxx) a second one.
                let continuations = x & ~(x << 1) & high
                let fourByteLeads = x & (x << 1) & (x << 2) & (x << 3) & high
                n += 8 - continuations.nonzeroBitCount + fourByteLeads.nonzeroBitCount
                i += 8
            }
            while i < raw.count {
                let b = raw[i]
                if b & 0xC0 != 0x80 { n += b >= 0xF0 ? 2 : 1 }
                i += 1
            }
            return n
        }
    }
}

extension SearchTextFiles {
    /// `neueste.json` (not `d…`: the document chunks are `d<n>.json`): each document's day (days since 1970-01-01, UTC) in document order, 0 for an
    /// undated one (projects, fields, pages). A file of its own: only "Neueste zuerst" needs it.
    static let datesName = "neueste.json"

    static func day(_ d: DateTime) -> Int {
        let s = d.epochSeconds
        return Int(s >= 0 ? s / 86_400 : (s - 86_399) / 86_400)
    }
}

extension SearchIndex {
    /// The documents' dates. (Their text files are written with their pages, see `writeSearchText`;
    /// the version counts them by their keys.)
    func writeTexts(_ docs: [Document], _ version: inout Version, _ emit: (OutputFile) -> Void) {
        let dir = Self.folderPath(site.urls)
        for d in docs { withUnsafeBytes(of: d.body.textKey.littleEndian) { version.add($0) } }
        var dates: [UInt8] = [UInt8(ascii: "[")]
        for (id, d) in docs.enumerated() {
            if id > 0 { dates.append(UInt8(ascii: ",")) }
            appendDecimal(max(d.day ?? 0, 0), to: &dates)
        }
        dates.append(UInt8(ascii: "]"))
        dates.withUnsafeBytes { version.add($0) }
        emit(OutputFile(dir + SearchTextFiles.datesName, bytes: dates))
    }
}

extension SiteRenderer {
    /// Writes the page's text file for the search index while the page is rendered (so the texts
    /// of all pages are never held at once), or keeps it from the last output when the page was
    /// taken over; made again from the Markdown when the old file is gone.
    func writeSearchText(_ record: inout PageRecord, _ job: PageJob, into sink: OutputSink) {
        guard var search = record.search else { return }
        let path = SearchTextFiles.path(site.urls, page: record.path, key: search.textKey)
        if search.textFile == nil, !sink.keep(path, size: search.textSize), let body = markdownBody(of: job) {
            let rendered = markdown.render(body)
            search.textFile = SearchTextFiles.file(collapsed: SearchTextFiles.collapsedBytes(rendered.plainTextBytes), headings: rendered.headings)
        }
        if let file = search.textFile {
            do { try sink.write(path, file) } catch {
                record.diagnostics.append(.error(record.source?.display ?? record.path, "page cannot be written: \(error)"))
            }
        }
        search.textFile = nil
        record.search = search
    }
}
