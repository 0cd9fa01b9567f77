/// Turns a template's text into nodes: tokens, standalone lines, then a tree with sections,
/// partials, parents and blocks matched.
struct Parser {
    let bytes: [UInt8]
    let template: String
    /// Templates named by partial and parent tags, shared by all templates of a library.
    let refs: (String) -> TemplateRef
    var tokens: [Tokenizer.Token] = []
    var position = 0
    /// Sections, parents and blocks open around the current token.
    var depth = 0
    /// Their opening tags, outermost first (for a closing tag that does not match the innermost).
    var opened: [Tokenizer.Token] = []
    /// Problems that do not stop the template from working (see `TemplateLibrary.warnings`).
    var warnings: [TemplateError] = []
    static let maximumDepth = 100

    static func parse(_ bytes: [UInt8], template: String, firstLine: Int = 1, delimiters: Tokenizer.Delimiters = .init(),
                      warnings: inout [TemplateError], refs: @escaping (String) -> TemplateRef) throws(TemplateError) -> [Node] {
        var tokenizer = Tokenizer(bytes: bytes, template: template, firstLine: firstLine, delimiters: delimiters)
        var parser = Parser(bytes: bytes, template: template, refs: refs)
        parser.tokens = try tokenizer.tokenize()
        Standalone.mark(&parser.tokens, bytes: bytes)
        let nodes = try parser.nodes(until: nil)
        warnings += parser.warnings
        return nodes
    }

    private func fail(_ token: Tokenizer.Token, _ message: String) -> TemplateError {
        TemplateError(template: template, line: token.location.line, column: token.location.column, message: message)
    }

