#if canImport(Glibc)
import Glibc
#endif

/// Where rendered files go: a staging folder on disk, or memory (for `check` and tests).
public protocol OutputSink: Sendable {
    /// Writes a file at `path` (relative to the output root). Safe to call from many threads.
    func write(_ path: String, _ bytes: [UInt8]) throws
    /// Copies a file from disk (assets) to `path`.
    func copy(from source: String, to path: String) throws
    /// Takes `path` over from the last build's output as it is, if it is there with `size`
    /// bytes; false when it cannot (then the caller writes it).
    func keep(_ path: String, size: Int) -> Bool
    /// Where the files made from photos are kept between builds (nil: only in memory).
    var imageCache: ImageCachePlace? { get }
}

extension OutputSink {
    public func keep(_ path: String, size: Int) -> Bool { false }
    public var imageCache: ImageCachePlace? { nil }
}

/// Keeps every file in memory.
public final class MemorySink: OutputSink, @unchecked Sendable {
    private var storage: [String: [UInt8]] = [:]
    private let lock = NSLockLite()
    private let fileSystem: any FileSystem
    private let copies: CopyCache?
    public let imageCache: ImageCachePlace?

    /// - Parameters:
    ///   - copies: files copied by earlier builds (the preview server's), read again only when changed.
    ///   - imageCache: the processed-image folder to read and fill (`check` and `serve` share `build`'s).
    public init(fileSystem: any FileSystem = LocalFileSystem(), copies: CopyCache? = nil, imageCache: ImageCachePlace? = nil) {
        self.fileSystem = fileSystem
        self.copies = copies
        self.imageCache = imageCache
    }

    public func write(_ path: String, _ bytes: [UInt8]) throws { lock.locked { storage[path] = bytes } }
    public func copy(from source: String, to path: String) throws {
        let bytes = try copies?.bytes(of: source) ?? fileSystem.readFile(source)
        lock.locked { storage[path] = bytes }
    }

    public var files: [String: [UInt8]] { lock.locked { storage } }
    public func text(_ path: String) -> String? { lock.locked { storage[path].map { String(decoding: $0, as: UTF8.self) } } }
}

/// The bytes of files copied into memory, kept from one build to the next while the file's size,
/// modification time and inode stay the same: a preview of a site with a big download does not
/// read it again on every rebuild. Only for the local disk.
public final class CopyCache: @unchecked Sendable {
    private struct Entry {
        var stamp: UInt64
        var size: Int
        var bytes: [UInt8]
        var used = true
    }
    private var entries: [String: Entry] = [:]
    private let lock = NSLockLite()
    /// Files read from disk so far (the rest came from memory).
    private(set) var reads = 0

    public init() {}

    func bytes(of path: String) throws -> [UInt8] {
        var st = stat()
        guard stat(path, &st) == 0 else { return try LocalFileSystem().readFile(path) }
        let (stamp, size) = (fileStamp(st), Int(st.st_size))
        if let hit = lock.locked({ () -> [UInt8]? in
            guard let entry = entries[path], entry.stamp == stamp, entry.size == size else { return nil }
            entries[path]?.used = true
            return entries[path]?.bytes
        }) {
            return hit
        }
        let bytes = try LocalFileSystem().readFile(path)
        lock.locked {
            entries[path] = Entry(stamp: stamp, size: size, bytes: bytes)
            reads += 1
        }
        return bytes
    }

    /// After a build: lets go of the files it did not copy; the others stay for the next one.
    public func prune() {
        lock.locked {
            entries = entries.filter(\.value.used)
            for key in entries.keys { entries[key]?.used = false }
        }
    }
}
