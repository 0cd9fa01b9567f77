import SiteGen
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One changed path, with the moment (monotonic seconds) the change was first seen.
public struct FileChange: Sendable, Hashable {
    public var path: String
    public var time: Double
}

/// Watches folders recursively and reports debounced batches of changes on its own thread.
///
/// On Linux it uses inotify (through Glibc): one watch per folder, watches added for folders
/// created (or moved in) later and removed for folders deleted or moved away; a queue overflow
/// or a replaced root folder is answered with a rescan. Where inotify cannot be used (no
/// inotify, or the watch limit is reached) it falls back to polling: stat every file every
/// `pollInterval` and compare modification time, size and inode.
///
/// Editors' temporary files and dotfiles are ignored (see `isIgnored`); a save through a
/// temporary file and `rename` shows up as a change of the real file (IN_MOVED_TO).
public final class FileWatcher: @unchecked Sendable {
    public enum Mode: String, Sendable { case inotify, polling }

    /// Names of editor temporaries and other files that never trigger a build: what the build
    /// never reads (`JunkFileNames`: swap files, backups, office lock files `~$…`, Thumbs.db),
    /// dotfiles, and files that live only for a moment while a file is saved.
    public static func isIgnored(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix(".") || JunkFileNames.contains(name) { return true }  // .#foo, .foo.swp
        if name == "4913" { return true }  // vim's probe file
        let lower = name.lowercased()
        if lower.hasPrefix("sed") && lower.count == 9 && !lower.contains(".") { return true }  // sed -i's sedXXXXXX
        return false
    }

    public let roots: [String]
    /// Quiet time that ends a burst of events.
    public let debounce: Double
    /// A burst is reported at the latest this long after its first event.
    public let maxDelay: Double
    public let pollInterval: Double
    public private(set) var mode: Mode

    private let handler: @Sendable ([FileChange]) -> Void
    private var wake: [Int32] = [-1, -1]
    private let stopped = Locked(false)

    // inotify state; only the watcher thread touches it after `init`.
    private var fd: Int32 = -1
    private var watches: [Int32: String] = [:]
    private var rootWatches: [String: Int32] = [:]
    private var switchToPolling = false
    // polling state
    private var known: [String: FileStamp] = [:]

    /// Sets up the watches (so nothing is missed from here on); `start` begins reporting.
    public init(roots: [String], debounce: Double = 0.05, maxDelay: Double = 0.4, pollInterval: Double = 0.5,
                forcePolling: Bool = false, handler: @escaping @Sendable ([FileChange]) -> Void) {
        self.roots = roots.map(FileWatcher.trimmed)
        self.debounce = debounce
        self.maxDelay = maxDelay
        self.pollInterval = pollInterval
        self.handler = handler
        mode = .polling
        _ = pipe(&wake)
        for f in wake { _ = fcntl(f, F_SETFD, FD_CLOEXEC); _ = fcntl(f, F_SETFL, O_NONBLOCK) }
        #if os(Linux)
        if !forcePolling { setUpInotify() }
        #endif
        if mode == .polling { known = scan() }
    }

    deinit {
        if fd >= 0 { close(fd) }
        for f in wake where f >= 0 { close(f) }
    }

    /// Runs `first` (the initial build) and then reports batches, all on a new thread.
    public func start(first: @escaping @Sendable () -> Void = {}) {
        startThread { [self] in
            first()
            #if os(Linux)
            if mode == .inotify { inotifyLoop() }
            #endif
            if mode == .polling && !isStopped { pollingLoop() }
        }
    }

    /// Stops reporting; a build in progress finishes first.
    public func stop() {
        stopped.withLock { $0 = true }
        var b: UInt8 = 1
        _ = write(wake[1], &b, 1)
    }

    private var isStopped: Bool { stopped.current }

    private static func trimmed(_ path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }

    // MARK: inotify

    #if os(Linux)
    private static let IN_ATTRIB: UInt32 = 0x0000_0004
    private static let IN_CLOSE_WRITE: UInt32 = 0x0000_0008
    private static let IN_MOVED_FROM: UInt32 = 0x0000_0040
    private static let IN_MOVED_TO: UInt32 = 0x0000_0080
    private static let IN_CREATE: UInt32 = 0x0000_0100
    private static let IN_DELETE: UInt32 = 0x0000_0200
    private static let IN_DELETE_SELF: UInt32 = 0x0000_0400
    private static let IN_MOVE_SELF: UInt32 = 0x0000_0800
    private static let IN_Q_OVERFLOW: UInt32 = 0x0000_4000
    private static let IN_IGNORED: UInt32 = 0x0000_8000
    private static let IN_ONLYDIR: UInt32 = 0x0100_0000
    private static let IN_DONT_FOLLOW: UInt32 = 0x0200_0000
    private static let IN_EXCL_UNLINK: UInt32 = 0x0400_0000
    private static let IN_ISDIR: UInt32 = 0x4000_0000
    private static let watchMask: UInt32 = IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE
        | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK

