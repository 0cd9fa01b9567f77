import Foundation
import Testing
@testable import SiteGen

/// What editors see of their content: each case feeds an input and checks the exact behaviour.
@Suite struct EditorTests {
    func page(_ files: [String: String], _ path: String) throws -> String {
        let (report, sink) = TestSupport.buildInMemory(TestSupport.minimalSite.merging(files) { _, b in b })
        #expect(report.diagnostics.errorMessages.isEmpty, "\(report.diagnostics.errorMessages)")
        return String(decoding: try #require(sink.files[path], "\(path) was not written"), as: UTF8.self)
    }

    func project(_ dates: String) -> [String: String] {
        ["projects/messnetz.md": "---\ntitle: Messnetz\nstatus: umsetzung\n\(dates)---\nText.\n"]
    }

    /// Files named with spaces (as Windows and Office name them) were put into the pages' src and
    /// href as they are: `href="/downloads/Smart City Strategie.pdf"` is no valid address (the
    /// HTML checker rejects it, and a srcset would split at the space).
    @Test func aFileWithSpacesInItsNameIsLinkedWithAValidAddress() throws {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"2\"></svg>"
        let files = ["images/Deko Welle.svg": svg, "downloads/Smart City Strategie.pdf": "%PDF-1.4\n",
                     "strategy.md": "---\ntitle: Strategie\npdf: downloads/Smart City Strategie.pdf\n---\nText.\n",
                     "posts/2025/a.md": "---\ntitle: A\ndate: 2025-03-01\nsummary: Kurz.\nimage: \"/images/Deko Welle.svg\"\nimage_alt: Welle\n---\n"
                        + "![Welle](<../../images/Deko Welle.svg>) [Strategie](<../../downloads/Smart City Strategie.pdf>)\n"]
        let post = try page(files, "blog/2025/a/index.html")
        #expect(post.contains("src=\"/images/Deko%20Welle.svg\" alt=\"Welle\" loading") && post.contains("class=\"article-image\" src=\"/images/Deko%20Welle.svg\""), "\(post)")
        #expect(post.contains("href=\"/downloads/Smart%20City%20Strategie.pdf\""))
        #expect(post.contains("content=\"https://example.org/images/Deko%20Welle.svg\""))
        #expect(!post.contains("Deko Welle.svg"))
        #expect(try page(files, "strategie/index.html").contains("href=\"/downloads/Smart%20City%20Strategie.pdf\""))
    }

    /// Download links state format and size (FACTS): the build adds them to the link's text, unless
    /// the text names the format already; links to pages, photos and other files stay as written.
    /// A link's address with the quotation marks Word put around it: one was "does not exist" (as
    /// if a file beside the page), one with a mark at its end went out broken without a word.
    @Test func anAddressInTypographicQuotesIsNamedWithItsFix() {
        let (report, _) = TestSupport.buildInMemory(minimalSiteWith: [
            "posts/2025/a.md": "---\ntitle: A\ndate: 2025-03-01\nsummary: Kurz.\n---\n[Programm](“https://example.org/programm”)\n\n[Plan](https://example.org/plan.pdf“)\n",
        ])
        let clause = "has a quotation mark at its start or end (as Word puts them), which is no part of an address; write it without: "
        #expect(report.diagnostics.errorMessages == [
            "/c/posts/2025/a.md:6: error: the address '“https://example.org/programm”' " + clause + "https://example.org/programm",
            "/c/posts/2025/a.md:8: error: the address 'https://example.org/plan.pdf“' " + clause + "https://example.org/plan.pdf",
        ], "\(report.diagnostics)")
    }

    /// A download whose copy or upload stopped before its first byte went out as it was: the
    /// link opened an empty file, without a word.
    @Test func anEmptyDownloadIsWarnedAbout() {
        let (report, sink) = TestSupport.buildInMemory(minimalSiteWith: [
            "downloads/plan.pdf": "", "downloads/liste.csv": "a;b\n",
            "posts/2025/a.md": "---\ntitle: A\ndate: 2025-03-01\nsummary: Kurz.\n---\n[Plan](../../downloads/plan.pdf) und [Liste](../../downloads/liste.csv)\n",
        ])
        #expect(report.diagnostics.warningMessages.filter { !$0.contains("required page") } == [
            "/c/downloads/plan.pdf: warning: file is empty (0 bytes), so whoever opens it gets nothing; copy the file again, or remove it and the links to it",
        ], "\(report.diagnostics)")
        #expect(sink.files["downloads/liste.csv"] != nil)
    }

    @Test func downloadLinksStateFormatAndSize() throws {
        let files = ["downloads/Haushalt 2026.xlsx": String(repeating: "x", count: 48_200), "downloads/flyer.pdf": "%PDF-1.4\n",
                     "downloads/daten.json": "{}", "downloads/plan.PDF": String(repeating: "y", count: 1_250_000),
                     "posts/2025/a.md": "---\ntitle: A\ndate: 2025-03-01\nsummary: Kurz.\n---\n"
                        + "[Der Haushalt](<../../downloads/Haushalt 2026.xlsx>), [Flyer (PDF, 1 KB)](../../downloads/flyer.pdf), "
                        + "[**Plan**](../../downloads/plan.PDF#seite=2), [Daten](../../downloads/daten.json)\n"]
        let post = try page(files, "blog/2025/a/index.html")
        #expect(post.contains("<a href=\"/downloads/Haushalt%202026.xlsx\">Der Haushalt (Excel, 48 KB)</a>"), "\(post)")
        #expect(post.contains("<a href=\"/downloads/flyer.pdf\">Flyer (PDF, 1 KB)</a>"), "the editor's own statement is kept")
        #expect(post.contains("<a href=\"/downloads/plan.PDF#seite=2\"><strong>Plan</strong> (PDF, 1,3 MB)</a>"))
        #expect(post.contains("<a href=\"/downloads/daten.json\">Daten</a>"))
    }

    /// A size written by hand that the file no longer has (the PDF was replaced) is a warning with
    /// the real size; a rounded one is not.
    @Test func aStatedDownloadSizeThatIsOutOfDateIsWarnedAbout() {
        let files = ["downloads/plan.pdf": String(repeating: "y", count: 3_400_000), "downloads/flyer.pdf": String(repeating: "z", count: 1_300_000),
                     "posts/2025/a.md": "---\ntitle: A\ndate: 2025-03-01\nsummary: Kurz.\n---\n"
                        + "[Plan (PDF, 1,2 MB)](../../downloads/plan.pdf) und [Flyer (PDF, 1 MB)](../../downloads/flyer.pdf)\n"]
        let (report, _) = TestSupport.buildInMemory(TestSupport.minimalSite.merging(files) { _, b in b })
        #expect(report.diagnostics.filter { $0.message.contains("no longer has") }.map(\.description) == [
            "/c/posts/2025/a.md:6: warning: link text 'Plan (PDF, 1,2 MB)' gives a size the file '../../downloads/plan.pdf' no longer has: it is 3,4 MB; write that, or leave format and size out and the build adds them",
        ])
        #expect(DownloadLinks.statedSize(in: "Bericht (PDF, 812 KB)") == 812_000)
        #expect(DownloadLinks.statedSize(in: "Report (PDF, 1.5 MB)") == 1_500_000)
        #expect(DownloadLinks.statedSize(in: "die Excel-Tabelle") == nil)
    }

    /// A project with only a start date read as lasting one month ("Zeitraum: September 2026").
    @Test func aProjectsPeriodSaysSinceOrUntilWhenOneEndIsOpen() throws {
        let fact = { (html: String) in html.components(separatedBy: "<dt>Zeitraum</dt><dd>").dropFirst().first?.components(separatedBy: "</dd>").first }
        #expect(fact(try page(project("start: 2026-09-01\n"), "projekte/messnetz/index.html")) == "seit September 2026")
        #expect(fact(try page(project("end: 2027-12-31\n"), "projekte/messnetz/index.html")) == "bis Dezember 2027")
        #expect(fact(try page(project("start: 2026-09-01\nend: 2027-12-31\n"), "projekte/messnetz/index.html")) == "September 2026 – Dezember 2027")
        #expect(fact(try page(project("start: 2026-09-01\nend: 2026-09-30\n"), "projekte/messnetz/index.html")) == "September 2026")
        #expect(fact(try page(project(""), "projekte/messnetz/index.html")) == nil, "no period, no fact")
    }
}

@Suite struct EditorCommandTests {
    let cli = CommandLineTests()

