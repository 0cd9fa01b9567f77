#if canImport(Glibc)
import Glibc
#endif

/// What the last successful build into an output folder was made from, kept beside the output
/// (`.public.sitegen-state`), so a build whose inputs did not change can stop early:
/// - `stamp` covers every input file's path, size, modification time and inode: when it is the
///   same, the build stops after listing the folders, without reading a file;
/// - `fingerprint` covers the inputs' bytes: when the stamp differs (a file was touched) but the
///   bytes are the same, the build stops after loading.
/// The warnings of that build are kept too and shown again, so a quick build says what a full one would.
struct BuildState: Equatable {
    static let version = "sitegen-state 3"
    var fingerprint: UInt64
    var stamp: UInt64 = 0
    var pages: Int
    var files: Int
    var warnings: [Diagnostic] = []
    /// The output depends on "now" only through which posts are published and which events are
    /// still upcoming: it stays the same for any now in [validFrom, validUntil) (epoch seconds).
    var validFrom: Int64 = .min
    var validUntil: Int64 = .max

    static func path(forOutput output: String) -> String {
        let trimmed = output.hasSuffix("/") ? String(output.dropLast()) : output
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        let parent = parts.dropLast().joined(separator: "/")
        let name = parts.last.map(String.init) ?? "public"
        return (parent.isEmpty ? (trimmed.hasPrefix("/") ? "" : ".") : parent) + "/.\(name).sitegen-state"
    }

    static func read(_ path: String) -> BuildState? {
        guard let bytes = try? LocalFileSystem().readFile(path) else { return nil }
        return parse(String(decoding: bytes, as: UTF8.self))
    }

    static func parse(_ text: String) -> BuildState? {
        // Split by bytes: a big site's state has hundreds of warnings.
        let lines = text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { Substring($0) }
        guard lines.first == Substring(version) else { return nil }
        var values: [Substring: Substring] = [:]
        var warnings: [Diagnostic] = []
        for line in lines.dropFirst() where !line.isEmpty {
            let fields = line.utf8.split(separator: 9, omittingEmptySubsequences: false).map { Substring($0) }
            if fields.count == 2 {
                values[fields[0]] = fields[1]
            } else if fields.count == 5, fields[0] == "warning" {
                warnings.append(.warning(unescape(fields[1]), line: Int(fields[2]), column: Int(fields[3]), unescape(fields[4])))
            } else {
                return nil
            }
        }
        guard let f = values["fingerprint"].flatMap({ UInt64($0) }), let s = values["stamp"].flatMap({ UInt64($0) }),
              let p = values["pages"].flatMap({ Int($0) }), let n = values["files"].flatMap({ Int($0) }),
              let from = values["valid_from"].flatMap({ Int64($0) }), let until = values["valid_until"].flatMap({ Int64($0) })
        else { return nil }
        return BuildState(fingerprint: f, stamp: s, pages: p, files: n, warnings: warnings, validFrom: from, validUntil: until)
    }

