/// A PDF the site offers is one of its documents, and the accessibility rules (BITV 2.0; EN 301 549,
/// chapter 10) apply to it as to the pages: it is tagged (the structure a screen reader reads:
/// headings, paragraphs, lists, tables, the reading order), it says its language (or a screen
/// reader speaks German with an English voice), and it has a title (shown instead of the file name).
/// Word and LibreOffice write all three when asked to export an accessible ("tagged") PDF.
///
/// The reader looks for the keys, not at the file's structure: in the file's plain parts and in its
/// compressed object streams (where newer PDFs keep their catalogue). A key found elsewhere (a
/// bookmark's `/Title`, a paragraph's `/Lang`) counts too: it may miss a problem, never invent one.
enum PDFAccessibility {
    struct Facts: Equatable, Sendable {
        var tagged = false
        var language = false
        var title = false
        /// The author its properties name (`/Author`, XMP `dc:creator`), read in the same pass for
        /// `PDFAuthor`: not an accessibility fact, but one more reason to look at a file twice.
        var author: String? = nil

        var isComplete: Bool { tagged && language && title }

        mutating func add(_ other: Facts) {
            tagged = tagged || other.tagged
            language = language || other.language
            title = title || other.title
            author = author ?? other.author
        }
    }

    /// What the file says of itself; nil when it is no PDF, or when it is encrypted and what it
    /// says cannot be read.
    static func facts(_ bytes: [UInt8]) -> Facts? {
        guard bytes.starts(with: Array("%PDF-".utf8)) else { return nil }
        var facts = read(bytes)
        guard !facts.isComplete else { return facts }
        if bytes.containsBytes("/Encrypt") { return nil }
        var budget = maximumInflated
        for stream in objectStreams(bytes) where !facts.isComplete && budget > 0 {
            guard let text = inflate(stream, limit: budget) else { continue }
            budget -= text.count
            facts.add(read(text))
        }
        return facts
    }

    /// What is missing, as a warning's text; nil for an accessible PDF (or one that cannot be read).
    static func problem(_ bytes: [UInt8]) -> String? { facts(bytes).flatMap(problem) }

    static func problem(_ facts: Facts) -> String? {
        guard !facts.isComplete else { return nil }
        var missing = ""
        if !facts.tagged { missing += "; it has no tags (the structure screen readers read)" }
        if !facts.language { missing += "; it does not say its language" }
        if !facts.title { missing += "; it has no title" }
        return "this PDF is not accessible\(missing); export it again as an accessible PDF (Word: Save as PDF, Options, 'Document structure tags for accessibility'; LibreOffice: Export as PDF, 'Universal Accessibility (PDF/UA)') with the title in the document's properties"
    }

    /// Compressed object streams above this many bytes in all are not read (a file made to unpack
    /// into gigabytes).
    static let maximumInflated = 32 << 20

    /// The keys in a part of the file.
    private static func read(_ text: [UInt8]) -> Facts {
        Facts(tagged: text.containsBytes("/StructTreeRoot"), language: hasValue("/Lang", in: text),
              title: hasValue("/Title", in: text) || PDFText.elementText("dc:title", in: text) != nil,
              author: PDFText.value(of: "/Author", in: text) ?? PDFText.elementText("dc:creator", in: text))
    }

    /// Whether a `key` of a dictionary has a string that is not empty (`(de-DE)`, `<FEFF0044…>`)
    /// or a reference to one (`12 0 R`), at any of its places.
    static func hasValue(_ key: String, in text: [UInt8]) -> Bool {
        valueStarts(of: key, in: text).contains { i in
            guard i + 1 < text.count else { return false }
            switch text[i] {
            case UInt8(ascii: "("): return text[i + 1] != UInt8(ascii: ")")
            case UInt8(ascii: "<") where text[i + 1] != UInt8(ascii: "<"): return hexStringHasText(text, from: i + 1)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return true
            default: return false
            }
        }
    }

    /// Where the value of each `key` (`/Title`) in `text` starts, after the white space that
    /// follows the key.
    static func valueStarts(of key: String, in text: [UInt8]) -> [Int] {
        var starts: [Int] = []
        var from = 0
        while let at = text.offset(of: key, from: from) {
            var i = at + key.utf8.count
            from = i
            // `/Title` is not `/TitleFont`: a name ends at a delimiter or a space.
            guard i < text.count, !isNameCharacter(text[i]) else { continue }
            while i < text.count, text[i] <= 32 { i += 1 }
            starts.append(i)
        }
        return starts
    }

    /// `<FEFF>` and `<>` are empty; any other hex digits make a text.
    private static func hexStringHasText(_ text: [UInt8], from start: Int) -> Bool {
        var digits: [UInt8] = []
        var i = start
        while i < text.count, text[i] != UInt8(ascii: ">"), digits.count < 8 {
            if text[i] > 32 { digits.append(text[i] | 0x20) }
            i += 1
        }
        return !(digits.isEmpty || digits == Array("feff".utf8))
    }


    private static func isNameCharacter(_ byte: UInt8) -> Bool {
        !(byte <= 32 || "()<>[]{}/%".utf8.contains(byte))
    }
}
