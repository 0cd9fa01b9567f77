import MustacheEngine

/// The site's Mustache templates, parsed once, plus the UI strings and theme assets.
public struct TemplateSet: @unchecked Sendable {  // `strings` is immutable after loading
    /// Page kinds and the template each needs.
    public static let required = ["home", "post", "post-list", "event", "event-list", "project", "project-list",
                                  "field", "field-list", "page", "strategy", "search", "404", "tag", "tag-list",
                                  "participation", "participation-list", "ideas"]

    public var library: TemplateLibrary
    /// UI strings from `i18n/<language>.yml`, nested as in the file.
    public var strings: [String: Any]
    /// The same strings as templates see them (`{{t.nav.blog}}`).
    var stringsValue: Value = .null
    /// Files under `assets/`, relative to it.
    public var assets: [FileEntry]
    /// Hash over every template, string and asset file, for incremental builds.
    public var hash: UInt64
    /// Folder on disk.
    public var root: String
    /// Per template, a hash of its text and of every partial and layout it uses, directly or not:
    /// a page must be rendered again when one of these changes.
    var dependencyHashes: [String: UInt64] = [:]
    /// The ids the templates write as they are (`<main id="inhalt">`), sorted: headings of the
    /// content do not take them (`MarkdownRenderer.reservedIDs`).
    var ids: [String] = []
    /// The UI strings the templates name (`UnusedUIStrings.namesInTemplates`).
    var uiStringNames: Set<String> = []

    func dependencyHash(of template: String) -> UInt64 { dependencyHashes[template] ?? hash }

    /// Loads and checks every template; all problems are returned together.
    public static func load(fileSystem: any FileSystem, root: String, displayRoot: String, language: String) -> (TemplateSet?, [Diagnostic]) {
        let display = { (p: String) in displayRoot.isEmpty ? p : displayRoot + "/" + p }
        if fileSystem.fileExists(root), !fileSystem.isDirectory(root) {
            return (nil, [.error(displayRoot, "'\(root)' is a file, not the templates folder; pass --templates DIR")])
        }
        let listing: [FileEntry]
        do { listing = try fileSystem.listFiles(under: root).files } catch {
            return (nil, [.error(displayRoot, "templates folder '\(root)' does not exist; pass --templates DIR")])
        }
        let files = readFiles(listing, fileSystem: fileSystem, root: root, language: language, display: display)
        var diagnostics = files.diagnostics
        let (texts, strings, stringsValue) = (files.texts, files.strings, files.stringsValue)
        if strings.isEmpty && !listing.contains(where: { $0.relativePath == "i18n/\(language).yml" }) {
            diagnostics.append(.error(display("i18n/\(language).yml"), "UI strings for language '\(language)' are missing"))
        }
        var library: TemplateLibrary?
        do {
            library = try TemplateLibrary(sources: texts)
        } catch {
            for e in error.errors {
                diagnostics.append(.error(display(e.template + ".mustache"), line: e.line, column: e.column, "template syntax error: \(e.message)"))
            }
        }
        let unparsed = Set(texts.keys).subtracting(library?.names ?? [])
        let templates = Set(library?.names ?? [])
        for kind in required where !templates.contains(kind) && !unparsed.contains(kind) && !diagnostics.contains(where: { $0.file == display(kind + ".mustache") }) {
            let namesake = namesake(of: kind, in: listing, display: display) ?? ""
            diagnostics.append(.error(display(kind + ".mustache"), "template for page kind '\(kind)' is missing\(namesake)"))
        }
        diagnostics += checkReferences(library, templates: templates, unparsed: unparsed, listing: listing, display: display)
        // A file named already (`post.html` for a missing post.mustache) is not named twice.
        let named = diagnostics.map(\.message)
        diagnostics += TemplateLint.unreadFiles(listing, display: display).filter { d in !named.contains { $0.contains(d.file) } }
        let otherCase = TemplateLint.foldersInOtherCase(listing)
        diagnostics = TemplateLint.namingFolders(otherCase, in: diagnostics, language: language, display: display)
        guard let library, !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        var set = TemplateSet(library: library, strings: strings, assets: files.assets, hash: files.hash, root: root)
        set.stringsValue = stringsValue
        diagnostics += TemplateKeys.check(library, strings: stringsValue, display: display, file: "i18n/\(language).yml")
        // Made once for the three checks: each string is cast out of the parsed tree.
        let uiStrings = UIStrings(tree: strings)
        diagnostics += TemplateLint.warnings(library, texts: texts, strings: uiStrings, language: language, display: display)
        set.uiStringNames = UnusedUIStrings.namesInTemplates(texts)
        diagnostics += UnusedUIStrings.check(uiStrings, names: set.uiStringNames, file: display("i18n/\(language).yml"), lines: files.stringLines)
        diagnostics += UIStringPlaceholders.unfilled(uiStrings, file: display("i18n/\(language).yml"), lines: files.stringLines)
        set.dependencyHashes = hashesWithDependencies(texts, references: library.references)
        set.ids = literalIDs(texts, references: library.references)
        // Beside the folder of the right name, its copy in other capitals is not used either.
        return (set, TemplateLint.namingFolders(otherCase, in: diagnostics, language: language, display: display))
    }

