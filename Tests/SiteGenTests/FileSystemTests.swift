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
        removeTree(root)
        #expect(!FileManager.default.fileExists(atPath: root))
    }

    @Test func skipsDotfilesAndReportsBrokenLinks() throws {
        let root = TestSupport.temporaryFolder("dotfiles")
        TestSupport.write([".versteckt.md": "x", "sichtbar.md": "x", ".git/config": "x"], under: root)
        try FileManager.default.createSymbolicLink(atPath: root + "/kaputt.md", withDestinationPath: root + "/gibt-es-nicht")
        let listing = try LocalFileSystem().listFiles(under: root)
        #expect(listing.files.map(\.relativePath) == ["sichtbar.md"])
        #expect(listing.problems.map(\.path) == ["kaputt.md"])
    }
}
