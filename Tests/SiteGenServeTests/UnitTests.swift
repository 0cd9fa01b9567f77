import Testing
@testable import SiteGen
@testable import SiteGenServe

@Suite("Request paths, ranges, names")
struct UnitTests {
    @Test func acceptsOrdinaryPaths() throws {
        #expect(try RequestPath.parse("/").get() == RequestPath(path: "", query: nil))
        #expect(try RequestPath.parse("/blog/").get().path == "blog/")
        #expect(try RequestPath.parse("/blog?seite=2").get() == RequestPath(path: "blog", query: "seite=2"))
        #expect(try RequestPath.parse("/handlungsfelder/%C3%BCber/").get().path == "handlungsfelder/über/")
        #expect(try RequestPath.parse("/a%20b.pdf").get().path == "a b.pdf")
        // Double encoding stays literal (then simply not found).
        #expect(try RequestPath.parse("/%252e%252e/etc/passwd").get().path == "%2e%2e/etc/passwd")
    }

    @Test(arguments: [
        "/../etc/passwd", "/blog/../../etc/passwd", "/..", "/./index.html", "/blog/.",
        "/%2e%2e/etc/passwd", "/%2E%2E/etc/passwd", "/.%2e/etc/passwd", "/%2e./x", "/blog/%2e%2e/%2e%2e/etc/passwd",
        "/..%2fetc%2fpasswd", "/%2fetc%2fpasswd", "/blog%2F..%2F..%2Fetc%2Fpasswd", "/..%5c..%5cetc%5cpasswd",
        "/..\\..\\etc\\passwd", "/blog\\index.html", "/index.html%00.css", "/a\u{0}b", "/a%0d%0aSet-Cookie:x",
        "/%zz", "/%2", "/%c3%28", "/%ff", "etc/passwd", "//etc/passwd", "*", "/a#b",
    ])
    func rejectsTraversalAndMalformedPaths(_ target: String) {
        guard case .failure(.badRequest) = RequestPath.parse(target) else {
            Issue.record("\(target) was accepted")
            return
        }
    }

    @Test func rejectsOverlongTargets() {
        #expect(RequestPath.parse("/" + String(repeating: "a", count: 9000)) == .failure(.tooLong))
    }

    @Test func encodesLocations() {
        #expect(RequestPath.encode("blog/") == "/blog/")
        #expect(RequestPath.encode("seite/über uns/") == "/seite/%C3%BCber%20uns/")
        #expect(RequestPath.encode("a\"<b>/") == "/a%22%3Cb%3E/")
    }

    @Test func parsesRanges() {
        #expect(ByteRange.parse("bytes=0-99", size: 1000) == .range(0, 99))
        #expect(ByteRange.parse("bytes=900-", size: 1000) == .range(900, 999))
        #expect(ByteRange.parse("bytes=-100", size: 1000) == .range(900, 999))
        #expect(ByteRange.parse("bytes=-5000", size: 1000) == .range(0, 999))
        #expect(ByteRange.parse("bytes=990-5000", size: 1000) == .range(990, 999))
        #expect(ByteRange.parse("bytes=1000-", size: 1000) == .unsatisfiable)
        #expect(ByteRange.parse("bytes=-0", size: 1000) == .unsatisfiable)
        #expect(ByteRange.parse("bytes=0-0", size: 0) == .unsatisfiable)
        #expect(ByteRange.parse("bytes=0-1,5-6", size: 1000) == .ignore)
        #expect(ByteRange.parse("bytes=5-1", size: 1000) == .ignore)
        #expect(ByteRange.parse("bytes=a-b", size: 1000) == .ignore)
        #expect(ByteRange.parse("bytes=+1-2", size: 1000) == .ignore)
        #expect(ByteRange.parse("items=0-1", size: 1000) == .ignore)
        #expect(ByteRange.parse("bytes=99999999999999999999999-", size: 1000) == .ignore)
    }

