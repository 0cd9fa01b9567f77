/// The form of a library's templates that rendering walks: every template's nodes laid out in one
/// array of plain instructions. An instruction holds numbers only (text spans, symbol numbers,
/// jump targets, template numbers), so walking it copies no references: profiles of the node tree
/// showed rendering spent on retaining and releasing each node's children and names.
struct Op {
    enum Code: UInt8 { case text, variable, section, invertedSection, partial, parent, block }
    let code: Code
    /// `variable`: `{{x}}` (escapes) rather than `{{{x}}}`.
    let escaped: Bool
    /// text: start in the text buffer. variable, sections: the name's first symbol (-1 for `.`).
    /// partial, parent: the template's number (-1 when there is none). block: its symbol.
    let a: Int32
    /// text: byte count. variable, sections: start of the name's symbols in `symbols`.
    /// parent: first of its arguments in `arguments`. block: the end of its default content.
    let b: Int32
    /// variable, sections: the name's symbol count. parent: its argument count.
    let c: Int32
    /// sections: the end of their content. parent: the end of its arguments.
    let d: Int32
    /// partial, parent, block: the indentation (a span of the text buffer, count -1 for none).
    let indentStart: Int32
    let indentCount: Int32

    init(_ code: Code, escaped: Bool = false, a: Int32 = 0, b: Int32 = 0, c: Int32 = 0, d: Int32 = 0,
         indent: (Int32, Int32) = (0, -1)) {
        self.code = code
        self.escaped = escaped
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        indentStart = indent.0
        indentCount = indent.1
    }
}

/// What a parent tag passes for a block: the instructions `start..<end` replace its default.
struct Argument {
    let symbol: Int32
    let start: Int32
    let end: Int32
}

/// One template in the program: its instructions and how it renders.
struct ProgramTemplate {
    let start: Int32
    let end: Int32
    let escapes: Bool
    /// Its output can depend on block overrides (see `CompiledTemplate.usesBlocks`).
    let usesBlocks: Bool
}

/// Every template of a library compiled to instructions, with the text they point into.
struct Program {
    private(set) var ops: [Op] = []
    private(set) var symbols: [Int32] = []
    private(set) var arguments: [Argument] = []
    private(set) var templates: [ProgramTemplate] = []
    private(set) var text: [UInt8] = []
    /// The number of each template by name.
    private(set) var index: [String: Int] = [:]

    /// `templates` in name order; a partial naming no template compiles to a tag that shows nothing.
    init(_ compiled: [String: CompiledTemplate]) {
        let names = compiled.keys.sorted()
        for (i, name) in names.enumerated() { index[name] = i }
        var starts: [(Int32, Int32)] = []
        for name in names {
            let start = Int32(ops.count)
            emit(compiled[name]!.nodes)
            starts.append((start, Int32(ops.count)))
        }
        templates = zip(names, starts).map { name, range in
            ProgramTemplate(start: range.0, end: range.1, escapes: compiled[name]!.escapes, usesBlocks: compiled[name]!.usesBlocks)
        }
    }

    private mutating func emit(_ nodes: [Node]) {
        for node in nodes { emit(node) }
    }

    private mutating func emit(_ node: Node) {
        switch node {
        case .text(let bytes):
            ops.append(Op(.text, a: Int32(text.count), b: Int32(bytes.count)))
            text += bytes
        case .variable(let path, let escaped, _):
            let (first, start, count) = name(path)
            ops.append(Op(.variable, escaped: escaped, a: first, b: start, c: count))
        case .section(let path, let children, let inverted, _):
            let (first, start, count) = name(path)
            let at = ops.count
            ops.append(Op(.text))  // placeholder until the end is known
            emit(children)
            ops[at] = Op(inverted ? .invertedSection : .section, a: first, b: start, c: count, d: Int32(ops.count))
        case .partial(let ref, let indent, _):
            ops.append(Op(.partial, a: number(ref), indent: span(indent)))
        case .parent(let ref, let blockArguments, let indent, _):
            emitParent(ref, blockArguments, indent: indent)
        case .block(let symbol, _, let children, let indent, _):
            let at = ops.count
            ops.append(Op(.text))
            emit(children)
            ops[at] = Op(.block, a: Int32(symbol), b: Int32(ops.count), indent: span(indent))
        }
    }

    private mutating func emitParent(_ ref: TemplateRef, _ blockArguments: [BlockArgument], indent: [UInt8]?) {
        let at = ops.count
        ops.append(Op(.text))
        var made: [Argument] = []
        for argument in blockArguments {
            let start = Int32(ops.count)
            emit(argument.nodes)
            made.append(Argument(symbol: Int32(argument.symbol), start: start, end: Int32(ops.count)))
        }
        let first = Int32(arguments.count)
        arguments += made
        ops[at] = Op(.parent, a: number(ref), b: first, c: Int32(made.count), d: Int32(ops.count), indent: span(indent))
    }

    private mutating func name(_ path: Path) -> (Int32, Int32, Int32) {
        let start = Int32(symbols.count)
        symbols += path.symbols.map { Int32($0) }
        return (Int32(path.first), start, Int32(path.symbols.count))
    }

    private func number(_ ref: TemplateRef) -> Int32 {
        Int32(index[ref.name] ?? -1)
    }

    private mutating func span(_ bytes: [UInt8]?) -> (Int32, Int32) {
        guard let bytes else { return (0, -1) }
        let start = Int32(text.count)
        text += bytes
        return (start, Int32(bytes.count))
    }
}

/// A program's tables in memory of their own, read through plain pointers while rendering (the
/// arrays would be retained and checked on each access). Immutable; freed with the library.
final class ProgramCode: @unchecked Sendable {
    let ops: UnsafeBufferPointer<Op>
    let symbols: UnsafeBufferPointer<Int32>
    let arguments: UnsafeBufferPointer<Argument>
    let templates: UnsafeBufferPointer<ProgramTemplate>
    let text: UnsafeBufferPointer<UInt8>
    /// The number of each template by name.
    let index: [String: Int]

    init(_ program: Program) {
        ops = Self.copy(program.ops)
        symbols = Self.copy(program.symbols)
        arguments = Self.copy(program.arguments)
        templates = Self.copy(program.templates)
        text = Self.copy(program.text)
        index = program.index
    }

    deinit {
        for base in [UnsafeRawPointer(ops.baseAddress), UnsafeRawPointer(symbols.baseAddress), UnsafeRawPointer(arguments.baseAddress),
                     UnsafeRawPointer(templates.baseAddress), UnsafeRawPointer(text.baseAddress)] {
            base?.deallocate()
        }
    }

    /// Trivial values only, so the copy needs no deinitializing.
    private static func copy<T>(_ values: [T]) -> UnsafeBufferPointer<T> {
        let memory = UnsafeMutablePointer<T>.allocate(capacity: max(values.count, 1))
        _ = UnsafeMutableBufferPointer(start: memory, count: values.count).initialize(from: values)
        return UnsafeBufferPointer(start: memory, count: values.count)
    }
}
