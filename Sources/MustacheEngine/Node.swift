/// A compiled template: a tree of nodes whose names are symbol numbers.
final class CompiledTemplate: @unchecked Sendable {  // `nodes` is set once while loading
    let name: String
    let escapes: Bool
    var nodes: [Node] = []
    /// Whether the template or a partial it uses has a block (`{{$…}}`): its output then depends on
    /// the overrides in force, so it is not reused between renders.
    var usesBlocks = true

    init(name: String, escapes: Bool) {
        self.name = name
        self.escapes = escapes
    }
}

/// A dotted name compiled to symbol numbers; empty is the implicit iterator `.`. A class, so that
/// a node holding it is copied with one reference.
final class Path: Sendable {
    let symbols: [Int]
    /// The first symbol, or -1 for `.`.
    let first: Int
    let text: String

    init(symbols: [Int], text: String) {
        self.symbols = symbols
        first = symbols.first ?? -1
        self.text = text
    }
}

/// Where a tag stands in its template (1-based).
public struct SourceLocation: Sendable, Equatable {
    public let line: Int
    public let column: Int
}

/// A partial or parent named by a tag, found once all templates are loaded.
final class TemplateRef: @unchecked Sendable {  // `target` is set once while loading
    let name: String
    /// Not a strong reference: a template that includes itself would keep itself alive. The
    /// library holds every template for as long as anything renders with it.
    unowned(unsafe) var target: CompiledTemplate?
    init(name: String) { self.name = name }
}

/// What a parent tag passes to its parent template in place of a block's default.
struct BlockArgument: Sendable {
    let symbol: Int
    let name: String
    let nodes: [Node]
    /// Where its `{{$name}}` is (a block the parent lacks is named there).
    let location: SourceLocation
}

/// A template as parsed: checked by the key check, compiled into a `Program` to render.
enum Node: Sendable {
    case text([UInt8])
    case variable(Path, escaped: Bool, SourceLocation)
    case section(Path, [Node], inverted: Bool, SourceLocation)
    /// `indent` is nil for a partial inside a line, the line's leading whitespace for a standalone one.
    case partial(TemplateRef, indent: [UInt8]?, SourceLocation)
    case parent(TemplateRef, [BlockArgument], indent: [UInt8]?, SourceLocation)
    /// `indent` is nil for a block inside a line; for a standalone block, the indentation its
    /// content is given where it is expanded.
    case block(Int, name: String, [Node], indent: [UInt8]?, SourceLocation)
}
