import ArgumentParser
import SiteGen

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: Terminal.text("Build in memory and report broken links, missing files, accessibility and privacy problems."))

    @OptionGroup var site: SiteOptions
    @Flag(help: helpText("Exit 1 on warnings too.")) var strict = false
    @Option(help: helpText("text or json (one object per line).")) var format: DiagnosticFormatter.Format = .text
    @Flag(help: helpText("Also check links to other sites (5 s time-out, 8 requests at a time).")) var external = false
    @Flag(name: .shortAndLong, help: helpText("List the drafts and future posts that are not published.")) var verbose = false

    func run() async throws {
        let location = SiteLocation(content: site.source, templates: site.templates)
        var builder = Builder(location: location, options: try site.buildOptions())
        builder.collectExternalLinks = external
        builder.freesMemoryAfterBuild = false
        // Photos come from (and go into) the processed-image folder `build` keeps beside public/.
        var (report, _) = builder.run(into: MemorySink(imageCache: ImageCachePlace(folder: ImageCachePlace.folder(forOutput: location.output))))
        if external && report.succeeded {
            report.diagnostics = (report.diagnostics + (await ExternalLinkChecker().check(report.externalLinks))).sorted()
        }
        site.useLanguage(of: report)
        Terminal.print(report.diagnostics, quiet: false, format: format)
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.count - errors
        if format == .text {
            let (e, w) = (Terminal.count(errors, "error"), Terminal.count(warnings, "warning"))
            // Exit 1 with no error counted: say that --strict made the warnings fail it.
            Terminal.err(Terminal.text(strict && errors == 0 && warnings > 0
                ? "Checked \(report.pages) pages: \(e), \(w) (strict: the warnings fail the check)."
                : "Checked \(report.pages) pages: \(e), \(w)."))
            Terminal.printWithheld(report.withheld, verbose: verbose) { Terminal.err($0) }
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}

extension DiagnosticFormatter.Format: ExpressibleByArgument {}
extension MessageLanguage: ExpressibleByArgument {}
