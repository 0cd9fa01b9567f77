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

/// Everything the build reads goes through this, so tests can swap in a tree in memory
/// (the idea of Saga's injectable file I/O).
public protocol FileSystem: Sendable {
    /// Every regular file below `root`, sorted by path; dotfiles and dot-folders are skipped.
    /// Symlinks are followed when they stay inside `root`; others are reported as problems.
    func listFiles(under root: String) throws -> (files: [FileEntry], problems: [(path: String, message: String)])
    func readFile(_ path: String) throws -> [UInt8]
    func isDirectory(_ path: String) -> Bool
    func fileExists(_ path: String) -> Bool
}

public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// The real disk, through POSIX calls (fast, and no Foundation enumeration surprises).
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func listFiles(under root: String) throws -> (files: [FileEntry], problems: [(path: String, message: String)]) {
        guard let rootReal = realPath(root) else {
            throw FileSystemError(path: root, message: "folder does not exist")
        }
        var files: [FileEntry] = []
        var problems: [(path: String, message: String)] = []
        // Folder by folder, each level's folders side by side (stat is most of a big tree's listing).
        var visited: Set<String> = [rootReal]
        var level = [(dir: root, relative: "")]
        while !level.isEmpty {
            let read = parallelMap(level) { Self.readFolder($0.dir, $0.relative, rootReal: rootReal) }
            level = []
            for folder in read {
                files += folder.files
                problems += folder.problems
                for sub in folder.folders where visited.insert(sub.real).inserted { level.append((sub.dir, sub.relative)) }
            }
        }
        files.sort { $0.relativePath < $1.relativePath }
        problems.sort { $0.path < $1.path }
        return (files, problems)
    }

    /// One folder's files and subfolders (each entry looked at relative to the folder, not walked to from the root).
    private static func readFolder(_ dir: String, _ relative: String, rootReal: String)
        -> (files: [FileEntry], folders: [(dir: String, relative: String, real: String)], problems: [(path: String, message: String)]) {
        var files: [FileEntry] = []
        var folders: [(dir: String, relative: String, real: String)] = []
        var problems: [(path: String, message: String)] = []
        guard let handle = opendir(dir) else { return ([], [], [(relative, "folder cannot be read")]) }
        defer { closedir(handle) }
        let fd = dirfd(handle)
        while let entry = readdir(handle) {
            let name = direntName(entry)
            if name.hasPrefix(".") { continue }
            var st = stat()
            let rel = relative.isEmpty ? name : relative + "/" + name
            guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else {
                // The name was read with its invalid bytes replaced (U+FFFD), so it cannot be opened.
                if name.contains("\u{FFFD}") { problems.append((rel, "file name is not UTF-8 text (saved on another system?); rename it")) }
                continue
            }
            // A line break in a name would end up in an address and split every message about it.
            if name.contains(where: { $0.isNewline }) {
                problems.append((rel.replacingAll("\n", with: "\\n").replacingAll("\r", with: "\\r"), "file name contains a line break; rename it"))
                continue
            }
            var target = st
            if (st.st_mode & S_IFMT) == S_IFLNK {
                let path = dir + "/" + name
                guard let resolved = realPath(path) else {
                    problems.append((rel, "symbolic link is broken or loops; remove it or point it at a file inside the content folder"))
                    continue
                }
                guard resolved == rootReal || resolved.hasPrefix(rootReal + "/") else {
                    problems.append((rel, "symbolic link points outside the content folder (\(resolved)); copy the file into the content folder instead"))
                    continue
                }
                guard stat(path, &target) == 0 else { continue }
            }
            switch target.st_mode & S_IFMT {
            case S_IFDIR:
                let path = dir + "/" + name
                if let real = realPath(path) { folders.append((path, rel, real)) }
            case S_IFREG:
                files.append(FileEntry(relativePath: rel, size: Int(target.st_size), stamp: fileStamp(target)))
            default: continue
            }
        }
        // Sorted, so which path of a folder reached twice (through a link) counts does not depend on the disk's order.
        return (files, folders.sorted { $0.relative < $1.relative }, problems)
    }

    public func readFile(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError(path: path, message: "cannot be read (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        var st = stat()
        fstat(fd, &st)
        // Read straight into the array (big files: the text-only state, the cache); then
        // whatever was appended since the size was taken.
        let size = max(Int(st.st_size), 0)
        var result = try [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let n = read(fd, buffer.baseAddress! + count, size - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FileSystemError(path: path, message: "cannot be read (\(String(cString: strerror(errno))))")
                }
                if n == 0 { break }
                count += n
            }
        }
        guard result.count == size else { return result }
        // Anything appended since the size was taken (a temporary buffer, not a zeroed array per file).
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 16) { buffer in
            while true {
                let n = read(fd, buffer.baseAddress, buffer.count)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FileSystemError(path: path, message: "cannot be read (\(String(cString: strerror(errno))))")
                }
                if n == 0 { break }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<n]))
            }
        }
        return result
    }

    public func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    public func fileExists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }
}

