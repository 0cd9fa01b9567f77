import CLinkCheck
import Dispatch
import Foundation

/// A link to another site, with where it was written.
public struct ExternalLink: Sendable, Hashable {
    public var url: String
    public var file: String
    public var line: Int?
}

/// `sitegen check --external`: asks each external address once (HEAD, then GET when HEAD is refused),
/// with a short time-out and a bounded number of requests at a time.
///
/// The requests go through the system's libcurl, loaded when the first one is made
/// (`CLinkCheck`): through URLSession, FoundationNetworking and libcurl's thirty libraries were
/// loaded at the start of every command, a noticeable part of a small rebuild.
public struct ExternalLinkChecker: Sendable {
    public var timeout: TimeInterval
    public var parallel: Int

    public init(timeout: TimeInterval = 5, parallel: Int = 8) {
        self.timeout = timeout
        self.parallel = max(1, parallel)
    }

    public func check(_ links: [ExternalLink]) async -> [Diagnostic] {
        var byURL: [String: [ExternalLink]] = [:]
        for link in links { byURL[link.url, default: []].append(link) }
        let urls = byURL.keys.sorted()
        let checker = self
        let found = await withCheckedContinuation { (continuation: CheckedContinuation<[String?], Never>) in
            // Requests block while they wait for an answer: on threads of their own, not Swift's pool.
            DispatchQueue.global().async { continuation.resume(returning: checker.problems(with: urls)) }
        }
        var diagnostics: [Diagnostic] = []
        for (url, problem) in zip(urls, found) {
            guard let problem else { continue }
            for place in byURL[url] ?? [] {
                diagnostics.append(.warning(place.file, line: place.line, "external link '\(url)' \(problem)"))
            }
        }
        return diagnostics
    }

    /// Each address's problem (nil when fine), at most `parallel` requests at a time.
    private func problems(with urls: [String]) -> [String?] {
        let results = ResultList(count: urls.count)
        let slots = DispatchSemaphore(value: parallel)
        let group = DispatchGroup()
        let queue = DispatchQueue(label: "sitegen.external-links", attributes: .concurrent)
        for (i, url) in urls.enumerated() {
            slots.wait()
            queue.async(group: group) {
                results.set(i, problem(with: url))
                slots.signal()
            }
        }
        group.wait()
        return results.values
    }

    /// nil when the address answers with a success or a redirect.
    private func problem(with address: String) -> String? {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme) else {
            return "is not a valid address"
        }
        for head in [true, false] {
            var status = 0
            var message = [CChar](repeating: 0, count: 512)
            let code = sitegen_http_status(address, head ? 1 : 0, Int(timeout * 1000), "sitegen-link-check", &status, &message, message.count)
            guard code == 0 else {
                let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                return code < 0 ? "could not be checked (\(text))" : "could not be reached (\(text))"
            }
            if (200..<400).contains(status) { return nil }
            if head && [403, 405, 501].contains(status) { continue }
            return "answered HTTP \(status)"
        }
        return "could not be checked"
    }
}

/// One slot per address, filled from several threads.
private final class ResultList: @unchecked Sendable {  // guarded by `lock`
    private let lock = NSLock()
    private var list: [String?]
    init(count: Int) { list = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: String?) { lock.withLock { list[i] = value } }
    var values: [String?] { lock.withLock { list } }
}
