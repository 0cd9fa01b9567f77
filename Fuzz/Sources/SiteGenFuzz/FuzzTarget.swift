import SiteGen

/// libFuzzer entry point. The first byte picks what to exercise; the rest is the input:
/// 0: a whole Markdown file through load and model (front matter split, YAML, typed decoding,
///    validation); 1: slug making; 2: Markdown rendering with link rewriting against a small site;
/// 3: site.yml.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let mode = data[0] % 4
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch mode {
    case 0: FuzzHarness.model(post: bytes)
    case 1: _ = Slug.make(String(decoding: bytes, as: UTF8.self))
    case 2: FuzzHarness.markdown(bytes)
    default: FuzzHarness.siteConfig(bytes)
    }
    return 0
}

enum FuzzHarness {
    static let siteYAML = "title: Fuzz\nbase_url: https://example.org/\n"
    static let field = "---\ntitle: Daten\norder: 1\n---\nText\n"
    static let now = DateTime.parse("2026-11-26T12:00:00+01:00")!

    static func loadAndModel(_ fs: MemoryFileSystem) -> Site? {
        let loaded = ContentLoader(fileSystem: fs, root: "/c", displayRoot: "content").load()
        return SiteBuilder.build(loaded, options: BuildOptions(now: now), fileSystem: fs, contentRoot: "/c", displayRoot: "content").0
    }

    static func model(post bytes: [UInt8]) {
        let fs = MemoryFileSystem(["/c/site.yml": siteYAML, "/c/fields/daten.md": field])
        fs.write("/c/posts/2025/fuzz.md", bytes: bytes)
        fs.write("/c/events/2025/fuzz.md", bytes: bytes)
        fs.write("/c/projects/fuzz.md", bytes: bytes)
        _ = loadAndModel(fs)
    }

    static func markdown(_ bytes: [UInt8]) {
        let fs = MemoryFileSystem([
            "/c/site.yml": siteYAML, "/c/fields/daten.md": field,
            "/c/posts/2025/a.md": "---\ntitle: A\ndate: 2025-01-01T10:00:00+01:00\n---\n## Ziel\n",
            "/c/images/x.svg": "<svg/>",
        ])
        guard let site = loadAndModel(fs) else { return }
        let resolver = LinkResolver(site: site)
        let renderer = MarkdownRenderer(unsafeHTML: bytes.first.map { $0 & 1 == 1 } ?? false) { href, source, isImage in
            resolver.resolve(href, from: source, isImage: isImage)
        }
        let source = SourceRef(path: "posts/2025/b.md", display: "content/posts/2025/b.md", bodyFirstLine: 4)
        let result = renderer.render(MarkdownBody(text: String(decoding: bytes, as: UTF8.self), source: source))
        // Safe mode must never let script through.
        if bytes.first.map({ $0 & 1 == 0 }) ?? true {
            precondition(!result.html.lowercased().contains("<script"), "script survived safe mode")
            precondition(!result.html.lowercased().contains("href=\"javascript:"), "javascript: link survived safe mode")
        }
    }

    static func siteConfig(_ bytes: [UInt8]) {
        let fs = MemoryFileSystem(["/c/fields/daten.md": field])
        fs.write("/c/site.yml", bytes: bytes)
        _ = loadAndModel(fs)
    }
}
