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
    /// - Parameter lines: the line of each key of this language's file, by its dotted name.
    static func check(_ library: TemplateLibrary, strings: Value, display: (String) -> String,
                      original: (strings: UIStrings, file: String)? = nil, file: String = "", lines: [String: Int] = [:]) -> [Diagnostic] {
        let globals = globals(strings: strings)
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        for (template, shape) in roots where library.contains(template) {
            for p in library.checkKeys(template: template, stack: [globals, shape])
            where seen.insert("\(p.template):\(p.location.line):\(p.location.column)").inserted {
                if let original, let key = missingUIString(p), original.strings[key] != key {
                    guard seen.insert("t." + key).inserted else { continue }
                    diagnostics.append(missingTranslation(key, original: original, file: file, lines: lines, display: display))
                    continue
                }
                diagnostics.append(.warning(display(p.template + ".mustache"), line: p.location.line, column: p.location.column,
                                            message(p, display: display, root: template, strings: original?.file ?? file)))
            }
        }
        return diagnostics
    }

    /// A string the site's own UI strings have and a language's file lacks: a typo of its key in
    /// that file (`registrationLnk:`) is named at its line with a "did you mean", as the same typo
    /// in a front matter key is; else the string is missing.
    static func missingTranslation(_ key: String, original: (strings: UIStrings, file: String), file: String,
                                   lines: [String: Int], display: (String) -> String) -> Diagnostic {
        if let typo = typo(of: key, original: original.strings, written: Array(lines.keys)) {
            return .warning(display(file), line: lines[typo],
                            "unknown UI string '\(typo)', did you mean '\(key)'? As written, the pages of this language show nothing in its place")
        }
        return .warning(display(file), "the UI string '\(key)' is missing (\(display(original.file)) has it), so the pages of this language show nothing in its place; add it")
    }

    /// The key of a language's file (`written`, dotted) that is `key` mistyped: one beside it that
    /// the original does not have, the nearest to it (`nearest`, as for front matter keys), and
    /// to which `key` is the nearest of the original's keys this file lacks (one typo is not
    /// taken for two missing strings).
    static func typo(of key: String, original: UIStrings, written: [String]) -> String? {
        let parent = key.split(separator: ".").dropLast().joined(separator: ".")
        let prefix = parent.isEmpty ? "" : parent + "."
        func beside(_ keys: some Sequence<String>) -> Set<String> {
            Set(keys.lazy.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count).prefix { $0 != "." }) })
        }
        let mine = beside(written), theirs = beside(original.keys)
        let name = String(key.dropFirst(prefix.count))
        guard let guess = nearest(name, in: mine.subtracting(theirs).sorted()),
              nearest(guess, in: theirs.subtracting(mine).sorted()) == name else { return nil }
        return prefix + guess
    }

    /// The dotted key of a UI string a tag names that the strings do not have (`t.nav.blogg` → `nav.blogg`).
    static func missingUIString(_ p: KeyProblem) -> String? {
        let parts = p.path.split(separator: ".").map(String.init)
        guard p.kind == .unknownKey, parts.count > 1, parts[0] == "t", let missing = p.missing, parts.dropFirst().contains(missing) else { return nil }
        return parts.dropFirst().joined(separator: ".")
    }

    /// The page templates whose views have `key` at their top, besides `root` (a designer who
    /// moved `{{event.start}}` into post.mustache learns where it works).
    static func templates(having key: String, besides root: String) -> [String] {
        roots.filter { $0.template != root && $0.shape.names.contains(key) }.map(\.template)
    }

    /// The check's message, with a missing UI string named as such, the templates that have a
    /// missing key when no name is close, and where a partial is included.
    /// - Parameter strings: the UI strings file a missing string belongs in (the site's language's;
    ///   under `--templates Theme2` it is Theme2/i18n/de.yml, not Templates/).
    static func message(_ p: KeyProblem, display: (String) -> String, root: String = "", strings: String) -> String {
        var text = p.message
        var parts = p.path.split(separator: ".").map(String.init)
        if p.kind == .unknownKey, parts.count > 1, parts[0] == "t", let missing = p.missing, let at = parts.firstIndex(of: missing), at > 0 {
            text = "the UI string '\(parts.dropFirst().joined(separator: "."))' is not in \(display(strings)); add it there"
            if let suggestion = p.suggestion {
                parts[at] = suggestion
                text += " (or did you mean '\(parts.joined(separator: "."))'?)"
            }
        } else if p.kind == .unknownKey, p.suggestion == nil, let missing = p.missing, parts.first == missing {
            let others = templates(having: missing, besides: root)
            if !others.isEmpty {
                let named = others.prefix(3).map { display($0 + ".mustache") } + (others.count > 3 ? ["…"] : [])
                text += "; the views of \(named.joined(separator: ", ")) have it"
            }
        }
        if let via = p.includedFrom, let colon = via.firstIndex(of: ":"), via[..<colon] != p.template {
            // The file and the place as two parts (a translation needs text between them).
            text += " (included from \(display(via[..<colon] + ".mustache")):\(via[via.index(after: colon)...]))"
        }
        return text
    }
}
