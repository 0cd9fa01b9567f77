#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import SiteGen

/// `sitegen serve`: builds the site into memory, serves it, watches the sources, rebuilds and
/// tells the browsers to reload.
///
/// Threads: HTTP runs on Hummingbird's event loops and Swift tasks; watching and building run
/// on one dedicated thread (so a rebuild never blocks a request, and builds never overlap).
/// The served site is an immutable `SiteSnapshot` behind a lock: a rebuild swaps it in one step,
/// and a failed rebuild leaves the last good one in place.
public final class PreviewServer: Sendable {
    public let configuration: ServeConfiguration
    let output: ServeOutput
    let hub = LiveReloadHub()
    /// Parsed documents, rendered Markdown and pages of the previous builds: a rebuild redoes only what changed.
    let cache = BuildCache()
    /// Assets copied into memory, read again only when they change (a big download would slow every rebuild).
    let copies = CopyCache()
    /// Distinguishes this server's builds from those of an earlier run (the browser reloads
    /// when it reconnects to a new server).
    let instance: String

    struct State {
        var snapshot: SiteSnapshot?
        /// Diagnostics of the last build when it failed; nil after a good one.
        var failure: [Diagnostic]?
        var firstBuildDone = false
        var port: Int?
        var group: ServiceGroup?
        var stopRequested = false
        var shownWarnings: Set<Diagnostic> = []
        var history: [RebuildRecord] = []
        var watchMode: FileWatcher.Mode?
        var lastBuildCPU = 0.0
        /// The language of the last build's messages, for the server's own lines too.
        var language = MessageLanguage.de
    }

    let state = Locked(State())

    public init(configuration: ServeConfiguration, output: ServeOutput = .silent) {
        self.configuration = configuration
        self.output = output
        instance = String(UInt64.random(in: 0...0xFFFF_FFFF), radix: 36)
    }

    // MARK: state for callers and tests

    /// The bound port, once the server runs.
    public var port: Int? { state.withLock { $0.port } }
    /// `http://127.0.0.1:8080/`
    public var url: String? { port.map { baseURL(port: $0) } }
    public var snapshot: SiteSnapshot? { state.withLock { $0.snapshot } }
    public var failure: [Diagnostic]? { state.withLock { $0.failure } }
    public var history: [RebuildRecord] { state.withLock { $0.history } }
    public var listenerCount: Int { hub.listenerCount }
    public var watchMode: FileWatcher.Mode? { state.withLock { $0.watchMode } }

    func buildID(_ generation: Int) -> String { "\(instance)-\(generation)" }

    /// Waits until the server listens and the first build is done (or `timeout` passes).
    public func waitUntilReady(timeout: Double = 120) async throws {
        let deadline = monotonicSeconds() + timeout
        while !state.withLock({ $0.firstBuildDone && $0.port != nil }) {
            if monotonicSeconds() > deadline { throw ServeError("the server did not become ready within \(Int(timeout)) s") }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
    }

    /// Starts a graceful shutdown, as Ctrl-C does.
    public func shutdown() async {
        let group = state.withLock { s -> ServiceGroup? in
            s.stopRequested = true
            return s.group
        }
        hub.close()
        await group?.triggerGracefulShutdown()
    }

    // MARK: running

    /// Runs until SIGINT/SIGTERM (when `handleSignals`) or `shutdown()`.
    public func run() async throws {
        var logger = Logger(label: "sitegen.serve")
        logger.logLevel = configuration.verbose ? .warning : .critical
        let responder = PreviewResponder(server: self)
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { [self] channel in
                let port = channel.localAddress?.port ?? configuration.port
                state.withLock { $0.port = port }
            },
            logger: logger
        )
        let watcher = FileWatcher(roots: [configuration.source, configuration.templates], debounce: configuration.debounce,
                                  pollInterval: configuration.pollInterval, forcePolling: configuration.forcePolling) { [self] changes in
            rebuild(changes)
        }
        state.withLock { $0.watchMode = watcher.mode }

        let (watching, liveReload) = services(watcher)
        // Graceful shutdown runs from the last service to the first: live reload, watcher, HTTP.
        var groupConfig = ServiceGroupConfiguration(
            services: [
                .init(service: app),
                .init(service: watching, successTerminationBehavior: .gracefullyShutdownGroup),
                .init(service: liveReload, successTerminationBehavior: .gracefullyShutdownGroup),
            ],
            gracefulShutdownSignals: configuration.handleSignals ? [.sigterm, .sigint] : [],
            logger: logger
        )
        groupConfig.maximumGracefulShutdownDuration = .milliseconds(Int(configuration.shutdownGrace * 1000))
        let group = ServiceGroup(configuration: groupConfig)
        let stopEarly = state.withLock { s -> Bool in
            s.group = group
            return s.stopRequested
        }
        if stopEarly { return }
        do {
            try await group.run()
        } catch {
            hub.close()
            watcher.stop()
            throw ServeError.describe(error, host: configuration.host, port: configuration.port)
        }
        hub.close()
        watcher.stop()
    }

