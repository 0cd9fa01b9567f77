import Foundation
import Testing
@testable import SiteGen

/// `sitegen check --external` against a local scripted server: what counts as broken, where it
/// is reported, and how the sites are asked.
@Suite struct ExternalLinkCheckerTests {
    typealias Answer = ScriptedHTTPServer.Answer

    func link(_ url: String, _ file: String = "content/posts/a.md", line: Int? = 3) -> ExternalLink {
        ExternalLink(url: url, file: file, line: line)
    }

    @Test func successAndRedirectsAreFine() async throws {
        let server = try ScriptedHTTPServer(["/ok": Answer(other: 200), "/moved": Answer(other: 301, location: "/ok")])
        defer { server.stop() }
        let found = await ExternalLinkChecker(timeout: 5).check([link(server.base + "/ok"), link(server.base + "/moved")])
        #expect(found.isEmpty)
        #expect(server.received.contains("HEAD /ok"))
        #expect(server.received.contains("HEAD /moved"))
    }

    @Test func aBrokenAddressIsAskedOnceAndReportedWhereverItIsWritten() async throws {
        let server = try ScriptedHTTPServer(["/gone": Answer(other: 404)])
        defer { server.stop() }
        let url = server.base + "/gone"
        let found = await ExternalLinkChecker(timeout: 5).check([
            link(url, "content/posts/a.md", line: 7), link(url, "content/events/b.md", line: 12),
        ])
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.severity == .warning && $0.message == "external link '\(url)' answered HTTP 404" })
        #expect(Set(found.map { "\($0.file):\($0.line ?? 0)" }) == ["content/posts/a.md:7", "content/events/b.md:12"])
        #expect(server.received == ["HEAD /gone"])
    }

    @Test func aRefusedHeadIsAskedAgainWithGet() async throws {
        let server = try ScriptedHTTPServer([
            "/no-head": Answer(status: ["HEAD": 405], other: 200),
            "/no-head-broken": Answer(status: ["HEAD": 501, "GET": 500]),
            "/forbidden-head": Answer(status: ["HEAD": 403], other: 200),
        ])
        defer { server.stop() }
        let found = await ExternalLinkChecker(timeout: 5).check([
            link(server.base + "/no-head"), link(server.base + "/no-head-broken"), link(server.base + "/forbidden-head"),
        ])
        #expect(found.map(\.message) == ["external link '\(server.base)/no-head-broken' answered HTTP 500"])
        for path in ["/no-head", "/no-head-broken", "/forbidden-head"] {
            #expect(server.received.filter { $0.hasSuffix(" " + path) }.sorted() == ["GET " + path, "HEAD " + path])
        }
    }

    @Test func aRedirectIsFollowedToItsEndAlsoWithGet() async throws {
        let server = try ScriptedHTTPServer([
            "/old": Answer(status: ["HEAD": 405], other: 301, location: "/gone"),
            "/gone": Answer(other: 404),
            "/big": Answer(status: ["HEAD": 405], other: 200),
        ])
        defer { server.stop() }
        let found = await ExternalLinkChecker(timeout: 5).check([link(server.base + "/old"), link(server.base + "/big")])
        #expect(found.map(\.message) == ["external link '\(server.base)/old' answered HTTP 404"])
        #expect(server.received.contains("GET /gone"))
    }

    @Test func onlyWebAddressesAreAsked() async {
        let found = await ExternalLinkChecker(timeout: 1).check([link("ftp://example.org/datei.pdf"), link("file:///etc/passwd")])
        #expect(found.count == 2 && found.allSatisfy { $0.message.hasSuffix("is not a valid address") })
    }

    @Test func aServerErrorOnHeadIsNotAskedAgain() async throws {
        let server = try ScriptedHTTPServer(["/down": Answer(status: ["HEAD": 503], other: 200)])
        defer { server.stop() }
        let found = await ExternalLinkChecker(timeout: 5).check([link(server.base + "/down")])
        #expect(found.map(\.message) == ["external link '\(server.base)/down' answered HTTP 503"])
        #expect(server.received == ["HEAD /down"])
    }

    @Test func nobodyListeningAndNoAnswerInTimeAreReported() async throws {
        let closed = try ScriptedHTTPServer([:])
        let closedURL = closed.base + "/x"
        closed.stop()
        let server = try ScriptedHTTPServer(["/slow": Answer(other: 200, delay: 3)])
        defer { server.stop() }
        let found = await ExternalLinkChecker(timeout: 0.5).check([link(closedURL), link(server.base + "/slow")])
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.message.contains("could not be reached") }, "\(found)")
        #expect(Set(found.map { $0.message.components(separatedBy: "'")[1] }) == [closedURL, server.base + "/slow"])
    }

    @Test func anAddressThatIsNotOneIsReportedWithoutAsking() async {
        let found = await ExternalLinkChecker(timeout: 1).check([link("http://exa mple.org/", "content/pages/x.md", line: 4)])
        #expect(found == [.warning("content/pages/x.md", line: 4, "external link 'http://exa mple.org/' is not a valid address")])
    }

    @Test func noMoreRequestsAtOnceThanAllowedAndTheResultInAddressOrder() async throws {
        var script: [String: Answer] = [:]
        for i in 0..<6 { script["/p\(i)"] = Answer(other: 404, delay: 0.2) }
        let server = try ScriptedHTTPServer(script)
        defer { server.stop() }
        let links = (0..<6).reversed().map { link(server.base + "/p\($0)", "content/posts/p\($0).md", line: $0 + 1) }
        let found = await ExternalLinkChecker(timeout: 5, parallel: 2).check(links)
        #expect(server.received.count == 6)
        #expect(server.mostAtOnce <= 2)
        #expect(found.map(\.file) == (0..<6).map { "content/posts/p\($0).md" })
    }
}
