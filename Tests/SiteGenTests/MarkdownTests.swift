import Testing
@testable import SiteGen

@Suite struct MarkdownTests {
    let source = SourceRef(path: "posts/2025/a.md", display: "content/posts/2025/a.md", bodyFirstLine: 5)

    /// A renderer whose links resolve like the real site: b.md exists, c.md does not.
    func renderer(unsafe: Bool = false) -> MarkdownRenderer {
        MarkdownRenderer(unsafeHTML: unsafe) { href, _, isImage in
            switch href {
            case "../2024/b.md": return .rewrite("/blog/2024/b/", anchorCheck: nil)
            case "../2024/b.md#ziel": return .rewrite("/blog/2024/b/#ziel", anchorCheck: (target: "posts/2024/b.md", fragment: "ziel"))
            case "../2024/c.md": return .broken("link target '../2024/c.md' does not exist")
            case "../../images/x.svg": return .rewrite("/images/x.svg", anchorCheck: nil)
            default:
                if href.lowercased().hasPrefix("javascript:") { return .dangerous }
                return isImage ? .broken("image '\(href)' does not exist under content/") : .keep
            }
        }
    }

    func render(_ text: String, unsafe: Bool = false) -> RenderedMarkdown {
        renderer(unsafe: unsafe).render(MarkdownBody(text: text, source: source))
    }

    /// A heading "Inhalt" got the id `inhalt`, which the layout gives <main> (the skip link's
    /// target): the page had it twice. Ids the templates write on every page are left to them.
    @Test func aHeadingDoesNotTakeAnIdTheLayoutWritesOnEveryPage() throws {
        var r = renderer()
        r.reservedIDs = ["fuss-service", "inhalt"]
        let plain = renderer().render(MarkdownBody(text: "## Inhalt\n", source: source))
        let rendered = r.render(MarkdownBody(text: "## Inhalt\n\n## Inhalt\n\n## Ziel\n", source: source))
        #expect(rendered.headings.map(\.id) == ["inhalt-2", "inhalt-3", "ziel"])
        #expect(r.key(of: MarkdownBody(text: "## Inhalt\n", source: source)) != renderer().key(of: MarkdownBody(text: "## Inhalt\n", source: source)))
        #expect(plain.headings.map(\.id) == ["inhalt"])
        let (report, sink) = TestSupport.buildInMemory(minimalSiteWith: [
            "posts/2025/inhalt.md": "---\ntitle: Ein Beitrag\ndate: 2025-03-01T10:00:00+01:00\nfields: [daten-und-plattformen]\n---\nText.\n\n## Inhalt\n\nMehr.\n",
        ])
        #expect(report.succeeded, "\(report.diagnostics)")
        let html = try #require(sink.text("blog/2025/inhalt/index.html"))
        #expect(html.components(separatedBy: "id=\"inhalt\"").count == 2, "one element with the id inhalt: <main>")
        #expect(html.contains("id=\"inhalt-2\""))
    }

