import Foundation
import Testing
@testable import SiteGen

/// A text edit runs the ordinary pipeline with the store of the last build: only the pages the
/// edit affects are rendered and written, the search index is made again, and the output is byte
/// for byte a clean build's after every kind of change.
@Suite(.serialized) struct TextEditRebuildTests {
    let content: String
    let templates: String
    let root: String

    init() throws {
        content = TestSupport.copyOfExampleContent()
        root = TestSupport.temporaryFolder("text-edit")
        templates = root + "/Templates"
        try FileManager.default.copyItem(atPath: TestSupport.templates, toPath: templates)
        // A page without a summary: its search excerpt is the start of its text.
        try "---\ntitle: Ohne Zusammenfassung\n---\nDieser Text beginnt die Seite und steht im Suchauszug.\n\n## Abschnitt\n\nMehr Text.\n"
            .write(toFile: content + "/pages/ohne-zusammenfassung.md", atomically: true, encoding: .utf8)
    }

    var output: String { root + "/public" }

    func builder(output: String, clean: Bool = false, strict: Bool = false) -> Builder {
        var builder = Builder(location: SiteLocation(content: content, templates: templates, output: output),
                              options: BuildOptions(now: TestSupport.now, baseURL: "https://smartcity.example.org/"))
        builder.clean = clean
        builder.strict = strict
        return builder
    }

    func files(_ folder: String) -> [String: Data] { TestSupport.files(folder) }

    /// Builds into the kept output and into a new folder from nothing; both must agree.
    /// - Returns: the incremental build's report.
    @discardableResult
    func expectSameAsClean(_ change: String, sourceLocation: SourceLocation = #_sourceLocation) -> BuildReport {
        let before = files(output)
        let incremental = builder(output: output).build()
        let freshFolder = root + "/fresh-\(UUID().uuidString)"
        let fresh = builder(output: freshFolder, clean: true).build()
        defer { try? FileManager.default.removeItem(atPath: freshFolder) }
        #expect(incremental.diagnostics == fresh.diagnostics, "\(change)", sourceLocation: sourceLocation)
        guard fresh.succeeded else {
            #expect(!incremental.succeeded && files(output) == before, "\(change)", sourceLocation: sourceLocation)
            return incremental
        }
        let a = files(output), b = files(freshFolder)
        let differing = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
        #expect(!a.isEmpty, "\(change): no output", sourceLocation: sourceLocation)
        #expect(differing.isEmpty, "\(change): differs from a clean build in \(differing.prefix(5))", sourceLocation: sourceLocation)
        return incremental
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        let file = path.hasPrefix("/") ? path : content + "/" + path
        try change(try String(contentsOfFile: file, encoding: .utf8)).write(toFile: file, atomically: true, encoding: .utf8)
    }

    func searchIndex(_ folder: String) -> String {
        files(folder + "/suche/suchindex").filter { $0.key.hasSuffix(".json") }.values
            .map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    @Test func aChangedTextRendersOnlyItsPageAndGivesTheBytesOfACleanBuild() throws {
        expectSameAsClean("first build")

        // One document of each kind that is not in the blog feed; a new word must become findable.
        for (i, file) in ["events/2027/klimadaten-hackathon.md", "projects/urbane-datenplattform.md", "pages/barrierefreiheit.md",
                          "strategy.md", "pages/ohne-zusammenfassung.md"].enumerated() {
            let word = "zauberwort\(i + 1)"
            try edit(file) { $0 + "\nEin weiterer Satz für die Suche: \(word).\n" }
            let report = expectSameAsClean("text of \(file)")
            // The page, its text file and document chunk, the term shards it changes, the manifest.
            #expect(report.rendered == 1 && report.written >= 3 && report.written < 7,
                    "\(file): \(report.rendered) rendered, \(report.written) written")
            #expect(searchIndex(output).contains("\"\(word)\""), "\(file)")
        }

        // A word taken out again leaves the index; the excerpt of a page without summary follows its text.
        try edit("pages/ohne-zusammenfassung.md") {
            $0.replacingOccurrences(of: "\nEin weiterer Satz für die Suche: zauberwort5.\n", with: "")
                .replacingOccurrences(of: "Dieser Text beginnt", with: "Ein neuer Anfang beginnt")
        }
        #expect(expectSameAsClean("word removed, excerpt changed").rendered == 1)
        #expect(!searchIndex(output).contains("zauberwort5"))
        #expect(searchIndex(output).contains("Ein neuer Anfang beginnt"))

        // Two texts at once, one with a link to another item and a new warning-free image-less table.
        try edit("projects/urbane-datenplattform.md") { $0 + "\nSiehe auch [das Hackathon](../events/2027/klimadaten-hackathon.md).\n" }
        try edit("events/2027/klimadaten-hackathon.md") { $0 + "\n| A | B |\n|---|---|\n| 1 | 2 |\n" }
        let two = expectSameAsClean("two texts")
        #expect(two.rendered == 2)

        // Raw HTML gives a warning, which the mended build reports as a full one does.
        try edit("pages/barrierefreiheit.md") { $0 + "\nText mit <b>rohem</b> HTML.\n" }
        let warned = expectSameAsClean("raw HTML warning")
        #expect(warned.diagnostics.contains { $0.message.contains("raw HTML") })
        try edit("pages/barrierefreiheit.md") { $0.replacingOccurrences(of: "\nText mit <b>rohem</b> HTML.\n", with: "") }
        #expect(expectSameAsClean("warning gone").diagnostics.isEmpty)

        // Written again with the same bytes: nothing to do.
        try edit("strategy.md") { $0 }
        let same = expectSameAsClean("touched only")
        #expect(same.upToDate && same.written == 0)
    }

