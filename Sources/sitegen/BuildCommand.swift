import ArgumentParser
import SiteGen

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: Terminal.text("Build the site into the output folder."))

    @OptionGroup var site: SiteOptions
    @OptionGroup var output: OutputOptions
    @Option(name: .customLong("output"), help: helpText("Output folder.")) var outputDir = "public"
    @Flag(help: helpText("Fail on warnings too, and run every check.")) var strict = false
    @Flag(help: helpText("Rebuild from nothing instead of keeping unchanged files.")) var clean = false
    @Flag(help: helpText("Replace an output folder that no earlier build made (no store beside it).")) var force = false

    func run() throws {
        let options = try site.buildOptions()
        var builder = Builder(location: SiteLocation(content: site.source, templates: site.templates, output: outputDir), options: options)
        builder.strict = strict
        builder.clean = clean
        builder.force = force
        builder.freesMemoryAfterBuild = false
        Terminal.stopOnSignals(output: outputDir)
        let clock = Stopwatch()
        if !output.quiet && Terminal.stderrIsTerminal {
            // A progress line, only once a build takes longer than a second.
            builder.progress = { stage in
                if clock.total > 1 { Terminal.progress(Terminal.text("Building … \(stage)")) }
            }
        }
        let report = builder.build()
        if builder.progress != nil && clock.total > 1 { Terminal.progress("") }
        site.useLanguage(of: report)
        Terminal.print(report.diagnostics, quiet: output.quiet)
        if output.verbose {
            for t in report.timings { Terminal.err("  \(t.stage): \(Terminal.seconds(t.seconds))") }
            Terminal.err(Terminal.text("  \(report.pages) pages (\(report.upToDate ? 0 : report.rendered) rendered), \(report.files) files, \(report.written) written, \(report.unchanged) unchanged"))
        }
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.count - errors
        if !report.succeeded || (strict && warnings > 0) {
            let (e, w) = (Terminal.count(errors, "error"), Terminal.count(warnings, "warning"))
            Terminal.err(Terminal.text(strict && errors == 0 ? "Build failed: \(e), \(w) (strict). \(outputDir)/ was left as it was."
                                                           : "Build failed: \(e), \(w). \(outputDir)/ was left as it was."))
            throw ExitCode(1)
        }
        if !output.quiet {
            // Each case a whole sentence, so that each has its translation.
            let (pages, time, w) = (report.pages, Terminal.seconds(clock.total), Terminal.count(warnings, "warning"))
            let line = switch (report.upToDate, warnings > 0) {
            case (true, false): "Up to date: \(pages) pages, nothing changed since the last build (\(time))"
            case (true, true): "Up to date: \(pages) pages, nothing changed since the last build (\(time)) (\(w))"
            case (false, false): "Built \(pages) pages in \(time)"
            case (false, true): "Built \(pages) pages in \(time) (\(w))"
            }
            print(Terminal.text(line))
            Terminal.printWithheld(report.withheld, verbose: output.verbose) { print($0) }
        }
    }
}
