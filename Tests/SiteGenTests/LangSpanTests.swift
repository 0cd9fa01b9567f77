import Testing
@testable import SiteGen

/// `[text]{lang=en}`: a passage in another language gets `lang` on exactly its words (WCAG 3.1.2).
@Suite struct LangSpanTests {
    let source = SourceRef(path: "posts/2025/a.md", display: "content/posts/2025/a.md", bodyFirstLine: 5)

    func render(_ text: String) -> RenderedMarkdown {
        MarkdownRenderer(unsafeHTML: false) { _, _, _ in .keep }.render(MarkdownBody(text: text, source: source))
    }

    @Test func aPassageBecomesASpan() {
        let r = render("Die [Smart City]{lang=en} Dortmund.")
        #expect(r.html == "<p>Die <span lang=\"en\">Smart City</span> Dortmund.</p>\n")
        #expect(r.plainText.trimmingSpaces == "Die Smart City Dortmund.")
        #expect(r.diagnostics.isEmpty)
    }

    @Test func emphasisAndLinksInsideStayMarkdown() {
        let r = render("[*Open* Data & [Portal](https://example.org/)]{lang=en-GB}!")
        #expect(r.html == "<p><span lang=\"en-GB\"><em>Open</em> Data &amp; <a href=\"https://example.org/\">Portal</a></span>!</p>\n")
    }

    @Test func nestedAndSeveralPassages() {
        let r = render("[a [b]{lang=fr} c]{lang=en} und [d]{lang=tr}, [kein] Marker")
        #expect(r.html == "<p><span lang=\"en\">a <span lang=\"fr\">b</span> c</span> und <span lang=\"tr\">d</span>, [kein] Marker</p>\n")
    }

    @Test func passageInAHeadingGivesAPlainSlug() {
        let r = render("## Die [Smart City]{lang=en}")
        #expect(r.headings.map(\.id) == ["die-smart-city"])
        #expect(r.html == "<h2 id=\"die-smart-city\">Die <span lang=\"en\">Smart City</span></h2>\n")
    }

    @Test func aCodeThatIsNoLanguageStaysTextWithAWarning() {
        let r = render("Text\n\nDie [Smart City]{lang=english} und [x]{lang=e\"n}")
        #expect(!r.html.contains("<span"))
        #expect(r.diagnostics.map(\.description) == [
            "content/posts/2025/a.md:7: warning: '{lang=english}' does not name a language; write a language code such as [Smart City]{lang=en}",
            "content/posts/2025/a.md:7: warning: '{lang=e\"n}' does not name a language; write a language code such as [Smart City]{lang=en}",
        ])
    }

    /// `{lang=dk}` has the shape of a code but names no language (Danish is `da`): the page got
    /// `lang="dk"`, which the HTML checker and axe (valid-lang) reject and screen readers cannot
    /// pronounce by. Two-letter codes must be ISO 639-1; a country's code gets the language meant.
    @Test func aTwoLetterCodeMustBeALanguageOfISO639() {
        let r = render("[Tak]{lang=dk}, [Hack]{lang=xx}, [Olá]{lang=pt-BR}, [Merci]{lang=FR}, [Salam]{lang=fas}")
        #expect(r.html == "<p>[Tak]{lang=dk}, [Hack]{lang=xx}, <span lang=\"pt-BR\">Olá</span>, <span lang=\"FR\">Merci</span>, <span lang=\"fas\">Salam</span></p>\n")
        #expect(r.diagnostics.map(\.description) == [
            "content/posts/2025/a.md:5: warning: '{lang=dk}' names a country, not a language; write {lang=da}",
            "content/posts/2025/a.md:5: warning: '{lang=xx}' does not name a language; write a language code such as [Smart City]{lang=en}",
        ])
    }

    @Test func codeAndLinksAreNotTouched() {
        #expect(render("`[x]{lang=en}`").html == "<p><code>[x]{lang=en}</code></p>\n")
        // A passage may not reach out of a link it starts in.
        #expect(render("[[a](https://example.org/) b]{lang=en}").html
            == "<p><span lang=\"en\"><a href=\"https://example.org/\">a</a> b</span></p>\n")
        #expect(render("[a *b]{lang=en} c*").html == "<p>[a <em>b]{lang=en} c</em></p>\n")
    }

    @Test func withoutAMarkerNothingChanges() {
        #expect(render("[a] {lang=en}").html == "<p>[a] {lang=en}</p>\n")
    }
}
