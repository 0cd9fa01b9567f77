import Foundation
import Testing
@testable import SiteGen

/// `sitegen build` keeps a store beside its output, so the next build (a new process) renders only
/// the pages a change touched and takes the other files over from the last output. After every
/// kind of change, the output must be byte for byte what a clean build makes.
@Suite(.serialized) struct PersistentCacheTests {
    let content: String
    let templates: String
    let root: String

    init() throws {
        content = TestSupport.copyOfExampleContent()
        root = TestSupport.temporaryFolder("persistent-cache")
        templates = root + "/Templates"
        try FileManager.default.copyItem(atPath: TestSupport.templates, toPath: templates)
    }

    var output: String { root + "/public" }
    var cacheFile: String { BuildStore.path(forOutput: output) }

    func builder(output: String, clean: Bool = false) -> Builder {
        var builder = Builder(location: SiteLocation(content: content, templates: templates, output: output),
                              options: BuildOptions(now: TestSupport.now, baseURL: "https://smartcity.example.org/"))
        builder.clean = clean
        return builder
    }

    func files(_ folder: String) -> [String: Data] { TestSupport.files(folder) }

    /// Builds into the kept output (with its cache) and into a new folder from nothing; both must agree.
    /// - Returns: the pages the incremental build rendered.
    @discardableResult
    func expectSameAsClean(_ change: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let before = files(output)
        let incremental = builder(output: output).build()
        let freshFolder = root + "/fresh-\(UUID().uuidString)"
        let fresh = builder(output: freshFolder, clean: true).build()
        defer { try? FileManager.default.removeItem(atPath: freshFolder) }
        // Messages about pages name the output folder each build was given.
        let freshMessages = fresh.diagnostics.map { d -> Diagnostic in
            var d = d
            if d.file.hasPrefix(freshFolder + "/") { d.file = output + d.file.dropFirst(freshFolder.count) }
            return d
        }
        #expect(incremental.diagnostics == freshMessages.sorted(), "\(change)", sourceLocation: sourceLocation)
        guard fresh.succeeded else {
            // A failed build leaves the output (and the cache that describes it) as it was.
            #expect(!incremental.succeeded && files(output) == before, "\(change)", sourceLocation: sourceLocation)
            return 0
        }
        let a = files(output), b = files(freshFolder)
        let differing = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
        #expect(!a.isEmpty, "\(change): no output", sourceLocation: sourceLocation)
        #expect(differing.isEmpty, "\(change): differs from a clean build in \(differing.prefix(5))", sourceLocation: sourceLocation)
        #expect(FileManager.default.fileExists(atPath: cacheFile), "\(change): cache saved", sourceLocation: sourceLocation)
        return incremental.upToDate ? 0 : incremental.rendered
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        let file = path.hasPrefix("/") ? path : content + "/" + path
        try change(try String(contentsOfFile: file, encoding: .utf8)).write(toFile: file, atomically: true, encoding: .utf8)
    }

