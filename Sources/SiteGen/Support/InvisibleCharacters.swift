/// Characters that text pasted from Word or a web page brings along and that show nothing: a
/// zero-width space, a word joiner, a byte order mark, a soft hyphen. An editor cannot see them,
/// so they must not make `Kli​ma` another tag or field than `Klima`, nor `kli-ma` its address.
enum InvisibleCharacters {
    /// Never meant in front matter: without them, a value reads as it looks.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200B || scalar.value == 0x2060 || scalar.value == 0xFEFF
    }

    /// Also left out of slugs: the soft hyphen (where a word may break) and the joiners, which
    /// join, never separate.
    static func isIgnoredInSlugs(_ scalar: Unicode.Scalar) -> Bool {
        isZeroWidth(scalar) || scalar.value == 0xAD || scalar.value == 0x200C || scalar.value == 0x200D
    }

    /// `text` without zero-width characters (itself when it has none, as nearly all values).
    static func removingZeroWidth(_ text: String) -> String {
        // Their UTF-8 starts with E2 or EF; text without those bytes is returned at once.
        guard text.utf8.contains(where: { $0 == 0xE2 || $0 == 0xEF }), text.unicodeScalars.contains(where: isZeroWidth) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isZeroWidth($0) }))
    }

    /// A name (a tag) as typed: each no-break or narrow space a plain space, soft hyphens left
    /// out. `Open Data` with a no-break space from Word is the tag typed, and a message could
    /// not show the difference.
    static func plainName(_ text: String) -> String {
        // Their UTF-8 starts with C2 or E2; umlauts and ß (C3) need no look at the characters.
        guard text.utf8.contains(where: { $0 == 0xC2 || $0 == 0xE2 }) else { return text }
        let spaces: Set<UInt32> = [0xA0, 0x2007, 0x2009, 0x202F]
        let kept = text.unicodeScalars.filter { $0.value != 0xAD }
        return String(String.UnicodeScalarView(kept.map { spaces.contains($0.value) ? " " : $0 }))
    }
}
