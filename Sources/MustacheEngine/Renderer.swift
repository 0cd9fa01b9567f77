import Synchronization

/// Renders a library's templates for one pass (a build). Thread-safe: pages may be rendered in
/// parallel. A partial rendered with a view that has a `memoIdentity` on top of the stack is kept
/// and reused while that view lives, where what it read below that view is as it was (`RenderState.partial`).
public final class Renderer: Sendable {
    public let library: TemplateLibrary
    let globals: Value
    let constants: GlobalConstants
    /// Kept partials, in shards by view: both threads look them up for every card and chrome.
    private let memo = (0..<Renderer.memoShards).map { _ in MemoShard() }
    private static let memoShards = 32

    /// - Parameter globals: the bottom of every stack: values every page shares.
    public init(library: TemplateLibrary, globals: (any TemplateObject)? = nil) {
        self.library = library
        let globals = globals.map { Value.object($0) } ?? .null
        self.globals = globals
        constants = GlobalConstants(code: library.code, globals: globals)
    }

    /// The template's output for `view`, or nil when there is no such template.
    public func render(_ template: String, _ view: Value) -> [UInt8]? { renderReporting(template, view)?.output }

    /// The output, and whether a limit cut it short: partials nested more than 100 deep or
    /// expanded more than 100,000 times in one render (a partial including itself without data
    /// that ends it).
    public func renderReporting(_ template: String, _ view: Value) -> (output: [UInt8], truncated: Bool)? {
        guard let number = library.code.index[template] else { return nil }
        let compiled = library.code.templates[number]
        var state = RenderState(renderer: self, escapes: compiled.escapes)
        state.push(globals)
        state.push(view)
        state.run(compiled.start, compiled.end)
        return (state.out.bytes(), state.truncated)
    }

    public func render(_ template: String, _ view: any TemplateObject) -> [UInt8]? { render(template, .object(view)) }

    /// Forgets the reused partials (and lets the views they were kept for go).
    public func forgetReusedPartials() { for shard in memo { shard.table.withLock { $0 = MemoTable() } } }

    func reused(_ key: MemoKey) -> MemoEntry? { shard(key).table.withLock { $0[key] } }

    func keep(_ key: MemoKey, _ identity: AnyObject, _ output: [UInt8], reads: [Recording.Read]) {
        let entry = MemoEntry(identity: identity, output: output, reads: reads)
        shard(key).table.withLock { $0.set(entry, for: key) }
    }

    /// By the view's address (objects are 16-byte aligned: the low bits say nothing).
    private func shard(_ key: MemoKey) -> MemoShard {
        memo[Int(truncatingIfNeeded: (UInt(bitPattern: key.view) >> 4) % UInt(Self.memoShards))]
    }
}

final class MemoShard: Sendable {
    let table = Mutex(MemoTable())
}

struct MemoKey: Hashable {
    /// The template's number in the library's program.
    let template: Int
    let escapes: Bool
    let view: ObjectIdentifier
}

/// Keeps the view alive, so that its identity is not given to another object meanwhile. A class:
/// taking it out of the table is one retain, not one per field.
final class MemoEntry: @unchecked Sendable {
    let identity: AnyObject
    let output: [UInt8]
    /// What the output depends on below the view (see `RenderState.partial`).
    let reads: [Recording.Read]

    init(identity: AnyObject, output: [UInt8], reads: [Recording.Read]) {
        self.identity = identity
        self.output = output
        self.reads = reads
    }
}
