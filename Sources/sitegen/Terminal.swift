import Dispatch
import SiteGen
#if canImport(Glibc)
import Glibc
#endif

/// The signal sources of `Terminal.stopOnSignals`, kept for the life of the process.
nonisolated(unsafe) private var signalSources: [any DispatchSourceSignal] = []


/// Printing for people and for CI.
enum Terminal {
    /// The language of what is printed, chosen once per command (`useLanguage`).
    nonisolated(unsafe) static var language = MessageLanguage.choose(option: nil, environment: environment["SITEGEN_MESSAGES"], siteLanguage: nil)

    /// `--messages`, else `SITEGEN_MESSAGES`, else the site's language.
    static func useLanguage(_ option: MessageLanguage?, site: String?) {
        language = MessageLanguage.choose(option: option?.rawValue, environment: environment["SITEGEN_MESSAGES"], siteLanguage: site)
    }

    /// An English line of the tool's own, in the chosen language.
    static func text(_ english: String) -> String { MessageCatalogue.german.translate(english, to: language) }

    static var environment: [String: String] {
        var env: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") { env[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        return env
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    static func print(_ diagnostics: [Diagnostic], quiet: Bool, format: DiagnosticFormatter.Format = .text) {
        var formatter = DiagnosticFormatter.forEnvironment(environment, isTerminal: format == .json ? false : stderrIsTerminal, format: format)
        formatter.language = language
        for line in formatter.lines(diagnostics.filter { !(quiet && $0.severity == .warning) }) {
            if format == .json { Swift.print(line) } else { err(line) }
        }
    }

    static func err(_ s: String) {
        let line = Array((s + "\n").utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    /// Rewrites the current terminal line (for progress on stderr).
    static func progress(_ s: String) {
        let line = Array("\r\u{1B}[2K\(s)".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    static func seconds(_ s: Double) -> String { DurationText.seconds(s, in: language) }

    static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    /// Ctrl-C or SIGTERM during a build: says what became of the output and exits with 130, as a
    /// shell reports a stop by Ctrl-C. Putting the new output in place is finished first
    /// (`Interruption`), so the output is the old site or the new one, never a mix.
    static func stopOnSignals(output: String?) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                Interruption.shared.stop { afterOutput in
                    if stderrIsTerminal { progress("") }
                    err(text(stoppedLine(output: output, afterOutput: afterOutput)))
                    exit(130)
                }
            }
            source.resume()
            signalSources.append(source)
        }
    }

    static func stoppedLine(output: String?, afterOutput: Bool) -> String {
        guard let output else { return "Stopped." }
        return afterOutput ? "Stopped once the new site was in \(output)/." : "Stopped. \(output)/ was left as it was."
    }
}

func currentEpochSeconds() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Int64(ts.tv_sec)
}

extension Terminal {
    /// One line saying what the build left out (drafts, future posts), and with `verbose` which.
    /// - Parameter line: where the lines go (the summary's stream, so they stay in order).
    static func printWithheld(_ withheld: [Withheld], verbose: Bool, line: (String) -> Void) {
        guard !withheld.isEmpty else { return }
        let drafts = withheld.filter { $0.reason == .draft }.count
        let future = withheld.count - drafts
        let draftText = count(drafts, "draft")
        let futureText = future == 1 ? "1 post dated in the future" : "\(future) posts dated in the future"
        let list = verbose ? "" : "; --verbose lists them"
        // Each case a whole sentence, so that each has its translation.
        let english = drafts == 0 ? "Not published: \(futureText) (--future includes them\(list))."
            : future == 0 ? "Not published: \(draftText) (--drafts includes them\(list))."
            : "Not published: \(draftText) and \(futureText) (--drafts --future includes them\(list))."
        line(text(english))
        guard verbose else { return }
        for item in withheld {
            line(text(item.reason == .draft ? "  \(item.file): draft" : "  \(item.file): dated in the future"))
        }
    }
}

