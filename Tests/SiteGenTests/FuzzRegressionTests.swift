import Foundation
import Testing
@testable import SiteGen

/// Inputs the fuzzer (Fuzz/) once crashed on, replayed through the same paths.
/// The first byte picks the path as in Fuzz/Sources/SiteGenFuzz/FuzzTarget.swift.
@Suite struct FuzzRegressionTests {
    static let folder = TestSupport.repoRoot + "/Tests/SiteGenTests/Fixtures/fuzz-crashes"
    static var inputs: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }

    @Test(arguments: FuzzRegressionTests.inputs)
    func replay(_ name: String) throws {
        let data = try #require(FileManager.default.contents(atPath: Self.folder + "/" + name))
        let bytes = Array(data)
        let rest = Array(bytes.dropFirst())
        let text = String(decoding: rest, as: UTF8.self)
        switch bytes.first.map({ $0 % 4 }) {
        case 0?:
            let fs = MemoryFileSystem(["/c/site.yml": "title: F\nbase_url: https://example.org/\n", "/c/posts/2025/fuzz.md": text])
            let loaded = ContentLoader(fileSystem: fs, root: "/c", displayRoot: "content").load()
            _ = SiteBuilder.build(loaded, options: BuildOptions(now: TestSupport.now), fileSystem: fs, contentRoot: "/c", displayRoot: "content")
        case 1?:
            _ = Slug.make(text)
        default:
            let safe = (rest.first ?? 0) & 1 == 0
            let renderer = MarkdownRenderer(unsafeHTML: !safe) { href, _, isImage in
                href.lowercased().hasPrefix("javascript:") ? .dangerous : isImage ? .rewrite("/images/x.svg", anchorCheck: nil) : .keep
            }
            let result = renderer.render(MarkdownBody(text: text, source: SourceRef(path: "posts/2025/b.md", display: "b.md", bodyFirstLine: 4)))
            if safe { #expect(!result.html.lowercased().contains("<script")) }
        }
    }

    /// The crash the fuzzer found: an image and a removed link inside a heading were freed twice.
    @Test func headingWithImageAndDangerousLink() {
        let renderer = MarkdownRenderer(unsafeHTML: false) { href, _, _ in
            href.hasPrefix("javascript:") ? .dangerous : .rewrite("/x.svg", anchorCheck: nil)
        }
        let r = renderer.render(MarkdownBody(text: "## Ziel ![Bild](x.svg) [j](javascript:alert(1))\n",
                                             source: SourceRef(path: "a.md", display: "a.md", bodyFirstLine: 1)))
        #expect(r.html.contains("<h2 id=\"ziel-bild-j\">Ziel <img src=\"/x.svg\" alt=\"Bild\""))
        #expect(!r.html.contains("javascript"))
    }
}
