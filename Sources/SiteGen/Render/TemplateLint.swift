import MustacheEngine

/// Problems of a theme that do not stop it from rendering, but that a designer would not want
/// silently: content no page shows, templates nothing uses, page templates without a layout, UI
/// strings the build needs that the strings file lacks.
enum TemplateLint {
    static func warnings(_ library: TemplateLibrary, texts: [String: String], strings: UIStrings, language: String,
                         display: (String) -> String) -> [Diagnostic] {
        var result = library.warnings.map {
            Diagnostic.warning(display($0.template + ".mustache"), line: $0.line, column: $0.column, $0.message)
        }
        let used = Set(library.references.values.flatMap { $0.map(\.name) })
        let pageKinds = TemplateSet.required
        for name in texts.keys.sorted() where !pageKinds.contains(name) && !used.contains(name) {
            let close = NameDistance.closest(name, in: pageKinds + Array(used), limit: TemplateSet.typoLimit(name), ignoringCase: true)
            result.append(.warning(display(name + ".mustache"), "no page kind is called '\(name)' and no template includes it, so it is not used"
                + (close.map { "; did you mean '\($0)'?" } ?? howTemplatesAreUsed(name))))
        }
        for kind in pageKinds {
            guard let text = texts[kind] else { continue }
            let layout = library.layoutTags(kind)
            if !text.contains(where: { !$0.isWhitespace }) {
                result.append(.warning(display(kind + ".mustache"), "the template is empty, so every page of this kind ('\(kind)') would be an empty file"))
            } else if let partial = layout.layoutPartials.first, layout.parents.isEmpty {
                result.append(.warning(display(kind + ".mustache"), line: partial.location.line, column: partial.location.column,
                    "the layout '\(partial.name)' is included as a partial ({{>\(partial.name)}}), so its blocks stay empty and the text after it comes after its </html>; write {{<\(partial.name)}} and close it with {{/\(partial.name)}} after the blocks"))
            } else if !library.usesParent(kind), !text.contains("<html") {
                result.append(.warning(display(kind + ".mustache"), "the template has no layout ({{<base}}…{{/base}}) and no <html>, so its pages lack the site's head, header and footer"))
            }
            if layout.parents.count > 1 {
                // A copy pasted below the original: every page would be two documents in one file.
                result.append(.warning(display(kind + ".mustache"), line: layout.parents[1].line, column: layout.parents[1].column,
                    "the template uses a layout a second time here (first at line \(layout.parents[0].line)), so each of its pages would hold two pages; keep one"))
            }
        }
        return result + imagesWithoutAlt(texts, display: display) + missingLandmarks(texts, references: library.references, display: display)
            + skippedHeadings(texts, display: display) + linksWithoutName(texts, display: display)
            + placeholdersShownAsWritten(texts, strings: strings, display: display)
            + missingStrings(strings, language: language, display: display)
    }

    /// The UI strings the code shows that the language's file lacks (one written as no text, a
    /// list, is named at its line when the file is read).
    static func missingStrings(_ strings: UIStrings, language: String, display: (String) -> String) -> [Diagnostic] {
        UIStrings.usedByCode.filter { strings[$0] == $0 && !strings.hasValue($0) }.map {
            .warning(display("i18n/\(language).yml"), "the UI string '\($0)' is missing, so pages show '\($0)' instead; add it")
        }
    }

    /// Line and column (in characters) of the first byte that is not UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let width = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            let valid = width > 0 && i + width <= bytes.count && bytes[(i + 1)..<(i + width)].allSatisfy { $0 & 0xC0 == 0x80 }
            if !valid {
                let column = String(decoding: bytes[lineStart..<i], as: UTF8.self).count + 1
                return (line, column)
            }
            if b == 10 { line += 1; lineStart = i + 1 }
            i += width
        }
        return (line, 1)
    }
}
