import MustacheEngine
import SiteGen

/// libFuzzer entry point. The first byte picks what to exercise; the rest is the input:
/// 0: a whole Markdown file through load and model (front matter split, YAML, typed decoding,
///    validation); 1: slug making; 2: Markdown rendering with link rewriting against a small site;
/// 3: site.yml; 4: templates (a template and a partial, split at the first 0 byte) parsed,
///    key-checked and rendered twice, asserting that reused partials change nothing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let mode = data[0] % 5
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch mode {
    case 0: FuzzHarness.model(post: bytes)
    case 1: _ = Slug.make(String(decoding: bytes, as: UTF8.self))
    case 2: FuzzHarness.markdown(bytes)
    case 3: FuzzHarness.siteConfig(bytes)
    default: FuzzHarness.templates(bytes)
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

/// A view that lives for a whole render, so partials rendered with it may be reused.
final class FuzzCard: TemplateView {
    let title: String
    init(_ title: String) { self.title = title }
    var memoIdentity: AnyObject? { self }
    static let fields = Fields<FuzzCard>("Card", "", [.text("title", "") { $0.title }, .flag("on", "") { _ in true }])
}

extension FuzzHarness {
    static func templates(_ bytes: [UInt8]) {
        let split = bytes.firstIndex(of: 0) ?? bytes.count
        let main = String(decoding: bytes[..<split], as: UTF8.self)
        let partial = split < bytes.count ? String(decoding: bytes[(split + 1)...], as: UTF8.self) : "{{title}}"
        guard let library = try? TemplateLibrary(sources: ["main": main, "p": partial, "layout": "<{{$b}}d{{/b}}>"]) else { return }
        let cards = [FuzzCard("<a&\"'>"), FuzzCard("b")]
        let view = DictionaryObject([
            ("title", .text("T<&>")), ("html", .html("<i>x</i>")), ("on", .bool(true)), ("off", .bool(false)),
            ("n", .int(3)), ("cards", .list(cards.map { .object($0) })), ("items", .list([.text("x"), .text("y")])),
            ("obj", .object(DictionaryObject([("title", .text("inner"))]))),
        ])
        _ = library.checkKeys(template: "main", stack: [view.shape])
        guard let first = Renderer(library: library).renderReporting("main", .object(view)), !first.truncated else { return }
        let reused = Renderer(library: library)
        _ = reused.render("main", .object(view))
        let second = reused.renderReporting("main", .object(view))
        precondition(first.output == second?.output, "a reused partial changed the output")
    }
}
