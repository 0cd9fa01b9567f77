#if canImport(Glibc)
import Glibc
#endif

/// Writes a file through a temporary file beside it and a rename, so a reader sees the old bytes
/// or the new ones, never a part. False when it could not be written (the old file stays).
@discardableResult
func writeFileAtomically(_ path: String, _ bytes: [UInt8]) -> Bool { writeFileAtomically(path, parts: [bytes]) }

/// The same for a file given in parts (not joined in memory first).
@discardableResult
func writeFileAtomically(_ path: String, parts: [[UInt8]]) -> Bool {
    let temporary = path + ".tmp-sitegen-\(getpid())"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return false }
    var ok = true
    for bytes in parts where ok { ok = writeAll(fd, bytes) }
    close(fd)
    guard ok, rename(temporary, path) == 0 else {
        unlink(temporary)
        return false
    }
    return true
}

/// Writes all of `bytes` to `fd`; false on an error (a full disk), with `errno` set.
func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return false }
        offset += n
    }
    return true
}
