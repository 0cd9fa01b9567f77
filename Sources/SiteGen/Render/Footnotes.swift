/// Footnotes (`Text[^1]` and a line `[^1]: Anmerkung.`), as libcmark-gfm writes them, made to
/// speak the page's language: the section is named by a heading screen readers find (hidden on
/// screen, where the list shows what it is), each reference is described by it, and the way back
/// says "Zurück zum Text" instead of libcmark-gfm's English "Back to content".
struct FootnoteTexts: Sendable {
    /// The section's name ("Fußnoten").
    var label: String
    /// The accessible name of the link from a footnote back to its reference ("Zurück zum Text").
    var back: String
    /// The language of these two texts (the version's). In a text of another language, which
    /// carries its own `lang` ("en" on the German site), they say theirs (WCAG 3.1.2).
    var lang = "de"

    static let section = #"<section class="footnotes" data-footnotes>"#
    /// With an underscore, which no heading's id (a slug) has.
    static let labelID = "fussnoten_titel"

    /// - Parameter marksLanguage: the text is in another language than these texts, so they carry `lang`.
    func apply(to html: String, marksLanguage: Bool) -> String {
        let lang = marksLanguage ? " lang=\"" + escapeAttribute(self.lang) + "\"" : ""
        return html.replacingAll(Self.section, with: String(Self.section.dropLast()) + #" aria-labelledby="\#(Self.labelID)">"#
                                 + "\n" + #"<h2 id="\#(Self.labelID)" class="visually-hidden""# + lang + ">" + escapeHTML(label) + "</h2>")
            .replacingAll("data-footnote-ref>", with: #"data-footnote-ref aria-describedby="\#(Self.labelID)">"#)
            .replacingAll(#"aria-label="Back to content""#, with: "aria-label=\"" + escapeAttribute(back) + "\"" + lang)
    }
}
