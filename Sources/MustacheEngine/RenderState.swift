/// One render in progress: the output, the context stack, indentation and block overrides.
struct RenderState {
    let renderer: Renderer
    /// The library's text buffer (see `Node.span`).
    let text: UnsafeBufferPointer<UInt8>
    var out: [UInt8] = []
    var stack: [Value] = []
    /// Per frame: its keys (nil for a value without keys), read without opening the value.
    var frameShapes: [Shape?] = []
    /// Per frame: a hash of the shapes of it and the frames below it.
    var shapes: [UInt64] = []
    var escapes: Bool
    /// Written at the start of each template line (standalone partials, parents and blocks).
    var indent: [UInt8] = []
    var atLineStart = false
    var overrides: [BlockArgument] = []
    /// The lowest frame above the globals that a name was found in (see `partial`).
    var lowestRead = Int.max
    /// Partials and parents being expanded inside each other. A partial that includes itself is
    /// fine while its data ends the recursion; one that does not would overflow the stack.
    var expansions = 0
    static let maximumExpansions = 100
    /// Expansions in the whole render: a partial that includes itself twice doubles at each level.
    var totalExpansions = 0
    /// Set when a limit stopped an expansion: the output is cut short, and not kept for reuse.
    var truncated = false
    static let maximumTotalExpansions = 100_000

    init(renderer: Renderer, text: UnsafeBufferPointer<UInt8>, escapes: Bool) {
        self.renderer = renderer
        self.text = text
        self.escapes = escapes
        out.reserveCapacity(16_384)
    }

    mutating func push(_ value: Value) {
        var shape: Shape?
        if case .object(let o) = value { shape = o.shape }
        let id = shape.map { UInt64(UInt(bitPattern: ObjectIdentifier($0))) } ?? 1
        shapes.append(mix(shapes.last ?? 0x9E37_79B9, id))
        frameShapes.append(shape)
        stack.append(value)
    }

    mutating func pop() {
        stack.removeLast()
        frameShapes.removeLast()
        shapes.removeLast()
    }

    mutating func render(_ nodes: [Node]) {
        for node in nodes {
            switch node {
            case .span(let start, let count): write(text: UnsafeBufferPointer(rebasing: text[Int(start)..<Int(start + count)]))
            case .text(let bytes): bytes.withUnsafeBufferPointer { write(text: $0) }
            case .variable(let path, let escaped, _): write(lookup(path), escaped: escaped && escapes)
            case .section(let path, let children, let inverted, _): section(lookup(path), children, inverted: inverted)
            case .partial(let ref, let indent, _): partial(ref, indent: indent)
            case .parent(let ref, let arguments, let indent, _): parent(ref, arguments, indent: indent)
            case .block(let symbol, _, let children, let indent, _): block(symbol, children, indent: indent)
            }
        }
    }

    mutating func lookup(_ path: Path) -> Value {
        let first = path.first
        guard first >= 0 else { return stack[stack.count - 1] }
        var i = stack.count - 1
        while i >= 0 {
            if let shape = frameShapes[i], case let slot = shape.slot(first), slot >= 0, case .object(let o) = stack[i] {
                if i > 0 && i < lowestRead { lowestRead = i }
                var value = o.value(at: slot)
                guard path.symbols.count > 1 else { return value }
                let symbols = path.symbols
                var k = 1
                while k < symbols.count {
                    guard case .object(let inner) = value else { return .null }
                    let s = inner.shape.slot(symbols[k])
                    guard s >= 0 else { return .null }
                    value = inner.value(at: s)
                    k += 1
                }
                return value
            }
            i -= 1
        }
        return .null
    }

    mutating func section(_ value: Value, _ children: [Node], inverted: Bool) {
        if inverted {
            if !value.isTruthy { render(children) }
            return
        }
        switch value {
        case .null: return
        case .bool(let b): if b { render(children) }
        case .list(let list):
            for i in 0..<list.count {
                push(list.value(at: i))
                render(children)
                pop()
            }
        default:
            push(value)
            render(children)
            pop()
        }
    }
}

@usableFromInline @inline(__always) func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
    var x = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
    x ^= x >> 29
    return x &* 0xBF58_476D_1CE4_E5B9
}