    private func setUpInotify() {
        fd = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        guard fd >= 0 else { return }
        mode = .inotify
        for root in roots {
            var ignored: [String: Double] = [:]
            if !addWatches(root, isRoot: true, found: &ignored) && switchToPolling { break }
        }
        if switchToPolling {
            close(fd)
            fd = -1
            watches = [:]
            rootWatches = [:]
            mode = .polling
        }
    }

    /// Watches `dir` and every folder below it; files found are added to `found` (a folder that
    /// appears after start may already hold files whose events came before its watch).
    @discardableResult
    private func addWatches(_ dir: String, isRoot: Bool = false, found: inout [String: Double]) -> Bool {
        // A root given as a symbolic link (`--source clink`) is followed; folders below it are not.
        let wd = inotify_add_watch(fd, dir, isRoot ? FileWatcher.watchMask & ~FileWatcher.IN_DONT_FOLLOW : FileWatcher.watchMask)
        if wd < 0 {
            if errno == ENOSPC || errno == ENOMEM { switchToPolling = true }
            return false
        }
        watches[wd] = dir
        if isRoot { rootWatches[dir] = wd }
        guard let names = FileWatcher.watchedNames(in: dir) else { return true }
        let now = monotonicSeconds()
        for name in names {
            let path = dir + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                addWatches(path, found: &found)
                if switchToPolling { return false }
            } else if found[path] == nil {
                found[path] = now
            }
        }
        return true
    }

    private func removeWatches(under path: String) {
        for (wd, dir) in watches where dir == path || dir.hasPrefix(path + "/") {
            inotify_rm_watch(fd, wd)
            watches[wd] = nil
        }
        for (root, wd) in rootWatches where watches[wd] == nil { rootWatches[root] = nil }
    }

    private func inotifyLoop() {
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        var pending: [String: Double] = [:]
        var first = 0.0
        var last = 0.0
        while !isStopped {
            let now = monotonicSeconds()
            var timeout: Int32 = -1
            if !pending.isEmpty {
                let due = min(last + debounce, first + maxDelay)
                timeout = Int32(max(0, ((due - now) * 1000).rounded(.up)))
            }
            if rootWatches.count < roots.count { timeout = timeout < 0 ? 250 : min(timeout, 250) }
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno != EINTR { break }
            if isStopped { break }
            let before = pending.count
            if ready > 0 && fds[0].revents & Int16(POLLIN) != 0 { readEvents(buffer, capacity: capacity, pending: &pending) }
            watchReturnedRoots(&pending)
            if switchToPolling { break }
            let t = monotonicSeconds()
            if pending.count > before || (before == 0 && !pending.isEmpty) {
                if before == 0 { first = t }
                last = t
            } else if ready > 0 && fds[0].revents != 0 && !pending.isEmpty {
                last = t  // more events for paths already pending: the burst goes on
            }
            if !pending.isEmpty && t >= min(last + debounce, first + maxDelay) {
                let batch = pending.map { FileChange(path: $0.key, time: $0.value) }.sorted { $0.path < $1.path }
                pending = [:]
                handler(batch)
            }
        }
        if switchToPolling && !isStopped { fallBackToPolling(pending) }
    }

    /// Reads every inotify event waiting and notes the paths it names.
    private func readEvents(_ buffer: UnsafeMutableRawPointer, capacity: Int, pending: inout [String: Double]) {
        while true {
            let n = read(fd, buffer, capacity)
            if n <= 0 { break }
            var offset = 0
            while offset + 16 <= n {
                let wd = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                var name = ""
                if length > 0 {
                    let start = (buffer + offset + 16).assumingMemoryBound(to: UInt8.self)
                    let count = strnlen(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self), length)
                    name = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
                }
                handle(wd: wd, mask: mask, name: name, pending: &pending)
                offset += 16 + length
            }
        }
    }

    /// A root folder that was deleted or replaced: watch it again once it is back.
    private func watchReturnedRoots(_ pending: inout [String: Double]) {
        for root in roots where rootWatches[root] == nil {
            var st = stat()
            if stat(root, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR, addWatches(root, isRoot: true, found: &pending) {
                pending[root] = pending[root] ?? monotonicSeconds()
            }
        }
    }

    /// inotify ran out of watches: from now on the folders are scanned, and everything pending
    /// (and the roots, as anything may have changed meanwhile) is reported.
    private func fallBackToPolling(_ pending: [String: Double]) {
        close(fd)
        fd = -1
        mode = .polling
        known = scan()
        let now = monotonicSeconds()
        if !pending.isEmpty { handler(pending.map { FileChange(path: $0.key, time: $0.value) }.sorted { $0.path < $1.path }) }
        handler(roots.map { FileChange(path: $0, time: now) })
    }

    private func handle(wd: Int32, mask: UInt32, name: String, pending: inout [String: Double]) {
        let now = monotonicSeconds()
        if mask & FileWatcher.IN_Q_OVERFLOW != 0 {
            // Events were lost: watch every folder again and treat the roots as changed.
            for root in roots {
                addWatches(root, isRoot: true, found: &pending)
                pending[root] = pending[root] ?? now
            }
            return
        }
        guard let dir = watches[wd] else { return }
        if mask & FileWatcher.IN_IGNORED != 0 {
            watches[wd] = nil
            for (root, w) in rootWatches where w == wd { rootWatches[root] = nil }
            pending[dir] = pending[dir] ?? now
            return
        }
        if name.isEmpty {
            // The watched folder itself was deleted or moved.
            if mask & FileWatcher.IN_MOVE_SELF != 0, rootWatches.values.contains(wd) { removeWatches(under: dir) }
            pending[dir] = pending[dir] ?? now
            return
        }
        if FileWatcher.isIgnored(name) { return }
        let path = dir + "/" + name
        // A file just created is being written: its IN_CLOSE_WRITE follows, so a big copy is not
        // built (and served) half-way. Symbolic and hard links get no IN_CLOSE_WRITE.
        if mask & FileWatcher.IN_ISDIR == 0, mask & FileWatcher.IN_CREATE != 0 {
            var st = stat()
            if lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_nlink == 1 { return }
        }
        if mask & FileWatcher.IN_ISDIR != 0 {
            if mask & (FileWatcher.IN_MOVED_FROM | FileWatcher.IN_DELETE) != 0 { removeWatches(under: path) }
            if mask & (FileWatcher.IN_CREATE | FileWatcher.IN_MOVED_TO) != 0 { addWatches(path, found: &pending) }
        }
        pending[path] = pending[path] ?? now
    }
    #endif

    // MARK: polling

    struct FileStamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int
        var inode: UInt64
    }

    /// Every file below the roots with its stamp (folders and ignored names skipped).
    func scan() -> [String: FileStamp] {
        var out: [String: FileStamp] = [:]
        var visited = Set<String>()
        func walk(_ dir: String, depth: Int) {
            guard depth < 64, visited.insert(dir).inserted, let names = FileWatcher.watchedNames(in: dir) else { return }
            for name in names {
                let path = dir + "/" + name
                var st = stat()
                guard lstat(path, &st) == 0 else { continue }
                switch st.st_mode & S_IFMT {
                case S_IFDIR: walk(path, depth: depth + 1)
                default:
                    // Symlinks: stamp the target (a changed target changes the site).
                    var target = st
                    if (st.st_mode & S_IFMT) == S_IFLNK { _ = stat(path, &target) }
                    out[path] = FileStamp(seconds: Int(target.st_mtim.tv_sec), nanoseconds: Int(target.st_mtim.tv_nsec),
                                          size: Int(target.st_size), inode: UInt64(target.st_ino))
                }
            }
        }
        for root in roots { walk(root, depth: 0) }
        return out
    }

    private func pollingLoop() {
        while !isStopped {
            var fds = [pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0)]
            _ = poll(&fds, 1, Int32(pollInterval * 1000))
            if isStopped { break }
            let now = scan()
            let mono = monotonicSeconds()
            let wall = wallSeconds()
            var changes: [FileChange] = []
            for (path, stamp) in now where known[path] != stamp {
                // When the change happened, from the modification time (for the latency report).
                let mtime = Double(stamp.seconds) + Double(stamp.nanoseconds) / 1e9
                let age = min(max(0, wall - mtime), pollInterval + 0.1)
                changes.append(FileChange(path: path, time: mono - age))
            }
            for path in known.keys where now[path] == nil {
                changes.append(FileChange(path: path, time: mono - pollInterval / 2))
            }
            known = now
            if !changes.isEmpty { handler(changes.sorted { $0.path < $1.path }) }
        }
    }
}

/// Runs `body` on a new detached POSIX thread (blocking work stays off Swift's cooperative pool).
func startThread(_ body: @escaping @Sendable () -> Void) {
    final class Box { let body: @Sendable () -> Void; init(_ b: @escaping @Sendable () -> Void) { body = b } }
    let box = Unmanaged.passRetained(Box(body)).toOpaque()
    var thread = pthread_t()
    let result = pthread_create(&thread, nil, { arg in
        let box = Unmanaged<Box>.fromOpaque(arg!).takeRetainedValue()
        box.body()
        return nil
    }, box)
    if result == 0 {
        pthread_detach(thread)
    } else {
        Unmanaged<Box>.fromOpaque(box).takeRetainedValue().body()
    }
}

extension FileWatcher {
    /// The names in a folder that the watcher cares about (no `.`/`..`, no editor temporaries);
    /// nil when the folder cannot be opened.
    static func watchedNames(in dir: String) -> [String]? {
        guard let handle = opendir(dir) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = direntName(entry)
            if name == "." || name == ".." || isIgnored(name) { continue }
            names.append(name)
        }
        return names
    }
}
