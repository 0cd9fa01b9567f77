import Foundation
import Testing
@testable import SiteGen

@Suite struct StagingWriterTests {
    func read(_ path: String) -> String? { FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } }

    @Test func commitSwapsAndKeepsUnchangedFiles() throws {
        let out = TestSupport.temporaryFolder() + "/public"
        let first = try StagingWriter(output: out)
        try first.write("a/index.html", Array("alt".utf8))
        try first.write("b.txt", Array("bleibt".utf8))
        try first.commit()
        let inode = try FileManager.default.attributesOfItem(atPath: out + "/b.txt")[.systemFileNumber] as? Int

        let second = try StagingWriter(output: out)
        try second.write("a/index.html", Array("neu".utf8))
        try second.write("b.txt", Array("bleibt".utf8))
        #expect(read(out + "/a/index.html") == "alt")  // nothing visible before the commit
        try second.commit()
        #expect(read(out + "/a/index.html") == "neu")
        #expect(second.kept == 1 && second.written == 1)
        #expect(try FileManager.default.attributesOfItem(atPath: out + "/b.txt")[.systemFileNumber] as? Int == inode)
    }

    @Test func writingOnePathTwiceNeverTouchesTheLiveOutput() throws {
        let out = TestSupport.temporaryFolder() + "/public"
        let first = try StagingWriter(output: out)
        try first.write("seite.html", Array("live".utf8))
        try first.commit()

        let second = try StagingWriter(output: out)
        try second.write("seite.html", Array("live".utf8))   // hard-linked from the live output
        try second.write("seite.html", Array("anders".utf8)) // must not write through that link
        #expect(read(out + "/seite.html") == "live")
        second.abandon()
        #expect(read(out + "/seite.html") == "live")
        #expect(try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent) == ["public"])
    }

    @Test func refusesPathsOutsideTheOutput() throws {
        let out = TestSupport.temporaryFolder() + "/public"
        let writer = try StagingWriter(output: out)
        defer { writer.abandon() }
        for bad in ["../x.html", "/etc/x", "a/../../x", "./x"] {
            #expect(throws: FileSystemError.self) { try writer.write(bad, Array("x".utf8)) }
        }
    }
}
