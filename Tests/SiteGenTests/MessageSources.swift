import Foundation
@testable import SiteGen

/// Which string literals of the sources are messages a person reads (see `MessageCoverageTests`).
/// A literal counts when it is English prose (two words or more) or stands in a call that prints
/// or reports; what is no message is named here, with the reason.
enum MessageSources {
    static let roots = ["Sources/SiteGen", "Sources/MustacheEngine", "Sources/sitegen", "Sources/SiteGenServe"]
    /// The catalogue itself.
    static let catalogue = "Sources/SiteGen/Messages/"
    /// Files that make the site or speak HTTP: their prose is page text (German), template docs,
    /// markup or protocol; or words of a page that are looked for (`LinkPurpose`'s "hier klicken").
    /// Only what they pass to a message call (below) counts there.
    static let siteOutput = [
        "Sources/SiteGen/Render/LinkPurpose.swift",
        "Sources/SiteGen/Render/Views/", "Sources/SiteGen/Render/Formats/", "Sources/SiteGen/Render/StructuredData.swift",
        "Sources/SiteGen/Render/TemplateDocs.swift", "Sources/SiteGen/Model/ContentItems.swift", "Sources/SiteGen/Model/Site.swift",
        "Sources/SiteGenServe/MediaTypes.swift", "Sources/SiteGenServe/LiveReload.swift",
    ]
    /// Calls whose text arguments are messages: diagnostics, the errors that become them, the
    /// command line's and the preview server's lines.
    static let messageCalls: Set<String> = [
        "error", "warning", "Diagnostic", "broken", "fail", "report", "TemplateError", "YAMLError", "FrontMatterError",
        "FileSystemError", "Failure", "ValidationError", "ServeError", "tell", "err", "info", "say", "progress", "helpText",
    ]
    /// Calls whose text arguments are no messages: crashes for developers, comparisons.
    static let otherCalls: Set<String> = [
        "fatalError", "precondition", "preconditionFailure", "assert", "assertionFailure",
        "contains", "hasPrefix", "hasSuffix",
    ]
    /// Argument labels of texts that are no messages (--help, examples put into a message as values).
    static let otherLabels: Set<String> = ["help", "abstract", "discussion", "example", "doc", "valueName", "commandName"]

    /// The allow-list: prose in the sources that is no message, and why.
    static let notMessages: [String: String] = [
        // The reason phrase of the status line (protocol text; the body says it in the messages' language).
        "URI Too Long": "HTTP reason phrase",
        // The name of the version in messages about it, the same in every language.
        "Leichte Sprache": "a name, put into messages as a value",
        // The text of a store marked while the output is replaced (`BuildStore.markChanging`), read by no one.
        "sitegen-store: the output is being replaced\n": "file contents, never shown",
        // The system's words for a full disk, and the start of a read error, looked for in messages.
        "(No space left on device)": "strerror's words, looked for",
        "(Disk quota exceeded)": "strerror's words, looked for",
        "cannot be read (": "the start of a message, looked for",
        // Decoders' words for a file that ends too early (`ImageCodec.isCutOff`), looked for, never shown.
        "premature end": "a decoder's words, looked for",
        "unexpected end": "a decoder's words, looked for",
        "not enough data": "a decoder's words, looked for",
        "bad seek": "a decoder's words, looked for",
        "corrupt jpeg data": "a decoder's words, looked for",
        // libcmark-gfm's footnote markup, which `FootnoteTexts` gives the page's language.
        #"data-footnote-ref aria-describedby="{}">"#: "HTML markup",
        #"aria-label="Back to content""#: "libcmark-gfm's HTML, replaced",
        // Stage names of --verbose's timings, a developer's measurement (the progress line names no stage in German).
        "formats and assets": "a stage's name in --verbose timings",
        "check links": "a stage's name in --verbose timings",
        "check inputs": "a stage's name in --verbose timings",
        "check inputs, read store": "a stage's name in --verbose timings",
        "save store": "a stage's name in --verbose timings",
        "  change → {} event: {} (build {}, CPU {}: {}; {} pages rendered, {} reused; debounce, snapshot and send {})":
            "serve --verbose's latency measurement, for developers",
        "Hier beginnt der Text.": "the German text `sitegen new` writes into the new file",
        "expected alphabetic or numeric character": "part of a libyaml problem text, matched to add a hint",
        "undefined alias": "part of a libyaml problem text, matched to add a hint",
        "expected comment or line break": "part of a libyaml problem text, matched to add a hint",
        "mapping keys are not allowed": "part of a libyaml problem text, matched to add a hint",
    ]