    @Test func ignoresEditorTemporaries() {
        // Office's lock file beside an open document, and what Windows leaves in a folder of pictures.
        for name in [".post.md.swp", "post.md~", ".#post.md", "4913", "#post.md#", ".DS_Store", "post.md.swp", "x.tmp", "sedAb12Cd", ".post.md.tmp",
                     "~$Bericht.docx", "Thumbs.db", "post.md.kate-swp"] {
            #expect(FileWatcher.isIgnored(name), "\(name)")
        }
        for name in ["post.md", "site.yml", "site.css", "base.mustache", "4914", "sedan.md", "bild.png"] {
            #expect(!FileWatcher.isIgnored(name), "\(name)")
        }
    }

    /// A deleted file was logged as "geändert" (changed); it is "gelöscht" (removed).
    @Test func theLogSaysWhetherAFileChangedOrWasRemoved() {
        let there: Set = ["content/a.md", "content/b.md"]
        let subject = { (paths: [String]) in PreviewServer.changeSubject(paths) { there.contains($0) } }
        #expect(subject(["content/a.md"]) == "content/a.md changed")
        #expect(subject(["content/weg.md"]) == "content/weg.md removed")
        #expect(subject(["content/a.md", "content/weg.md"]) == "2 files changed", "a rename: one gone, one new")
        #expect(subject(["content/weg.md", "content/auch-weg.md"]) == "2 files removed")
        let german = MessageCatalogue.german
        #expect(german.translate("content/weg.md removed: rebuilt, 3 output files changed, reload sent (1 browser).", to: .de)
                == "content/weg.md gelöscht: neu gebaut, Ausgabedateien geändert: 3, Neuladen ausgelöst (1 Browser).")
        #expect(german.translate("2 files removed; the site stays the same.", to: .de) == "2 Dateien gelöscht; die Website bleibt gleich.")
        #expect(german.translate("content/a.md changed: the build failed with 1 error; still serving the last good site.", to: .de)
                == "content/a.md geändert: Der Build ist fehlgeschlagen (1 Fehler); die Vorschau zeigt weiter die letzte fehlerfreie Fassung.")
    }

    @Test func contentTypes() {
        #expect(MediaTypes.contentType(for: "index.html") == "text/html; charset=utf-8")
        #expect(MediaTypes.contentType(for: "assets/site.css") == "text/css; charset=utf-8")
        #expect(MediaTypes.contentType(for: "assets/search.js") == "text/javascript; charset=utf-8")
        #expect(MediaTypes.contentType(for: "images/x.svg") == "image/svg+xml")
        #expect(MediaTypes.contentType(for: "a.PNG") == "image/png")
        #expect(MediaTypes.contentType(for: "a.jpg") == "image/jpeg")
        #expect(MediaTypes.contentType(for: "a.webp") == "image/webp")
        #expect(MediaTypes.contentType(for: "d/x.pdf") == "application/pdf")
        #expect(MediaTypes.contentType(for: "blog/feed.xml") == "application/atom+xml; charset=utf-8")
        #expect(MediaTypes.contentType(for: "sitemap.xml") == "application/xml; charset=utf-8")
        #expect(MediaTypes.contentType(for: "kalender.ics") == "text/calendar; charset=utf-8")
        #expect(MediaTypes.contentType(for: "x.json") == "application/json")
        #expect(MediaTypes.contentType(for: "x.jsonld") == "application/ld+json")
        #expect(MediaTypes.contentType(for: "robots.txt") == "text/plain; charset=utf-8")
        #expect(MediaTypes.contentType(for: "README") == "application/octet-stream")
        #expect(MediaTypes.contentType(for: ".htaccess") == "application/octet-stream")
    }

    /// Every file the build names as a download in its link text ("Plan (Word, 13 KB)") goes out
    /// with its own type, as nginx's mime.types sends it on the live site; as
    /// application/octet-stream a browser offers no program to open a Word, Excel or OpenDocument
    /// file with, and plays no MP3.
    @Test func everyDownloadFormatHasItsType() {
        for ext in DownloadLinks.formats.keys.sorted() {
            #expect(MediaTypes.contentType(for: "downloads/datei." + ext) != "application/octet-stream", "\(ext)")
            #expect(MediaTypes.contentType(for: "downloads/DATEI." + ext.uppercased()) != "application/octet-stream", "\(ext)")
        }
        #expect(MediaTypes.contentType(for: "downloads/plan.docx") == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(MediaTypes.contentType(for: "downloads/haushalt.xlsx") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        #expect(MediaTypes.contentType(for: "downloads/antrag.odt") == "application/vnd.oasis.opendocument.text")
        #expect(MediaTypes.contentType(for: "downloads/route.gpx") == "application/gpx+xml")
    }

    /// live.js is asked for again on every page (`no-cache`) and a 304 keeps the browser's copy:
    /// its tag was its length, so after an update a script of the same length stayed the old one.
    @Test func theLiveScriptsETagFollowsItsText() {
        #expect(LiveScript.etag(of: "reload(a);") != LiveScript.etag(of: "reload(b);"))
        #expect(LiveScript.etag(of: "reload(a);") == LiveScript.etag(of: "reload(a);"))
        #expect(LiveScript.etag == LiveScript.etag(of: LiveScript.source))
        #expect(LiveScript.etag.hasPrefix("\"live-") && LiveScript.etag.hasSuffix("\""))
    }

    /// The first build's end tells only the tabs that subscribed before it: one that connected
    /// just after was greeted with the new build and got a needless reload on top (under load,
    /// the live-reload tests took that reload for their edit's and failed).
    @Test func theFirstBuildsNewsReachesOnlyTheTabsThatWereWaiting() async {
        let hub = LiveReloadHub()
        let waiting = hub.subscribe()!
        let early = hub.lastID
        let late = hub.subscribe()!
        #expect(hub.broadcast("news", upTo: early) == 1)
        hub.close()
        var got: [String] = []
        for await m in waiting.messages { got.append(m) }
        #expect(got == ["news"])
        var lateGot: [String] = []
        for await m in late.messages { lateGot.append(m) }
        #expect(lateGot.isEmpty)
    }

    @Test func findsTheLastBodyClose() {
        func at(_ s: String) -> Int? { Array(s.utf8).withUnsafeBytes(lastBodyClose) }
        #expect(at("<html><body>x</body></html>") == 13)
        #expect(at("<p>&lt;/body&gt;</p></BODY>") == 20)
        #expect(at("<p>no end") == nil)
    }

    @Test func snapshotsKeepUnchangedFiles() {
        let a = SiteSnapshot(output: ["index.html": Array("<body>a</body>".utf8), "x.css": [1, 2, 3]], previous: nil, generation: 1)
        let b = SiteSnapshot(output: ["index.html": Array("<body>b</body>".utf8), "x.css": [1, 2, 3], "new.txt": [9]], previous: a, generation: 2)
        #expect(b.changed == ["index.html", "new.txt"])
        #expect(b.files["x.css"]?.hash == a.files["x.css"]?.hash)
        #expect(b.files["index.html"]?.hash != a.files["index.html"]?.hash)
        let c = SiteSnapshot(output: ["x.css": [1, 2, 3]], previous: b, generation: 3)
        #expect(c.changed == ["index.html", "new.txt"])
    }

    /// A page the build took from its memory comes with the bytes it had: found unchanged at
    /// once. Equal bytes elsewhere are compared; a same-sized change is still seen.
    @Test func aFileWithTheSameStorageIsTheSameWithoutComparing() {
        let page = Array("<body>Seite</body>".utf8)
        let file = ServedFile(path: "a/index.html", bytes: page)
        #expect(file.sameBytes(as: page))
        #expect(file.sameBytes(as: Array("<body>Seite</body>".utf8)))
        #expect(!file.sameBytes(as: Array("<body>Seitf</body>".utf8)))
        #expect(!file.sameBytes(as: Array(page.dropLast())))
        let kept = SiteSnapshot(output: ["a/index.html": page], previous: SiteSnapshot(output: ["a/index.html": page], previous: nil, generation: 1),
                                generation: 2)
        #expect(kept.changed.isEmpty)
    }
}
