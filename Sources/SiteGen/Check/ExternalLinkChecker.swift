import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A link to another site, with where it was written.
public struct ExternalLink: Sendable, Hashable {
    public var url: String
    public var file: String
    public var line: Int?
}

/// `sitegen check --external`: asks each external address once (HEAD, then GET when HEAD is refused),
/// with a short time-out and a bounded number of requests at a time.
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
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        let session = URLSession(configuration: configuration)
        var results: [String: String?] = [:]
        await withTaskGroup(of: (String, String?).self) { group in
            var index = 0
            func addNext() {
                guard index < urls.count else { return }
                let url = urls[index]
                index += 1
                group.addTask { (url, await problem(with: url, session: session)) }
            }
            for _ in 0..<min(parallel, urls.count) { addNext() }
            for await (url, problem) in group {
                results[url] = problem
                addNext()
            }
        }
        var diagnostics: [Diagnostic] = []
        for url in urls {
            guard let problem = results[url] ?? nil else { continue }
            for place in byURL[url] ?? [] {
                diagnostics.append(.warning(place.file, line: place.line, "external link '\(url)' \(problem)"))
            }
        }
        return diagnostics
    }

    /// nil when the address answers with a success or a redirect.
    private func problem(with address: String, session: URLSession) async -> String? {
        guard let url = URL(string: address) else { return "is not a valid address" }
        for method in ["HEAD", "GET"] {
            var request = URLRequest(url: url)
            request.httpMethod = method
            request.setValue("sitegen-link-check", forHTTPHeaderField: "User-Agent")
            do {
                let (_, response) = try await session.data(for: request)
                guard let http = response as? HTTPURLResponse else { return nil }
                if (200..<400).contains(http.statusCode) { return nil }
                if method == "HEAD" && [403, 405, 501].contains(http.statusCode) { continue }
                return "answered HTTP \(http.statusCode)"
            } catch {
                return "could not be reached (\(error.localizedDescription))"
            }
        }
        return "could not be checked"
    }
}
