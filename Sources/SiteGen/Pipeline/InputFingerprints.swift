#if canImport(Glibc)
import Glibc
#endif

extension Builder {
    /// Everything the output depends on: every content file's bytes, the templates and theme,
    /// the options, what "now" decides (published posts, upcoming events) and this program itself.
    func fingerprint(_ content: UInt64, _ templates: TemplateSet) -> UInt64 {
        var h = ContentHash.of("sitegen-state-2")
        func mix(_ s: String) { h = ContentHash.mix(h, text: s) }
        mix(String(content))
        mix(String(templates.hash))
        mix("\(options.drafts) \(options.future) \(options.preview) \(options.baseURL ?? "") \(location.content) \(location.templates)")
        mix(Self.programIdentity)
        return h
    }

    /// The content's part of `fingerprint`: site.yml, every document's bytes, the assets, and
    /// which posts and events "now" makes published and upcoming.
    func contentFingerprint(_ loaded: LoadedContent, _ site: Site) -> UInt64 {
        var h = ContentHash.of("sitegen-content-2")
        func mix(_ s: String) { h = ContentHash.mix(h, text: s) }
        mix(String(loaded.configHash))
        // By index: a `for` loop copied each whole document (and post) for a field or two.
        let documents = loaded.documents
        for i in documents.indices { mix(documents[i].source.path); mix(String(documents[i].hash)) }
        for asset in site.assets {
            mix(asset.path)
            if let bytes = try? fileSystem.readFile(location.content + "/" + asset.path) { h = ContentHash.mix(h, bytes.withUnsafeBytes { ContentHash.wide($0) }) }
        }
        for i in site.posts.indices { mix(site.posts[i].source.path) }
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
        let documents = loaded.documents
        for i in documents.indices { h = ContentHash.mix(ContentHash.mix(h, ContentHash.of(documents[i].source.path)), documents[i].frontMatterHash) }
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