    /// What the templates folder holds: template texts, the UI strings of `language`, the theme's
    /// assets, and a hash over all of it.
    struct Files {
        var texts: [String: String] = [:]
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var assets: [FileEntry] = []
        var strings: [String: Any] = [:]
        var stringsValue: Value = .null
        /// The line of each key of the UI strings, by its dotted name (`event.registration`).
        var stringLines: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
    }

    private static func readFiles(_ listing: [FileEntry], fileSystem: any FileSystem, root: String, language: String,
                                  display: (String) -> String) -> Files {
        var files = Files()
        let paths = Set(listing.map(\.relativePath))
        for entry in listing {
            let path = entry.relativePath
            if path.hasPrefix("assets/") {
                files.assets.append(FileEntry(relativePath: String(path.dropFirst(7)), size: entry.size))
                if let bytes = try? fileSystem.readFile(root + "/" + path) {
                    files.hash = ContentHash.mix(ContentHash.mix(files.hash, text: path), file: bytes)
                    if path.hasSuffix(".css") {
                        files.diagnostics += remoteLoads(bytes, display: display(path), assets: display("assets/"))
                        files.diagnostics += missingFiles(bytes, of: path, in: paths, display: display)
                    }
                    // Shown on every page: a script in it is the same error as in content/.
                    if ImageFormat(path: path) == .svg { files.diagnostics += SVGSafety.diagnostics(bytes, file: display(path)) }
                }
                continue
            }
            guard let bytes = try? fileSystem.readFile(root + "/" + path) else {
                files.diagnostics.append(.error(display(path), "file cannot be read"))
                continue
            }
            files.hash = ContentHash.mix(ContentHash.mix(files.hash, text: path), file: bytes)
            if path.hasSuffix(".mustache") {
                guard let text = FrontMatter.decodeText(bytes) else {
                    let at = TemplateLint.firstInvalidUTF8(bytes)
                    files.diagnostics.append(.error(display(path), line: at.line, column: at.column, "the template is not UTF-8 text; save it as UTF-8"))
                    continue
                }
                files.texts[String(path.dropLast(9))] = text
            } else if path == "i18n/\(language).yml" {
                readStrings(bytes, into: &files, display: display(path))
            }
        }
        return files
    }

