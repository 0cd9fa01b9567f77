/// Whether the folder given as the content folder (`--source`) is one: a folder inside it
/// (`content/posts`) or the site's folder around it made every file a stray, one warning each
/// (24 for `content/posts`), and never said what was wrong. Now one message names the folder to pass.
struct ContentRootCheck {
    let fileSystem: any FileSystem
    /// The folder as read (`content/posts`) and as named in messages.
    let root: String
    let displayRoot: String

    /// How far up a folder inside the content folder is looked for (`content/posts/2026` is two down).
    static let levelsUp = 3

    /// One error when the folder holds no site.yml and no page where pages live; nil when it is
    /// a content folder (maybe without site.yml, which its own message says).
    func wrongRoot(_ listing: [FileEntry], documentsFound: Bool) -> Diagnostic? {
        guard !documentsFound, !listing.contains(where: { $0.relativePath == "site.yml" }) else { return nil }
        let inner = listing.first { $0.relativePath.pathParts.count == 2 && $0.relativePath.hasSuffix("/site.yml") }
        let message = misplacedMessage(innerFolder: inner.map { String($0.relativePath.dropLast("/site.yml".count)) })
            ?? "'\(displayRoot)' is no content folder: it holds no site.yml and none of the folders fields, posts, events, projects, pages; run sitegen in the site's folder or pass --source DIR"
        return .error(displayRoot, message)
    }

    /// For `sitegen new`: the message when the folder lies inside the content folder or holds it
    /// (a new post went to content/posts/posts/2026/, or beside content/, never published).
    func misplacedForNewFile() -> String? {
        guard !fileSystem.fileExists(root + "/site.yml") else { return nil }
        let inner = (fileSystem.entries(of: root) ?? []).sorted().first { fileSystem.fileExists(root + "/" + $0 + "/site.yml") }
        return misplacedMessage(innerFolder: inner)
    }

    /// A folder inside the content folder (one above holds site.yml), or the site's folder
    /// (`innerFolder`, below it, does): what to pass instead.
    private func misplacedMessage(innerFolder: String?) -> String? {
        if let (_, shown) = Self.ancestors(root, displayRoot).first(where: { fileSystem.fileExists(($0.path == "/" ? "" : $0.path) + "/site.yml") }) {
            return "'\(displayRoot)' is a folder inside the content folder; pass the content folder itself: --source \(shown)"
        }
        if let folder = innerFolder {
            let shown = displayRoot.isEmpty || displayRoot == "." ? folder : displayRoot + "/" + folder
            return "'\(displayRoot)' is the site's folder, not its content folder; pass --source \(shown)"
        }
        return nil
    }

    /// The folders above `root`, nearest first, each as read and as shown; only as far as the
    /// paths name folders (`posts` has `.` above it, `..` nothing that can be named).
    static func ancestors(_ root: String, _ display: String) -> [(path: String, shown: String)] {
        var path = trimmed(root), shown = trimmed(display)
        var result: [(path: String, shown: String)] = []
        for _ in 0..<levelsUp {
            guard let up = parent(path), let upShown = parent(shown) else { break }
            (path, shown) = (up, upShown)
            result.append((path, shown))
        }
        return result
    }

    private static func trimmed(_ path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }

    /// `content` for `content/posts`, `.` for `posts`, `/` for `/c`; nil for `.`, `..`, `/` and `a/..`.
    static func parent(_ path: String) -> String? {
        guard let last = path.pathParts.last, last != ".", last != "..", !path.isEmpty, path != "/" else { return nil }
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