    /// `sitegen new page "Fragen & Antworten"` wrote `\u0026` into the title.
    @Test func aNewFilesTitleIsWrittenAsTypedAndReadsBack() throws {
        let content = TestSupport.temporaryFolder("new-title") + "/content"
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        let title = "Fragen & Antworten: \"FAQ\" \\ Ü <b>"
        let r = try cli.run(["new", "page", title, "--source", content])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("It is a draft (draft: true)"), "the editor learns it is a draft and how to publish it: \(r.stdout)")
        let files = try FileManager.default.contentsOfDirectory(atPath: content + "/pages")
        let text = try String(contentsOfFile: content + "/pages/" + files[0], encoding: .utf8)
        #expect(text.contains("title: \"Fragen & Antworten: \\\"FAQ\\\" \\\\ Ü <b>\"\n"), "\(text)")
        #expect(!text.contains("\\u00"))
        let front = try FrontMatter.split(text)
        let yaml = try YAMLReader.parse(front.yaml, firstLine: front.yamlFirstLine)
        if case .map(let m)? = yaml, case .scalar(let read, _, _, _)? = m.entries.first(where: { $0.key == "title" })?.value {
            #expect(read == title)
        } else { Issue.record("no title in \(text)") }
    }

    @Test func aTitleWithoutQuotesGetsTheCommandToType() throws {
        let r = try cli.run(["new", "post", "Ladesäulen", "in", "Hörde"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("put the title in quotes, so that it is one argument: sitegen new post \"Ladesäulen in Hörde\""), "\(r.stderr)")
    }

    @Test(arguments: [("biuld", "did you mean 'build'?"), ("chek", "did you mean 'check'?"), ("serv", "did you mean 'serve'?"), ("veröffentlichen", "(build, check, new, serve)")])
    func aMistypedCommandGetsADidYouMean(_ word: String, _ hint: String) throws {
        let r = try cli.run([word])
        #expect(r.status == 64)
        #expect(r.stderr.contains("error: '\(word)' is not a command of sitegen"), "\(r.stderr)")
        #expect(r.stderr.contains(hint), "\(r.stderr)")
    }
}

@Suite struct DateSpellingTests {
    /// `12.03.2026` (the German way) or `2026-3-5` got "must be a date like
    /// 2026-11-26T10:00:00+01:00", which left open whether 12.03. is March or December and
    /// whether a time is needed: the message gives the date as it must be written.
    @Test(arguments: [
        ("12.03.2026", "2026-03-12"),
        ("5.3.2026", "2026-03-05"),
        ("12.03.2026 18:00", "2026-03-12T18:00:00+01:00"),
        ("12.07.2026, 18:30 Uhr", "2026-07-12T18:30:00+02:00"),
        ("12. März 2026", "2026-03-12"),
        ("2026-3-5", "2026-03-05"),
        ("2026/03/05 9:15", "2026-03-05T09:15:00+01:00"),
        // A full hour as it is said was "must be a date like …".
        ("07.12.2026 18 Uhr", "2026-12-07T18:00:00+01:00"),
        ("7.12.2026, ab 9.30 Uhr", "2026-12-07T09:30:00+01:00"),
    ])
    func aDateWrittenAnotherWayGetsItsISOForm(_ written: String, _ iso: String) {
        func post(_ date: String) -> [String: String] {
            TestSupport.minimalSite.merging(["posts/2025/a.md": "---\ntitle: A\ndate: \(date)\nsummary: x\n---\nText\n"]) { _, b in b }
        }
        let (_, d) = TestSupport.model(post(written))
        #expect(d.errorMessages == ["content/posts/2025/a.md:3: error: 'date' is written '\(written)', but dates are written as year-month-day with two-digit month and day; write date: \(iso)"], "\(d.errorMessages)")
        let (_, fixed) = TestSupport.model(post(iso))
        #expect(fixed.errorMessages.isEmpty, "the suggestion is itself wrong: \(fixed.errorMessages)")
    }

    /// `end: 20:00` (the end of an evening, written as the day is obvious) got "must be a date
    /// like …"; the message gives the start's day with that time.
    @Test(arguments: ["20:00", "20 Uhr", "bis 20.00 Uhr"])
    func anEndThatIsOnlyATimeGetsTheStartsDay(_ written: String) {
        let files = TestSupport.minimalSite.merging(["events/2026/e.md": "---\ntitle: E\nstart: 2026-12-10T18:00:00+01:00\nend: \(written)\nlocation: Rathaus\n---\nText\n"]) { _, b in b }
        #expect(TestSupport.model(files).1.errorMessages == [
            "content/events/2026/e.md:4: error: 'end' is only a time ('\(written)'); write the day too: end: 2026-12-10T20:00:00+01:00"])
    }

    /// A bare number after the date is no time: it is not guessed.
    @Test func aBareHourIsNoTime() {
        let files = TestSupport.minimalSite.merging(["posts/2025/a.md": "---\ntitle: A\ndate: 07.12.2026 18\nsummary: x\n---\nText\n"]) { _, b in b }
        #expect(TestSupport.model(files).1.errorMessages == ["content/posts/2025/a.md:3: error: 'date' must be a date like 2026-11-26T10:00:00+01:00, but is '07.12.2026 18'"])
    }

    /// `datum: 7.12.2026` (German key, German date) had its date message at the line of the
    /// first key, not at the line of `datum:`.
    @Test func theMessageAboutAMistypedKeysValueNamesItsLine() {
        let files = TestSupport.minimalSite.merging(["posts/2025/a.md": "---\ntitle: A\nsummary: x\ndatum: 7.12.2026\n---\nText\n"]) { _, b in b }
        #expect(TestSupport.model(files).1.errorMessages.contains(
            "content/posts/2025/a.md:4: error: 'date' is written '7.12.2026', but dates are written as year-month-day with two-digit month and day; write date: 2026-12-07"),
            "\(TestSupport.model(files).1.errorMessages)")
    }

    /// A space before the offset (as some programs print dates) got only "must be a date like …".
    @Test func aSpaceBeforeTheOffsetIsNamed() {
        let files = TestSupport.minimalSite.merging(["posts/2025/a.md": "---\ntitle: A\ndate: 2025-11-26T10:00:00 +01:00\nsummary: x\n---\nText\n"]) { _, b in b }
        let (_, d) = TestSupport.model(files)
        #expect(d.errorMessages == ["content/posts/2025/a.md:3: error: 'date' is written '2025-11-26T10:00:00 +01:00', with a space before the offset; write date: 2025-11-26T10:00:00+01:00"], "\(d.errorMessages)")
        // As other programs print it: a space for the T, an offset without its colon.
        #expect(DateTime.withoutSpaceBeforeOffset("2025-05-20 10:00:00 +0200") == "2025-05-20T10:00:00+02:00")
        #expect(DateTime.withoutSpaceBeforeOffset("2025-05-20 10:00 +02:00") == "2025-05-20T10:00+02:00")
        #expect(DateTime.withoutSpaceBeforeOffset("2025-05-20 10:00:00 +02") == nil)
    }
}

@Suite struct ImpossibleDateTests {
    /// A date that does not exist got the message for text that is no date at all.
    @Test(arguments: [
        ("2026-02-30", "'date' is 2026-02-30, but February 2026 has 28 days; write a date that exists"),
        ("2028-02-30T10:00:00+01:00", "'date' is 2028-02-30T10:00:00+01:00, but February 2028 has 29 days; write a date that exists"),
        ("2026-13-01", "'date' is 2026-13-01, but there is no month 13 (months run from 01 to 12); write a date that exists"),
        ("2026-04-31", "'date' is 2026-04-31, but April 2026 has 30 days; write a date that exists"),
        ("2026-11-26T24:00:00+01:00", "'date' is 2026-11-26T24:00:00+01:00, but there is no hour 24 (hours run from 00 to 23; midnight at the end of a day is 00:00 of the next); write a date that exists"),
        ("morgen", "'date' must be a date like 2026-11-26T10:00:00+01:00, but is 'morgen'"),
        ("12.13.2026", "'date' must be a date like 2026-11-26T10:00:00+01:00, but is '12.13.2026'"),
    ])
    func aDateThatDoesNotExistSaysWhy(_ written: String, _ message: String) {
        let (_, d) = TestSupport.model(TestSupport.minimalSite.merging(["posts/2025/a.md": "---\ntitle: A\ndate: \(written)\n---\nText\n"]) { _, b in b })
        #expect(d.errorMessages.contains("content/posts/2025/a.md:3: error: " + message), "\(d.errorMessages)")
    }
}

@Suite struct FieldTitleWithCommaTests {
    /// `fields: [Bildung, Kultur und Freizeit]` was split silently into two unknown fields.
    @Test func aFieldTitleSplitAtItsCommaGetsTheSlug() {
        let files = TestSupport.minimalSite.merging([
            "fields/bildung-kultur-und-freizeit.md": "---\ntitle: Bildung, Kultur und Freizeit\norder: 3\n---\nText.\n",
            "posts/2025/a.md": "---\ntitle: A\ndate: 2025-03-01T10:00:00+01:00\nfields: [energie-und-umwelt, Bildung, Kultur und Freizeit]\n---\nText\n",
        ]) { _, b in b }
        let (_, d) = TestSupport.model(files)
        #expect(d.errorMessages == ["content/posts/2025/a.md:4: error: 'Bildung, Kultur und Freizeit' is the title of a field of action, but the comma splits it into 2 entries; write its slug: bildung-kultur-und-freizeit"], "\(d.errorMessages)")
    }
}

