import Foundation
import Testing
@testable import SiteGen

/// Addresses in the theme's style sheets that leave `assets/` or start at the site's root were
/// not checked: a background picture that is not in the built site was asked for by every page in
/// vain, without a word. They are checked against the built site, at the style sheet's line.
@Suite struct ThemeStyleSheetLinkTests {
    /// Builds the minimal site (plus `content`) in memory with the real theme, `site.css` replaced by `css`.
    static func build(css: String, content: [String: String] = [:]) -> [String] {
        let fs = MemoryFileSystem(Dictionary(uniqueKeysWithValues: TestSupport.minimalSite.merging(content) { $1 }.map { ("/c/" + $0.key, $0.value) }))
        for (path, data) in TestSupport.files(TestSupport.templates) where !path.hasSuffix("/") {
            fs.write("/t/" + path, bytes: [UInt8](data))
        }
        fs.write("/t/assets/site.css", css)
        let builder = Builder(location: SiteLocation(content: "/c", templates: "/t", output: "/out"), options: BuildOptions(now: TestSupport.now), fileSystem: fs)
        let (report, _) = builder.run(into: MemorySink(fileSystem: fs))
        return report.diagnostics.filter { $0.file.hasPrefix("/t/assets/") }.map(\.description)
    }

    @Test func anAddressOutsideAssetsThatLeadsNowhereIsAWarningAtItsLine() {
        let css = """
        .a { background: url(../../fehlt.png) }
        .b { background: url("/assets/fehlt.svg") }
        .c { background: url(/assets/logo.svg) }
        .d { background: url(../dateien/plan.txt?v=2) }
        .e { background: url(/dateien/plan.txt#x) }
        .f { background: url(data:image/png;base64,AAAA) } .g { mask: url(#maske) }
        .h { background: url(/blog/) }

        """
        let lines = Self.build(css: css, content: ["dateien/plan.txt": "Plan.\n"])
        #expect(lines == [
            "/t/assets/site.css:1: warning: '../../fehlt.png' does not exist (looked for /out/fehlt.png), so the pages using this style sheet do without it; correct the address or add the file",
            "/t/assets/site.css:2: warning: '/assets/fehlt.svg' does not exist (looked for /out/assets/fehlt.svg), so the pages using this style sheet do without it; correct the address or add the file",
        ], "\(lines)")
    }

    /// A site under a base path (`/smartcity/`): an address from the host's root leaves it.
    @Test func anAddressAboveTheBasePathLeadsOutsideTheSite() {
        let lines = Self.build(css: ".a { background: url(/bild.png) }\n.b { background: url(/smartcity/assets/logo.svg) }\n",
                               content: ["site.yml": "title: Test\nbase_url: https://example.org/smartcity/\n"])
        #expect(lines == [
            "/t/assets/site.css:1: warning: '/bild.png' leads outside the site (its addresses start with /smartcity/), so the pages using this style sheet do without it; correct the address",
        ], "\(lines)")
        #expect(MessageCatalogue.german.german(String(lines.first?.split(separator: ": ", maxSplits: 2).last ?? ""))?.hasPrefix("„/bild.png“ führt aus der Website hinaus") == true)
    }

    @Test func targetsAreWhereABrowserGoes() {
        typealias T = ThemeStyleSheetLinks.Target
        #expect(ThemeStyleSheetLinks.target("../../../x.png", from: "assets/site.css", basePath: "/") == T.path("x.png"))
        #expect(ThemeStyleSheetLinks.target("../x%20y.png", from: "assets/css/a.css", basePath: "/sc/") == T.path("assets/x y.png"))
        #expect(ThemeStyleSheetLinks.target("../../x.png", from: "assets/site.css", basePath: "/sc/") == T.outside)
        #expect(ThemeStyleSheetLinks.target("/sc", from: "assets/site.css", basePath: "/sc/") == T.path(""))
        #expect(ThemeStyleSheetLinks.target("//cdn.example/x.png", from: "assets/site.css", basePath: "/") == nil)
        #expect(ThemeStyleSheetLinks.target("HTTPS://cdn.example/x.png", from: "assets/site.css", basePath: "/") == nil)
        #expect(ThemeStyleSheetLinks.target("#m", from: "assets/site.css", basePath: "/") == nil)
    }
}