    /// Nodes up to the closing tag of `open` (or to the end of the text for nil).
    mutating func nodes(until open: Tokenizer.Token?) throws(TemplateError) -> [Node] {
        if let open {
            depth += 1
            if depth > Self.maximumDepth {
                throw fail(open, "sections are nested more than \(Self.maximumDepth) deep here; close some of them (is a {{/…}} missing?)")
            }
        }
        if let open { opened.append(open) }
        defer { if open != nil { depth -= 1; opened.removeLast() } }
        var nodes: [Node] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty { nodes.append(.text(text)); text = [] }
        }
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token.kind {
            case .text:
                if !token.removed { text += bytes[token.start..<token.end] } else if let kept = token.kept { text += bytes[kept] }
            case .comment, .delimiters: break
            case .variable, .raw:
                flush()
                nodes.append(.variable(path(token.name), escaped: token.kind == .variable, token.location))
            case .section, .inverted:
                flush()
                let children = try self.nodes(until: token)
                nodes.append(.section(path(token.name), children, inverted: token.kind == .inverted, token.location))
            case .partial:
                flush()
                nodes.append(.partial(refs(token.name), indent: token.standalone ? token.indent ?? [] : nil, token.location))
            case .parent:
                flush()
                let children = try self.nodes(until: token)
                let arguments = children.compactMap { node -> BlockArgument? in
                    guard case .block(let symbol, let name, let content, _, let location) = node else { return nil }
                    return BlockArgument(symbol: symbol, name: name, nodes: content, location: location)
                }
                if children.contains(where: Self.isIgnoredInParent) {
                    warnings.append(fail(token, "between {{<\(token.name)}} and {{/\(token.name)}} only blocks ({{$name}}…{{/name}}) count; the text and tags outside them are not shown"))
                }
                nodes.append(.parent(refs(token.name), arguments, indent: token.standalone ? token.indent ?? [] : nil, token.location))
            case .block:
                flush()
                nodes.append(try block(token))
            case .close:
                guard let open else { throw fail(token, "the closing tag {{/\(token.name)}} has no opening tag") }
                guard open.name == token.name else { throw mismatch(token, open: open, closedHere: nodes) }
                flush()
                return nodes
            }
        }
        if let open { throw unclosed(open) }
        flush()
        return nodes
    }

    /// A section open at the end of the text; when a set-delimiter tag inside it changed the
    /// delimiters for good, its `{{/name}}` was read as text, which is what to say.
    private func unclosed(_ open: Tokenizer.Token) -> TemplateError {
        let opening = Self.sigil(open.kind) + open.name
        guard let last = tokens.last?.delimiters, last != open.delimiters,
              let change = tokens.last(where: { $0.kind == .delimiters && $0.start > open.start }) else {
            return fail(open, "the section {{\(opening)}} is not closed; add {{/\(open.name)}}")
        }
        let (o, c) = (String(decoding: last.open, as: UTF8.self), String(decoding: last.close, as: UTF8.self))
        return fail(open, "the section {{\(opening)}} is not closed: the tag at line \(change.location.line) set the delimiters to \(o) and \(c), so a {{/\(open.name)}} after it is text; set them back with \(o)={{ }}=\(c)")
    }

    /// A closing tag that is not the innermost open section's, said as what to do: the inner
    /// section left open (an outer one has this name), this tag closing a second time what is
    /// closed already, or a mistyped name.
    private func mismatch(_ close: Tokenizer.Token, open: Tokenizer.Token, closedHere: [Node]) -> TemplateError {
        // One part for the opening tag's sigil and name: the site's message catalogue needs text between parts.
        let opening = Self.sigil(open.kind) + open.name
        if opened.dropLast().contains(where: { $0.name == close.name }) {
            return fail(open, "the section {{\(opening)}} is not closed before {{/\(close.name)}} at line \(close.location.line); add {{/\(open.name)}} where it ends")
        }
        for case .section(let path, _, let inverted, let location) in closedHere.reversed() where path.text == close.name {
            let earlier = (inverted ? "^" : "#") + close.name
            return fail(close, "the closing tag {{/\(close.name)}} has nothing to close here: {{\(earlier)}} at line \(location.line) is closed already; remove this tag")
        }
        guard open.name.count >= 3, NameDistance.between(close.name, open.name) <= open.name.count / 3 else {
            return fail(close, "the closing tag {{/\(close.name)}} does not match {{\(opening)}} at line \(open.location.line)")
        }
        return fail(close, "the closing tag {{/\(close.name)}} does not match {{\(opening)}} at line \(open.location.line); did you mean {{/\(open.name)}}?")
    }

    /// Content of a parent tag that is not a block and not blank: the parent ignores it.
    static func isIgnoredInParent(_ node: Node) -> Bool {
        switch node {
        case .block: return false
        case .text(let bytes): return bytes.contains { !isSpace($0) }
        default: return true
        }
    }

    static func sigil(_ kind: Tokenizer.Kind) -> String {
        switch kind {
        case .inverted: "^"
        case .parent: "<"
        case .block: "$"
        default: "#"
        }
    }

    private func path(_ name: String) -> Path {
        if name == "." { return Path(symbols: [], text: name) }
        // Split at the dot's byte: Character-level splitting cost more than the rest of parsing a tag.
        let parts = name.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return Path(symbols: parts.map { Symbols.id(String(Substring($0))) }, text: name)
    }

    /// A block. On a line of its own, its content loses its own indentation here and is given the
    /// indentation of the place it is expanded at (the spec's block reindentation).
    private mutating func block(_ open: Tokenizer.Token) throws(TemplateError) -> Node {
        let symbol = Symbols.id(open.name)
        guard open.standalone else {
            let children = try nodes(until: open)
            return .block(symbol, name: open.name, children, indent: nil, open.location)
        }
        _ = try nodes(until: open)  // finds the closing tag and checks what is between
        let close = tokens[position - 1]
        var contentStart = open.end
        if let newline = bytes[open.end..<close.start].firstIndex(of: 10) { contentStart = newline + 1 }
        var contentEnd = close.start
        if close.standalone, let lastBreak = bytes[contentStart..<close.start].lastIndex(of: 10) {
            contentEnd = lastBreak + 1
        } else if close.standalone {
            contentEnd = contentStart
        }
        let content = Array(bytes[contentStart..<max(contentStart, contentEnd)])
        let (dedented, indentation) = Self.dedent(content)
        let firstLine = open.location.line + bytes[open.start..<contentStart].filter { $0 == 10 }.count
        var inner = Parser(bytes: dedented, template: template, refs: refs)
        inner.depth = depth
        var tokenizer = Tokenizer(bytes: dedented, template: template, firstLine: firstLine, delimiters: open.delimiters)
        inner.tokens = try tokenizer.tokenize()
        Standalone.mark(&inner.tokens, bytes: dedented)
        let children = try inner.nodes(until: nil)
        warnings += inner.warnings
        let blank = !content.contains { !isSpace($0) }
        return .block(symbol, name: open.name, children, indent: blank ? open.indent ?? [] : indentation, open.location)
    }

    /// The text without the whitespace all its non-blank lines start with, and that whitespace.
    static func dedent(_ text: [UInt8]) -> ([UInt8], [UInt8]) {
        let lines = text.split(separator: 10, omittingEmptySubsequences: false)
        var common: [UInt8]?
        for line in lines where line.contains(where: { !isSpace($0) }) {
            let lead = Array(line.prefix { $0 == 32 || $0 == 9 })
            if let c = common {
                var n = 0
                while n < c.count, n < lead.count, c[n] == lead[n] { n += 1 }
                common = Array(c[..<n])
            } else {
                common = lead
            }
        }
        guard let prefix = common, !prefix.isEmpty else { return (text, []) }
        var out: [UInt8] = []
        for (i, line) in lines.enumerated() {
            if i > 0 { out.append(10) }
            out += line.starts(with: prefix) ? line.dropFirst(prefix.count) : line.drop { $0 == 32 || $0 == 9 }
        }
        return (out, prefix)
    }
}