    @Test func everyOtherKindOfChangeGivesTheBytesOfACleanBuild() throws {
        expectSameAsClean("first build")
        let steps: [(String, () throws -> Void)] = [
            // A new heading gives the page a new id other pages could link to.
            ("heading", { try edit("projects/urbane-datenplattform.md") { $0 + "\n## Neuer Abschnitt\n\nText.\n" } }),
            ("front matter", { try edit("projects/urbane-datenplattform.md") { $0.replacingOccurrences(of: "\ntitle: \"", with: "\ntitle: \"Neu: ") } }),
            // The newest posts are in the blog feed with their text.
            ("post in the feed", { try edit("posts/2026/ausblick-2027.md") { $0 + "\nNoch ein Satz.\n" } }),
            ("template", { try edit(templates + "/page.mustache") { $0 + "\n" } }),
            ("new file", { try "---\ntitle: Neu\n---\nText.\n".write(toFile: content + "/pages/neu.md", atomically: true, encoding: .utf8) }),
            // A broken link is an error: the pipeline reports it, and the output stays.
            ("broken link", { try edit("pages/barrierefreiheit.md") { $0 + "\n[kaputt](gibt-es-nicht.md)\n" } }),
            // Back to the text the output has: nothing to do (checked below).
            ("fixed again", { try edit("pages/barrierefreiheit.md") { $0.replacingOccurrences(of: "\n[kaputt](gibt-es-nicht.md)\n", with: "") } }),
            // A file gone and another come, so the listing is as long as before.
            ("item gone, file added", {
                try FileManager.default.removeItem(atPath: content + "/pages/ohne-zusammenfassung.md")
                try "Notiz".write(toFile: content + "/downloads/notiz.txt", atomically: true, encoding: .utf8)
            }),
            ("image changed", { try edit("images/dekor-wellen.svg") { $0.replacingOccurrences(of: "</svg>", with: "<!-- x --></svg>") } }),
            // A text and the layout at once.
            ("text and layout", {
                try edit("pages/kontakt.md") { $0 + "\nNoch ein Satz.\n" }
                try edit(templates + "/base.mustache") { $0.replacingOccurrences(of: "<body>", with: "<body class=\"x\">") }
            }),
        ]
        for (name, step) in steps {
            try step()
            let report = expectSameAsClean(name)
            if name == "fixed again" { #expect(report.upToDate) } else { #expect(!report.upToDate, "\(name)") }
        }
        try edit("pages/kontakt.md") { $0 + "\nUnd noch einer.\n" }
        #expect(expectSameAsClean("text after the others").rendered == 1)
    }

    @Test func strictModeFailsOnANewWarningAndLeavesTheOutput() throws {
        expectSameAsClean("first build")
        // Raw HTML is left out with a warning, not an error.
        try edit("pages/barrierefreiheit.md") { $0 + "\nText mit <b>rohem</b> HTML.\n" }
        let before = files(output)
        let strict = builder(output: output, strict: true).build()
        #expect(!strict.diagnostics.isEmpty)
        #expect(files(output) == before)
        // Without --strict the same change is built.
        #expect(expectSameAsClean("not strict").succeeded)
    }
}
