import Testing
@testable import SiteGen

@Suite struct FrontMatterTests {
    @Test func splitsYAMLFromBody() throws {
        let split = try FrontMatter.split("---\ntitle: A\n---\n\nBody\n")
        #expect(split.yaml == "title: A\n")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "\nBody\n")
        #expect(split.bodyFirstLine == 4)
        #expect(split.hasFrontMatter)
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let split = try FrontMatter.split("# Hallo\n")
        #expect(!split.hasFrontMatter)
        #expect(split.body == "# Hallo\n")
    }

    @Test func unclosedFrontMatterIsAnErrorOnLine1() {
        #expect(throws: FrontMatterError.self) { try FrontMatter.split("---\ntitle: A\nBody\n") }
        do { _ = try FrontMatter.split("---\ntitle: A\n") } catch { #expect(error.line == 1); #expect(error.message.contains("not closed")) }
    }

    /// `—` (Word's dash for ---) or `----` where the front matter begins or ends: "front matter is
    /// missing" or "add a line with three dashes" named neither the line nor what was wrong with it.
    @Test func aDashLineMeantAsTheFrontMattersLineIsNamed() {
        let clause = "is not the line that begins or ends the front matter: that is exactly three hyphens (---), which a word processor may have made a dash of"
        for (text, line, written) in [("—\ntitle: A\n—\nText\n", 1, "—"), ("---\ntitle: A\ndate: 2025-01-01\n----\nText\n", 4, "----"),
                                      ("\n–––\ntitle: A\n–––\n", 2, "–––")] {
            do { _ = try FrontMatter.split(text); Issue.record("no error for \(text)") } catch {
                #expect(error.line == line && error.message == "'\(written)' " + clause, "\(error.message)")
            }
        }
    }

    /// A whole post pasted below the front matter `sitegen new` made: its front matter would be
    /// published as a rule and a heading. Markdown that only looks a little like it stays Markdown.
    @Test func aSecondFrontMatterBlockIsAnErrorAtItsLine() throws {
        let pasted = "---\ntitle: \"A\"\ndate: 2026-11-01\n---\n\n---\ntitle: \"A\"\ndate: 2026-11-01\nfields:\n  - mobilitaet\ntags: [a, b]\n---\nText\n"
        do {
            _ = try FrontMatter.split(pasted)
            Issue.record("a second front matter block was accepted")
        } catch {
            #expect(error.line == 6)
            #expect(error.message.contains("second front matter block"))
        }
        for markdown in [
            "---\ntitle: A\n---\nText\n\n---\ntitle: B\n---\n",          // not at the start of the body
            "---\ntitle: A\n---\n---\nHinweis: bitte anmelden\n---\n",     // a rule and a heading, no title
            "---\ntitle: A\n---\n---\ntitle: B\nund dann ein Satz.\n---\n", // a line that is not YAML
            "---\ntitle: A\n---\n---\n\nText\n",                            // a rule only
        ] {
            #expect(try FrontMatter.split(markdown).hasFrontMatter, "\(markdown)")
        }
    }

    /// A `...` or `---` typed between keys closed the front matter there: the keys below it were
    /// published as text, and a `draft: true` among them published the draft (exit 0). So did
    /// `draft: true` added below the closing `---`. A heading over a rule stays Markdown.
    @Test(arguments: [
        ("---\ntitle: A\n...\ndraft: true\n---\nText\n", 3, "this line ends the front matter, but more keys follow below it, up to the --- on line 5; delete this line"),
        ("---\ntitle: A\n---\nsummary: s\nfields:\n  - a\ndraft: true\n---\nText\n", 3, "this line ends the front matter, but more keys follow below it, up to the --- on line 8; delete this line"),
        ("---\ntitle: A\n---\n\ndraft: true\n\nText\n", 5, "'draft:' stands below the --- that ends the front matter (line 3), so it is text of the page, and the page would be published; move it above that line"),
        ("---\ntitle: A\n---\ndraft:\n\nText\n", 4, "'draft:' stands below the --- that ends the front matter (line 3), so it is text of the page, and the page would be published; move it above that line"),
    ])
    func frontMatterGoingOnBelowItsEndIsAnError(_ text: String, _ line: Int, _ message: String) {
        do {
            _ = try FrontMatter.split(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.message == message)
        }
    }

    @Test func markdownThatLooksLikeKeysStaysMarkdown() throws {
        for markdown in [
            "---\ntitle: A\n---\nStand: März 2026\n---\n\nText\n",   // a heading over a rule
            "---\ntitle: A\n---\n\n---\n\nText\n",                        // a rule
            "---\ntitle: A\n---\nText mit draft: true\n",
            "---\ntitle: A\n---\n- draft: eine Liste\n",
            // Not keys as the format names them: a capital, a letter outside a–z, no space after the colon, no name.
            "---\ntitle: A\n---\nmaß: 3\n---\n\nText\n",
            "---\ntitle: A\n---\nnotiz:ohne Leerzeichen\n---\n\nText\n",
            "---\ntitle: A\n---\n: nur ein Doppelpunkt\n---\n\nText\n",
            "---\ntitle: A\n---\n" + String(repeating: "Ein langer Absatz ohne Doppelpunkt. ", count: 200) + "\n---\n",
        ] {
            #expect(try FrontMatter.split(markdown).hasFrontMatter, "\(markdown)")
        }
    }

    /// The YAML checks' lines are the text's lines as splitting at "\n" gives them, empty ones included.
    @Test func yamlLinesAreSplitAtEachLineFeed() {
        for yaml in ["", "\n", "title: A", "title: A\n", "title: Grüße\n\ntags:\n  - Klima\n", "\n\nx\n\n"] {
            #expect(YAMLHints.lines(yaml) == yaml.split(separator: "\n", omittingEmptySubsequences: false), "\(yaml)")
        }
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: Grüße\r\n---\r\nText\r\n".utf8)
        let text = try #require(FrontMatter.decodeText(bytes))
        #expect(!text.contains("\r"))
        let split = try FrontMatter.split(text)
        #expect(split.yaml == "title: Grüße\n")
        #expect(split.body == "Text\n")
    }

    @Test func invalidUTF8AndBinaryAreRejected() {
        #expect(FrontMatter.decodeText([0x2D, 0xFF, 0xFE]) == nil)
        #expect(FrontMatter.decodeText([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]) == nil)
    }

    @Test func yamlSyntaxErrorReportsTheFileLine() {
        // Line 1 is '---', so the broken third YAML line is file line 4.
        do {
            _ = try YAMLReader.parse("title: A\nsummary: B\nfields: [a, b\n", firstLine: 2)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 4)
            #expect(error.message == "the list opened with [ in line 4 is not closed; end it with ] on the same line, e.g. fields: [a, b]")
        }
    }

