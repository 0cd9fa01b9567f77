import HTTPTypes
import Hummingbird
import ServiceLifecycle
import SiteGen

/// Answers every request from the current in-memory site. No file system access at all:
/// whatever the path, nothing outside the built site can be served.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let server: PreviewServer

    func respond(to request: Request, context: Context) async throws -> Response {
        await server.respond(to: request)
    }
}

extension HTTPField.Name {
    static let xContentTypeOptionsHeader = HTTPField.Name("X-Content-Type-Options")!
    static let xAccelBuffering = HTTPField.Name("X-Accel-Buffering")!
    static let retryAfterHeader = HTTPField.Name("Retry-After")!
}

extension PreviewServer {
    func respond(to request: Request) async -> Response {
        let isHead = request.method == .head
        if let refusal = refusalOfAnotherHost(request, head: isHead) { return refusal }
        guard request.method == .get || isHead else {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD"
            return plain(.methodNotAllowed, "Only GET and HEAD are supported.", headers: headers, head: isHead)
        }
        let parsed: RequestPath
        switch RequestPath.parse(request.head.path ?? "/") {
        case .failure(.tooLong): return plain(.init(code: 414, reasonPhrase: "URI Too Long"), "The address is too long.", head: isHead)
        case .failure(.badRequest(let why)): return plain(.badRequest, "Bad request: \(why).", head: isHead)
        case .success(let p): parsed = p
        }

        if parsed.path.hasPrefix("_sitegen/") {
            switch parsed.path {
            case "_sitegen/live.js": return script(request, head: isHead)
            case "_sitegen/events": return await events(query: parsed.query, head: isHead)
            default: return plain(.notFound, "Not found.", head: isHead)
            }
        }

        // Before the first build there is nothing to show; wait for it (bounded).
        var waited = 0
        while !state.withLock({ $0.firstBuildDone }) && waited < 6000 {
            try? await Task.sleep(nanoseconds: 20_000_000)
            waited += 1
        }
        let (snapshot, failure) = state.withLock { ($0.snapshot, $0.failure) }
        guard let snapshot else { return failurePage(failure ?? [], head: isHead) }
        let build = buildID(snapshot.generation)

        var key = parsed.path
        if key.isEmpty || key.hasSuffix("/") { key += "index.html" }
        if let file = snapshot.files[key] {
            return serve(file, build: build, request: request, head: isHead)
        }
        if !parsed.path.hasSuffix("/"), snapshot.files[parsed.path + "/index.html"] != nil {
            var headers = HTTPFields()
            headers[.location] = RequestPath.encode(parsed.path + "/") + (parsed.query.map { "?" + $0 } ?? "")
            return plain(.movedPermanently, "Moved to \(parsed.path)/", headers: headers, head: isHead)
        }
        return notFound(snapshot, path: parsed.path, build: build, head: isHead)
    }

    /// 403 for a request that names another computer while the preview listens on this one only
    /// (see `HostNames`); nil when it may go on. A request without Host (HTTP/1.0) comes from no browser.
    private func refusalOfAnotherHost(_ request: Request, head: Bool) -> Response? {
        guard HostNames.isLocalOnly(configuration.host), let host = request.head.authority,
              !HostNames.isThisComputer(host) else { return nil }
        let shown = String(host.prefix(100))
        return plain(.forbidden, "The preview answers only under this computer's own addresses (127.0.0.1, localhost), not under '\(shown)'; --host 0.0.0.0 opens it to the network.", head: head)
    }

    // MARK: files

