import Mustache

/// The site's Mustache templates, parsed once, plus the UI strings and theme assets.
public struct TemplateSet: @unchecked Sendable {  // `strings` is immutable after loading
    /// Page kinds and the template each needs.
    public static let required = ["home", "post", "post-list", "event", "event-list", "project", "project-list",
                                  "field", "field-list", "page", "strategy", "search", "404"]

    public var library: MustacheLibrary
    /// UI strings from `i18n/<language>.yml`, nested as in the file.
    public var strings: [String: Any]
    /// Files under `assets/`, relative to it.
    public var assets: [FileEntry]
    /// Hash over every template, string and asset file, for incremental builds.
    public var hash: UInt64
    /// Folder on disk.
    public var root: String
    /// Per template, a hash of its text and of every partial and layout it uses, directly or not:
    /// a page must be rendered again when one of these changes.
    var dependencyHashes: [String: UInt64] = [:]
    /// Every template's text as written, for `binding(_:)`.
    var texts: [String: String] = [:]
    /// false: `binding(_:)` leaves the templates as they are (tests compare both ways).
    var bindsSharedValues = true

    func dependencyHash(of template: String) -> UInt64 { dependencyHashes[template] ?? hash }

    /// Loads and checks every template; all problems are returned together.
    public static func load(fileSystem: any FileSystem, root: String, displayRoot: String, language: String) -> (TemplateSet?, [Diagnostic]) {
        FastHTMLEscaping.register
        var diagnostics: [Diagnostic] = []
        let display = { (p: String) in displayRoot.isEmpty ? p : displayRoot + "/" + p }
        if fileSystem.fileExists(root), !fileSystem.isDirectory(root) {
            return (nil, [.error(displayRoot, "'\(root)' is a file, not the templates folder; pass --templates DIR")])
        }
        let listing: [FileEntry]
        do { listing = try fileSystem.listFiles(under: root).files } catch {
            return (nil, [.error(displayRoot, "templates folder '\(root)' does not exist; pass --templates DIR")])
        }
        var templates: [String: MustacheTemplate] = [:]
        var texts: [String: String] = [:]
        /// Templates that are there but did not parse (their error is reported; references to them are fine).
        var unparsed: Set<String> = []
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var assets: [FileEntry] = []
        var strings: [String: Any] = [:]
        for entry in listing {
            let path = entry.relativePath
            if path.hasPrefix("assets/") {
                assets.append(FileEntry(relativePath: String(path.dropFirst(7)), size: entry.size))
                if let bytes = try? fileSystem.readFile(root + "/" + path) { hash = fnv1a(bytes, seed: hash) }
                continue
            }
            guard let bytes = try? fileSystem.readFile(root + "/" + path) else {
                diagnostics.append(.error(display(path), "file cannot be read"))
                continue
            }
            hash = fnv1a(Array(path.utf8) + bytes, seed: hash)
            if path.hasSuffix(".mustache") {
                guard let text = FrontMatter.decodeText(bytes) else {
                    diagnostics.append(.error(display(path), "template is not UTF-8 text"))
                    continue
                }
                let name = String(path.dropLast(9))
                do {
                    templates[name] = try MustacheTemplate(string: FastHTMLEscaping.pragma + text)
                    texts[name] = text
                } catch let error as MustacheTemplate.ParserError {
                    unparsed.insert(name)
                    let line = error.context.lineNumber
                    let column = line == 1 ? max(1, error.context.columnNumber - FastHTMLEscaping.pragma.count) : error.context.columnNumber
                    diagnostics.append(.error(display(path), line: line, column: column,
                                              "template syntax error: \(describe(error.error))"))
                } catch {
                    unparsed.insert(name)
                    diagnostics.append(.error(display(path), "template syntax error: \(error)"))
                }
            } else if path == "i18n/\(language).yml" {
                do {
                    if let value = try YAMLReader.parse(FrontMatter.decodeText(bytes) ?? "", firstLine: 1) {
                        strings = (plain(value) as? [String: Any]) ?? [:]
                    }
                } catch {
                    diagnostics.append(.error(display(path), line: error.line, column: error.column, error.message))
                }
            }
        }
        if strings.isEmpty && !listing.contains(where: { $0.relativePath == "i18n/\(language).yml" }) {
            diagnostics.append(.error(display("i18n/\(language).yml"), "UI strings for language '\(language)' are missing"))
        }
        for name in [Chrome.headerTemplate, Chrome.footerTemplate] where templates[name] == nil && !unparsed.contains(name) {
            diagnostics.append(.error(display(name + ".mustache"), "partial '\(name)' is missing; every page's header and footer come from it"))
        }
        for name in [LayoutContext.postCardTemplate, LayoutContext.eventCardTemplate, LayoutContext.projectCardTemplate]
            where templates[name] == nil && !unparsed.contains(name) {
            diagnostics.append(.error(display(name + ".mustache"), "partial '\(name)' is missing; lists show each item through it ({{{card}}})"))
        }
        if templates[LayoutContext.badgeTemplate] == nil && !unparsed.contains(LayoutContext.badgeTemplate) {
            diagnostics.append(.error(display(LayoutContext.badgeTemplate + ".mustache"),
                                      "partial '\(LayoutContext.badgeTemplate)' is missing; every field badge is rendered from it ({{{badgeHTML}}})"))
        }
        for kind in required where templates[kind] == nil && !diagnostics.contains(where: { $0.file == display(kind + ".mustache") }) {
            diagnostics.append(.error(display(kind + ".mustache"), "template for page kind '\(kind)' is missing"))
        }
        let references = texts.mapValues { partialReferences(in: $0) }
        // Partials and parents must exist: swift-mustache would silently render nothing.
        for (name, named) in references.sorted(by: { $0.key < $1.key }) {
            for (reference, line) in named where templates[reference] == nil && !unparsed.contains(reference) {
                diagnostics.append(.error(display(name + ".mustache"), line: line, "partial or layout '\(reference)' does not exist (looked for \(display(reference + ".mustache")))"))
            }
        }
        // A partial that includes itself, directly or through others, would render until the
        // stack overflows (a crash, not a message).
        for cycle in partialCycles(references.mapValues { $0.map(\.0) }) {
            let line = references[cycle[0]]?.first { $0.0 == cycle[1 % cycle.count] }?.1
            let path = (cycle + [cycle[0]]).joined(separator: " → ")
            diagnostics.append(.error(display(cycle[0] + ".mustache"), line: line,
                                      "'\(cycle[0])' includes itself (\(path)), so rendering would never end; remove one of these partial tags"))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return (nil, diagnostics) }
        var set = TemplateSet(library: MustacheLibrary(templates: templates), strings: strings, assets: assets, hash: hash, root: root)
        set.texts = texts
        for name in texts.keys {
            // Every template reachable from this one, each once.
            var seen: Set<String> = [name]
            var queue = [name]
            while let next = queue.popLast() {
                for (reference, _) in references[next] ?? [] where seen.insert(reference).inserted { queue.append(reference) }
            }
            set.dependencyHashes[name] = seen.sorted().reduce(ContentHash.seed) { h, n in
                ContentHash.mix(ContentHash.of(n, seed: h), ContentHash.of(texts[n] ?? ""))
            }
        }
        return (set, diagnostics)
    }

