/// A tree held in memory, for tests: files, the folders made explicitly, and folders implied by
/// the files' paths.
public final class MemoryFileSystem: FileSystem, @unchecked Sendable {  // all state is guarded by `lock`
    private var files: [String: [UInt8]]
    private var folders: Set<String> = []
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

    public func listFiles(under root: String) throws -> (files: [FileEntry], problems: [(path: String, message: String)]) {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        let (found, writes) = lock.locked { (files.filter { $0.key.hasPrefix(prefix) }, self.writes) }
        guard !found.isEmpty || isDirectory(root) else { throw FileSystemError(path: root, message: "folder does not exist") }
        let entries = found.compactMap { key, value -> FileEntry? in
            let rel = String(key.dropFirst(prefix.count))
            if rel.pathParts.contains(where: { $0.hasPrefix(".") }) { return nil }
            return FileEntry(relativePath: rel, size: value.count, stamp: writes[key] ?? 0)
        }
        return (entries.sorted { $0.relativePath < $1.relativePath }, [])
    }

    public func readFile(_ path: String) throws -> [UInt8] {
        guard let data = lock.locked({ files[path] }) else { throw FileSystemError(path: path, message: "does not exist") }
        return data
    }

    public func isDirectory(_ path: String) -> Bool { lock.locked { isFolder(path) } }

    public func fileExists(_ path: String) -> Bool { lock.locked { files[path] != nil || isFolder(path) } }

    public func status(_ path: String) -> FileStatus? {
        lock.locked {
            if let bytes = files[path] { return FileStatus(kind: .file, size: bytes.count, stamp: writes[path] ?? 0) }
            return isFolder(path) ? FileStatus(kind: .folder, size: 0, stamp: 0) : nil
        }
    }

    public func entries(of folder: String) -> [String]? {
        lock.locked {
            guard isFolder(folder) else { return nil }
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            var names: Set<String> = []
            for path in Array(files.keys) + Array(folders) where path.hasPrefix(prefix) {
                if let name = path.dropFirst(prefix.count).pathParts.first { names.insert(String(name)) }
            }
            return Array(names)
        }
    }

    public func writeFile(_ path: String, parts: [ArraySlice<UInt8>]) throws {
        try lock.locked {
            try requireParent(path)
            guard !isFolder(path) else { throw FileSystemError(path: path, message: "is a folder") }
            writeCount += 1
            files[path] = Array(parts.joined())
            writes[path] = writeCount
        }
    }

    public func makeFolder(_ path: String) throws {
        try lock.locked {
            guard files[path] == nil else { throw FileSystemError(path: path, message: "is a file where a folder has to go") }
            try requireParent(path)
            folders.insert(path)
        }
    }

    public func rename(_ from: String, to: String) throws {
        try lock.locked {
            try requireParent(to)
            if let bytes = files.removeValue(forKey: from) {
                guard !isFolder(to) else { throw FileSystemError(path: to, message: "is a folder") }
                files[to] = bytes
                writes[to] = writes.removeValue(forKey: from)
            } else if isFolder(from) {
                guard files[to] == nil, !isFolder(to) || children(of: to).isEmpty else {
                    throw FileSystemError(path: to, message: "cannot be replaced")
                }
                folders.remove(to)
                move(from, to)
            } else {
                throw FileSystemError(path: from, message: "does not exist")
            }
        }
    }

    public func link(_ existing: String, to new: String) throws {
        try lock.locked {
            guard let bytes = files[existing] else { throw FileSystemError(path: existing, message: "does not exist") }
            guard files[new] == nil, !isFolder(new) else { throw FileSystemError(path: new, message: "exists already") }
            try requireParent(new)
            files[new] = bytes
            writes[new] = writes[existing]
        }
    }

    public func remove(_ path: String) throws {
        try lock.locked {
            if files.removeValue(forKey: path) != nil {
                writes[path] = nil
            } else if isFolder(path) {
                guard children(of: path).isEmpty else { throw FileSystemError(path: path, message: "folder is not empty") }
                folders.remove(path)
            }
        }
    }

    public func exchange(_ a: String, _ b: String) -> Bool {
        lock.locked {
            guard isFolder(a), isFolder(b) else { return false }
            let swap = a + ".\u{0}exchange"
            move(a, swap)
            move(b, a)
            move(swap, b)
            return true
        }
    }

    // MARK: under the lock

    private func isFolder(_ path: String) -> Bool {
        if path.isEmpty || path == "/" || path == "." || folders.contains(path) { return true }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) } || folders.contains { $0.hasPrefix(prefix) }
    }

    private func children(of folder: String) -> [String] {
        let prefix = folder + "/"
        return files.keys.filter { $0.hasPrefix(prefix) } + folders.filter { $0.hasPrefix(prefix) }
    }

    private func requireParent(_ path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let parent = String(path[..<slash])
        guard parent.isEmpty || isFolder(parent) else { throw FileSystemError(path: parent, message: "folder does not exist") }
    }

    /// Moves a folder with everything in it.
    private func move(_ from: String, _ to: String) {
        let prefix = from + "/"
        for (path, bytes) in files where path.hasPrefix(prefix) {
            let target = to + path.dropFirst(from.count)
            files[path] = nil
            files[target] = bytes
            writes[target] = writes.removeValue(forKey: path)
        }
        for folder in folders where folder == from || folder.hasPrefix(prefix) {
            folders.remove(folder)
            folders.insert(to + folder.dropFirst(from.count))
        }
        folders.insert(to)
    }
}
