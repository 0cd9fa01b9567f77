import ArgumentParser
import SiteGen

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: Terminal.text("Create a new post, event, project, page or participation format with its front matter filled in."))

    @Argument(help: helpText("post, event, project, page or participation")) var kind: NewContent.Kind
    @Argument(parsing: .allUnrecognized, help: helpText("The title in quotes, e.g. \"Sensorik an der Lange Straße\"", valueName: "title")) var words: [String] = []
    @Option(help: helpText("Content folder.")) var source = "content"
    @Option(help: helpText("The moment for date or start (ISO 8601); default: now.")) var now: String?

    var title: String { words.joined(separator: " ") }

    func validate() throws {
        Terminal.useLanguage(nil, site: SiteLanguage.of(content: source))
        // Words are taken as they come, so that a title may begin with a dash ("-5 Grad im Winter");
        // an option this command does not know is still one.
        if let option = words.first(where: { $0.hasPrefix("--") && !$0.contains(" ") }) {
            throw ValidationError(Terminal.text("Unknown option '\(option)'"))
        }
        if words.isEmpty { throw ValidationError(Terminal.text("the title is missing: sitegen new \(kind.rawValue) \"Titel des Beitrags\"")) }
        // The shell splits a title without quotes into words (and would act on & or ? in it).
        if words.count > 1 {
            throw ValidationError(Terminal.text("put the title in quotes, so that it is one argument: sitegen new \(kind.rawValue) \"\(title)\""))
        }
    }

    func run() throws {
        var moment = DateTime(epochSeconds: currentEpochSeconds())
        if let now {
            guard let parsed = DateTime.parse(now) else { throw ValidationError(Terminal.text("--now must be an ISO 8601 date, but is '\(now)'")) }
            moment = parsed
        }
        do {
            let path = try NewContent.create(kind, title: title, contentRoot: source, now: moment)
            print(Terminal.text("Created \(path)"))
            print(Terminal.text("It is a draft (draft: true): it shows in 'sitegen serve' and 'build --drafts' only. To publish it, delete that line."))
        } catch let error as NewContent.Failure {
            Terminal.err(Terminal.text("error: \(error.message)"))
            throw ExitCode(1)
        }
    }
}

extension NewContent.Kind: ExpressibleByArgument {}
