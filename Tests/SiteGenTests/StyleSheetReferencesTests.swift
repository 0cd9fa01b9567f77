@testable import SiteGen
import Testing

/// One reader of a style sheet's addresses serves the pages' link check (`style` attributes), the
/// theme's style sheets and SVGs' styles (the privacy check).
@Suite struct StyleSheetReferencesTests {
    func addresses(_ css: String) -> [String] { StyleSheetReferences.all(Array(css.utf8)).map(\.address) }

    @Test func everyFormOfAnAddressIsRead() {
        #expect(addresses("a{background:url(bild.png)} b{background:URL( \"zwei.png\" )} c{background:url('drei.png')}")
            == ["bild.png", "zwei.png", "drei.png"])
        #expect(addresses("@import \"basis.css\";\n@IMPORT url(schrift.css);") == ["basis.css", "schrift.css"])
        #expect(addresses("a{background:image-set(\"a.png\" 1x, url('b.png') 2x)}") == ["a.png", "b.png"])
        #expect(addresses("a{background:url(\n  \"https://x.example/a.png\"\n)}") == ["https://x.example/a.png"])
        #expect(addresses("a{color:red} /* unused */ b{width:1em}").isEmpty)
        #expect(addresses("a{background:url(") == [] && addresses("a{background:url(\"offen") == ["offen"])
    }

    @Test func remoteAddressesComeWithTheirLineOncePerLine() {
        let css = "a{background:url(lokal.png)}\n@import url(//fonts.example/a.css); b{background:url(https://b.example/x.png)}\n"
            + "c{background:url(\n\"HTTPS://c.example/y.png\")}\nd{background:image-set(\"http://d.example/z.png\" 1x)}"
        let remote = StyleSheetReferences.remote(Array(css.utf8))
        #expect(remote.map(\.line) == [2, 3, 5] && remote.map(\.address) == ["//fonts.example/a.css", "HTTPS://c.example/y.png", "http://d.example/z.png"])
        #expect(StyleSheetReferences.isRemote(" h t t p s://x") && !StyleSheetReferences.isRemote("/assets/a.png"))
    }
}