    /// The file watcher (started once the port is known: the build's base URL contains it) and
    /// the live-reload pings, as services of the group.
    private func services(_ watcher: FileWatcher) -> (watching: ClosureService, liveReload: ClosureService) {
        let watching = ClosureService(name: "watcher") { [self] in
            while state.withLock({ $0.port == nil }) {
                try await Task.sleep(nanoseconds: 5_000_000)
            }
            watcher.start { [self] in initialBuild(watcher: watcher) }
            try? await gracefulShutdown()
            watcher.stop()
        }
        // Live-reload listeners end first on shutdown, so no open event stream holds the server.
        let liveReload = ClosureService(name: "live-reload") { [self] in
            try? await cancelWhenGracefulShutdown {
                while true {
                    try await Task.sleep(nanoseconds: 15_000_000_000)
                    self.hub.broadcast(LiveEvent.ping)
                }
            }
            hub.close()
        }
        return (watching, liveReload)
    }

    func baseURL(port: Int) -> String {
        var host = configuration.host
        // Listening on every interface is for other devices: the site's own absolute addresses
        // (feeds, calendars, canonical links) must reach this machine from them too.
        if host == "0.0.0.0" || host.isEmpty { host = Self.networkAddress(ipv6: false) ?? "127.0.0.1" }
        if host == "::" { host = Self.networkAddress(ipv6: true) ?? Self.networkAddress(ipv6: false) ?? "::1" }
        if host.contains(":") { host = "[\(host)]" }
        return "http://\(host):\(port)/"
    }

    /// This machine's first address on a network interface that is up and not the loopback one
    /// (in the order the system lists them), or nil.
    static func networkAddress(ipv6: Bool) -> String? {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return nil }
        defer { freeifaddrs(list) }
        let family = ipv6 ? AF_INET6 : AF_INET
        var next: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = next {
            next = entry.pointee.ifa_next
            let flags = Int32(entry.pointee.ifa_flags)
            guard let address = entry.pointee.ifa_addr, Int32(address.pointee.sa_family) == family,
                  flags & Int32(IFF_UP) != 0, flags & Int32(IFF_LOOPBACK) == 0 else { continue }
            var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            let length = socklen_t(ipv6 ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size)
            guard getnameinfo(address, length, &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0 else { continue }
            let name = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            // A link-local IPv6 address needs its interface name, which URLs cannot carry well.
            if ipv6 && (name.hasPrefix("fe80") || name.contains("%")) { continue }
            return name
        }
        return nil
    }

    // MARK: building

    private func buildOnce() -> (BuildReport, MemorySink, Double) {
        let started = monotonicSeconds()
        let cpuStarted = processCPUSeconds()
        defer { state.withLock { $0.lastBuildCPU = processCPUSeconds() - cpuStarted } }
        let port = state.withLock { $0.port } ?? configuration.port
        let now = configuration.now ?? DateTime(epochSeconds: Int64(wallSeconds()))
        let options = BuildOptions(now: now, drafts: configuration.drafts, future: configuration.future,
                                   baseURL: baseURL(port: port), preview: true)
        let sink = MemorySink(copies: copies, imageCache: .besideDefaultOutput(content: configuration.source))
        defer { copies.prune() }
        var builder = Builder(location: SiteLocation(content: configuration.source, templates: configuration.templates, output: ""),
                              options: options)
        builder.cache = cache
        var (report, _) = builder.run(into: sink)
        // The terminal, the overlay and the error page show them in the chosen language.
        let language = configuration.messages
            ?? MessageLanguage.choose(option: nil, environment: nil, siteLanguage: report.language ?? SiteLanguage.of(content: configuration.source))
        state.withLock { $0.language = language }
        report.diagnostics = report.diagnostics.map { $0.translated(to: language) }
        return (report, sink, monotonicSeconds() - started)
    }

