import Foundation
import Testing
@testable import SiteGen

@Suite struct FileSystemTests {
    /// Regression: reading `entry.pointee.d_name` copied the whole 280-byte dirent and read past the
    /// end of readdir's buffer for the last short entry of a page; a 10,000-item corpus crashed.
    @Test func listsLargeFoldersWithLongNames() throws {
        let root = TestSupport.temporaryFolder("many-files")
        let names = (0..<3000).map { i in "eintrag-\(i)-" + String(repeating: "x", count: i % 200) + ".md" }
        for name in names { FileManager.default.createFile(atPath: root + "/" + name, contents: Data("x".utf8)) }
        let listing = try LocalFileSystem().listFiles(under: root)
        #expect(listing.files.count == names.count)
        #expect(Set(listing.files.map(\.relativePath)) == Set(names))
        #expect(listing.files.map(\.relativePath) == listing.files.map(\.relativePath).sorted())
        LocalFileSystem().removeTree(root)
        #expect(!FileManager.default.fileExists(atPath: root))
    }

    /// A file written where one is already, hard-linked to the last output, replaces it: the
    /// other name keeps its bytes.
    @Test func writingOverAHardLinkLeavesTheOtherNameAlone() throws {
        let root = TestSupport.temporaryFolder("write-over-link")
        let fs = LocalFileSystem()
        try fs.writeFile(root + "/alt.html", Array("alt".utf8))
        try fs.link(root + "/alt.html", to: root + "/neu.html")
        try fs.writeFile(root + "/neu.html", Array("neu".utf8))
        #expect(try fs.readFile(root + "/alt.html") == Array("alt".utf8))
        #expect(try fs.readFile(root + "/neu.html") == Array("neu".utf8))
        try fs.writeFile(root + "/frisch.html", Array("x".utf8))
        #expect(try fs.readFile(root + "/frisch.html") == Array("x".utf8))
        fs.removeTree(root)
    }

    @Test func skipsDotfilesAndReportsBrokenLinks() throws {
        let root = TestSupport.temporaryFolder("dotfiles")
        TestSupport.write([".versteckt.md": "x", "sichtbar.md": "x", ".git/config": "x"], under: root)
        try FileManager.default.createSymbolicLink(atPath: root + "/kaputt.md", withDestinationPath: root + "/gibt-es-nicht")
        let listing = try LocalFileSystem().listFiles(under: root)
        #expect(listing.files.map(\.relativePath) == ["sichtbar.md"])
        #expect(listing.problems.map(\.path) == ["kaputt.md"])
    }

    /// A name with bytes that are not UTF-8 (a file from an old Windows share) or with a line break
    /// was left out, or published, without a word.
    @Test func oddFileNamesAreReported() throws {
        let root = TestSupport.temporaryFolder("odd-names")
        TestSupport.write(["gut.md": "x"], under: root)
        let latin1: [CChar] = Array((root + "/bild-").utf8CString.dropLast()) + [CChar(bitPattern: 0xE4), 0x2E, 0x70, 0x6E, 0x67, 0]
        let fd = open(latin1, O_WRONLY | O_CREAT, 0o644)
        #expect(fd >= 0)
        close(fd)
        #expect(FileManager.default.createFile(atPath: root + "/zwei\nzeilen.txt", contents: Data("x".utf8)))
        let listing = try LocalFileSystem().listFiles(under: root)
        #expect(listing.files.map(\.relativePath) == ["gut.md"])
        #expect(listing.problems.map(\.message).sorted() == [
            "file name contains a line break; rename it",
            "file name is not UTF-8 text (saved on another system?); rename it",
        ])
        #expect(listing.problems.contains { $0.path == "zwei\\nzeilen.txt" })
    }
}