    /// Links and headings without text say nothing to screen reader users (BITV / WCAG 2.4.4, 2.4.6).
    @Test func linksAndHeadingsWithoutTextAreWarnedAbout() {
        let text = """
        [](../2024/b.md) und [ ](https://example.org/) und [Text](../2024/b.md)

        [![](../../images/x.svg)](../2024/b.md) [![Karte](../../images/x.svg)](../2024/b.md) [`code`](https://example.org/) [**fett**](https://example.org/)

        ##

        ## Abschnitt
        """
        let r = render(text)
        #expect(r.diagnostics.filter { $0.message.contains("has no text") }.map(\.description) == [
            "content/posts/2025/a.md:5: warning: link to '../2024/b.md' has no text, so screen readers read out only its address; write what it leads to in [ ]",
            "content/posts/2025/a.md:5: warning: link to 'https://example.org/' has no text, so screen readers read out only its address; write what it leads to in [ ]",
            "content/posts/2025/a.md:7: warning: link to '../2024/b.md' has no text, so screen readers read out only its address; write what it leads to in [ ]",
            "content/posts/2025/a.md:9: warning: heading has no text; write it after the #, or remove the line",
        ])
    }

    /// "hier", "mehr" say nothing when a screen reader reads the links of a page out on their own
    /// (WCAG 2.4.4), also in bold; link text that names its target, or has more around the vague word, is left alone.
    @Test func vagueLinkTextIsWarnedAbout() {
        let text = """
        Das Programm steht [hier](../2024/b.md). [» Mehr …](https://example.org/)

        [Klicken Sie hier](https://example.org/) und [Read more](https://example.org/)

        [Programm der Digitalen Woche](../2024/b.md), [hier im Programm](../2024/b.md), [Mehrwert](https://example.org/), [**hier**](../2024/b.md)
        """
        let warnings = render(text).diagnostics.filter { $0.message.contains("does not say where") }.map(\.description)
        #expect(warnings.map { $0.components(separatedBy: " warning: link text ")[1].components(separatedBy: " does not")[0] } == ["'hier'", "'Mehr'", "'Klicken Sie hier'", "'Read more'", "'hier'"])
        #expect(warnings.first == "content/posts/2025/a.md:5: warning: link text 'hier' does not say where the link leads, and screen readers read links out on their own; write its target as the text, e.g. [Programm der Digitalen Woche](…)")
        #expect(warnings.last?.hasPrefix("content/posts/2025/a.md:9:") == true, "in emphasis too")
    }

    /// A link whose whole text is an arrow, dots or an emoji was read out as "Pfeil nach rechts,
    /// Link" and passed the check, which trimmed the arrows away and then found no word to judge.
    @Test func linkTextWithoutALetterOrDigitIsWarnedAbout() {
        let text = """
        Weiter: [→](../2024/b.md) [»](../2024/b.md) [ … ](https://example.org/) [👉](https://example.org/) [**>>**](../2024/b.md)

        [1](../2024/b.md) [Weiter →](../2024/b.md) [Programm →](../2024/b.md)
        """
        let warnings = render(text).diagnostics.filter { $0.message.contains("does not say where") }
        #expect(warnings.map { $0.message.components(separatedBy: "link text ")[1].components(separatedBy: " does not")[0] }
            == ["'→'", "'»'", "'…'", "'👉'", "'>>'", "'Weiter'"])
        #expect(warnings.map(\.line) == [5, 5, 5, 5, 5, 7])
    }

    /// A space ends a link's address, so `[Flyer](downloads/Flyer Sommerfest.pdf)` shows as text;
    /// the editor is told where, and how to write it. Code, real links and prose in brackets are left alone.
    @Test func aLinkWithASpaceInItsAddressIsWarnedAbout() {
        let text = """
        Hier der [Flyer](../../downloads/Flyer Sommerfest.pdf) zum Fest.

        Und `[a](b c)` im Code, ein [Link](../2024/b.md) und (runde Klammern) mit [eckigen] daneben.

        Zwei: [A](x y.pdf) und [B](<../../downloads/Flyer Sommerfest.pdf>).
        """
        let warnings = render(text).diagnostics.filter { $0.message.contains("has a space") }.map(\.description)
        #expect(warnings == [
            "content/posts/2025/a.md:5: warning: '[Flyer](../../downloads/Flyer Sommerfest.pdf)' is shown as text, not as a link: its address has a space; write %20 for each space in the address, or put the address in < >",
            "content/posts/2025/a.md:9: warning: '[A](x y.pdf)' is shown as text, not as a link: its address has a space; write %20 for each space in the address, or put the address in < >",
        ])
        #expect(MarkdownRenderer.linksWithSpaces(in: "[x](a b) [y](c) [z](d e f)") == ["[x](a b)", "[z](d e f)"])
    }

    /// `[Team](mailto: info@dortmund.de)`: the address after the space became a link of its own,
    /// which hid the mistake (no message, and "[Team](mailto: " on the page); and %20 is no fix there.
    @Test func aSpaceAfterMailtoIsNamedWithItsFix() {
        let text = "Schreiben Sie dem [Team](mailto: smartcity@example.org) oder [uns](https: //www.dortmund.de) und www.dortmund.de, [A](x y.pdf).\n"
        let warnings = render(text).diagnostics.filter { $0.message.contains("has a space") }.map(\.description)
        #expect(warnings == [
            "content/posts/2025/a.md:5: warning: '[Team](mailto: smartcity@example.org)' is shown as text, not as a link: its address has a space after 'mailto:'; remove it: [Team](mailto:smartcity@example.org)",
            "content/posts/2025/a.md:5: warning: '[uns](https: //www.dortmund.de)' is shown as text, not as a link: its address has a space after 'https:'; remove it: [uns](https://www.dortmund.de)",
            "content/posts/2025/a.md:5: warning: '[A](x y.pdf)' is shown as text, not as a link: its address has a space; write %20 for each space in the address, or put the address in < >",
        ], "\(warnings)")
    }

    /// A phone link in the text follows the front matter's rule: dialled by its digits, an error
    /// when it is no number, and written in < > when it has spaces (not with %20).
    @Test func aPhoneLinkInTheTextIsDialledByItsDigits() throws {
        var site = TestSupport.minimalSite
        site["pages/kontakt.md"] = "---\ntitle: Kontakt\n---\nRufen Sie an: [0231 50-12345](<tel:0231 50-12345>), [Hotline](tel:+49%200800%20123456) oder [kaputt](tel:abc).\n\n[Zentrale](tel:0231 50-0)\n"
        let (report, sink) = TestSupport.buildInMemory(site)
        let html = try #require(sink.text("kontakt/index.html"))
        #expect(html.contains("<a href=\"tel:02315012345\">0231 50-12345</a>") && html.contains("<a href=\"tel:+49800123456\">Hotline</a>"))
        #expect(report.diagnostics.map(\.description).filter { $0.contains("tel:") } == [
            "/c/pages/kontakt.md:4: error: 'tel:abc' is no phone number; write it like tel:+49 231 50-12345",
            "/c/pages/kontakt.md:6: warning: '[Zentrale](tel:0231 50-0)' is shown as text, not as a link: its number has a space; put the address in < >, e.g. [0231 50-12345](<tel:0231 50-12345>)",
        ], "\(report.diagnostics)")
    }

    /// Footnotes render as libcmark-gfm writes them, in the page's language: a named section,
    /// references described by its name, and a German way back. One without its text is a warning.
    @Test func footnotesSpeakThePagesLanguage() {
        var markdown = renderer()
        markdown.footnoteTexts = FootnoteTexts(label: "Fußnoten", back: "Zurück zum Text")
        let r = markdown.render(MarkdownBody(text: "Gefördert[^kfw] und belegt[^fehlt].\n\n[^kfw]: Programm 436 der KfW.\n", source: source))
        #expect(r.html.contains(##"<sup class="footnote-ref"><a href="#fn-kfw" id="fnref-kfw" data-footnote-ref aria-describedby="fussnoten_titel">1</a></sup>"##))
        #expect(r.html.contains(#"<section class="footnotes" data-footnotes aria-labelledby="fussnoten_titel">"# + "\n" + #"<h2 id="fussnoten_titel" class="visually-hidden">Fußnoten</h2>"#))
        #expect(r.html.contains(##"<a href="#fnref-kfw" class="footnote-backref" data-footnote-backref aria-label="Zurück zum Text">↩</a>"##))
        #expect(!r.html.contains("Back to content"))
        #expect(r.diagnostics.map(\.description) == [
            "content/posts/2025/a.md:5: warning: footnote '[^fehlt]' has no text, so it shows as written; add a line '[^fehlt]: …' below the paragraph, or remove it",
        ])
        #expect(MarkdownRenderer.footnoteReferences(in: "a[^1] b [^x y] c[^] d[^q]") == ["[^1]", "[^q]"])
    }

    @Test func rawHTMLIsDroppedByDefault() {
        let r = render("Hallo <script>alert(1)</script> Welt\n\n<div onclick=\"x()\">Block</div>\n")
        #expect(!r.html.contains("<script"))
        #expect(!r.html.contains("onclick"))
        #expect(r.diagnostics.contains { $0.message.contains("raw HTML") })
    }

    @Test func rawHTMLIsKeptWhenAllowedButScriptsAreFiltered() {
        let r = render("<span lang=\"en\">Smart City</span>\n\n<script>alert(1)</script>\n", unsafe: true)
        #expect(r.html.contains("<span lang=\"en\">Smart City</span>"))
        #expect(!r.html.contains("<script>"))  // tagfilter
    }

    /// Under unsafe_html, GFM's tag filter still escapes <iframe>, <script> and the like, which
    /// would show their code as text on the page: an error that says so, at the tag's line.
    @Test func filteredTagsInRawHTMLAreErrors() {
        let r = render("Text\n\n<div>\n<iframe src=\"https://video.example.org/x\"></iframe>\n</div>\n\nund <SCRIPT>x()</SCRIPT> hier\n", unsafe: true)
        #expect(r.diagnostics.filter { $0.severity == .error }.map(\.description) == [
            "content/posts/2025/a.md:8: error: <iframe> is not allowed in a page and would show as text; remove it (a video or map from another site: link to it instead)",
            "content/posts/2025/a.md:11: error: <script> is not allowed in a page and would show as text; remove it (a video or map from another site: link to it instead)",
        ])
        #expect(render("<span lang=\"en\">Smart City</span> <em>x</em>\n", unsafe: true).diagnostics.isEmpty)
    }

    /// HTML comments are editors' notes: under unsafe_html they went into the page's source and
    /// its feed entry (with a name and telephone number in them); in the default mode a comment
    /// alone got the warning that raw HTML is left out.
    @Test func htmlCommentsAreNeverPublished() {
        let text = "Text <!-- Zahlen von Herrn Meier (Tel. 0231-555) prüfen --> weiter\n\n<!-- Notiz:\nnoch offen -->\n\n<div class=\"box\"><!-- innen -->Kasten</div>\n"
        let unsafe = render(text, unsafe: true)
        #expect(!unsafe.html.contains("<!--") && !unsafe.html.contains("Meier") && !unsafe.html.contains("Notiz"), "\(unsafe.html)")
        #expect(unsafe.html.contains("Text  weiter") && unsafe.html.contains("<div class=\"box\">Kasten</div>"), "\(unsafe.html)")
        #expect(unsafe.diagnostics.isEmpty)
        let safe = render("Text <!-- Notiz --> weiter\n\n<!-- noch offen -->\n")
        #expect(!safe.html.contains("Notiz") && !safe.html.contains("offen"))
        #expect(safe.diagnostics.isEmpty, "\(safe.diagnostics)")
        // Other raw HTML beside a comment is still named.
        #expect(render("<b>fett</b> <!-- x -->\n").diagnostics.count == 1)
        #expect(HTMLComments.removed(from: "a<!-- offen") == "a")
        #expect(HTMLComments.removed(from: "ohne") == nil)
    }

    @Test func javascriptLinksAreRemoved() {
        let r = render("[Klick](javascript:alert(1)) und [Vb](JavaScript:x)\n")
        #expect(!r.html.lowercased().contains("javascript:"))
        #expect(r.html.contains("Klick"))
        #expect(!r.html.contains("<a"))
    }

    @Test func headingsGetUniqueGermanIDs() {
        let r = render("## Ziel\n\nText\n\n## Ziel\n\n### Größere Übersicht\n\n#### Aktueller Stand (Mai 2025)\n")
        #expect(r.html.contains("<h2 id=\"ziel\">Ziel</h2>"))
        #expect(r.html.contains("<h2 id=\"ziel-2\">Ziel</h2>"))
        #expect(r.html.contains("<h3 id=\"groessere-uebersicht\">Größere Übersicht</h3>"))
        #expect(r.html.contains("<h4 id=\"aktueller-stand-mai-2025\">"))
        #expect(r.headings.map(\.line) == [5, 9, 11, 13])
    }

    @Test func skippedHeadingLevelIsAWarningWithItsLine() {
        let r = render("## A\n\n#### B\n")
        let warning = r.diagnostics.first { $0.message.contains("skips a level") }
        #expect(warning?.line == 7)
    }

    @Test func linksToSourceFilesBecomeSiteURLs() {
        let r = render("Siehe [B](../2024/b.md) und [Ziel von B](../2024/b.md#ziel).\n")
        #expect(r.html.contains("<a href=\"/blog/2024/b/\">B</a>"))
        #expect(r.html.contains("<a href=\"/blog/2024/b/#ziel\">"))
        #expect(r.anchors == [AnchorReference(target: "posts/2024/b.md", fragment: "ziel", line: 5, written: "../2024/b.md#ziel")])
    }

    @Test func brokenLinkIsAnErrorWithFileAndLine() {
        let r = render("Erste Zeile\n\nZweiter Absatz mit [C](../2024/c.md)\n")
        let error = r.diagnostics.first { $0.severity == .error }
        #expect(error?.file == "content/posts/2025/a.md")
        #expect(error?.line == 7)
        #expect(error?.message == "link target '../2024/c.md' does not exist")
    }

    @Test func imagesAreLazyExceptTheFirstAndNeedAltText() {
        let r = render("![Karte der Sensoren](../../images/x.svg)\n\n![](../../images/x.svg)\n\n![](../../images/x.svg \"dekorativ\")\n")
        // The first image of the page's content is fetched at once; the others when scrolled near.
        #expect(r.html.contains("<img src=\"/images/x.svg\" alt=\"Karte der Sensoren\" decoding=\"async\">"))
        #expect(r.diagnostics.filter { $0.message.contains("no alt text") }.map(\.line) == [7])
        #expect(r.html.contains("<img src=\"/images/x.svg\" alt=\"\" loading=\"lazy\""))
        #expect(!r.html.contains("dekorativ"))
    }

    /// Alt text an editor's tool filled in with the file name, or a word for "picture", reads out
    /// as nothing useful (WCAG 1.1.1); a short word the editor chose ("Rathaus") is left alone.
    @Test func altTextThatIsAFileNameOrPlaceholderIsWarnedAbout() {
        let text = """
        ![x.svg](../../images/x.svg) ![x](../../images/x.svg) ![IMG_2041.JPG](../../images/x.svg)

        ![Bild](../../images/x.svg) ![ foto ](../../images/x.svg)

        ![X](../../images/x.svg) ![Karte der Sensoren](../../images/x.svg) ![x](../../images/x.svg "dekorativ")
        """
        let r = render(text)
        let warned = r.diagnostics.filter { $0.message.contains("a file name or a word for a picture") }
        #expect(warned.map(\.line) == [5, 5, 5, 7, 7])
        #expect(warned.first?.message == "image '../../images/x.svg' has the alt text 'x.svg', a file name or a word for a picture, which tells screen reader users nothing; describe what it shows in ![…](../../images/x.svg), or mark decoration with ![](../../images/x.svg \"dekorativ\")")
        #expect(AltText.isUninformative("sensor%20karte", src: "a/sensor%20karte.png") == false)
        #expect(AltText.isUninformative("sensor karte", src: "a/sensor%20karte.png"))
        // Spaces, tabs and line breaks count as one space; case matters only for the file's own name.
        #expect(AltText.isUninformative("  Sensor \n\t karte ", src: "a/Sensor karte.png"))
        #expect(AltText.isUninformative("\tFOTO\n", src: "a/b.png") && AltText.isUninformative("IMG_2041.JPG", src: "a/b.png"))
        #expect(!AltText.isUninformative("Ein Foto vom Rathaus", src: "a/foto.png") && !AltText.isUninformative("Rathaus", src: "a/rathaus.jpg"))
    }

    /// A file on another site is a download too: its format is added to the text, and as its size
    /// cannot be known, the editor is asked for it (FACTS: "Smart-City-Strategie (PDF, 4,2 MB)").
    @Test func remoteDownloadsSayTheirFormatAndAskForTheirSize() {
        let text = """
        [Bericht](https://www.dortmund.de/bericht.pdf) [Plan (PDF, 2 MB)](https://a.de/plan.PDF?v=2)

        [Tabelle](https://a.de/daten.xlsx#blatt2) [Seite](https://a.de/pdf) [Ordner](https://a.de/b.pdf/)
        """
        let r = render(text)
        #expect(r.html.contains("<a href=\"https://www.dortmund.de/bericht.pdf\">Bericht (PDF)</a>"))
        #expect(r.html.contains(">Plan (PDF, 2 MB)</a>"))
        #expect(r.html.contains(">Tabelle (Excel)</a>"))
        #expect(r.html.contains(">Seite</a>") && r.html.contains(">Ordner</a>"))
        #expect(r.diagnostics.filter { $0.message.contains("does not say its size") }.map(\.description) == [
            "content/posts/2025/a.md:5: warning: link to the PDF file 'https://www.dortmund.de/bericht.pdf' on another site does not say its size; write it in the link text, e.g. [Bericht (PDF, 2 MB)](…)",
            "content/posts/2025/a.md:7: warning: link to the Excel file 'https://a.de/daten.xlsx#blatt2' on another site does not say its size; write it in the link text, e.g. [Bericht (Excel, 2 MB)](…)",
        ])
    }

    /// cmark-gfm (0.29.0.gfm.6) switches the extensions' inline characters (autolink's ':' and 'w',
    /// strikethrough's '~') on and off in one table for the whole process around each document's
    /// inline parsing: one thread finishing a document switched them off under another, whose
    /// bare addresses then stayed text and whose ~~…~~ stayed as written, a few in a thousand.
    @Test func markdownRenderedOnManyThreadsKeepsAutolinksAndStrikethrough() {
        let paragraph = "Siehe https://www.dortmund.de/seite und ~~alt~~ neu.\n\n"
        let texts = (0..<2_000).map { String(repeating: paragraph, count: 1 + $0 % 5) }
        let renderer = renderer()
        let html = parallelMap(texts) { renderer.render(MarkdownBody(text: $0, source: source)).html }
        let expected = "<p>Siehe <a href=\"https://www.dortmund.de/seite\">https://www.dortmund.de/seite</a> und <del>alt</del> neu.</p>\n"
        let wrong = zip(texts, html).filter { text, html in html != String(repeating: expected, count: text.count / paragraph.count) }.map(\.1)
        #expect(wrong.count == 0, "e.g. \(wrong.first ?? "")")
    }

    /// A table wider than the screen scrolled sideways inside itself (`display: block` on the
    /// table), a box keyboard users could not reach (axe: scrollable-region-focusable, WCAG 2.1.1).
    /// It now sits in a focusable region named by its first column headings.
    @Test func aTableScrollsInAFocusableNamedBox() {
        let text = """
        | Station | Temperatur | Feuchte | Wind |
        |---|---:|---|---|
        | Friedensplatz | 21 | 45 % | 3 m/s |

        |   |   |
        |---|---|
        | a | b |
        """
        let html = render(text).html
        #expect(html.hasPrefix("<div class=\"prose-table\" role=\"region\" tabindex=\"0\" aria-label=\"Tabelle: Station, Temperatur, Feuchte, …\">\n<table>\n<thead>"))
        #expect(html.contains("<div class=\"prose-table\" role=\"region\" tabindex=\"0\" aria-label=\"Tabelle 2\">\n<table>"))
        #expect(html.components(separatedBy: "</table>\n</div>").count == 3)
        // A table "without a header" (GFM needs one, so editors leave the first row empty) is named.
        #expect(render(text).diagnostics.map(\.description) == [
            "content/posts/2025/a.md:9: warning: table has no text in its first row, which screen readers read as the columns' headings; write them there, e.g. | Station | Temperatur |",
        ])
    }

    @Test func altTextIsEscaped() {
        let r = render("![a \"quote\" <b>](../../images/x.svg)\n")
        #expect(r.html.contains("alt=\"a &quot;quote&quot; \""))
    }

    @Test func gfmExtensionsWork() {
        let r = render("| A | B |\n|---|---|\n| 1 | 2 |\n\n~~alt~~ https://www.dortmund.de\n\n- [x] erledigt\n")
        #expect(r.html.contains("<table>"))
        #expect(r.html.contains("<del>alt</del>"))
        #expect(r.html.contains("<a href=\"https://www.dortmund.de\">"))
        #expect(r.html.contains("type=\"checkbox\""))
    }
}