    private func initialBuild(watcher: FileWatcher) {
        let (report, sink, seconds) = buildOnce()
        let url = baseURL(port: port ?? configuration.port)
        var record = RebuildRecord(outcome: .initial, changedSources: [], changedOutputs: [], changeToEvent: nil,
                                   buildSeconds: seconds, listeners: 0, diagnostics: report.diagnostics)
        showDiagnostics(report.diagnostics, failed: !report.succeeded)
        // The tabs that subscribed before the server was ready: a later one was greeted with this
        // build (a reload on top made it load the page a second time for nothing).
        var early = 0
        // Recorded in the same step that makes the server ready: whoever waits for it sees the
        // first build in the history (a line printed in between left a gap tests could fall into).
        if report.succeeded {
            let snapshot = SiteSnapshot(output: sink.files, previous: nil, generation: 1)
            early = state.withLock { s -> Int in
                s.snapshot = snapshot
                s.failure = nil
                s.history.append(record)
                s.firstBuildDone = true
                return hub.lastID
            }
            let drafts = configuration.drafts ? "drafts shown" : "drafts hidden"
            let future = configuration.future ? "future posts shown" : "future posts hidden"
            tell("Built \(report.pages) pages in \(duration(seconds)) (\(drafts), \(future)).")
        } else {
            record.outcome = .failed
            early = state.withLock { s -> Int in
                s.failure = report.diagnostics
                s.history.append(record)
                s.firstBuildDone = true
                return hub.lastID
            }
            let errors = report.diagnostics.filter { $0.severity == .error }.count
            tell("The first build failed (\(errors) error\(errors == 1 ? "" : "s")); the browser shows them until they are fixed.")
        }
        tellTabsThatConnectedMeanwhile(report, upTo: early)
        let mode = watcher.mode == .inotify ? "inotify" : "polling every \(duration(configuration.pollInterval))"
        if !HostNames.isLocalOnly(configuration.host) {
            tell("Note: listening on \(configuration.host), so other devices on the network can open this preview\(configuration.drafts ? " (drafts included)" : "").")
        }
        tell("Serving at \(url)  (watching \(configuration.source)/ and \(configuration.templates)/ with \(mode); Ctrl-C stops)")
    }

    /// Tabs whose event stream connected while the first build ran show a page of an earlier run
    /// of `sitegen serve` (a big site's first build takes seconds, and they reconnect as soon as
    /// the port answers): they reload now, or show the errors of a first build that failed.
    private func tellTabsThatConnectedMeanwhile(_ report: BuildReport, upTo id: Int) {
        hub.broadcast(report.succeeded ? LiveEvent.reload(build: buildID(1), changed: []) : diagnosticsEvent(report.diagnostics), upTo: id)
    }

    /// Rebuilds after `changes`, swaps the site in and tells the browsers. Never throws: bad
    /// content becomes diagnostics, and the last good site stays.
    func rebuild(_ changes: [FileChange]) {
        guard !changes.isEmpty else { return }
        let firstChange = changes.map(\.time).min() ?? monotonicSeconds()
        let (report, sink, seconds) = buildOnce()
        let sources = changes.map(\.path)
        var record = RebuildRecord(outcome: .reload, changedSources: sources, changedOutputs: [], changeToEvent: nil,
                                   buildSeconds: seconds, listeners: 0, diagnostics: report.diagnostics)
        showDiagnostics(report.diagnostics, failed: !report.succeeded)
        let what = Self.changeSubject(sources)
        if report.succeeded {
            let (previous, wasFailing) = state.withLock { ($0.snapshot, $0.failure != nil) }
            let candidate = SiteSnapshot(output: sink.files, previous: previous, generation: (previous?.generation ?? 0) + 1)
            record.changedOutputs = candidate.changed
            if candidate.changed.isEmpty && !wasFailing && previous != nil {
                record.outcome = .unchanged
                state.withLock { $0.history.append(record) }
                tell("\(what); the site stays the same.")
                return
            }
            let cssOnly = !wasFailing && previous != nil && !candidate.changed.isEmpty
                && sources.allSatisfy { $0.lowercased().hasSuffix(".css") }
                && candidate.changed.allSatisfy { $0.lowercased().hasSuffix(".css") }
            // The swap: one assignment; requests from now on see the new site.
            state.withLock {
                $0.snapshot = candidate
                $0.failure = nil
            }
            let build = buildID(candidate.generation)
            let message = cssOnly ? LiveEvent.css(build: build, files: candidate.changed)
                                  : LiveEvent.reload(build: build, changed: candidate.changed)
            record.outcome = cssOnly ? .css : .reload
            record.listeners = hub.broadcast(message)
            record.changeToEvent = monotonicSeconds() - firstChange
            let files = "\(candidate.changed.count) output file\(candidate.changed.count == 1 ? "" : "s") changed"
            let action = cssOnly ? "stylesheet swapped" : "reload sent"
            tell("\(what): rebuilt, \(files), \(action) (\(record.listeners) browser\(record.listeners == 1 ? "" : "s"))\(wasFailing ? "; the error is fixed" : "").")
        } else {
            record.outcome = .failed
            state.withLock { $0.failure = report.diagnostics }
            record.listeners = hub.broadcast(diagnosticsEvent(report.diagnostics))
            record.changeToEvent = monotonicSeconds() - firstChange
            let errors = report.diagnostics.filter { $0.severity == .error }.count
            tell("\(what): the build failed with \(errors) error\(errors == 1 ? "" : "s"); still serving the last good site.")
        }
        if configuration.verbose, let total = record.changeToEvent {
            let event = record.outcome == .failed ? "diagnostics" : record.outcome.rawValue
            let stages = report.timings.map { "\($0.stage) \(duration($0.seconds))" }.joined(separator: ", ")
            let cpu = state.withLock { $0.lastBuildCPU }
            output.info("  change → \(event) event: \(duration(total)) (build \(duration(seconds)), CPU \(duration(cpu)): \(stages); \(cache.renderedPages) pages rendered, \(cache.reusedPages) reused; debounce, snapshot and send \(duration(max(0, total - seconds))))")
        }
        state.withLock { $0.history.append(record) }
    }

