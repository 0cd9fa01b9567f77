import Foundation
import Testing
@testable import SiteGen

/// When only Markdown texts changed, `sitegen build` mends the pages and the search index in
/// place (`TextOnlyRebuild`) instead of running the pipeline. Its output must be byte for byte a
/// clean build's, and whenever it cannot be sure of that it must step aside.
@Suite(.serialized) struct TextOnlyRebuildTests {
    let content: String
    let templates: String
    let root: String

    init() throws {
        content = TestSupport.copyOfExampleContent()
        root = TestSupport.temporaryFolder("text-only")
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

    @Test func aChangedTextIsMendedInPlaceAndGivesTheBytesOfACleanBuild() throws {
        #expect(!expectSameAsClean("first build").textOnlyRebuild)

        // One document of each kind that is not in the blog feed; a new word must become findable.
        for (i, file) in ["events/2027/klimadaten-hackathon.md", "projects/urbane-datenplattform.md", "pages/barrierefreiheit.md",
                          "strategy.md", "pages/ohne-zusammenfassung.md"].enumerated() {
            let word = "zauberwort\(i + 1)"
            try edit(file) { $0 + "\nEin weiterer Satz für die Suche: \(word).\n" }
            let report = expectSameAsClean("text of \(file)")
            #expect(report.textOnlyRebuild, "\(file)")
            #expect(report.rendered == 1 && report.written >= 2 && report.written < 6, "\(file): \(report.written) written")
            #expect(searchIndex(output).contains("\"\(word)\""), "\(file)")
        }

        // A word taken out again leaves the index; the excerpt of a page without summary follows its text.
        try edit("pages/ohne-zusammenfassung.md") {
            $0.replacingOccurrences(of: "\nEin weiterer Satz für die Suche: zauberwort5.\n", with: "")
                .replacingOccurrences(of: "Dieser Text beginnt", with: "Ein neuer Anfang beginnt")
        }
        #expect(expectSameAsClean("word removed, excerpt changed").textOnlyRebuild)
        #expect(!searchIndex(output).contains("zauberwort5"))
        #expect(searchIndex(output).contains("Ein neuer Anfang beginnt"))

        // Two texts at once, one with a link to another item and a new warning-free image-less table.
        try edit("projects/urbane-datenplattform.md") { $0 + "\nSiehe auch [das Hackathon](../events/2027/klimadaten-hackathon.md).\n" }
        try edit("events/2027/klimadaten-hackathon.md") { $0 + "\n| A | B |\n|---|---|\n| 1 | 2 |\n" }
        let two = expectSameAsClean("two texts")
        #expect(two.textOnlyRebuild && two.rendered == 2)

        // Raw HTML gives a warning, which the mended build reports as a full one does.
        try edit("pages/barrierefreiheit.md") { $0 + "\nText mit <b>rohem</b> HTML.\n" }
        let warned = expectSameAsClean("raw HTML warning")
        #expect(warned.textOnlyRebuild && warned.diagnostics.contains { $0.message.contains("raw HTML") })
        try edit("pages/barrierefreiheit.md") { $0.replacingOccurrences(of: "\nText mit <b>rohem</b> HTML.\n", with: "") }
        #expect(expectSameAsClean("warning gone").textOnlyRebuild)

        // Written again with the same bytes: nothing to do.
        try edit("strategy.md") { $0 }
        let same = expectSameAsClean("touched only")
        #expect(same.textOnlyRebuild && same.upToDate && same.written == 0)
    }

    @Test func itStepsAsideWhenMoreThanTheTextCouldChange() throws {
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
            if name == "fixed again" {
                #expect(report.textOnlyRebuild && report.upToDate)
            } else {
                #expect(!report.textOnlyRebuild, "\(name)")
                // --verbose says why.
                let expected = ["heading": "headings", "front matter": "front matter of", "post in the feed": "post outside the blog feed",
                                "template": "template", "new file": "added or removed", "broken link": "has an error",
                                "item gone, file added": "added or removed", "image changed": "not the text of",
                                "text and layout": "template"][name]
                #expect(report.textOnlyStepAside?.contains(expected ?? "?") == true, "\(name): \(report.textOnlyStepAside ?? "nil")")
            }
        }
        // After the pipeline ran, a text change is mended in place again.
        try edit("pages/kontakt.md") { $0 + "\nUnd noch einer.\n" }
        #expect(expectSameAsClean("text after pipeline").textOnlyRebuild)
    }

