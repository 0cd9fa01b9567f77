import Foundation
@testable import SiteGen

/// Paths and small helpers shared by the tests.
enum TestSupport {
    /// Every file under `folder` by relative path, and every folder (`path/`, so none is left empty).
    static func files(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)!
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = FileManager.default.contents(atPath: folder + "/" + path)
            } else {
                result[path + "/"] = Data()
            }
        }
        return result
    }

    /// The repository root, found from this file's path.
    static let repoRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var exampleContent: String { repoRoot + "/content" }
    static var templates: String { repoRoot + "/Templates" }
    static let now = DateTime.parse("2026-11-26T12:00:00+01:00")!

    /// A new empty folder under this test run's folder (`TestFolders`), which goes when the run ends.
    static func temporaryFolder(_ name: String = "sitegen-test") -> String {
        let path = TestFolders.root + "/\(name)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes files (path → text) under `root`.
    static func write(_ files: [String: String], under root: String) {
        for (path, text) in files {
            let full = root + "/" + path
            try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try! text.write(toFile: full, atomically: true, encoding: .utf8)
        }
    }

    /// Copies the example content to a new folder, so a test can change it.
    static func copyOfExampleContent() -> String {
        let dir = temporaryFolder("content-copy")
        let target = dir + "/content"
        try! FileManager.default.copyItem(atPath: exampleContent, toPath: target)
        return target
    }

    /// A minimal valid site.yml plus the 12 fields, for small in-memory sites.
    static let minimalSite: [String: String] = {
        var files = ["site.yml": "title: Test\nbase_url: https://example.org/\n"]
        files["fields/daten-und-plattformen.md"] = "---\ntitle: Daten und Plattformen\norder: 1\n---\nText.\n"
        files["fields/energie-und-umwelt.md"] = "---\ntitle: Energie und Umwelt\norder: 2\n---\nText.\n"
        return files
    }()

    /// Loads and models content files held in memory (under /c): the site, or nil, and the messages.
    static func model(_ files: [String: String], options: BuildOptions = BuildOptions(now: now)) -> (Site?, [Diagnostic]) {
        let fs = MemoryFileSystem(Dictionary(uniqueKeysWithValues: files.map { ("/c/" + $0.key, $0.value) }))
        let loaded = ContentLoader(fileSystem: fs, root: "/c", displayRoot: "content").load()
        return SiteBuilder.build(loaded, options: options, fileSystem: fs, contentRoot: "/c", displayRoot: "content")
    }

    /// Builds `minimalSite` with `files` added (or replacing its own), in memory.
    static func buildInMemory(minimalSiteWith files: [String: String]) -> (BuildReport, MemorySink) {
        buildInMemory(minimalSite.merging(files) { $1 })
    }

    /// Builds in memory: content files under /c, the real templates.
    static func buildInMemory(_ files: [String: String], options: BuildOptions? = nil) -> (BuildReport, MemorySink) {
        let fs = OverlayFileSystem(memory: MemoryFileSystem(Dictionary(uniqueKeysWithValues: files.map { ("/c/" + $0.key, $0.value) })))
        let builder = Builder(location: SiteLocation(content: "/c", templates: templates, output: "/out"),
                              options: options ?? BuildOptions(now: now), fileSystem: fs)
        let sink = MemorySink(fileSystem: fs)
        let (report, _) = builder.run(into: sink)
        return (report, sink)
    }
}

/// A file system that hands each call to another one, chosen by path (tests override what they watch).
protocol ForwardingFileSystem: FileSystem {
    func pick(_ path: String) -> any FileSystem
}

extension ForwardingFileSystem {
    func listFiles(under root: String) throws -> (files: [FileEntry], problems: [(path: String, message: String)]) {
        try pick(root).listFiles(under: root)
    }
    func readFile(_ path: String) throws -> [UInt8] { try pick(path).readFile(path) }
    func isDirectory(_ path: String) -> Bool { pick(path).isDirectory(path) }
    func fileExists(_ path: String) -> Bool { pick(path).fileExists(path) }
    func status(_ path: String) -> FileStatus? { pick(path).status(path) }
    func entries(of folder: String) -> [String]? { pick(folder).entries(of: folder) }
    func writeFile(_ path: String, parts: [ArraySlice<UInt8>]) throws { try pick(path).writeFile(path, parts: parts) }
    func makeFolder(_ path: String) throws { try pick(path).makeFolder(path) }
    func rename(_ from: String, to: String) throws { try pick(from).rename(from, to: to) }
    func link(_ existing: String, to new: String) throws { try pick(existing).link(existing, to: new) }
    func remove(_ path: String) throws { try pick(path).remove(path) }
    func exchange(_ a: String, _ b: String) -> Bool { pick(a).exchange(a, b) }
}

/// Memory below `memoryRoot` (content), the real disk for everything else (templates).
struct OverlayFileSystem: ForwardingFileSystem {
    let memory: MemoryFileSystem
    var memoryRoot = "/c"
    let disk = LocalFileSystem()
    func pick(_ path: String) -> any FileSystem {
        path == memoryRoot || path.hasPrefix(memoryRoot + "/") ? memory : disk
    }
}

extension Array where Element == Diagnostic {
    var errorMessages: [String] { filter { $0.severity == .error }.map(\.description) }
    var warningMessages: [String] { filter { $0.severity == .warning }.map(\.description) }
}

/// The folders the tests make, all under one folder per test process that is removed when the
/// process ends (they were left behind: a day of test runs filled the temporary folder with
/// gigabytes). The folders of runs that ended without removing theirs (killed, crashed) go when
/// the next run starts.
enum TestFolders {
    static let root: String = {
        let base = NSTemporaryDirectory() + "sitegen-tests-"
        removeAbandoned(prefix: base)
        let root = base + String(getpid())
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TestFolders.root) }
        return root
    }()

    /// Removes `prefix<pid>` folders whose process is gone.
    private static func removeAbandoned(prefix: String) {
        let parent = (prefix as NSString).deletingLastPathComponent, name = (prefix as NSString).lastPathComponent
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(name) {
            guard let pid = Int32(entry.dropFirst(name.count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }
}
