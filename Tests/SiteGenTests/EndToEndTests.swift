import Foundation
import Testing
@testable import SiteGen

/// Builds the real example content and looks at the result as a visitor would.
@Suite(.serialized) struct EndToEndTests {
    func build(content: String = TestSupport.exampleContent, output: String, now: DateTime = TestSupport.now) -> BuildReport {
        Builder(location: SiteLocation(content: content, templates: TestSupport.templates, output: output),
                options: BuildOptions(now: now, baseURL: "https://smartcity.example.org/")).build()
    }

    func files(under root: String) -> [String] {
        let e = FileManager.default.enumerator(atPath: root)!
        return (e.allObjects as! [String]).filter { !FileManager.default.isDirectory(root + "/" + $0) }.sorted()
    }

    @Test func exampleSiteBuildsCompletely() throws {
        let output = TestSupport.temporaryFolder() + "/public"
        let report = build(output: output)
        #expect(report.diagnostics.errorMessages == [])
        #expect(report.succeeded)
        let all = Set(files(under: output))
        for page in ["index.html", "404.html", "blog/index.html", "blog/seite/2/index.html", "veranstaltungen/index.html",
                     "projekte/index.html", "handlungsfelder/index.html", "strategie/index.html", "impressum/index.html",
                     "datenschutz/index.html", "barrierefreiheit/index.html", "leichte-sprache/index.html",
                     "gebaerdensprache/index.html", "assets/site.css", "downloads/smart-city-strategie-dos-2030.pdf",
                     "sitemap.xml", "robots.txt"] {
            #expect(all.contains(page), "missing \(page)")
        }
        // One index per field of action, the reason the site exists.
        let fieldPages = all.filter { $0.hasPrefix("handlungsfelder/") && $0.hasSuffix("/index.html") && $0.split(separator: "/").count == 3 }
        #expect(fieldPages.count == 12)
        #expect(all.filter { $0.hasPrefix("blog/20") && $0.hasSuffix("index.html") }.count >= 18)
        #expect(all.filter { $0.hasPrefix("veranstaltungen/20") && $0.hasSuffix("index.html") }.count >= 12)
        #expect(all.filter { $0.hasPrefix("projekte/") && $0.hasSuffix("index.html") }.count >= 13)
        // Drafts and future posts are not published.
        #expect(!all.contains { $0.hasPrefix("blog/2027/") })
        #expect(!all.contains { $0.contains("programm-fruehjahr-2027") })
    }

    @Test func everyInternalLinkResolves() throws {
        let output = TestSupport.temporaryFolder() + "/public"
        #expect(build(output: output).succeeded)
        let all = Set(files(under: output))
        var broken: [String] = []
        var checked = 0
        for file in all where file.hasSuffix(".html") {
            let html = try String(contentsOfFile: output + "/" + file, encoding: .utf8)
            for match in html.matches(of: /(?:href|src)="(\/[^"#?]*)/) {
                let path = String(match.1.dropFirst())
                let target = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
                checked += 1
                if !all.contains(target) { broken.append("\(file) → /\(path)") }
            }
        }
        #expect(checked > 1000)
        #expect(broken == [])
    }

    @Test func pagesShowWhatTheIssueAsksFor() throws {
        let output = TestSupport.temporaryFolder() + "/public"
        #expect(build(output: output).succeeded)
        func page(_ p: String) throws -> String { try String(contentsOfFile: output + "/" + p, encoding: .utf8) }
        let strategy = try page("strategie/index.html")
        #expect(strategy.contains("(PDF, 31 KB)"))
        let events = try page("veranstaltungen/index.html")
        let upcoming = try #require(events.range(of: "Kommende Veranstaltungen"))
        let past = try #require(events.range(of: "Vergangene Veranstaltungen"))
        #expect(upcoming.lowerBound < past.lowerBound)
        let home = try page("index.html")
        #expect(home.contains("<html lang=\"de\">"))
        #expect(home.contains("Daten und Plattformen"))
        let post = try page("blog/2025/klimamessnetz-komplett/index.html")
        #expect(post.contains("<time datetime=\"2025-"))
        #expect(post.contains("href=\"/projekte/"))
        #expect(!post.contains(".md\""))
    }

    @Test func failedBuildLeavesTheOldOutputUntouched() throws {
        let output = TestSupport.temporaryFolder() + "/public"
        #expect(build(output: output).succeeded)
        let before = try snapshot(output)

        let content = TestSupport.copyOfExampleContent()
        let post = content + "/posts/2025/klimamessnetz-komplett.md"
        var text = try String(contentsOfFile: post, encoding: .utf8)
        text += "\nSiehe [fehlt](../2024/gibt-es-nicht.md).\n"
        try text.write(toFile: post, atomically: true, encoding: .utf8)
        let report = build(content: content, output: output)
        #expect(!report.succeeded)
        #expect(report.diagnostics.errorMessages.contains { $0.contains("posts/2025/klimamessnetz-komplett.md:") && $0.contains("gibt-es-nicht.md' does not exist") })
        #expect(try snapshot(output) == before)
        // No staging folder is left behind; the store and the processed photos of the old output stay beside it.
        let parent = (output as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == [".public.sitegen-images", ".public.sitegen-store", "public"])
    }

