import ArgumentParser
import SiteGen
import SiteGenServe
#if canImport(Glibc)
import Glibc
#endif

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: Terminal.text("Build the site into memory, serve it on 127.0.0.1 and reload the browser when a file changes."))

    @Option(help: helpText("Content folder.")) var source = "content"
    @Option(help: helpText("Templates folder.")) var templates = "Templates"
    @Option(help: helpText("Port (0 picks a free one).")) var port = 8080
    @Option(help: helpText("Address to listen on. Anything but 127.0.0.1 or ::1 shows the preview to your network.")) var host = "127.0.0.1"
    // A preview is for reviewing what is not published yet: both are shown unless turned off.
    @Flag(inversion: .prefixedNo, help: helpText("Show drafts, marked \"Entwurf\".")) var drafts = true
    @Flag(inversion: .prefixedNo, help: helpText("Show posts dated after now, marked \"Geplant\".")) var future = true
    @Option(help: helpText("The builds' \"now\" (ISO 8601); default: the clock at each rebuild.")) var now: String?
    @Flag(help: helpText("Open the site in the default browser.")) var open = false
    @Flag(name: .shortAndLong, help: helpText("Print the time from a file change to the reload event, per rebuild.")) var verbose = false
    @Flag(help: helpText("Poll for changes instead of using inotify.")) var poll = false
    @Option(help: helpText("Language of the messages: de or en (default: the site's language; SITEGEN_MESSAGES)."))
    var messages: MessageLanguage?

    func run() async throws {
        var config = ServeConfiguration()
        config.source = source
        config.templates = templates
        config.port = port
        config.host = host
        config.drafts = drafts
        config.future = future
        config.verbose = verbose
        config.forcePolling = poll
        config.messages = messages ?? Terminal.environment["SITEGEN_MESSAGES"].flatMap(MessageLanguage.init(rawValue:))
        // The server's own lines follow each build's language; these come before the first.
        Terminal.useLanguage(config.messages, site: SiteLanguage.of(content: source))
        if let now {
            guard let parsed = DateTime.parse(now) else {
                throw ValidationError(Terminal.text("--now must be an ISO 8601 date like 2026-11-26T12:00:00+01:00, but is '\(now)'"))
            }
            config.now = parsed
        }
        guard (0...65535).contains(port) else { throw ValidationError(Terminal.text("--port must be between 0 and 65535")) }
        // Outside a site's folder there is nothing to watch: stop, as build and new do.
        guard LocalFileSystem().isDirectory(source) else {
            Terminal.print([.error(source, ContentLoader.missingFolderMessage(source))], quiet: false)
            throw ExitCode(1)
        }
        let output = ServeOutput(
            info: { line in say(line) },
            diagnostics: { Terminal.print($0, quiet: false) })
        let server = PreviewServer(configuration: config, output: output)
        if open {
            Task {
                try? await server.waitUntilReady()
                if let url = server.url { openInBrowser(url) }
            }
        }
        do {
            try await server.run()
        } catch {
            Terminal.err(Terminal.text("error: \(error)"))
            throw ExitCode(1)
        }
        say(Terminal.text("Stopped."))
    }
}

/// One line to standard output, unbuffered (the output often goes to a pipe or a log file).
private func say(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
}

/// `xdg-open URL` (Linux) or `open URL` (macOS), without waiting for it.
private func openInBrowser(_ url: String) {
    #if os(macOS)
    let tool = "open"
    #else
    let tool = "xdg-open"
    #endif
    var pid = pid_t()
    let args = [tool, url]
    var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    if posix_spawnp(&pid, tool, nil, nil, &argv, environ) != 0 {
        Terminal.err(Terminal.text("Could not start \(tool); open \(url) yourself."))
    }
}
