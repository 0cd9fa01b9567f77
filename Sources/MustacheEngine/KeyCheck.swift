/// A tag that names a key its view does not have, or prints a value the wrong way.
public struct KeyProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// No frame has the name, or the value before it has no such key (`missing`).
        case unknownKey
        /// Markup printed escaped, text printed unescaped, or a group of values printed as text.
        case wrongPrint
    }

    public let template: String
    public let location: SourceLocation
    public let kind: Kind
    /// The tag's name as written (`page.titel`).
    public let path: String
    /// For an unknown key: the part that is not there, and the name suggested instead.
    public let missing: String?
    public let suggestion: String?
    /// For a problem in a partial: the tag that includes it (`post-list:11:19`).
    public let includedFrom: String?
    public let message: String
}

extension TemplateLibrary {
    /// Checks every name `template` (with its partials and parents) uses against the view it is
    /// rendered with: `stack` from the bottom (globals) to the view. A name no frame has is reported
    /// with a "did you mean"; so is markup printed escaped, text printed unescaped, and a group of
    /// values printed as if it were text.
    public func checkKeys(template: String, stack: [Shape]) -> [KeyProblem] {
        guard let compiled = templates[template] else { return [] }
        var checker = KeyChecker()
        checker.check(compiled, stack: stack.map { KeyChecker.Frame(shape: $0, type: .object($0)) }, overrides: [])
        return checker.problems
    }
}

/// A partial tag and the view on top of the stack where it stands: what the partial's own tags
/// can name (docs/templates.md lists them for designers).
public struct PartialUse: Hashable, Sendable {
    public let partial: String
    public let template: String
    public let line: Int
    /// The name of the shape on top; nil where a section over a single value or unknown data is.
    public let view: String?
}

extension TemplateLibrary {
    /// Every partial tag `template` reaches (through its partials and parents), once per view it
    /// is included with, as the key check walks them.
    public func partialUses(template: String, stack: [Shape]) -> [PartialUse] {
        guard let compiled = templates[template] else { return [] }
        var checker = KeyChecker()
        checker.recordsPartialUses = true
        checker.check(compiled, stack: stack.map { KeyChecker.Frame(shape: $0, type: .object($0)) }, overrides: [])
        return checker.partialUses
    }
}

struct KeyChecker {
    /// A frame of the stack as the check sees it: the keys it has and the type of its value.
    struct Frame {
        var shape: Shape?
        var type: ValueType?
    }

    typealias Override = (symbol: Int, nodes: [Node], template: String)

    /// A template with the shapes of the stack it is checked with and the blocks overridden.
    private struct Signature: Hashable {
        var template: ObjectIdentifier
        var frames: [ObjectIdentifier?]
        var overrides: [Int]
    }

    var problems: [KeyProblem] = []
    /// Kept only when asked for: the load-time check needs none of them.
    var recordsPartialUses = false
    var partialUses: [PartialUse] = []
    private var seen: Set<Signature> = []
    private var reported: Set<String> = []
    /// The partial or parent tag the current template was reached through.
    private var includedFrom: String?
    /// The templates being checked, outermost first: a template that includes itself (inside a
    /// section, so with a new stack each time) is checked once on the way down.
    private var active: [ObjectIdentifier] = []

    mutating func check(_ template: CompiledTemplate, stack: [Frame], overrides: [Override]) {
        // A partial is checked once per stack it is used with (and recursion ends there).
        let signature = Signature(template: ObjectIdentifier(template), frames: stack.map { $0.shape.map(ObjectIdentifier.init) },
                                  overrides: overrides.map(\.symbol))
        guard seen.insert(signature).inserted else { return }
        check(template.nodes, in: template.name, stack: stack, overrides: overrides)
    }

    mutating func check(_ nodes: [Node], in template: String, stack: [Frame], overrides: [Override]) {
        for node in nodes {
            switch node {
            case .text: break
            case .variable(let path, let escaped, let location):
                checkPrint(path, escaped: escaped, stack: stack, template: template, location: location)
            case .section(let path, let children, let inverted, let location):
                let type = resolve(path, stack: stack, template: template, location: location)
                check(children, in: template, stack: inverted ? stack : stack + [frame(of: type)], overrides: overrides)
            case .partial(let ref, _, let location):
                guard let target = ref.target else { continue }
                if recordsPartialUses {
                    let top = stack.last?.shape.flatMap { $0.isOpen ? nil : $0.name }
                    partialUses.append(PartialUse(partial: target.name, template: template, line: location.line, view: top))
                }
                include(target, from: template, at: location, stack: stack, overrides: overrides)
            case .parent(let ref, let arguments, _, let location):
                let added = arguments.filter { a in !overrides.contains { $0.symbol == a.symbol } }.map { ($0.symbol, $0.nodes, template) }
                if let target = ref.target { include(target, from: template, at: location, stack: stack, overrides: overrides + added) }
            case .block(let symbol, _, let children, _, _):
                if let override = overrides.first(where: { $0.symbol == symbol }) {
                    check(override.nodes, in: override.template, stack: stack, overrides: overrides)
                } else {
                    check(children, in: template, stack: stack, overrides: overrides)
                }
            }
        }
    }

    private mutating func include(_ target: CompiledTemplate, from template: String, at location: SourceLocation,
                                  stack: [Frame], overrides: [Override]) {
        guard !active.contains(ObjectIdentifier(target)) else { return }
        let outer = includedFrom
        includedFrom = "\(template):\(location.line):\(location.column)"
        active.append(ObjectIdentifier(target))
        check(target, stack: stack, overrides: overrides)
        active.removeLast()
        includedFrom = outer
    }