@Suite struct SuggestedFixTests {
    /// An evening event whose date-only end lies before its start was told to write 18:00, which
    /// still lies before the start. Every suggested end must make the event valid.
    @Test(arguments: [
        ("2026-12-07T19:00:00+01:00", "2026-12-07", "2026-12-07T21:00:00+01:00"),
        ("2026-12-07T23:00:00+01:00", "2026-12-07", "2026-12-07T23:59:00+01:00"),
        ("2026-07-07T10:00:00+02:00", "2026-07-06", "2026-07-07T12:00:00+02:00"),
        ("2026-12-07T10:00:00+01:00", "2026-12-07T09:00:00+01:00", "2026-12-07T12:00:00+01:00"),
        ("2026-12-08", "2026-12-07", "2026-12-08"),
    ])
    func theSuggestedEndIsValid(_ start: String, _ end: String, _ suggested: String) throws {
        func event(_ end: String) -> [String: String] {
            TestSupport.minimalSite.merging(["events/2026/abend.md": "---\ntitle: Abend\nstart: \(start)\nend: \(end)\n---\nText\n"]) { _, b in b }
        }
        let (_, d) = TestSupport.model(event(end))
        let message = try #require(d.errorMessages.first, "\(d.errorMessages)")
        #expect(message.hasSuffix("e.g. \(suggested)"), "\(message)")
        let (_, fixed) = TestSupport.model(event(suggested))
        #expect(fixed.errorMessages.isEmpty, "the suggestion \(suggested) is itself wrong: \(fixed.errorMessages)")
    }
}

@Suite struct ReadmeSynopsisTests {
    /// Every option each command's --help lists is in the README's synopsis of that command.
    @Test(arguments: ["build", "check", "new", "serve"])
    func everyOptionIsInTheSynopsis(_ command: String) throws {
        let help = try CommandLineTests().run([command, "--help"]).stdout
        let options = Set(help.matches(of: /--[a-z][a-z-]*/).map { String($0.output) }).subtracting(["--help", "--version"])
        #expect(options.count >= 2)
        let readme = try String(contentsOfFile: TestSupport.repoRoot + "/README.md", encoding: .utf8)
        let commands = readme.components(separatedBy: "## Commands")[1].components(separatedBy: "```")[1]
        let synopsis = commands.components(separatedBy: "\nsitegen ").first { $0.hasPrefix(command + " ") || $0.hasPrefix("sitegen " + command + " ") } ?? ""
        #expect(!synopsis.isEmpty, "no synopsis of \(command)")
        for option in options.sorted() { #expect(synopsis.contains(option), "README's synopsis of 'sitegen \(command)' lacks \(option)") }
    }
}

@Suite struct InstallScriptTests {
    /// `scripts/install --prefix DIR` puts a working `sitegen` into DIR/bin and says how to reach it.
    @Test func installPutsTheCommandIntoPrefixBin() throws {
        let prefix = TestSupport.temporaryFolder("install")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestSupport.repoRoot + "/scripts/install")
        process.arguments = ["--prefix", prefix]
        process.environment = ["SITEGEN_BINARY": CommandLineTests.binary, "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(FileManager.default.isExecutableFile(atPath: prefix + "/bin/sitegen"))
        #expect(text.contains("Installed \(prefix)/bin/sitegen (0.1.0)"), "\(text)")
        #expect(text.contains("Add \(prefix)/bin to your PATH"), "\(text)")
        let readme = try String(contentsOfFile: TestSupport.repoRoot + "/README.md", encoding: .utf8)
        #expect(readme.contains("## Für Redakteurinnen und Redakteure") && readme.contains("scripts/install"))
    }
}

@Suite struct RawHTMLTests {
    /// Only the first spot was reported, and later HTML blocks vanished with their text.
    @Test func everySpotIsNamedAndTheTextOfBlocksStays() throws {
        let post = "---\ntitle: A\ndate: 2025-03-01T10:00:00+01:00\n---\nErster Absatz mit <b>fett</b>.\n\n<div class=\"hinweis\">\nWichtiger &amp; <em>dringender</em> Hinweis<script>alert(1)</script>\n</div>\n\nMitte.\n\n<!-- nur ein Kommentar -->\n\n<p>Zweiter   Block</p>\n"
        let (report, sink) = TestSupport.buildInMemory(minimalSiteWith: ["posts/2025/a.md": post])
        let messages = report.diagnostics.map(\.description).filter { $0.contains("raw HTML") }
        // Line 13, a comment alone, is left out without a word: readers would not see it anyway.
        #expect(messages == ["/c/posts/2025/a.md:5: warning: raw HTML is left out of the page (lines 5, 7, 15); the text inside it is kept; write it in Markdown, or set unsafe_html: true in site.yml"], "\(messages)")
        let html = String(decoding: try #require(sink.files["blog/2025/a/index.html"]), as: UTF8.self)
        #expect(html.contains("<p>Wichtiger &amp; dringender Hinweis</p>"), "\(html)")
        #expect(html.contains("<p>Zweiter Block</p>"))
        #expect(!html.contains("alert(1)") && !html.contains("<div class=\"hinweis\">") && !html.contains("nur ein Kommentar"))
    }
}

@Suite struct RawHTMLAddressTests {
    /// With unsafe_html, `<img src="../../images/a.svg">` and `<a href="../b.md">` are published as
    /// written, so they lead nowhere: the message says why and what to write instead.
    @Test func anAddressInHTMLThatLeadsNowhereSaysHowToWriteIt() {
        let post = "---\ntitle: A\ndate: 2025-03-01T10:00:00+01:00\n---\n<img src=\"../../images/a.svg\" alt=\"Bild\">\n\n<a href=\"b.md\">B</a>\n\n<a href=\"plan.pdf\">Plan</a>\n\n[Richtig](b.md)\n"
        var files = TestSupport.minimalSite.merging([
            "posts/2025/a.md": post,
            "posts/2025/b.md": "---\ntitle: B\ndate: 2025-03-02T10:00:00+01:00\n---\nText\n",
        ]) { _, b in b }
        files["site.yml"] = (files["site.yml"] ?? "") + "unsafe_html: true\n"
        let (report, _) = TestSupport.buildInMemory(files)
        let errors = report.diagnostics.errorMessages.filter { $0.contains("a.md") }
        #expect(errors == [
            "/c/posts/2025/a.md:5: error: '../../images/a.svg' does not exist in the built site; addresses in HTML are published as written: show the picture in Markdown, ![description](../../images/a.svg)",
            "/c/posts/2025/a.md:7: error: link to 'b.md' leads nowhere in the built site; addresses in HTML are published as written: link in Markdown, [text](b.md), or write the page's address, /blog/2025/b/",
            "/c/posts/2025/a.md:9: error: link to 'plan.pdf' leads nowhere in the built site; addresses in HTML are published as written: link in Markdown, [text](plan.pdf)",
        ], "\(errors)")
    }
}

extension RawHTMLAddressTests {
    /// With unsafe_html, raw HTML that contacts another host without a link being followed (a
    /// style's `URL(…)`, a `<link rel=preconnect>`, `ping`, `background`, an inline SVG's image)
    /// was published silently, also under --strict.
    @Test func rawHTMLThatContactsAnotherHostIsAnErrorAtItsLine() {
        let body = [
            "<p style=\"background:URL(https://tracker.example.com/bg.png)\">Text</p>",
            "<link rel=\"preconnect\" href=\"https://fonts.googleapis.com\">",
            "<a href=\"https://example.org/\" ping=\"https://ping.example.com/t\">Beispielseite</a>",
            "<table background=\"https://table.example.com/bg.png\"><tr><td>Zelle</td></tr></table>",
            "<svg width=\"10\" height=\"10\"><image href=\"https://svg.example.com/x.png\"/></svg>",
        ].joined(separator: "\n\n")
        var files = TestSupport.minimalSite
        files["posts/2025/a.md"] = "---\ntitle: A\ndate: 2025-03-01T10:00:00+01:00\n---\n" + body + "\n"
        files["site.yml"] = (files["site.yml"] ?? "") + "unsafe_html: true\n"
        let (report, _) = TestSupport.buildInMemory(files)
        let clause = "would be loaded from another host; the privacy rules allow only files of this site (store it under content/ or Templates/assets/)"
        let errors = report.diagnostics.errorMessages.filter { $0.contains("a.md") }
        #expect(errors == [
            "/c/posts/2025/a.md:5: error: 'https://tracker.example.com/bg.png' " + clause,
            "/c/posts/2025/a.md:7: error: 'https://fonts.googleapis.com' " + clause,
            "/c/posts/2025/a.md:9: error: 'https://ping.example.com/t' " + clause,
            "/c/posts/2025/a.md:11: error: 'https://table.example.com/bg.png' " + clause,
            "/c/posts/2025/a.md:13: error: 'https://svg.example.com/x.png' " + clause,
        ], "\(errors)")
    }
}

