/// Writes the values every page shares (`{{t.…}}` UI strings, `{{site.…}}`, `{{cssHref}}`) into a
/// template's text once per build, so no page looks them up. swift-mustache splits a tag's name
/// and walks the context stack with dynamic casts for each part: these tags were a third of all
/// name lookups at 10,000 items.
///
/// The output stays byte for byte what the template gave with the lookups (a test renders every
/// page both ways). So a tag is left as it is when writing its value could change what the parser
/// reads:
/// - the value is not text, or it is blank (a line could become a standalone tag's line, whose
///   line break Mustache drops), or it holds `{`, `}` or a line break (it could open a tag, or be
///   indented as a partial's line);
/// - the tag is not a plain variable (sections, partials, comments, names with transforms);
/// - the template changes its delimiters or its content type.
///
/// Only keys of the view's top level that no nested view has qualify (`LayoutContext.sharedView`):
/// Mustache would find a nested key of the same name first.
enum TemplateConstants {
    static func bind(_ text: String, _ constants: [String: Any], escape: (String) -> String) -> String {
        if text.contains("{{=") || text.contains("{{%") { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            out += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            let triple = afterOpen.first == "{"
            let closer = triple ? "}}}" : "}}"
            guard let close = afterOpen.firstRange(of: closer) else {
                out += rest[open.lowerBound...]
                return out
            }
            let whole = rest[open.lowerBound..<close.upperBound]
            var inner = afterOpen[..<close.lowerBound]
            var raw = triple
            if triple { inner = inner.dropFirst() } else if inner.first == "&" { inner = inner.dropFirst(); raw = true }
            if let value = value(named: inner, in: constants) {
                out += raw ? value : escape(value)
            } else {
                out += whole
            }
            rest = rest[close.upperBound...]
        }
        out += rest
        return out
    }

    /// The text a tag's name stands for, when it can be written in its place.
    static func value(named tagName: Substring, in constants: [String: Any]) -> String? {
        // Trimmed as swift-mustache's parser trims a name.
        let name = String(tagName).trimmingSpaces
        guard let first = name.first, first != ".",
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") })
        else { return nil }
        var current: Any? = constants
        for part in name.split(separator: ".", omittingEmptySubsequences: false) {
            guard !part.isEmpty, let dictionary = current as? [String: Any] else { return nil }
            current = dictionary[String(part)]
        }
        guard let text = current as? String, text.contains(where: { !$0.isWhitespace }),
              !text.contains(where: { $0 == "{" || $0 == "}" || $0.isNewline })
        else { return nil }
        return text
    }
}
