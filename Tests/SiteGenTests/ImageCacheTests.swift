import Foundation
import Testing
@testable import SiteGen

/// The processed-image folder beside the output: an unchanged photo is never encoded twice
/// (not even when the output is gone), a changed one gets new names, `--clean` makes all anew,
/// and an incremental build gives what a clean one gives, byte for byte.
@Suite(.serialized) struct ImageCacheTests {
    let content: String
    let root: String
    /// A photo no other test has, so the process's memory does not have its files.
    let photo = TestPhoto.make(width: 1100, height: 700, seed: UInt32.random(in: 1000...1_000_000), personalData: true)

    init() throws {
        content = TestSupport.copyOfExampleContent()
        root = TestSupport.temporaryFolder("image-cache")
        try Data(photo).write(to: URL(fileURLWithPath: content + "/images/eigenes-foto.jpg"))
        try "---\ntitle: Mit Foto\ndate: 2025-06-01T10:00:00+02:00\n---\nText.\n\n![Ein eigenes Foto](../../images/eigenes-foto.jpg)\n"
            .write(toFile: content + "/posts/2025/mit-foto.md", atomically: true, encoding: .utf8)
    }

    var output: String { root + "/public" }
    var cacheFolder: String { root + "/.public.sitegen-images" }

    func build(_ output: String, clean: Bool = false) -> BuildReport {
        var builder = Builder(location: SiteLocation(content: content, templates: TestSupport.templates, output: output),
                              options: BuildOptions(now: TestSupport.now))
        builder.clean = clean
        return builder.build()
    }

    /// Each cached file's inode and modification time: a file made again is a new file.
    func identities() throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: cacheFolder) {
            let a = try FileManager.default.attributesOfItem(atPath: cacheFolder + "/" + name)
            result[name] = "\(a[.systemFileNumber]!) \((a[.modificationDate] as! Date).timeIntervalSince1970)"
        }
        return result
    }

    /// Lets the process forget the cached files, so only the folder can give them.
    func forgetMemory() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: cacheFolder) { ProcessedImageMemory.shared.forget(prefix: name) }
    }

    func ownFiles(_ folder: String) -> [String: Data] { TestSupport.files(folder).filter { $0.key.hasPrefix("images/eigenes-foto-") } }

    @Test func anUnchangedPhotoIsTakenFromTheFolderEvenWithoutTheOutput() throws {
        #expect(build(output).succeeded)
        let made = ownFiles(output)
        #expect(made.count == 6, "\(made.keys.sorted())")  // 480, 960, 1100 in WebP and JPEG
        let before = try identities()
        #expect(before.keys.contains { $0.hasSuffix("-1100x700-q80.webp") })
        try forgetMemory()
        try FileManager.default.removeItem(atPath: output)
        #expect(build(output).succeeded)
        #expect(ownFiles(output) == made)
        #expect(try identities() == before, "no file was made again")
    }

    @Test func aChangedPhotoGetsNewNamesAndAnIncrementalBuildEqualsACleanOne() throws {
        #expect(build(output).succeeded)
        let old = Set(ownFiles(output).keys)
        try Data(TestPhoto.make(width: 900, height: 700, seed: 7)).write(to: URL(fileURLWithPath: content + "/images/eigenes-foto.jpg"))
        let incremental = build(output)
        let fresh = root + "/fresh"
        let clean = build(fresh, clean: true)
        #expect(incremental.succeeded && incremental.diagnostics == clean.diagnostics)
        let a = TestSupport.files(output), b = TestSupport.files(fresh)
        #expect(Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.isEmpty)
        let new = Set(ownFiles(output).keys)
        #expect(old.isDisjoint(with: new) && new.contains { $0.hasPrefix("images/eigenes-foto-900.") })
        let page = String(decoding: a["blog/2025/mit-foto/index.html"] ?? Data(), as: UTF8.self)
        #expect(page.contains("width=\"900\" height=\"700\"") && !old.contains { page.contains($0) })
        // The folder keeps what the output uses, nothing of the old photo.
        let keys = Set(try identities().keys.map { String($0.prefix(16)) })
        #expect(keys.count == 4, "three example photos and the new one: \(keys)")
    }

    @Test func cleanMakesEveryFileAnew() throws {
        #expect(build(output).succeeded)
        let before = try identities()
        #expect(build(output, clean: true).succeeded)
        let after = try identities()
        #expect(after.keys.sorted() == before.keys.sorted())
        #expect(after.allSatisfy { before[$0.key] != $0.value })
    }

    /// The preview rebuilds on every save: a photo whose file did not change is not read again.
    @Test func whatAPhotoToldIsKeptWhileItsFileStaysTheSame() throws {
        let path = root + "/gemerkt.jpg"
        try Data(photo).write(to: URL(fileURLWithPath: path))
        let disk = LocalFileSystem()
        let first = FileFacts.photos.lookup(path, disk)
        #expect(first.facts == nil && first.stamp != nil)
        FileFacts.photos.store(PhotoFacts(hash: 1, size: photo.count, width: 1100, height: 700), of: path, stamp: first.stamp)
        #expect(FileFacts.photos.lookup(path, disk).facts?.hash == 1)
        try Data(TestPhoto.make(width: 300, height: 200)).write(to: URL(fileURLWithPath: path))
        #expect(FileFacts.photos.lookup(path, disk).facts == nil, "a new file is read again")
        // A tree in memory numbers its writes; two trees may number alike, so nothing is kept for them.
        let memory = MemoryFileSystem()
        memory.write("/c/x.jpg", bytes: photo)
        #expect(FileFacts.photos.lookup("/c/x.jpg", memory).stamp == nil)
    }

    @Test func theInMemoryBuildsOfServeAndCheckShareTheFolder() throws {
        let place = ImageCachePlace(folder: cacheFolder)
        let files = ["site.yml": "title: T\nbase_url: https://example.org/\n", "posts/2025/a.md": "---\ntitle: A\ndate: 2025-01-01\n---\n![Foto](../../images/f.jpg)\n"]
        let (first, sink) = TestSupport.buildInMemory(files, photos: ["images/f.jpg": photo], imageCache: place)
        #expect(first.succeeded && sink.files.keys.contains { $0.hasPrefix("images/f-1100.") })
        let before = try identities()
        #expect(before.count == 6)
        try forgetMemory()
        let (second, again) = TestSupport.buildInMemory(files, photos: ["images/f.jpg": photo], imageCache: place)
        #expect(second.succeeded && again.files == sink.files)
        #expect(try identities() == before)
    }
}
