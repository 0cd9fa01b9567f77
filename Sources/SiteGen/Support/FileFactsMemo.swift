/// What reading a photo told: a hash of its bytes, its size and its dimensions as shown.
struct PhotoFacts: Sendable {
    var hash: UInt64
    var size: Int
    var width: Int
    var height: Int
    /// An animated WebP or PNG, whose made files stand still (`AnimatedPicture`).
    var animated = false
    /// Too many pixels to be decoded whole in memory (`WholeDecoding`): refused when published,
    /// which says all there is to say, so no word about the budget besides.
    var refusedWhole = false
}

/// What reading a file told (a photo's `PhotoFacts`, a PDF's `PDFAccessibility.Facts`), kept
/// while its size, modification time and inode stay the same: the preview rebuilds on every save
/// and need not read every photo or PDF again. Only for `LocalFileSystem`, whose stamps identify
/// a file's state (a tree in memory numbers its writes, and two trees may number alike).
final class FileFactsMemo<Facts: Sendable>: @unchecked Sendable {  // `entries` is guarded by `lock`
    private let lock = NSLockLite()
    private var entries: [String: (stamp: UInt64, facts: Facts)] = [:]

    /// The facts kept for the file, and its stamp now (to store new facts under: taken before the
    /// file is read, so a file written meanwhile is read again next time).
    func lookup(_ path: String, _ fileSystem: any FileSystem) -> (facts: Facts?, stamp: UInt64?) {
        guard let stamp = stamp(path, fileSystem) else { return (nil, nil) }
        let entry = lock.locked { entries[path] }
        return (entry?.stamp == stamp ? entry?.facts : nil, stamp)
    }

    func store(_ facts: Facts, of path: String, stamp: UInt64?) {
        guard let stamp else { return }
        lock.locked { entries[path] = (stamp, facts) }
    }

    /// The file's stamp mixed with its size; nil where stamps do not identify a file's state.
    private func stamp(_ path: String, _ fileSystem: any FileSystem) -> UInt64? {
        guard fileSystem is LocalFileSystem, let status = fileSystem.status(path), status.kind == .file, status.stamp != 0 else { return nil }
        return ContentHash.mix(status.stamp, UInt64(status.size))
    }
}

/// The memos of the whole process.
enum FileFacts {
    static let photos = FileFactsMemo<PhotoFacts>()
    /// nil facts: not a PDF, or one that cannot be read.
    static let pdfs = FileFactsMemo<PDFAccessibility.Facts?>()
}
