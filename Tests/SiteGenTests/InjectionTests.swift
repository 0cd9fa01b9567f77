import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SiteGen

/// Hostile text in a title, summary, author or location must come out escaped in every place it
/// appears: HTML text and attributes, JSON-LD, feeds, calendars, JSON files and the search index.
@Suite struct InjectionTests {
    static let evil = "Böse </script><script>alert(1)</script> \"x\" 'y' <b onmouseover=alert(2)>"
    static var evilYAML: String { JSON.string(evil).serialized() }

    func build() -> (BuildReport, MemorySink) {
        FormatsFixture.build([
            "posts/2026/boese.md": """
                ---
                title: \(Self.evilYAML)
                date: 2026-10-10T10:00:00+02:00
                author: \(Self.evilYAML)
                fields: [daten]
                summary: \(Self.evilYAML)
                ---
                Text mit [Link](javascript:alert(3)) und <img src=x onerror=alert(4)>.
                """,
            "events/2026/boese.md": """
                ---
                title: \(Self.evilYAML)
                start: 2026-12-10T18:00:00+01:00
                location:
                  name: \(Self.evilYAML)
                  address: \(Self.evilYAML)
                fields: [daten]
                summary: \(Self.evilYAML)
                ---
                Text.
                """,
        ])
    }

    @Test func nothingExecutableReachesAnyOutput() throws {
        let (report, sink) = build()
        #expect(report.succeeded, "\(report.diagnostics.errorMessages)")
        var checkedKinds = Set<String>()
        for (path, bytes) in sink.files {
            let text = String(decoding: bytes, as: UTF8.self)
            let kind = String(path.split(separator: ".").last ?? "")
            // No live script or handler from the content in anything a browser parses as markup
            // (calendars are plain text, where the characters are data; see below).
            if kind != "ics" {
                #expect(!text.contains("<script>alert"), "\(path)")
                #expect(!text.contains("<b onmouseover"), "\(path)")
                #expect(!text.contains("onerror=alert(4)>"), "\(path)")
            }
            #expect(!text.lowercased().contains("javascript:alert"), "\(path)")
            switch kind {
            case "html":
                // JSON-LD blocks never contain a closing script tag from the content.
                for block in text.split(separator: "<script type=\"application/ld+json\">").dropFirst() {
                    let body = block.prefix { _ in true }.split(separator: "</script>", maxSplits: 1).first ?? ""
                    #expect(!body.contains("<"), "\(path): raw < inside JSON-LD")
                    #expect(try JSONSerialization.jsonObject(with: Data(body.utf8)) is [String: Any])
                }
                if text.contains("Böse") { checkedKinds.insert("html") }
            case "xml":
                let parser = XMLParser(data: Data(bytes))
                #expect(parser.parse(), "\(path) is not well-formed XML")
                if text.contains("Böse") { checkedKinds.insert("xml") }
            case "json", "jsonld":
                let object = try JSONSerialization.jsonObject(with: Data(bytes))
                if "\(object)".contains("Böse") || text.contains("B\\u00f6se") || text.contains("Böse") { checkedKinds.insert("json") }
            case "ics":
                // Unfolded SUMMARY keeps the text, with ; and , escaped and no raw newlines.
                let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
                for line in unfolded.components(separatedBy: "\r\n") where line.hasPrefix("SUMMARY") && line.contains("Böse") {
                    #expect(line.hasSuffix("<b onmouseover=alert(2)>"))
                    checkedKinds.insert("ics")
                }
            default: break
            }
        }
        #expect(checkedKinds == ["html", "xml", "json", "ics"])
    }

    @Test func attributesAndTextAreEscapedInPages() throws {
        let (_, sink) = build()
        let post = try #require(sink.text("blog/2026/boese/index.html"))
        #expect(post.contains("Böse &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot; &#39;y&#39;"))
        #expect(post.contains("content=\"Böse &lt;/script&gt;"))  // meta description and og:title attributes
        let event = try #require(sink.text("veranstaltungen/2026/boese/index.html"))
        #expect(event.contains("<dd>Böse &lt;/script&gt;"))
    }

    @Test func searchIndexKeepsTheTextAsData() throws {
        let (_, sink) = build()
        let indexFiles = sink.files.keys.filter { $0.hasPrefix("suche/") && $0.hasSuffix(".json") }
        #expect(!indexFiles.isEmpty)
        var found = false
        for path in indexFiles {
            let bytes = try #require(sink.files[path])
            _ = try JSONSerialization.jsonObject(with: Data(bytes))
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("</script>"))
            if text.contains("Böse") { found = true }
        }
        #expect(found)
    }
}