@Suite struct ReportedOnceTests {
    /// A picture from another host in Markdown was two errors at its line: the renderer's ("save
    /// it under content/images/") and the page check's ("store it under content/ or Templates/assets/").
    @Test func aRemotePictureInMarkdownIsOneMessageAtItsLine() {
        let post = "---\ntitle: A\ndate: 2025-03-01T10:00:00+01:00\n---\n![Karte](https://cdn.example.com/karte.png)\n\n![Logo][logo]\n\n[logo]: //cdn.example.com/logo.png\n"
        let (report, _) = TestSupport.buildInMemory(minimalSiteWith: ["posts/2025/a.md": post])
        let errors = report.diagnostics.errorMessages
        #expect(errors.count == 2 && errors.allSatisfy { $0.contains("save it under content/images/") }, "\(errors)")
        #expect(errors.first?.hasPrefix("/c/posts/2025/a.md:5: error: image 'https://cdn.example.com/karte.png'") == true, "\(errors)")
        // The same address also in raw HTML is still reported there.
        var files = TestSupport.minimalSite.merging(["posts/2025/a.md": post + "\n<img alt=\"Karte\" src=https://cdn.example.com/karte.png>\n"]) { _, b in b }
        files["site.yml"] = (files["site.yml"] ?? "") + "unsafe_html: true\n"
        let html = TestSupport.buildInMemory(files).0.diagnostics.errorMessages
        #expect(html.contains { $0.contains("'https://cdn.example.com/karte.png' would be loaded from another host; the privacy rules") }, "\(html)")
    }

    /// A broken anchor in a Markdown link was reported at its line and again against the built page.
    @Test func aBrokenAnchorIsOneMessageAtTheSourceLine() {
        let files = TestSupport.minimalSite.merging([
            "posts/2025/a.md": "---\ntitle: A\ndate: 2025-03-01T10:00:00+01:00\n---\nSiehe [B](b.md#gibts-nicht) und [C](#auch-nicht).\n",
            "posts/2025/b.md": "---\ntitle: B\ndate: 2025-03-02T10:00:00+01:00\n---\n## Da\n",
        ]) { _, b in b }
        let (report, _) = TestSupport.buildInMemory(files)
        let errors = report.diagnostics.errorMessages
        #expect(errors == [
            "/c/posts/2025/a.md:5: error: link target 'b.md#gibts-nicht': there is no heading with the id 'gibts-nicht'; its headings are #da",
            "/c/posts/2025/a.md:5: error: link to '#auch-nicht': the page has no anchor '#auch-nicht'",
        ], "\(errors)")
    }

    /// An anchor with no heading near it got no hint what to write: the page's few headings are
    /// named, or that it has none.
    @Test func aBrokenAnchorWithoutAGuessNamesTheHeadingsThereAre() {
        let files = TestSupport.minimalSite.merging([
            "posts/2025/a.md": "---\ntitle: A\ndate: 2025-03-01T10:00:00+01:00\n---\nSiehe [B](b.md#telefon) und [C](c.md#telefon).\n",
            "posts/2025/b.md": "---\ntitle: B\ndate: 2025-03-02T10:00:00+01:00\n---\n## Anfahrt\n\n## Sprechzeiten\n",
            "posts/2025/c.md": "---\ntitle: C\ndate: 2025-03-02T10:00:00+01:00\n---\nNur Text.\n",
        ]) { _, b in b }
        #expect(TestSupport.buildInMemory(files).0.diagnostics.errorMessages == [
            "/c/posts/2025/a.md:5: error: link target 'b.md#telefon': there is no heading with the id 'telefon'; its headings are #anfahrt, #sprechzeiten",
            "/c/posts/2025/a.md:5: error: link target 'c.md#telefon': there is no heading with the id 'telefon'; that page has no headings, so link it without '#telefon'",
        ])
    }

    /// An anchor written with an umlaut (`b.md#lösung`) was reported twice: at its line, and again
    /// against the built page as "written by the templates", because the HTML holds it
    /// percent-encoded (`#l%C3%B6sung`). A link to a heading of the same page showed the encoding
    /// and named no heading.
    @Test func anAnchorWithAnUmlautIsOneMessageInTheEditorsSpelling() {
        let files = TestSupport.minimalSite.merging([
            "posts/2025/a.md": "---\ntitle: A\ndate: 2025-03-01T10:00:00+01:00\n---\nSiehe [B](b.md#lösung) und [C](#über-uns).\n\n## Über uns\n",
            "posts/2025/b.md": "---\ntitle: B\ndate: 2025-03-02T10:00:00+01:00\n---\n## Lösung\n",
        ]) { _, b in b }
        let (report, _) = TestSupport.buildInMemory(files)
        let errors = report.diagnostics.errorMessages
        #expect(errors == [
            "/c/posts/2025/a.md:5: error: link target 'b.md#lösung': there is no heading with the id 'lösung', did you mean '#loesung'?",
            "/c/posts/2025/a.md:5: error: link to '#über-uns': the page has no anchor '#über-uns', did you mean '#ueber-uns'?",
        ], "\(errors)")
    }

    /// An event's `registration:` or `online:` on the site's own host that the build has no page
    /// for was a warning against the built page, "written by the templates".
    @Test func anAddressOfTheFrontMatterIsReportedAtItsKey() {
        let event = "---\ntitle: Treffen\nstart: 2026-12-03T18:00:00+01:00\nlocation: Rathaus\nregistration: https://example.org/anmeldung\nonline: https://example.org/stream\n---\nText.\n"
        let warnings = diagnostics(ofEvent: event).map(\.description).filter { $0.contains("points at this site") }
        #expect(warnings == [
            "/c/events/2026/treffen.md:5: warning: link to 'https://example.org/anmeldung' points at this site, but the build has no such page",
            "/c/events/2026/treffen.md:6: warning: link to 'https://example.org/stream' points at this site, but the build has no such page",
        ], "\(warnings)")
    }

    /// `registration: "https://"` (a form field left unfilled) and `https://https://…` (an address
    /// pasted behind a typed `https://`) were published as links that lead nowhere, exit 0.
    @Test func aWebAddressWithoutASiteIsAnErrorAtItsLine() {
        let event = "---\ntitle: Treffen\nstart: 2026-12-03T18:00:00+01:00\nlocation: Rathaus\nregistration: \"https://\"\n---\nSiehe https://www.dortmund.de/ und [Stadt](https://https://www.schwerte.de/).\n\n[Port](https://:8080/x) und [Gut](https://www.dortmund.de:8443/a).\n\n[Intranet](https://anmeldung/x) und [IPv6](https://[2001:db8::1]/).\n"
        let errors = diagnostics(ofEvent: event).errorMessages
        #expect(errors == [
            "/c/events/2026/treffen.md:5: error: link to 'https://' names no website; write the whole address, e.g. https://www.dortmund.de/",
            "/c/events/2026/treffen.md:7: error: link to 'https://https://www.schwerte.de/' has its 'https://' twice; write 'https://www.schwerte.de/'",
            "/c/events/2026/treffen.md:9: error: link to 'https://:8080/x' names no website; write the whole address, e.g. https://www.dortmund.de/",
            "/c/events/2026/treffen.md:11: error: link to 'https://anmeldung/x' names no website on the internet ('anmeldung' has no domain such as .de, so visitors cannot reach it); write the whole address, e.g. https://www.dortmund.de/",
        ], "\(errors)")
    }

    /// What building a minimal site with this event (`events/2026/treffen.md`) reports.
    func diagnostics(ofEvent event: String) -> [Diagnostic] {
        TestSupport.buildInMemory(minimalSiteWith: ["events/2026/treffen.md": event]).0.diagnostics
    }

    /// An e-mail address written as a link target (`[Mail](smartcity@example.org)`) got no hint.
    @Test func anEMailAddressAsLinkTargetGetsMailto() {
        let post = "---\ntitle: A\ndate: 2025-03-01T10:00:00+01:00\n---\n[Schreiben Sie uns](smartcity@example.org).\n"
        let (report, _) = TestSupport.buildInMemory(minimalSiteWith: ["posts/2025/a.md": post])
        #expect(report.diagnostics.errorMessages == [
            "/c/posts/2025/a.md:5: error: link target 'smartcity@example.org' does not exist, did you mean 'mailto:smartcity@example.org'?",
        ], "\(report.diagnostics.errorMessages)")
    }

    /// Project pages end with "## Aktueller Stand (Mai 2025)", whose date changes with each
    /// update; a link to `#aktueller-stand` got no suggestion.
    @Test func anAnchorWithoutTheHeadingsDateGetsTheWholeId() {
        let files = TestSupport.minimalSite.merging([
            "posts/2025/a.md": "---\ntitle: A\ndate: 2025-03-01T10:00:00+01:00\n---\nSiehe [Stand](b.md#aktueller-stand) und [Ziel](b.md#Ziel).\n",
            "posts/2025/b.md": "---\ntitle: B\ndate: 2025-03-02T10:00:00+01:00\n---\n## Ziel\n\n## Aktueller Stand (Mai 2025)\n",
        ]) { _, b in b }
        let (report, _) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.errorMessages == [
            "/c/posts/2025/a.md:5: error: link target 'b.md#Ziel': there is no heading with the id 'Ziel', did you mean '#ziel'?",
            "/c/posts/2025/a.md:5: error: link target 'b.md#aktueller-stand': there is no heading with the id 'aktueller-stand', did you mean '#aktueller-stand-mai-2025'?",
        ], "\(report.diagnostics.errorMessages)")
    }
}