    @Test func everyKindOfChangeGivesTheBytesOfACleanBuild() throws {
        let total = expectSameAsClean("first build")
        #expect(total > 70)

        // A sentence added to a post: its page only; the feed and the search index are files.
        try edit("posts/2025/klimamessnetz-komplett.md") { $0 + "\nEin neuer Satz am Ende.\n" }
        #expect(expectSameAsClean("post body") == 1)

        // The text of one document of each kind (the newest post is in the feed, the field's text
        // is on its page, the page's in the search): its own page only.
        for file in ["events/2027/klimadaten-hackathon.md", "projects/urbane-datenplattform.md", "pages/barrierefreiheit.md",
                     "fields/daten-und-plattformen.md", "strategy.md", "posts/2026/ausblick-2027.md"] {
            try edit(file) { $0 + "\nEin weiterer Satz für die Suche: Wasserstoffbus.\n" }
            #expect(expectSameAsClean("text of \(file)") == 1, "\(file)")
        }

        try edit("posts/2025/klimamessnetz-komplett.md") { $0.replacingOccurrences(of: "\ntitle: \"", with: "\ntitle: \"Neu: ") }
        let title = expectSameAsClean("post title")
        #expect(title > 1 && title < total / 2)

        try edit(templates + "/partials/card-post.mustache") { $0.replacingOccurrences(of: "card-body", with: "card-body card-body-x") }
        let card = expectSameAsClean("card template")
        #expect(card > 5 && card < total)

        try edit(templates + "/base.mustache") { $0.replacingOccurrences(of: "<body>", with: "<body class=\"x\">") }
        #expect(expectSameAsClean("layout") == total)

        try FileManager.default.moveItem(atPath: content + "/posts/2024/klimamessnetz-startet.md",
                                         toPath: content + "/posts/2024/klimamessnetz-beginnt.md")
        expectSameAsClean("link target renamed (broken link)")
        try FileManager.default.moveItem(atPath: content + "/posts/2024/klimamessnetz-beginnt.md",
                                         toPath: content + "/posts/2024/klimamessnetz-startet.md")
        expectSameAsClean("link target back")

        try "---\ntitle: Ganz neu\ndate: 2026-11-25T09:00:00+01:00\nfields: [daten-und-plattformen]\n---\nText mit <b>HTML</b> und [Link](../2025/klimamessnetz-komplett.md).\n"
            .write(toFile: content + "/posts/2026/ganz-neu.md", atomically: true, encoding: .utf8)
        #expect(expectSameAsClean("new post") > 1)
        // A post deleted again: its page and folder go.
        try FileManager.default.removeItem(atPath: content + "/posts/2026/ganz-neu.md")
        expectSameAsClean("post deleted")
        #expect(!FileManager.default.fileExists(atPath: output + "/blog/2026/ganz-neu"))
        try "---\ntitle: Ganz neu\ndate: 2026-11-25T09:00:00+01:00\nfields: [daten-und-plattformen]\n---\nText mit <b>HTML</b> und [Link](../2025/klimamessnetz-komplett.md).\n"
            .write(toFile: content + "/posts/2026/ganz-neu.md", atomically: true, encoding: .utf8)
        expectSameAsClean("post back")
        // Raw HTML on: the same Markdown texts render differently.
        try edit("site.yml") { $0.replacingOccurrences(of: "unsafe_html: false", with: "unsafe_html: true") }
        expectSameAsClean("unsafe_html")
        // A heading another page links to is renamed: the linking page, unchanged itself, must
        // now report the missing anchor; a blank line above it moves the message's line.
        try edit("projects/urbane-datenplattform.md") { $0.replacingOccurrences(of: "## Lösung", with: "## Die Lösung") }
        _ = expectSameAsClean("anchor target renamed")
        try edit("posts/2024/open-data-490-datensaetze.md") { $0.replacingOccurrences(of: "\n---\n", with: "\n---\n\n") }
        _ = expectSameAsClean("lines moved")
        try edit("projects/urbane-datenplattform.md") { $0.replacingOccurrences(of: "## Die Lösung", with: "## Lösung") }
        _ = expectSameAsClean("anchor target back")

        // A download's format and size are in the text of the links to it: a bigger file, new text.
        try edit("posts/2025/klimamessnetz-komplett.md") { $0 + "\nDie [Strategie](../../downloads/smart-city-strategie-dos-2030.pdf) zum Nachlesen.\n" }
        expectSameAsClean("download linked")
        let postPage = output + "/blog/2025/klimamessnetz-komplett/index.html"
        #expect(try String(contentsOfFile: postPage, encoding: .utf8).contains(">Strategie (PDF, 31 KB)</a>"))
        let pdf = URL(fileURLWithPath: content + "/downloads/smart-city-strategie-dos-2030.pdf")
        try (try Data(contentsOf: pdf) + Data(repeating: 10, count: 2_500_000)).write(to: pdf)
        #expect(expectSameAsClean("download replaced") >= 2, "the post and the strategy page show the new size")
        #expect(try String(contentsOfFile: postPage, encoding: .utf8).contains(">Strategie (PDF, 2,5 MB)</a>"))

        // A deleted page other pages link to: the build fails and the output stays; then it comes back.
        let kontakt = try String(contentsOfFile: content + "/pages/kontakt.md", encoding: .utf8)
        try FileManager.default.removeItem(atPath: content + "/pages/kontakt.md")
        expectSameAsClean("deleted page")
        try kontakt.write(toFile: content + "/pages/kontakt.md", atomically: true, encoding: .utf8)
        expectSameAsClean("page back")
        try edit(templates + "/i18n/de.yml") { $0.replacingOccurrences(of: "Startseite", with: "Start") }
        expectSameAsClean("UI strings")
        // A key renamed, with its value as it was, and back: the pages that show it change both times.
        let key = "\n  format: \"Format\"\n  registration: "
        try edit(templates + "/i18n/de.yml") { text in
            #expect(text.contains(key))
            return text.replacingOccurrences(of: key, with: "\n  formt: \"Format\"\n  registration: ")
        }
        #expect(expectSameAsClean("UI string key renamed") > 0)
        try edit(templates + "/i18n/de.yml") { $0.replacingOccurrences(of: "\n  formt: \"Format\"", with: "\n  format: \"Format\"") }
        #expect(expectSameAsClean("UI string key back") > 0)
    }

