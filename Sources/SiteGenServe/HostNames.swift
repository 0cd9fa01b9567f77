/// Which names in a request's Host header mean this computer.
///
/// While the preview listens on this computer only, it answers only requests that name this
/// computer: a web page the editor visits could otherwise point a name of its own at 127.0.0.1
/// (DNS rebinding) and read the preview, drafts and future posts included, as its own site.
/// The browser sends that page's name as Host, so it is told apart here.
enum HostNames {
    /// True for `localhost` and names below it, 127.x.x.x and `[::1]`, with or without a port.
    static func isThisComputer(_ header: String) -> Bool {
        var name = withoutPort(header.lowercased())
        if name.hasSuffix(".") { name.removeLast() }  // "localhost." is the same name
        return name == "localhost" || name.hasSuffix(".localhost") || name == "[::1]" || isLoopbackIPv4(name)
    }

    /// Whether an address to listen on (`--host`) reaches this computer only.
    static func isLocalOnly(_ host: String) -> Bool {
        host == "::1" || isThisComputer(host)
    }

    /// `localhost:8080` → `localhost`, `[::1]:8080` → `[::1]`.
    private static func withoutPort(_ header: String) -> String {
        if header.hasPrefix("[") {
            guard let close = header.firstIndex(of: "]") else { return header }
            return String(header[...close])
        }
        guard let colon = header.firstIndex(of: ":") else { return header }
        return String(header[..<colon])
    }

    /// Four decimal numbers up to 255, the first 127.
    private static func isLoopbackIPv4(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCIIDigit) && Int(part)! <= 255
        }
    }
}
