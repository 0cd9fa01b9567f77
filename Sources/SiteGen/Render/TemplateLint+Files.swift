/// Files of the templates folder that no page uses: a template saved under another ending
/// (`interview.html`) was never read, and one whose name is no page kind was never rendered,
/// both without a word that says what a used template is called.
extension TemplateLint {
    /// "; name it after a page kind (home, post, …) or include it with {{>name}}": what makes a template used.
    static func howTemplatesAreUsed(_ name: String) -> String {
        "; name it after a page kind (\(TemplateSet.required.joined(separator: ", "))) or include it with {{>\(name)}}"
    }

    /// Files outside `assets/` that are no template (`.mustache`) and no UI strings (`i18n/*.yml`).
    /// Notes (`.md`, `.txt`) and the junk editors and systems leave (`ContentFileRole.isJunk`) are no theme files.
    static func unreadFiles(_ listing: [FileEntry], display: (String) -> String) -> [Diagnostic] {
        listing.map(\.relativePath).filter(isUnread).map { path in
            let stem = path.split(separator: ".", omittingEmptySubsequences: false).first.map(String.init) ?? path
            // In i18n/ (i18n/de.yaml) the file meant is a language's UI strings, not a template.
            if path.hasPrefix("i18n/") {
                return .warning(display(path), "only i18n/<language>.yml files hold UI strings, so this file is not used; rename it to \(stem).yml")
            }
            return .warning(display(path), "only .mustache files are templates, so this file is not used; save it as \(stem).mustache"
                + howTemplatesAreUsed(stem))
        }
    }

    static func isUnread(_ path: String) -> Bool {
        let lower = path.lowercased()
        guard !path.hasPrefix("assets/"), !lower.hasSuffix(".mustache"), let name = path.split(separator: "/").last else { return false }
        if path.hasPrefix("i18n/") && !path.dropFirst(5).contains("/") && lower.hasSuffix(".yml") { return false }
        return !lower.hasSuffix(".md") && !lower.hasSuffix(".txt") && !ContentFileRole.isJunk(name)
    }
}
