/// A value a template shows. Views are built from these; the renderer switches over the case and
/// never casts.
public enum Value: Sendable {
    /// Absent or empty: renders nothing, and a section over it is skipped.
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    /// Text: `{{x}}` escapes it.
    case text(String)
    /// Markup the view trusts (rendered Markdown, JSON-LD): meant for `{{{x}}}`. `{{x}}` still
    /// escapes it, as Mustache says; the key check warns about that.
    case html(String)
    /// Markup made only when a template prints it; its fingerprint identifies it without making it.
    case deferredHTML(any DeferredText)
    case list(any ValueList)
    case object(any TemplateObject)

    /// Whether a section over this value renders (Mustache's truthiness: false, null and empty
    /// lists are false; every text, number and object is true).
    @inlinable public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        case .list(let l): l.count > 0
        default: true
        }
    }
}

// The protocols below are for classes: a value holding one is then a reference and a witness
// table, copied with one retain (an open existential is copied through its type's value witnesses,
// which profiles showed as a third of every name lookup).

/// Text that is expensive to make and is often not needed (a page taken over from the last build).
public protocol DeferredText: AnyObject, Sendable {
    var text: String { get }
    /// The text's UTF-8, for text kept as bytes (no String made to print it).
    func withUTF8(_ body: (UnsafeBufferPointer<UInt8>) -> Void)
    /// Equal fingerprints mean equal texts.
    var fingerprint: UInt64 { get }
}

extension DeferredText {
    public func withUTF8(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var s = text
        s.withUTF8(body)
    }
}

/// A list of values, read by index (an array, or a view's own collection without copying it).
public protocol ValueList: AnyObject, Sendable {
    var count: Int { get }
    func value(at index: Int) -> Value
}

/// Values shown as a list.
public final class ValueArray: ValueList {
    public let items: [Value]
    @inlinable public init(_ items: [Value]) { self.items = items }
    @inlinable public var count: Int { items.count }
    @inlinable public func value(at index: Int) -> Value { items[index] }
}

/// A list of objects of one type, shown as `.object` values without building an array of values.
public final class ObjectList<Element: TemplateObject>: ValueList {
    public let items: [Element]
    @inlinable public init(_ items: [Element]) { self.items = items }
    @inlinable public var count: Int { items.count }
    @inlinable public func value(at index: Int) -> Value { .object(items[index]) }
}

/// Texts shown as a list (`{{#tags}}{{.}}{{/tags}}`).
public final class TextList: ValueList {
    public let items: [String]
    @inlinable public init(_ items: [String]) { self.items = items }
    @inlinable public var count: Int { items.count }
    @inlinable public func value(at index: Int) -> Value { .text(items[index]) }
}

/// Something with named values: a view. Its keys are fixed by its `shape`, so a name compiled
/// into a template is found by an array index, not by hashing the name.
public protocol TemplateObject: AnyObject, Sendable {
    var shape: Shape { get }
    /// The value of the key at `slot` of `shape`.
    func value(at slot: Int) -> Value
    /// An object that stands for this value for a whole render pass (a card made once per build):
    /// partials rendered with it on top of the stack may be reused while it is alive. nil: never.
    var memoIdentity: AnyObject? { get }
    /// A fingerprint the object keeps (see `Fingerprint`), or nil to compute it from its values.
    var storedFingerprint: UInt64? { get }
}

extension TemplateObject {
    public var memoIdentity: AnyObject? { nil }
    public var storedFingerprint: UInt64? { nil }

    /// The value under `name`, or nil when the shape has no such key (slow: for tests and tools).
    public func value(named name: String) -> Value? {
        guard let slot = shape.names.firstIndex(of: name) else { return nil }
        return value(at: slot)
    }
}