    @Test func theCacheForgetsWhatAMendedBuildChanged() throws {
        expectSameAsClean("first build")
        // A word of the same length: the page file keeps its size, and a file checked by its size
        // alone would look right.
        try edit("projects/urbane-datenplattform.md") { $0.replacingOccurrences(of: "technische Rückgrat", with: "technische Rückhalt") }
        #expect(expectSameAsClean("same length").textOnlyRebuild)
        // The text back as the cache (of the first build) knows it, and a template touched so the
        // pipeline runs: the cache must not take over the mended page or search index.
        try edit("projects/urbane-datenplattform.md") { $0.replacingOccurrences(of: "technische Rückhalt", with: "technische Rückgrat") }
        try edit(templates + "/page.mustache") { $0 + "\n" }
        let back = expectSameAsClean("back, through the pipeline")
        #expect(!back.textOnlyRebuild && back.rendered >= 1)
        #expect(!FileManager.default.fileExists(atPath: BuildCache.stalePath(BuildCache.path(forOutput: output))))
        try edit("projects/urbane-datenplattform.md") { $0.replacingOccurrences(of: "technische Rückgrat", with: "technische Rückhalt") }
        #expect(expectSameAsClean("mended again").textOnlyRebuild)
        #expect(FileManager.default.fileExists(atPath: BuildCache.stalePath(BuildCache.path(forOutput: output))))

        // The stale list is damaged: the cache is not trusted at all.
        try "nonsense".write(toFile: BuildCache.stalePath(BuildCache.path(forOutput: output)), atomically: true, encoding: .utf8)
        #expect(BuildCache.read(BuildCache.path(forOutput: output)) == nil)
        try edit(templates + "/page.mustache") { $0 + "\n" }
        #expect(expectSameAsClean("after damaged stale list").rendered > 70)
    }

    @Test func strictModeFailsOnANewWarningAndLeavesTheOutput() throws {
        expectSameAsClean("first build")
        // Raw HTML is left out with a warning, not an error.
        try edit("pages/barrierefreiheit.md") { $0 + "\nText mit <b>rohem</b> HTML.\n" }
        let before = files(output)
        let strict = builder(output: output, strict: true).build()
        #expect(strict.textOnlyRebuild && !strict.diagnostics.isEmpty)
        #expect(files(output) == before)
        // Without --strict the same change is built.
        #expect(expectSameAsClean("not strict").textOnlyRebuild)
    }

    @Test func theJournalIsAppliedFoldedAndDistrusted() throws {
        expectSameAsClean("first build")
        let path = TextOnlyState.path(forOutput: output)
        let journal = TextOnlyState.journalPath(path)
        let base = try #require(FileManager.default.contents(atPath: path))
        // Each mended build appends to the journal; the state file stays as the pipeline wrote it.
        for n in 1...3 {
            try edit("projects/urbane-datenplattform.md") { $0 + "\nSatz \(n).\n" }
            #expect(expectSameAsClean("journal \(n)").textOnlyRebuild)
        }
        let grown = try #require(FileManager.default.contents(atPath: journal))
        #expect(FileManager.default.contents(atPath: path) == base)
        let state = try #require(TextOnlyState.read(path))
        #expect(state.journalSize == grown.count)
        #expect(state.item("projects/urbane-datenplattform.md")?.textHash
                == ContentHash.of(try FrontMatter.split(String(contentsOfFile: content + "/projects/urbane-datenplattform.md", encoding: .utf8)).body))

        // Past its limit the journal is folded into the state.
        var folding = builder(output: output)
        folding.textJournalLimit = 0
        try edit("projects/urbane-datenplattform.md") { $0 + "\nSatz 4.\n" }
        #expect(folding.build().textOnlyRebuild)
        #expect(!FileManager.default.fileExists(atPath: journal))
        #expect(FileManager.default.contents(atPath: path) != base)
        try edit("projects/urbane-datenplattform.md") { $0 + "\nSatz 5.\n" }
        #expect(expectSameAsClean("after folding").textOnlyRebuild)

        // A torn journal (a build stopped while appending): the state is not used.
        let whole = try #require(FileManager.default.contents(atPath: journal))
        try whole.prefix(whole.count - 3).write(to: URL(fileURLWithPath: journal))
        #expect(TextOnlyState.read(path) == nil)
        try edit("projects/urbane-datenplattform.md") { $0 + "\nSatz 6.\n" }
        #expect(!expectSameAsClean("torn journal").textOnlyRebuild)
        #expect(!FileManager.default.fileExists(atPath: journal))
    }

    @Test func aDamagedStateIsIgnored() throws {
        expectSameAsClean("first build")
        let path = TextOnlyState.path(forOutput: output)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let state = try TextOnlyState.decode(Array(bytes))
        #expect(state.encoded() == Array(bytes))
        #expect(state.item("projects/urbane-datenplattform.md") != nil)
        // Truncated: the pipeline builds.
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        try edit("projects/urbane-datenplattform.md") { $0 + "\nNoch ein Satz.\n" }
        #expect(!expectSameAsClean("truncated state").textOnlyRebuild)
        // Random bytes flipped never trap the reader.
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var damaged = Array(bytes)
            damaged[Int.random(in: 0..<damaged.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
            _ = try? TextOnlyState.decode(damaged)
        }
    }
}
