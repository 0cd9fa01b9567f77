import CMarkGFM
#if canImport(Glibc)
import Glibc
#endif

/// A heading of a rendered document (for anchors, tables of contents and checks).
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String
    public var line: Int
}

/// A link to another source file's heading, checked once every document is rendered.
public struct AnchorReference: Sendable, Hashable {
    /// Content path of the target document.
    public var target: String
    public var fragment: String
    public var line: Int
    public var written: String
}

/// An image found in Markdown.
public struct ImageReference: Sendable, Hashable {
    public var src: String
    public var alt: String
    public var line: Int
}

/// The result of rendering one Markdown body.
public struct RenderedMarkdown: Sendable {
    /// The HTML as cmark wrote it: bytes, as the page template prints them (making a String of
    /// every page's HTML checked its UTF-8 once more, 2 % of a build).
    public var htmlBytes: [UInt8]
    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
    /// The text for search, as cmark wrote it (valid UTF-8: the input was, and cmark checks it),
    /// kept as bytes: everything that reads it reads bytes.
    public var plainTextBytes: [UInt8]
    public var plainText: String { String(decoding: plainTextBytes, as: UTF8.self) }
    public var headings: [Heading]
    public var anchors: [AnchorReference]
    public var images: [ImageReference]
    public var diagnostics: [Diagnostic]
}

/// What a link written in Markdown points at.
public enum LinkTarget: Sendable, Equatable {
    /// Keep the link as written (external, mailto, in-page anchor).
    case keep
    /// Rewrite to this URL; when `anchorCheck` is set, the fragment is checked against that document.
    case rewrite(String, anchorCheck: (target: String, fragment: String)?)
    /// A file to download: rewritten to this URL; its link text gets format and size (see `DownloadLinks`).
    case download(String, format: String, size: Int)
    /// The link is broken; the message says why.
    case broken(String)
    /// The link is dangerous (`javascript:` …) and is removed.
    case dangerous

    public static func == (a: LinkTarget, b: LinkTarget) -> Bool {
        switch (a, b) {
        case (.keep, .keep), (.dangerous, .dangerous): return true
        case let (.rewrite(x, c1), .rewrite(y, c2)): return x == y && c1?.target == c2?.target && c1?.fragment == c2?.fragment
        case let (.download(x, f1, s1), .download(y, f2, s2)): return x == y && f1 == f2 && s1 == s2
        case let (.broken(x), .broken(y)): return x == y
        default: return false
        }
    }
}

/// Markdown → HTML through libcmark-gfm, with the GFM extensions, safe by default.
public struct MarkdownRenderer: Sendable {
    public var unsafeHTML: Bool
    /// Resolves a link or image address written in the document at `source`.
    public var resolve: @Sendable (_ href: String, _ source: SourceRef, _ isImage: Bool) -> LinkTarget

    /// The `<picture>` of a photo, by the address its image resolved to; nil for a plain `<img>`.
    var picture: @Sendable (String) -> PictureMarkup? = { _ in nil }
    /// The page language's names for the footnotes' section and their way back to the text
    /// (libcmark-gfm writes an English "Back to content"); nil leaves its markup as it is.
    var footnoteTexts: FootnoteTexts?
    /// The page language's word for a table ("Tabelle"), which names the box a wide table scrolls in.
    var tableLabel = "Tabelle"
    /// The text's language when it is not the page version's (a `lang: en` post on the German
    /// site). The footnotes' UI words then say that they are the version's, and a table is named
    /// by its headings alone, which are in the text's language.
    var partLanguage: String?
    /// A file size in the page's language ("4,2 MB"), for the text of download links.
    var fileSize: @Sendable (Int) -> String = GermanText.fileSize
    /// The ids the templates give elements of every page (`<main id="inhalt">`): a heading
    /// "Inhalt" gets `inhalt-2`, not a second `inhalt` that the skip link would not lead to.
    var reservedIDs: [String] = [] {
        didSet { reservedIDsHash = reservedIDs.reduce(ContentHash.seed) { ContentHash.of($1, seed: $0) } }
    }
    private(set) var reservedIDsHash: UInt64 = 0

    public init(unsafeHTML: Bool, resolve: @escaping @Sendable (String, SourceRef, Bool) -> LinkTarget) {
        self.unsafeHTML = unsafeHTML
        self.resolve = resolve
    }

    /// What a body's HTML depends on besides its text, for the cache: the footnotes' strings and
    /// the tables' label come from the UI strings file, the reserved ids from the templates, which
    /// may change while the text does not.
    func key(of body: MarkdownBody) -> UInt64 {
        var table = ContentHash.mix(ContentHash.mix(ContentHash.of(tableLabel), body.textHash), reservedIDsHash)
        if let partLanguage { table = ContentHash.mix(table, ContentHash.of(partLanguage)) }
        guard let footnoteTexts else { return table }
        let texts = ContentHash.of(footnoteTexts.lang, seed: ContentHash.of(footnoteTexts.back, seed: ContentHash.of(footnoteTexts.label)))
        return ContentHash.mix(texts, table)
    }

