#if canImport(Glibc)
import Glibc
#endif
#if os(Linux)
import CLinuxShims
#endif

/// Stage 4: writes the new site into a staging folder beside the output, then puts it in place,
/// so `public/` is never half-written and a failed build leaves it as it was.
///
/// A file whose bytes did not change is taken over from the old output, so it keeps its
/// modification time (rsync and CDN deploys then move only what changed). Putting in place:
/// - when only a few files were written or went away (an edit to one post), each is renamed into
///   the output (every file is replaced in one step) and the gone ones are removed;
/// - otherwise the unchanged files are hard-linked into the staging folder and the two folders
///   are swapped with one rename, which replaces the whole site in one step.
public final class StagingWriter: OutputSink, @unchecked Sendable {
    public let output: String
    public let staging: String
    /// Up to this many written and removed files, the output is updated file by file.
    public static let inPlaceLimit = 100
    private let keepUnchanged: Bool
    private let madeDirectories = NSLockLite()
    private var directories: Set<String> = [""]
    /// Paths taken over from the old output as they are, and paths written into the staging folder.
    private var keptPaths: Set<String> = []
    private var writtenPaths: Set<String> = []
    /// How the last commit put the site in place (for tests).
    private(set) var committedInPlace = false

    /// - Parameter clean: when true, nothing is taken over from the old output.
    public init(output: String, clean: Bool = false) throws {
        self.output = output.hasSuffix("/") ? String(output.dropLast()) : output
        let parent = self.output.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let name = self.output.split(separator: "/").last.map(String.init) ?? "public"
        staging = (parent.isEmpty ? (self.output.hasPrefix("/") ? "" : ".") : parent) + "/.\(name).staging-\(getpid())"
        keepUnchanged = !clean
        // `--output build/site` where build/ does not exist yet: made, as Hugo and Zola do.
        if !parent.isEmpty {
            var dir = parent.hasPrefix("/") ? "" : "."
            for part in parent.split(separator: "/") {
                dir += "/" + part
                if !makeDirectory(dir) {
                    guard errno == EEXIST else {
                        throw FileSystemError(path: dir, message: "folder for the output cannot be created (\(String(cString: strerror(errno))))")
                    }
                    var st = stat()
                    if stat(dir, &st) == 0, (st.st_mode & S_IFMT) != S_IFDIR {
                        throw FileSystemError(path: dir, message: "is a file, but the output folder goes inside it; choose another --output")
                    }
                }
            }
        }
        removeTree(staging)
        Self.removeAbandonedStagings(beside: self.output)
        guard makeDirectory(staging) else {
            throw FileSystemError(path: staging, message: "staging folder cannot be created (\(String(cString: strerror(errno))))")
        }
    }

    public var written: Int { madeDirectories.locked { writtenPaths.count } }
    public var kept: Int { madeDirectories.locked { keptPaths.count } }

    public func write(_ path: String, _ bytes: [UInt8]) throws {
        try validate(path)
        if keepUnchanged, sameBytes(output + "/" + path, bytes) {
            markKept(path)
            return
        }
        try writeFile(try makeFolders(for: path), bytes)
        madeDirectories.locked {
            keptPaths.remove(path)
            writtenPaths.insert(path)
        }
    }