@Suite struct YAMLMessageTests {
    /// The parser's jargon pointed at the end of the front matter; the message names the line
    /// where the quote or list opens and says how to close it.
    @Test(arguments: [
        ("title: \"Offenes Zitat\ndate: 2025-03-01T10:00:00+01:00\n", "content/posts/2025/a.md:2: error: the quote opened in line 2 is never closed; end the value with \" on the same line"),
        ("title: 'Offen\ndate: 2025-03-01T10:00:00+01:00\n", "content/posts/2025/a.md:2: error: the quote opened in line 2 is never closed; end the value with ' on the same line"),
        ("title: B\ndate: 2025-03-01T10:00:00+01:00\nfields: [a, b\nsummary: x\n", "content/posts/2025/a.md:4: error: the list opened with [ in line 4 is not closed; end it with ] on the same line, e.g. fields: [a, b]"),
    ])
    func anUnclosedQuoteOrListNamesWhereItOpens(_ yaml: String, _ message: String) {
        let (_, d) = TestSupport.model(TestSupport.minimalSite.merging(["posts/2025/a.md": "---\n" + yaml + "---\nText\n"]) { _, b in b })
        #expect(d.errorMessages.contains(message), "\(d.errorMessages)")
    }

    /// Mistakes from a probe that the parser named a later line for (often the closing `---`): a
    /// hashtag in a list, which YAML reads as a comment that takes the `]`; a list item without its
    /// space; a quote left open, which the next key's quote closes; front matter without its closing
    /// `---`, which runs on to a rule in the text. Each is one error at its line, and the fix works.
    @Test(arguments: [
        ("tags: [#SmartCity]\n---\nText\n", "tags: [\"#SmartCity\"]\n---\nText\n",
         "content/posts/2026/a.md:5: error: the list 'tags' ends at '#' because YAML reads '#…' as a comment; put each item with # in quotes: tags: [\"#SmartCity\"]"),
        ("tags: [Klima, 'Open Data', #SmartCity, Daten #offen]\n---\nText\n", "tags: [Klima, 'Open Data', \"#SmartCity\", \"Daten #offen\"]\n---\nText\n",
         "content/posts/2026/a.md:5: error: the list 'tags' ends at '#' because YAML reads '#…' as a comment; put each item with # in quotes: tags: [Klima, 'Open Data', \"#SmartCity\", \"Daten #offen\"]"),
        ("tags:\n-Klima\n- Sensorik\n---\nText\n", "tags:\n- Klima\n- Sensorik\n---\nText\n",
         "content/posts/2026/a.md:6: error: write a space after the dash: - Klima"),
        ("tags:\n- Klima\n-Sensorik\n---\nText\n", "tags:\n- Klima\n- Sensorik\n---\nText\n",
         "content/posts/2026/a.md:7: error: write a space after the dash: - Sensorik"),
        ("\n# Messstationen\n\nIn Dortmund stehen 80 Stationen.\n\n---\n\nMehr Text.\n", "\n---\n# Messstationen\n\nIn Dortmund stehen 80 Stationen.\n\n---\n\nMehr Text.\n",
         "content/posts/2026/a.md:6: error: front matter is not closed before the text: add a line with three dashes (---) above line 6"),
        ("\nIn Dortmund stehen 80 Stationen.\n\n---\n\nMehr Text.\n", "\n---\nIn Dortmund stehen 80 Stationen.\n\n---\n\nMehr Text.\n",
         "content/posts/2026/a.md:6: error: front matter is not closed before the text: add a line with three dashes (---) above line 6"),
        // Pasted from Word: list marks that are no hyphen ("could not find expected ':'" at the next
        // line; indented, "must be a list, e.g. tags: [– Klima – Sensorik]"), and typographic quotes
        // around a text with a colon ("put text that contains a colon in quotes").
        ("tags:\n– Klima\n– Sensorik\n---\nText\n", "tags:\n- Klima\n- Sensorik\n---\nText\n",
         "content/posts/2026/a.md:6: error: a list entry starts with a hyphen and a space, not '–'; write - Klima"),
        ("tags:\n  • Klima\n  • Sensorik\n---\nText\n", "tags:\n  - Klima\n  - Sensorik\n---\nText\n",
         "content/posts/2026/a.md:6: error: a list entry starts with a hyphen and a space, not '•'; write - Klima"),
        ("author: „Team: Smart City“\n---\nText\n", "author: \"Team: Smart City\"\n---\nText\n",
         "content/posts/2026/a.md:5: error: the value of 'author' starts with „, which YAML does not read as a quotation mark; use straight quotes: author: \"Team: Smart City\""),
    ])
    func aMistakeTheParserPlacesLaterIsNamedAtItsLine(_ rest: String, _ fixed: String, _ message: String) throws {
        func post(_ rest: String) -> [String: String] {
            TestSupport.minimalSite.merging(["posts/2026/a.md": "---\ntitle: \"A\"\ndate: 2026-11-01\nsummary: \"s\"\n" + rest]) { _, b in b }
        }
        let (_, d) = TestSupport.model(post(rest))
        #expect(d.errorMessages == [message], "\(d.errorMessages)")
        let (site, again) = TestSupport.model(post(fixed))
        #expect(again.errorMessages.isEmpty, "the fix is itself wrong: \(again.errorMessages)")
        if rest.hasPrefix("tags") { #expect(site?.posts.first?.tags.contains { $0 == "#SmartCity" || $0 == "Sensorik" } == true, "\(site?.posts.first?.tags ?? [])") }
    }

    /// A quote left open that the next key's quote closes: the parser spoke of the indentation of line 4.
    @Test func aQuoteClosedByTheNextKeysQuoteNamesWhereItOpens() {
        let (_, d) = TestSupport.model(TestSupport.minimalSite.merging(["posts/2026/a.md": "---\ntitle: \"A\ndate: 2026-11-01\nsummary: \"s\"\n---\nText\n"]) { _, b in b })
        #expect(d.errorMessages == ["content/posts/2026/a.md:2: error: the quote opened in line 2 is never closed; end the value with \" on the same line"], "\(d.errorMessages)")
    }

    /// A quotation mark inside a quoted title ended the text, and the message spoke of a new key
    /// and the indentation. It names the key and gives the line that works, which reads back as meant.
    @Test(arguments: [
        ("title: \"Das \"neue\" Portal\"", "content/posts/2025/a.md:2: error: the quotation mark \" inside the text of 'title' ends the text early; put the text in single quotes, title: 'Das \"neue\" Portal', or write „…“ inside it"),
        ("title: 'Dortmund's Portal'", "content/posts/2025/a.md:2: error: the apostrophe ' inside the text of 'title' ends the text early; write title: \"Dortmund's Portal\""),
        ("title: 'Ein \"Smart\" City's Tag'", "content/posts/2025/a.md:2: error: the apostrophe ' inside the text of 'title' ends the text early; write title: 'Ein \"Smart\" City''s Tag'"),
        // A quoted name at the start was "a new key is expected here; check the indentation".
        ("title: \"Smart City\" – Neues aus dem Labor", "content/posts/2025/a.md:2: error: the quotation mark \" inside the text of 'title' ends the text early; put the text in single quotes, title: '\"Smart City\" – Neues aus dem Labor', or write „…“ inside it"),
        ("title: 'Digitale' Woche", "content/posts/2025/a.md:2: error: the apostrophe ' inside the text of 'title' ends the text early; write title: \"'Digitale' Woche\""),
    ])
    func aQuoteInsideAQuotedValueSaysSo(_ line: String, _ message: String) throws {
        func post(_ title: String) -> [String: String] {
            TestSupport.minimalSite.merging(["posts/2025/a.md": "---\n\(title)\ndate: 2025-03-01T10:00:00+01:00\nsummary: x\n---\nText\n"]) { _, b in b }
        }
        let (_, d) = TestSupport.model(post(line))
        #expect(d.errorMessages == [message], "\(d.errorMessages)")
        let fixed = try #require(message.components(separatedBy: "title: ").last?.components(separatedBy: ", or write").first)
        let (site, again) = TestSupport.model(post("title: " + fixed))
        #expect(again.errorMessages.isEmpty, "the suggestion is itself wrong: \(again.errorMessages)")
        #expect(site?.posts.first?.title == String(fixed.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'"))
    }
}

@Suite struct FollowUpErrorTests {
    /// A post whose date cannot be read is not published, and its error fails the build. The
    /// posts that link it said so once each, in file order before the cause: now the cause stands alone.
    @Test func linksToAFileWithErrorsAddNoMessagesOfTheirOwn() {
        var files = TestSupport.minimalSite
        files["posts/2026/kaputt.md"] = "---\ntitle: Kaputt\ndate: morgen\n---\nText\n"
        for i in 1...3 { files["posts/2026/b\(i).md"] = "---\ntitle: B\(i)\ndate: 2026-03-0\(i)T10:00:00+01:00\n---\nSiehe [kaputt](kaputt.md).\n" }
        let (report, _) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.errorMessages == [
            "/c/posts/2026/kaputt.md:3: error: 'date' must be a date like 2026-11-26T10:00:00+01:00, but is 'morgen'",
        ], "\(report.diagnostics.errorMessages)")
    }
}

