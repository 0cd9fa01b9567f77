import Foundation
import Testing
@testable import SiteGen

/// The English version's search index is made by English rules (stemmer, stop words), says so in
/// its manifest, and a rebuild from the store gives the bytes of a clean build.
@Suite struct EnglishSearchTests {
    static let files: [String: String] = {
        var files = LanguagesTests.files
        files["projects/sensoren.md"] = "---\ntitle: Sensoren\nstatus: umsetzung\n---\nDie Städte messen mit Sensoren.\n"
        files["projects/sensoren.en.md"] = "---\ntitle: Sensor network\nstatus: umsetzung\n---\nEvery city measures with a sensor.\n"
        return files
    }()

    /// Every term of a built index (`<folder>suchindex/t<n>.json`).
    static func terms(_ sink: MemorySink, _ folder: String) throws -> Set<String> {
        var terms = Set<String>()
        for (path, bytes) in sink.files where path.hasPrefix(folder + "suchindex/t") {
            let shard = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            terms.formUnion(shard.keys)
        }
        return terms
    }

    @Test func theEnglishIndexUsesEnglishRules() throws {
        let (report, sink) = TestSupport.buildInMemory(Self.files)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
        let english = try Self.terms(sink, "en/search/")
        // "city" stems as "cities" does: a query for "cities" finds this page.
        #expect(english.contains("citi") && english.contains("sensor") && english.contains("measur"), "\(english.sorted())")
        #expect(!english.contains("city") && !english.contains("measures") && !english.contains("with"), "\(english.sorted())")
        let manifest = try #require(sink.text("en/search/suchindex/index.json"))
        #expect(manifest.contains("\"language\":\"en\""))
        #expect(manifest.contains("\"the\"") && !manifest.contains("\"und\""), "English stop words")
        let german = try Self.terms(sink, "suche/")
        #expect(german.contains("stadt") && german.contains("sensor") && !german.contains("citi"), "\(german.sorted())")
        let germanManifest = try #require(sink.text("suche/suchindex/index.json"))
        #expect(!germanManifest.contains("\"language\"") && germanManifest.contains("\"und\""))
    }
}
