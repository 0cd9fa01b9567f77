#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file found under a folder.
public struct FileEntry: Sendable, Hashable {
    /// Path relative to the folder that was listed, with `/` separators.
    public var relativePath: String
    /// Size in bytes.
    public var size: Int
    /// Changes whenever the file may have been written: modification time and inode on disk,
    /// a write counter in memory. Only compared, never shown or put into output.
    public var stamp: UInt64 = 0
}

/// What stands at a path (a symbolic link is not followed).
public struct FileStatus: Sendable, Equatable {
    public enum Kind: Sendable { case file, folder, link, other }
    public var kind: Kind
    public var size: Int
    /// As `FileEntry.stamp`.
    public var stamp: UInt64
}

/// Everything the build reads and writes goes through this, so tests can swap in a tree in
/// memory (the idea of Saga's injectable file I/O): content, templates, the output, its staging
/// folder and the build's store.
public protocol FileSystem: Sendable {
    /// Every regular file below `root`, sorted by path; dotfiles and dot-folders are skipped.
    /// Symlinks are followed when they stay inside `root`; others are reported as problems.
    func listFiles(under root: String) throws -> (files: [FileEntry], problems: [(path: String, message: String)])
    func readFile(_ path: String) throws -> [UInt8]
    /// True when `path` is a folder, or a symbolic link to one.
    func isDirectory(_ path: String) -> Bool
    func fileExists(_ path: String) -> Bool
    /// What stands at `path` itself; nil when nothing does.
    func status(_ path: String) -> FileStatus?
    /// The names in a folder, dotfiles included, unsorted; nil when it is no folder.
    func entries(of folder: String) -> [String]?
    /// As `entries(of:)`, each with what stands there when the listing says so without a
    /// `status` per name (nil: ask `status`).
    func kindedEntries(of folder: String) -> [(name: String, kind: FileStatus.Kind?)]?
    /// Each file (and symbolic link) below `root`, dotfiles included, by its path relative to
    /// `root`, with what stands there; folders are walked, not listed.
    func statusesBelow(_ root: String) -> [String: FileStatus]
    /// Creates the file at `path`, or replaces it by a new file (never writing through the old
    /// name, which may be a hard link into a live output), from `parts` in order (slices, so a
    /// part of bytes read earlier, as the store's unchanged sections, is written without a copy).
    func writeFile(_ path: String, parts: [ArraySlice<UInt8>]) throws
    /// Makes a folder; a folder already there is fine.
    func makeFolder(_ path: String) throws
    func rename(_ from: String, to: String) throws
    /// A second name for a file (a hard link).
    func link(_ existing: String, to new: String) throws
    /// Removes a file, or a folder that is empty; nothing there is fine.
    func remove(_ path: String) throws
    /// Swaps two paths in one step; false when the system cannot.
    func exchange(_ a: String, _ b: String) -> Bool
}

extension FileSystem {
    public func kindedEntries(of folder: String) -> [(name: String, kind: FileStatus.Kind?)]? {
        entries(of: folder)?.map { ($0, nil) }
    }

    public func writeFile(_ path: String, _ bytes: [UInt8]) throws { try writeFile(path, parts: [bytes[...]]) }

    /// Writes through a temporary file beside `path` and a rename, so a reader sees the old bytes
    /// or the new ones, never a part. False when it could not be written (the old file stays).
    @discardableResult
    func writeAtomically(_ path: String, parts: [ArraySlice<UInt8>]) -> Bool {
        let temporary = path + ".tmp-sitegen-\(getpid())"
        do {
            try writeFile(temporary, parts: parts)
            try rename(temporary, to: path)
            return true
        } catch {
            try? remove(temporary)
            return false
        }
    }

    /// `rm -rf`, without following symbolic links.
    func removeTree(_ path: String) {
        guard let status = status(path) else { return }
        if status.kind == .folder {
            for name in entries(of: path) ?? [] { removeTree(path + "/" + name) }
        }
        try? remove(path)
    }

    /// What stands at each path `filesBelow` gives, from one walk (a system may do it without
    /// looking each path up from the root again).
    public func statusesBelow(_ root: String) -> [String: FileStatus] {
        var statuses: [String: FileStatus] = [:]
        for path in filesBelow(root) {
            if let status = status(root + "/" + path) { statuses[path] = status }
        }
        return statuses
    }

    /// Relative paths of every file (and symbolic link) below `root`, dotfiles included.
    func filesBelow(_ root: String, prefix: String = "") -> [String] {
        var files: [String] = []
        for (name, listedKind) in kindedEntries(of: root + (prefix.isEmpty ? "" : "/" + prefix)) ?? [] {
            let path = prefix.isEmpty ? name : prefix + "/" + name
            guard let kind = listedKind ?? status(root + "/" + path)?.kind else { continue }
            if kind == .folder { files += filesBelow(root, prefix: path) } else { files.append(path) }
        }
        return files
    }
}

public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
    /// Why a file cannot be read, in the system's words ("Permission denied"), for a message that
    /// names the file itself.
    public var readProblem: String { message.hasPrefix(Self.unreadable) ? String(message.dropFirst(Self.unreadable.count).dropLast()) : message }

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    static let unreadable = "cannot be read ("

    static func unreadable(_ path: String, _ reason: String) -> FileSystemError {
        FileSystemError(path: path, message: "cannot be read (\(reason))")
    }
}

/// A tiny mutex without Foundation.
final class NSLockLite: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func locked<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}
