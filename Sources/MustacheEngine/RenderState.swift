/// One render in progress: the output, the context stack, indentation and block overrides.
/// Not copyable, as the output it holds is not.
struct RenderState: ~Copyable {
    let renderer: Renderer
    let code: ProgramCode
    let constants: GlobalConstants
    /// Room for most pages (16 to 32 KB): growing copies what was written.
    var out = OutputBuffer(capacity: 32_768)
    /// The context stack: its values, and beside them what a name lookup reads of each.
    var values: [Value] = []
    var frames: [Frame] = []
    var escapes: Bool
    /// Written at the start of each template line (standalone partials, parents and blocks).
    var indent: [UInt8] = []
    var atLineStart = false
    var overrides: [Argument] = []
    /// The partials being rendered for reuse, innermost last (see `partial`).
    var recordings: [Recording] = []
    /// Partials and parents being expanded inside each other. A partial that includes itself is
    /// fine while its data ends the recursion; one that does not would overflow the stack.
    var expansions = 0
    static let maximumExpansions = 100
    /// Expansions in the whole render: a partial that includes itself twice doubles at each level.
    var totalExpansions = 0
    /// Set when a limit stopped an expansion: the output is cut short, and not kept for reuse.
    var truncated = false
    static let maximumTotalExpansions = 100_000

    /// What a name lookup reads of a value on the context stack: plain numbers, so that looking
    /// through the stack copies and retains nothing.
    struct Frame {
        /// Its keys (nil for a value without keys), read without opening the value. Unretained:
        /// the value holds its shape. (Not `unowned(unsafe)`: with it, this compiler's debug
        /// build removed two frames from the array at once.)
        let shape: Unmanaged<Shape>?
    }

    init(renderer: Renderer, escapes: Bool) {
        self.renderer = renderer
        code = renderer.library.code
        constants = renderer.constants
        self.escapes = escapes
    }

    mutating func push(_ value: Value) {
        var shape: Shape?
        if case .object(let o) = value { shape = o.shape }
        frames.append(Frame(shape: shape.map { Unmanaged.passUnretained($0) }))
        values.append(value)
    }

    mutating func pop() {
        frames.removeLast()
        values.removeLast()
    }

    /// Runs the instructions `start..<end`.
    mutating func run(_ start: Int32, _ end: Int32) {
        let ops = code.ops
        var i = Int(start)
        let end = Int(end)
        while i < end {
            let op = ops[i]
            switch op.code {
            case .text:
                write(text: UnsafeBufferPointer(rebasing: code.text[Int(op.a)..<Int(op.a + op.b)]))
                i += 1
            case .variable:
                if let bytes = constantOutput(op, at: i) {
                    write(bytes: bytes, escaped: false)
                } else {
                    write(lookup(op, at: i), escaped: op.escaped && escapes)
                }
                i += 1
            case .section:
                section(lookup(op, at: i), Int32(i + 1), op.d)
                i = Int(op.d)
            case .invertedSection:
                if !lookup(op, at: i).isTruthy { run(Int32(i + 1), op.d) }
                i = Int(op.d)
            case .partial:
                partial(op)
                i += 1
            case .parent:
                parent(op)
                i = Int(op.d)
            case .block:
                block(op, Int32(i + 1))
                i = Int(op.b)
            }
        }
    }

    /// The value a variable or section names: the first frame from the top that has the first
    /// name, then each further name inside it. `index` is the instruction's place in the program.
    mutating func lookup(_ op: Op, at index: Int) -> Value {
        let first = Int(op.a)
        guard first >= 0 else { return values[values.count - 1] }
        var i = frames.count - 1
        while i >= 0 {
            if let (o, slot) = found(first, in: i) {
                let value = Self.rest(of: op, in: o.value(at: slot), code)
                if let innermost = recordings.last, i < innermost.base {
                    if i > 0 { record(index, value, frame: i) } else { record(index, place: Recording.atGlobals, frame: 0) }
                }
                return value
            }
            i -= 1
        }
        if !recordings.isEmpty { record(index, place: Recording.nowhere, frame: -1) }
        return .null
    }

    /// What a tag writes when its name is found in the globals (see `GlobalConstants`), else nil.
    @inline(__always) mutating func constantOutput(_ op: Op, at index: Int) -> UnsafeBufferPointer<UInt8>? {
        guard let bytes = constants.output(at: index, escaped: op.escaped && escapes) else { return nil }
        var i = frames.count - 1
        while i > 0 {
            if found(Int(op.a), in: i) != nil { return nil }
            i -= 1
        }
        if !recordings.isEmpty { record(index, place: Recording.atGlobals, frame: 0) }
        return bytes
    }

    /// The value of a dotted name's further parts (`nav.blog` of `t.nav.blog`) inside the value
    /// its first part named.
    @inline(__always) static func rest(of op: Op, in first: Value, _ code: ProgramCode) -> Value {
        var value = first
        var k = 1
        while k < Int(op.c) {
            guard case .object(let inner) = value else { return .null }
            let s = inner.shape.slot(Int(code.symbols[Int(op.b) + k]))
            value = s >= 0 ? inner.value(at: s) : .null
            k += 1
        }
        return value
    }

    /// The object in frame `i` and the slot of the name `symbol` in it, when it has that name.
    @inline(__always) func found(_ symbol: Int, in i: Int) -> (any TemplateObject, Int)? {
        guard let shape = frames[i].shape, case let slot = shape._withUnsafeGuaranteedRef({ $0.slot(symbol) }), slot >= 0,
              case .object(let o) = values[i] else { return nil }
        return (o, slot)
    }

    /// The frame a name's first part is found in, counted from the bottom (-1: none).
    func frameOf(_ op: Op) -> Int {
        let first = Int(op.a)
        guard first >= 0 else { return values.count - 1 }
        var i = frames.count - 1
        while i >= 0, found(first, in: i) == nil { i -= 1 }
        return i
    }

    /// A section over `value` with the content `start..<end`.
    mutating func section(_ value: Value, _ start: Int32, _ end: Int32) {
        switch value {
        case .null: return
        case .bool(let b): if b { run(start, end) }
        case .list(let list):
            for i in 0..<list.count {
                push(list.value(at: i))
                run(start, end)
                pop()
            }
        default:
            push(value)
            run(start, end)
            pop()
        }
    }
}

@usableFromInline @inline(__always) func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
    var x = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
    x ^= x >> 29
    return x &* 0xBF58_476D_1CE4_E5B9
}
