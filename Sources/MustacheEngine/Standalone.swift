/// Mustache's standalone lines: a line that holds only whitespace and tags that print nothing
/// (sections, comments, partials, parents, blocks, set-delimiters) disappears from the output,
/// its whitespace and line break included. The whitespace before a standalone partial, parent or
/// block is its indentation.
enum Standalone {
    static func mark(_ tokens: inout [Tokenizer.Token], bytes: [UInt8]) {
        var lineStart = 0
        var i = 0
        while i < tokens.count {
            let endsLine = tokens[i].kind == .text && bytes[tokens[i].end - 1] == 10
            if endsLine || i == tokens.count - 1 {
                markLine(lineStart...i, &tokens, bytes: bytes)
                lineStart = i + 1
            }
            i += 1
        }
    }

    /// Two tags that stand alone on a line together (the spec's standalone parents and blocks):
    /// a parent or block opened and closed at once, a parent opened with its first block, a last
    /// block closed with its parent.
    private static func isPair(_ a: Tokenizer.Token, _ b: Tokenizer.Token) -> Bool {
        guard a.end == b.start else { return false }
        switch (a.kind, b.kind) {
        case (.parent, .close), (.block, .close): return a.name == b.name
        case (.parent, .block), (.close, .close): return true
        default: return false
        }
    }

    private static func markLine(_ line: ClosedRange<Int>, _ tokens: inout [Tokenizer.Token], bytes: [UInt8]) {
        var tags: [Int] = []
        for i in line {
            switch tokens[i].kind {
            case .text:
                if bytes[tokens[i].start..<tokens[i].end].contains(where: { !isSpace($0) }) { return }
            case .variable, .raw: return
            default: tags.append(i)
            }
        }
        guard let firstTag = tags.first, tags.count == 1 || (tags.count == 2 && isPair(tokens[tags[0]], tokens[tags[1]])) else { return }
        let indent = line.lowerBound < firstTag
            ? Array(bytes[tokens[line.lowerBound].start..<tokens[firstTag - 1].end]) : []
        var indented = false
        for i in tags {
            tokens[i].standalone = true
            switch tokens[i].kind {
            case .partial where !indented, .parent where !indented, .block where !indented:
                tokens[i].indent = indent
                indented = true
            default: break
            }
        }
        for i in line where tokens[i].kind == .text { tokens[i].removed = true }
        // An empty block on a line of its own keeps the line break: the block's content brings
        // none of its own (the spec's "Standalone block").
        if let last = tags.last, last == line.upperBound - 1 || last == line.upperBound, tags.count == 2,
           tokens[last].kind == .close, tokens[tags[tags.count - 2]].kind == .block,
           tokens[tags[tags.count - 2]].name == tokens[last].name, tokens[line.upperBound].kind == .text {
            let text = tokens[line.upperBound]
            let breakStart = text.end >= 2 && bytes[text.end - 2] == 13 ? text.end - 2 : text.end - 1
            if bytes[text.end - 1] == 10 { tokens[line.upperBound].kept = breakStart..<text.end }
        }
    }
}
