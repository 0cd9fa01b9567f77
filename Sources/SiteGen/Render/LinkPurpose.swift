/// Link text that does not say where a link leads ("hier", "mehr"). Screen reader users often
/// jump from link to link or list a page's links, and then hear only the text: FACTS' accessibility
/// rules (WCAG 2.4.4, link purpose) ask for link text that names its target.
enum LinkPurpose {
    /// Texts that name no target, lower-cased, without the punctuation around them.
    static let vagueTexts: Set<String> = [
        "hier", "hier klicken", "klicken sie hier", "bitte hier klicken", "hier entlang", "klick", "klicken",
        "mehr", "mehr lesen", "mehr erfahren", "mehr dazu", "mehr infos", "mehr informationen", "weitere informationen",
        "weiter", "weiterlesen", "zum artikel", "link", "dieser link", "diesen link", "zum link", "details", "info", "infos",
        "here", "click here", "more", "read more", "learn more", "this link", "this",
    ]

    /// The vague text of a link whose whole text is one short run of text, or nil. A text without
    /// a letter or digit ("→", "»", "…", "👉") is vague too: it is read out as "Pfeil nach rechts".
    static func vagueText(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: Self.around)
        if !text.contains(where: { $0.isLetter || $0.isNumber }) {
            let shown = text.collapsingSpaces
            return shown.isEmpty ? nil : shown
        }
        let key = trimmed.lowercased().collapsingSpaces
        return vagueTexts.contains(key) ? trimmed : nil
    }

    /// White space, and the punctuation and arrows that may stand around such a text ("» mehr …").
    private static let around: Set<Character> = [" ", "\n", "\t", ".", ":", "!", "…", "»", "«", "›", "‹", "→", ">", "„", "“", "\"", "'", "(", ")"]
}

extension String {
    /// Without the characters of `set` at either end.
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        guard let start = firstIndex(where: { !set.contains($0) }), let end = lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(self[start...end])
    }
}
