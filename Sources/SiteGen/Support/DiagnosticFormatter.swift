/// Prints diagnostics the way compilers do, as JSON, or as GitHub Actions annotations.
public struct DiagnosticFormatter: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, json }

    public var format: Format
    public var color: Bool
    public var githubAnnotations: Bool
    /// The language of the messages (and, in text, of "error"/"warning").
    public var language = MessageLanguage.en

    public init(format: Format = .text, color: Bool = false, githubAnnotations: Bool = false) {
        self.format = format
        self.color = color
        self.githubAnnotations = githubAnnotations
    }

    /// Color on a terminal unless NO_COLOR is set; annotations under GITHUB_ACTIONS=true.
    public static func forEnvironment(_ env: [String: String], isTerminal: Bool, format: Format) -> DiagnosticFormatter {
        DiagnosticFormatter(format: format, color: format == .text && isTerminal && env["NO_COLOR"] == nil && env["TERM"] != "dumb",
                            githubAnnotations: env["GITHUB_ACTIONS"] == "true")
    }

    public func lines(_ diagnostics: [Diagnostic]) -> [String] {
        var out: [String] = []
        for d in diagnostics.map({ $0.translated(to: language) }) {
            switch format {
            case .text: out.append(text(d))
            case .json: out.append(json(d))
            }
            if githubAnnotations {
                var a = "::\(d.severity == .error ? "error" : "warning") file=\(d.file)"
                if let l = d.line { a += ",line=\(l)" }
                if let c = d.column { a += ",col=\(c)" }
                out.append(a + "::" + d.message.replacingAll("%", with: "%25").replacingAll("\n", with: "%0A"))
            }
        }
        return out
    }

    func text(_ d: Diagnostic) -> String {
        var location = d.file
        if let l = d.line { location += ":\(l)"; if let c = d.column { location += ":\(c)" } }
        let word = Self.severityWord(d.severity, in: language)
        guard color else { return "\(location): \(word): \(d.message)" }
        let label = d.severity == .error ? "\u{1B}[1;31m\(word)\u{1B}[0m" : "\u{1B}[1;33m\(word)\u{1B}[0m"
        return "\u{1B}[1m\(location):\u{1B}[0m \(label): \(d.message)"
    }

    /// "error"/"warning", or "Fehler"/"Warnung" in German (the preview's overlay says them too).
    public static func severityWord(_ severity: Diagnostic.Severity, in language: MessageLanguage) -> String {
        language == .de ? (severity == .error ? "Fehler" : "Warnung") : severity.rawValue
    }

    func json(_ d: Diagnostic) -> String {
        JSON.obj([
            ("severity", .string(d.severity.rawValue)), ("file", .string(d.file)),
            ("line", d.line.map { .number($0) }), ("column", d.column.map { .number($0) }), ("message", .string(d.message)),
        ]).serialized()
    }
}