    /// `{{x}}` and `{{{x}}}`: the name must be there, and its value printable the way the tag prints it.
    private mutating func checkPrint(_ path: Path, escaped: Bool, stack: [Frame], template: String, location: SourceLocation) {
        let type = path.first < 0 ? stack.last?.type : resolve(path, stack: stack, template: template, location: location)
        let written = path.text
        switch type {
        case .html? where escaped:
            report(template, location, .wrongPrint, written, "'\(written)' is HTML: {{\(written)}} prints it escaped, as text; write {{{\(written)}}}")
        case .text? where !escaped:
            // Both raw forms are named: the node does not keep which one the designer wrote.
            report(template, location, .wrongPrint, written, "'\(written)' is text, but {{{\(written)}}} and {{&\(written)}} print it unescaped; write {{\(written)}}")
        case .object(let shape)? where !shape.isOpen:
            let example = shape.names.first.map { " ({{\(written == "." ? "" : written + ".")\($0)}})" } ?? ""
            report(template, location, .wrongPrint, written, "'\(written)' holds several values, not text, and prints nothing; name one of them\(example)")
        case .list?:
            report(template, location, .wrongPrint, written, "'\(written)' is a list and prints nothing; show its items with {{#\(written)}}…{{/\(written)}}")
        default: break
        }
    }

    /// What a section over a value of `type` puts on the stack.
    private func frame(of type: ValueType?) -> Frame {
        guard let type else { return Frame(shape: Self.open, type: nil) }
        switch type {
        case .any, .list(.any): return Frame(shape: Self.open, type: nil)
        case .list(let element): return Frame(shape: element.sectionShape, type: element)
        default: return Frame(shape: type.sectionShape, type: type)
        }
    }

    static let open = Shape(name: "any", doc: "", keys: [], isOpen: true)

    /// The type a name resolves to; nil when it is not known (reported, or dynamic data). Found by
    /// the names' symbols, as rendering finds them; the text is split only to report a problem.
    private mutating func resolve(_ path: Path, stack: [Frame], template: String, location: SourceLocation) -> ValueType? {
        guard path.first >= 0 else { return stack.last?.type }
        var type: ValueType?
        for frame in stack.reversed() {
            guard let shape = frame.shape else { continue }
            if shape.isOpen { return nil }
            let slot = shape.slot(path.first)
            if slot >= 0 {
                type = shape.keys[slot].type
                break
            }
        }
        let parts = { path.text.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }
        guard var current = type else {
            let first = parts()[0]
            let suggestion = Self.closest(first, stack.compactMap(\.shape).flatMap(\.names))
            report(template, location, .unknownKey, path.text, "no key '\(first)' here" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                   missing: first, suggestion: suggestion)
            return nil
        }
        for i in path.symbols.indices.dropFirst() {
            guard case .object(let shape) = current else {
                if case .any = current { return nil }
                reportNoKeys(current, path: path, at: i, template: template, location: location)
                return nil
            }
            if shape.isOpen { return nil }
            let slot = shape.slot(path.symbols[i])
            guard slot >= 0 else {
                let names = parts()
                let (before, part) = (names[..<i].joined(separator: "."), names[i])
                let suggestion = Self.closest(part, shape.names)
                report(template, location, .unknownKey, path.text, "'\(before)' has no key '\(part)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                       missing: part, suggestion: suggestion)
                return nil
            }
            current = shape.keys[slot].type
        }
        return current
    }

    /// A dotted name going on after a list or a single value (`{{posts.title}}`): rendering finds
    /// nothing there, as only objects have keys.
    private mutating func reportNoKeys(_ type: ValueType, path: Path, at i: Int, template: String, location: SourceLocation) {
        let names = path.text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let (before, part, rest) = (names[..<i].joined(separator: "."), names[i], names[i...].joined(separator: "."))
        if case .list = type {
            report(template, location, .unknownKey, path.text, "'\(before)' is a list, so '\(path.text)' finds nothing; show each item's with {{#\(before)}}{{\(rest)}}{{/\(before)}}",
                   missing: part)
        } else {
            report(template, location, .unknownKey, path.text, "'\(before)' is a single value and has no key '\(part)'; write {{\(before)}}", missing: part)
        }
    }

    static func closest(_ name: String, _ candidates: [String]) -> String? {
        NameDistance.closest(name, in: candidates, limit: max(1, name.count / 3), ignoringCase: true)
    }

    private mutating func report(_ template: String, _ location: SourceLocation, _ kind: KeyProblem.Kind, _ path: String, _ message: String,
                                 missing: String? = nil, suggestion: String? = nil) {
        // A partial used in several views is reported once per tag.
        guard reported.insert("\(template):\(location.line):\(location.column)").inserted else { return }
        problems.append(KeyProblem(template: template, location: location, kind: kind, path: path, missing: missing,
                                   suggestion: suggestion, includedFrom: includedFrom, message: message))
    }
}

/// How far apart two names are, for "did you mean": edits of single characters, a swap of two
/// neighbours counting as one (titel → title).
public enum NameDistance {
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
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

    /// The candidate closest to `name` within `limit` edits (ties: the first in sort order).
    public static func closest(_ name: String, in candidates: [String], limit: Int, ignoringCase: Bool = false) -> String? {
        let key = ignoringCase ? name.lowercased() : name
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = between(key, ignoringCase ? candidate.lowercased() : candidate)
            if distance <= limit, distance < best?.distance ?? Int.max { best = (candidate, distance) }
        }
        return best?.name
    }
}
