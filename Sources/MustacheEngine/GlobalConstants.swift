/// What each `{{x}}` tag of a program writes when its name is found in the globals: the globals do
/// not change during a render pass (see `Renderer`), so the value is looked up and escaped once per
/// pass instead of on every page (most tags of a site's header and footer are UI strings and site
/// values, looked up through two or three objects each time).
final class GlobalConstants: @unchecked Sendable {  // immutable after init
    /// Per instruction: where its raw and its escaped output start in `bytes`, and their lengths;
    /// a raw count of -1 where the tag's name does not start in the globals.
    private let spans: UnsafeMutableBufferPointer<Span>
    private let bytes: UnsafeMutableBufferPointer<UInt8>

    struct Span {
        var raw: Int32 = 0, rawCount: Int32 = -1, escaped: Int32 = 0, escapedCount: Int32 = 0
    }

    init(code: ProgramCode, globals: Value) {
        var spans = [Span](repeating: Span(), count: code.ops.count)
        var bytes: [UInt8] = []
        if case .object(let object) = globals {
            for (i, op) in code.ops.enumerated() where op.code == .variable && op.a >= 0 {
                let slot = object.shape.slot(Int(op.a))
                guard slot >= 0 else { continue }
                let value = RenderState.rest(of: op, in: object.value(at: slot), code)
                let (raw, escaped) = Self.output(of: value)
                spans[i] = Span(raw: Int32(bytes.count), rawCount: Int32(raw.count), escaped: Int32(bytes.count + raw.count),
                                escapedCount: Int32(escaped.count))
                bytes += raw + escaped
            }
        }
        self.spans = .allocate(capacity: max(spans.count, 1))
        _ = self.spans.initialize(from: spans)
        self.bytes = .allocate(capacity: max(bytes.count, 1))
        _ = self.bytes.initialize(from: bytes)
    }

    deinit {
        spans.deallocate()
        bytes.deallocate()
    }

    /// The output of instruction `index` when its name is found in the globals, escaped or not.
    @inline(__always) func output(at index: Int, escaped: Bool) -> UnsafeBufferPointer<UInt8>? {
        let span = spans[index]
        guard span.rawCount >= 0 else { return nil }
        let (start, count) = escaped ? (span.escaped, span.escapedCount) : (span.raw, span.rawCount)
        return UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(start + count)])
    }

    /// What `RenderState.write` writes for the value outside any indentation, as it is and escaped.
    private static func output(of value: Value) -> (raw: [UInt8], escaped: [UInt8]) {
        guard let (text, escapable) = RenderState.text(of: value) else { return ([], []) }
        let raw = Array(text.utf8)
        guard escapable else { return (raw, raw) }
        var escaped = OutputBuffer(capacity: raw.count)
        raw.withUnsafeBufferPointer { HTMLEscaping.append($0, to: &escaped) }
        return (raw, escaped.bytes())
    }
}