@Suite struct ScheduledPostTests {
    /// A post dated next month is not published, but its problems are reported today: otherwise
    /// the build would first fail on its publication day, when nobody changed anything. Links
    /// between scheduled posts resolve as on that day; drafts stay unchecked work in progress.
    @Test func aScheduledPostIsCheckedButNotPublished() throws {
        let files = TestSupport.minimalSite.merging([
            "posts/2027/spaeter.md": "---\ntitle: Später\ndate: 2027-03-01T10:00:00+01:00\nfields: [energie-und-umweld]\n---\nSiehe [alt](../2025/weg.md) und [bald](noch-spaeter.md).\n",
            "posts/2027/noch-spaeter.md": "---\ntitle: Noch später\ndate: 2027-04-01T10:00:00+01:00\n---\nText\n",
            "posts/2026/entwurf.md": "---\ntitle: Entwurf\ndate: 2026-03-01T10:00:00+01:00\ndraft: true\n---\n[kaputt](nirgends.md)\n",
        ]) { _, b in b }
        let (report, sink) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.errorMessages == [
            "/c/posts/2027/spaeter.md:4: error: unknown field of action 'energie-und-umweld', did you mean 'energie-und-umwelt'?",
            "/c/posts/2027/spaeter.md:6: error: link target '../2025/weg.md' does not exist",
        ], "\(report.diagnostics.errorMessages)")
        #expect(sink.files["blog/2027/spaeter/index.html"] == nil)
        // With --future the post is built like any other, and reported once.
        let (preview, _) = TestSupport.buildInMemory(files, options: BuildOptions(now: TestSupport.now, future: true))
        #expect(preview.diagnostics.errorMessages.count { $0.contains("weg.md") } == 1)
    }
}