    var text: String {
        var lines = [Self.version, "fingerprint\t\(fingerprint)", "stamp\t\(stamp)", "pages\t\(pages)", "files\t\(files)",
                     "valid_from\t\(validFrom)", "valid_until\t\(validUntil)"]
        for w in warnings {
            lines.append(["warning", Self.escape(w.file), w.line.map(String.init) ?? "", w.column.map(String.init) ?? "", Self.escape(w.message)]
                .joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func save(_ path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    static func remove(_ path: String) { unlink(path) }

    private static func escape(_ s: String) -> String {
        // Most messages have nothing to escape (a build with hundreds of warnings saves them all).
        guard s.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A }) else { return s }
        return s.replacingAll("\\", with: "\\\\").replacingAll("\t", with: "\\t").replacingAll("\n", with: "\\n")
    }

    private static func unescape(_ s: Substring) -> String {
        guard s.utf8.contains(0x5C) else { return String(s) }
        var out = ""
        var escaped = false
        for c in s {
            if escaped {
                out.append(c == "t" ? "\t" : c == "n" ? "\n" : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}

extension Builder {
    /// Everything the output depends on: every content file's bytes, the templates and theme,
    /// the options, what "now" decides (published posts, upcoming events) and this program itself.
    func fingerprint(_ content: UInt64, _ templates: TemplateSet) -> UInt64 {
        var h = fnv1a(Array("sitegen-state-1".utf8))
        func mix(_ s: String) { h = fnv1a(Array(s.utf8) + [0], seed: h) }
        mix(String(content))
        mix(String(templates.hash))
        mix("\(options.drafts) \(options.future) \(options.preview) \(options.baseURL ?? "") \(location.content) \(location.templates)")
        mix(Self.programIdentity)
        return h
    }

    /// The content's part of `fingerprint`: site.yml, every document's bytes, the assets, and
    /// which posts and events "now" makes published and upcoming.
    func contentFingerprint(_ loaded: LoadedContent, _ site: Site) -> UInt64 {
        var h = fnv1a(Array("sitegen-content-1".utf8))
        func mix(_ s: String) { h = fnv1a(Array(s.utf8) + [0], seed: h) }
        mix(String(loaded.configHash))
        for doc in loaded.documents { mix(doc.source.path); mix(String(doc.hash)) }
        for asset in site.assets {
            mix(asset.path)
            if let bytes = try? fileSystem.readFile(location.content + "/" + asset.path) { h = ContentHash.mix(h, bytes.withUnsafeBytes { ContentHash.wide($0) }) }
        }
        for p in site.posts { mix(p.source.path) }
        for e in site.upcomingEvents { mix(e.source.path) }
        return h
    }

    /// Everything about the content except the Markdown bodies' texts: site.yml, each document's
    /// path and front matter, the assets' paths and sizes. With the templates, the options and
    /// the span of "now" (see `skeleton`), it decides every page's view apart from the page's own
    /// rendered Markdown.
    func contentSkeleton(_ loaded: LoadedContent, _ site: Site) -> UInt64 {
        var h = ContentHash.of("sitegen-skeleton-1")
        h = ContentHash.mix(h, loaded.configHash)
        for doc in loaded.documents { h = ContentHash.mix(ContentHash.mix(h, ContentHash.of(doc.source.path)), doc.frontMatterHash) }
        for asset in site.assets { h = ContentHash.mix(ContentHash.mix(h, ContentHash.of(asset.path)), UInt64(asset.size)) }
        return ContentHash.mix(h, UInt64(bitPattern: Int64(site.strategyPDFSize ?? -1)))
    }

    /// The content skeleton with the templates, the options, this program and the span of "now"
    /// in which the site stays the same.
    func skeleton(_ content: UInt64, _ templates: TemplateSet, validity: (from: Int64, until: Int64)) -> UInt64 {
        var h = ContentHash.mix(content, templates.hash)
        h = ContentHash.mix(h, ContentHash.of("\(options.drafts) \(options.future) \(options.preview) \(options.baseURL ?? "") \(Self.programIdentity)"))
        return ContentHash.mix(ContentHash.mix(h, UInt64(bitPattern: validity.from)), UInt64(bitPattern: validity.until))
    }

    /// Every input file's path, size, modification time and inode, the options and this program:
    /// equal stamps mean no file was written since the last build. Costs a listing, no reads.
    func inputStamp() -> UInt64? { inputListing().map(inputStamp) }

    func inputStamp(_ listing: [(root: String, files: [FileEntry])]) -> UInt64 {
        var h = ContentHash.of("sitegen-stamp-2")
        for (root, files) in listing {
            h = ContentHash.mix(h, ContentHash.of(root))
            for f in files {
                h = ContentHash.mix(ContentHash.mix(ContentHash.mix(h, ContentHash.of(f.relativePath)), UInt64(f.size)), f.stamp)
            }
        }
        h = ContentHash.mix(h, ContentHash.of(optionsKey))
        return ContentHash.mix(h, ContentHash.of(Self.programIdentity))
    }

    /// The files of the content and templates folders (nil when one cannot be listed completely).
    func inputListing() -> [(root: String, files: [FileEntry])]? {
        var listing: [(root: String, files: [FileEntry])] = []
        for root in [location.content, location.templates] {
            guard let result = try? fileSystem.listFiles(under: root), result.problems.isEmpty else { return nil }
            listing.append((root, result.files))
        }
        return listing
    }

    /// The options that change the output.
    var optionsKey: String { "\(options.drafts) \(options.future) \(options.preview) \(options.baseURL ?? "")" }

    /// The span of "now" around `options.now` in which the site stays the same: between the
    /// last post date or event end at or before now and the first one after it.
    static func validity(_ site: Site) -> (from: Int64, until: Int64) {
        let now = site.options.now.epochSeconds
        var from = Int64.min, until = Int64.max
        for t in site.timeBoundaries {
            if t <= now { from = max(from, t) } else { until = min(until, t) }
        }
        return (from, until)
    }

    /// Size and modification time of the running program: a rebuilt sitegen never reuses old output.
    static let programIdentity: String = {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return "unknown" }
        return "\(st.st_size)-\(st.st_mtim.tv_sec)-\(st.st_mtim.tv_nsec)"
    }()
}