/// The name in a directory entry, read in place: a `dirent` is only as long as its name, so
/// copying the whole struct (as `entry.pointee.d_name` does) can read past the end of the buffer.
public func direntName(_ entry: UnsafeMutablePointer<dirent>) -> String {
    let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    return String(cString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
}

/// `FileEntry.stamp` of a file on disk: its modification time and inode.
func fileStamp(_ st: stat) -> UInt64 {
    UInt64(bitPattern: Int64(st.st_mtim.tv_sec)) &* 1_000_000_007 &+ UInt64(st.st_mtim.tv_nsec) &+ UInt64(st.st_ino) &* 0x9E37_79B9_7F4A_7C15
}

/// The names in a folder other than `.` and `..` (unsorted); nil when it cannot be opened.
func folderEntries(_ path: String) -> [String]? {
    guard let dir = opendir(path) else { return nil }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = direntName(entry)
        if name != "." && name != ".." { names.append(name) }
    }
    return names
}

func realPath(_ path: String) -> String? {
    guard let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
}

/// A tree held in memory, for tests.
public final class MemoryFileSystem: FileSystem, @unchecked Sendable {
    private var files: [String: [UInt8]]
    /// Per file, the number of the write that last changed it (the in-memory "modification time").
    private var writes: [String: UInt64] = [:]
    private var writeCount: UInt64 = 0
    private let lock = NSLockLite()

    public init(_ files: [String: String] = [:]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    public func write(_ path: String, _ text: String) { write(path, bytes: Array(text.utf8)) }
    public func write(_ path: String, bytes: [UInt8]) {
        lock.locked {
            files[path] = bytes
            writeCount += 1
            writes[path] = writeCount
        }
    }
    public func remove(_ path: String) { lock.locked { files[path] = nil } }

    public func listFiles(under root: String) throws -> (files: [FileEntry], problems: [(path: String, message: String)]) {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        let (found, writes) = lock.locked { (files.filter { $0.key.hasPrefix(prefix) }, self.writes) }
        guard !found.isEmpty || isDirectory(root) else { throw FileSystemError(path: root, message: "folder does not exist") }
        let entries = found.compactMap { key, value -> FileEntry? in
            let rel = String(key.dropFirst(prefix.count))
            if rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { return nil }
            return FileEntry(relativePath: rel, size: value.count, stamp: writes[key] ?? 0)
        }
        return (entries.sorted { $0.relativePath < $1.relativePath }, [])
    }

    public func readFile(_ path: String) throws -> [UInt8] {
        guard let data = lock.locked({ files[path] }) else { throw FileSystemError(path: path, message: "does not exist") }
        return data
    }

    public func isDirectory(_ path: String) -> Bool {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return lock.locked { files.keys.contains { $0.hasPrefix(prefix) } }
    }

    public func fileExists(_ path: String) -> Bool { lock.locked { files[path] != nil } || isDirectory(path) }
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