    /// What a rebuild answers, as the log names it: "content/x.md changed", "content/x.md removed"
    /// (gone when the rebuild read the content: deleted, or moved away), "3 files changed".
    static func changeSubject(_ paths: [String], exists: (String) -> Bool = PreviewServer.exists) -> String {
        let gone = paths.filter { !exists($0) }.count
        if paths.count == 1 { return gone == 0 ? "\(paths[0]) changed" : "\(paths[0]) removed" }
        return gone == paths.count ? "\(paths.count) files removed" : "\(paths.count) files changed"
    }

    /// Whether a file or folder is there (a symbolic link counts, even a broken one).
    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// A duration in the language of the build's messages (`0,57 s` in German).
    private func duration(_ seconds: Double) -> String { DurationText.of(seconds, in: state.withLock { $0.language }) }

    /// A line for the person at the terminal, in the language of the build's messages.
    private func tell(_ english: String) {
        output.info(MessageCatalogue.german.translate(english, to: state.withLock { $0.language }))
    }

    /// Errors always; warnings only when they are new, so a rebuild does not repeat them all.
    private func showDiagnostics(_ diagnostics: [Diagnostic], failed: Bool) {
        let shown = state.withLock { s -> [Diagnostic] in
            let fresh = diagnostics.filter { $0.severity == .error || !s.shownWarnings.contains($0) }
            for d in diagnostics where d.severity == .warning { s.shownWarnings.insert(d) }
            return fresh
        }
        if !shown.isEmpty { output.diagnostics(shown) }
    }
}

/// A service made of a closure.
struct ClosureService: Service, CustomStringConvertible {
    let name: String
    let body: @Sendable () async throws -> Void
    init(name: String, _ body: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.body = body
    }
    func run() async throws { try await body() }
    var description: String { name }
}

public struct ServeError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }

    static func describe(_ error: any Error, host: String, port: Int) -> ServeError {
        let text = "\(error)"
        if text.contains("Address already in use") || text.contains("EADDRINUSE") || text.contains("errno: 98") {
            return ServeError("port \(port) on \(host) is already in use; stop the other server or pick another port with --port")
        }
        if text.contains("Permission denied") || text.contains("errno: 13") {
            return ServeError("not allowed to listen on port \(port) on \(host); ports below 1024 need privileges, try --port 8080")
        }
        // A typo in --host: the socket library's words ("bind(descriptor:ptr:bytes:): Cannot assign
        // requested address") tell a reviewer nothing about what to type instead.
        if text.contains("Cannot assign requested address") || text.contains("errno: 99") {
            return ServeError("the address \(host) does not belong to this computer; with --host, give 127.0.0.1 (this computer only) or 0.0.0.0 (the whole network)")
        }
        if text.contains("UnknownHost") || text.contains("Name or service not known") {
            return ServeError("there is no computer named '\(host)'; with --host, give an address such as 127.0.0.1")
        }
        return ServeError("the server stopped: \(text)")
    }
}