    @Test func valuesKeepTheirLines() throws {
        let value = try YAMLReader.parse("title: A\nfields:\n  - x\n  - y\n", firstLine: 2)
        guard case .map(let map)? = value else { Issue.record("not a map"); return }
        #expect(map.entry("title")?.keyLine == 2)
        #expect(map.entry("fields")?.keyLine == 3)
    }

    @Test func aliasBombIsRejectedQuickly() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        let clock = Stopwatch()
        #expect(throws: YAMLError.self) { try YAMLReader.parse(yaml, firstLine: 2) }
        #expect(clock.total < 5)
    }

    @Test func duplicateKeysAreAnError() {
        #expect(throws: YAMLError.self) { try YAMLReader.parse("title: A\ntitle: B\n", firstLine: 2) }
    }

    /// The message of a YAML text that cannot be read, as "line: message".
    func failure(_ yaml: String, firstLine: Int = 2) -> String {
        do { _ = try YAMLReader.parse(yaml, firstLine: firstLine) } catch {
            return "\(error.line.map(String.init) ?? "-")\(error.column.map { ":\($0)" } ?? ""): \(error.message)"
        }
        return "no error"
    }

    /// Only the messages about one content file (the minimal site around it has none of its own).
    func messages(_ path: String, _ text: String) -> [String] {
        let (_, diagnostics) = TestSupport.model(TestSupport.minimalSite.merging([path: text]) { _, b in b })
        return diagnostics.filter { $0.file == "content/" + path }.map(\.description)
    }

    /// `- Klima` with `  - Sensorik` indented below it is one entry to YAML: the post had the tag
    /// "Klima - Sensorik" without a word. One on a line of its own, or in brackets, is no mistake.
    @Test func aListEntryIndentedFurtherIsNamed() {
        let post = "---\ntitle: A\ndate: 2025-01-01\nsummary: S\ntags:\n- Klima\n  - Sensorik\n- Open Data - Portal\n---\nText.\n"
        #expect(messages("posts/2025/a.md", post) == [
            "content/posts/2025/a.md:7: warning: this line is indented further than the list entry above it, so YAML reads it as more text of that entry ('Klima - Sensorik'); indent every entry of the list alike",
        ])
    }

    /// `summary:Kurz` is read as text and fails on the next line; the message names the line and the fix.
    @Test func missingSpaceAfterColonNamesItsLine() {
        #expect(failure("title: A\ndate: 2025-01-01T10:00:00+01:00\nsummary:Kurz\n") == "4: write a space after the colon: summary: Kurz")
        #expect(failure("title: A\ndate:2025-01-01T10:00:00+01:00\nsummary: Kurz\n") == "3: write a space after the colon: date: 2025-01-01T10:00:00+01:00")
        #expect(failure("title:A\n") == "2: write a space after the colon: title: A")
        // A no-break space from Word looks like a space: the message says what it is, and the fix has a plain one.
        #expect(failure("title: A\nauthor:\u{A0}\"Team\"\ntags: [a]\n")
                == "3: after the colon stands a no-break space (as Word writes it), which YAML does not read as a space; type a plain space: author: \"Team\"")
        #expect(failure("publisher:\n  name: A\n  url:https://example.org/\nlanguage: de\n", firstLine: 1)
                == "3: write a space after the colon: url: https://example.org/")
        // A web address continuing a value is no key: the parser's own message stays.
        #expect(failure("summary: Text\n  https://example.org\ntags: [a\n") == "4: the list opened with [ in line 4 is not closed; end it with ] on the same line, e.g. fields: [a, b]")
        #expect(failure("summary: Stadt: Wandel\n") == "2: the value of 'summary' contains a colon and a space, which YAML reads as the start of another key; put the value in quotes: summary: \"Stadt: Wandel\"")
        // A colon in a title, the line's own value in quotes; in a list entry, the general hint.
        #expect(failure("title: Klimamessnetz: Dortmund misst \"Hitze\"\n") == "2: the value of 'title' contains a colon and a space, which YAML reads as the start of another key; put the value in quotes: title: 'Klimamessnetz: Dortmund misst \"Hitze\"'")
        #expect(failure("tags:\n  - Stadt: Wandel\n  - x: y: z\n").hasSuffix("put text that contains a colon in quotes, e.g. title: \"Stadt: Wandel\""))
    }

    /// The hints for a hashtag in a list, a dash without its space and a quote closed by the next
    /// key's quote stay away from what YAML reads as meant, and from other mistakes.
    @Test func hintsForLaterNamedMistakesKeepToTheirCases() {
        #expect(failure("tags: [a#b, \"#c\", 'd #e']  # Schlagworte\nfields:\n  - x\n") == "no error")
        #expect(failure("tags: [a, b] #x]\nsummary: Stadt: Wandel\n") == "3: the value of 'summary' contains a colon and a space, which YAML reads as the start of another key; put the value in quotes: summary: \"Stadt: Wandel\"")
        #expect(failure("fields: [a] #Feld\nsummary: Stadt: Wandel\n") == "3: the value of 'summary' contains a colon and a space, which YAML reads as the start of another key; put the value in quotes: summary: \"Stadt: Wandel\"")
        // Text in quotes over two lines on purpose; the list below is the mistake.
        #expect(failure("summary: \"Ein\n  Text\"\ntags: [a\n") == "4: the list opened with [ in line 4 is not closed; end it with ] on the same line, e.g. fields: [a, b]")
        #expect(failure("summary: Ein\n  -Text\n") == "no error")
        // A value's second line without indentation is no text below unclosed front matter.
        let next = messages("posts/2025/k.md", "---\ntitle: A\ndate: 2025-01-01T10:00:00+01:00\nsummary: Ein langer\nText über etwas\n---\nText\n")
        #expect(next.count == 1 && !next[0].contains("not closed"), "\(next)")
    }

    /// The second place of a key, with the first, in file lines (not Yams's dump of the whole text).
    @Test func duplicateKeyNamesBothLines() {
        #expect(failure("title: A\ndate: 2025-01-01\ntitle: B\n") == "4: 'title' appears twice (first at line 2); keep one")
        #expect(failure("# Einstellungen\ntitle: A\npublisher:\n  name: X\n  url: https://x.de/\n  name: Y\npaginate: 5\n", firstLine: 1)
                == "6: 'name' appears twice (first at line 4); keep one")
        #expect(failure("title: A\n\"title\": B\n") == "3: 'title' appears twice (first at line 2); keep one")
        #expect(failure("location: {name: a, name: b}\n") == "2: 'name' appears more than once; keep one")
    }

    @Test func tabIndentationIsNamed() {
        #expect(failure("title: A\npublisher:\n\tname: X\n", firstLine: 1) == "3: YAML does not allow tabs for indentation; use spaces")
        #expect(failure("title: A\ntags:\n\t- a\n") == "4: YAML does not allow tabs for indentation; use spaces")
        #expect(failure("title: A\n\tsummary: B\n") == "3: YAML does not allow tabs for indentation; use spaces")
    }

    /// Empty lines or spaces before the opening `---` say where the `---` is.
    @Test func dashesMustBeOnTheFirstLine() {
        do { _ = try FrontMatter.split("\n\n---\ntitle: A\n---\nText\n"); Issue.record("expected an error") } catch {
            #expect(error == FrontMatterError(line: 3, message: "the file must start with '---' on its first line, but it is on line 3; remove the empty lines above it"))
        }
        do { _ = try FrontMatter.split("  ---\ntitle: A\n---\nText\n"); Issue.record("expected an error") } catch {
            #expect(error == FrontMatterError(line: 1, message: "the first line must be exactly '---', without spaces before or after it"))
        }
        let plain = try? FrontMatter.split("\n# Nur Text\n---\n")
        #expect(plain?.hasFrontMatter == false)
    }

    /// Each of these mistakes is one error about its own line, and nothing else about the file.
    @Test func eachMistakeIsOneMessage() {
        let date = "date: 2025-01-01T10:00:00+01:00\n"
        let cases: [(String, String)] = [
            ("---\ntitle: A\n" + date + "summary:Kurz\n---\nText\n",
             "content/posts/2025/k.md:4: error: write a space after the colon: summary: Kurz"),
            ("---\ntitle: A\n" + date + "title: B\n---\nText\n",
             "content/posts/2025/k.md:4: error: 'title' appears twice (first at line 2); keep one"),
            ("---\ntitle: A\n" + date + "tags:\n\t- a\n---\nText\n",
             "content/posts/2025/k.md:5: error: YAML does not allow tabs for indentation; use spaces"),
            ("\n---\ntitle: A\n" + date + "---\nText\n",
             "content/posts/2025/k.md:2: error: the file must start with '---' on its first line, but it is on line 2; remove the empty lines above it"),
        ]
        for (text, message) in cases { #expect(messages("posts/2025/k.md", text) == [message]) }
        let site = TestSupport.minimalSite["site.yml"]! + "paginate: 5\nlanguage: de\npaginate: 6\n"
        let (_, diagnostics) = TestSupport.model(TestSupport.minimalSite.merging(["site.yml": site]) { _, b in b })
        #expect(diagnostics.filter { $0.severity == .error }.map(\.description)
                == ["content/site.yml:5: error: 'paginate' appears twice (first at line 3); keep one"])
    }

    /// A ` #` after a plain text value starts a comment: the page would show "Was ist".
    @Test func hashInPlainValueIsAWarning() {
        let text = "---\ntitle: Was ist #Smartcity?\ndate: 2025-01-01T10:00:00+01:00 # verschoben\n"
            + "summary: Sag \"Hallo\" #gruss\nauthor: \"Team #1\"\n# nur ein Kommentar\nfields: [daten-und-plattformen] # Feld\n"
            + "image_alt: Karte#1\n---\nText\n"
        #expect(messages("posts/2025/x.md", text) == [
            "content/posts/2025/x.md:2: warning: 'title' ends at '#' because YAML reads ' #…' as a comment; put the value in quotes: title: \"Was ist #Smartcity?\"",
            "content/posts/2025/x.md:4: warning: 'summary' ends at '#' because YAML reads ' #…' as a comment; put the value in quotes: summary: 'Sag \"Hallo\" #gruss'",
        ])
        // A comment written as one (a space after '#') stays a comment.
        let site = "title: Test  # Name\nbase_url: https://example.org/\npaginate: 5 # pro Seite\nunsafe_html: false # sicher\n"
            + "publisher:\n  name: Stadt #Dortmund\nlanguage: de #\n"
        let (_, diagnostics) = TestSupport.model(TestSupport.minimalSite.merging(["site.yml": site]) { _, b in b })
        #expect(diagnostics.filter { $0.file == "content/site.yml" }.map(\.description) == [
            "content/site.yml:6: warning: 'name' ends at '#' because YAML reads ' #…' as a comment; put the value in quotes: name: \"Stadt #Dortmund\"",
        ])
    }

    /// The warning is printed by `build` and `check`, and neither fails for it.
    @Test func hashWarningInBuildAndCheck() throws {
        let root = TestSupport.temporaryFolder("hash-warning")
        TestSupport.write(TestSupport.minimalSite.merging(["pages/x.md": "---\ntitle: Was ist #Smartcity?\n---\nText\n"]) { _, b in b },
                          under: root + "/content")
        let warning = "content/pages/x.md:2: warning: 'title' ends at '#' because YAML reads ' #…' as a comment; put the value in quotes: title: \"Was ist #Smartcity?\""
        for command in ["build", "check"] {
            let r = try CommandLineTests().run([command, "--templates", TestSupport.templates, "--now", "2026-11-26T12:00:00+01:00"], in: root)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").contains(Substring(warning)), "\(command): \(r.stderr)")
        }
    }
}
