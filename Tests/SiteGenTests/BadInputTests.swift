import Foundation
import Testing
@testable import SiteGen

/// Every bad input gets one clear message with file and line, exit code 1, no crash or hang,
/// and the previous public/ stays as it was. Fixtures: Fixtures/bad-input/<case>/content/… overlay a
/// small good site; expected.txt lists text each message must contain.
@Suite(.serialized) struct BadInputTests {
    static let fixtures = TestSupport.repoRoot + "/Tests/SiteGenTests/Fixtures/bad-input"
    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []).sorted()
    }

    /// A folder with a good small site (content/, a copy of Templates/) and a built public/.
    func goodSite() throws -> String {
        let root = TestSupport.temporaryFolder("bad-input")
        TestSupport.write(TestSupport.minimalSite, under: root + "/content")
        try FileManager.default.copyItem(atPath: TestSupport.templates, toPath: root + "/Templates")
        let first = try CommandLineTests().run(["build", "--quiet", "--now", "2026-11-26T12:00:00+01:00"], in: root)
        #expect(first.status == 0, "\(first.stderr)")
        return root
    }

    func overlay(_ caseName: String, onto root: String) throws {
        let source = Self.fixtures + "/" + caseName + "/content"
        for file in try FileManager.default.subpathsOfDirectory(atPath: source) where !FileManager.default.isDirectory(source + "/" + file) {
            let target = root + "/content/" + file
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(atPath: target)
            try FileManager.default.copyItem(atPath: source + "/" + file, toPath: target)
        }
    }

    func snapshot(_ dir: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for f in try FileManager.default.subpathsOfDirectory(atPath: dir) where !FileManager.default.isDirectory(dir + "/" + f) {
            result[f] = FileManager.default.contents(atPath: dir + "/" + f)
        }
        return result
    }

    /// Builds, expects failure with the messages, and an untouched public/.
    func expectFailure(in root: String, messages: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try snapshot(root + "/public")
        let clock = Stopwatch()
        let r = try CommandLineTests().run(["build", "--now", "2026-11-26T12:00:00+01:00"], in: root)
        #expect(clock.total < 20, sourceLocation: sourceLocation)
        #expect(r.status == 1, "exit \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
        for m in messages { #expect(r.stderr.contains(m), "missing '\(m)' in:\n\(r.stderr)", sourceLocation: sourceLocation) }
        #expect(!r.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
        #expect(try snapshot(root + "/public") == before, sourceLocation: sourceLocation)
        #expect(r.stderr.contains("public/ was left as it was"), sourceLocation: sourceLocation)
    }

    @Test func thereAreFixtures() { #expect(Self.cases.count >= 20) }

    /// A content folder that is not there is one message, not also one about its site.yml.
    @Test func missingContentFolderIsOneMessage() throws {
        let root = try goodSite()
        let r = try CommandLineTests().run(["build", "--source", "gibt-es-nicht", "--now", "2026-11-26T12:00:00+01:00"], in: root)
        #expect(r.status == 1)
        let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors == ["gibt-es-nicht: error: content folder 'gibt-es-nicht' does not exist; run sitegen in the site's folder or pass --source DIR"],
                "\(r.stderr)")
        #expect(!r.stderr.contains("site.yml"))
    }

    /// A file given as the content or templates folder or as the output is one message that says so.
    @Test func filesGivenAsFoldersAreOneMessage() throws {
        let root = try goodSite()
        try "x".write(toFile: root + "/eine-datei", atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["--source", "content/site.yml"], "content/site.yml: error: 'content/site.yml' is a file, not the content folder; run sitegen in the site's folder or pass --source DIR"),
            (["--templates", "eine-datei"], "eine-datei: error: 'eine-datei' is a file, not the templates folder; pass --templates DIR"),
            (["--output", "eine-datei"], "eine-datei: error: the output 'eine-datei' is a file, not a folder; remove it or choose another folder with --output, e.g. public"),
        ]
        for (arguments, message) in cases {
            let r = try CommandLineTests().run(["build", "--now", "2026-11-26T12:00:00+01:00"] + arguments, in: root)
            #expect(r.status == 1)
            let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
            #expect(errors == [Substring(message)], "\(r.stderr)")
        }
        #expect(try String(contentsOfFile: root + "/eine-datei", encoding: .utf8) == "x")
    }

    /// A folder inside the content folder, the site's folder or another folder given as --source
    /// is one error naming the folder to pass, not a warning per file that is no page there.
    @Test func aWrongContentFolderIsOneMessage() throws {
        let root = try goodSite()
        TestSupport.write(["content/posts/2025/a.md": "---\ntitle: A\ndate: 2025-01-01\n---\nText\n",
                           "content/posts/2025/b.md": "---\ntitle: B\ndate: 2025-01-02\n---\nText\n",
                           "notizen/liste.md": "# Liste\n"], under: root)
        let cases: [(String, String)] = [
            ("content/posts", "content/posts: error: 'content/posts' is a folder inside the content folder; pass the content folder itself: --source content"),
            ("content/posts/2025/", "content/posts/2025: error: 'content/posts/2025' is a folder inside the content folder; pass the content folder itself: --source content"),
            (".", ".: error: '.' is the site's folder, not its content folder; pass --source content"),
            ("notizen", "notizen: error: 'notizen' is no content folder: it holds no site.yml and none of the folders fields, posts, events, projects, pages; run sitegen in the site's folder or pass --source DIR"),
        ]
        for (source, message) in cases {
            let r = try CommandLineTests().run(["check", "--source", source, "--now", "2026-11-26T12:00:00+01:00"], in: root)
            #expect(r.status == 1)
            let lines = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") || $0.contains(": warning: ") }
            #expect(lines == [Substring(message)], "\(r.stderr)")
        }
        // The content folder without its site.yml is still told just that.
        try FileManager.default.removeItem(atPath: root + "/content/site.yml")
        let r = try CommandLineTests().run(["check", "--now", "2026-11-26T12:00:00+01:00"], in: root)
        #expect(r.stderr.contains("content/site.yml: error: site.yml is missing"), "\(r.stderr)")
    }

    /// A broken link written by the templates is reported against the page in the output folder
    /// the build was given, in a full build and in a rebuild that reuses the findings. (Made so
    /// that no template holds it or its rest after a tag, which would name the template instead.)
    @Test func templateLinksNameTheOutputFolderGiven() throws {
        let root = try goodSite()
        let templates = root + "/Templates/partials/site-footer.mustache"
        let footer = try String(contentsOfFile: templates, encoding: .utf8)
        try (footer + "<a href=\"/gibt-es-nicht-{{site.lang}}/\">x</a>\n").write(toFile: templates, atomically: true, encoding: .utf8)
        for _ in 0..<2 {
            let r = try CommandLineTests().run(["build", "--output", "out/site", "--now", "2026-11-26T12:00:00+01:00"], in: root)
            #expect(r.status == 1)
            #expect(r.stderr.contains("out/site/index.html: error: "), "\(r.stderr)")
            #expect(r.stderr.contains("(written by the templates)"))
            #expect(!r.stderr.contains("public/index.html"))
        }
    }

    @Test(arguments: BadInputTests.cases)
    func fixture(_ name: String) throws {
        let root = try goodSite()
        try overlay(name, onto: root)
        let expected = try String(contentsOfFile: Self.fixtures + "/" + name + "/expected.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        try expectFailure(in: root, messages: expected)
    }

    @Test func errorsComeInAStableOrder() throws {
        let root = try goodSite()
        try overlay("many-errors-together", onto: root)
        let a = try CommandLineTests().run(["build", "--now", "2026-11-26T12:00:00+01:00"], in: root)
        let b = try CommandLineTests().run(["build", "--now", "2026-11-26T12:00:00+01:00"], environment: ["SITEGEN_JOBS": "1"], in: root)
        #expect(a.stderr == b.stderr)
        let errorLines = a.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errorLines.count == 3)
        #expect(errorLines.map(String.init) == errorLines.map(String.init).sorted())
    }

    @Test func veryLargeFileIsRefusedClearly() throws {
        let root = try goodSite()
        let big = "---\ntitle: Groß\ndate: 2025-01-01T10:00:00+01:00\n---\n" + String(repeating: "Lorem ipsum dolor sit amet. ", count: 180_000)
        TestSupport.write(["content/posts/2025/gross.md": big], under: root)
        try expectFailure(in: root, messages: ["content/posts/2025/gross.md: error: file is 5,0 MB, more than the limit of 4 MB"])
    }

    @Test func symlinkOutsideContentAndLoops() throws {
        let root = try goodSite()
        try FileManager.default.createSymbolicLink(atPath: root + "/content/geheim.md", withDestinationPath: "/etc/hostname")
        try FileManager.default.createSymbolicLink(atPath: root + "/content/schleife", withDestinationPath: root + "/content/schleife")
        try expectFailure(in: root, messages: [
            "content/geheim.md: error: symbolic link points outside the content folder",
            "content/schleife: error: symbolic link is broken or loops",
        ])
    }

    @Test func templateSyntaxErrorNamesFileLineAndColumn() throws {
        let root = try goodSite()
        let post = root + "/Templates/post.mustache"
        var text = try String(contentsOfFile: post, encoding: .utf8)
        text = text.replacingOccurrences(of: "{{/post}}", with: "{{/pots}}")
        try text.write(toFile: post, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("{{/pots}}") }! + 1
        try expectFailure(in: root, messages: ["Templates/post.mustache:\(line):1: error: template syntax error: the closing tag {{/pots}} does not match {{#post}} at line 3; did you mean {{/post}}?"])
    }

    @Test func missingPartialAndMissingTemplate() throws {
        let root = try goodSite()
        try FileManager.default.removeItem(atPath: root + "/Templates/partials/pagination.mustache")
        try FileManager.default.removeItem(atPath: root + "/Templates/event.mustache")
        try expectFailure(in: root, messages: [
            "Templates/event.mustache: error: template for page kind 'event' is missing",
            "error: partial or layout 'partials/pagination' does not exist",
        ])
    }

    @Test func missingCardPartial() throws {
        // Lists show each item through its card partial: without it every list would be silently empty.
        let root = try goodSite()
        try FileManager.default.removeItem(atPath: root + "/Templates/partials/card-event.mustache")
        try expectFailure(in: root, messages: [
            "Templates/event-list.mustache:17:19: error: partial or layout 'partials/card-event' does not exist (looked for Templates/partials/card-event.mustache)\n",
            "Templates/home.mustache:40:19: error: partial or layout 'partials/card-event' does not exist",
        ])
    }

    @Test func missingBadgePartial() throws {
        let root = try goodSite()
        try FileManager.default.removeItem(atPath: root + "/Templates/partials/badge.mustache")
        try expectFailure(in: root, messages: [
            "Templates/partials/badge-items.mustache:1:11: error: partial or layout 'partials/badge' does not exist (looked for Templates/partials/badge.mustache); did you mean 'partials/badges'?",
        ])
    }

    /// A tag naming a key its view does not have rendered nothing without a word (an empty <h1>).
    @Test func aKeyTheViewDoesNotHaveIsReportedWithItsPlaceAndASuggestion() throws {
        let root = try goodSite()
        let post = root + "/Templates/post.mustache"
        var text = try String(contentsOfFile: post, encoding: .utf8)
        text = text.replacingOccurrences(of: "{{^lang}}{{title}}{{/lang}}</h1>", with: "{{^lang}}{{titel}}{{/lang}}</h1>")
        text = text.replacingOccurrences(of: "{{{html}}}", with: "{{html}}")
        try text.write(toFile: post, atomically: true, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let titleLine = lines.firstIndex { $0.contains("{{titel}}") }! + 1
        let titleColumn = lines[titleLine - 1].distance(from: lines[titleLine - 1].startIndex, to: lines[titleLine - 1].range(of: "{{titel}}")!.lowerBound) + 1
        let htmlLine = lines.firstIndex { $0 == "{{html}}" }! + 1
        let card = root + "/Templates/partials/card-post.mustache"
        try (try String(contentsOfFile: card, encoding: .utf8)).replacingOccurrences(of: "{{dateText}}", with: "{{post.datum}}")
            .write(toFile: card, atomically: true, encoding: .utf8)
        let r = try CommandLineTests().run(["build", "--now", "2026-11-26T12:00:00+01:00"], in: root)
        #expect(r.status == 0, "a warning, not an error: \(r.stderr)")
        #expect(r.stderr.contains("Templates/post.mustache:\(titleLine):\(titleColumn): warning: no key 'titel' here; did you mean 'title'?"), "\(r.stderr)")
        #expect(r.stderr.contains("Templates/post.mustache:\(htmlLine):1: warning: 'html' is HTML: {{html}} prints it escaped, as text; write {{{html}}}"), "\(r.stderr)")
        // In a partial, the key is looked for in every view the partial is rendered with.
        #expect(r.stderr.contains("Templates/partials/card-post.mustache:5:"), "\(r.stderr)")
        #expect(r.stderr.contains("warning: no key 'post' here"), "\(r.stderr)")
        let strict = try CommandLineTests().run(["build", "--strict", "--now", "2026-11-26T12:00:00+01:00"], in: root)
        #expect(strict.status == 1)
    }

    @Test func unsupportedMustacheIsASyntaxErrorThatSaysSo() throws {
        let root = try goodSite()
        try "{{>*dynamisch}}\n".write(toFile: root + "/Templates/partials/labels.mustache", atomically: true, encoding: .utf8)
        try expectFailure(in: root, messages: [
            "Templates/partials/labels.mustache:1:1: error: template syntax error: dynamic names ({{>*dynamisch}}) are not supported; name the partial",
        ])
    }

    @Test func missingSiteYAML() throws {
        let root = try goodSite()
        try FileManager.default.removeItem(atPath: root + "/content/site.yml")
        try expectFailure(in: root, messages: ["content/site.yml: error: site.yml is missing"])
    }

    @Test func byteOrderMarkAndCRLFAreRenderedRight() throws {
        let root = try goodSite()
        let text = "---\r\ntitle: \"Grüße aus Schwerte\"\r\ndate: 2025-01-01T10:00:00+01:00\r\n---\r\n\r\n## Überschrift\r\n\r\nZeile eins\r\nZeile zwei\r\n"
        try FileManager.default.createDirectory(atPath: root + "/content/posts/2025", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: root + "/content/posts/2025/bom.md", contents: Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        let r = try CommandLineTests().run(["build", "--now", "2026-11-26T12:00:00+01:00"], in: root)
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOfFile: root + "/public/blog/2025/bom/index.html", encoding: .utf8)
        #expect(html.contains("Grüße aus Schwerte</h1>"))
        #expect(html.contains("<h2 id=\"ueberschrift\">Überschrift</h2>"))
        #expect(!html.contains("\r"))
        #expect(!html.contains("\u{FEFF}"))
    }

    @Test func fileNamesWithSpacesAndUmlautsGetASlug() throws {
        let root = try goodSite()
        TestSupport.write(["content/pages/Über uns.md": "---\ntitle: Über uns\n---\nText\n"], under: root)
        let r = try CommandLineTests().run(["build", "--now", "2026-11-26T12:00:00+01:00"], in: root)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: root + "/public/ueber-uns/index.html"))
        #expect(r.stderr.contains("content/pages/Über uns.md: warning: file name 'Über uns' is not a slug; it is published as 'ueber-uns'"))
    }

    /// A bad link in the Markdown is one message at its line, not also one from the link check
    /// of the built page (and not one blamed on the templates).
    @Test func aBadLinkIsReportedOnce() throws {
        let root = try goodSite()
        TestSupport.write(["content/posts/2025/links.md": """
            ---
            title: Links
            date: 2025-03-01T10:00:00+01:00
            ---
            [fehlt](../2024/gibt-es-nicht.md) und ![Bild](bild-fehlt.png)

            [win](..\\..\\projects\\x.md) und [Straße](straße-fehlt.md) und [ref][r]

            [r]: fehlt-auch.md
            """], under: root)
        let r = try CommandLineTests().run(["build", "--now", "2026-11-26T12:00:00+01:00"], in: root)
        #expect(r.status == 1)
        let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        #expect(errors == [
            "content/posts/2025/links.md:5: error: image 'bild-fehlt.png' does not exist under content/",
            "content/posts/2025/links.md:5: error: link target '../2024/gibt-es-nicht.md' does not exist",
            "content/posts/2025/links.md:7: error: link target '....\\projects\\x.md' contains a backslash (\\); write addresses with /, e.g. ../../projects/mein-projekt.md",
            "content/posts/2025/links.md:7: error: link target 'fehlt-auch.md' does not exist",
            "content/posts/2025/links.md:7: error: link target 'straße-fehlt.md' does not exist",
        ], "\(r.stderr)")
    }

    /// A strategy PDF that is not there is one message, at strategy.md's `pdf`; the pages leave its link out.
    @Test func aMissingStrategyPDFIsReportedOnce() throws {
        let root = try goodSite()
        TestSupport.write(["content/strategy.md": "---\ntitle: Strategie\npdf: downloads/fehlt.pdf\n---\nText\n"], under: root)
        let r = try CommandLineTests().run(["build", "--now", "2026-11-26T12:00:00+01:00"], in: root)
        #expect(r.status == 1)
        let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        #expect(errors == ["content/strategy.md:3: error: pdf 'downloads/fehlt.pdf' does not exist under content/; put the file there or give an https address"],
                "\(r.stderr)")
    }

    /// A partial with a syntax error is one message, not also one per template that includes it.
    @Test func aBrokenPartialIsOneMessage() throws {
        let root = try goodSite()
        try "{{#labels}}<span>{{.}}</span>\n".write(toFile: root + "/Templates/partials/labels.mustache", atomically: true, encoding: .utf8)
        let r = try CommandLineTests().run(["build", "--now", "2026-11-26T12:00:00+01:00"], in: root)
        #expect(r.status == 1)
        let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 1, "\(r.stderr)")
        #expect(errors.first?.contains("Templates/partials/labels.mustache") == true)
        #expect(errors.first?.contains("is not closed") == true, "\(r.stderr)")
    }

    /// A partial that includes itself would recurse until the stack overflows (it crashed the build).
    @Test func aPartialThatIncludesItselfIsAnError() throws {
        let root = try goodSite()
        let partial = root + "/Templates/partials/badge-items.mustache"
        let text = try String(contentsOfFile: partial, encoding: .utf8)
        try (text + "{{> partials/badge-items}}\n").write(toFile: partial, atomically: true, encoding: .utf8)
        try "{{> partials/b}}".write(toFile: root + "/Templates/partials/a.mustache", atomically: true, encoding: .utf8)
        try "x\n{{#y}}{{>partials/a}}{{/y}}".write(toFile: root + "/Templates/partials/b.mustache", atomically: true, encoding: .utf8)
        try expectFailure(in: root, messages: [
            "Templates/partials/badge-items.mustache:\(text.split(separator: "\n", omittingEmptySubsequences: false).count): error: 'partials/badge-items' includes itself (partials/badge-items → partials/badge-items), so rendering would never end; remove one of these partial tags",
            "Templates/partials/a.mustache:1: error: 'partials/a' includes itself (partials/a → partials/b → partials/a), so rendering would never end; remove one of these partial tags",
        ])
        #expect(TemplateSet.partialCycles(["a": ["b"], "b": ["c"], "c": ["a", "d"], "d": [], "e": ["e", "a", "gibt-es-nicht"]])
            == [["a", "b", "c"], ["e"]])
    }

    /// Hugo's page bundles (`mein-beitrag/index.md`) would all be published as 'index'.
    @Test func anIndexFileIsPublishedWithAWarning() throws {
        let root = try goodSite()
        let post = "---\ntitle: Beitrag\ndate: 2025-03-01T10:00:00+01:00\n---\nText\n"
        TestSupport.write(["content/posts/2025/stadtlabor/index.md": post, "content/posts/2024/index.md": post.replacingOccurrences(of: "2025", with: "2024")],
                          under: root)
        let r = try CommandLineTests().run(["build", "--now", "2026-11-26T12:00:00+01:00"], in: root)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("content/posts/2025/stadtlabor/index.md: warning: a page is named after its file, so this one is published as 'index'; name the file after its content, e.g. 'posts/2025/stadtlabor.md'"))
        #expect(r.stderr.contains("content/posts/2024/index.md: warning: a page is named after its file, so this one is published as 'index'; name the file after its content, e.g. 'posts/2024/mein-beitrag.md'"))
        #expect(!r.stderr.contains("is not a slug"))
    }
}
