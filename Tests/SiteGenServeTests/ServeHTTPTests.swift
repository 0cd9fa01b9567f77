import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import SiteGen
@testable import SiteGenServe

/// HTTP behaviour of the preview server, against a copy of the example site.
@Suite("Serving", .serialized)
struct ServeHTTPTests {
    /// `--host 0.0.0.0` is for other devices: the site's absolute addresses (feeds, calendars,
    /// canonical links) use this machine's network address, not 127.0.0.1.
    @Test func listeningOnEveryInterfaceBuildsWithTheNetworkAddress() async throws {
        try await withServer(configure: { $0.host = "0.0.0.0" }) { s in
            let address = PreviewServer.networkAddress(ipv6: false)
            #expect(address.map { !$0.hasPrefix("127.") } ?? true)
            let base = "http://\(address ?? "127.0.0.1"):\(s.port)/"
            #expect(s.server.url == base)
            let html = try await s.get("/").text
            #expect(html.contains("<link rel=\"canonical\" href=\"\(base)\">"), "\(html.prefix(2000))")
        }
    }

    @Test func servesPagesAssetsAndFeedsWithTheRightTypes() async throws {
        try await withServer { s in
            let home = try await s.get("/")
            #expect(home.status == 200)
            #expect(home.header("Content-Type") == "text/html; charset=utf-8")
            #expect(home.text.contains("<script src=\"/_sitegen/live.js\" data-build=\""))
            #expect(home.text.range(of: "/_sitegen/live.js")!.lowerBound < home.text.range(of: "</body>", options: .backwards)!.lowerBound)
            #expect(home.header("Content-Length") == String(home.body.count))

            // Every output file comes back with a sensible type; check one of each kind.
            let files = try #require(s.server.snapshot).files.keys
            let expected: [(String, String)] = [
                (".css", "text/css; charset=utf-8"), (".js", "text/javascript; charset=utf-8"), (".svg", "image/svg+xml"),
                (".pdf", "application/pdf"), ("sitemap.xml", "application/xml; charset=utf-8"), (".ics", "text/calendar; charset=utf-8"),
                ("/feed.xml", "application/atom+xml; charset=utf-8"), (".json", "application/json"), (".txt", "text/plain; charset=utf-8"),
            ]
            for (ending, type) in expected {
                guard let path = files.sorted().first(where: { $0.hasSuffix(ending) }) else {
                    Issue.record("the example site has no file ending in \(ending)")
                    continue
                }
                let r = try await s.get("/" + path)
                #expect(r.status == 200, "\(path)")
                #expect(r.header("Content-Type") == type, "\(path)")
                #expect(r.header("X-Content-Type-Options") == "nosniff")
                #expect(!r.text.contains("/_sitegen/live.js"), "the script goes into HTML only: \(path)")
            }
            let script = try await s.get("/_sitegen/live.js")
            #expect(script.status == 200)
            #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
            #expect(script.text.contains("EventSource"))
            #expect(script.text.contains("alertdialog"))
        }
    }

    @Test func previewShowsDraftAndFutureLabels() async throws {
        try await withServer { s in
            let blog = try await s.get("/blog/")
            #expect(blog.status == 200)
            #expect(blog.text.contains("<span class=\"label\">Entwurf</span>"), "drafts are marked in the preview")
            #expect(blog.text.contains("<span class=\"label\">Geplant</span>"), "future posts are marked in the preview")
            // The same sources built for publishing carry neither the labels nor the script.
            let sink = MemorySink()
            let (report, _) = Builder(location: SiteLocation(content: s.site.content, templates: s.site.templates),
                                      options: BuildOptions(now: DateTime.parse("2026-11-26T12:00:00+01:00")!)).run(into: sink)
            #expect(report.succeeded)
            for (path, bytes) in sink.files where path.hasSuffix(".html") {
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(!text.contains("_sitegen"), "\(path)")
                #expect(!text.contains("<span class=\"label\">"), "\(path)")
            }
        }
    }