    /// The UI strings of one language from the bytes of its file.
    private static func readStrings(_ bytes: [UInt8], into files: inout Files, display: String) {
        guard let text = FrontMatter.decodeText(bytes) else {
            let at = TemplateLint.firstInvalidUTF8(bytes)
            files.diagnostics.append(.error(display, line: at.line, column: at.column, "the UI strings are not UTF-8 text; save the file as UTF-8"))
            return
        }
        do {
            // Empty or a list: every page would show the strings' names, each with its own warning.
            let parsed = try YAMLReader.parse(text, firstLine: 1)
            guard let value = parsed, case .map = value else {
                files.diagnostics.append(.error(display, line: parsed?.line, "the file holds no UI strings; write each as a name with its text (skip: \"Zum Inhalt springen\"), grouped under names (nav:, then blog: \"Blog\" indented below it)"))
                return
            }
            files.strings = (plain(value) as? [String: Any]) ?? [:]
            files.stringsValue = templateValue(value)
            files.stringLines = keyLines(value)
            files.diagnostics += emptyStrings(value).map {
                .warning(display, line: $0.line, "the UI string '\($0.key)' is empty, so the pages show nothing in its place (an empty link or label for screen readers); write its text")
            }
            files.diagnostics += dottedNames(value).map {
                .warning(display, line: $0.line, "the UI string '\($0.key)' has a dot in its name, but a template reads {{t.a.b}} as b inside a, so no page can show it; write it nested (a:, then b: indented below it)")
            }
            files.diagnostics += listStrings(value).map {
                .warning(display, line: $0.line, "the UI string '\($0.key)' is a list, but a UI string is one text, so the pages show nothing in its place; write its text after the name (blog: \"Blog\")")
            }
        } catch {
            files.diagnostics.append(.error(display, line: error.line, column: error.column, error.message))
        }
    }

    /// The templates for a language version: `base`'s templates (read, parsed and linted once)
    /// with that language's UI strings, and the checks that depend on the strings (the key check
    /// looks at `t.…` with them; its other findings are the site's own again, and merge with them).
    /// `original`: the site's own language and UI strings (a string only this language's file
    /// lacks is named in that file, not at the templates).
    static func version(of base: TemplateSet, fileSystem: any FileSystem, displayRoot: String, language: String,
                        original: (language: String, strings: [String: Any])) -> (TemplateSet?, [Diagnostic]) {
        let display = { (p: String) in displayRoot.isEmpty ? p : displayRoot + "/" + p }
        let file = "i18n/\(language).yml"
        var files = Files()
        if let bytes = try? fileSystem.readFile(base.root + "/" + file) {
            readStrings(bytes, into: &files, display: display(file))
        } else {
            files.diagnostics.append(.error(display(file), "UI strings for language '\(language)' are missing"))
        }
        guard !files.diagnostics.contains(where: { $0.severity == .error }) else { return (nil, files.diagnostics) }
        var set = base
        set.strings = files.strings
        set.stringsValue = files.stringsValue
        let own = UIStrings(tree: files.strings)
        let theirs = (strings: UIStrings(tree: original.strings), file: "i18n/\(original.language).yml")
        let diagnostics = files.diagnostics
            + TemplateKeys.check(base.library, strings: files.stringsValue, display: display, original: theirs, file: file, lines: files.stringLines)
            + TemplateLint.missingStrings(own, language: language, display: display)
            + UIStringPlaceholders.check(own, original: theirs, file: file, lines: files.stringLines, display: display)
        // A key named already (a typo of the original's key, with its "did you mean") is not named again as unused.
        let named = Set(diagnostics.compactMap { $0.file == display(file) ? $0.line : nil })
        let unused = UnusedUIStrings.check(own, names: base.uiStringNames, file: display(file), lines: files.stringLines)
        return (set, diagnostics + unused.filter { !($0.line.map(named.contains) ?? false) })
    }

    /// A font or picture a style sheet of the theme loads from another host (Google Fonts by
    /// `@import`): every page would make that request, which the privacy rules forbid.
    /// - Parameter assets: the theme's assets folder as messages name it (Theme2/assets/ under `--templates Theme2`).
    static func remoteLoads(_ bytes: [UInt8], display: String, assets: String) -> [Diagnostic] {
        StyleSheetReferences.remote(bytes).map {
            .error(display, line: $0.line, "'\($0.address)' would be loaded from another host by every page using this style sheet; the privacy rules allow only files of this site (store the file under \(assets) and refer to it there)")
        }
    }

