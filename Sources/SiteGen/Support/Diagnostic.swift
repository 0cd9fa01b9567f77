/// One finding of a build or check: an error or a warning, tied to a source
/// file and, where known, a line. Editors read these, so the message says what
/// is wrong and, where it can, what to do.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    public var severity: Severity
    /// Path as the editor knows it, relative to the site's root folder
    /// (e.g. `content/posts/2025/foo.md`), or a plain name such as `site.yml`.
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(_ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public static func error(_ file: String, line: Int? = nil, column: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.error, file: file, line: line, column: column, message)
    }

    public static func warning(_ file: String, line: Int? = nil, column: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, column: column, message)
    }

    /// `file:line:column: severity: message`, as compilers print it.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message)"
    }

    /// A stable order (file, line, column, message), so output never depends on scheduling.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
        if (a.column ?? 0) != (b.column ?? 0) { return (a.column ?? 0) < (b.column ?? 0) }
        if a.severity != b.severity { return a.severity == .error }
        return a.message < b.message
    }
}

/// Collects diagnostics from many places (also from parallel work).
public struct Diagnostics: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) { self.items = items }

    public mutating func append(_ d: Diagnostic) { items.append(d) }
    public mutating func append(contentsOf ds: [Diagnostic]) { items.append(contentsOf: ds) }
    public mutating func error(_ file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        items.append(.error(file, line: line, column: column, message))
    }
    public mutating func warning(_ file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        items.append(.warning(file, line: line, column: column, message))
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }
    /// Sorted and without repeats.
    public var sorted: [Diagnostic] { Array(Set(items)).sorted() }
}

/// Thrown when a build cannot go on; carries every diagnostic found so far.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = Array(Set(diagnostics)).sorted() }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
