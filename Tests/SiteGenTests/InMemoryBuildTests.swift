import Foundation
import Testing
@testable import SiteGen

/// `Builder.build` reads and writes only through its file system: the whole incremental cycle
/// (staging, swap, store, plan) runs in memory, and every rebuild equals a clean build.
@Suite struct InMemoryBuildTests {
    let fs = MemoryFileSystem()

    init() throws {
        try Self.copy(TestSupport.exampleContent, to: "/site/content", into: fs)
        try Self.copy(TestSupport.templates, to: "/site/Templates", into: fs)
    }

    /// Every file below a folder on disk, put into memory below `target`.
    static func copy(_ folder: String, to target: String, into fs: MemoryFileSystem) throws {
        for entry in try LocalFileSystem().listFiles(under: folder).files {
            fs.write(target + "/" + entry.relativePath, bytes: try LocalFileSystem().readFile(folder + "/" + entry.relativePath))
        }
    }

    func build(_ output: String, clean: Bool = false) -> BuildReport {
        var builder = Builder(location: SiteLocation(content: "/site/content", templates: "/site/Templates", output: output),
                              options: BuildOptions(now: TestSupport.now, baseURL: "https://smartcity.example.org/"), fileSystem: fs)
        builder.clean = clean
        return builder.build()
    }

    func files(_ folder: String) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: fs.filesBelow(folder).map { ($0, (try? fs.readFile(folder + "/" + $0)) ?? []) })
    }

    /// Builds into `/site/public` with its store and into a fresh folder; both must agree.
    @discardableResult
    func expectSameAsClean(_ change: String, sourceLocation: SourceLocation = #_sourceLocation) -> BuildReport {
        let incremental = build("/site/public")
        let fresh = build("/site/fresh", clean: true)
        defer { fs.removeTree("/site/fresh") }
        #expect(incremental.succeeded && fresh.succeeded, "\(change)", sourceLocation: sourceLocation)
        let a = files("/site/public"), b = files("/site/fresh")
        let differing = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
        #expect(a.count > 100 && differing.isEmpty, "\(change): \(a.count) files, differing \(differing.prefix(5))",
                sourceLocation: sourceLocation)
        return incremental
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        let full = "/site/content/" + path
        fs.write(full, change(String(decoding: try fs.readFile(full), as: UTF8.self)))
    }

    /// After a one-post edit, `sitegen build` reads only that file: the other documents come from
    /// the store (known by stamp and size), their texts read only for a page rendered again.
    @Test func aRebuildFromTheStoreReadsOnlyTheEditedDocument() throws {
        final class CountingFileSystem: ForwardingFileSystem, @unchecked Sendable {
            let memory: MemoryFileSystem
            let lock = NSLockLite()
            var markdownReads: [String] = []
            init(_ memory: MemoryFileSystem) { self.memory = memory }
            func pick(_ path: String) -> any FileSystem { memory }
            func readFile(_ path: String) throws -> [UInt8] {
                if path.hasSuffix(".md") { lock.locked { markdownReads.append(path) } }
                return try memory.readFile(path)
            }
        }
        expectSameAsClean("first build")
        try edit("pages/kontakt.md") { $0 + "\nNoch ein Satz.\n" }
        let counting = CountingFileSystem(fs)
        var builder = Builder(location: SiteLocation(content: "/site/content", templates: "/site/Templates", output: "/site/public"),
                              options: BuildOptions(now: TestSupport.now, baseURL: "https://smartcity.example.org/"), fileSystem: counting)
        builder.clean = false
        let report = builder.build()
        #expect(report.succeeded && report.rendered == 1, "\(report.rendered) pages rendered")
        // The edited file (the link check may read a page's text again for a message's line).
        let read = Set(counting.lock.locked { counting.markdownReads })
        #expect(read.contains("/site/content/pages/kontakt.md"))
        #expect(read.count <= 3, "\(read)")
        // A post of the blog feed edited: the feed's full texts are read again; a new heading
        // another page may link to. Every stored text read when needed gives the clean build's bytes.
        try edit("posts/2025/klimamessnetz-komplett.md") { $0 + "\n## Neue Überschrift\n" }
        expectSameAsClean("a heading added, documents from the store")
    }

    @Test func theIncrementalCycleRunsInMemory() throws {
        let first = expectSameAsClean("first build")
        #expect(first.written == first.files && !first.upToDate)
        #expect(fs.fileExists("/site/.public.sitegen-store"))
        #expect(fs.entries(of: "/site")?.contains { $0.contains("staging") } == false)

        // Nothing changed: the plan says so before anything is read.
        let same = build("/site/public")
        #expect(same.upToDate && same.timings.map(\.stage) == ["check inputs"])

        // One text: one page rendered, a handful of files written (the page, the search index).
        try edit("projects/urbane-datenplattform.md") { $0 + "\nEin neuer Satz mit Zauberwort.\n" }
        let text = expectSameAsClean("one text")
        #expect(text.rendered == 1 && text.written < 8, "\(text.rendered) rendered, \(text.written) written")

        // Written again with the same bytes: the stamp is new, the output the same.
        try edit("projects/urbane-datenplattform.md") { $0 }
        #expect(build("/site/public").upToDate)
        #expect(build("/site/public").timings.map(\.stage) == ["check inputs"])

        // A post gone: its page and every list that showed it follow.
        try fs.remove("/site/content/posts/2025/klimamessnetz-komplett.md")
        let gone = expectSameAsClean("post removed")
        #expect(!fs.fileExists("/site/public/blog/2025/klimamessnetz-komplett/index.html") && gone.rendered > 1)

        // A template: every page that uses it.
        fs.write("/site/Templates/page.mustache", String(decoding: try fs.readFile("/site/Templates/page.mustache"), as: UTF8.self) + "\n")
        expectSameAsClean("template")
    }

    @Test func aDamagedStoreMeansAFullBuild() throws {
        expectSameAsClean("first build")
        let bytes = try fs.readFile("/site/.public.sitegen-store")
        fs.write("/site/.public.sitegen-store", bytes: Array(bytes.prefix(bytes.count / 3)))
        try edit("pages/kontakt.md") { $0 + "\nNoch ein Satz.\n" }
        let report = expectSameAsClean("damaged store")
        #expect(report.rendered == report.pages)
    }
}

