/// Partials, parents and blocks.
extension RenderState {
    mutating func partial(_ ref: TemplateRef, indent partialIndent: [UInt8]?) {
        guard let template = ref.target else { return }
        let base = stack.count - 1
        if indent.isEmpty, partialIndent?.isEmpty ?? true, !template.usesBlocks, base > 0,
           case .object(let top) = stack[base], let identity = top.memoIdentity {
            let key = MemoKey(template: ObjectIdentifier(template), escapes: escapes, stack: shapes[base - 1], view: ObjectIdentifier(identity))
            if let output = renderer.reused(key) {
                out.append(contentsOf: output)
                return
            }
            // Reusable when every name came from the view (or what it holds) or the globals.
            let outerLowest = lowestRead, outerTruncated = truncated
            lowestRead = Int.max
            truncated = false
            let start = out.count
            expand(template, indent: partialIndent)
            if lowestRead >= base && !truncated { renderer.keep(key, identity, out[start...]) }
            lowestRead = min(outerLowest, lowestRead)
            truncated = truncated || outerTruncated
            return
        }
        expand(template, indent: partialIndent)
    }

    /// Renders another template here: with the line's indentation added when its tag stood alone
    /// on its line, without any when it stood inside a line. It escapes as the template being
    /// rendered does (a partial named `x.txt` inside an HTML page still escapes).
    mutating func expand(_ template: CompiledTemplate, indent extra: [UInt8]?) {
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
        render(template.nodes)
        indent = savedIndent
    }

    mutating func parent(_ ref: TemplateRef, _ arguments: [BlockArgument], indent extra: [UInt8]?) {
        guard let template = ref.target else { return }
        // Overrides given further out win over these (the outermost template decides).
        let saved = overrides.count
        overrides += arguments
        expand(template, indent: extra)
        overrides.removeSubrange(saved...)
    }

    mutating func block(_ symbol: Int, _ defaultNodes: [Node], indent extra: [UInt8]?) {
        let nodes = overrides.first { $0.symbol == symbol }?.nodes ?? defaultNodes
        guard let extra else {
            render(nodes)
            return
        }
        let savedIndent = indent
        indent += extra
        atLineStart = true
        render(nodes)
        indent = savedIndent
    }
}