    private func serve(_ file: ServedFile, build: String, request: Request, head: Bool) -> Response {
        var body = file.bytes
        var etag = "\"\(String(file.hash, radix: 16))\""
        if let at = file.injectAt {
            body = injected(file, at: at, build: build)
            etag = "\"\(String(file.hash, radix: 16))-\(build)\""
        }
        var headers = HTTPFields()
        headers[.contentType] = file.contentType
        headers[.eTag] = etag
        headers[.cacheControl] = "no-cache"
        headers[.acceptRanges] = "bytes"
        headers[.xContentTypeOptionsHeader] = "nosniff"

        let conditions = request.headers[values: .ifNoneMatch]
        if !conditions.isEmpty {
            let tags = conditions.joined(separator: ",").split(separator: ",").map { item -> String in
                var t = item.trimmingSpaces
                if t.hasPrefix("W/") { t.removeFirst(2) }
                return t
            }
            if tags.contains("*") || tags.contains(etag) {
                headers[.contentLength] = String(body.readableBytes)
                return Response(status: .notModified, headers: headers, body: ResponseBody())
            }
        }

        let size = body.readableBytes
        if let rangeHeader = request.headers[.range] {
            let ifRange = request.headers[.ifRange]
            if ifRange == nil || ifRange == etag {
                switch ByteRange.parse(rangeHeader, size: size) {
                case .ignore: break
                case .unsatisfiable:
                    var h = HTTPFields()
                    h[.contentRange] = "bytes */\(size)"
                    h[.contentType] = "text/plain; charset=utf-8"
                    return plain(.rangeNotSatisfiable, "Range not satisfiable.", headers: h, head: head)
                case .range(let lo, let hi):
                    headers[.contentRange] = "bytes \(lo)-\(hi)/\(size)"
                    let slice = body.getSlice(at: body.readerIndex + lo, length: hi - lo + 1) ?? ByteBuffer()
                    return finish(.partialContent, headers, slice, head: head)
                }
            }
        }
        return finish(.ok, headers, body, head: head)
    }

    /// The page with `<script src="/_sitegen/live.js">` before `</body>`.
    private func injected(_ file: ServedFile, at: Int, build: String) -> ByteBuffer {
        let tag = LiveScript.scriptTag(build: build)
        let total = file.bytes.readableBytes
        var out = ByteBufferAllocator().buffer(capacity: total + tag.utf8.count)
        if let head = file.bytes.getSlice(at: file.bytes.readerIndex, length: at) { out.writeImmutableBuffer(head) }
        out.writeString(tag)
        if let tail = file.bytes.getSlice(at: file.bytes.readerIndex + at, length: total - at) { out.writeImmutableBuffer(tail) }
        return out
    }

    /// The 404 page of the language version the address is in (`en/404.html` under `en/`), else the site's.
    private func notFound(_ snapshot: SiteSnapshot, path: String, build: String, head: Bool) -> Response {
        var headers = HTTPFields()
        headers[.cacheControl] = "no-cache"
        headers[.xContentTypeOptionsHeader] = "nosniff"
        let folder = path.split(separator: "/", maxSplits: 1).first.map { String($0) + "/404.html" }
        guard let page = folder.flatMap({ snapshot.files[$0] }) ?? snapshot.files["404.html"] else {
            return plain(.notFound, "Not found.", headers: headers, head: head)
        }
        headers[.contentType] = page.contentType
        return finish(.notFound, headers, injected(page, at: page.injectAt ?? page.bytes.readableBytes, build: build), head: head)
    }