    /// The server's lines for the terminal follow the site's language (German for the example
    /// site), and English when asked.
    @Test func theServersLinesFollowTheSitesLanguage() async throws {
        /// The log once it has a line that `matches` (the line comes right after the first build).
        func line(_ s: RunningServer, _ matches: (String) -> Bool) async throws -> Bool {
            let deadline = monotonicSeconds() + 60
            while !s.log.all.contains(where: matches) && monotonicSeconds() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
            return s.log.all.contains(where: matches)
        }
        try await withServer { s in
            let serving = try await line(s) { $0.hasPrefix("Vorschau unter http://127.0.0.1:") }
            let built = try await line(s) { $0.contains(" Seiten in ") && $0.hasSuffix(" gebaut (Entwürfe sichtbar, künftige Beiträge sichtbar).") }
            #expect(serving && built, "\(s.log.all)")
        }
        try await withServer(configure: { $0.messages = .en }) { s in
            let serving = try await line(s) { $0.hasPrefix("Serving at http://127.0.0.1:") }
            #expect(serving, "\(s.log.all)")
        }
    }

    @Test func folderURLsRedirectsAndNotFound() async throws {
        try await withServer { s in
            let index = try await s.get("/blog/")
            #expect(index.status == 200)
            let redirect = try await s.get("/blog")
            #expect(redirect.status == 301)
            #expect(redirect.header("Location") == "/blog/")
            let withQuery = try await s.get("/blog?x=1")
            #expect(withQuery.header("Location") == "/blog/?x=1")
            let missing = try await s.get("/gibt-es-nicht/")
            #expect(missing.status == 404)
            #expect(missing.header("Content-Type") == "text/html; charset=utf-8")
            let notFoundPage = String(decoding: try #require(s.server.snapshot?.files["404.html"]).bytes.readableBytesView, as: UTF8.self)
            let titleLine = try #require(notFoundPage.range(of: "<title>").map { notFoundPage[$0.upperBound...].prefix { $0 != "<" } })
            #expect(missing.text.contains(String(titleLine)), "the site's own 404 page")
            #expect(missing.text.contains("/_sitegen/live.js"))
            // Under a language version's folder, its own 404 page.
            let missingEnglish = try await s.get("/en/does-not-exist/")
            #expect(missingEnglish.status == 404)
            #expect(missingEnglish.text.contains("<html lang=\"en\">") && missingEnglish.text.contains("Page not found"))
            let missingFile = try await s.get("/assets/nope.css")
            #expect(missingFile.status == 404)
            let head = try await s.get("/blog/", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("Content-Length") == String(index.body.count))
            #expect(head.header("ETag") == index.header("ETag"))
            let post = try await s.get("/", method: "POST")
            #expect(post.status == 405)
            #expect(post.header("Allow") == "GET, HEAD")
            let delete = try await s.get("/index.html", method: "DELETE")
            #expect(delete.status == 405)
        }
    }

    @Test func etagsAndConditionalRequests() async throws {
        try await withServer { s in
            let css = try await s.get("/assets/site.css")
            let etag = try #require(css.header("ETag"))
            #expect(etag.hasPrefix("\"") && etag.hasSuffix("\""))
            #expect(css.header("Cache-Control") == "no-cache")
            let again = try await s.get("/assets/site.css", headers: ["If-None-Match": etag])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
            #expect(again.header("ETag") == etag)
            let weak = try await s.get("/assets/site.css", headers: ["If-None-Match": "\"nope\", W/\(etag)"])
            #expect(weak.status == 304)
            let star = try await s.get("/assets/site.css", headers: ["If-None-Match": "*"])
            #expect(star.status == 304)
            let other = try await s.get("/assets/site.css", headers: ["If-None-Match": "\"something-else\""])
            #expect(other.status == 200)
            #expect(other.body == css.body)
            let page = try await s.get("/")
            let pageTag = try #require(page.header("ETag"))
            #expect(try await s.get("/", headers: ["If-None-Match": pageTag]).status == 304)
            #expect(try await s.get("/", method: "HEAD", headers: ["If-None-Match": pageTag]).status == 304)
        }
    }

    @Test func rangeRequests() async throws {
        try await withServer { s in
            let pdfPath = "/downloads/smart-city-strategie-dos-2030.pdf"
            let full = try await s.get(pdfPath)
            #expect(full.status == 200)
            #expect(full.header("Accept-Ranges") == "bytes")
            let size = full.body.count
            #expect(size > 1000)
            #expect(full.body.starts(with: Array("%PDF".utf8)))

            let first = try await s.get(pdfPath, headers: ["Range": "bytes=0-99"])
            #expect(first.status == 206)
            #expect(first.body == Array(full.body[0..<100]))
            #expect(first.header("Content-Range") == "bytes 0-99/\(size)")
            #expect(first.header("Content-Length") == "100")
            #expect(first.header("Content-Type") == "application/pdf")

            let tail = try await s.get(pdfPath, headers: ["Range": "bytes=-10"])
            #expect(tail.status == 206)
            #expect(tail.body == Array(full.body[(size - 10)...]))
            let open = try await s.get(pdfPath, headers: ["Range": "bytes=1000-"])
            #expect(open.body == Array(full.body[1000...]))
            #expect(open.header("Content-Range") == "bytes 1000-\(size - 1)/\(size)")

            let beyond = try await s.get(pdfPath, headers: ["Range": "bytes=\(size)-"])
            #expect(beyond.status == 416)
            #expect(beyond.header("Content-Range") == "bytes */\(size)")
            let many = try await s.get(pdfPath, headers: ["Range": "bytes=0-1,5-6"])
            #expect(many.status == 200)
            #expect(many.body == full.body)
            let junk = try await s.get(pdfPath, headers: ["Range": "bytes=zz"])
            #expect(junk.status == 200)
            let etag = try #require(full.header("ETag"))
            let ifRange = try await s.get(pdfPath, headers: ["Range": "bytes=0-9", "If-Range": etag])
            #expect(ifRange.status == 206)
            let staleIfRange = try await s.get(pdfPath, headers: ["Range": "bytes=0-9", "If-Range": "\"old\""])
            #expect(staleIfRange.status == 200)
            #expect(staleIfRange.body == full.body)
            let headRange = try await s.get(pdfPath, method: "HEAD", headers: ["Range": "bytes=0-9"])
            #expect(headRange.status == 206)
            #expect(headRange.header("Content-Length") == "10")
            #expect(headRange.body.isEmpty)
        }
    }

    @Test func pathTraversalNeverLeavesTheSite() async throws {
        try await withServer { s in
            // A secret next to the content folder, and a symlink inside it pointing there.
            let secret = "TOP-SECRET-\(UInt32.random(in: 0...UInt32.max))"
            try secret.write(toFile: s.site.path("secret.txt"), atomically: true, encoding: .utf8)
            // In a folder published as it is (a file of downloads/ would be held back for want of a link anyway).
            try FileManager.default.createDirectory(atPath: s.site.path("content/dateien"), withIntermediateDirectories: true)
            symlink(s.site.path("secret.txt"), s.site.path("content/dateien/leak.txt"))
            symlink("/etc", s.site.path("content/dateien/etc"))
            // Served only once the build that saw them is done (a fixed wait made the test pass without them).
            let links = [s.site.path("content/dateien/leak.txt"), s.site.path("content/dateien/etc")]
            try await s.waitUntil("a build that saw the links") { links.allSatisfy(Set(s.server.history.flatMap(\.changedSources)).contains) }
            let attempts = [
                "/../secret.txt", "/../../../../etc/passwd", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/etc/passwd",
                "/.%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/blog/..%2F..%2Fsecret.txt", "/..%5csecret.txt", "/..\\secret.txt",
                "/%252e%252e/secret.txt", "/blog/%2e%2e/%2e%2e/secret.txt", "/index.html%00.txt", "/%00", "//etc/passwd",
                "/dateien/leak.txt", "/dateien/etc/passwd", "/etc/passwd", "/proc/self/environ", "/./secret.txt",
                "/content/site.yml", "/site.yml", "/Templates/base.mustache", "/base.mustache", "/%c0%ae%c0%ae/secret.txt",
                "http://127.0.0.1/../secret.txt", "/%2e%2e;/secret.txt", "/.../secret.txt", "/...%2f/secret.txt",
            ]
            for target in attempts {
                let r = try await s.get(target)
                #expect(r.status == 400 || r.status == 404, "\(target) → \(r.status)")
                #expect(!r.text.contains(secret), "\(target) leaked the secret")
                #expect(!r.text.contains("root:x:0:0"), "\(target) leaked /etc/passwd")
                #expect(!r.text.contains("base_url"), "\(target) leaked site.yml")
            }
            // The server still answers normally afterwards.
            #expect(try await s.get("/").status == 200)
        }
    }

    /// Listening on this computer only, the preview answers only to this computer's names. A web
    /// page the editor visits can point a name of its own at 127.0.0.1 (DNS rebinding) and then
    /// read the preview, drafts included, as its own site: its requests carry its own Host.
    @Test func otherHostNamesAreRefusedWhileListeningLocally() async throws {
        try await withServer { s in
            let draft = "/blog/2026/entwurf-umfrage-digitale-angebote/"
            #expect(try await s.get(draft).status == 200)
            for host in ["angreifer.example:\(s.port)", "angreifer.example", "127.0.0.1.nip.io:\(s.port)", "10.0.0.5:\(s.port)"] {
                let r = try await s.get(draft, headers: ["Host": host])
                #expect(r.status == 403, "\(host)")
                #expect(!r.text.contains("Umfrage"), "\(host)")
                #expect(r.text.hasPrefix("Die Vorschau antwortet nur unter den Adressen dieses Rechners"), "\(r.text)")
                #expect(try await s.get("/_sitegen/events", method: "HEAD", headers: ["Host": host]).status == 403)
            }
            for host in ["127.0.0.1:\(s.port)", "localhost:\(s.port)", "LOCALHOST", "[::1]:\(s.port)", "127.0.0.2", "vorschau.localhost:\(s.port)"] {
                #expect(try await s.get(draft, headers: ["Host": host]).status == 200, "\(host)")
            }
        }
        // Open to the network on purpose: other devices come with the machine's address or name.
        try await withServer(configure: { $0.host = "0.0.0.0" }) { s in
            let fromThePhone = try await s.get("/", headers: ["Host": "mein-rechner.fritz.box:\(s.port)"])
            #expect(fromThePhone.status == 200)
        }
    }

    /// A reviewer reads the server's own short answers in the browser: in the language of the
    /// build's messages (German for a German site), each reason too.
    @Test func refusalsAreWordedInTheMessagesLanguage() async throws {
        try await withServer { s in
            // After the first build, which sets the messages' language.
            #expect(try await s.get("/").status == 200)
            let slash = try await s.get("/..%2fsecret.txt")
            #expect(slash.status == 400)
            #expect(slash.text == "Ungültige Anfrage: kodierter Schrägstrich im Pfad.\n")
            let dots = try await s.get("/blog/%2e%2e/x")
            #expect(dots.text == "Ungültige Anfrage: „.“ oder „..“ als Teil des Pfads.\n")
            #expect(try await s.get("/_sitegen/nichts").text == "Nicht gefunden.\n")
            #expect(try await s.get("/", method: "POST").text == "Nur GET und HEAD werden unterstützt.\n")
        }
        try await withServer(configure: { $0.messages = .en }) { (s: RunningServer) async throws in
            let home = try await s.get("/")
            let slash = try await s.get("/..%2fsecret.txt")
            let missing = try await s.get("/_sitegen/nichts")
            #expect(home.status == 200)
            #expect(slash.text == "Bad request: encoded slash in path.\n")
            #expect(missing.text == "Not found.\n")
        }
    }

    @Test func overlongRequestsAreRefusedAndTheServerGoesOn() async throws {
        try await withServer { s in
            let longURL = try await s.get("/" + String(repeating: "a", count: 10_000))
            #expect([400, 404, 414, 431].contains(longURL.status), "\(longURL.status)")
            // A 200 KB URL or header: the server refuses or closes; either way it survives.
            let port = s.port
            for raw in ["GET /\(String(repeating: "b", count: 200_000)) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: \(String(repeating: "c", count: 200_000))\r\n\r\n",
                        "GARBAGE\r\n\r\n", "GET / HTTP/9.9\r\n\r\n"] {
                let status: Int? = try await onThread {
                    let fd = try RawHTTP.connect(port: port, timeout: 5)
                    defer { close(fd) }
                    try? RawHTTP.sendAll(fd, Array(raw.utf8))
                    return try? RawHTTP.readReply(fd, head: false).status
                }
                if let status { #expect(status >= 400 && status != 500, "\(status)") }
            }
            #expect(try await s.get("/").status == 200)
        }
    }
}