    /// A picture or font a style sheet of the theme names by a relative address inside
    /// `assets/` that is not there: every page would ask for it in vain, and the check of the
    /// pages reads their HTML only. (The other addresses lead to the content's files or pages:
    /// `ThemeStyleSheetLinks` checks them against the built site.)
    static func missingFiles(_ bytes: [UInt8], of path: String, in paths: Set<String>, display: (String) -> String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for reference in StyleSheetReferences.all(bytes) {
            guard let target = assetsTarget(reference.address, from: path), !paths.contains(target) else { continue }
            found.append(.warning(display(path), line: reference.line,
                                  "'\(reference.address)' does not exist (looked for \(display(target))), so the pages using this style sheet do without it; correct the address or add the file"))
        }
        return found
    }

    /// The file under `assets/` a relative address of the style sheet at `path` names; nil for
    /// any other address (a scheme like `data:` or `https:`, one from the site's root, one that
    /// leaves `assets/`).
    static func assetsTarget(_ written: String, from path: String) -> String? {
        let address = String(written.prefix { $0 != "?" && $0 != "#" })
        guard !address.isEmpty, !address.hasPrefix("/"), !address.prefix(while: { $0 != "/" }).contains(":"),
              let target = resolveContentPath(percentDecoded(address), from: path), target.hasPrefix("assets/") else { return nil }
        return target
    }

    /// Partials and parents must exist (Mustache would silently render nothing), and none may
    /// include itself, directly or through others (it would render until the stack overflows).
    private static func checkReferences(_ library: TemplateLibrary?, templates: Set<String>, unparsed: Set<String>,
                                        listing: [FileEntry], display: (String) -> String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let references = (library?.references ?? [:]).mapValues { $0.map { ($0.name, $0.location.line) } }
        for (name, named) in (library?.references ?? [:]).sorted(by: { $0.key < $1.key }) {
            for (reference, at) in named where !templates.contains(reference) && !unparsed.contains(reference) {
                let close = referenceHint(reference, templates: templates, listing: listing, display: display)
                diagnostics.append(.error(display(name + ".mustache"), line: at.line, column: at.column,
                                          "partial or layout '\(reference)' does not exist (looked for \(display(reference + ".mustache")))\(close)"))
            }
        }
        for cycle in partialCycles(references.mapValues { $0.map(\.0) }) {
            let line = references[cycle[0]]?.first { $0.0 == cycle[1 % cycle.count] }?.1
            let path = (cycle + [cycle[0]]).joined(separator: " → ")
            diagnostics.append(.error(display(cycle[0] + ".mustache"), line: line,
                                      "'\(cycle[0])' includes itself (\(path)), so rendering would never end; remove one of these partial tags"))
        }
        return diagnostics
    }

    /// Per template, a hash of it and every template reachable from it, each once.
    private static func hashesWithDependencies(_ texts: [String: String],
                                               references: [String: [(name: String, location: SourceLocation)]]) -> [String: UInt64] {
        var hashes: [String: UInt64] = [:]
        for name in texts.keys {
            var seen: Set<String> = [name]
            var queue = [name]
            while let next = queue.popLast() {
                for reference in references[next] ?? [] where seen.insert(reference.name).inserted { queue.append(reference.name) }
            }
            hashes[name] = seen.sorted().reduce(ContentHash.seed) { h, n in
                ContentHash.mix(ContentHash.of(n, seed: h), ContentHash.of(texts[n] ?? ""))
            }
        }
        return hashes
    }

