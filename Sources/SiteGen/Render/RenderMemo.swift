/// What the render stage can be spared by a memo around it (`BuildCache` implements this; the
/// stage knows no cache): Markdown whose text and link answers are as last time, pages whose view
/// and template are as last time, files of a format part whose inputs are as last time.
protocol RenderMemo: Sendable {
    /// False when nothing is kept (`NoMemo`): then no keys are worked out either.
    var remembers: Bool { get }
    /// True when the memo keeps every page's HTML (the preview server's): Markdown texts stay too.
    var keepsPages: Bool { get }
    /// One tokenizer for all builds that share the memo, so remembered term numbers stay valid.
    var searchTokenizer: SharedSearchTokenizer { get }
    /// - Parameter language: the rules its search terms are made by (its version's language).
    func markdown(_ body: MarkdownBody, renderer: MarkdownRenderer, resolver: LinkResolver, language: SearchLanguage) -> PageMarkdown
    /// What rendering a body gave last time, when its text, source, raw-HTML setting and search
    /// language are the same.
    func markdownRecord(_ source: SourceRef, textHash: UInt64, unsafeHTML: Bool, language: SearchLanguage) -> RememberedMarkdown?
    /// The page made last time with the same key (its file kept by `keep`), else `render()`'s.
    /// - Returns: the HTML, or nil when the file was kept.
    func page(_ path: String, key: UInt64, quickKey: UInt64, keep: (Int) -> Bool,
              render: () -> ([UInt8], HTMLReferences)) -> ([UInt8]?, HTMLReferences)
    /// The page made last time with the same quick key, without making its view.
    func reusePage(_ path: String, quickKey: UInt64, keep: (Int) -> Bool) -> RememberedPage?
    /// The files of a format part made last time with the same key (kept, or given back).
    func reuseFiles(_ part: String, key: UInt64, keep: (String, Int) -> Bool) -> (made: [OutputFile], kept: [String])?
    /// Each file's path, size and (for a memo that keeps pages) bytes.
    func storeFiles(_ part: String, key: UInt64, _ files: [(path: String, size: Int, bytes: [UInt8]?)])
}

/// A body's rendering as a memo keeps it.
struct RememberedMarkdown {
    var textHash: UInt64
    var unsafeHTML: Bool
    var source: SourceRef
    /// Every address the renderer asked about, with the answer it got.
    var links: [(href: String, isImage: Bool, target: LinkTarget)]
    var htmlHash: UInt64
    /// Kept only in memory.
    var html: [UInt8]?
    var headings: [Heading]
    var anchors: [AnchorReference]
    var diagnostics: [Diagnostic]
    var search: PageSearchText
}

/// A page as a memo keeps it.
struct RememberedPage {
    var key: UInt64
    /// The skeleton and the page's own Markdown text when it was made (see `SiteRenderer.reuse`).
    var quickKey: UInt64 = 0
    /// Kept only in memory; otherwise the page is its file in the output. The bytes as written,
    /// so a reused page hands on the same storage (the preview server then sees it unchanged
    /// without comparing it).
    var html: [UInt8]?
    /// Bytes of the page's file.
    var size: Int
    var refs: HTMLReferences
}

extension NoMemo: RenderMemo {
    var keepsPages: Bool { false }
    var searchTokenizer: SharedSearchTokenizer { SharedSearchTokenizer() }
    func markdown(_ body: MarkdownBody, renderer: MarkdownRenderer, resolver: LinkResolver, language: SearchLanguage) -> PageMarkdown {
        PageMarkdown(renderer.render(body))
    }
    func markdownRecord(_ source: SourceRef, textHash: UInt64, unsafeHTML: Bool, language: SearchLanguage) -> RememberedMarkdown? { nil }
    func page(_ path: String, key: UInt64, quickKey: UInt64, keep: (Int) -> Bool,
              render: () -> ([UInt8], HTMLReferences)) -> ([UInt8]?, HTMLReferences) {
        let (html, refs) = render()
        return (html, refs)
    }
    func reusePage(_ path: String, quickKey: UInt64, keep: (Int) -> Bool) -> RememberedPage? { nil }
    func reuseFiles(_ part: String, key: UInt64, keep: (String, Int) -> Bool) -> (made: [OutputFile], kept: [String])? { nil }
    func storeFiles(_ part: String, key: UInt64, _ files: [(path: String, size: Int, bytes: [UInt8]?)]) {}
}
