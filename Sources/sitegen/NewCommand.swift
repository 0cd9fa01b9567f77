import ArgumentParser
import SiteGen

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new post, event, project or page with its front matter filled in.")

    @Argument(help: "post, event, project or page") var kind: NewContent.Kind
    @Argument(help: "The title, e.g. \"Sensorik an der Lange Straße\"") var title: String
    @Option(help: "Content folder.") var source = "content"
    @Option(help: "The moment for date or start (ISO 8601); default: now.") var now: String?

    func run() throws {
        var moment = DateTime(epochSeconds: currentEpochSeconds())
        if let now {
            guard let parsed = DateTime.parse(now) else { throw ValidationError("--now must be an ISO 8601 date, but is '\(now)'") }
            moment = parsed
        }
        do {
            let path = try NewContent.create(kind, title: title, contentRoot: source, now: moment)
            print("Created \(path)")
        } catch let error as NewContent.Failure {
            Terminal.err("error: \(error.message)")
            throw ExitCode(1)
        }
    }
}

extension NewContent.Kind: ExpressibleByArgument {}