    /// Links and images resolved by the site's `LinkResolver`.
    init(unsafeHTML: Bool, resolver: LinkResolver) {
        self.init(unsafeHTML: unsafeHTML) { href, source, isImage in resolver.resolve(href, from: source, isImage: isImage) }
    }

    static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Held while cmark-gfm parses a document's inlines (see `parse`).
    private static let inlineLock = NSLockLite()

    /// Parses `text` with the site's extensions and hands the parser and document to `body`
    /// (both freed after it).
    private static func parse<T>(_ text: String, options: Int32, _ body: (OpaquePointer, OpaquePointer) -> T) -> T {
        _ = Self.extensionsRegistered
        guard let parser = cmark_parser_new(options) else { fatalError("cmark_parser_new failed") }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        text.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        // One document's inlines at a time: cmark-gfm switches the extensions' characters (':',
        // 'w', '~') on and off in a table of the whole process around them, so a document
        // finished on another thread switched off autolinks and ~~…~~ under this one.
        guard let doc = Self.inlineLock.locked({ cmark_parser_finish(parser) }) else { fatalError("cmark_parser_finish failed") }
        defer { cmark_node_free(doc) }
        return body(parser, doc)
    }

    /// A Markdown text's plain text as `PlainText` makes it (nil where it leaves it to cmark) and
    /// as cmark's renderer does, for tests that compare them.
    static func plainTexts(_ markdown: String) -> (ours: [UInt8]?, cmark: [UInt8]) {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        return parse(markdown, options: options) { _, doc in (PlainText.of(doc), takeBytes(cmark_render_plaintext(doc, options, 0))) }
    }

    public func render(_ body: MarkdownBody) -> RenderedMarkdown {
        // No CMARK_OPT_VALIDATE_UTF8: a Swift string is valid UTF-8 (checking it again was 1 % of a build).
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | (unsafeHTML ? CMARK_OPT_UNSAFE : 0)
        return Self.parse(body.text, options: options) { parser, doc in render(body, parser: parser, doc: doc, options: options) }
    }

    private func render(_ body: MarkdownBody, parser: OpaquePointer, doc: OpaquePointer, options: Int32) -> RenderedMarkdown {
        var walker = Walker(renderer: self, body: body, parser: parser, options: options)
        if body.text.containsBytes("]{lang=") { walker.diagnostics = LangSpans.apply(doc, file: body.source.display, line: body.line) }
        walker.walk(doc)
        walker.apply()
        // Before the headings become HTML blocks, which the plain text renderer leaves out: the
        // search finds their words and links a hit to the heading above it.
        let plain = PlainText.of(doc) ?? takeBytes(cmark_render_plaintext(doc, options, 0))
        walker.applyHeadings()
        walker.applyTables()

        let extensions = cmark_parser_get_syntax_extensions(parser)
        var html = takeBytes(cmark_render_html(doc, options, extensions))
        if let footnoteTexts, html.containsBytes(FootnoteTexts.section) {
            html = Array(footnoteTexts.apply(to: String(decoding: html, as: UTF8.self), marksLanguage: partLanguage != nil).utf8)
        }
        return RenderedMarkdown(htmlBytes: html, plainTextBytes: plain, headings: walker.headings, anchors: walker.anchors,
                                images: walker.images, diagnostics: walker.diagnostics)
    }
}

private func takeBytes(_ pointer: UnsafeMutablePointer<CChar>?) -> [UInt8] {
    guard let pointer else { return [] }
    defer { free(pointer) }
    return Array(UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)).bindMemory(to: UInt8.self))
}

private func takeString(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
    guard let pointer else { return "" }
    defer { free(pointer) }
    return String(cString: pointer)
}

/// Walks the syntax tree once, collecting headings, links and images, and
/// plans the changes (ids on headings, rewritten links, lazy images).
private struct Walker {
    let renderer: MarkdownRenderer
    let body: MarkdownBody
    let parser: OpaquePointer
    let options: Int32

    var headings: [Heading] = []
    var anchors: [AnchorReference] = []
    var images: [ImageReference] = []
    var diagnostics: [Diagnostic] = []
    private var usedIDs: [String: Int] = [:]
    private var headingNodes: [(OpaquePointer, Heading)] = []
    private var imageNodes: [(OpaquePointer, String, String, String?)] = []
    /// Each table with the texts of its header row (for the warning and for the table's name).
    private var tableNodes: [(node: OpaquePointer, headers: [String])] = []
    private var unwrapNodes: [OpaquePointer] = []
    /// The paragraph whose Word list was named (`lineStartMistakes`), so its other lines are not.
    private var listParagraph: OpaquePointer?
    /// The paragraph whose unmatched ** was named (`unmatchedBold`), so its other ** are not.
    private var boldParagraph: OpaquePointer?
    private var previousLevel = 1
    /// Lines of raw HTML left out (safe mode), reported together once the walk is done.
    private var rawHTMLLines: [Int] = []
    /// HTML blocks whose text is kept as a paragraph when the HTML is left out.
    private var htmlBlocks: [(OpaquePointer, String)] = []