    @Test func aPageChangedOrRemovedInTheOutputIsWrittenAgain() throws {
        expectSameAsClean("first build")
        let page = output + "/blog/index.html"
        try "kaputt".write(toFile: page, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: output + "/impressum/index.html")
        // Some input must change, or the build stops before rendering (nothing changed).
        try edit("posts/2025/klimamessnetz-komplett.md") { $0 + "\nNoch ein Satz.\n" }
        #expect(expectSameAsClean("output files damaged") == 3)
    }

    /// A same-sized older version put back with its modification time (`cp -p`, `rsync -t`,
    /// `touch -r`) is noticed: the status change time moves with every write.
    @Test func anEditWithItsModificationTimeSetBackIsNoticed() throws {
        expectSameAsClean("first build")
        let file = content + "/posts/2025/klimamessnetz-komplett.md"
        var before = stat()
        #expect(stat(file, &before) == 0)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "Klima", with: "KLIMA")
        #expect(changed != text && changed.utf8.count == text.utf8.count)
        usleep(20_000)
        try changed.write(toFile: file, atomically: false, encoding: .utf8)
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, file, &times, 0) == 0)
        #expect(expectSameAsClean("same size, modification time set back") > 0)
        let page = try String(contentsOfFile: output + "/blog/2025/klimamessnetz-komplett/index.html", encoding: .utf8)
        #expect(page.contains("KLIMA"))
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let total = expectSameAsClean("first build")
        var bytes = try #require(FileManager.default.contents(atPath: cacheFile))
        bytes.count /= 2
        try bytes.write(to: URL(fileURLWithPath: cacheFile))
        #expect((try? StoredBuild(Array(bytes)))?.cache() == nil)
        try edit("posts/2025/klimamessnetz-komplett.md") { $0 + "\nNoch ein Satz.\n" }
        #expect(expectSameAsClean("damaged cache") == total)
        // Saved again: the next change renders one page.
        try edit("posts/2025/klimamessnetz-komplett.md") { $0 + "\nUnd noch einer.\n" }
        #expect(expectSameAsClean("after the damaged cache") == 1)
    }

    @Test func damagedBytesAnywhereNeverCrashTheReader() throws {
        expectSameAsClean("first build")
        let bytes = Array(try #require(FileManager.default.contents(atPath: cacheFile)))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var damaged = bytes
            let at = Int.random(in: 0..<damaged.count, using: &generator)
            damaged[at] ^= UInt8.random(in: 1...255, using: &generator)
            _ = (try? StoredBuild(damaged))?.cache()  // nil or a cache; never a trap
            _ = (try? StoredBuild(Array(damaged.prefix(at))))?.cache()
        }
    }

    /// After an edit to one post, the sections the edit left alone are saved as they were read,
    /// and the store is exactly what encoding every section anew gives.
    @Test func sectionsAnEditLeavesAloneAreSavedAsTheyWere() throws {
        expectSameAsClean("first build")
        let before = try StoredBuild(Array(try #require(FileManager.default.contents(atPath: cacheFile))))
        try edit("posts/2025/klimamessnetz-komplett.md") { $0 + "\nNoch ein Satz mit Zaunkönigen.\n" }
        #expect(expectSameAsClean("one post edited") == 1)
        let after = try StoredBuild(Array(try #require(FileManager.default.contents(atPath: cacheFile))))
        let cache = try #require(after.cache())
        #expect(Array(cache.encodedTables(reusingStored: false).joined()) == after.tables)
        // The edit touched one bucket of the Markdown and page tables, plus the small sections.
        let (old, new) = (try sections(before.tables), try sections(after.tables))
        let same = zip(old, new).filter { $0.0 == $0.1 }.count
        let changed = zip(old, new).enumerated().filter { $0.element.0 != $0.element.1 }.map { StoreSection.all[$0.offset] }
        #expect(same >= StoreSection.all.count - 6, "\(same) of \(StoreSection.all.count) sections unchanged; changed: \(changed)")
        #expect(same < StoreSection.all.count)
    }

    private func sections(_ tables: [UInt8]) throws -> [[UInt8]] {
        let count = Int(readLittleEndian(tables, at: 0))
        var start = 8 * (count + 1)
        return (0..<count).map { i in
            let length = Int(readLittleEndian(tables, at: 8 * (i + 1)))
            defer { start += length }
            return Array(tables[start..<start + length])
        }
    }

    @Test func aSavedCacheReadsBackAsItWasWritten() throws {
        expectSameAsClean("first build")
        let bytes = try #require(FileManager.default.contents(atPath: cacheFile))
        let stored = try StoredBuild(Array(bytes))
        let cache = try #require(stored.cache())
        let encodesTheSame = Array(cache.encodedTables().joined()) == stored.tables
        #expect(encodesTheSame)
        // Saved again through a file system in memory: the same bytes.
        let memory = MemoryFileSystem()
        try memory.makeFolder("/x")
        let store = BuildStore(output: "/x/public", fileSystem: memory)
        let saved = store.save(stored.record, tables: cache.encodedTables())
        let same = (try? memory.readFile(store.path)) == Array(bytes)
        #expect(saved && same)
        #expect(cache.tables.pages.count > 70)
        // Front matter of every document, with lists and nested maps.
        #expect(cache.tables.yaml.count > 70)
        let trees = cache.tables.yaml.values.compactMap { BuildCache.yamlValue($0) }
        #expect(trees.count == cache.tables.yaml.count)
        #expect(trees.contains { if case .map(let m)? = $0 { return m.entries.contains { if case .list = $0.value { true } else { false } } } else { return false } })
        #expect(cache.tables.markdown.values.contains { !$0.search.terms.isEmpty && !$0.headings.isEmpty })
    }

    /// Each entry is stored once: a page twice in a section, or in two sections, is damage, and
    /// so is a page whose ids are out of order (they are found by binary search).
    @Test func aPageStoredTwiceOrWithUnsortedIdsIsDamage() throws {
        // Inside other bytes, as a section lies in the store file.
        func pagesSection(_ entries: [(path: String, ids: [String])]) -> ArraySlice<UInt8> {
            var w = ByteWriter()
            w.int(entries.count)
            for entry in entries {
                w.string(entry.path)
                w.u64(1); w.u64(2); w.int(3)
                w.strings(["/a/"]); w.strings([]); w.strings(entry.ids); w.strings([])
            }
            return ([0xEE, 0xEE] + w.finish() + [0xEE])[2...].dropLast()
        }
        var tables = DecodedTables()
        try tables.add(try BuildCache.decode(.pages(0), pagesSection([("a/index.html", ["x", "y"]), ("b/index.html", [])])))
        #expect(tables.pages["a/index.html"]?.refs.ids.contains("y") == true)
        #expect(throws: ByteReader.Damaged.self) { try tables.add(try BuildCache.decode(.pages(1), pagesSection([("a/index.html", [])]))) }
        var fresh = DecodedTables()
        #expect(throws: ByteReader.Damaged.self) {
            try fresh.add(try BuildCache.decode(.pages(0), pagesSection([("c/index.html", []), ("c/index.html", [])])))
        }
        #expect(throws: ByteReader.Damaged.self) { try BuildCache.decode(.pages(0), pagesSection([("d/index.html", ["y", "x"])])) }
    }
}
