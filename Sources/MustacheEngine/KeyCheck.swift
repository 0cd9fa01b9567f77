/// A tag that names a key its view does not have, or prints a value the wrong way.
public struct KeyProblem: Sendable, Equatable {
    public let template: String
    public let location: SourceLocation
    public let message: String
}

extension TemplateLibrary {
    /// Checks every name `template` (with its partials and parents) uses against the view it is
    /// rendered with: `stack` from the bottom (globals) to the view. A name no frame has is reported
    /// with a "did you mean"; so is markup printed escaped and text printed unescaped.
    public func checkKeys(template: String, stack: [Shape]) -> [KeyProblem] {
        guard let compiled = templates[template] else { return [] }
        var checker = KeyChecker()
        checker.check(compiled, stack: stack.map { Optional($0) }, overrides: [])
        return checker.problems
    }
}

struct KeyChecker {
    var problems: [KeyProblem] = []
    private var seen: Set<String> = []
    private var reported: Set<String> = []

    mutating func check(_ template: CompiledTemplate, stack: [Shape?], overrides: [(Int, [Node], String)]) {
        // A partial is checked once per stack it is used with (and recursion ends there).
        let signature = template.name + "|" + stack.map { $0.map { String(UInt(bitPattern: ObjectIdentifier($0))) } ?? "-" }.joined(separator: ",")
            + "|" + overrides.map { String($0.0) }.joined(separator: ",")
        guard seen.insert(signature).inserted else { return }
        check(template.nodes, in: template.name, stack: stack, overrides: overrides)
    }

    mutating func check(_ nodes: [Node], in template: String, stack: [Shape?], overrides: [(Int, [Node], String)]) {
        for node in nodes {
            switch node {
            case .text, .span: break
            case .variable(let path, let escaped, let location):
                let type = resolve(path, stack: stack, template: template, location: location)
                if case .html? = type, escaped {
                    report(template, location, "'\(path.text)' is HTML: {{\(path.text)}} prints it escaped, as text; write {{{\(path.text)}}}")
                }
                if case .text? = type, !escaped {
                    report(template, location, "'\(path.text)' is text: {{{\(path.text)}}} prints it unescaped; write {{\(path.text)}}")
                }
            case .section(let path, let children, let inverted, let location):
                let type = resolve(path, stack: stack, template: template, location: location)
                if inverted {
                    check(children, in: template, stack: stack, overrides: overrides)
                } else {
                    check(children, in: template, stack: stack + [frame(of: type)], overrides: overrides)
                }
            case .partial(let ref, _, _):
                if let target = ref.target { check(target, stack: stack, overrides: overrides) }
            case .parent(let ref, let arguments, _, _):
                let added = arguments.filter { a in !overrides.contains { $0.0 == a.symbol } }.map { ($0.symbol, $0.nodes, template) }
                if let target = ref.target { check(target, stack: stack, overrides: overrides + added) }
            case .block(let symbol, _, let children, _, _):
                if let override = overrides.first(where: { $0.0 == symbol }) {
                    check(override.1, in: override.2, stack: stack, overrides: overrides)
                } else {
                    check(children, in: template, stack: stack, overrides: overrides)
                }
            }
        }
    }

    /// What a section over a value of `type` puts on the stack: its keys, none, or anything.
    private func frame(of type: ValueType?) -> Shape? {
        guard let type else { return Self.open }
        if case .any = type { return Self.open }
        if case .list(.any) = type { return Self.open }
        return type.sectionShape
    }

    static let open = Shape(name: "any", doc: "", keys: [], isOpen: true)

    /// The type a name resolves to; nil when it is not known (reported, or dynamic data).
    private mutating func resolve(_ path: Path, stack: [Shape?], template: String, location: SourceLocation) -> ValueType? {
        let parts = path.text == "." ? [] : path.text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first else { return nil }
        var type: ValueType?
        for frame in stack.reversed() {
            guard let frame else { continue }
            if frame.isOpen { return nil }
            if let key = frame.key(named: first) {
                type = key.type
                break
            }
        }
        guard var current = type else {
            let candidates = stack.compactMap { $0 }.flatMap(\.names)
            report(template, location, "no key '\(first)' here\(suggestion(first, candidates))")
            return nil
        }
        for part in parts.dropFirst() {
            guard case .object(let shape) = current else { return nil }
            if shape.isOpen { return nil }
            guard let key = shape.key(named: part) else {
                report(template, location, "'\(parts.prefix { $0 != part }.joined(separator: "."))' has no key '\(part)'\(suggestion(part, shape.names))")
                return nil
            }
            current = key.type
        }
        return current
    }

    private func suggestion(_ name: String, _ candidates: [String]) -> String {
        let limit = max(1, name.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(name.lowercased(), candidate.lowercased())
            if distance <= limit, distance < best?.distance ?? Int.max { best = (candidate, distance) }
        }
        return best.map { "; did you mean '\($0.name)'?" } ?? ""
    }

    private mutating func report(_ template: String, _ location: SourceLocation, _ message: String) {
        // A partial used in several views is reported once per tag.
        let key = "\(template):\(location.line):\(location.column)"
        guard reported.insert(key).inserted else { return }
        problems.append(KeyProblem(template: template, location: location, message: message))
    }
}

/// Edit distance with swapped neighbours counting as one edit (titel → title), for "did you mean".
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
        }
    }
    return d[a.count][b.count]
}
