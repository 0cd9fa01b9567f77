#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if os(Linux)
import CLinuxShims
#endif

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
            if name.utf8.first == UInt8(ascii: ".") { continue }
            var st = stat()
            let rel = relative.isEmpty ? name : relative + "/" + name
            guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else {
                // The name was read with its invalid bytes replaced (U+FFFD), so it cannot be opened.
                if name.contains("\u{FFFD}") { problems.append((rel, "file name is not UTF-8 text (saved on another system?); rename it")) }
                continue
            }
            // A line break in a name would end up in an address and split every message about it.
            if Self.hasLineBreak(name) {
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

    /// True when `name` holds a character Swift counts as a line break (`Character.isNewline`):
    /// LF, VT, FF, CR, NEL, LINE and PARAGRAPH SEPARATOR. Read as bytes: every file name of the
    /// content passes here at every build.
    static func hasLineBreak(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { b in
            for i in b.indices {
                switch b[i] {
                case 0x0A...0x0D: return true
                case 0xC2 where i + 1 < b.count && b[i + 1] == 0x85: return true
                case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9): return true
                default: continue
                }
            }
            return false
        }
    }

    public func readFile(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError.unreadable(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        fstat(fd, &st)
        // Read straight into the array (big files: the store beside the output); then
        // whatever was appended since the size was taken.
        let size = max(Int(st.st_size), 0)
        var result = try [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let n = read(fd, buffer.baseAddress! + count, size - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FileSystemError.unreadable(path, String(cString: strerror(errno)))
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
                    throw FileSystemError.unreadable(path, String(cString: strerror(errno)))
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

/// `FileEntry.stamp` of a file on disk: its modification time, inode and status change time.
/// The last because a modification time can be set back (`touch -r`, `cp -p`, `rsync -t`
/// restoring a same-sized older version); the status change time cannot, and every write moves it.
func fileStamp(_ st: stat) -> UInt64 {
    let modified = UInt64(bitPattern: Int64(st.st_mtim.tv_sec)) &* 1_000_000_007 &+ UInt64(st.st_mtim.tv_nsec)
    let changed = UInt64(bitPattern: Int64(st.st_ctim.tv_sec)) &* 0xC2B2_AE3D_27D4_EB4F &+ UInt64(st.st_ctim.tv_nsec) &* 0x1656_67B1
    return (modified &+ UInt64(st.st_ino) &* 0x9E37_79B9_7F4A_7C15) ^ changed
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


/// Writes, and what the writer needs to know about paths.
extension LocalFileSystem {
    public func status(_ path: String) -> FileStatus? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        let kind: FileStatus.Kind = switch st.st_mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .folder
        case S_IFLNK: .link
        default: .other
        }
        return FileStatus(kind: kind, size: Int(st.st_size), stamp: fileStamp(st))
    }

    public func entries(of folder: String) -> [String]? { folderEntries(folder) }

    /// The kinds from `readdir`'s `d_type`: listing the output (28,000 files at 10,000 items)
    /// without a `stat` per file.
    public func kindedEntries(of folder: String) -> [(name: String, kind: FileStatus.Kind?)]? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var named: [(name: String, kind: FileStatus.Kind?)] = []
        while let entry = readdir(dir) {
            let name = direntName(entry)
            guard name != "." && name != ".." else { continue }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): named.append((name, .file))
            case Int32(DT_DIR): named.append((name, .folder))
            case Int32(DT_LNK): named.append((name, .link))
            case Int32(DT_UNKNOWN): named.append((name, nil))
            default: named.append((name, .other))
            }
        }
        return named
    }

    /// One walk with a descriptor per folder: each file's `stat` names it inside its folder, not
    /// by its whole path from the root (the output of 10,000 items is 28,000 files in 13,000 folders).
    public func statusesBelow(_ root: String) -> [String: FileStatus] {
        var statuses: [String: FileStatus] = [:]
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { Self.walk(fd, prefix: "", into: &statuses) }
        return statuses
    }

    /// Notes the files of the folder open as `fd` and walks its folders; closes `fd`.
    private static func walk(_ fd: Int32, prefix: String, into statuses: inout [String: FileStatus]) {
        guard let dir = fdopendir(fd) else {
            close(fd)
            return
        }
        defer { closedir(dir) }
        var folders: [String] = []
        while let entry = readdir(dir) {
            let name = direntName(entry)
            guard name != "." && name != ".." else { continue }
            if Int32(entry.pointee.d_type) == Int32(DT_DIR) {
                folders.append(name)
                continue
            }
            var st = stat()
            guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let mode = st.st_mode & S_IFMT
            if mode == S_IFDIR {
                folders.append(name)
                continue
            }
            let kind: FileStatus.Kind = mode == S_IFREG ? .file : mode == S_IFLNK ? .link : .other
            statuses[prefix + name] = FileStatus(kind: kind, size: Int(st.st_size), stamp: fileStamp(st))
        }
        for name in folders {
            let sub = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if sub >= 0 { walk(sub, prefix: prefix + name + "/", into: &statuses) }
        }
    }

    public func writeFile(_ path: String, parts: [ArraySlice<UInt8>]) throws {
        // A new file, never one written through: a file already there may be a hard link to the
        // last output. Unlinked only when there is one (most writes go to new places).
        var fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 && errno == EEXIST {
            unlink(path)
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw FileSystemError(path: path, message: "cannot be written (\(Self.reason))") }
        defer { close(fd) }
        for bytes in parts where !writeAll(fd, bytes) { throw FileSystemError(path: path, message: "cannot be written (\(Self.reason))") }
    }

    public func makeFolder(_ path: String) throws {
        guard mkdir(path, 0o755) != 0 else { return }
        let error = FileSystemError(path: path, message: "folder cannot be created (\(Self.reason))")
        var st = stat()
        guard errno == EEXIST else { throw error }
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) != S_IFDIR {
            throw FileSystemError(path: path, message: "is a file where a folder has to go")
        }
    }

    public func rename(_ from: String, to: String) throws {
        guard Glibc.rename(from, to) == 0 else { throw FileSystemError(path: to, message: "cannot be put in place (\(Self.reason))") }
    }

    public func link(_ existing: String, to new: String) throws {
        guard Glibc.link(existing, new) == 0 else { throw FileSystemError(path: new, message: "cannot be linked (\(Self.reason))") }
    }

    public func remove(_ path: String) throws {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        let failed = (st.st_mode & S_IFMT) == S_IFDIR ? rmdir(path) != 0 : unlink(path) != 0
        if failed && errno != ENOENT { throw FileSystemError(path: path, message: "cannot be removed (\(Self.reason))") }
    }

    /// renameat2 with RENAME_EXCHANGE on Linux.
    public func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        let RENAME_EXCHANGE: UInt32 = 2
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) == 0
        #else
        return false
        #endif
    }

    /// The system's words for the last error (`errno`); each message names it in brackets, whole,
    /// so that the message has its translation.
    private static var reason: String { String(cString: strerror(errno)) }
}

/// Writes all of `bytes` to `fd`; false on an error (a full disk), with `errno` set.
func writeAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return false }
        offset += n
    }
    return true
}
