/// The German catalogue (see `MessageCatalogue`): English key, German text, one sorted array per
/// area of the tool. `MessageCoverageTests` checks that every message in the code has an entry
/// and every entry a message.
enum GermanMessages {
    static let pairs: [(english: String, german: String)] =
        [clauses, load, yamlParser, files, systemErrors, model, languages, render, check, templates, commandLine, argumentParser].flatMap { $0 }

    /// Clauses that several messages add to their end (a "did you mean"), translated on their own.
    static let clauses: [(english: String, german: String)] = [
        (", did you mean '#{}'?", ", meinten Sie „#{1}“?"),
        (", did you mean '{}'?", ", meinten Sie „{1}“?"),
        ("; did you mean '{}'?{}", "; meinten Sie „{1}“?{2}"),
        ("; name it after a page kind ({}) or include it with {{>{}}}", "; benennen Sie das Template nach einer Seitenart ({1}) oder binden Sie es mit {{>{2}}} ein"),
        ("; the views of {} have it{}", "; die Ansichten von {1} haben ihn{2}"),
    ]
}
