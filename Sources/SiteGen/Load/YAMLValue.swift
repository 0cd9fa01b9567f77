import Yams

/// A YAML value with the file line it came from, so every message can name the line.
public indirect enum YAMLValue: Sendable, Equatable {
    case null(line: Int)
    case scalar(String, line: Int, column: Int, quoted: Bool)
    case list([YAMLValue], line: Int)
    case map(YAMLMap)

    public var line: Int {
        switch self {
        case .null(let line), .scalar(_, let line, _, _), .list(_, let line): return line
        case .map(let m): return m.line
        }
    }

    /// Calls `body` with this value and every value inside it, parents before their children.
    public func forEachValue(_ body: (YAMLValue) -> Void) {
        body(self)
        switch self {
        case .map(let map): map.entries.forEach { $0.value.forEachValue(body) }
        case .list(let items, _): items.forEach { $0.forEachValue(body) }
        case .scalar, .null: break
        }
    }

    /// A short name of the value's kind for messages ("a list", "text").
    public var kindName: String {
        switch self {
        case .null: return "empty"
        case .scalar: return "a single value"
        case .list: return "a list"
        case .map: return "a group of keys"
        }
    }
}

/// A YAML mapping in source order, with the line of each key.
public struct YAMLMap: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var keyLine: Int
        public var value: YAMLValue
    }
    public var entries: [Entry]
    public var line: Int

    public subscript(key: String) -> YAMLValue? { entries.first { $0.key == key }?.value }
    public func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }
}

public struct YAMLError: Error, Sendable, Equatable {
    public var line: Int?
    public var column: Int?
    public var message: String
}

public enum YAMLReader {
    /// Largest number of values one front matter may hold (after alias expansion):
    /// keeps "billion laughs" documents from costing time or memory.
    public static let maxNodes = 20_000

    /// Parses YAML text whose first line is line `firstLine` of the file.
    public static func parse(_ yaml: String, firstLine: Int) throws(YAMLError) -> YAMLValue? {
        let node: Node?
        do {
            // The encoding is given: Yams's default reads the whole process environment on each call.
            // The resolver is `.basic` (every scalar is text): values are typed by our own decoder, and
            // the default one ran up to seven regular expressions per key to hash it for the duplicate check.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw translate(error, yaml: yaml, firstLine: firstLine)
        } catch {
            throw YAMLError(line: firstLine, column: nil, message: "YAML cannot be read: \(error)")
        }
        guard let node else { return nil }
        // A lone `title:Kurz` parses as one text instead of a key: say what the editor meant.
        if case .scalar = node, let (index, message) = YAMLHints.explainSyntaxError(YAMLHints.lines(yaml), upTo: .max) {
            throw YAMLError(line: index + firstLine, column: nil, message: message)
        }
        var budget = maxNodes
        return try convert(node, firstLine: firstLine, budget: &budget)
    }

    private static func convert(_ node: Node, firstLine: Int, budget: inout Int) throws(YAMLError) -> YAMLValue {
        budget -= 1
        let line = (node.mark?.line ?? 1) + firstLine - 1
        if budget < 0 {
            throw YAMLError(line: line, column: nil, message: "front matter is too large or repeats aliases too often (more than \(maxNodes) values); remove the aliases (*name)")
        }
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style != .plain
            if !quoted, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return .null(line: line)
            }
            return .scalar(InvisibleCharacters.removingZeroWidth(scalar.string), line: line, column: node.mark?.column ?? 1, quoted: quoted)
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for child in sequence { items.append(try convert(child, firstLine: firstLine, budget: &budget)) }
            return .list(items, line: line)
        case .mapping(let mapping):
            var entries: [YAMLMap.Entry] = []
            for (key, value) in mapping {
                budget -= 1
                let keyLine = (key.mark?.line ?? 1) + firstLine - 1
                guard case .scalar(let keyScalar) = key else {
                    throw YAMLError(line: keyLine, column: key.mark?.column, message: "a key must be plain text")
                }
                entries.append(.init(key: InvisibleCharacters.removingZeroWidth(keyScalar.string), keyLine: keyLine,
                                     value: try convert(value, firstLine: firstLine, budget: &budget)))
            }
            return .map(YAMLMap(entries: entries, line: line))
        case .alias:
            throw YAMLError(line: line, column: node.mark?.column, message: "aliases (*name) are not supported in front matter")
        }
    }

    private static func translate(_ error: YamlError, yaml: String, firstLine: Int) -> YAMLError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if let (index, message) = YAMLHints.explainSyntaxError(YAMLHints.lines(yaml), upTo: mark.line - 1) {
                return YAMLError(line: index + firstLine, column: nil, message: message)
            }
            if let (index, message) = YAMLHints.unclosed(problem: problem, context: context?.text ?? "",
                                                         lines: YAMLHints.lines(yaml), errorLine: mark.line - 1, firstLine: firstLine) {
                return YAMLError(line: index + firstLine, column: nil, message: message)
            }
            if problem.contains("mapping values are not allowed"), let message = YAMLHints.colonInValue(YAMLHints.lines(yaml), at: mark.line - 1) {
                return YAMLError(line: mark.line + firstLine - 1, column: nil, message: message)
            }
            if problem.contains("expected key"), let message = YAMLHints.quoteInsideQuotes(YAMLHints.lines(yaml), at: mark.line - 1) {
                return YAMLError(line: mark.line + firstLine - 1, column: nil, message: message)
            }
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text))" }
            message += hint(for: problem)
            return YAMLError(line: mark.line + firstLine - 1, column: mark.column, message: message)
        case .duplicatedKeysInMapping(let keys, let context):
            // Yams names the key and its first place; the second is found in the text.
            let key = keys.first ?? "?"
            let first = context.mark.line - 1
            if let second = YAMLHints.secondKey(key, after: first, column: context.mark.column, in: YAMLHints.lines(yaml)) {
                return YAMLError(line: second + firstLine, column: nil,
                                 message: "'\(key)' appears twice (first at line \(first + firstLine)); keep one")
            }
            return YAMLError(line: first + firstLine, column: nil, message: "'\(key)' appears more than once; keep one")
        case .reader(let problem, _, _, _):
            return YAMLError(line: firstLine, column: nil, message: "YAML cannot be read: \(problem)")
        default:
            return YAMLError(line: firstLine, column: nil, message: "YAML cannot be read: \(error)")
        }
    }

    private static func hint(for problem: String) -> String {
        if problem.contains("mapping values are not allowed") {
            return "; put text that contains a colon in quotes, e.g. title: \"Stadt: Wandel\""
        }
        if problem.contains("duplicate") || problem.contains("found duplicate key") {
            return "; every key may appear only once"
        }
        if problem.contains("tab") {
            return "; indent with spaces, not tabs"
        }
        // *, &, !, ?, > and | at the start of a value mean something to YAML.
        if ["expected alphabetic or numeric character", "undefined alias", "expected comment or line break",
            "mapping keys are not allowed"].contains(where: problem.contains) {
            return "; a value that starts with * & ! ? > or | must be in quotes, e.g. title: \"* Stern\""
        }
        return ""
    }
}
