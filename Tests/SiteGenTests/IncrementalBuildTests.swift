import Foundation
import Testing
@testable import SiteGen

/// A build that reuses an earlier build's cache must give exactly the bytes of a build from
/// nothing, after every kind of change, while rendering only the pages that depend on it.
@Suite(.serialized) struct IncrementalBuildTests {
    let content: String
    let templates: String
    let cache = BuildCache()

    init() throws {
        content = TestSupport.copyOfExampleContent()
        templates = TestSupport.temporaryFolder("templates-copy") + "/Templates"
        try FileManager.default.copyItem(atPath: TestSupport.templates, toPath: templates)
    }

    func build(cached: Bool) -> (BuildReport, [String: [UInt8]]) {
        var builder = Builder(location: SiteLocation(content: content, templates: templates, output: "/unused"),
                              options: BuildOptions(now: TestSupport.now, baseURL: "https://smartcity.example.org/"))
        if cached { builder.cache = cache }
        let sink = MemorySink()
        let (report, _) = builder.run(into: sink)
        return (report, sink.files)
    }

    /// Builds with the cache and from nothing; both must agree in files and messages.
    func expectSameAsFresh(_ change: String, sourceLocation: SourceLocation = #_sourceLocation) -> (rendered: Int, reused: Int) {
        let (incremental, incrementalFiles) = build(cached: true)
        let (fresh, freshFiles) = build(cached: false)
        let differing = Set(incrementalFiles.keys).union(freshFiles.keys).filter { incrementalFiles[$0] != freshFiles[$0] }.sorted()
        #expect(differing.isEmpty, "\(change): differs from a fresh build in \(differing.prefix(5))", sourceLocation: sourceLocation)
        #expect(incremental.diagnostics == fresh.diagnostics, "\(change)", sourceLocation: sourceLocation)
        return (cache.renderedPages, cache.reusedPages)
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        let file = path.hasPrefix("/") ? path : content + "/" + path
        try change(try String(contentsOfFile: file, encoding: .utf8)).write(toFile: file, atomically: true, encoding: .utf8)
    }

    /// The preview server's rebuild reads only the Markdown files that were written since: the
    /// others are known by their stamp (modification time, inode) and size.
    @Test func aRebuildReadsOnlyTheFilesThatWereWritten() throws {
        final class CountingFileSystem: ForwardingFileSystem, @unchecked Sendable {
            let disk = LocalFileSystem()
            let lock = NSLockLite()
            var markdownReads: [String] = []
            func pick(_ path: String) -> any FileSystem { disk }
            func readFile(_ path: String) throws -> [UInt8] {
                if path.hasSuffix(".md") { lock.locked { markdownReads.append(path) } }
                return try disk.readFile(path)
            }
        }
        let fs = CountingFileSystem()
        func rebuild() -> [String: [UInt8]] {
            var builder = Builder(location: SiteLocation(content: content, templates: templates, output: "/unused"),
                                  options: BuildOptions(now: TestSupport.now, baseURL: "https://smartcity.example.org/"), fileSystem: fs)
            builder.cache = cache
            let sink = MemorySink(fileSystem: fs)
            _ = builder.run(into: sink)
            return sink.files
        }
        _ = rebuild()
        #expect(fs.markdownReads.count > 50)
        fs.lock.locked { fs.markdownReads = [] }
        try edit("posts/2025/brueckensensoren-in-betrieb.md") { $0.replacingOccurrences(of: "Wittekindstraße", with: "Wittekind-Straße") }
        let files = rebuild()
        let read = fs.lock.locked { fs.markdownReads }
        // The edited file; the link check may read a page's text again for a message's line.
        #expect(read.contains(content + "/posts/2025/brueckensensoren-in-betrieb.md"))
        #expect(Set(read).count <= 3, "\(read)")
        #expect(files["blog/2025/brueckensensoren-in-betrieb/index.html"].map { String(decoding: $0, as: UTF8.self).contains("Wittekind-Straße") } == true)
        _ = expectSameAsFresh("one post edited, the others known by their stamps")
    }

