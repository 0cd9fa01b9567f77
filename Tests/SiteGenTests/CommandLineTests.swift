import Foundation
import Testing
@testable import SiteGen

/// Runs the real `sitegen` binary (built next to the test bundle) as editors and CI do.
@Suite(.serialized) struct CommandLineTests {
    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static let binary: String = {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        for candidate in [dir + "/sitegen", dir + "/../sitegen", TestSupport.repoRoot + "/.build/debug/sitegen"]
            where FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        return TestSupport.repoRoot + "/.build/debug/sitegen"
    }()

    func run(_ arguments: [String], environment: [String: String] = [:], in directory: String = TestSupport.repoRoot) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["GITHUB_ACTIONS"] = nil
        // The suites compare English messages; German ones are tested by passing SITEGEN_MESSAGES=de.
        env["SITEGEN_MESSAGES"] = "en"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    let now = "2026-11-26T12:00:00+01:00"
    var templates: String { TestSupport.templates }

    @Test func exampleContentPassesStrictCheck() throws {
        let r = try run(["check", "--strict", "--now", now, "--source", TestSupport.exampleContent, "--templates", templates])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("0 errors, 0 warnings"))
    }

    /// Drafts and future-dated posts are never left out silently: build and check say how many,
    /// `--verbose` which, also when the build is up to date; with --drafts/--future they are built.
    /// Ctrl-C while the site is made: exit status 130, a line that says the output is as it was,
    /// the output untouched and no staging folder left.
    @Test func ctrlCDuringABuildLeavesTheOutputAsItWas() throws {
        let root = TestSupport.temporaryFolder("ctrl-c")
        let content = TestSupport.copyOfExampleContent()
        for i in 0..<200 {
            try "---\ntitle: \"Beitrag \(i)\"\ndate: 2025-01-01T10:00:00+01:00\nsummary: S\n---\nText \(i).\n"
                .write(toFile: content + "/posts/2025/beitrag-\(i).md", atomically: true, encoding: .utf8)
        }
        let arguments = ["build", "--source", content, "--templates", templates, "--output", root + "/out", "--now", now, "--quiet"]
        #expect(try run(arguments).status == 0)
        let before = TestSupport.files(root + "/out")
        // A change every page shows, so the next build renders them all.
        let siteFile = content + "/site.yml"
        try (try String(contentsOfFile: siteFile, encoding: .utf8)).replacingOccurrences(of: "title: \"", with: "title: \"Neu: ")
            .write(toFile: siteFile, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["SITEGEN_MESSAGES": "en"]) { $1 }
        let err = Pipe()
        process.standardError = err
        try process.run()
        let staging = root + "/.out.staging-\(process.processIdentifier)"
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: staging) && process.isRunning && Date() < deadline { usleep(1_000) }
        try #require(process.isRunning, "the build ended before it could be stopped")
        process.interrupt()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let left = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.contains("staging") }
        #expect(left.isEmpty, "\(left)")
        #expect(FileManager.default.fileExists(atPath: root + "/.out.sitegen-store"))
        if stderr.contains("Stopped once the new site was in") {
            // The signal came while the new site was put in place: it was finished first.
            #expect(try String(contentsOfFile: root + "/out/index.html", encoding: .utf8).contains("Neu: "))
        } else {
            #expect(stderr.contains("Stopped. \(root)/out/ was left as it was."), "\(stderr)")
            #expect(TestSupport.files(root + "/out") == before)
        }
    }

    /// `sitegen serve` in a folder without content/ stops as build and new do, instead of
    /// watching folders that are not there.
    @Test func serveOutsideASiteFolderStops() throws {
        let empty = TestSupport.temporaryFolder("no-site")
        let result = try run(["serve", "--port", "0", "--templates", templates], in: empty)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content: error: content folder 'content' does not exist; run sitegen in the site's folder or pass --source DIR"), "\(result.stderr)")
    }

    /// A title may begin with a dash; an option `new` does not know is still reported as one.
    @Test func newTakesATitleBeginningWithADash() throws {
        let content = TestSupport.copyOfExampleContent()
        let made = try run(["new", "post", "-5 Grad im Winter", "--source", content, "--now", "2026-11-26T18:30:00+01:00"])
        #expect(made.status == 0, "\(made.stderr)")
        let text = try String(contentsOfFile: content + "/posts/2026/5-grad-im-winter.md", encoding: .utf8)
        #expect(text.contains("title: \"-5 Grad im Winter\""), "\(text)")
        let typo = try run(["new", "post", "--drafs", "Titel", "--source", content])
        #expect(typo.status == 64 && typo.stderr.hasPrefix("Error: Unknown option '--drafs'"), "\(typo.stderr)")
    }

    @Test func buildAndCheckSayWhatIsNotPublished() throws {
        let output = TestSupport.temporaryFolder("withheld") + "/public"
        let args = ["--now", now, "--source", TestSupport.exampleContent, "--templates", templates]
        let built = try run(["build", "--output", output] + args)
        #expect(built.status == 0 && built.stdout.contains("Not published: 1 draft and 1 post dated in the future (--drafts --future includes them; --verbose lists them)."),
                "\(built.stdout)")
        let again = try run(["build", "--output", output, "--verbose"] + args)
        #expect(again.stdout.contains("Up to date") && again.stdout.contains("Not published: 1 draft and 1 post dated in the future"))
        #expect(again.stdout.contains("content/posts/2026/entwurf-umfrage-digitale-angebote.md: draft"))
        #expect(again.stdout.contains("content/posts/2027/programm-fruehjahr-2027.md: dated in the future"))
        let checked = try run(["check"] + args)
        #expect(checked.stderr.contains("Not published: 1 draft and 1 post dated in the future"))
        let all = try run(["build", "--output", output, "--drafts", "--future"] + args)
        #expect(all.status == 0 && !all.stdout.contains("Not published"), "\(all.stdout)")
        let onlyDrafts = try run(["build", "--output", output, "--drafts"] + args)
        #expect(onlyDrafts.stdout.contains("Not published: 1 post dated in the future (--future includes them"), "\(onlyDrafts.stdout)")
    }

    @Test func checkFindsBrokenLinkMissingImageAndUnknownField() throws {
        let content = TestSupport.copyOfExampleContent()
        let post = content + "/posts/2025/klimamessnetz-komplett.md"
        var lines = try String(contentsOfFile: post, encoding: .utf8).components(separatedBy: "\n")
        // Front matter line 5 becomes an unknown field; two lines appended to the body.
        let fieldsLine = try #require(lines.firstIndex { $0.hasPrefix("fields:") })
        lines[fieldsLine] = "fields: [energie-und-umweld]"
        lines.append("Siehe [alt](../2024/gibt-es-nicht.md).")
        lines.append("![Karte](../../images/fehlt.svg)")
        try lines.joined(separator: "\n").write(toFile: post, atomically: true, encoding: .utf8)
        let linkLine = lines.count - 1, imageLine = lines.count

        let r = try run(["check", "--now", now, "--source", content, "--templates", templates])
        #expect(r.status == 1)
        let file = content + "/posts/2025/klimamessnetz-komplett.md"
        #expect(r.stderr.contains("\(file):\(linkLine): error: link target '../2024/gibt-es-nicht.md' does not exist"))
        #expect(r.stderr.contains("\(file):\(imageLine): error: image '../../images/fehlt.svg' does not exist under content/"))
        #expect(r.stderr.contains("\(file):\(fieldsLine + 1): error: unknown field of action 'energie-und-umweld', did you mean 'energie-und-umwelt'?"))
    }

    @Test func jsonFormatGivesOneObjectPerFinding() throws {
        let content = TestSupport.copyOfExampleContent()
        try FileManager.default.removeItem(atPath: content + "/pages/gebaerdensprache.md")
        let r = try run(["check", "--format", "json", "--strict", "--now", now, "--source", content, "--templates", templates])
        #expect(r.status == 1)
        let objects = r.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(!objects.isEmpty)
        #expect(objects.allSatisfy { $0 != nil })
        // The file is named as the content folder was given (here a path in a temporary folder).
        #expect(objects.contains { $0?["message"] as? String == "required page 'Gebärdensprache' is missing; create \(content)/pages/gebaerdensprache.md" })
    }

    @Test func githubAnnotations() throws {
        let content = TestSupport.copyOfExampleContent()
        TestSupport.write(["posts/2026/ohne-zusammenfassung.md": "---\ntitle: Ohne\ndate: 2026-11-01T10:00:00+01:00\n---\nText\n"], under: content)
        let r = try run(["check", "--now", now, "--source", content, "--templates", templates], environment: ["GITHUB_ACTIONS": "true"])
        // At the closing --- of the front matter (line 4), where the summary is added.
        #expect(r.stderr.contains("::warning file=\(content)/posts/2026/ohne-zusammenfassung.md,line=4::post has no summary"), "\(r.stderr)")
        #expect(r.status == 0)  // a warning without --strict
        let strict = try run(["check", "--strict", "--now", now, "--source", content, "--templates", templates])
        #expect(strict.status == 1)
        // Exit 1 with "0 errors" said nothing about why.
        #expect(strict.stderr.contains("pages: 0 errors, 1 warning (strict: the warnings fail the check)."), "\(strict.stderr)")
    }

    @Test func strictBuildFailsOnWarningsAndKeepsOutput() throws {
        let content = TestSupport.copyOfExampleContent()
        TestSupport.write(["posts/2026/ohne-zusammenfassung.md": "---\ntitle: Ohne\ndate: 2026-11-01T10:00:00+01:00\n---\nText\n"], under: content)
        let out = TestSupport.temporaryFolder() + "/public"
        let r = try run(["build", "--strict", "--now", now, "--source", content, "--templates", templates, "--output", out])
        #expect(r.status == 1)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(r.stderr.contains("Build failed"))
    }

    @Test func buildsAreByteIdenticalWhateverTimeZoneLocaleAndThreads() throws {
        let a = TestSupport.temporaryFolder() + "/public", b = TestSupport.temporaryFolder() + "/public"
        let args = ["build", "--now", now, "--templates", templates, "--source", TestSupport.exampleContent]
        let r1 = try run(args + ["--output", a], environment: ["TZ": "America/New_York", "LANG": "C", "LC_ALL": "C", "SITEGEN_JOBS": "1"])
        let r2 = try run(args + ["--output", b], environment: ["TZ": "Asia/Tokyo", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8", "SITEGEN_JOBS": "2"])
        #expect(r1.status == 0 && r2.status == 0, "\(r1.stderr)\(r2.stderr)")
        let filesA = try FileManager.default.subpathsOfDirectory(atPath: a).sorted()
        let filesB = try FileManager.default.subpathsOfDirectory(atPath: b).sorted()
        #expect(filesA == filesB)
        var different: [String] = []
        for f in filesA where !FileManager.default.isDirectory(a + "/" + f) {
            if FileManager.default.contents(atPath: a + "/" + f) != FileManager.default.contents(atPath: b + "/" + f) { different.append(f) }
        }
        #expect(different == [])
        #expect(filesA.count > 100)
    }

    @Test func summaryLineAndVerboseTimings() throws {
        let out = TestSupport.temporaryFolder() + "/public"
        let r = try run(["build", "--verbose", "--now", now, "--source", TestSupport.exampleContent, "--templates", templates, "--output", out])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Built "))
        #expect(r.stdout.contains(" pages in "))
        for stage in ["load", "model", "render", "write"] { #expect(r.stderr.contains("  \(stage): ")) }
        let quiet = try run(["build", "--quiet", "--now", now, "--source", TestSupport.exampleContent, "--templates", templates, "--output", out])
        #expect(quiet.stdout.isEmpty)
    }

    @Test func newCreatesFilesWithSlugAndRefusesToOverwrite() throws {
        let content = TestSupport.temporaryFolder() + "/content"
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        let r = try run(["new", "post", "Größere Straßen für Fußgänger", "--source", content, "--now", "2026-11-26T18:30:00+01:00"])
        #expect(r.status == 0, "\(r.stderr)")
        let path = content + "/posts/2026/groessere-strassen-fuer-fussgaenger.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Größere Straßen für Fußgänger\"\ndate: 2026-11-26T18:30:00+01:00\n"))
        #expect(text.contains("\ndraft: true\n"))
        // The file it writes is valid content.
        let split = try FrontMatter.split(text)
        #expect(try YAMLReader.parse(split.yaml, firstLine: 2) != nil)

        let again = try run(["new", "post", "Größere Straßen für Fußgänger", "--source", content, "--now", "2026-11-26T18:30:00+01:00"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)

        for (kind, folder) in [("event", "events/2026/"), ("project", "projects/"), ("page", "pages/")] {
            let made = try run(["new", kind, "Tag der offenen Tür", "--source", content, "--now", "2026-11-26T18:30:00+01:00"])
            #expect(made.status == 0)
            #expect(FileManager.default.fileExists(atPath: content + "/" + folder + "tag-der-offenen-tuer.md"))
        }
    }

    /// `new --source content/posts` wrote content/posts/posts/2026/…, and `--source .` a post beside
    /// content/ that no build reads: both are refused with the folder to pass, as check and build say it.
    @Test func newRefusesAFolderInsideOrAroundTheContentFolder() throws {
        let site = TestSupport.temporaryFolder()
        TestSupport.write(TestSupport.minimalSite, under: site + "/content")
        let now = "2026-11-26T18:30:00+01:00"
        let inside = try run(["new", "post", "Neu", "--source", site + "/content/fields", "--now", now])
        #expect(inside.status == 1)
        #expect(inside.stderr.contains("'\(site)/content/fields' is a folder inside the content folder; pass the content folder itself: --source \(site)/content"), "\(inside.stderr)")
        let around = try run(["new", "post", "Neu", "--source", site, "--now", now])
        #expect(around.status == 1)
        #expect(around.stderr.contains("'\(site)' is the site's folder, not its content folder; pass --source \(site)/content"), "\(around.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site + "/content/fields/posts") && !FileManager.default.fileExists(atPath: site + "/posts"))
        #expect(try run(["new", "post", "Neu", "--source", site + "/content", "--now", now]).status == 0)
    }

    /// `sitegen new page "EN"` and `sitegen new page "Leichte Sprache"` (beside home.ls.md) made
    /// files that the next build refused: /en/ is where the English version begins, and
    /// /leichte-sprache/ belongs to the home page in Leichte Sprache.
    @Test func newRefusesTheAddressesOfTheOtherVersions() throws {
        let content = TestSupport.temporaryFolder() + "/content"
        TestSupport.write(["site.yml": "title: T\nbase_url: https://example.org/\nlanguages:\n  en:\n    title: T\n",
                           "home.ls.md": "---\ntitle: Leichte Sprache\n---\nText\n"], under: content)
        for (title, what) in [("EN", "/en/, which is the start of another language version"),
                              ("Leichte Sprache", "/leichte-sprache/, which is the home page in Leichte Sprache (home.ls.md)")] {
            let r = try run(["new", "page", title, "--source", content])
            #expect(r.status == 1)
            #expect(r.stderr.contains("the title '\(title)' gives the address \(what); choose another title"), "\(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: content + "/pages/en.md"))
        #expect(!FileManager.default.fileExists(atPath: content + "/pages/leichte-sprache.md"))
        // Without home.ls.md, pages/leichte-sprache.md is the page that lists the Leichte-Sprache pages.
        try FileManager.default.removeItem(atPath: content + "/home.ls.md")
        #expect(try run(["new", "page", "Leichte Sprache", "--source", content]).status == 0)
    }

    /// A page may not take a section's address, and a long title gives a file name the file system takes.
    @Test func newRefusesSectionAddressesAndShortensLongTitles() throws {
        let content = TestSupport.temporaryFolder() + "/content"
        TestSupport.write(["site.yml": "title: T\nbase_url: https://example.org/\npaths:\n  blog: aktuelles\n"], under: content)
        for (title, what) in [("Aktuelles", "/aktuelles/, which is the blog section"), ("Suche", "/suche/, which is the search page"),
                              ("Veranstaltungen", "/veranstaltungen/, which is the events section")] {
            let r = try run(["new", "page", title, "--source", content])
            #expect(r.status == 1)
            #expect(r.stderr.contains("the title '\(title)' gives the address \(what); choose another title"), "\(r.stderr)")
        }
        #expect(try run(["new", "post", "Blog", "--source", content, "--now", "2026-11-26T18:30:00+01:00"]).status == 0)
        // A participation format may not take the idea pool's address among them.
        let pool = try run(["new", "participation", "Ideenpool", "--source", content])
        #expect(pool.status == 1 && pool.stderr.contains("the title 'Ideenpool' gives the address /mitmachen/ideenpool/, which is the idea pool's page; choose another title"), "\(pool.stderr)")
        #expect(!FileManager.default.fileExists(atPath: content + "/participation/ideenpool.md"))
        #expect(try run(["new", "participation", "Ideenpool Sommer", "--source", content]).status == 0)
        let long = String(repeating: "Ein sehr langer Titel über die Stadt ", count: 10)
        let r = try run(["new", "post", long, "--source", content, "--now", "2026-11-26T18:30:00+01:00"])
        #expect(r.status == 0, "\(r.stderr)")
        let slug = NewContent.fileSlug(long)
        #expect(slug.count <= 80 && slug.count >= 40 && !slug.hasSuffix("-"))
        #expect(long.lowercased().hasPrefix(slug.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "ue", with: "ü").prefix(10)))
        #expect(FileManager.default.fileExists(atPath: content + "/posts/2026/\(slug).md"))
    }
}
