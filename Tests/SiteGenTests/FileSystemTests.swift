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

    /// The staging writer takes unchanged pages over after a look into this one walk of the old
    /// output: it must see what a `status` of each path sees (links as links, dotfiles, nesting).
    @Test func statusesBelowAreWhatEachPathsStatusSays() throws {
        let root = TestSupport.temporaryFolder("statuses")
        TestSupport.write(["index.html": "<p>", "blog/a/index.html": "<p>Ein Text</p>", ".x/y.json": "{}", "blog/leer.txt": ""], under: root)
        let fs = LocalFileSystem()
        try fs.makeFolder(root + "/blog/ordner-ohne-dateien")
        #expect(symlink("a", root + "/blog/verweis") == 0)
        let walked = fs.statusesBelow(root)
        #expect(Set(walked.keys) == ["index.html", "blog/a/index.html", ".x/y.json", "blog/leer.txt", "blog/verweis"])
        #expect(walked["blog/a/index.html"]?.size == 15)
        #expect(walked["blog/verweis"]?.kind == .link)
        // What a `status` of each listed path gives (the protocol's own walk, for systems without a faster one).
        #expect(walked == GenericWalk.statuses(fs, root))
        #expect(fs.statusesBelow(root + "/fehlt").isEmpty)
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

    /// The listing looks for line breaks in the names' bytes: it finds what Swift's own
    /// `Character.isNewline` finds.
    @Test func lineBreaksInNamesAreFoundAsSwiftFindsThem() {
        let breaks = ["\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]
        let others = ["bericht.md", "grüße.md", "straße–weg.md", "\u{2027}.md", "\u{202A}x.md", "\u{84}.md", "tab\tname.md", "ä\u{300}.md", "日本.md", ""]
        for name in breaks.flatMap({ ["a" + $0 + "b.md", $0, "ä" + $0] }) + others {
            #expect(LocalFileSystem.hasLineBreak(name) == name.contains(where: \.isNewline), "\(name.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}

/// The protocol's own walk, for comparing a system's faster one with it.
private enum GenericWalk {
    static func statuses(_ fs: any FileSystem, _ root: String) -> [String: FileStatus] {
        var statuses: [String: FileStatus] = [:]
        for path in fs.filesBelow(root) { statuses[path] = fs.status(root + "/" + path) }
        return statuses
    }
}
