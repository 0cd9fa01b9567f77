/// Addresses of other sites that name no site: `https://` alone (a form left unfilled, as in
/// `registration: "https://"`), `https://https://…` (pasted behind a typed `https://`) or
/// `https://anmeldung/` (a host without a domain, from the city's intranet).
/// Browsers go nowhere with them, and `check --external` is seldom run; so the build says so.
extension PageLinkCheck {
    enum HostProblem: Equatable {
        case noSite
        /// A host without a dot (`https://anmeldung/`): a name on the city's network at most.
        case noDomain(String)
        /// The scheme written twice, and the address meant.
        case twice(scheme: String, meant: String)

        /// The message about `href`; `origin` says the templates write it (or is empty).
        func message(_ href: String, origin: String) -> String {
            switch self {
            case .noSite: "link to '\(href)' names no website\(origin); write the whole address, e.g. https://www.dortmund.de/"
            case .twice(let scheme, let meant): "link to '\(href)' has its '\(scheme)' twice\(origin); write '\(meant)'"
            case .noDomain(let host): "link to '\(href)' names no website on the internet\(origin) ('\(host)' has no domain such as .de, so visitors cannot reach it); write the whole address, e.g. https://www.dortmund.de/"
            }
        }
    }

    /// What is wrong with the host of a web address; nil when it names one (or is no web address).
    static func hostProblem(_ href: String) -> HostProblem? {
        namesPlainHost(href) ? nil : hostProblemOfAnyAddress(href)
    }

    /// `hostProblem` read Character by Character, for any address.
    static func hostProblemOfAnyAddress(_ href: String) -> HostProblem? {
        let lower = href.lowercased()
        guard let scheme = ["https://", "http://", "//"].first(where: { lower.hasPrefix($0) }) else { return nil }
        let rest = href.dropFirst(scheme.count)
        if let again = ["https://", "http://", "https:/", "http:/"].first(where: { rest.lowercased().hasPrefix($0) }) {
            return .twice(scheme: String(href.prefix(scheme.count)), meant: String(href.prefix(scheme.count) + rest.dropFirst(again.count)))
        }
        var host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.lastIndex(of: ":"), host[host.index(after: colon)...].allSatisfy(\.isNumber) { host = host[..<colon] }
        guard host.contains(where: { $0.isLetter || $0.isNumber }) else { return .noSite }
        return host.contains(".") || host.hasPrefix("[") || host.hasPrefix("%5B") ? nil : .noDomain(String(host))  // IPv6, as cmark encodes it too
    }

    /// Whether `href` is `https://`, `http://` or `//` (in small letters) and then a host of
    /// small ASCII letters, digits, hyphens and dots, with a dot and not starting with `http`:
    /// the usual address, which names a site. Read as bytes, without making Characters.
    static func namesPlainHost(_ href: String) -> Bool {
        var bytes = href.utf8[...]
        guard let scheme = ["https://", "http://", "//"].first(where: { bytes.starts(with: $0.utf8) }) else { return false }
        bytes = bytes.dropFirst(scheme.utf8.count)
        if bytes.starts(with: "http".utf8) { return false }
        var dot = false, letterOrDigit = false
        for b in bytes {
            switch b {
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"): return dot && letterOrDigit
            case UInt8(ascii: "."): dot = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): letterOrDigit = true
            case UInt8(ascii: "-"): continue
            default: return false
            }
        }
        return dot && letterOrDigit
    }
}
