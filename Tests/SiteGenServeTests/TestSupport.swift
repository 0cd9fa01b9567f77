import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif
import SiteGen
@testable import SiteGenServe

/// The repository, found from this file (Tests/SiteGenServeTests/TestSupport.swift).
let repoRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// A copy of the example site (content/ and Templates/) in a temporary folder, to edit freely.
final class TempSite: @unchecked Sendable {
    let root: String
    var content: String { root + "/content" }
    var templates: String { root + "/Templates" }

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/sitegen-serve-XXXXXX").utf8CString)
        guard let dir = mkdtemp(&template) else { throw TestFailure("mkdtemp failed") }
        root = String(cString: dir)
        let fm = FileManager.default
        try fm.copyItem(atPath: repoRoot + "/content", toPath: content)
        try fm.copyItem(atPath: repoRoot + "/Templates", toPath: templates)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { root + "/" + relative }

    func read(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

    /// Writes in place (open, truncate, write, close), as most editors do.
    func write(_ relative: String, _ text: String) throws {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: full, contents: Data(text.utf8)) else { throw TestFailure("cannot write \(full)") }
    }

    /// Writes a temporary file next to it and renames it over the file (Vim's and many IDEs' way).
    func writeViaRename(_ relative: String, _ text: String) throws {
        let full = path(relative)
        let dir = (full as NSString).deletingLastPathComponent
        let temp = dir + "/." + (full as NSString).lastPathComponent + ".tmp"
        guard FileManager.default.createFile(atPath: temp, contents: Data(text.utf8)) else { throw TestFailure("cannot write \(temp)") }
        guard rename(temp, full) == 0 else { throw TestFailure("rename failed") }
    }

    func replace(_ relative: String, _ old: String, with new: String, viaRename: Bool = false) throws {
        let text = try read(relative)
        guard text.contains(old) else { throw TestFailure("'\(old)' not found in \(relative)") }
        let changed = text.replacingOccurrences(of: old, with: new)
        if viaRename { try writeViaRename(relative, changed) } else { try write(relative, changed) }
    }

    func remove(_ relative: String) throws { try FileManager.default.removeItem(atPath: path(relative)) }
}

/// The front matter title of a post file.
func title(of text: String) -> String? {
    for line in text.split(separator: "\n") where line.hasPrefix("title:") {
        var t = line.dropFirst(6).trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("\"") && t.hasSuffix("\"") { t = String(t.dropFirst().dropLast()) }
        return t
    }
    return nil
}

/// Collects what the server prints.
final class OutputLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    func add(_ s: String) { lock.lock(); lines.append(s); lock.unlock() }
    var output: ServeOutput {
        ServeOutput(info: { [self] in add($0) }, diagnostics: { [self] ds in for d in ds { add(d.description) } })
    }
}

/// A preview server on a free port over a copy of the example site.
final class RunningServer: @unchecked Sendable {
    let site: TempSite
    let server: PreviewServer
    let log = OutputLog()
    private var task: Task<Void, any Error>?
    var port: Int { server.port ?? 0 }

    init(polling: Bool = false, prepare: (TempSite) throws -> Void = { _ in },
         configure: (inout ServeConfiguration) -> Void = { _ in }) async throws {
        site = try TempSite()
        try prepare(site)
        var config = ServeConfiguration()
        config.source = site.content
        config.templates = site.templates
        config.port = 0
        config.handleSignals = false
        config.drafts = true
        config.future = true
        config.now = DateTime.parse("2026-11-26T12:00:00+01:00")
        config.forcePolling = polling
        config.verbose = true
        configure(&config)
        server = PreviewServer(configuration: config, output: log.output)
        let server = self.server
        task = Task { try await server.run() }
        // Long: in the whole suite, the engine's tests run builds on Swift's cooperative threads
        // (one per core) for minutes, and the server's start waits for one of them to be free.
        try await server.waitUntilReady(timeout: 600)
    }

    /// Stops the server and returns how long that took.
    @discardableResult
    func stop() async throws -> Double {
        let start = monotonicSeconds()
        await server.shutdown()
        try await task?.value
        task = nil
        return monotonicSeconds() - start
    }

    func get(_ path: String, method: String = "GET", headers: [String: String] = [:]) async throws -> HTTPReply {
        let port = self.port
        return try await onThread { try RawHTTP.request(port: port, method: method, target: path, headers: headers) }
    }

    func events(build: String? = nil) async throws -> SSEClient {
        let port = self.port
        return try await onThread { try SSEClient(port: port, build: build) }
    }

    /// Rebuilds finished so far (the initial build included).
    var rebuilds: Int { server.history.count }

    /// Waits until at least `count` builds are recorded.
    func waitForRebuilds(_ count: Int, timeout: Double = 60) async throws {
        try await waitUntil("\(count) builds", timeout: timeout) { [server] in server.history.count >= count }
    }

    /// Waits until the last build is noted with `outcome` (the server notes it after sending its event).
    func waitForOutcome(_ outcome: RebuildRecord.Outcome) async throws {
        try await waitUntil("a build noted as \(outcome)") { [server] in server.history.last?.outcome == outcome }
    }

    /// Polls `condition` until it holds; fails with the server's log after `timeout` seconds
    /// (generous: on a loaded machine a build takes seconds, and a fixed sleep guessed wrong).
    func waitUntil(_ what: String, timeout: Double = 60, _ condition: () async throws -> Bool) async throws {
        let deadline = monotonicSeconds() + timeout
        while try await !condition() {
            if monotonicSeconds() > deadline { throw TestFailure("no \(what) after \(timeout) s (\(server.history.count) builds); log:\n" + log.all.joined(separator: "\n")) }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
    }
}

/// Runs blocking work on its own thread, so the test never blocks Swift's cooperative pool
/// (the server in the same process needs it).
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
        }
        thread.start()
    }
}

/// The build id in a page's live-reload script tag.
func buildID(in html: String) -> String? {
    guard let r = html.range(of: "data-build=\"") else { return nil }
    let rest = html[r.upperBound...]
    guard let end = rest.firstIndex(of: "\"") else { return nil }
    return String(rest[..<end])
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }

/// Resident memory of this process in KiB (Linux).
func residentKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
    }
    return 0
}

/// Runs `body` against a fresh server and always stops it afterwards.
func withServer(polling: Bool = false, prepare: (TempSite) throws -> Void = { _ in },
                configure: (inout ServeConfiguration) -> Void = { _ in },
                _ body: (RunningServer) async throws -> Void) async throws {
    let s = try await RunningServer(polling: polling, prepare: prepare, configure: configure)
    do {
        try await body(s)
    } catch {
        _ = try? await s.stop()
        throw error
    }
    try await s.stop()
}