    init(renderer: MarkdownRenderer, body: MarkdownBody, parser: OpaquePointer, options: Int32) {
        self.renderer = renderer
        self.body = body
        self.parser = parser
        self.options = options
        for id in renderer.reservedIDs { usedIDs[id] = 1 }
    }

    private func line(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_line(node)) + body.source.bodyFirstLine - 1 }

    mutating func walk(_ doc: OpaquePointer) {
        guard let iter = cmark_iter_new(doc) else { return }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING {
                heading(node)
            } else if type == CMARK_NODE_LINK {
                link(node)
            } else if type == CMARK_NODE_IMAGE {
                image(node)
            } else if type == CMARK_NODE_TEXT {
                linksWithSpaces(node)
                lineStartMistakes(node)
                unmatchedBold(node)
            } else if type.rawValue >= UInt32(CMARK_NODE_TYPE_BLOCK), type.rawValue < UInt32(CMARK_NODE_TYPE_INLINE), let name = cmark_node_get_type_string(node), strcmp(name, "table") == 0 {
                let headers = headerTexts(node)
                tableNodes.append((node, headers))
                // Screen readers name each cell by its column's heading; an empty first row names none.
                if headers.isEmpty {
                    diagnostics.append(.warning(body.source.display, line: line(node),
                        "table has no text in its first row, which screen readers read as the columns' headings; write them there, e.g. | Station | Temperatur |"))
                }
            } else if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) && renderer.unsafeHTML {
                checkRawHTML(node)
                if let literal = cmark_node_get_literal(node), let kept = HTMLComments.removed(from: String(cString: literal)) {
                    cmark_node_set_literal(node, kept)
                }
            } else if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                // A comment alone is left out without a word: nothing a reader would see is lost.
                if let literal = cmark_node_get_literal(node), HTMLComments.isOnlyComments(String(cString: literal)) { continue }
                let at = line(node)
                if rawHTMLLines.last != at { rawHTMLLines.append(at) }
                if type == CMARK_NODE_HTML_BLOCK {
                    let text = RawHTMLText.text(of: cmark_node_get_literal(node).map { String(cString: $0) } ?? "")
                    if !text.isEmpty { htmlBlocks.append((node, text)) }
                }
            }
        }
        // Every spot, in one message: only the first was named, and the rest vanished unnoticed.
        if !rawHTMLLines.isEmpty {
            let lines = rawHTMLLines.count == 1 ? "" : " (lines \(rawHTMLLines.map(String.init).joined(separator: ", ")))"
            let kept = htmlBlocks.isEmpty ? "" : "; the text inside it is kept"
            // The two clauses as one part (a translation needs text between parts).
            diagnostics.append(.warning(body.source.display, line: rawHTMLLines[0],
                "raw HTML is left out of the page\(lines + kept); write it in Markdown, or set unsafe_html: true in site.yml"))
        }
    }

    private mutating func heading(_ node: OpaquePointer) {
        let level = Int(cmark_node_get_heading_level(node))
        let text = plainText(of: node)
        let at = line(node)
        if level == 1 {
            diagnostics.append(.warning(body.source.display, line: at, "heading level 1 (#) is reserved for the page title; start sections with ##"))
        } else if level > previousLevel + 1 {
            diagnostics.append(.warning(body.source.display, line: at,
                "heading skips a level (\(String(repeating: "#", count: previousLevel)) to \(String(repeating: "#", count: level))); use \(String(repeating: "#", count: previousLevel + 1))"))
        }
        previousLevel = level
        // Screen reader users move through a page by its headings: an empty one says nothing.
        if text.trimmingSpaces.isEmpty {
            diagnostics.append(.warning(body.source.display, line: at, "heading has no text; write it after the #, or remove the line"))
        }
        var base = Slug.make(text)
        if base.isEmpty { base = "abschnitt" }
        var id = base
        if let n = usedIDs[base] {
            usedIDs[base] = n + 1
            id = "\(base)-\(n + 1)"
        } else {
            usedIDs[base] = 1
        }
        let heading = Heading(level: level, text: text, id: id, line: at)
        headings.append(heading)
        headingNodes.append((node, heading))
    }

    /// Raw HTML kept under `unsafe_html`: an `<img>` without alt attribute (screen readers would
    /// read out its file name), and the tags GFM's tag filter turns into visible text.
    private mutating func checkRawHTML(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        var scanner = XMLTagScanner(Array(String(cString: literal).utf8))
        while let tag = scanner.next() {
            let name = tag.name.lowercased()
            if Self.filteredTags.contains(name) {
                diagnostics.append(.error(body.source.display, line: line(node) + tag.line - 1,
                    "<\(name)> is not allowed in a page and would show as text; remove it (a video or map from another site: link to it instead)"))
            }
            guard name == "img", !tag.attributes.contains(where: { $0.name.lowercased() == "alt" }) else { continue }
            diagnostics.append(.warning(body.source.display, line: line(node) + tag.line - 1,
                "image in raw HTML has no alt attribute, so screen readers read out its address; add alt=\"…\" (alt=\"\" for decoration)"))
        }
    }

    /// GFM's tag filter (`tagfilter` extension): these open tags are escaped even under `unsafe_html`.
    static let filteredTags: Set<String> = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]

    private mutating func link(_ node: OpaquePointer) {
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        // A link without text is announced by its address alone (WCAG 2.4.4, link purpose).
        if !hasText(node) {
            diagnostics.append(.warning(body.source.display, line: line(node),
                "link to '\(url)' has no text, so screen readers read out only its address; write what it leads to in [ ]"))
        } else if let vague = shortText(of: node).flatMap(LinkPurpose.vagueText) {
            diagnostics.append(.warning(body.source.display, line: line(node),
                "link text '\(vague)' does not say where the link leads, and screen readers read links out on their own; write its target as the text, e.g. [Programm der Digitalen Woche](…)"))
        }
        if let fixed = QuotedAddress.stripped(url) {
            diagnostics.append(.error(body.source.display, line: line(node), QuotedAddress.message(url, fixed: fixed)))
            return
        }
        switch renderer.resolve(url, body.source, false) {
        case .keep: remoteDownload(node, url: url)
        case .rewrite(let href, let check):
            cmark_node_set_url(node, href)
            if let check { anchors.append(AnchorReference(target: check.target, fragment: check.fragment, line: line(node), written: url)) }
        case .download(let href, let format, let size):
            cmark_node_set_url(node, href)
            let text = plainText(of: node)
            if let addition = DownloadLinks.addition(text: text, format: format, size: renderer.fileSize(size)) {
                appendText(addition, to: node)
            } else if let stated = DownloadLinks.statedSize(in: text), DownloadLinks.isStale(stated: stated, actual: size) {
                diagnostics.append(.warning(body.source.display, line: line(node),
                    "link text '\(text)' gives a size the file '\(url)' no longer has: it is \(renderer.fileSize(size)); write that, or leave format and size out and the build adds them"))
            }
        case .broken(let message):
            diagnostics.append(.error(body.source.display, line: line(node), message))
        case .dangerous:
            if !renderer.unsafeHTML {
                diagnostics.append(.warning(body.source.display, line: line(node), "link '\(url)' runs code and is removed; link to a web address instead"))
                unwrapNodes.append(node)
            }
        }
    }

    /// A file on another site (`https://…/bericht.pdf`): its format is added to the text as for
    /// the site's own downloads; its size the build cannot know, so the editor is asked for it.
    private mutating func remoteDownload(_ node: OpaquePointer, url: String) {
        guard let scheme = LinkResolver.scheme(of: url), scheme == "https" || scheme == "http",
              let format = DownloadLinks.format(of: DownloadLinks.remotePath(url)) else { return }
        let text = plainText(of: node)
        if !text.lowercased().contains(format.lowercased()) { appendText(" (\(format))", to: node) }
        guard DownloadLinks.statedSize(in: text) == nil else { return }
        diagnostics.append(.warning(body.source.display, line: line(node),
            "link to the \(format) file '\(url)' on another site does not say its size; write it in the link text, e.g. [Bericht (\(format), 2 MB)](…)"))
    }

    /// `[Flyer](downloads/Flyer Sommerfest.pdf)`: a space ends a link's address, so Markdown
    /// shows the whole of it as text and the page has no link; said instead of left to a reader.
    private mutating func linksWithSpaces(_ node: OpaquePointer) {
        if let previous = cmark_node_previous(node), cmark_node_get_type(previous) == CMARK_NODE_TEXT || Self.autolinkText(previous) != nil { return }
        // The text runs on through addresses made links of their own (`mailto: info@…` has one).
        func forEachText(_ body: (UnsafePointer<CChar>) -> Void) {
            var next: OpaquePointer? = node
            while let n = next {
                if cmark_node_get_type(n) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(n) { body(literal) } else if let literal = Self.autolinkText(n) { body(literal) } else { break }
                next = cmark_node_next(n)
            }
        }
        // Most text has no "]": looked for in place before any text is copied.
        var bracket = false
        forEachText { if strchr($0, 93) != nil { bracket = true } }
        guard bracket else { return }
        var text = ""
        forEachText { text += String(cString: $0) }
        let at = cmark_node_get_start_line(node) > 0 ? line(node) : cmark_node_parent(node).map { self.line($0) } ?? body.source.bodyFirstLine
        // A reference whose footnote is not written stays text, "[^1]", on the page.
        for reference in MarkdownRenderer.footnoteReferences(in: text) {
            diagnostics.append(.warning(body.source.display, line: at,
                "footnote '\(reference)' has no text, so it shows as written; add a line '\(reference): …' below the paragraph, or remove it"))
        }
        for written in MarkdownRenderer.linksWithGap(in: text) {
            let fixed = written.replacingAll("] (", with: "](")
            diagnostics.append(.warning(body.source.display, line: at,
                "'\(written)' is shown as text, not as a link: a space stands between ] and (; write \(fixed)"))
        }
        guard text.containsBytes("](") else { return }
        for written in MarkdownRenderer.linksWithSpaces(in: text) {
            diagnostics.append(.warning(body.source.display, line: at, Self.spaceMessage(written)))
        }
    }

    /// Lines Markdown shows as text, hashes and marks and all, without a word: `##Ziele` (a heading
    /// needs a space after the #) and `• Punkt` or `– Punkt` (a list pasted from Word; a list entry
    /// starts with `- `). One # before a word is left alone: it may be a hashtag. Only a text whose
    /// first byte could start one is looked at further.
    private mutating func lineStartMistakes(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let first = UInt8(bitPattern: literal[0])
        guard (first == 35 && literal[1] == 35) || first == 0xE2 || first == 0xC2 else { return }
        var breaks = 0  // the line breaks before it in its paragraph
        var previous = cmark_node_previous(node)
        while let p = previous {
            let type = cmark_node_get_type(p)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { breaks += 1 } else if breaks == 0 { return }
            previous = cmark_node_previous(p)
        }
        guard let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH else { return }
        let text = String(cString: literal)
        let shown = text.count > 60 ? text.prefix(60) + "…" : Substring(text)
        let at = cmark_node_get_start_line(node) > 0 ? line(node) : line(parent) + breaks
        if first == 35 {
            let hashes = text.utf8.prefix { $0 == 35 }.count
            // A letter (an ASCII one or the first byte of an umlaut) right after the hashes.
            guard hashes <= 6, let next = text.utf8.dropFirst(hashes).first, next >= 0x80 || (next | 0x20) &- 97 < 26 else { return }
            diagnostics.append(.warning(body.source.display, line: at,
                "'\(shown)' is shown as text, not as a heading: Markdown needs a space after the #; write \(text.prefix(hashes)) \(shown.dropFirst(hashes))"))
        } else if let mark = text.first, YAMLHints.wordListMarks.contains(mark), text.dropFirst().first == " ", listParagraph != parent {
            listParagraph = parent  // one message for the list's lines
            diagnostics.append(.warning(body.source.display, line: at,
                "'\(shown)' is shown as text, not as a list: a list entry starts with a hyphen and a space; write - \(shown.dropFirst(2))"))
        }
    }

    /// `**Wichtig: **` or `__wichtig __`: with a space inside the marks Markdown makes no bold, and the
    /// page showed the asterisks without a word. libcmark leaves marks it could not pair in the text
    /// (bold made is a node of its own), so a text is looked at only when it has two marks side by
    /// side; one message per paragraph.
    private mutating func unmatchedBold(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node), Self.hasDoubleMark(literal),
              let parent = cmark_node_parent(node), parent != boldParagraph,
              let marks = Self.unpairedBoldMarks(Array(String(cString: literal).utf8)) else { return }
        boldParagraph = parent
        let at = cmark_node_get_start_line(node) > 0 ? line(node) : line(parent)
        diagnostics.append(.warning(body.source.display, line: at,
            "bold (\(marks)…\(marks)) is shown with its marks: they must stand right at the words, without a space inside; write e.g. \(marks)Wichtig:\(marks) Bitte beachten"))
    }

    /// Whether `text` has `**` or `__`: one strcspn pass for either mark (most text has neither),
    /// where two strstr passes cost 0.3 % of a build.
    static func hasDoubleMark(_ text: UnsafePointer<CChar>) -> Bool {
        var p = text
        while true {
            p += strcspn(p, "*_")
            if p[0] == 0 { return false }
            if p[1] == p[0] { return true }
            p += 1
        }
    }

    /// `**` or `__` when a text holds two runs of exactly two of them and one has a space beside it
    /// (`**Wichtig: **`); a line of underscores to fill in (`______`) is no such run.
    static func unpairedBoldMarks(_ b: [UInt8]) -> String? {
        for mark in [UInt8(ascii: "*"), UInt8(ascii: "_")] {
            var (runs, spaced, i) = (0, false, 0)
            while i < b.count {
                guard b[i] == mark else { i += 1; continue }
                var end = i
                while end < b.count && b[end] == mark { end += 1 }
                if end - i == 2 {
                    runs += 1
                    if (i > 0 && b[i - 1] == 32) || (end < b.count && b[end] == 32) { spaced = true }
                }
                i = end
            }
            if runs >= 2 && spaced { return mark == UInt8(ascii: "*") ? "**" : "__" }
        }
        return nil
    }

    /// Why a link with a space in its address shows as text, and the fix.
    static func spaceMessage(_ written: String) -> String {
        if written.lowercased().containsBytes("](tel:") {
            return "'\(written)' is shown as text, not as a link: its number has a space; put the address in < >, e.g. [0231 50-12345](<tel:0231 50-12345>)"
        }
        // `[Team](mailto: info@dortmund.de)`: the one space is the one after the scheme.
        for scheme in ["mailto:", "https:", "http:"] {
            guard let range = written.firstRange(of: "](" + scheme) else { continue }
            let rest = written[range.upperBound...].drop { $0 == " " }
            guard !rest.contains(" ") else { break }
            let fixed = written[..<range.upperBound] + rest
            return "'\(written)' is shown as text, not as a link: its address has a space after '\(scheme)'; remove it: \(fixed)"
        }
        return "'\(written)' is shown as text, not as a link: its address has a space; write %20 for each space in the address, or put the address in < >"
    }

    /// The text of a link the autolink extension made of an address in the text (`info@dortmund.de`,
    /// `www.dortmund.de`), which is the address as written; nil for any other node.
    static func autolinkText(_ node: OpaquePointer) -> UnsafePointer<CChar>? {
        guard cmark_node_get_type(node) == CMARK_NODE_LINK, let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
              cmark_node_get_type(child) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(child),
              let url = cmark_node_get_url(node) else { return nil }
        let (text, address) = (String(cString: literal), String(cString: url))
        return address == text || address == "mailto:" + text || address == "http://" + text || address == "https://" + text ? literal : nil
    }

    private mutating func image(_ node: OpaquePointer) {
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let alt = plainText(of: node)
        let title = cmark_node_get_title(node).map { String(cString: $0) }
        let at = line(node)
        let decorative = title?.lowercased() == "dekorativ"
        images.append(ImageReference(src: url, alt: decorative ? "" : alt, line: at))
        if alt.trimmingSpaces.isEmpty && !decorative {
            diagnostics.append(.warning(body.source.display, line: at,
                "image '\(url)' has no alt text; describe it in ![…](\(url)), or mark decoration with ![](\(url) \"dekorativ\")"))
        } else if !decorative && AltText.isUninformative(alt, src: url) {
            diagnostics.append(.warning(body.source.display, line: at,
                "image '\(url)' has the alt text '\(alt.trimmingSpaces)', a file name or a word for a picture, which tells screen reader users nothing; describe what it shows in ![…](\(url)), or mark decoration with ![](\(url) \"dekorativ\")"))
        }
        var src = url
        switch renderer.resolve(url, body.source, true) {
        case .keep: break
        case .rewrite(let href, _), .download(let href, _, _): src = href
        case .broken(let message):
            diagnostics.append(.error(body.source.display, line: at, message))
        case .dangerous:
            diagnostics.append(.error(body.source.display, line: at, "image address '\(url)' is not allowed"))
            src = ""
        }
        imageNodes.append((node, src, decorative ? "" : alt, decorative ? nil : title))
    }

    /// Applies the planned changes after the walk (changing the tree while walking is unsafe).
    /// Order matters, because replacing a node frees its children: links are unwrapped first,
    /// then images innermost first, then (`applyHeadings`) headings, which may contain both.
    mutating func apply() {
        // The text of a left-out HTML block stays, as a paragraph of plain text.
        for (node, text) in htmlBlocks {
            guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH), let literal = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            cmark_node_set_literal(literal, text)
            cmark_node_append_child(paragraph, literal)
            cmark_node_insert_before(node, paragraph)
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        for node in unwrapNodes {
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_insert_before(node, child)
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        // The first image is fetched at once, unless the front matter names an image: the page
        // shows that one above the text (a post's picture), so it is the first.
        let eagerFirst = body.source.keyLines["image"] == nil
        for (index, (node, src, alt, title)) in imageNodes.enumerated().reversed() {
            let lazy = index > 0 || !eagerFirst
            var tag = "<img src=\"\(escapeAttribute(src))\" alt=\"\(escapeAttribute(alt))\""
            if let title, !title.isEmpty { tag += " title=\"\(escapeAttribute(title))\"" }
            tag += (lazy ? " loading=\"lazy\"" : "") + " decoding=\"async\">"
            if let picture = renderer.picture(src) { tag = picture.html(alt: alt, title: title, lazy: lazy) }
            guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
            cmark_node_set_on_enter(custom, tag)
            cmark_node_replace(node, custom)
            cmark_node_free(node)
        }
    }

    /// Each table in a box of its own that scrolls sideways when the table is wider than the
    /// screen (the page itself must not, WCAG 1.4.10). A box that scrolls must be reachable by
    /// keyboard (2.1.1; axe: scrollable-region-focusable), so it is focusable and named, as a
    /// region, by the table's first column headings: "Tabelle: Station, Temperatur, …".
    mutating func applyTables() {
        for (index, (table, headers)) in tableNodes.enumerated() {
            guard let box = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            let label = escapeAttribute(tableName(headers, number: index + 1))
            cmark_node_set_on_enter(box, "<div class=\"prose-table\" role=\"region\" tabindex=\"0\" aria-label=\"\(label)\">")
            cmark_node_set_on_exit(box, "</div>")
            cmark_node_insert_before(table, box)
            cmark_node_unlink(table)
            cmark_node_append_child(box, table)
        }
    }

    /// "Tabelle: A, B, C, …" from the header row's texts, or "Tabelle 2" when it has none. In a
    /// text of another language than the page's the headings alone: an accessible name has one
    /// language, the text's.
    private func tableName(_ cells: [String], number: Int) -> String {
        let label = renderer.tableLabel
        guard !cells.isEmpty else { return "\(label) \(number)" }
        let headings = cells.prefix(3).joined(separator: ", ") + (cells.count > 3 ? ", …" : "")
        return renderer.partLanguage == nil ? "\(label): " + headings : headings
    }

    /// The texts of a table's header row (its first), without the empty cells.
    private func headerTexts(_ table: OpaquePointer) -> [String] {
        var cells: [String] = []
        var cell = cmark_node_first_child(table).flatMap { cmark_node_first_child($0) }
        while let c = cell {
            let text = plainText(of: c).trimmingSpaces
            if !text.isEmpty { cells.append(text) }
            cell = cmark_node_next(c)
        }
        return cells
    }

    /// Headings as HTML blocks with their ids.
    mutating func applyHeadings() {
        let extensions = cmark_parser_get_syntax_extensions(parser)
        for (node, heading) in headingNodes {
            var html = takeString(cmark_render_html(node, options, extensions))
            let open = "<h\(heading.level)>"
            if html.hasPrefix(open) {
                html = "<h\(heading.level) id=\"\(heading.id)\">" + html.dropFirst(open.count)
            }
            replace(node, withBlockHTML: html)
        }
    }

    private func replace(_ node: OpaquePointer, withBlockHTML html: String) {
        guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(custom, html)
        cmark_node_replace(node, custom)
        cmark_node_free(node)
    }

    /// The text of a node's inline children (for heading slugs and alt texts).
    /// True when `node` holds some text that is not blank (an image's alt text counts). Stops at
    /// the first such text, so the common link costs one look.
    private func hasText(_ node: OpaquePointer) -> Bool {
        guard let iter = cmark_iter_new(node) else { return false }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { return false }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iter), child != node else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                var p = literal
                while p.pointee != 0 {
                    if p.pointee != 32 && p.pointee != 9 && p.pointee != 10 && p.pointee != 13 { return true }
                    p += 1
                }
            }
        }
    }

    /// `text` as a new last child of `node` (a link's text).
    private func appendText(_ text: String, to node: OpaquePointer) {
        guard let child = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(child, text)
        cmark_node_append_child(node, child)
    }

    /// The text of a node whose only child is a short run of text (a link's "hier"); else nil,
    /// without copying anything.
    private func shortText(of node: OpaquePointer) -> String? {
        guard var child = cmark_node_first_child(node), cmark_node_next(child) == nil else { return nil }
        // `[**hier**](…)`: the text inside one emphasis counts as the link's text.
        let type = cmark_node_get_type(child)
        if type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG {
            guard let inner = cmark_node_first_child(child), cmark_node_next(inner) == nil else { return nil }
            child = inner
        }
        guard cmark_node_get_type(child) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(child), strnlen(literal, 41) <= 40 else { return nil }
        return String(cString: literal)
    }

    private func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iter = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iter), child != node else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }
}

