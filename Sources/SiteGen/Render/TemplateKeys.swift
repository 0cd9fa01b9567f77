import MustacheEngine

/// Which view each page template is rendered with, and the load-time check of the keys its tags
/// name (a typo like `{{titel}}` would otherwise print nothing without a word).
enum TemplateKeys {
    /// Page template → the shape of its root view.
    static let roots: [(template: String, shape: Shape)] = [
        ("home", HomePage.fields), ("post", PostPage.fields), ("post-list", BlogPage.fields),
        ("event", EventPage.fields), ("event-list", EventListPage.fields), ("project", ProjectPage.fields),
        ("project-list", ProjectListPage.fields), ("field", FieldPage.fields), ("field-list", FieldListPage.fields),
        ("page", ContentPage.fields), ("strategy", StrategyPage.fields), ("search", SearchPage.fields),
        ("404", NotFoundPage.fields), ("tag", TagPage.fields), ("tag-list", TagListPage.fields),
        ("participation", ParticipationPage.fields), ("participation-list", ParticipationListPage.fields), ("ideas", IdeaPoolPage.fields),
    ]

    /// The globals as the check sees them: `t` with the keys of the UI strings file.
    static func globals(strings: Value) -> Shape {
        var keys = GlobalsView.fields.keys
        if case .object(let tree) = strings, let t = keys.firstIndex(where: { $0.name == "t" }) {
            keys[t] = KeyInfo(name: "t", type: .object(tree.shape), optional: false, doc: keys[t].doc)
        }
        return Shape(name: "Globals", doc: GlobalsView.fields.doc, keys: keys)
    }

    /// Every problem of every page template, as warnings (errors under `--strict`).
    /// - Parameter original: for a language version, the site's own UI strings and their file: a
    ///   string only this version's file lacks is that file's mistake, named there once.
    static func check(_ library: TemplateLibrary, strings: Value, display: (String) -> String,
                      original: (strings: UIStrings, file: String)? = nil, file: String = "") -> [Diagnostic] {
        let globals = globals(strings: strings)
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        for (template, shape) in roots where library.contains(template) {
            for p in library.checkKeys(template: template, stack: [globals, shape])
            where seen.insert("\(p.template):\(p.location.line):\(p.location.column)").inserted {
                if let original, let key = missingUIString(p), original.strings[key] != key {
                    guard seen.insert("t." + key).inserted else { continue }
                    diagnostics.append(.warning(display(file), "the UI string '\(key)' is missing (\(display(original.file)) has it), so the pages of this language show nothing in its place; add it"))
                    continue
                }
                diagnostics.append(.warning(display(p.template + ".mustache"), line: p.location.line, column: p.location.column, message(p, display: display)))
            }
        }
        return diagnostics
    }

    /// The dotted key of a UI string a tag names that the strings do not have (`t.nav.blogg` → `nav.blogg`).
    static func missingUIString(_ p: KeyProblem) -> String? {
        let parts = p.path.split(separator: ".").map(String.init)
        guard p.kind == .unknownKey, parts.count > 1, parts[0] == "t", let missing = p.missing, parts.dropFirst().contains(missing) else { return nil }
        return parts.dropFirst().joined(separator: ".")
    }

    /// The check's message, with a missing UI string named as such and where a partial is included.
    static func message(_ p: KeyProblem, display: (String) -> String) -> String {
        var text = p.message
        var parts = p.path.split(separator: ".").map(String.init)
        if p.kind == .unknownKey, parts.count > 1, parts[0] == "t", let missing = p.missing, let at = parts.firstIndex(of: missing), at > 0 {
            text = "the UI string '\(parts.dropFirst().joined(separator: "."))' is not in Templates/i18n/; add it there"
            if let suggestion = p.suggestion {
                parts[at] = suggestion
                text += " (or did you mean '\(parts.joined(separator: "."))'?)"
            }
        }
        if let via = p.includedFrom, let colon = via.firstIndex(of: ":"), via[..<colon] != p.template {
            // The file and the place as two parts (a translation needs text between them).
            text += " (included from \(display(via[..<colon] + ".mustache")):\(via[via.index(after: colon)...]))"
        }
        return text
    }
}
