/// How a template's `{{x}}` tags write their values.
public enum ContentType: Sendable {
    /// `& < > " '` escaped: HTML and XML.
    case html
    /// Written as they are: iCalendar, plain text.
    case text

    /// By the template's name: `feed.ics`, `robots.txt` are text; everything else is HTML.
    public static func of(templateName name: String) -> ContentType {
        name.hasSuffix(".ics") || name.hasSuffix(".txt") ? .text : .html
    }
}

/// A set of templates that may use each other as partials and parents, each parsed and compiled
/// once. Immutable once made; render with a `Renderer`.
public final class TemplateLibrary: Sendable {
    let templates: [String: CompiledTemplate]
    /// What rendering walks.
    let code: ProgramCode
    /// Every partial and parent tag of each template: the name it uses and where.
    public let references: [String: [(name: String, location: SourceLocation)]]
    /// Problems that do not stop a template from rendering: content a parent tag ignores, a block
    /// its parent does not have.
    public let warnings: [TemplateError]

    /// Parses every template (name → text); all syntax errors are thrown together.
    public init(sources: [String: String], contentType: (String) -> ContentType = ContentType.of(templateName:)) throws(TemplateErrors) {
        var refs: [String: TemplateRef] = [:]
        var compiled: [String: CompiledTemplate] = [:]
        var references: [String: [(String, SourceLocation)]] = [:]
        var errors: [TemplateError] = []
        var warnings: [TemplateError] = []
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            let template = CompiledTemplate(name: name, escapes: contentType(name) == .html)
            var used: [(String, SourceLocation)] = []
            do {
                template.nodes = try Parser.parse(Array(text.utf8), template: name, warnings: &warnings) { partial in
                    if let ref = refs[partial] { return ref }
                    let ref = TemplateRef(name: partial)
                    refs[partial] = ref
                    return ref
                }
                Self.visit(template.nodes) { node in
                    switch node {
                    case .partial(let ref, _, let loc), .parent(let ref, _, _, let loc): used.append((ref.name, loc))
                    default: break
                    }
                }
            } catch {
                errors.append(error)
                continue
            }
            compiled[name] = template
            references[name] = used
        }
        if !errors.isEmpty { throw TemplateErrors(errors: errors) }
        for (name, ref) in refs { ref.target = compiled[name] }
        templates = compiled
        self.warnings = warnings + Self.unknownBlocks(compiled)
        self.references = references.mapValues { $0.map { (name: $0.0, location: $0.1) } }
        Self.markBlocks(compiled)
        code = ProgramCode(Program(compiled))
    }

    public var names: [String] { templates.keys.sorted() }

    public func contains(_ name: String) -> Bool { templates[name] != nil }

    /// Whether the template renders inside a parent (`{{<layout}}`).
    public func usesParent(_ name: String) -> Bool {
        var found = false
        if let t = templates[name] { Self.visit(t.nodes) { if case .parent = $0 { found = true } } }
        return found
    }

    /// The template's own parent tags, and its partial tags naming a template with blocks (a
    /// layout included with `{{>base}}`), where they stand at its top level (not in a section).
    public func layoutTags(_ name: String) -> (parents: [SourceLocation], layoutPartials: [(name: String, location: SourceLocation)]) {
        var result: (parents: [SourceLocation], layoutPartials: [(name: String, location: SourceLocation)]) = ([], [])
        for node in templates[name]?.nodes ?? [] {
            switch node {
            case .parent(_, _, _, let location): result.parents.append(location)
            case .partial(let ref, _, let location):
                var blocks = false
                if let target = ref.target { Self.visit(target.nodes) { if case .block = $0 { blocks = true } } }
                if blocks { result.layoutPartials.append((ref.name, location)) }
            default: break
            }
        }
        return result
    }

    /// Calls `body` for every node, depth first, block contents and arguments included.
    static func visit(_ nodes: [Node], _ body: (Node) -> Void) {
        for node in nodes {
            body(node)
            switch node {
            case .section(_, let children, _, _), .block(_, _, let children, _, _): visit(children, body)
            case .parent(_, let arguments, _, _): for a in arguments { visit(a.nodes, body) }
            default: break
            }
        }
    }

    /// Blocks a parent tag fills that its parent template does not have: their content is never shown.
    static func unknownBlocks(_ templates: [String: CompiledTemplate]) -> [TemplateError] {
        var problems: [TemplateError] = []
        for name in templates.keys.sorted() {
            visit(templates[name]!.nodes) { node in
                guard case .parent(let ref, let arguments, _, _) = node, let target = ref.target else { return }
                let known = blockNames(in: target)
                for argument in arguments where !known.contains(argument.name) {
                    let close = NameDistance.closest(argument.name, in: Array(known), limit: max(1, argument.name.count / 3))
                    problems.append(TemplateError(template: name, line: argument.location.line, column: argument.location.column,
                                                  message: "'\(ref.name)' has no block '\(argument.name)', so its content is not shown"
                                                      + (close.map { "; did you mean '\($0)'?" } ?? "")))
                }
            }
        }
        return problems
    }

    /// The names of the blocks a template has, with those of the templates it uses.
    static func blockNames(in template: CompiledTemplate) -> Set<String> {
        var names: Set<String> = []
        var seen: Set<ObjectIdentifier> = []
        var queue = [template]
        while let next = queue.popLast() {
            guard seen.insert(ObjectIdentifier(next)).inserted else { continue }
            visit(next.nodes) { node in
                switch node {
                case .block(_, let name, _, _, _): names.insert(name)
                case .partial(let ref, _, _), .parent(let ref, _, _, _): if let t = ref.target { queue.append(t) }
                default: break
                }
            }
        }
        return names
    }

    /// Which templates' output can depend on block overrides (they have blocks, or use a partial that does).
    private static func markBlocks(_ templates: [String: CompiledTemplate]) {
        var direct: [String: Bool] = [:]
        var uses: [String: [String]] = [:]
        for (name, t) in templates {
            var blocks = false
            var partials: [String] = []
            visit(t.nodes) { node in
                switch node {
                case .block, .parent: blocks = true
                case .partial(let ref, _, _): partials.append(ref.name)
                default: break
                }
            }
            direct[name] = blocks
            uses[name] = partials
        }
        for (name, t) in templates {
            var seen: Set<String> = [name]
            var queue = [name]
            var blocks = false
            while let next = queue.popLast(), !blocks {
                blocks = direct[next] ?? false
                for p in uses[next] ?? [] where seen.insert(p).inserted { queue.append(p) }
            }
            t.usesBlocks = blocks
        }
    }
}

/// Every syntax error of a set of templates.
public struct TemplateErrors: Error, Sendable {
    public let errors: [TemplateError]
}
