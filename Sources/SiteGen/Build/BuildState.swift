#if canImport(Glibc)
import Glibc
#endif

/// What the last successful build into an output folder was made from, kept beside the output
/// (`.public.sitegen-state`), so a build whose inputs did not change can stop after reading them.
struct BuildState: Equatable {
    var fingerprint: UInt64
    var pages: Int
    var files: Int

    static func path(forOutput output: String) -> String {
        let trimmed = output.hasSuffix("/") ? String(output.dropLast()) : output
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        let parent = parts.dropLast().joined(separator: "/")
        let name = parts.last.map(String.init) ?? "public"
        return (parent.isEmpty ? (trimmed.hasPrefix("/") ? "" : ".") : parent) + "/.\(name).sitegen-state"
    }

    static func read(_ path: String) -> BuildState? {
        guard let bytes = try? LocalFileSystem().readFile(path) else { return nil }
        let fields = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count == 3, let f = UInt64(fields[0]), let p = Int(fields[1]), let n = Int(fields[2]) else { return nil }
        return BuildState(fingerprint: f, pages: p, files: n)
    }

    func save(_ path: String) {
        let text = "\(fingerprint) \(pages) \(files)\n"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = text.withCString { write(fd, $0, strlen($0)) }
    }

    static func remove(_ path: String) { unlink(path) }
}

extension Builder {
    /// Everything the output depends on: every content file's bytes, the templates and theme,
    /// the options, what "now" decides (published posts, upcoming events) and this program itself.
    func fingerprint(_ loaded: LoadedContent, _ site: Site, _ templates: TemplateSet) -> UInt64 {
        var h = fnv1a(Array("sitegen-state-1".utf8))
        func mix(_ s: String) { h = fnv1a(Array(s.utf8) + [0], seed: h) }
        mix(String(loaded.configHash))
        mix(String(templates.hash))
        for doc in loaded.documents { mix(doc.source.path); mix(String(doc.hash)) }
        for asset in site.assets {
            mix(asset.path)
            if let bytes = try? fileSystem.readFile(location.content + "/" + asset.path) { h = fnv1a(bytes, seed: h) }
        }
        mix("\(options.drafts) \(options.future) \(options.preview) \(options.baseURL ?? "") \(location.content) \(location.templates)")
        for p in site.posts { mix(p.source.path) }
        for e in site.upcomingEvents { mix(e.source.path) }
        mix(Self.programIdentity)
        return h
    }

    /// Size and modification time of the running program: a rebuilt sitegen never reuses old output.
    static let programIdentity: String = {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return "unknown" }
        return "\(st.st_size)-\(st.st_mtim.tv_sec)-\(st.st_mtim.tv_nsec)"
    }()
}