/// Escapes text for an HTML attribute value in double quotes (and for text content).
public func escapeAttribute(_ s: String) -> String { escapeHTML(s) }

/// HTML escaping of &, <, >, " and '.
public func escapeHTML(_ s: String) -> String {
    func special(_ b: UInt8) -> Bool { b == 38 || b == 60 || b == 62 || b == 34 || b == 39 }
    guard s.utf8.contains(where: special) else { return s }
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count + 32)
    for b in s.utf8 {
        switch b {
        case 38: out += [38, 97, 109, 112, 59]  // &amp;
        case 60: out += [38, 108, 116, 59]  // &lt;
        case 62: out += [38, 103, 116, 59]  // &gt;
        case 34: out += [38, 113, 117, 111, 116, 59]  // &quot;
        case 39: out += [38, 35, 51, 57, 59]  // &#39;
        default: out.append(b)
        }
    }
    return String(decoding: out, as: UTF8.self)
}

/// The readable text of an HTML block: tags, comments, scripts and styles removed, the common
/// entities decoded, white space collapsed.
enum RawHTMLText {
    static func text(of html: String) -> String {
        let b = Array(html.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            guard b[i] == UInt8(ascii: "<") else { out.append(b[i]); i += 1; continue }
            let end: [UInt8] = starts(b, i, "<!--") ? Array("-->".utf8) : starts(b, i, "<script") ? Array("</script>".utf8)
                : starts(b, i, "<style") ? Array("</style>".utf8) : [UInt8(ascii: ">")]
            guard let close = find(end, in: b, from: i + 1) else { break }
            out.append(32)
            i = close + end.count
        }
        var text = String(decoding: out, as: UTF8.self)
        for (entity, char) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingAll(entity, with: char)
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// Whether `b` has `prefix` at `i`, ASCII letters in any case.
    private static func starts(_ b: [UInt8], _ i: Int, _ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        guard i + p.count <= b.count else { return false }
        return (0..<p.count).allSatisfy { k in b[i + k] | (b[i + k] >= 65 && b[i + k] <= 90 ? 32 : 0) == p[k] }
    }

    private static func find(_ needle: [UInt8], in b: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + needle.count <= b.count {
            if starts(b, i, String(decoding: needle, as: UTF8.self)) { return i }
            i += 1
        }
        return nil
    }
}

extension MarkdownRenderer {
    /// The `[text](address with space)` spans of a text, as written.
    static func linksWithSpaces(in text: String) -> [String] {
        let b = Array(text.utf8)
        let (space, open, close) = (UInt8(ascii: " "), UInt8(ascii: "["), UInt8(ascii: ")"))
        var found: [String] = []
        var (i, from) = (0, 0)
        while i + 1 < b.count {
            guard b[i] == UInt8(ascii: "]"), b[i + 1] == UInt8(ascii: "(") else { i += 1; continue }
            guard let end = b[(i + 2)...].firstIndex(of: close) else { break }
            let address = b[(i + 2)..<end]
            if let start = b[from..<i].lastIndex(of: open), address.contains(space), address.contains(where: { $0 != space }),
               !address.contains(UInt8(ascii: "(")), !address.contains(UInt8(ascii: "\n")) {
                found.append(String(decoding: b[start...end], as: UTF8.self))
            }
            (i, from) = (end + 1, end + 1)
        }
        return found
    }

