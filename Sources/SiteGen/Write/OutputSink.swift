/// Where rendered files go: a staging folder on disk, or memory (for `check` and tests).
public protocol OutputSink: Sendable {
    /// Writes a file at `path` (relative to the output root). Safe to call from many threads.
    func write(_ path: String, _ bytes: [UInt8]) throws
    /// Copies a file from disk (assets) to `path`.
    func copy(from source: String, to path: String) throws
    /// Takes `path` over from the last build's output as it is, if it is there with `size`
    /// bytes; false when it cannot (then the caller writes it).
    func keep(_ path: String, size: Int) -> Bool
}

extension OutputSink {
    public func keep(_ path: String, size: Int) -> Bool { false }
}

/// Keeps every file in memory.
public final class MemorySink: OutputSink, @unchecked Sendable {
    private var storage: [String: [UInt8]] = [:]
    private let lock = NSLockLite()
    private let fileSystem: any FileSystem

    public init(fileSystem: any FileSystem = LocalFileSystem()) { self.fileSystem = fileSystem }

    public func write(_ path: String, _ bytes: [UInt8]) throws { lock.locked { storage[path] = bytes } }
    public func copy(from source: String, to path: String) throws {
        let bytes = try fileSystem.readFile(source)
        lock.locked { storage[path] = bytes }
    }

    public var files: [String: [UInt8]] { lock.locked { storage } }
    public func text(_ path: String) -> String? { lock.locked { storage[path].map { String(decoding: $0, as: UTF8.self) } } }
}
