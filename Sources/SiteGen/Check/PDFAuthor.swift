/// Word and LibreOffice write the name of whoever made a document into its properties (the
/// account's name, or the name of whoever made the template years ago), and a PDF exported from
/// it goes out with that name: personal data published without anyone deciding so. Photos lose
/// such metadata in the build; a PDF cannot be rewritten safely, so the editor is told.
enum PDFAuthor {
    /// Why the author a PDF names should be looked at, or nil when it names none or a name the
    /// site publishes anyway (`publicNames`: site.yml's `author` and `publisher.name`).
    static func problem(_ author: String?, publicNames: [String]) -> String? {
        guard let author, !author.isEmpty else { return nil }
        let known = Set(publicNames.map(comparable))
        guard !known.contains(comparable(author)) else { return nil }
        let suggestion = publicNames.first { !$0.isEmpty }.map { " (for example '\($0)' from site.yml)" } ?? ""
        return "this PDF names '\(author)' as its author in its document properties, which go out with it; if that is not meant to be public, remove it (Word: File, Info, Check for Issues, Inspect Document; LibreOffice: File, Properties) or write the organisation's name\(suggestion), and export the PDF again"
    }

    /// Names compare without case and with white space as one space.
    private static func comparable(_ name: String) -> String {
        PDFText.trimmed(name).lowercased()
    }
}