    /// Shown while no build has succeeded yet: the errors, and the script that reloads once fixed.
    private func failurePage(_ diagnostics: [Diagnostic], head: Bool) -> Response {
        let language = state.withLock { $0.language }
        var html = """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head><meta charset="utf-8"><title>\(escapeHTML(said("Build failed – sitegen serve")))</title></head>
        <body>
        <main>
        <h1>\(escapeHTML(said("The site could not be built")))</h1>
        <p>\(escapeHTML(said("This page reloads by itself once the errors are fixed and the files saved.")))</p>
        <ul>

        """
        // "Fehler"/"Warnung" on the German page, as in the terminal (the messages are translated already).
        var formatter = DiagnosticFormatter()
        formatter.language = language
        for line in formatter.lines(diagnostics) {
            html += "<li><code>\(escapeHTML(line))</code></li>\n"
        }
        html += "</ul>\n</main>\n" + LiveScript.scriptTag(build: buildID(0)) + "</body>\n</html>\n"
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.retryAfterHeader] = "1"
        return finish(.serviceUnavailable, headers, ByteBuffer(string: html), head: head)
    }

    // MARK: live reload

    private func script(_ request: Request, head: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/javascript; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        let etag = LiveScript.etag
        headers[.eTag] = etag
        if request.headers[values: .ifNoneMatch].contains(etag) {
            return Response(status: .notModified, headers: headers, body: ResponseBody())
        }
        return finish(.ok, headers, ByteBuffer(string: LiveScript.source), head: head)
    }

    /// `GET /_sitegen/events?build=<id>`: a Server-Sent Events stream. The browser sends the
    /// build its page came from; if the site changed since, it is told to reload at once.
    private func events(query: String?, head: Bool) async -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        headers[.xAccelBuffering] = "no"
        if head { return Response(status: .ok, headers: headers, body: ResponseBody()) }
        guard let (id, messages) = hub.subscribe() else {
            return plain(.serviceUnavailable, "The server is shutting down.", head: false)
        }
        let (snapshot, failure) = state.withLock { ($0.snapshot, $0.failure) }
        let current = buildID(snapshot?.generation ?? 0)
        var first = "retry: 1000\n\n" + LiveEvent.hello(build: current)
        let pageBuild = queryValue(query, "build")
        if let pageBuild, pageBuild != current, snapshot != nil {
            first += LiveEvent.reload(build: current, changed: [])
        } else if let failure {
            first += diagnosticsEvent(failure)
        }
        let hub = self.hub
        let opening = first
        let body = ResponseBody { writer in
            defer { hub.finish(id) }
            try await withGracefulShutdownHandler {
                try await writer.write(ByteBuffer(string: opening))
                for await message in messages {
                    try await writer.write(ByteBuffer(string: message))
                }
            } onGracefulShutdown: {
                hub.finish(id)
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    // MARK: helpers

    private func finish(_ status: HTTPResponse.Status, _ headers: HTTPFields, _ body: ByteBuffer, head: Bool) -> Response {
        var headers = headers
        headers[.contentLength] = String(body.readableBytes)
        return Response(status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: body))
    }

    /// A short text answer, in the language of the build's messages (a reviewer reads it in the browser).
    private func plain(_ status: HTTPResponse.Status, _ english: String, headers: HTTPFields = HTTPFields(), head: Bool) -> Response {
        var headers = headers
        if headers[.contentType] == nil { headers[.contentType] = "text/plain; charset=utf-8" }
        headers[.cacheControl] = headers[.cacheControl] ?? "no-cache"
        return finish(status, headers, ByteBuffer(string: said(english) + "\n"), head: head)
    }

    /// The overlay's event: the messages of a failed build, and the overlay's own words in their language.
    func diagnosticsEvent(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let texts = OverlayTexts(
            language: state.withLock { $0.language },
            title: said("The site could not be rebuilt (\(errors) error\(errors == 1 ? "" : "s"))"),
            hint: said("You are seeing the last version that worked. This note goes away once the error is fixed and the file saved."),
            close: said("Hide this note"))
        return LiveEvent.diagnostics(diagnostics, texts: texts)
    }

    /// `english` in the language of the build's messages.
    func said(_ english: String) -> String {
        MessageCatalogue.german.translate(english, to: state.withLock { $0.language })
    }
}

/// A single `Range: bytes=…` request (RFC 9110, 14.2). Several ranges, other units and
/// malformed headers are ignored (the whole file is sent), as the RFC allows.
enum ByteRange: Equatable {
    case ignore
    case unsatisfiable
    case range(Int, Int)

    static func parse(_ header: String, size: Int) -> ByteRange {
        let h = header.trimmingSpaces
        guard h.lowercased().hasPrefix("bytes=") else { return .ignore }
        let spec = h.dropFirst(6).trimmingSpaces
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .ignore }
        let first = spec[..<dash].trimmingSpaces
        let last = spec[spec.index(after: dash)...].trimmingSpaces
        if first.isEmpty {
            guard let n = Int(last), n >= 0, last.allSatisfy(\.isASCIIDigit) else { return .ignore }
            if n == 0 || size == 0 { return .unsatisfiable }
            return .range(max(0, size - n), size - 1)
        }
        guard let lo = Int(first), lo >= 0, first.allSatisfy(\.isASCIIDigit) else { return .ignore }
        var hi = size - 1
        if !last.isEmpty {
            guard let h = Int(last), last.allSatisfy(\.isASCIIDigit) else { return .ignore }
            if h < lo { return .ignore }
            hi = min(h, size - 1)
        }
        if lo >= size { return .unsatisfiable }
        return .range(lo, hi)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}

func queryValue(_ query: String?, _ name: String) -> String? {
    guard let query else { return nil }
    for pair in query.split(separator: "&") {
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.first == Substring(name) { return parts.count > 1 ? String(parts[1]) : "" }
    }
    return nil
}
