/// An `<img>` in a template without an alt attribute: screen readers would read out its address
/// on every page of that kind (WCAG 1.1.1).
extension TemplateLint {
    static func imagesWithoutAlt(_ texts: [String: String], display: (String) -> String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for name in texts.keys.sorted() {
            var scanner = XMLTagScanner(Array(texts[name]!.utf8))
            while let tag = scanner.next() {
                guard tag.name.lowercased() == "img", !tag.attributes.contains(where: { $0.name.lowercased() == "alt" }) else { continue }
                result.append(.warning(display(name + ".mustache"), line: tag.line,
                    "image tag <img> has no alt attribute, so screen readers read out its address; add alt=\"{{alt}}\" (alt=\"\" for decoration)"))
            }
        }
        return result
    }
}
