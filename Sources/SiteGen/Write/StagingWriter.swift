#if canImport(Glibc)
import Glibc
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
    let fileSystem: any FileSystem
    /// Up to this many written and removed files, the output is updated file by file.
    public static let inPlaceLimit = 100
    private let keepUnchanged: Bool
    /// False when there is no old output to compare with (a first build): no look for each file.
    private let hasOldOutput: Bool
    /// The old output's files with their sizes, listed while the content is loaded (nothing
    /// writes there before the commit) when asked to: a page known to be unchanged is then taken
    /// over after one look into this list, and the commit removes the files that went away.
    private let oldFiles: Pending<[String: FileStatus]>?
    private let madeDirectories = NSLockLite()
    private var directories: Set<String> = [""]
    /// Paths taken over from the old output as they are, and paths written into the staging folder.
    private var keptPaths: Set<String> = []
    private var writtenPaths: Set<String> = []
    /// How the last commit put the site in place (for tests).
    private(set) var committedInPlace = false

    /// - Parameters:
    ///   - clean: when true, nothing is taken over from the old output.
    ///   - listsOldOutputEarly: list the old output on another thread while the site is made (a
    ///     rebuild after a small change, where the list is most of the commit; it costs memory).
    public init(output: String, clean: Bool = false, fileSystem: any FileSystem = LocalFileSystem(), listsOldOutputEarly: Bool = false) throws {
        self.fileSystem = fileSystem
        self.output = output.hasSuffix("/") ? String(output.dropLast()) : output
        let parent = self.output.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let name = self.output.pathParts.last.map(String.init) ?? "public"
        staging = (parent.isEmpty ? (self.output.hasPrefix("/") ? "" : ".") : parent) + "/.\(name).staging-\(getpid())"
        keepUnchanged = !clean
        hasOldOutput = !clean && fileSystem.isDirectory(self.output)
        let listed = self.output
        oldFiles = hasOldOutput && listsOldOutputEarly ? Pending { fileSystem.statusesBelow(listed) } : nil
        // `--output build/site` where build/ does not exist yet: made, as Hugo and Zola do.
        if !parent.isEmpty {
            var dir = parent.hasPrefix("/") ? "" : "."
            for part in parent.pathParts {
                dir += "/" + part
                if fileSystem.status(dir)?.kind == .file {
                    throw FileSystemError(path: dir, message: "is a file, but the output folder goes inside it; choose another --output")
                }
                do { try fileSystem.makeFolder(dir) } catch {
                    throw FileSystemError(path: dir, message: "folder for the output cannot be created (\(error))")
                }
            }
        }
        fileSystem.removeTree(staging)
        Self.removeAbandonedStagings(beside: self.output, fileSystem: fileSystem)
        Interruption.shared.began(staging: staging, on: fileSystem)
        do { try fileSystem.makeFolder(staging) } catch {
            Interruption.shared.ended(staging: staging)
            throw FileSystemError(path: staging, message: "staging folder cannot be created (\(error))")
        }
    }

    public var written: Int { madeDirectories.locked { writtenPaths.count } }

    /// Beside the output, like the build's store; `--clean` makes every photo's files anew.
    public var imageCache: ImageCachePlace? { ImageCachePlace(folder: ImageCachePlace.folder(forOutput: output), read: keepUnchanged, prune: true) }
    public var kept: Int { madeDirectories.locked { keptPaths.count } }

    public func write(_ path: String, _ bytes: [UInt8]) throws {
        try validate(path)
        if hasOldOutput, sameBytes(path, bytes) {
            markKept(path)
            return
        }
        try fileSystem.writeFile(try makeFolders(for: path), bytes)
        madeDirectories.locked {
            keptPaths.remove(path)
            writtenPaths.insert(path)
        }
    }

    /// Hard-links the old output's file when it is there with `size` bytes (a page the cache
    /// knows to be unchanged).
    public func keep(_ path: String, size: Int) -> Bool {
        guard hasOldOutput, (try? validate(path)) != nil else { return false }
        guard let status = oldStatus(path), status.kind == .file, status.size == size else { return false }
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
        if wasWritten { try? fileSystem.remove(staging + "/" + path) }
    }

    public func copy(from source: String, to path: String) throws {
        let bytes = try fileSystem.readFile(source)
        try write(path, bytes)
    }

    /// Puts the new site in place: file by file when few files changed, else the whole folder in one step.
    public func commit() throws {
        defer { Interruption.shared.ended(staging: staging) }
        committedInPlace = false
        if fileSystem.isDirectory(output) {
            let (kept, written) = madeDirectories.locked { (keptPaths, writtenPaths) }
            let gone = keepUnchanged ? (oldFiles.map { Array($0.value.keys) } ?? fileSystem.filesBelow(output)).filter { !kept.contains($0) && !written.contains($0) } : []
            if keepUnchanged && written.count + gone.count <= Self.inPlaceLimit && fitsInPlace(written) {
                try updateInPlace(written: written.sorted(), gone: gone)
                committedInPlace = true
                return
            }
            let failed = parallelMap(Array(kept)) { path -> String? in
                guard let target = try? prepare(path), (try? fileSystem.link(output + "/" + path, to: target)) != nil else { return path }
                return nil
            }.compactMap { $0 }
            if let path = failed.min() {
                throw FileSystemError(path: path, message: "cannot be taken over from the old output")
            }
            if fileSystem.exchange(staging, output) {
                fileSystem.removeTree(staging)  // now holds the old site
                return
            }
            // Fallback without renameat2: two renames, a very short gap.
            let old = staging + ".old"
            do { try fileSystem.rename(output, to: old) } catch { throw FileSystemError(path: output, message: "cannot be replaced (\(error))") }
            do { try fileSystem.rename(staging, to: output) } catch {
                try? fileSystem.rename(old, to: output)
                throw FileSystemError(path: output, message: "cannot be replaced (\(error))")
            }
            fileSystem.removeTree(old)
        } else {
            do { try fileSystem.rename(staging, to: output) } catch {
                throw FileSystemError(path: output, message: "cannot be created (\(error))")
            }
        }
    }

    /// True when every written file can be renamed into the output: no folder stands where it
    /// goes and no file where one of its folders goes (a page that became a folder).
    private func fitsInPlace(_ written: Set<String>) -> Bool {
        for path in written {
            if let status = fileSystem.status(output + "/" + path), status.kind != .file { return false }
            var dir = ""
            for part in path.pathParts.dropLast() {
                dir += (dir.isEmpty ? "" : "/") + part
                if let status = fileSystem.status(output + "/" + dir), status.kind != .folder { return false }
            }
        }
        return true
    }

    /// Renames each written file into the output and removes the files that went away (and
    /// folders left empty), then the staging folder.
    private func updateInPlace(written: [String], gone: [String]) throws {
        for path in written {
            var dir = ""
            for part in path.pathParts.dropLast() {
                dir += (dir.isEmpty ? "" : "/") + part
                try fileSystem.makeFolder(output + "/" + dir)
            }
            // A folder where a file now goes (or the other way round) is left to the whole-folder swap.
            try fileSystem.rename(staging + "/" + path, to: output + "/" + path)
        }
        for path in gone {
            try? fileSystem.remove(output + "/" + path)
            var parts = path.pathParts.dropLast()
            // Folders left empty go too (removing one that is not empty fails, which ends the walk).
            while !parts.isEmpty, (try? fileSystem.remove(output + "/" + parts.joined(separator: "/"))) != nil { parts = parts.dropLast() }
        }
        fileSystem.removeTree(staging)
    }

    /// Removes the staging folders of builds that ended without cleaning up (killed, or crashed):
    /// `.<name>.staging-<pid>` beside the output whose process is gone. Those of running builds stay.
    static func removeAbandonedStagings(beside output: String, fileSystem: any FileSystem) {
        let parts = output.split(separator: "/", omittingEmptySubsequences: false)
        let parent = parts.dropLast().joined(separator: "/")
        let folder = parent.isEmpty ? (output.hasPrefix("/") ? "/" : ".") : parent
        let prefix = ".\(parts.last.map(String.init) ?? "public").staging-"
        for name in fileSystem.entries(of: folder) ?? [] {
            guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { fileSystem.removeTree((folder == "/" ? "" : folder) + "/" + name) }
        }
    }

    /// Throws the staging folder away; the old output stays as it was.
    public func abandon() {
        fileSystem.removeTree(staging)
        Interruption.shared.ended(staging: staging)
    }

    private func validate(_ path: String) throws {
        guard Self.staysInside(path) else {
            throw FileSystemError(path: path, message: "would be written outside the output folder")
        }
    }

    /// True for a relative path without "." or ".." parts. Split at the bytes "/" are, as the
    /// file system splits it (and without the cost of splitting into Characters).
    static func staysInside(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            guard let first = bytes.first, first != UInt8(ascii: "/") else { return false }
            // Each part between slashes, without making them (every page's path passes here).
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "/") {
                let dot = UInt8(ascii: ".")
                let length = i - start
                if length == 1 && bytes[start] == dot || length == 2 && bytes[start] == dot && bytes[start + 1] == dot { return false }
                start = i + 1
            }
            return true
        }
    }

    /// Checks `path` and makes its folders in the staging folder; returns its place there.
    private func prepare(_ path: String) throws -> String {
        try validate(path)
        return try makeFolders(for: path)
    }

    /// Makes the folders of a checked `path` in the staging folder; returns its place there.
    private func makeFolders(for path: String) throws -> String {
        // Most files go into a folder made for an earlier one: one look, no splitting.
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            let parent = String(path[..<slash])
            if madeDirectories.locked({ directories.contains(parent) }) { return staging + "/" + path }
        } else {
            return staging + "/" + path
        }
        let parts = path.utf8.split(separator: UInt8(ascii: "/"))
        var dir = ""
        for part in parts.dropLast() {
            dir += dir.isEmpty ? String(Substring(part)) : "/" + Substring(part)
            let d = dir
            let known = madeDirectories.locked { directories.contains(d) }
            if !known {
                do { try fileSystem.makeFolder(staging + "/" + d) } catch {
                    throw FileSystemError(path: d, message: "folder cannot be created (\(error))")
                }
                madeDirectories.locked { _ = directories.insert(d) }
            }
        }
        return staging + "/" + path
    }
}

extension StagingWriter {
    /// True when the old output's file at `path` holds exactly `bytes` (cheap size test first).
    fileprivate func sameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        guard let status = oldStatus(path), status.kind == .file, status.size == bytes.count else { return false }
        guard let old = try? fileSystem.readFile(output + "/" + path) else { return false }
        return old == bytes
    }

    /// What stands at `path` in the old output: from the early listing when there is one.
    fileprivate func oldStatus(_ path: String) -> FileStatus? {
        oldFiles.map { $0.value[path] } ?? fileSystem.status(output + "/" + path)
    }
}
