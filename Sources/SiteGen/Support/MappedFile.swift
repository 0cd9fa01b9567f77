#if canImport(Glibc)
import Glibc
#endif

/// A file's bytes mapped into memory, read-only: no copy and no zeroed pages, for big files a
/// step reads once and mostly passes over (the search index a text-only rebuild patches).
final class MappedFile {
    let bytes: UnsafeBufferPointer<UInt8>

    /// nil when the file cannot be opened or mapped.
    init?(_ path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let size = Int(st.st_size)
        if size == 0 {
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }

    var array: [UInt8] { Array(bytes) }

    func equals(_ other: [UInt8]) -> Bool {
        other.count == bytes.count && other.withUnsafeBufferPointer { o in
            bytes.isEmpty || memcmp(o.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        }
    }
}
