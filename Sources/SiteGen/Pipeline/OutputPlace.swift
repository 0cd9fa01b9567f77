#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the output may go. A build replaces its output folder whole, so an output that is the
/// content or templates folder, or holds one of them (`.`, `..`), would replace the editors'
/// files with the site; an output inside one of them would be read back as content next time.
extension SiteLocation {
    /// Why the output cannot go where it is asked to, or nil.
    public func outputProblem(_ disk: any FileSystem) -> String? {
        if disk.fileExists(self.output), !disk.isDirectory(self.output) {
            return "the output '\(self.output)' is a file, not a folder; remove it or choose another folder with --output, e.g. public"
        }
        let output = Self.canonical(output)
        // The folder's kind as a whole phrase ("content folder"), so that it has its translation.
        for (name, kind, folder) in [("content", "content folder", content), ("templates", "templates folder", templates)] {
            let other = Self.canonical(folder)
            if output == other {
                return "the output folder is the \(kind) '\(folder)'; a build replaces its output whole. Choose another folder with --output, e.g. public"
            }
            if other.hasPrefix(output == "/" ? "/" : output + "/") {
                return "the output folder holds the \(kind) '\(folder)'; a build replaces its output whole. Choose a folder of its own with --output, e.g. public"
            }
            if output.hasPrefix(other == "/" ? "/" : other + "/") {
                return "the output folder lies inside the \(kind) '\(folder)', so the next build would read the site as \(name). Choose a folder outside it with --output, e.g. public"
            }
        }
        return nil
    }

    /// Why an existing output folder is not replaced without `--force`: it holds files, and no
    /// store of an earlier build lies beside it. An `index.html` in it says nothing: it may be any
    /// site, or a folder of documents that has one (`--output Dokumente`).
    public func foreignOutputProblem(_ disk: any FileSystem) -> String? {
        guard disk.isDirectory(output) else { return nil }
        let store = BuildStore.path(forOutput: output)
        if disk.fileExists(store) { return nil }
        guard let entry = disk.entries(of: output)?.min() else { return nil }
        let storeName = store.pathParts.last.map(String.init) ?? store
        return "the output folder '\(output)' holds files ('\(entry)' …), but nothing shows that sitegen built it (the file '\(storeName)' beside it is missing); a build replaces its output whole. Choose a new or empty folder with --output, or pass --force to replace it"
    }

    /// The absolute path without `.`, `..` or symbolic links, also when its last parts do not exist yet.
    static func canonical(_ path: String) -> String {
        var absolute = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let cwd = getcwd(&buffer, buffer.count).map { _ in String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) } ?? "/"
            absolute = cwd + "/" + path
        }
        var parts: [Substring] = []
        for part in absolute.pathParts where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        // Resolve symbolic links in the longest part that exists; the rest is appended as written.
        var existing = parts.count
        while existing > 0 {
            let prefix = "/" + parts[..<existing].joined(separator: "/")
            if let resolved = realpath(prefix, nil) {
                defer { free(resolved) }
                let real = String(cString: resolved)
                let rest = parts[existing...].joined(separator: "/")
                return rest.isEmpty ? real : (real == "/" ? "/" : real + "/") + rest
            }
            existing -= 1
        }
        return "/" + parts.joined(separator: "/")
    }
}
