import Foundation
import Testing
@testable import SiteGen

/// `PlainText` stands in for cmark's plain-text renderer: whatever reads the text (terms, text
/// files, excerpts) must see the same characters with gaps in the same places.
@Suite struct PlainTextTests {
    /// What the readers see: the words between white space, in order.
    func words(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).map(String.init)
    }

    func expectSame(_ markdown: String, covered: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) {
        let (ours, cmark) = MarkdownRenderer.plainTexts(markdown)
        guard let ours else {
            #expect(!covered, "left to cmark: \(markdown.prefix(60))", sourceLocation: sourceLocation)
            return
        }
        #expect(words(ours) == words(cmark), "\(markdown.prefix(60))", sourceLocation: sourceLocation)
        #expect(SearchTextFiles.collapsedBytes(ours) == SearchTextFiles.collapsedBytes(cmark), sourceLocation: sourceLocation)
        #expect(SearchIndex.excerpt(utf8: ours) == SearchIndex.excerpt(utf8: cmark), sourceLocation: sourceLocation)
    }

    @Test func blocksAndInlines() {
        let cases = [
            "", "Ein Satz.", "# Titel\n\nText *kursiv*und**fett** `code`x [Link](a.md)y ![Bild alt](b.png)z",
            "Zeile eins\nZeile zwei  \nhart umbrochen\\\nnoch eine", "# Titel über\nzwei Zeilen?\n\nText",
            "> Zitat\n> mit zwei Zeilen\n\n>> verschachtelt", "---\n\nText\n\n***\n\n* * *",
            "```swift\nlet x = 1\n\nlet y = 2\n```\n\nDanach", "    eingerückt\n    Code\n\nText", "```\n```",
            "<div>\n<b>HTML</b>\n</div>\n\nText <span>inline</span>Wort<br>", "Text &amp; &lt;Entität&gt; &#228; &copy;",
            "www.dortmund.de und https://example.org/a?b=c, mail@example.org.", "Ä Ö Ü ß é 😀 \u{301}x",
        ]
        for c in cases { expectSame(c) }
    }

    /// List markers are words too, with cmark's one counter for ordered lists (a nested list's
    /// end sets it to that list's start).
    @Test func lists() {
        let cases = [
            "- eins\n- zwei\n\n  Absatz im Punkt\n- drei", "* a\n+ b\n- c", "1. eins\n2. zwei\n3. drei",
            "7) sieben\n8) acht", "1. außen\n   1. innen\n   2. innen\n2. außen\n3. außen",
            "3. drei\n   - x\n   - y\n4. vier", "- - doppelt\n- 1. gemischt", "10. zehn\n11. elf\n\n\n1. neu",
            "- Punkt\n\n```\nCode im Punkt\n```\n- ```\n  Code zuerst\n  ```", "Text\n\n- a\n\n\n- b\n\nText",
            "1. a\n1. b\n1. c", "- a\n<!-- x -->\n- b",
        ]
        for c in cases { expectSame(c) }
    }

    @Test func extensions() {
        let cases = [
            "| A | B |\n|---|:-:|\n| 1 | 2 |\n| x \\| y | `a|b` |", "| l | c | r | n |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |",
            "Vor der Tabelle\n| A |\n|---|\n| ~~weg|da~~ |\n\nDanach", "~~durch~~gestrichen und ~einfach~",
            "- [ ] offen\n- [x] erledigt\n- [X] groß\n- normal", "1. [ ] nummeriert\n2. zwei\n3. [x] drei",
            "| leer |  |\n|---|---|\n|  | |",
        ]
        for c in cases { expectSame(c) }
    }

    @Test func footnotesAreLeftToCmark() {
        expectSame("Text[^1]\n\n[^1]: Anmerkung", covered: false)
    }

    /// Every Markdown file of the example site.
    @Test func theExampleSite() throws {
        let root = TestSupport.exampleContent
        let files = try #require(FileManager.default.enumerator(atPath: root)).compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        #expect(files.count > 20)
        for file in files {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            guard let split = try? FrontMatter.split(text) else { continue }
            expectSame(split.body, covered: !split.body.contains("[^"))
        }
    }
}