@Suite struct LinkResolverTests {
    func site() throws -> Site {
        let files = TestSupport.minimalSite.merging([
            "posts/2025/a.md": "---\ntitle: A\ndate: 2025-01-01T10:00:00+01:00\n---\nText\n",
            "posts/2025/entwurf.md": "---\ntitle: E\ndate: 2025-01-01T10:00:00+01:00\ndraft: true\n---\nText\n",
            "images/x.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ]) { a, _ in a }
        return try #require(TestSupport.model(files).0)
    }

    @Test func resolvesSourcesAssetsAndExplainsDrafts() throws {
        let resolver = LinkResolver(site: try site())
        let from = SourceRef(path: "posts/2025/b.md", display: "content/posts/2025/b.md", bodyFirstLine: 1)
        #expect(resolver.resolve("a.md", from: from, isImage: false) == .rewrite("/blog/2025/a/", anchorCheck: nil))
        #expect(resolver.resolve("../../images/x.svg", from: from, isImage: true) == .rewrite("/images/x.svg", anchorCheck: nil))
        #expect(resolver.resolve("/images/x.svg", from: from, isImage: true) == .rewrite("/images/x.svg", anchorCheck: nil))
        #expect(resolver.resolve("https://example.com/x.png", from: from, isImage: true) != .keep)
        #expect(resolver.resolve("https://www.dortmund.de/", from: from, isImage: false) == .keep)
        #expect(resolver.resolve("mailto:a@b.de", from: from, isImage: false) == .keep)
        #expect(resolver.resolve("vbscript:x", from: from, isImage: false) == .dangerous)
        #expect(resolver.resolve("data:text/html,x", from: from, isImage: false) == .dangerous)
        guard case .broken(let message) = resolver.resolve("entwurf.md", from: from, isImage: false) else {
            Issue.record("draft link should be broken"); return
        }
        #expect(message.contains("is a draft"))
        guard case .broken = resolver.resolve("../../../etc/passwd", from: from, isImage: false) else {
            Issue.record("escaping link should be broken"); return
        }
    }
}