    /// This set with `constants` (values every page shares) written into the templates' text
    /// (`TemplateConstants`); hashes, strings and assets stay those of the theme's files.
    func binding(_ constants: [String: Any]) -> TemplateSet {
        guard bindsSharedValues else { return self }
        var library = library
        for (name, text) in texts {
            let bound = TemplateConstants.bind(text, constants, escape: escapeHTML)
            // The text parsed at loading, so this cannot fail; if it did, the lookups stay.
            if bound != text, let template = try? MustacheTemplate(string: FastHTMLEscaping.pragma + bound) {
                library.register(template, named: name)
            }
        }
        var set = self
        set.library = library
        return set
    }

    public func render(_ view: [String: Any], template: String) -> String {
        library.render(view, withTemplate: template) ?? ""
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

    /// `{{> name}}` and `{{< name}}` tags with their lines.
    static func partialReferences(in text: String) -> [(String, Int)] {
        var result: [(String, Int)] = []
        var line = 1
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            line += rest[..<open.lowerBound].reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            rest = rest[open.upperBound...]
            guard let close = rest.firstRange(of: "}}") else { break }
            let tag = rest[..<close.lowerBound].trimmingPrefixSpaces
            if let first = tag.first, first == ">" || first == "<" {
                let name = String(tag.dropFirst()).trimmingSpaces
                if !name.isEmpty && !name.hasPrefix("*") { result.append((name, line)) }
            }
            line += rest[..<close.lowerBound].reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            rest = rest[close.upperBound...]
        }
        return result
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a closing tag {{/…}} does not match the open section"
        case .unfinishedName?: return "a tag is not closed with }}"
        case .expectedSectionEnd?: return "a section {{#…}} is not closed"
        case .invalidSetDelimiter?: return "invalid set-delimiter tag"
        default: return "\(error)"
        }
    }
}

/// YAML → plain dictionaries and strings for templates.
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