    /// The `[text] (address)` spans of a text, as written: with a space between ] and ( Markdown
    /// makes no link, and the page showed brackets and address as text without a word.
    static func linksWithGap(in text: String) -> [String] {
        guard text.containsBytes("] (") else { return [] }
        let b = Array(text.utf8)
        var found: [String] = []
        var (i, from) = (0, 0)
        while i + 2 < b.count {
            guard b[i] == UInt8(ascii: "]"), b[i + 1] == UInt8(ascii: " "), b[i + 2] == UInt8(ascii: "(") else { i += 1; continue }
            // The address runs to `)` without a space; the text from the last `[` without a `]`.
            guard let end = b[(i + 3)...].firstIndex(where: { $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") }) else { break }
            // Only an address: `[in Tonnen] (gerundet)` is prose.
            let isAddress = b[(i + 3)..<end].contains { "/.:@#".utf8.contains($0) }
            if b[end] == UInt8(ascii: ")"), isAddress, let start = b[from..<i].lastIndex(of: UInt8(ascii: "[")), !b[(start + 1)..<i].contains(UInt8(ascii: "]")) {
                found.append(String(decoding: b[start...end], as: UTF8.self))
            }
            (i, from) = (end + 1, end + 1)
        }
        return found
    }

    /// The `[^label]` spans of a text (footnote references libcmark-gfm left as text), as written.
    static func footnoteReferences(in text: String) -> [String] {
        guard text.containsBytes("[^") else { return [] }
        let b = Array(text.utf8)
        var found: [String] = []
        var i = 0
        while i + 2 < b.count {
            guard b[i] == UInt8(ascii: "["), b[i + 1] == UInt8(ascii: "^") else { i += 1; continue }
            guard let end = b[(i + 2)...].firstIndex(where: { $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "[") }),
                  b[end] == UInt8(ascii: "]"), end > i + 2 else { i += 2; continue }
            found.append(String(decoding: b[i...end], as: UTF8.self))
            i = end + 1
        }
        return found
    }
}