    @Test func unchangedFilesAreNotRewritten() throws {
        let output = TestSupport.temporaryFolder() + "/public"
        #expect(build(output: output).succeeded)
        let before = try modificationTimes(output)
        Thread.sleep(forTimeInterval: 1.1)
        let report = build(output: output)
        #expect(report.succeeded)
        #expect(report.written == 0)
        #expect(try modificationTimes(output) == before)
    }

    @Test func noChangeBuildStopsEarlyAndAChangeBuildsAgain() throws {
        let content = TestSupport.copyOfExampleContent()
        let output = TestSupport.temporaryFolder() + "/public"
        #expect(build(content: content, output: output).succeeded)
        let again = build(content: content, output: output)
        #expect(again.upToDate)
        #expect(again.pages > 70)
        // A changed post body is built again, and only that page's bytes change.
        let before = try snapshot(output)
        let post = content + "/posts/2025/klimamessnetz-komplett.md"
        try (try String(contentsOfFile: post, encoding: .utf8) + "\nEin neuer Satz am Ende.\n").write(toFile: post, atomically: true, encoding: .utf8)
        let changed = build(content: content, output: output)
        #expect(!changed.upToDate && changed.succeeded)
        let after = try snapshot(output)
        let differing = after.keys.filter { after[$0] != before[$0] }.sorted()
        #expect(differing.contains("blog/2025/klimamessnetz-komplett/index.html"))
        #expect(!differing.contains("impressum/index.html"))
        // The same content built from nothing gives the same bytes as the incremental result.
        let fresh = TestSupport.temporaryFolder() + "/public"
        #expect(build(content: content, output: fresh).succeeded)
        #expect(try snapshot(fresh) == after)
    }

    @Test func upToDateBuildsRepeatWarningsAndNoticeTouchedFilesAndTime() throws {
        let content = TestSupport.copyOfExampleContent()
        let output = TestSupport.temporaryFolder() + "/public"
        // A warning (an unknown front matter key) must not switch the quick path off, and shows again.
        let page = content + "/pages/kontakt.md"
        let text = try String(contentsOfFile: page, encoding: .utf8)
        try text.replacingOccurrences(of: "\ntitle:", with: "\ntitel_alt: x\ntitle:").write(toFile: page, atomically: true, encoding: .utf8)
        let first = build(content: content, output: output)
        #expect(first.succeeded && !first.upToDate)
        let warnings = first.diagnostics.filter { $0.severity == .warning }
        #expect(!warnings.isEmpty)
        let second = build(content: content, output: output)
        #expect(second.upToDate)
        #expect(second.timings.map(\.stage) == ["check inputs"])
        #expect(second.diagnostics == warnings)

        // Touched, same bytes: the listing differs, the fingerprint does not; still nothing is written.
        Thread.sleep(forTimeInterval: 0.01)
        try text.replacingOccurrences(of: "\ntitle:", with: "\ntitel_alt: x\ntitle:").write(toFile: page, atomically: true, encoding: .utf8)
        let touched = build(content: content, output: output)
        #expect(touched.upToDate)
        #expect(touched.timings.map(\.stage) != ["check inputs"])
        #expect(touched.diagnostics == warnings)
        #expect(build(content: content, output: output).timings.map(\.stage) == ["check inputs"])

        // Time passes an event's end: the event moves to the past, so the site is built again.
        let later = DateTime(epochSeconds: TestSupport.now.epochSeconds + 400 * 86_400)
        let moved = build(content: content, output: output, now: later)
        #expect(!moved.upToDate && moved.succeeded && moved.written > 0)
    }

    @Test func theStoredRecordSurvivesTabsAndNewlinesInMessages() throws {
        let record = BuildRecord(fingerprint: 1, stamp: 2, pages: 3, files: 4,
                                 warnings: [.warning("content/a b.md", line: 7, "tab\there\nnew line \\ backslash"), .warning("site.yml", "no line")],
                                 validFrom: -5, validUntil: .max)
        let fs = MemoryFileSystem()
        try fs.makeFolder("/site")
        let store = BuildStore(output: "/site/public", fileSystem: fs)
        #expect(store.path == "/site/.public.sitegen-store")
        let saved = store.save(record, tables: [[1, 2], [3]])
        #expect(saved)
        let stored = try #require(store.read())
        #expect(stored.record == record && stored.tables == [1, 2, 3])
        // Another version, or cut short: not read.
        var bytes = try fs.readFile(store.path)
        fs.write(store.path, bytes: Array(bytes.prefix(bytes.count - 5)))
        #expect(store.read()?.tables != [1, 2, 3])
        bytes[8] = UInt8(ascii: "X")
        fs.write(store.path, bytes: bytes)
        #expect(store.read() == nil)
    }

    func snapshot(_ root: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for f in files(under: root) { result[f] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + f)) }
        return result
    }

    func modificationTimes(_ root: String) throws -> [String: Date] {
        var result: [String: Date] = [:]
        for f in files(under: root) {
            result[f] = try FileManager.default.attributesOfItem(atPath: root + "/" + f)[.modificationDate] as? Date
        }
        return result
    }
}

extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
