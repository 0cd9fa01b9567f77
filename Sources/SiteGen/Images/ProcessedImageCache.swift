/// Where a build keeps the files it made from photos, so an unchanged photo is never encoded
/// twice: a folder beside the output (`.public.sitegen-images/`, for `build`, `check` and
/// `serve` alike), named by each file's source key, size, format and quality.
public struct ImageCachePlace: Sendable {
    public var folder: String
    /// False for `--clean`: the folder is not read, every file is written into it anew.
    public var read: Bool
    /// True for a build of the whole output: files no page uses any more are removed afterwards.
    public var prune: Bool

    public init(folder: String, read: Bool = true, prune: Bool = false) {
        self.folder = folder
        self.read = read
        self.prune = prune
    }

    /// The place of `build`'s default output (`public` beside the content folder), for the
    /// preview, which has no output folder of its own: it reads and fills the same files.
    public static func besideDefaultOutput(content: String) -> ImageCachePlace {
        let trimmed = content.hasSuffix("/") ? String(content.dropLast()) : content
        let parent = trimmed.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let site = parent.isEmpty ? (trimmed.hasPrefix("/") ? "" : ".") : parent
        return ImageCachePlace(folder: folder(forOutput: site + "/public"))
    }

    /// `.public.sitegen-images` beside `public`.
    public static func folder(forOutput output: String) -> String {
        let trimmed = output.hasSuffix("/") ? String(output.dropLast()) : output
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        let parent = parts.dropLast().joined(separator: "/")
        let name = parts.last.map(String.init) ?? "public"
        return (parent.isEmpty ? (trimmed.hasPrefix("/") ? "" : ".") : parent) + "/.\(name).sitegen-images"
    }
}

/// The processed-image cache of one build: the process's memory first (the preview server and
/// tests build many times), then the folder.
struct ProcessedImageCache: Sendable {
    let memory: ProcessedImageMemory
    let place: ImageCachePlace?
    let fileSystem: any FileSystem

    private func file(_ name: String) -> String? { place.map { $0.folder + "/" + name } }

    /// False for `--clean`: the folder is not read but written anew. (The process's memory is
    /// still used: it holds only what this process made, and a `--clean` from the command line
    /// starts with none.)
    private var readsFolder: Bool { place?.read ?? true }

    /// The size of a cached file, without reading it.
    func size(_ name: String) -> Int? {
        if readsFolder, let size = folderSize(name) { return size }
        guard let bytes = memory.bytes(name) else { return nil }
        if readsFolder { writeToFolder(name, bytes) }  // the folder lacked it
        return bytes.count
    }

    func bytes(_ name: String) -> [UInt8]? {
        if let bytes = memory.bytes(name) {
            // The folder keeps every file the output uses, for the next process.
            if place != nil, !readsFolder || folderSize(name) == nil { writeToFolder(name, bytes) }
            return bytes
        }
        guard readsFolder, let path = file(name), let bytes = try? fileSystem.readFile(path) else { return nil }
        memory.store(name, bytes)
        return bytes
    }

    /// Keeps a made file.
    func store(_ name: String, _ bytes: [UInt8]) {
        memory.store(name, bytes)
        writeToFolder(name, bytes)
    }

    private func folderSize(_ name: String) -> Int? {
        guard let path = file(name), let status = fileSystem.status(path), status.kind == .file else { return nil }
        return status.size
    }

    /// A folder that cannot be written only costs the next build time.
    private func writeToFolder(_ name: String, _ bytes: [UInt8]) {
        guard let place, let path = file(name) else { return }
        try? fileSystem.makeFolder(place.folder)
        fileSystem.writeAtomically(path, parts: [bytes[...]])
    }

    /// After a build of the whole output: removes the files no page uses any more.
    func prune(keeping used: Set<String>) {
        guard let place, place.prune, let names = fileSystem.entries(of: place.folder) else { return }
        for name in names where !used.contains(name) { try? fileSystem.remove(place.folder + "/" + name) }
    }
}

/// Made files in memory for the life of the process, up to a budget; the least recently used go
/// first. Shared by every build of the process: a file's name says everything its bytes depend on.
final class ProcessedImageMemory: @unchecked Sendable {  // all state is guarded by `lock`
    static let shared = ProcessedImageMemory(budget: 64 << 20)

    private struct Entry {
        var bytes: [UInt8]
        var used: UInt64
    }

    private let lock = NSLockLite()
    private let budget: Int
    private var entries: [String: Entry] = [:]
    private var total = 0
    private var clock: UInt64 = 0

    init(budget: Int) { self.budget = budget }

    func size(_ name: String) -> Int? { lock.locked { touch(name)?.count } }
    func bytes(_ name: String) -> [UInt8]? { lock.locked { touch(name) } }

    func store(_ name: String, _ bytes: [UInt8]) {
        guard bytes.count <= budget / 4 else { return }
        lock.locked {
            clock += 1
            total += bytes.count - (entries[name]?.bytes.count ?? 0)
            entries[name] = Entry(bytes: bytes, used: clock)
            guard total > budget else { return }
            for (key, entry) in entries.sorted(by: { $0.value.used < $1.value.used }) where total > budget * 3 / 4 {
                entries[key] = nil
                total -= entry.bytes.count
            }
        }
    }

    /// Forgets every file whose name starts with `prefix` (tests use it to reach the folder).
    func forget(prefix: String) {
        lock.locked {
            for key in entries.keys where key.hasPrefix(prefix) { total -= entries.removeValue(forKey: key)!.bytes.count }
        }
    }

    private func touch(_ name: String) -> [UInt8]? {
        guard entries[name] != nil else { return nil }
        clock += 1
        entries[name]!.used = clock
        return entries[name]!.bytes
    }
}