    @Test func everyKindOfChangeGivesTheBytesOfAFreshBuild() throws {
        let first = expectSameAsFresh("first build")
        #expect(first.reused == 0 && first.rendered > 70)
        let total = first.rendered

        let unchanged = expectSameAsFresh("no change")
        #expect(unchanged.rendered == 0 && unchanged.reused == total)

        // A sentence added to a post: that post's page only (feeds and search are files, not pages).
        try edit("posts/2025/klimamessnetz-komplett.md") { $0 + "\nEin neuer Satz am Ende.\n" }
        let body = expectSameAsFresh("post body")
        #expect(body.rendered == 1)

        // The text of one document of each kind (the newest post is in the feed, the field's text
        // is on its page, the page's in the search): its own page only.
        for file in ["events/2027/klimadaten-hackathon.md", "projects/urbane-datenplattform.md", "pages/barrierefreiheit.md",
                     "fields/daten-und-plattformen.md", "strategy.md", "posts/2026/ausblick-2027.md"] {
            try edit(file) { $0 + "\nEin weiterer Satz für die Suche: Wasserstoffbus.\n" }
            #expect(expectSameAsFresh("text of \(file)").rendered == 1, "\(file)")
            #expect(cache.reusedWithoutView == total - 1, "\(file): other pages' views not made")
        }

        // A new title shows in lists, neighbours and related posts: more pages, still not all.
        try edit("posts/2025/klimamessnetz-komplett.md") { $0.replacingOccurrences(of: "\ntitle: \"", with: "\ntitle: \"Neu: ") }
        let title = expectSameAsFresh("post title")
        #expect(title.rendered > 1 && title.rendered < total / 2)

        // A card partial: the list pages use it, the post pages do not.
        try edit(templates + "/partials/card-post.mustache") { $0.replacingOccurrences(of: "card-body", with: "card-body card-body-x") }
        let card = expectSameAsFresh("card template")
        #expect(card.rendered > 5 && card.rendered < total)

        // The layout: every page.
        try edit(templates + "/base.mustache") { $0.replacingOccurrences(of: "<body>", with: "<body class=\"x\">") }
        #expect(expectSameAsFresh("layout").rendered == total)

        // The site header and footer are rendered once per navigation state and inserted whole
        // ({{{chrome.header}}}): their partials reach every page all the same.
        try edit(templates + "/partials/site-header.mustache") { $0.replacingOccurrences(of: "</header>", with: "</header><!-- x -->") }
        #expect(expectSameAsFresh("header partial").rendered == total)
        try edit(templates + "/partials/site-footer.mustache") { $0 + "<!-- y -->\n" }
        #expect(expectSameAsFresh("footer partial").rendered == total)

        // The post a link points at moves: the linking post's Markdown must be rendered again.
        try FileManager.default.moveItem(atPath: content + "/posts/2024/klimamessnetz-startet.md",
                                         toPath: content + "/posts/2024/klimamessnetz-beginnt.md")
        _ = expectSameAsFresh("link target renamed (broken link)")
        try FileManager.default.moveItem(atPath: content + "/posts/2024/klimamessnetz-beginnt.md",
                                         toPath: content + "/posts/2024/klimamessnetz-startet.md")
        _ = expectSameAsFresh("link target back")

        // A heading another page links to is renamed: the linking page, unchanged itself, must
        // now report the missing anchor; a blank line above it moves the message's line.
        try edit("projects/urbane-datenplattform.md") { $0.replacingOccurrences(of: "## Lösung", with: "## Die Lösung") }
        _ = expectSameAsFresh("anchor target renamed")
        try edit("posts/2024/open-data-490-datensaetze.md") { $0.replacingOccurrences(of: "\n---\n", with: "\n---\n\n") }
        _ = expectSameAsFresh("lines moved")
        try edit("projects/urbane-datenplattform.md") { $0.replacingOccurrences(of: "## Die Lösung", with: "## Lösung") }
        _ = expectSameAsFresh("anchor target back")

        // A new post, a deleted page, site.yml, UI strings.
        try "---\ntitle: Ganz neu\ndate: 2026-11-25T09:00:00+01:00\nfields: [daten-und-plattformen]\n---\nText mit [Link](../2025/klimamessnetz-komplett.md).\n"
            .write(toFile: content + "/posts/2026/ganz-neu.md", atomically: true, encoding: .utf8)
        #expect(expectSameAsFresh("new post").rendered > 1)
        try FileManager.default.removeItem(atPath: content + "/pages/kontakt.md")
        _ = expectSameAsFresh("deleted page")
        // The site's title and the English version's (languages:), so every page shows a new one.
        try edit("site.yml") { $0.replacingOccurrences(of: "title: \"", with: "title: \"X ") }
        #expect(expectSameAsFresh("site.yml").reused == 0)
        try edit(templates + "/i18n/de.yml") { $0.replacingOccurrences(of: "Startseite", with: "Start") }
        _ = expectSameAsFresh("UI strings")
    }

    /// The footnotes' heading and way back come from the UI strings, not from the Markdown: a
    /// renamed one reaches the post whose text is unchanged (the cache kept its old HTML).
    @Test func aRenamedFootnoteStringReachesAnUnchangedPost() throws {
        _ = build(cached: true)
        try edit(templates + "/i18n/de.yml") {
            $0.replacingOccurrences(of: "label: \"Fußnoten\"", with: "label: \"Anmerkungen\"")
                .replacingOccurrences(of: "back: \"Zurück zum Text\"", with: "back: \"Zurück zur Stelle\"")
        }
        let (_, files) = build(cached: true)
        let post = files["blog/2023/strategie-beschlossen/index.html"].map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(post.contains(">Anmerkungen</h2>") && post.contains("aria-label=\"Zurück zur Stelle\""))
        _ = expectSameAsFresh("footnote strings")
    }
}
