/// An `<img>` in a template without an alt attribute: screen readers would read out its address
/// on every page of that kind (WCAG 1.1.1).
extension TemplateLint {
    static func imagesWithoutAlt(_ texts: [String: String], display: (String) -> String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for name in texts.keys.sorted() {
            var scanner = markupScanner(texts[name]!)
            while let tag = scanner.next() {
                guard tag.name.lowercased() == "img", !tag.attributes.contains(where: { $0.name.lowercased() == "alt" }) else { continue }
                result.append(.warning(display(name + ".mustache"), line: tag.line,
                    "image tag <img> has no alt attribute, so screen readers read out its address; add alt=\"{{alt}}\" (alt=\"\" for decoration)"))
            }
        }
        return result
    }

    /// A template's markup as the tag scanner reads it. `{{<base}}` is no tag, but read as one it
    /// swallowed the markup up to the next `>`: an `<img>` without alt just below it, at the top
    /// of every page template, was not found.
    static func markupScanner(_ text: String) -> XMLTagScanner {
        XMLTagScanner(Array(text.replacingAll("{{<", with: "{{_").utf8))
    }
}