    /// Hard-links the old output's file when it is there with `size` bytes (a page the cache
    /// knows to be unchanged).
    public func keep(_ path: String, size: Int) -> Bool {
        guard keepUnchanged, (try? validate(path)) != nil else { return false }
        var st = stat()
        guard lstat(output + "/" + path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == size else { return false }
        markKept(path)
        return true
    }

    /// Notes `path` as taken over from the old output (linked only if the whole folder is swapped);
    /// a file written for it before is thrown away.
    private func markKept(_ path: String) {
        let wasWritten = madeDirectories.locked {
            keptPaths.insert(path)
            return writtenPaths.remove(path) != nil
        }
        if wasWritten { unlink(staging + "/" + path) }
    }

    public func copy(from source: String, to path: String) throws {
        let bytes = try LocalFileSystem().readFile(source)
        try write(path, bytes)
    }

    /// Puts the new site in place: file by file when few files changed, else the whole folder in one step.
    public func commit() throws {
        committedInPlace = false
        if LocalFileSystem().isDirectory(output) {
            let (kept, written) = madeDirectories.locked { (keptPaths, writtenPaths) }
            let gone = keepUnchanged ? filesBelow(output).filter { !kept.contains($0) && !written.contains($0) } : []
            if keepUnchanged && written.count + gone.count <= Self.inPlaceLimit && fitsInPlace(written) {
                try updateInPlace(written: written.sorted(), gone: gone)
                committedInPlace = true
                return
            }
            let failed = parallelMap(Array(kept)) { path -> String? in
                guard let target = try? prepare(path), link(output + "/" + path, target) == 0 else { return path }
                return nil
            }.compactMap { $0 }
            if let path = failed.min() {
                throw FileSystemError(path: path, message: "cannot be taken over from the old output")
            }
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

    /// True when every written file can be renamed into the output: no folder stands where it
    /// goes and no file where one of its folders goes (a page that became a folder).
    private func fitsInPlace(_ written: Set<String>) -> Bool {
        var st = stat()
        for path in written {
            if lstat(output + "/" + path, &st) == 0, (st.st_mode & S_IFMT) != S_IFREG { return false }
            var dir = ""
            for part in path.split(separator: "/").dropLast() {
                dir += (dir.isEmpty ? "" : "/") + part
                if lstat(output + "/" + dir, &st) == 0 && (st.st_mode & S_IFMT) != S_IFDIR { return false }
            }
        }
        return true
    }

    /// Renames each written file into the output and removes the files that went away (and
    /// folders left empty), then the staging folder.
    private func updateInPlace(written: [String], gone: [String]) throws {
        for path in written {
            var dir = ""
            for part in path.split(separator: "/").dropLast() {
                dir += (dir.isEmpty ? "" : "/") + part
                if !makeDirectory(output + "/" + dir) && errno != EEXIST {
                    throw FileSystemError(path: dir, message: "folder cannot be created (\(String(cString: strerror(errno))))")
                }
            }
            // A folder where a file now goes (or the other way round) is left to the whole-folder swap.
            guard rename(staging + "/" + path, output + "/" + path) == 0 else {
                throw FileSystemError(path: path, message: "cannot be put in place (\(String(cString: strerror(errno))))")
            }
        }
        for path in gone {
            unlink(output + "/" + path)
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty, rmdir(output + "/" + parts.joined(separator: "/")) == 0 { parts = parts.dropLast() }
        }
        removeTree(staging)
    }

    /// Removes the staging folders of builds that ended without cleaning up (killed, or crashed):
    /// `.<name>.staging-<pid>` beside the output whose process is gone. Those of running builds stay.
    static func removeAbandonedStagings(beside output: String) {
        let parts = output.split(separator: "/", omittingEmptySubsequences: false)
        let parent = parts.dropLast().joined(separator: "/")
        let folder = parent.isEmpty ? (output.hasPrefix("/") ? "/" : ".") : parent
        let prefix = ".\(parts.last.map(String.init) ?? "public").staging-"
        for name in folderEntries(folder) ?? [] {
            guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { removeTree((folder == "/" ? "" : folder) + "/" + name) }
        }
    }

    /// Throws the staging folder away; the old output stays as it was.
    public func abandon() { removeTree(staging) }

    private func validate(_ path: String) throws {
        guard Self.staysInside(path) else {
            throw FileSystemError(path: path, message: "would be written outside the output folder")
        }
    }

    /// True for a relative path without "." or ".." parts. Split at the bytes "/" are, as the
    /// file system splits it (and without the cost of splitting into Characters).
    static func staysInside(_ path: String) -> Bool {
        let bytes = path.utf8
        guard let first = bytes.first, first != UInt8(ascii: "/") else { return false }
        return !bytes.split(separator: UInt8(ascii: "/")).contains { $0.elementsEqual(".".utf8) || $0.elementsEqual("..".utf8) }
    }

    /// Checks `path` and makes its folders in the staging folder; returns its place there.
    private func prepare(_ path: String) throws -> String {
        try validate(path)
        return try makeFolders(for: path)
    }

    /// Makes the folders of a checked `path` in the staging folder; returns its place there.
    private func makeFolders(for path: String) throws -> String {
        let parts = path.utf8.split(separator: UInt8(ascii: "/"))
        var dir = ""
        for part in parts.dropLast() {
            dir += dir.isEmpty ? String(Substring(part)) : "/" + Substring(part)
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

/// Relative paths of every file (and symlink) below `root`.
private func filesBelow(_ root: String, prefix: String = "") -> [String] {
    var files: [String] = []
    for name in folderEntries(root + (prefix.isEmpty ? "" : "/" + prefix)) ?? [] {
        let path = prefix.isEmpty ? name : prefix + "/" + name
        var st = stat()
        guard lstat(root + "/" + path, &st) == 0 else { continue }
        if (st.st_mode & S_IFMT) == S_IFDIR { files += filesBelow(root, prefix: path) } else { files.append(path) }
    }
    return files
}

private func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    // Never write through an existing name: it may be a hard link to the live output.
    unlink(path)
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw FileSystemError(path: path, message: "cannot be written (\(String(cString: strerror(errno))))") }
    defer { close(fd) }
    guard writeAll(fd, bytes) else {
        throw FileSystemError(path: path, message: "cannot be written (\(String(cString: strerror(errno))))")
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
        for name in folderEntries(path) ?? [] { removeTree(path + "/" + name) }
        rmdir(path)
    } else {
        unlink(path)
    }
}
