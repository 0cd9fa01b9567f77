import Foundation
import Testing
@testable import SiteGen

@Suite struct StagingWriterTests {
    func read(_ path: String) -> String? { FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } }

    @Test func commitReplacesChangedFilesAndKeepsUnchangedOnes() throws {
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

    @Test func missingParentFoldersOfTheOutputAreMade() throws {
        let out = TestSupport.temporaryFolder() + "/build/site/public"
        let writer = try StagingWriter(output: out)
        try writer.write("index.html", Array("da".utf8))
        try writer.commit()
        #expect(read(out + "/index.html") == "da")
        // A file where a folder has to go is an error that names it, not a crash.
        let blocked = TestSupport.temporaryFolder()
        FileManager.default.createFile(atPath: blocked + "/build", contents: Data("x".utf8))
        let error = #expect(throws: FileSystemError.self) { try StagingWriter(output: blocked + "/build/public") }
        #expect(error?.path == blocked + "/build")
        #expect(error?.message.contains("is a file") == true)
    }

    func inode(_ path: String) throws -> Int? { try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int }

    @Test func aSmallChangeIsPutInPlaceFileByFile() throws {
        let out = TestSupport.temporaryFolder() + "/public"
        let first = try StagingWriter(output: out)
        for i in 0..<20 { try first.write("seiten/\(i)/index.html", Array("Seite \(i)".utf8)) }
        try first.write("weg/nur-hier.html", Array("geht".utf8))
        try first.commit()
        let outputInode = try inode(out), keptInode = try inode(out + "/seiten/1/index.html")

        let second = try StagingWriter(output: out)
        for i in 0..<20 { try second.write("seiten/\(i)/index.html", Array((i == 3 ? "neu" : "Seite \(i)").utf8)) }
        #expect(second.keep("seiten/5/index.html", size: 7))   // the cache knows it is unchanged
        #expect(!second.keep("seiten/5/index.html", size: 99)) // not with another size
        try second.write("neu/ordner/index.html", Array("ganz neu".utf8))
        try second.commit()
        #expect(second.committedInPlace)
        #expect(try inode(out) == outputInode && inode(out + "/seiten/1/index.html") == keptInode)
        #expect(read(out + "/seiten/3/index.html") == "neu" && read(out + "/neu/ordner/index.html") == "ganz neu")
        // A file that is no longer made goes, and so does its folder once empty.
        #expect(!FileManager.default.fileExists(atPath: out + "/weg"))
        #expect(second.written == 2 && second.kept == 19)
        #expect(try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent) == ["public"])
    }

    @Test func aBigChangeSwapsTheWholeFolder() throws {
        let out = TestSupport.temporaryFolder() + "/public"
        let first = try StagingWriter(output: out)
        let count = StagingWriter.inPlaceLimit + 10
        for i in 0..<count { try first.write("s/\(i).html", Array("alt".utf8)) }
        try first.write("bleibt.html", Array("gleich".utf8))
        try first.write("seite", Array("eine Datei, dann ein Ordner".utf8))
        try first.commit()
        let outputInode = try inode(out), keptInode = try inode(out + "/bleibt.html")

        let second = try StagingWriter(output: out)
        for i in 0..<count { try second.write("s/\(i).html", Array("neu".utf8)) }
        try second.write("bleibt.html", Array("gleich".utf8))
        try second.write("seite/index.html", Array("Ordner".utf8))
        try second.commit()
        #expect(!second.committedInPlace)
        #expect(try inode(out) != outputInode && inode(out + "/bleibt.html") == keptInode)
        #expect(read(out + "/s/7.html") == "neu" && read(out + "/seite/index.html") == "Ordner")
        #expect(try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent) == ["public"])
    }

    @Test func aFileThatBecomesAFolderIsNotPutInPlace() throws {
        let out = TestSupport.temporaryFolder() + "/public"
        let first = try StagingWriter(output: out)
        try first.write("seite", Array("Datei".utf8))
        try first.commit()
        let second = try StagingWriter(output: out)
        try second.write("seite/index.html", Array("Ordner".utf8))
        try second.commit()
        #expect(!second.committedInPlace && read(out + "/seite/index.html") == "Ordner")
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

    @Test func stagingFoldersOfEndedBuildsAreRemoved() throws {
        let root = TestSupport.temporaryFolder()
        let fm = FileManager.default
        // 2147483646 is above any pid Linux hands out; the parent of this process is alive.
        for name in [".public.staging-2147483646", ".public.staging-\(getppid())", ".other.staging-2147483646"] {
            try fm.createDirectory(atPath: root + "/" + name + "/blog", withIntermediateDirectories: true)
        }
        let writer = try StagingWriter(output: root + "/public")
        try writer.write("index.html", Array("x".utf8))
        try writer.commit()
        #expect(!fm.fileExists(atPath: root + "/.public.staging-2147483646"))
        #expect(fm.fileExists(atPath: root + "/.public.staging-\(getppid())/blog"))
        #expect(fm.fileExists(atPath: root + "/.other.staging-2147483646"))
    }

    @Test func refusesPathsOutsideTheOutput() throws {
        let root = TestSupport.temporaryFolder()
        let out = root + "/public"
        let writer = try StagingWriter(output: out)
        for bad in ["../x.html", "/etc/x", "a/../../x", "./x", "", "a/./b", "a/.", "..", "/"] {
            let error = #expect(throws: FileSystemError.self) { try writer.write(bad, Array("x".utf8)) }
            #expect(error?.message == "would be written outside the output folder")
        }
        // Split at the bytes "/" are, as the file system splits: a combining mark after "/" does not hide a "..".
        #expect(!StagingWriter.staysInside("a/../\u{301}b"))
        for good in ["a/..b/c", "a/.b/c", "x..", "a/b/"] { #expect(StagingWriter.staysInside(good), "\(good)") }
        try writer.write("über/straße/index.html", Array("ü".utf8))
        try writer.write("a//b.html", Array("b".utf8))
        try writer.commit()
        #expect(read(out + "/über/straße/index.html") == "ü")
        #expect(read(out + "/a/b.html") == "b")
        #expect(!FileManager.default.fileExists(atPath: root + "/x.html"))
    }
}

/// `--output` where a build would replace or read back the editors' files.
@Suite struct OutputPlaceTests {
    func site() -> (root: String, content: String, templates: String) {
        let root = TestSupport.temporaryFolder("output-place")
        let content = root + "/content"
        try! FileManager.default.copyItem(atPath: TestSupport.exampleContent, toPath: content)
        return (root, content, TestSupport.templates)
    }

    func build(_ content: String, _ templates: String, output: String) -> BuildReport {
        Builder(location: SiteLocation(content: content, templates: templates, output: output), options: BuildOptions(now: TestSupport.now)).build()
    }

    @Test func anOutputThatIsOrHoldsTheContentIsRefusedAndTheContentStays() throws {
        let (root, content, templates) = site()
        let before = TestSupport.files(content)
        let cases: [(String, String)] = [
            (content, "is the content folder"), (root, "holds the content folder"), (content + "/../content/.", "is the content folder"),
            (templates, "is the templates folder"), (content + "/public", "lies inside the content folder"),
        ]
        for (output, words) in cases {
            let report = build(content, templates, output: output)
            #expect(!report.succeeded, "\(output)")
            #expect(report.diagnostics.count == 1 && report.diagnostics[0].message.contains(words), "\(output): \(report.diagnostics)")
        }
        #expect(TestSupport.files(content) == before)
        #expect(!FileManager.default.fileExists(atPath: content + "/public"))
    }

    @Test func aSymbolicLinkToTheContentIsSeenThrough() throws {
        let (root, content, templates) = site()
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: content)
        let report = build(content, templates, output: root + "/link")
        #expect(report.diagnostics.first?.message.contains("is the content folder") == true)
        #expect(FileManager.default.fileExists(atPath: content + "/site.yml"))
    }

    @Test func aFolderBesideTheContentIsFine() throws {
        let (root, content, templates) = site()
        let report = build(content, templates, output: root + "/public")
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(FileManager.default.fileExists(atPath: root + "/public/index.html"))
        #expect(SiteLocation.canonical(root + "/x/../public/./") == SiteLocation.canonical(root + "/public"))
    }

    /// A killed build's staging folder stayed through every build with nothing to write.
    @Test func aBuildWithNothingToWriteRemovesAKilledBuildsStagingFolder() throws {
        let (root, content, templates) = site()
        #expect(build(content, templates, output: root + "/public").succeeded)
        let leftOver = root + "/.public.staging-2147483646"
        try FileManager.default.createDirectory(atPath: leftOver + "/blog", withIntermediateDirectories: true)
        let report = build(content, templates, output: root + "/public")
        #expect(report.upToDate)
        #expect(!FileManager.default.fileExists(atPath: leftOver))
    }

    @Test func aFolderOfOtherFilesIsReplacedOnlyWithForce() throws {
        let (root, content, templates) = site()
        let documents = root + "/Dokumente"
        try FileManager.default.createDirectory(atPath: documents, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: documents + "/brief.docx", contents: Data("Brief".utf8)))
        let refused = build(content, templates, output: documents)
        #expect(refused.diagnostics.map(\.description) == [
            "\(documents): error: the output folder '\(documents)' holds files ('brief.docx' …), but nothing shows that sitegen built it (the file '.Dokumente.sitegen-store' beside it is missing); a build replaces its output whole. Choose a new or empty folder with --output, or pass --force to replace it",
        ])
        #expect(read(documents + "/brief.docx") == "Brief")
        #expect(!FileManager.default.fileExists(atPath: documents + "/index.html"))

        // An index.html does not make a folder of documents a site sitegen may replace.
        let withIndex = root + "/Ablage"
        try FileManager.default.createDirectory(atPath: withIndex + "/Vertraege", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: withIndex + "/index.html", contents: Data("<p>alt</p>".utf8)))
        #expect(FileManager.default.createFile(atPath: withIndex + "/Vertraege/vertrag.docx", contents: Data("V".utf8)))
        let kept = build(content, templates, output: withIndex)
        #expect(!kept.succeeded && kept.diagnostics.first?.message.contains("nothing shows that sitegen built it") == true)
        #expect(read(withIndex + "/Vertraege/vertrag.docx") == "V")
        #expect(read(withIndex + "/index.html") == "<p>alt</p>")

        // An empty folder and a site sitegen built (its store beside it) are fine.
        let empty = root + "/leer"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(build(content, templates, output: empty).succeeded)
        #expect(FileManager.default.createFile(atPath: empty + "/extra.txt", contents: Data("x".utf8)))
        #expect(build(content, templates, output: empty).succeeded)

        var forced = Builder(location: SiteLocation(content: content, templates: templates, output: documents),
                             options: BuildOptions(now: TestSupport.now))
        forced.force = true
        #expect(forced.build().succeeded)
        #expect(FileManager.default.fileExists(atPath: documents + "/index.html"))
        #expect(!FileManager.default.fileExists(atPath: documents + "/brief.docx"))
    }

    func read(_ path: String) -> String? { FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } }
}
