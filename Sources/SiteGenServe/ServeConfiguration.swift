import SiteGen

/// Settings of `sitegen serve`.
public struct ServeConfiguration: Sendable {
    /// The content folder (with `site.yml`).
    public var source = "content"
    /// The templates folder (with `assets/`).
    public var templates = "Templates"
    /// Address to bind; 127.0.0.1 unless asked otherwise.
    public var host = "127.0.0.1"
    /// Port; 0 picks a free one (tests).
    public var port = 8080
    public var drafts = false
    public var future = false
    /// The builds' "now"; nil means the clock at each rebuild.
    public var now: DateTime?
    /// Print the timing of each rebuild (change → reload event).
    public var verbose = false
    /// Poll instead of using inotify (the fallback; also for tests).
    public var forcePolling = false
    /// The language of messages (`--messages`); nil: the site's.
    public var messages: MessageLanguage?
    /// Quiet time that ends a burst of file events.
    public var debounce = 0.05
    /// How often the polling fallback looks at every file.
    public var pollInterval = 0.5
    /// Stop on SIGINT and SIGTERM (off in tests, which stop the server themselves).
    public var handleSignals = true
    /// After this long, graceful shutdown turns into cancellation.
    public var shutdownGrace = 0.7

    public init() {}
}

/// Where the server's messages go: the CLI prints them, tests collect them.
public struct ServeOutput: Sendable {
    public var info: @Sendable (String) -> Void
    public var diagnostics: @Sendable ([Diagnostic]) -> Void

    public init(info: @escaping @Sendable (String) -> Void, diagnostics: @escaping @Sendable ([Diagnostic]) -> Void) {
        self.info = info
        self.diagnostics = diagnostics
    }

    public static let silent = ServeOutput(info: { _ in }, diagnostics: { _ in })
}

/// What one rebuild did, for tests and for the verbose report.
public struct RebuildRecord: Sendable {
    public enum Outcome: String, Sendable { case reload, css, unchanged, failed, initial }
    public var outcome: Outcome
    public var changedSources: [String]
    public var changedOutputs: [String]
    /// Seconds from the first file event of the batch to the event being sent.
    public var changeToEvent: Double?
    /// Seconds the build itself took.
    public var buildSeconds: Double
    public var listeners: Int
    public var diagnostics: [Diagnostic]
}
