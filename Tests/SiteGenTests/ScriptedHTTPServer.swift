import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests of code that asks other sites: each path answers
/// as scripted (a status per method, an optional delay), and every request is counted.
/// One thread per connection; each connection answers one request and closes.
final class ScriptedHTTPServer: @unchecked Sendable {
    struct Answer: Sendable {
        /// Status per method; a method not listed gets `other`.
        var status: [String: Int] = [:]
        var other = 200
        var location: String? = nil
        /// Seconds to wait before answering (for time-outs).
        var delay: Double = 0
    }

    private let socket: Int32
    let port: Int
    private let lock = NSLock()
    private var script: [String: Answer]
    private var requests: [String] = []
    private var open = 0
    private(set) var mostAtOnce = 0
    private var stopped = false
    private let acceptLoopEnded = DispatchSemaphore(value: 0)

    init(_ script: [String: Answer]) throws {
        self.script = script
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.socket = socket
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socket, 64) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        guard port > 0 else { throw POSIXError(.EADDRNOTAVAIL) }
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// "METHOD /path" of every request, in the order they came.
    var received: [String] { lock.withLock { requests } }

    /// Stops accepting. The socket is closed only after the accept loop has ended: a closed
    /// number can be reused at once by the next server, and the loop would accept its connections.
    func stop() {
        guard lock.withLock({ () -> Bool in
            defer { stopped = true }
            return !stopped
        }) else { return }
        shutdown(socket, Int32(SHUT_RDWR))
        acceptLoopEnded.wait()
        close(socket)
    }

    private func acceptLoop() {
        while true {
            let client = accept(socket, nil, nil)
            if client < 0 {
                if lock.withLock({ stopped }) {
                    acceptLoopEnded.signal()
                    return
                }
                continue
            }
            Thread.detachNewThread { [self] in serve(client) }
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var head = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !head.ends(with: Array("\r\n\r\n".utf8)) {
            let n = read(client, &buffer, buffer.count)
            if n <= 0 { return }
            head += buffer[0..<n]
        }
        let requestLine = String(decoding: head, as: UTF8.self).split(separator: "\r\n").first ?? ""
        let parts = requestLine.split(separator: " ")
        guard parts.count >= 2 else { return }
        let method = String(parts[0]), path = String(parts[1])
        let answer: Answer = lock.withLock {
            requests.append("\(method) \(path)")
            open += 1
            mostAtOnce = max(mostAtOnce, open)
            return script[path] ?? Answer(other: 404)
        }
        if answer.delay > 0 { Thread.sleep(forTimeInterval: answer.delay) }
        // No longer open once the answer is made: the client may ask its next question as soon as
        // it reads this one, before this thread would count down after writing (then three seemed
        // open at once for a client that never has more than two).
        lock.withLock { open -= 1 }
        let status = answer.status[method] ?? answer.other
        let body = method == "HEAD" ? "" : "status \(status)\n"
        var response = "HTTP/1.1 \(status) Scripted\r\nContent-Length: \(method == "HEAD" ? 0 : body.utf8.count)\r\nConnection: close\r\n"
        if let location = answer.location { response += "Location: \(location)\r\n" }
        response += "\r\n" + body
        let bytes = Array(response.utf8)
        _ = bytes.withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}
