/// Times and counts of one build, for `--verbose` and the summary line.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var pages = 0
    public var files = 0
    public var written = 0
    public var unchanged = 0
    /// Seconds per stage: load, model, render, write.
    public var timings: [(stage: String, seconds: Double)] = []
    /// The site's language (`language` in site.yml): the messages' language unless `--messages` says otherwise.
    public var language: String?
    /// Drafts and future posts left out (the command line says how many, `--verbose` which).
    public var withheld: [Withheld] = []
    /// Links to other sites, for `check --external`.
    public var externalLinks: [ExternalLink] = []
    /// Pages whose template ran (the others were taken from the last build).
    public var rendered = 0
    /// True when nothing changed since the last build and the output was left as it was.
    public var upToDate = false
    /// Fingerprint of this build's inputs.
    public var fingerprint: UInt64?
    /// Where "now" may move without changing this build's output (epoch seconds).
    public var validity: (from: Int64, until: Int64)?
    public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }

    init() {}

    /// A build that stopped before rendering, with one error.
    init(failure: Diagnostic) { diagnostics = [failure] }

    /// The output stays as the stored build made it: its counts, and its warnings shown again.
    init(upToDate record: BuildRecord) {
        upToDate = true
        pages = record.pages
        files = record.files
        unchanged = record.files
        diagnostics = record.warnings
        withheld = record.withheld
        language = record.language
    }

    /// What the store keeps of a successful build.
    func record(stamp: UInt64) -> BuildRecord? {
        guard succeeded, let fingerprint, let validity else { return nil }
        return BuildRecord(fingerprint: fingerprint, stamp: stamp, pages: pages, files: files,
                           warnings: diagnostics.filter { $0.severity == .warning }, withheld: withheld, language: language,
                           validFrom: validity.from, validUntil: validity.until)
    }
}
