import CMarkGFM

/// Passages in another language: `[Smart City]{lang=en}` becomes `<span lang="en">Smart City</span>`
/// (WCAG 3.1.2, language of parts). cmark-gfm knows no attributes, so the syntax tree is changed
/// before the page is made: the brackets stay plain text for cmark, and this finds the pairs among
/// the inline children of one element (so a passage never crosses a paragraph, a link or an
/// emphasis it does not hold whole). A bracket whose code is no language code stays as written.
enum LangSpans {
    /// What the opening `]` is followed by; the code and `}` come after it.
    static let marker = Array("]{lang=".utf8)

    /// Turns every passage of the document into a span; returns warnings for codes that are not
    /// language codes, at `line(node)`. Call only when the text holds `]{lang=` (it merges text nodes).
    static func apply(_ doc: OpaquePointer, file: String, line: (OpaquePointer) -> Int) -> [Diagnostic] {
        // cmark leaves `]` and `{lang=en}` as text nodes of their own: one node per run of text.
        cmark_consolidate_text_nodes(doc)
        for container in containers(doc) {
            // After each passage the container's children are new: look again from its start.
            while let (open, close, code) = firstPair(in: container) { wrap(open: open, close: close, code: code) }
        }
        return badCodes(doc).map { node, code in
            if let meant = LanguageCodes.suggestion(for: code) {
                return .warning(file, line: line(node), "'{lang=\(code)}' names a country, not a language; write {lang=\(meant)}")
            }
            return .warning(file, line: line(node), "'{lang=\(code)}' does not name a language; write a language code such as [Smart City]{lang=en}")
        }
    }

    /// A text position: a text node and a byte offset in its literal.
    struct Mark { var node: OpaquePointer; var offset: Int }

    /// Elements with a `]` in a text child, in document order (collected before anything moves).
    static func containers(_ doc: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = [], seen: Set<OpaquePointer> = []
        forEachText(doc) { node in
            if let parent = cmark_node_parent(node), literal(node).contains(UInt8(ascii: "]")), seen.insert(parent).inserted {
                result.append(parent)
            }
        }
        return result
    }

    /// Markers left over once every pair is a span: their code is no language code.
    static func badCodes(_ doc: OpaquePointer) -> [(OpaquePointer, String)] {
        var found: [(OpaquePointer, String)] = []
        forEachText(doc) { node in
            let bytes = literal(node)
            for i in bytes.indices where bytes[i] == UInt8(ascii: "]") {
                if let code = code(bytes, at: i), !LanguageCodes.isKnown(code.text) { found.append((node, code.text)) }
            }
        }
        return found
    }

    static func forEachText(_ doc: OpaquePointer, _ body: (OpaquePointer) -> Void) {
        guard let iter = cmark_iter_new(doc) else { return }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter), cmark_node_get_type(node) == CMARK_NODE_TEXT { body(node) }
        }
    }

    /// The first `[ … ]{lang=code}` among the children of `container`, brackets paired as written.
    static func firstPair(in container: OpaquePointer) -> (Mark, Mark, String)? {
        var opens: [Mark] = []
        var child = cmark_node_first_child(container)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_TEXT {
                let bytes = literal(node)
                for i in bytes.indices {
                    if bytes[i] == UInt8(ascii: "[") { opens.append(Mark(node: node, offset: i)); continue }
                    guard bytes[i] == UInt8(ascii: "]") else { continue }
                    let open = opens.popLast()
                    guard let open, let code = code(bytes, at: i), LanguageCodes.isKnown(code.text) else { continue }
                    return (open, Mark(node: node, offset: i), code.text)
                }
            }
            child = cmark_node_next(node)
        }
        return nil
    }

    /// The code of `]{lang=code}` at `i`, with the length of the whole marker.
    static func code(_ bytes: [UInt8], at i: Int) -> (text: String, length: Int)? {
        guard bytes.count >= i + marker.count, Array(bytes[i..<i + marker.count]) == marker else { return nil }
        let start = i + marker.count
        guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "}")), end > start, end - start <= 35 else { return nil }
        return (String(decoding: bytes[start..<end], as: UTF8.self), end + 1 - i)
    }

    /// Replaces the brackets and the marker with a span that holds everything between them.
    static func wrap(open: Mark, close: Mark, code: String) {
        let closeBytes = literal(close.node)
        let length = Self.code(closeBytes, at: close.offset)!.length
        let after = Array(closeBytes[(close.offset + length)...])
        guard let span = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(span, "<span lang=\"\(escapeAttribute(code))\">")
        cmark_node_set_on_exit(span, "</span>")
        let openBytes = literal(open.node)
        if open.node == close.node {
            append(text: Array(openBytes[(open.offset + 1)..<close.offset]), to: span)
        } else {
            append(text: Array(openBytes[(open.offset + 1)...]), to: span)
            // Everything between the two text nodes moves into the span, emphasis and links too.
            while let next = cmark_node_next(open.node), next != close.node {
                cmark_node_unlink(next)
                cmark_node_append_child(span, next)
            }
            append(text: Array(closeBytes[..<close.offset]), to: span)
        }
        cmark_node_insert_after(open.node, span)
        if open.node != close.node { cmark_node_unlink(close.node); cmark_node_free(close.node) }
        if !after.isEmpty, let rest = textNode(after) { cmark_node_insert_after(span, rest) }
        setLiteral(open.node, Array(openBytes[..<open.offset]))
    }

    static func literal(_ node: OpaquePointer) -> [UInt8] {
        cmark_node_get_literal(node).map { Array(String(cString: $0).utf8) } ?? []
    }

    static func setLiteral(_ node: OpaquePointer, _ bytes: [UInt8]) {
        if bytes.isEmpty {
            cmark_node_unlink(node)
            cmark_node_free(node)
        } else {
            cmark_node_set_literal(node, String(decoding: bytes, as: UTF8.self))
        }
    }

    static func textNode(_ bytes: [UInt8]) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_literal(node, String(decoding: bytes, as: UTF8.self))
        return node
    }

    static func append(text bytes: [UInt8], to span: OpaquePointer) {
        if !bytes.isEmpty, let node = textNode(bytes) { cmark_node_append_child(span, node) }
    }
}

extension MarkdownBody {
    /// The file's line of a node of this body (a text node without its own line: its parent's).
    func line(_ node: OpaquePointer) -> Int {
        var at = Int(cmark_node_get_start_line(node))
        if at == 0, let parent = cmark_node_parent(node) { at = Int(cmark_node_get_start_line(parent)) }
        return at + source.bodyFirstLine - 1
    }
}
