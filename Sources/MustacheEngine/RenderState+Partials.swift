/// Partials, parents and blocks.
extension RenderState {
    mutating func partial(_ op: Op) {
        guard op.a >= 0 else { return }
        let number = Int(op.a)
        let template = code.templates[number]
        let extra = indentation(op)
        let base = frames.count - 1
        if indent.isEmpty, extra?.isEmpty ?? true, !template.usesBlocks, base > 0,
           case .object(let top) = values[base], let identity = top.memoIdentity {
            let key = MemoKey(template: number, escapes: escapes, stack: frames[base - 1].shapes, view: ObjectIdentifier(identity))
            if let output = renderer.reused(key) {
                out.append(contentsOf: output)
                return
            }
            // Reusable when every name came from the view (or what it holds) or the globals.
            let outerLowest = lowestRead, outerTruncated = truncated
            lowestRead = Int.max
            truncated = false
            let start = out.count
            expand(template, indent: extra)
            if lowestRead >= base && !truncated { renderer.keep(key, identity, out[start...]) }
            lowestRead = min(outerLowest, lowestRead)
            truncated = truncated || outerTruncated
            return
        }
        expand(template, indent: extra)
    }

    /// The indentation a partial, parent or block tag gives: nil inside a line, the line's
    /// leading whitespace when the tag stood alone on its line.
    func indentation(_ op: Op) -> UnsafeBufferPointer<UInt8>? {
        op.indentCount < 0 ? nil : UnsafeBufferPointer(rebasing: code.text[Int(op.indentStart)..<Int(op.indentStart + op.indentCount)])
    }

    /// Renders another template here: with the line's indentation added when its tag stood alone
    /// on its line, without any when it stood inside a line. It escapes as the template being
    /// rendered does (a partial named `x.txt` inside an HTML page still escapes).
    mutating func expand(_ template: ProgramTemplate, indent extra: UnsafeBufferPointer<UInt8>?) {
        guard expansions < Self.maximumExpansions, totalExpansions < Self.maximumTotalExpansions else {
            truncated = true
            return
        }
        expansions += 1
        totalExpansions += 1
        defer { expansions -= 1 }
        let savedIndent = indent
        if let extra {
            indent += extra
            atLineStart = true
        } else {
            indent = []
        }
        run(template.start, template.end)
        indent = savedIndent
    }

    mutating func parent(_ op: Op) {
        guard op.a >= 0 else { return }
        // Overrides given further out win over these (the outermost template decides).
        let saved = overrides.count
        overrides += code.arguments[Int(op.b)..<Int(op.b + op.c)]
        expand(code.templates[Int(op.a)], indent: indentation(op))
        overrides.removeSubrange(saved...)
    }

    /// A block whose default content is `start..<op.b`.
    mutating func block(_ op: Op, _ start: Int32) {
        let override = overrides.first { $0.symbol == op.a }
        let (from, to) = override.map { ($0.start, $0.end) } ?? (start, op.b)
        guard let extra = indentation(op) else {
            run(from, to)
            return
        }
        let savedIndent = indent
        indent += extra
        atLineStart = true
        run(from, to)
        indent = savedIndent
    }
}