/// A one-shot command's build leaves its large values to the system at exit; the preview
/// server's (the default) frees them, and both builds write the same output.
@Suite(.serialized) struct LeftUntilExitTests {
    @Test func onlyABuildThatDoesNotFreeLeavesValuesUntilExit() throws {
        let fs = MemoryFileSystem()
        try InMemoryBuildTests.copy(TestSupport.exampleContent, to: "/site/content", into: fs)
        try InMemoryBuildTests.copy(TestSupport.templates, to: "/site/Templates", into: fs)
        func build(_ output: String, frees: Bool) -> BuildReport {
            var builder = Builder(location: SiteLocation(content: "/site/content", templates: "/site/Templates", output: output),
                                  options: BuildOptions(now: TestSupport.now, baseURL: "https://smartcity.example.org/"), fileSystem: fs)
            builder.freesMemoryAfterBuild = frees
            return builder.build()
        }
        let before = LeftUntilExit.count
        #expect(build("/site/a", frees: true).succeeded)
        #expect(LeftUntilExit.count == before)
        #expect(build("/site/b", frees: false).succeeded)
        #expect(LeftUntilExit.count > before)
        let a = fs.filesBelow("/site/a").sorted(), b = fs.filesBelow("/site/b").sorted()
        #expect(a.count > 100 && a == b, "\(Set(a).symmetricDifference(b).sorted().prefix(5))")
        for path in a { #expect(try fs.readFile("/site/a/" + path) == fs.readFile("/site/b/" + path), "\(path)") }
    }
}