@Suite struct DraftMarkingTests {
    /// `build --drafts --future` showed drafts and future posts unmarked, saying "Veröffentlicht am".
    @Test func draftsAndFuturePostsAreMarkedAndNotCalledPublished() throws {
        let files = TestSupport.minimalSite.merging([
            "posts/2026/entwurf.md": "---\ntitle: Entwurf\ndate: 2026-03-01T10:00:00+01:00\ndraft: true\n---\nText\n",
            "posts/2027/spaeter.md": "---\ntitle: Später\ndate: 2027-03-01T10:00:00+01:00\n---\nText\n",
            "posts/2026/fertig.md": "---\ntitle: Fertig\ndate: 2026-03-02T10:00:00+01:00\n---\nText\n",
        ]) { _, b in b }
        let (report, sink) = TestSupport.buildInMemory(files, options: BuildOptions(now: TestSupport.now, drafts: true, future: true))
        #expect(report.diagnostics.errorMessages.isEmpty, "\(report.diagnostics.errorMessages)")
        func page(_ path: String) throws -> String { String(decoding: try #require(sink.files[path], "\(path)"), as: UTF8.self) }
        let draft = try page("blog/2026/entwurf/index.html"), later = try page("blog/2027/spaeter/index.html"), done = try page("blog/2026/fertig/index.html")
        #expect(draft.contains("<span class=\"label\">Entwurf</span>") && draft.contains("Entwurf, datiert auf <time") && !draft.contains("Veröffentlicht am"))
        #expect(later.contains("<span class=\"label\">Geplant</span>") && later.contains("Erscheint am <time") && !later.contains("Veröffentlicht am"))
        #expect(done.contains("Veröffentlicht am <time") && !done.contains("<span class=\"label\">"))
        // The published site (no --drafts, no --future) has neither the pages nor the labels.
        let (_, published) = TestSupport.buildInMemory(files)
        #expect(published.files["blog/2026/entwurf/index.html"] == nil && published.files["blog/2027/spaeter/index.html"] == nil)
        #expect(!String(decoding: published.files["blog/index.html"] ?? [], as: UTF8.self).contains("class=\"label\""))
    }

    /// Pages and fields are drafts too: in the preview their headings and cards say so, as posts' do.
    @Test func draftPagesAndFieldsAreMarkedInThePreview() throws {
        let files = TestSupport.minimalSite.merging([
            "pages/neu.md": "---\ntitle: Neue Seite\ndraft: true\n---\nText\n",
            "fields/bildung.md": "---\ntitle: Bildung\norder: 3\ndraft: true\n---\nText\n",
        ]) { _, b in b }
        let (_, sink) = TestSupport.buildInMemory(files, options: BuildOptions(now: TestSupport.now, drafts: true))
        func page(_ path: String) throws -> String { String(decoding: try #require(sink.files[path], "\(path)"), as: UTF8.self) }
        #expect(try page("neu/index.html").contains("<h1><span class=\"label\">Entwurf</span> Neue Seite</h1>"))
        #expect(try page("handlungsfelder/bildung/index.html").contains("<h1><span class=\"label\">Entwurf</span> Bildung</h1>"))
        #expect(try page("handlungsfelder/index.html").contains("<span class=\"label\">Entwurf</span> <a href=\"/handlungsfelder/bildung/\">"))
        #expect(try !page("handlungsfelder/index.html").contains("<span class=\"label\">Entwurf</span> <a href=\"/handlungsfelder/energie-und-umwelt/\">"))
        // Without labels the heading is as it was (the partial adds no line break).
        let (_, published) = TestSupport.buildInMemory(files)
        #expect(String(decoding: published.files["handlungsfelder/energie-und-umwelt/index.html"] ?? [], as: UTF8.self).contains("<h1>Energie und Umwelt</h1>"))
    }
}

@Suite struct GermanKeyTests {
    /// `Datum:` and `Schlagwörter:` got "unknown key" with the list of every key, and `Titel:` too
    /// (too far from `title` for the spelling suggestion): the key they mean is named.
    @Test(arguments: [
        ("posts/2025/a.md", "Datum: 2025-03-01T10:00:00+01:00", "date"),
        ("posts/2025/a.md", "Titel: Neu", "title"),
        ("posts/2025/a.md", "Schlagwörter: [Klima]", "tags"),
        ("posts/2025/a.md", "Zusammenfassung: Kurz", "summary"),
        ("posts/2025/a.md", "Handlungsfelder: [energie-und-umwelt]", "fields"),
        ("events/2025/a.md", "Ort: Rathaus", "location"),
        ("events/2025/a.md", "Ende: 2025-03-01T12:00:00+01:00", "end"),
    ])
    func aKeyWrittenInGermanGetsTheKeyItMeans(_ path: String, _ line: String, _ english: String) {
        let start = path.hasPrefix("events") ? "start" : "date"
        let file = "---\ntitle: A\n\(start): 2025-03-01T10:00:00+01:00\n\(line)\n---\nText\n"
        let (_, d) = TestSupport.model(TestSupport.minimalSite.merging([path: file]) { _, b in b })
        let key = String(line.prefix { $0 != ":" })
        let warnings = d.map(\.description).filter { $0.contains("unknown key") }
        #expect(warnings == ["content/\(path):4: warning: unknown key '\(key)', did you mean '\(english)'?"], "\(warnings)")
    }

    /// A German word for a key this kind does not have still lists the known keys.
    @Test func aGermanKeyTheKindLacksListsTheKnownKeys() {
        let (_, d) = TestSupport.model(TestSupport.minimalSite.merging(["pages/a.md": "---\ntitle: A\nDatum: 2025-03-01\n---\nText\n"]) { _, b in b })
        #expect(d.map(\.description).contains { $0.hasPrefix("content/pages/a.md:3: warning: unknown key 'Datum'; known keys are: ") }, "\(d)")
    }
}

@Suite struct WarningLineTests {
    /// `sitegen new` writes `summary: ""` and `fields: []`; the warnings about them named the file
    /// only, as did the one about a post in another year's folder, though each has its line.
    @Test func warningsAboutAWrittenKeyNameItsLine() {
        let files = TestSupport.minimalSite.merging([
            "posts/2024/a.md": "---\ntitle: A\ndate: 2025-03-01T10:00:00+01:00\nsummary: \"\"\n---\nText\n",
            "projects/p.md": "---\ntitle: P\nstatus: idee\nsummary: x\nfields: []\n---\nText\n",
        ]) { _, b in b }
        let (_, d) = TestSupport.model(files)
        let warnings = d.map(\.description).filter { $0.contains("warning") }
        #expect(warnings.contains("content/posts/2024/a.md:4: warning: post has no summary; add 'summary: …' (it is shown in lists, feeds and search results)"), "\(warnings)")
        #expect(warnings.contains("content/posts/2024/a.md:3: warning: post is dated 2025 but lies in the folder 2024; its address uses 2025"), "\(warnings)")
        #expect(warnings.contains("content/projects/p.md:5: warning: project has no field of action; add e.g. fields: [daten-und-plattformen]"), "\(warnings)")
    }
}

@Suite struct LinkSuggestionTests {
    /// A link to a file that does not exist said only that: the German folder name (`projekte/`
    /// for `projects/`), a missing `.md` or a typo in the name got no hint at the file meant.
    @Test(arguments: [
        ("../../projekte/messnetz.md", ", did you mean '../../projects/messnetz.md'?"),
        ("../../projects/messnetz", ", did you mean '../../projects/messnetz.md'?"),
        ("../../projects/mesnetz.md#ziel", ", did you mean '../../projects/messnetz.md#ziel'?"),
        ("../2024/gibt-es-nicht.md", ""),
        // An address without https:// reads as a file beside the page.
        ("www.dortmund.de", ", did you mean 'https://www.dortmund.de'?"),
        ("WWW.Schwerte.de/rathaus#kontakt", ", did you mean 'https://WWW.Schwerte.de/rathaus#kontakt'?"),
    ])
    func aLinkToAMissingFileSuggestsTheFileMeant(_ written: String, _ clause: String) {
        let files = TestSupport.minimalSite.merging([
            "posts/2025/a.md": "---\ntitle: A\ndate: 2025-03-01T10:00:00+01:00\nsummary: x\n---\nSiehe [das Projekt](\(written)).\n",
            "projects/messnetz.md": "---\ntitle: Messnetz\nstatus: umsetzung\nfields: [energie-und-umwelt]\nsummary: x\n---\n## Ziel\n",
        ]) { _, b in b }
        let (report, _) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.errorMessages == ["/c/posts/2025/a.md:6: error: link target '\(written)' does not exist\(clause)"], "\(report.diagnostics.errorMessages)")
    }

    /// A download or picture with a typo in its name (`flyr.pdf`, `Rathaus.JPG` for `rathaus.svg`)
    /// got no hint at the file meant, as pages did.
    @Test func aLinkOrImageOfAMissingFileSuggestsTheFileMeant() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"2\"></svg>"
        let files = TestSupport.minimalSite.merging([
            "posts/2025/a.md": "---\ntitle: A\ndate: 2025-03-01T10:00:00+01:00\nsummary: x\n---\n[Flyer](../../downloads/flyr.pdf) ![Karte](../../images/krate.svg) [Plan](../../downloads/ganz-anders.pdf)\n",
            "downloads/flyer.pdf": "%PDF-1.4\n", "images/karte.svg": svg, "images/krate.png.txt": "x",
        ]) { _, b in b }
        let (report, _) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.errorMessages == [
            "/c/posts/2025/a.md:6: error: image '../../images/krate.svg' does not exist under content/, did you mean '../../images/karte.svg'?",
            "/c/posts/2025/a.md:6: error: link target '../../downloads/flyr.pdf' does not exist, did you mean '../../downloads/flyer.pdf'?",
            "/c/posts/2025/a.md:6: error: link target '../../downloads/ganz-anders.pdf' does not exist",
        ], "\(report.diagnostics.errorMessages)")
    }

    /// Several authors written as a list (`author: [Anna, Ben]`, or a name per `- ` line) got only
    /// "must be text, but is a list"; a title in brackets (`title: [Entwurf]`) too. The message now
    /// gives the line to write.
    @Test func aListWhereOneTextIsExpectedGetsTheLineToWrite() {
        func errors(_ frontMatter: String) -> [String] {
            TestSupport.model(TestSupport.minimalSite.merging(["posts/2025/a.md": "---\ntitle: A\ndate: 2025-03-01\n\(frontMatter)\n---\nText.\n"]) { $1 }).1.errorMessages
        }
        #expect(errors("author: [Anna Schmidt, Ben Meier]") == [
            "content/posts/2025/a.md:4: error: 'author' is one line of text, not a list; write the names in one line: author: Anna Schmidt und Ben Meier",
        ])
        #expect(errors("author:\n  - Anna\n  - Ben\n  - Cem") == [
            "content/posts/2025/a.md:5: error: 'author' is one line of text, not a list; write the names in one line: author: Anna, Ben und Cem",
        ])
        #expect(errors("summary: [Kurz]") == [
            "content/posts/2025/a.md:4: error: 'summary' must be one text, not a list; write it without brackets (summary: Kurz), or in quotes if the brackets belong to it (summary: \"[Kurz]\")",
        ])
        #expect(errors("summary: [Kurz, knapp]") == ["content/posts/2025/a.md:4: error: 'summary' must be one text, not a list; write it in one line: summary: Kurz, knapp"])
        #expect(errors("author: [[Anna]]") == ["content/posts/2025/a.md:4: error: 'author' must be text, but is a list"])
        #expect(MessageCatalogue.german.german("'author' is one line of text, not a list; write the names in one line: author: Anna und Ben")
                == "author ist eine Zeile Text, keine Liste; schreiben Sie die Namen in eine Zeile: author: Anna und Ben")
    }

    /// An event's status written as a sentence (`fällt wegen Krankheit aus`, `Veranstaltung ist
    /// abgesagt`) got the list of values but no hint which one is meant.
    @Test(arguments: [
        ("Veranstaltung ist abgesagt", "abgesagt"), ("fällt wegen Krankheit aus", "abgesagt"), ("Entfällt!", "abgesagt"),
        ("verschoben auf 12.05.", "verschoben"), ("verlegt", "verschoben"), ("findet statt", "geplant"),
    ])
    func anEventStatusInWordsSuggestsTheValueMeant(_ written: String, _ meant: String) {
        let (_, d) = TestSupport.model(TestSupport.minimalSite.merging(["events/2026/e.md": "---\ntitle: E\nstart: 2026-12-01\nlocation: Rathaus\nstatus: \(written)\n---\n"]) { $1 })
        #expect(d.errorMessages == ["content/events/2026/e.md:5: error: status must be one of geplant, abgesagt, verschoben, but is '\(written)'; did you mean '\(meant)'?"],
                "\(d.errorMessages)")
        let (_, none) = TestSupport.model(TestSupport.minimalSite.merging(["events/2026/e.md": "---\ntitle: E\nstart: 2026-12-01\nlocation: Rathaus\nstatus: ja\n---\n"]) { $1 })
        #expect(none.errorMessages == ["content/events/2026/e.md:5: error: status must be one of geplant, abgesagt, verschoben, but is 'ja'"])
    }

    /// `[Flyer](file:///C:/Users/anna/flyer.pdf)` (a file opened in the browser, its address copied)
    /// was "runs code and is removed": a wrong reason, and the page went out without the link. It is
    /// a file on the editor's computer, as C:\\… is, named so, and the build stops.
    @Test func aFileAddressIsNamedAsAFileOnAComputer() {
        let (report, _) = TestSupport.buildInMemory(minimalSiteWith: ["posts/2025/a.md": "---\ntitle: A\ndate: 2025-03-01T10:00:00+01:00\nsummary: x\n---\n"
            + "Der [Flyer](file:///C:/Users/anna/flyer.pdf) und ![Plan](file:///C:/Users/anna/plan.png).\n"])
        #expect(report.diagnostics.errorMessages == [
            "/c/posts/2025/a.md:6: error: 'file:///C:/Users/anna/flyer.pdf' is a file on a computer, which no visitor can open; copy the file into content/downloads/ and link it from there, e.g. ../../downloads/plan.pdf",
            "/c/posts/2025/a.md:6: error: 'file:///C:/Users/anna/plan.png' is a picture on a computer, which no visitor can see; copy it into content/images/ and show it from there, e.g. ![…](../../images/plan.jpg)",
        ], "\(report.diagnostics.errorMessages)")
        #expect(!report.diagnostics.warningMessages.contains { $0.contains("runs code") }, "\(report.diagnostics.warningMessages)")
    }

    /// `##Ziele` (no space after the hashes, as typed in a hurry) is no heading in Markdown: the line
    /// showed as text, hashes and all, without a word. A single # before a word may be a hashtag, and
    /// code is code.
    @Test func aHeadingWithoutASpaceAfterItsHashesIsNamed() {
        let body = "##Ziele\n\nErste Zeile\n###Unterpunkt mit Ä\n\n#Dortmund ist dabei\n\n```\n##code\n```\n\n##Über uns\n\n## Richtig\n"
        let report = Self.buildPost(body)
        #expect(report.diagnostics.warningMessages.filter { $0.contains("not as a heading") } == [
            "/c/posts/2025/a.md:6: warning: '##Ziele' is shown as text, not as a heading: Markdown needs a space after the #; write ## Ziele",
            "/c/posts/2025/a.md:9: warning: '###Unterpunkt mit Ä' is shown as text, not as a heading: Markdown needs a space after the #; write ### Unterpunkt mit Ä",
            "/c/posts/2025/a.md:17: warning: '##Über uns' is shown as text, not as a heading: Markdown needs a space after the #; write ## Über uns",
        ], "\(report.diagnostics.warningMessages)")
        #expect(report.succeeded)
    }

    /// `title: „Neue Messstationen“`: quotes from a word processor are text to YAML, so the page
    /// showed them around the title without a word (with a colon inside, the line broke, and that was named).
    @Test func aValueInTypographicQuotesIsNamed() {
        let (_, d) = TestSupport.model(TestSupport.minimalSite.merging(["posts/2025/a.md": "---\ntitle: „Neue Messstationen“\ndate: 2025-03-01\nauthor: “Anna Schmidt”\n"
            + "summary: \"„Zitat“ in Anführungszeichen\"\n---\nText.\n", "posts/2025/b.md": "---\ntitle: „Smarte Laterne“ startet\ndate: 2025-03-01\n---\nText.\n"]) { $1 })
        #expect(d.warningMessages.filter { $0.contains("quotation marks") } == [
            "content/posts/2025/a.md:2: warning: 'title' is enclosed in „…“, which YAML does not read as quotation marks, so they are shown as part of it; if they only enclose the value, use straight quotes: title: \"Neue Messstationen\"",
            "content/posts/2025/a.md:4: warning: 'author' is enclosed in “…”, which YAML does not read as quotation marks, so they are shown as part of it; if they only enclose the value, use straight quotes: author: \"Anna Schmidt\"",
        ], "\(d.warningMessages)")
        #expect(d.errorMessages.isEmpty, "\(d.errorMessages)")
    }

    /// A key indented by a space under a key with a value (` date:` under `title: Einzug`) is read
    /// as more of that value; the parser's message told to put a colon's text in quotes.
    @Test func anIndentedKeyIsToldToMoveLeft() {
        let (_, d) = TestSupport.model(TestSupport.minimalSite.merging(["posts/2025/a.md": "---\ntitle: Einzug\n date: 2025-03-01\nsummary: x\n---\nText.\n"]) { $1 })
        #expect(d.errorMessages == ["content/posts/2025/a.md:3: error: 'date' is indented, so YAML reads it as more of the value of 'title' above; remove the spaces before date:"],
                "\(d.errorMessages)")
        // Under a key that has no value, an indented key is the group's, as meant.
        let (_, group) = TestSupport.model(TestSupport.minimalSite.merging(["events/2026/e.md": "---\ntitle: E\nstart: 2026-12-01\nlocation:\n  name: Rathaus\n---\n"]) { $1 })
        #expect(group.errorMessages.isEmpty, "\(group.errorMessages)")
    }

    /// `title: [Entwurf] Neue Messstationen`: YAML reads the [ as a list, and the text after it
    /// broke the line with "a new key is expected; check the indentation", the wrong place to look.
    @Test func aValueStartingWithABracketIsToldToBeQuoted() {
        let (_, d) = TestSupport.model(TestSupport.minimalSite.merging(["posts/2025/a.md": "---\ntitle: [Entwurf] Neue Messstationen\ndate: 2025-03-01\n---\nText.\n"]) { $1 })
        #expect(d.errorMessages == [
            "content/posts/2025/a.md:2: error: the value of 'title' starts with [, which YAML reads as the start of a list; put the whole value in quotes: title: \"[Entwurf] Neue Messstationen\"",
        ], "\(d.errorMessages)")
    }

    /// An in-memory build of the minimal site with one post whose text (below five lines of front
    /// matter, so its first line is line 6) is `body`.
    static func buildPost(_ body: String) -> BuildReport {
        TestSupport.buildInMemory(minimalSiteWith: ["posts/2025/a.md": "---\ntitle: A\ndate: 2025-03-01T10:00:00+01:00\nsummary: x\n---\n" + body]).0
    }

    /// `[Open-Data-Portal] (https://…)`: with a space between ] and ( Markdown makes no link, and the
    /// page showed the brackets and the address as text without a word. Brackets in prose are left alone.
    @Test func aLinkWithASpaceBeforeItsAddressIsNamed() {
        let body = "Mehr im [Open-Data-Portal] (https://opendata.dortmund.de).\n\nDer [Flyer] (../../downloads/flyer.pdf) und Werte [in Tonnen] (gerundet) sind Text.\n\n[Richtig](https://dortmund.de)\n"
        let report = Self.buildPost(body)
        #expect(report.diagnostics.warningMessages.filter { $0.contains("between ] and (") } == [
            "/c/posts/2025/a.md:6: warning: '[Open-Data-Portal] (https://opendata.dortmund.de)' is shown as text, not as a link: a space stands between ] and (; write [Open-Data-Portal](https://opendata.dortmund.de)",
            "/c/posts/2025/a.md:8: warning: '[Flyer] (../../downloads/flyer.pdf)' is shown as text, not as a link: a space stands between ] and (; write [Flyer](../../downloads/flyer.pdf)",
        ], "\(report.diagnostics.warningMessages)")
        #expect(report.succeeded, "\(report.diagnostics.errorMessages)")
    }

    /// A list pasted from Word (`• Punkt eins`, `– Punkt zwei`) is text to Markdown: one paragraph
    /// with the marks, no list for screen readers, without a word. Named once per list, with the fix.
    @Test func aListWithWordsMarksIsNamed() {
        let body = "• Punkt eins\n• Punkt zwei\n\nText – mit Strich.\n\n– Erstens\n\n- Richtig\n"
        let report = Self.buildPost(body)
        #expect(report.diagnostics.warningMessages.filter { $0.contains("not as a list") } == [
            "/c/posts/2025/a.md:6: warning: '• Punkt eins' is shown as text, not as a list: a list entry starts with a hyphen and a space; write - Punkt eins",
            "/c/posts/2025/a.md:11: warning: '– Erstens' is shown as text, not as a list: a list entry starts with a hyphen and a space; write - Erstens",
        ], "\(report.diagnostics.warningMessages)")
    }

    /// `bericht.md.md` (the ending typed where the system hid one) was taken for the version of
    /// bericht.md in a language 'md', with the advice to declare that language in site.yml.
    @Test func aFileEndingInMdTwiceIsToldToBeRenamed() {
        let (report, _) = TestSupport.buildInMemory(minimalSiteWith: ["posts/2025/bericht.md.md": "---\ntitle: A\ndate: 2025-03-01T10:00:00+01:00\nsummary: x\n---\nText.\n"])
        #expect(report.diagnostics.warningMessages.filter { $0.contains("bericht") } == [
            "/c/posts/2025/bericht.md.md: warning: the file name ends in .md twice, so it is published as a page of its own under another address; rename the file to 'bericht.md'",
        ], "\(report.diagnostics.warningMessages)")
    }

    /// `**Wichtig: **` (a space inside the closing marks) is no bold in Markdown: the page showed the
    /// asterisks without a word. Named once per paragraph; bold written right, and code, are left alone.
    @Test func boldWithASpaceInsideItsMarksIsNamed() {
        let body = "**Wichtig: ** Bitte beachten.\n\nDas ist __wichtig __ für alle.\n\n**Richtig** und `**` im Code.\n\nName: ______ Datum: ______\n"
        let report = Self.buildPost(body)
        #expect(report.diagnostics.warningMessages.filter { $0.contains("shown with its marks") } == [
            "/c/posts/2025/a.md:6: warning: bold (**…**) is shown with its marks: they must stand right at the words, without a space inside; write e.g. **Wichtig:** Bitte beachten",
            "/c/posts/2025/a.md:8: warning: bold (__…__) is shown with its marks: they must stand right at the words, without a space inside; write e.g. __Wichtig:__ Bitte beachten",
        ], "\(report.diagnostics.warningMessages)")
    }
}
