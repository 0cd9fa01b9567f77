import Foundation
import Testing
@testable import SiteGen

/// The language versions in cached builds: a change to a translation, to `en.yml` or to the
/// pairing of files gives the bytes of a build from nothing, also on disk (the store's fingerprint).
@Suite(.serialized) struct LanguagesIncrementalTests {
    /// A copy of the example site and a cache of its own, as the incremental suite makes them.
    let base: IncrementalBuildTests
    var content: String { base.content }
    var templates: String { base.templates }
    var cache: BuildCache { base.cache }

    init() throws { base = try IncrementalBuildTests() }

    func build(cached: Bool) -> (BuildReport, [String: [UInt8]]) { base.build(cached: cached) }

    func expectSameAsFresh(_ change: String, sourceLocation: SourceLocation = #_sourceLocation) -> (rendered: Int, files: [String: [UInt8]]) {
        let (incremental, incrementalFiles) = build(cached: true)
        let (fresh, freshFiles) = build(cached: false)
        let differing = Set(incrementalFiles.keys).union(freshFiles.keys).filter { incrementalFiles[$0] != freshFiles[$0] }.sorted()
        #expect(differing.isEmpty, "\(change): differs from a fresh build in \(differing.prefix(5))", sourceLocation: sourceLocation)
        #expect(incremental.diagnostics == fresh.diagnostics, "\(change)", sourceLocation: sourceLocation)
        return (cache.renderedPages, incrementalFiles)
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func changesToTranslationsGiveTheBytesOfAFreshBuild() throws {
        let first = expectSameAsFresh("first build")
        #expect(first.files["en/index.html"] != nil && first.files["leichte-sprache/strategie/index.html"] != nil)
        // The text of a translation: its own page.
        try edit(content + "/projects/urbane-datenplattform.en.md") { $0 + "\nOne more sentence.\n" }
        #expect(expectSameAsFresh("English text").rendered == 1)
        // An English UI string: the English pages, none of the German ones.
        try edit(templates + "/i18n/en.yml") { $0.replacingOccurrences(of: "published: \"Published on\"", with: "published: \"First published on\"") }
        let ui = expectSameAsFresh("en.yml")
        let post = String(decoding: ui.files["en/blog/2026/ausblick-2027/index.html"] ?? [], as: UTF8.self)
        #expect(post.contains("First published on"))
        // A translation removed: its page goes, the original's switcher leads to the English home.
        try FileManager.default.removeItem(atPath: content + "/projects/urbane-datenplattform.en.md")
        let removed = expectSameAsFresh("translation removed")
        #expect(removed.files["en/projects/urbane-datenplattform/index.html"] == nil)
        let german = String(decoding: removed.files["projekte/urbane-datenplattform/index.html"] ?? [], as: UTF8.self)
        #expect(german.contains("<a class=\"language-link\" href=\"/en/\" hreflang=\"en\" lang=\"en\">English</a>"))
    }

    @Test func anEditOfEnYmlIsSeenByABuildOnDisk() throws {
        let output = TestSupport.temporaryFolder("lang-out") + "/public"
        let builder = Builder(location: SiteLocation(content: content, templates: templates, output: output),
                              options: BuildOptions(now: TestSupport.now, baseURL: "https://smartcity.example.org/"))
        #expect(builder.build().succeeded)
        try edit(templates + "/i18n/en.yml") { $0.replacingOccurrences(of: "published: \"Published on\"", with: "published: \"Out since\"") }
        let second = builder.build()
        #expect(second.succeeded && !second.upToDate)
        let page = try String(contentsOfFile: output + "/en/blog/2026/ausblick-2027/index.html", encoding: .utf8)
        #expect(page.contains("Out since"))
    }

    /// The store keeps each body's terms with their language: an English edit rebuilt from the
    /// store gives the English index of a clean build, made by the English stemmer.
    @Test func anEnglishSearchRebuiltFromTheStoreIsAsClean() throws {
        let disk = try PersistentCacheTests()
        disk.expectSameAsClean("first build")
        let file = disk.content + "/projects/urbane-datenplattform.en.md"
        try edit(file) { $0 + "\nCities go zebrafishing.\n" }
        #expect(disk.expectSameAsClean("English text") >= 1)
        let folder = disk.output + "/en/search/suchindex/"
        let shards = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("t") }
        let terms = try shards.flatMap { name -> [String] in
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + name))
            return Array((try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]).keys)
        }
        #expect(EnglishStemmer.stem("zebrafishing") == "zebrafish")
        #expect(terms.contains("zebrafish") && !terms.contains("zebrafishing"), "English stems from the store")
    }
}
