/// What one build leaves for the next in the same process (the preview server, benchmarks,
/// tests), so a rebuild after a small change does only the work that change needs:
/// - documents whose bytes are the same are not parsed again (keyed by content hash);
/// - Markdown is not rendered again when its text and every link target it resolved are the same;
/// - a page is not rendered again when its view (everything its template sees) and its template
///   with all partials are the same; its HTML and the references found in it are reused.
/// Everything else (the model, views, feeds, search index, link checks) is computed each time, so
/// a cached build gives byte-identical output to a fresh one (tested).
public final class BuildCache: @unchecked Sendable {  // all state is guarded by `lock`
    struct Document {
        var hash: UInt64
        var result: (LoadedDocument?, [Diagnostic])
    }

    struct Markdown {
        var textHash: UInt64
        var source: SourceRef
        /// Every address the renderer asked about, with the answer it got.
        var links: [(href: String, isImage: Bool, target: LinkTarget)]
        var rendered: RenderedMarkdown
    }

    struct Page {
        var key: UInt64
        var html: String
        var refs: HTMLReferences
    }

    /// One tokenizer for all builds of the process, so the term numbers of cached pages stay valid.
    let searchTokenizer = SharedSearchTokenizer()

    private let lock = NSLockLite()
    private var documents: [String: Document] = [:]
    private var searchTexts: [String: (hash: UInt64, terms: PageSearchText)] = [:]
    private var nextSearchTexts: [String: (hash: UInt64, terms: PageSearchText)] = [:]
    private var markdown: [String: Markdown] = [:]
    private var pages: [String: Page] = [:]
    /// What this build used or made; replaces the old tables when it ends, so entries of deleted
    /// files and pages do not pile up during a long preview session.
    private var nextDocuments: [String: Document] = [:]
    private var nextMarkdown: [String: Markdown] = [:]
    private var nextPages: [String: Page] = [:]

    /// Pages taken from the cache and pages rendered in the last build (for `--verbose` and tests).
    public private(set) var reusedPages = 0
    public private(set) var renderedPages = 0

    public init() {}

    func beginBuild() {
        lock.locked {
            nextDocuments = [:]
            nextMarkdown = [:]
            nextPages = [:]
            nextSearchTexts = [:]
            reusedPages = 0
            renderedPages = 0
        }
    }

    func endBuild() {
        lock.locked {
            documents = nextDocuments
            markdown = nextMarkdown
            pages = nextPages
            searchTexts = nextSearchTexts
        }
    }

    func document(_ path: String, hash: UInt64, load: () -> (LoadedDocument?, [Diagnostic])) -> (LoadedDocument?, [Diagnostic]) {
        if let hit = lock.locked({ documents[path] }), hit.hash == hash {
            lock.locked { nextDocuments[path] = hit }
            return hit.result
        }
        let result = load()
        lock.locked { nextDocuments[path] = Document(hash: hash, result: result) }
        return result
    }

    func markdown(_ body: MarkdownBody, renderer: MarkdownRenderer, resolver: LinkResolver) -> RenderedMarkdown {
        let textHash = ContentHash.of(body.text)
        let path = body.source.path
        if let hit = lock.locked({ markdown[path] }), hit.textHash == textHash, hit.source == body.source,
           hit.links.allSatisfy({ resolver.resolve($0.href, from: body.source, isImage: $0.isImage) == $0.target }) {
            lock.locked { nextMarkdown[path] = hit }
            return hit.rendered
        }
        let recorder = LinkRecorder()
        var recording = renderer
        recording.resolve = { href, source, isImage in
            let target = resolver.resolve(href, from: source, isImage: isImage)
            recorder.links.append((href, isImage, target))
            return target
        }
        let rendered = recording.render(body)
        lock.locked { nextMarkdown[path] = Markdown(textHash: textHash, source: body.source, links: recorder.links, rendered: rendered) }
        return rendered
    }

    /// A page's text as search terms, made again only when the text changed.
    func searchText(_ path: String, text: String) -> PageSearchText {
        let hash = ContentHash.of(text)
        if let hit = lock.locked({ searchTexts[path] }), hit.hash == hash {
            lock.locked { nextSearchTexts[path] = hit }
            return hit.terms
        }
        let terms = searchTokenizer.tokenize(text)
        lock.locked { nextSearchTexts[path] = (hash, terms) }
        return terms
    }

    func page(_ path: String, key: UInt64, render: () -> (String, HTMLReferences)) -> (String, HTMLReferences) {
        if let hit = lock.locked({ pages[path] }), hit.key == key {
            lock.locked {
                nextPages[path] = hit
                reusedPages += 1
            }
            return (hit.html, hit.refs)
        }
        let (html, refs) = render()
        lock.locked {
            nextPages[path] = Page(key: key, html: html, refs: refs)
            renderedPages += 1
        }
        return (html, refs)
    }
}

/// The answers the link resolver gave while one document was rendered (one thread at a time).
private final class LinkRecorder: @unchecked Sendable {
    var links: [(href: String, isImage: Bool, target: LinkTarget)] = []
}