    struct Found: CustomStringConvertible {
        var file: String
        var line: Int
        /// The text as the catalogue sees it (`{}` for a varying part).
        var text: String
        var description: String { "\(file):\(line): \(text)" }
    }

    /// Every literal of the sources (the catalogue's own aside).
    static let literals: [(file: String, literal: SwiftLiterals.Literal)] = {
        var out: [(String, SwiftLiterals.Literal)] = []
        for root in roots {
            let folder = TestSupport.repoRoot + "/" + root
            let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".swift") }.sorted()
            for path in files {
                let file = root + "/" + path
                guard !file.hasPrefix(catalogue), let text = try? String(contentsOfFile: folder + "/" + path, encoding: .utf8) else { continue }
                out += SwiftLiterals.scan(text).map { (file, $0) }
            }
        }
        return out
    }()

    /// The messages among the literals, each in the shape it reaches the catalogue.
    static var messages: [Found] {
        literals.flatMap { file, literal in shapes(literal, file: file).map { Found(file: file, line: literal.line, text: $0) } }
    }

    static func shapes(_ literal: SwiftLiterals.Literal, file: String) -> [String] {
        let calls = literal.callNames, text = literal.text
        if calls.contains(where: otherCalls.contains) || literal.label.map(otherLabels.contains) == true { return [] }
        if text.hasPrefix("<") { return [] }  // markup
        // `Terminal.count(n, "error")` makes "3 errors" and "1 error".
        if calls.last == "count", file.hasPrefix("Sources/sitegen/") { return ["{} " + text, "{} " + text + "s"] }
        let inMessageCall = literal.calls.contains { $0.map(isMessageCall) ?? false }
        if !inMessageCall && siteOutput.contains(where: file.hasPrefix) { return [] }
        // In `Terminal.text(…)` and the server's `tell(…)` a single word is a message too.
        let printed = literal.calls.last.map { $0 == "text" || $0 == "Terminal.text" || $0 == "tell" } ?? false
        guard isProse(text) || (printed && hasWord(text)) else { return [] }
        // A FileSystemError is shown as "path: message".
        return [calls.contains("FileSystemError") ? "{}: " + text : text]
    }

    static func isMessageCall(_ name: String) -> Bool {
        let last = name.split(separator: ".").last.map(String.init) ?? name
        // `text(` is also a case of the views' key types: only the terminal's counts.
        if last == "text" { return name == "text" || name == "Terminal.text" }
        return messageCalls.contains(last)
    }

    /// Two words next to each other (letters, a space).
    static func isProse(_ text: String) -> Bool {
        let plain = text.replacingOccurrences(of: "{}", with: " ")
        return plain.contains(/\p{L}+ +\p{L}{2,}|\p{L}{2,} +\p{L}+/)
    }

    static func hasWord(_ text: String) -> Bool { text.replacingOccurrences(of: "{}", with: " ").contains(/\p{L}{2,}/) }

    /// The text with sample values for its varying parts.
    static func filled(_ text: String) -> String {
        let pieces = text.components(separatedBy: "{}")
        return pieces.indices.map { $0 == 0 ? pieces[0] : "x\($0)" + pieces[$0] }.joined()
    }
}

extension MessageCatalogue {
    /// The entries a text's translation uses, its parts' entries included.
    func entriesUsed(by text: String) -> [Int] {
        func walk(_ m: Match) -> [Int] { [m.entry] + m.parts.flatMap { $0.match.map(walk) ?? [] } }
        return match(text).map(walk) ?? []
    }

    /// Parts of a translated message that look like an English clause ("; …", ", …", " (…") but have
    /// no entry: the message's key matched, a clause added to it is missing.
    func untranslatedClauses(_ text: String) -> [String] {
        func walk(_ m: Match) -> [String] {
            m.parts.flatMap { part -> [String] in
                if let inner = part.match { return walk(inner) }
                return part.text.contains(/^(; |, | \()[a-z]/) ? [part.text] : []
            }
        }
        return match(text).map(walk) ?? []
    }
}
