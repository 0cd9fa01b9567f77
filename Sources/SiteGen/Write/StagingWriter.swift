#if canImport(Glibc)
import Glibc
#endif
#if os(Linux)
import CLinuxShims
#endif

/// Stage 4: writes the new site into a staging folder beside the output, then swaps it in
/// with one rename, so `public/` is never half-written. A file whose bytes did not change is
/// hard-linked from the old output instead of written, so it keeps its modification time
/// (rsync and CDN deploys then move only what changed).
public final class StagingWriter: OutputSink, @unchecked Sendable {
    public let output: String
    public let staging: String
    private let keepUnchanged: Bool
    private let madeDirectories = NSLockLite()
    private var directories: Set<String> = [""]
    private var counts = (written: 0, kept: 0)

    /// - Parameter clean: when true, nothing is taken over from the old output.
    public init(output: String, clean: Bool = false) throws {
        self.output = output.hasSuffix("/") ? String(output.dropLast()) : output
        let parent = self.output.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let name = self.output.split(separator: "/").last.map(String.init) ?? "public"
        staging = (parent.isEmpty ? (self.output.hasPrefix("/") ? "" : ".") : parent) + "/.\(name).staging-\(getpid())"
        keepUnchanged = !clean
        removeTree(staging)
        guard makeDirectory(staging) else {
            throw FileSystemError(path: staging, message: "staging folder cannot be created (\(String(cString: strerror(errno))))")
        }
    }

    public var written: Int { madeDirectories.locked { counts.written } }
    public var kept: Int { madeDirectories.locked { counts.kept } }

    public func write(_ path: String, _ bytes: [UInt8]) throws {
        let target = try prepare(path)
        if keepUnchanged, sameBytes(output + "/" + path, bytes), unlink(target) == 0 || errno == ENOENT,
           link(output + "/" + path, target) == 0 {
            madeDirectories.locked { counts.kept += 1 }
            return
        }
        try writeFile(target, bytes)
        madeDirectories.locked { counts.written += 1 }
    }

    /// Hard-links the old output's file when it is there with `size` bytes (a page the cache
    /// knows to be unchanged).
    public func keep(_ path: String, size: Int) -> Bool {
        guard keepUnchanged, let target = try? prepare(path) else { return false }
        var st = stat()
        let old = output + "/" + path
        guard lstat(old, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == size,
              unlink(target) == 0 || errno == ENOENT, link(old, target) == 0 else { return false }
        madeDirectories.locked { counts.kept += 1 }
        return true
    }

    public func copy(from source: String, to path: String) throws {
        let bytes = try LocalFileSystem().readFile(source)
        try write(path, bytes)
    }

    /// Replaces the output by the staging folder in one step.
    public func commit() throws {
        if LocalFileSystem().isDirectory(output) {
            if exchange(staging, output) {
                removeTree(staging)  // now holds the old site
                return
            }
            // Fallback without renameat2: two renames, a very short gap.
            let old = staging + ".old"
            guard rename(output, old) == 0 else { throw FileSystemError(path: output, message: "cannot be replaced (\(String(cString: strerror(errno))))") }
            guard rename(staging, output) == 0 else {
                _ = rename(old, output)
                throw FileSystemError(path: output, message: "cannot be replaced (\(String(cString: strerror(errno))))")
            }
            removeTree(old)
        } else {
            guard rename(staging, output) == 0 else {
                throw FileSystemError(path: output, message: "cannot be created (\(String(cString: strerror(errno))))")
            }
        }
    }

    /// Throws the staging folder away; the old output stays as it was.
    public func abandon() { removeTree(staging) }

    private func prepare(_ path: String) throws -> String {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else {
            throw FileSystemError(path: path, message: "would be written outside the output folder")
        }
        let parts = path.split(separator: "/")
        var dir = ""
        for part in parts.dropLast() {
            dir += dir.isEmpty ? String(part) : "/" + part
            let d = dir
            let known = madeDirectories.locked { directories.contains(d) }
            if !known {
                if !makeDirectory(staging + "/" + d) && errno != EEXIST {
                    throw FileSystemError(path: d, message: "folder cannot be created (\(String(cString: strerror(errno))))")
                }
                madeDirectories.locked { _ = directories.insert(d) }
            }
        }
        return staging + "/" + path
    }
}

private func makeDirectory(_ path: String) -> Bool { mkdir(path, 0o755) == 0 }

private func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    // Never write through an existing name: it may be a hard link to the live output.
    unlink(path)
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw FileSystemError(path: path, message: "cannot be written (\(String(cString: strerror(errno))))") }
    defer { close(fd) }
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
        if n < 0 {
            if errno == EINTR { continue }
            throw FileSystemError(path: path, message: "cannot be written (\(String(cString: strerror(errno))))")
        }
        offset += n
    }
}

/// True when the file at `path` holds exactly `bytes` (cheap size test first).
private func sameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
    var st = stat()
    guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == bytes.count else { return false }
    guard let old = try? LocalFileSystem().readFile(path) else { return false }
    return old == bytes
}

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
private func exchange(_ a: String, _ b: String) -> Bool {
    #if os(Linux)
    let RENAME_EXCHANGE: UInt32 = 2
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) == 0
    #else
    return false
    #endif
}

/// `rm -rf`, without following symlinks.
func removeTree(_ path: String) {
    var st = stat()
    guard lstat(path, &st) == 0 else { return }
    if (st.st_mode & S_IFMT) == S_IFDIR {
        if let dir = opendir(path) {
            var names: [String] = []
            while let entry = readdir(dir) {
                let name = direntName(entry)
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(dir)
            for name in names { removeTree(path + "/" + name) }
        }
        rmdir(path)
    } else {
        unlink(path)
    }
}
