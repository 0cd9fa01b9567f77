import Foundation
import ArgumentParser
import CMimalloc
import SiteGen

@main
struct SiteGenCommand: AsyncParsableCommand {
    /// Links mimalloc for sure (a linker dropping unused libraries would drop it): as a shared
    /// library loaded before libc it takes over malloc and free for the whole process.
    static let allocatorVersion = mi_version()

    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: Terminal.text("Builds the Smart City website from content/ and Templates/ into public/."),
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// As ArgumentParser's own, with a "did you mean" for a mistyped command (`sitegen biuld` was
    /// taken as `build` with an unexpected argument), and its errors in the messages' language.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // Until a command knows its site: --messages as written, else the usual content folder's site.
        Terminal.useLanguage(CommandHint.messagesOption(arguments), site: SiteLanguage.of(content: "content"))
        if let hint = CommandHint.misspelledCommand(arguments, known: configuration.subcommands.map { $0._commandName } + ["help"]) {
            Terminal.err(Terminal.text(hint))
            Foundation.exit(64)
        }
        var command: any ParsableCommand
        do { command = try parseAsRoot() } catch { exit(for: error, as: SiteGenCommand.self) }
        do {
            if var asyncCommand = command as? AsyncParsableCommand { try await asyncCommand.run() } else { try command.run() }
        } catch {
            let kind = type(of: command)
            // --help is a command of ArgumentParser's whose run throws the help text.
            if kind.exitCode(for: error) == .success { exit(for: error, as: SiteGenCommand.self) }
            guard kind.exitCode(for: error) == .validationFailure else { kind.exit(withError: error) }
            // An error of the command's run (`--now morgen`): where that command's help is, not the root's usage.
            let name = kind.configuration.commandName ?? "build"
            Terminal.err(Terminal.text("error: \(kind.message(for: error))"))
            Terminal.err(Terminal.text("  See 'sitegen \(name) --help' for more information."))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
    }

    /// Prints what ArgumentParser says about `error` (help, or a command line it cannot read), in the
    /// messages' language, and exits.
    static func exit(for error: any Error, as command: any ParsableCommand.Type) -> Never {
        guard Terminal.language == .de else { command.exit(withError: error) }
        let code = command.exitCode(for: error)
        let message = command.fullMessage(for: error)
        if code == .success {
            // --help and `sitegen help …`: the texts are German already, ArgumentParser's headings not yet.
            if !message.isEmpty { print(MessageCatalogue.help(message, in: Terminal.language)) }
            Foundation.exit(0)
        }
        guard code == .validationFailure else { command.exit(withError: error) }
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        let german = lines.map { $0.hasPrefix("Error: ") ? Terminal.text("error: \($0.dropFirst(7))") : Terminal.text(String($0)) }
        Terminal.err(MessageCatalogue.help(german.joined(separator: "\n"), in: Terminal.language))
        Foundation.exit(ExitCode.validationFailure.rawValue)
    }
}

/// A --help text in the messages' language (chosen before the command line is parsed, which is
/// when ArgumentParser asks for it).
func helpText(_ english: String, valueName: String? = nil) -> ArgumentHelp {
    ArgumentHelp(Terminal.text(english), valueName: valueName)
}

enum CommandHint {
    /// The value of `--messages` (or `--messages=`) among the arguments, before they are parsed.
    static func messagesOption(_ arguments: [String]) -> MessageLanguage? {
        for (i, argument) in arguments.enumerated() {
            if argument.hasPrefix("--messages=") { return MessageLanguage(rawValue: String(argument.dropFirst(11))) }
            if argument == "--messages", i + 1 < arguments.count { return MessageLanguage(rawValue: arguments[i + 1]) }
        }
        return nil
    }

    /// "error: 'biuld' is not a command; did you mean 'build'?" for a first word that is no
    /// command and no option but close to one.
    static func misspelledCommand(_ arguments: [String], known: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !known.contains(first) else { return nil }
        let close = nearest(first, in: known)
        let list = known.filter { $0 != "help" }.joined(separator: ", ")
        return "error: '\(first)' is not a command of sitegen (\(list))" + (close.map { "; did you mean '\($0)'?" } ?? "")
    }
}

/// Options every command that builds shares.
struct SiteOptions: ParsableArguments {
    @Option(help: helpText("Language of the messages: de or en (default: the site's language; SITEGEN_MESSAGES)."))
    var messages: MessageLanguage?
    @Option(help: helpText("Content folder.")) var source = "content"
    @Option(help: helpText("Templates folder.")) var templates = "Templates"
    @Option(help: helpText("Base URL, overriding base_url in site.yml.")) var baseURL: String?
    @Flag(help: helpText("Include drafts.")) var drafts = false
    @Flag(help: helpText("Include posts dated after now.")) var future = false
    @Option(help: helpText("The build's \"now\" (ISO 8601, e.g. 2026-11-26T12:00:00+01:00); default: the current time."))
    var now: String?

    func buildOptions(preview: Bool = false) throws -> BuildOptions {
        // Lines printed before the build knows the site's language (this one's error, the progress line).
        Terminal.useLanguage(messages, site: SiteLanguage.of(content: source))
        var moment = DateTime(epochSeconds: currentEpochSeconds())
        if let now {
            guard let parsed = DateTime.parse(now) else {
                throw ValidationError(Terminal.text("--now must be an ISO 8601 date like 2026-11-26T12:00:00+01:00, but is '\(now)'"))
            }
            moment = parsed
        }
        return BuildOptions(now: moment, drafts: drafts, future: future, baseURL: baseURL, preview: preview)
    }
}

extension SiteOptions {
    /// The language of the messages once the build has read site.yml (unchanged when it could not).
    func useLanguage(of report: BuildReport) {
        if let language = report.language { Terminal.useLanguage(messages, site: language) }
    }
}

/// How much the build says.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: helpText("Print only errors (no warnings, no summary).")) var quiet = false
    @Flag(name: .shortAndLong, help: helpText("Print the time of each stage and the counts.")) var verbose = false
}