    /// Each cycle of partial references (template name → the names it includes) once, starting at
    /// its first name in sort order (`["a", "b"]`: a includes b, b includes a).
    static func partialCycles(_ references: [String: [String]]) -> [[String]] {
        var cycles: Set<[String]> = []
        var done: Set<String> = []
        var path: [String] = []
        func visit(_ name: String) {
            if let start = path.firstIndex(of: name) {
                let cycle = Array(path[start...])
                let first = cycle.indices.min { cycle[$0] < cycle[$1] }!
                cycles.insert(Array(cycle[first...] + cycle[..<first]))
                return
            }
            guard !done.contains(name) else { return }
            path.append(name)
            for next in references[name] ?? [] where references[next] != nil { visit(next) }
            path.removeLast()
            done.insert(name)
        }
        for name in references.keys.sorted() { visit(name) }
        return cycles.sorted { $0.joined(separator: "/") < $1.joined(separator: "/") }
    }

}

/// YAML → a template value: maps become objects (in the file's order), lists lists.
func templateValue(_ value: YAMLValue) -> Value {
    switch value {
    case .null: return .text("")
    case .scalar(let s, _, _, _): return .text(s)
    case .list(let items, _): return .list(ValueArray(items.map(templateValue)))
    case .map(let m): return .object(DictionaryObject(m.entries.map { ($0.key, templateValue($0.value)) }, name: "UIStrings"))
    }
}

/// The line of every key of a YAML map, by its dotted name (`event.registration`).
func keyLines(_ value: YAMLValue, prefix: String = "") -> [String: Int] {
    guard case .map(let m) = value else { return [:] }
    var lines: [String: Int] = [:]
    for e in m.entries {
        lines[prefix + e.key] = e.keyLine
        lines.merge(keyLines(e.value, prefix: prefix + e.key + ".")) { first, _ in first }
    }
    return lines
}

/// The UI strings written without text (`skip:` or `skip: ""`), by dotted name, with their lines.
func emptyStrings(_ value: YAMLValue, prefix: String = "") -> [(key: String, line: Int)] {
    guard case .map(let m) = value else { return [] }
    return m.entries.flatMap { e -> [(key: String, line: Int)] in
        switch e.value {
        case .null: return [(prefix + e.key, e.keyLine)]
        case .scalar(let text, _, _, _) where text.allSatisfy(\.isWhitespace): return [(prefix + e.key, e.keyLine)]
        default: return emptyStrings(e.value, prefix: prefix + e.key + ".")
        }
    }
}

/// The UI strings written as a list (`blog: [Blog, Beiträge]`), by dotted name, with their lines:
/// a UI string is one text, and a list showed as the string missing, without its line.
func listStrings(_ value: YAMLValue, prefix: String = "") -> [(key: String, line: Int)] {
    guard case .map(let m) = value else { return [] }
    return m.entries.flatMap { e -> [(key: String, line: Int)] in
        if case .list = e.value { return [(prefix + e.key, e.keyLine)] }
        return listStrings(e.value, prefix: prefix + e.key + ".")
    }
}

/// The UI strings' names written with a dot (`"nav.blog": "Blog"`), by their path, with their
/// lines: `{{t.nav.blog}}` looks for `blog` inside `nav`, so such a string was never found.
func dottedNames(_ value: YAMLValue, prefix: String = "") -> [(key: String, line: Int)] {
    guard case .map(let m) = value else { return [] }
    return m.entries.flatMap { e -> [(key: String, line: Int)] in
        e.key.contains(".") ? [(prefix + e.key, e.keyLine)] : dottedNames(e.value, prefix: prefix + e.key + ".")
    }
}

/// YAML → plain dictionaries and strings for Swift code.
func plain(_ value: YAMLValue) -> Any {
    switch value {
    case .null: return ""
    case .scalar(let s, _, _, _): return s
    case .list(let items, _): return items.map(plain)
    case .map(let m):
        var d: [String: Any] = [:]
        for e in m.entries { d[e.key] = plain(e.value) }
        return d
    }
}

extension Substring {
    var trimmingPrefixSpaces: Substring { drop { $0 == " " || $0 == "\t" || $0 == "\n" } }
}
