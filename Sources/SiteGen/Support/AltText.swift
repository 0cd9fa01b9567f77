/// Alt text that says nothing about a picture: its file name ("IMG_2041.jpg", "klimasensoren")
/// or a word for "picture". Screen readers read it out instead of a description (WCAG 1.1.1),
/// and editors' tools often fill it in so, which looks like alt text to a check for empty alt.
enum AltText {
    /// Words that only say that there is a picture, lower-cased.
    static let placeholders: Set<String> = [
        "bild", "foto", "grafik", "abbildung", "symbolbild", "titelbild", "beitragsbild", "image", "photo", "picture", "img",
    ]

    /// Endings of picture files, lower-cased: an alt text ending so is a file name.
    static let fileEndings = [".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg", ".heic", ".heif", ".avif", ".tif", ".tiff"]

    /// Whether `alt` is the file name of `src` (with or without its ending, spelt as the file is:
    /// "Rathaus" for rathaus.jpg is a word an editor chose), any picture file's name, or a
    /// placeholder word. An empty alt text is another case (decoration or forgotten).
    static func isUninformative(_ alt: String, src: String) -> Bool {
        let written = alt.collapsingSpaces
        guard !written.isEmpty else { return false }
        // A description of several words (most alt texts) is no placeholder and no lone file name:
        // only a single word is lower-cased and looked at (Unicode case mapping costs per character).
        if !written.utf8.contains(UInt8(ascii: " ")) {
            let key = written.lowercased()
            if placeholders.contains(key) || fileEndings.contains(where: key.hasSuffix) { return true }
        }
        let file = src.split(separator: "/").last.map { percentDecoded(String($0)) } ?? ""
        let stem = file.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        return written == file || (!stem.isEmpty && written == stem)
    }
}
