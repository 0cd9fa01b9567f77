import ArgumentParser
import SiteGen

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions
    @OptionGroup var output: OutputOptions
    @Option(name: .customLong("output"), help: "Output folder.") var outputDir = "public"
    @Flag(help: "Fail on warnings too, and run every check.") var strict = false
    @Flag(help: "Rebuild from nothing instead of keeping unchanged files.") var clean = false
    @Flag(help: "Replace an output folder that holds other files than a site.") var force = false

    func run() throws {
        let options = try site.buildOptions()
        var builder = Builder(location: SiteLocation(content: site.source, templates: site.templates, output: outputDir), options: options)
        builder.strict = strict
        builder.clean = clean
        builder.force = force
        let clock = Stopwatch()
        if !output.quiet && Terminal.stderrIsTerminal {
            // A progress line, only once a build takes longer than a second.
            builder.progress = { stage in
                if clock.total > 1 { Terminal.progress("Building … \(stage)") }
            }
        }
        let report = builder.build()
        if builder.progress != nil && clock.total > 1 { Terminal.progress("") }
        Terminal.useLanguage(site.messages, site: report.language)
        Terminal.print(report.diagnostics, quiet: output.quiet)
        if output.verbose {
            for t in report.timings { Terminal.err("  \(t.stage): \(Terminal.seconds(t.seconds))") }
            Terminal.err("  \(report.pages) pages (\(report.upToDate ? 0 : report.rendered) rendered), \(report.files) files, \(report.written) written, \(report.unchanged) unchanged")
        }
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.count - errors
        if !report.succeeded || (strict && warnings > 0) {
            Terminal.err(Terminal.text("Build failed: \(Terminal.count(errors, "error")), \(Terminal.count(warnings, "warning"))\(strict && errors == 0 ? " (strict)" : ""). \(outputDir)/ was left as it was."))
            throw ExitCode(1)
        }
        if !output.quiet {
            var line = report.upToDate
                ? "Up to date: \(report.pages) pages, nothing changed since the last build (\(Terminal.seconds(clock.total)))"
                : "Built \(report.pages) pages in \(Terminal.seconds(clock.total))"
            if warnings > 0 { line += " (\(Terminal.count(warnings, "warning")))" }
            print(Terminal.text(line))
            Terminal.printWithheld(report.withheld, verbose: output.verbose) { print($0) }
        }
    }
}
