#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import SiteGenServe

/// A response as bytes on the wire showed it.
struct HTTPReply: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}

/// A tiny HTTP/1.1 client over a plain socket: it sends exactly the bytes a test wants
/// (`..`, `%2e%2e`, backslashes, overlong lines) that URLSession would normalise away.
enum RawHTTP {
    static func connect(port: Int, timeout: Double = 15) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket: \(errno)") }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let r = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard r == 0 else {
            let e = errno
            close(fd)
            throw TestFailure("connect to port \(port): errno \(e)")
        }
        return fd
    }

    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { throw TestFailure("send failed: errno \(errno)") }
            sent += n
        }
    }

    static func requestText(method: String, target: String, headers: [String: String]) -> String {
        var text = "\(method) \(target) HTTP/1.1\r\n" + (headers["Host"] == nil ? "Host: 127.0.0.1\r\n" : "") + "Connection: close\r\n"
        for (k, v) in headers.sorted(by: { $0.key < $1.key }) { text += "\(k): \(v)\r\n" }
        return text + "\r\n"
    }

    static func request(port: Int, method: String = "GET", target: String, headers: [String: String] = [:]) throws -> HTTPReply {
        let fd = try connect(port: port)
        defer { close(fd) }
        try sendAll(fd, Array(requestText(method: method, target: target, headers: headers).utf8))
        return try readReply(fd, head: method == "HEAD")
    }

    /// Reads one response: headers, then a body framed by Content-Length, chunks or the close.
    static func readReply(_ fd: Int32, head: Bool) throws -> HTTPReply {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        func fill() throws -> Bool {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n < 0 { throw TestFailure("recv failed: errno \(errno)") }
            if n == 0 { return false }
            buffer += chunk[0..<n]
            return true
        }
        var headerEnd: Int?
        while headerEnd == nil {
            if let r = find(buffer, Array("\r\n\r\n".utf8)) { headerEnd = r; break }
            guard try fill() else { throw TestFailure("connection closed before the headers ended (\(buffer.count) bytes)") }
        }
        let headText = String(decoding: buffer[0..<headerEnd!], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw TestFailure("bad status line: \(headText)") }
        let headers: [(String, String)] = lines.compactMap { line in
            guard let c = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<c]), line[line.index(after: c)...].trimmingCharacters(in: .whitespaces))
        }
        var reply = HTTPReply(status: status, headers: headers, body: [])
        var rest = Array(buffer[(headerEnd! + 4)...])
        if head || status == 304 || status == 204 || (100..<200).contains(status) { return reply }
        if let length = reply.header("Content-Length").flatMap({ Int($0) }) {
            while rest.count < length {
                let n = recv(fd, &chunk, chunk.count, 0)
                if n <= 0 { throw TestFailure("body ended after \(rest.count) of \(length) bytes") }
                rest += chunk[0..<n]
            }
            reply.body = Array(rest[0..<length])
        } else if reply.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            var decoder = ChunkDecoder()
            decoder.feed(rest)
            while !decoder.finished {
                let n = recv(fd, &chunk, chunk.count, 0)
                if n <= 0 { break }
                decoder.feed(Array(chunk[0..<n]))
            }
            reply.body = decoder.output
        } else {
            while true {
                let n = recv(fd, &chunk, chunk.count, 0)
                if n <= 0 { break }
                rest += chunk[0..<n]
            }
            reply.body = rest
        }
        return reply
    }

    static func find(_ haystack: [UInt8], _ needle: [UInt8], from: Int = 0) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = from
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}

/// Decodes `Transfer-Encoding: chunked` incrementally.
struct ChunkDecoder {
    private var pending: [UInt8] = []
    private(set) var output: [UInt8] = []
    private(set) var finished = false

    mutating func feed(_ bytes: [UInt8]) {
        pending += bytes
        while !finished {
            guard let lineEnd = RawHTTP.find(pending, [13, 10]) else { return }
            let sizeText = String(decoding: pending[0..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { finished = true; return }
            if size == 0 { finished = true; return }
            guard pending.count >= lineEnd + 2 + size + 2 else { return }
            output += pending[(lineEnd + 2)..<(lineEnd + 2 + size)]
            pending.removeFirst(lineEnd + 2 + size + 2)
        }
    }

    mutating func take() -> [UInt8] {
        defer { output.removeAll() }
        return output
    }
}

struct SSEEvent: Sendable {
    var name: String
    var data: String
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] ?? [:]
    }
}

/// A live-reload listener, as the browser's EventSource would be.
final class SSEClient: @unchecked Sendable {
    let fd: Int32
    private var decoder = ChunkDecoder()
    private var text: [UInt8] = []
    private(set) var closedByServer = false
    let status: Int
    let contentType: String?

    init(port: Int, build: String?) throws {
        fd = try RawHTTP.connect(port: port)
        let target = "/_sitegen/events" + (build.map { "?build=\($0)" } ?? "")
        try RawHTTP.sendAll(fd, Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".utf8))
        // Headers.
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while RawHTTP.find(buffer, Array("\r\n\r\n".utf8)) == nil {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { throw TestFailure("event stream closed before its headers") }
            buffer += chunk[0..<n]
        }
        let end = RawHTTP.find(buffer, Array("\r\n\r\n".utf8))!
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        status = Int(head.split(separator: " ")[1]) ?? 0
        contentType = head.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("content-type:") }
            .map { String($0.dropFirst("content-type:".count)).trimmingCharacters(in: .whitespaces) }
        decoder.feed(Array(buffer[(end + 4)...]))
        text += decoder.take()
    }

    deinit { close(fd) }

    /// The next event (comments and `retry:` skipped), or nil when the server ended the stream.
    func next(timeout: Double) throws -> SSEEvent? {
        let deadline = monotonicSeconds() + timeout
        while true {
            if let r = RawHTTP.find(text, [10, 10]) {
                let block = String(decoding: text[0..<r], as: UTF8.self)
                text.removeFirst(r + 2)
                var name = "message"
                var data: [String] = []
                for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                    if line.hasPrefix("event:") { name = line.dropFirst(6).trimmingCharacters(in: .whitespaces) }
                    if line.hasPrefix("data:") { data.append(line.dropFirst(5).trimmingCharacters(in: .whitespaces)) }
                }
                if data.isEmpty && name == "message" { continue }  // comment or retry
                return SSEEvent(name: name, data: data.joined(separator: "\n"))
            }
            if decoder.finished || closedByServer { return nil }
            let left = deadline - monotonicSeconds()
            if left <= 0 { throw TestFailure("no event within \(timeout) s") }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32(left * 1000) + 1)
            if ready <= 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 8192)
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { closedByServer = true; continue }
            decoder.feed(Array(chunk[0..<n]))
            text += decoder.take()
        }
    }

    /// Skips events until one named `name` arrives.
    func waitFor(_ name: String, timeout: Double) throws -> SSEEvent {
        let deadline = monotonicSeconds() + timeout
        while true {
            let left = deadline - monotonicSeconds()
            guard left > 0 else { throw TestFailure("no '\(name)' event within \(timeout) s") }
            guard let event = try next(timeout: left) else { throw TestFailure("stream ended while waiting for '\(name)'") }
            if event.name == name { return event }
        }
    }

    /// True when the server ends the stream within `timeout`.
    func waitForEnd(timeout: Double) -> Bool {
        let deadline = monotonicSeconds() + timeout
        while monotonicSeconds() < deadline {
            do {
                if try next(timeout: max(0.01, deadline - monotonicSeconds())) == nil { return true }
            } catch { return false }
        }
        return false
    }
}
