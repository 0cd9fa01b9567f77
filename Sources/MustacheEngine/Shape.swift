import Synchronization

/// Names interned to small numbers. Templates are compiled to these, shapes index by them.
public enum Symbols {
    private static let table = Mutex<[String: Int]>([:])

    /// The number of `name`, the same for the whole process.
    public static func id(_ name: String) -> Int {
        table.withLock { table in
            if let id = table[name] { return id }
            let id = table.count
            table[name] = id
            return id
        }
    }

    static var count: Int { table.withLock { $0.count } }
}

/// What a key holds, for the load-time key check and the designers' documentation.
public indirect enum ValueType: Sendable {
    case text, html, bool, number
    case list(ValueType)
    case object(Shape)
    /// Not known in advance (dynamic data): not checked.
    case any

    /// The keys a section over a value of this type puts on top of the stack.
    var sectionShape: Shape? {
        switch self {
        case .object(let shape): shape
        case .list(let element): element.sectionShape
        default: nil
        }
    }
}

/// One key of a shape: its name, type and what it means.
public struct KeyInfo: Sendable {
    public let name: String
    public let type: ValueType
    /// May be null (a section over it may be skipped).
    public let optional: Bool
    public let doc: String

    public init(name: String, type: ValueType, optional: Bool, doc: String) {
        self.name = name
        self.type = type
        self.optional = optional
        self.doc = doc
    }
}

/// The fixed key table of a kind of object: each name's slot, found by its symbol number.
public class Shape: @unchecked Sendable {  // immutable after init
    public let name: String
    public let doc: String
    public let keys: [KeyInfo]
    public let names: [String]
    /// Slot of each symbol number, -1 where the key is not in this shape.
    private let slots: [Int32]
    /// Not checked: any key may be there (dynamic data).
    public let isOpen: Bool

    public init(name: String, doc: String, keys: [KeyInfo], isOpen: Bool = false) {
        self.name = name
        self.doc = doc
        self.keys = keys
        self.isOpen = isOpen
        names = keys.map(\.name)
        let ids = names.map(Symbols.id)
        var slots = [Int32](repeating: -1, count: (ids.max() ?? -1) + 1)
        // The first of two keys with one name wins, as in a dictionary literal it would be an error.
        for (slot, id) in ids.enumerated().reversed() { slots[id] = Int32(slot) }
        self.slots = slots
    }

    /// The slot of a symbol, or -1.
    @inlinable @inline(__always)
    public func slot(_ symbol: Int) -> Int {
        symbol < slotCount ? Int(slotAt(symbol)) : -1
    }

    @usableFromInline var slotCount: Int { slots.count }
    @usableFromInline func slotAt(_ i: Int) -> Int32 { slots[i] }

    public func key(named name: String) -> KeyInfo? { keys.first { $0.name == name } }
}

/// A shape whose values come from a Swift type's properties.
public final class Fields<T>: Shape, @unchecked Sendable {
    @usableFromInline let getters: [@Sendable (T) -> Value]

    public init(_ name: String, _ doc: String, _ fields: [ViewKey<T>]) {
        getters = fields.map(\.get)
        super.init(name: name, doc: doc, keys: fields.map(\.info))
    }

    @inlinable @inline(__always) public func value(of object: T, at slot: Int) -> Value { getters[slot](object) }
}

/// One key of a view type: how it is read from the view.
// Inlinable throughout, so that the getters are specialised for each view type where the views
// are declared (generic closures ask the runtime for type metadata on every call).
public struct ViewKey<T>: Sendable {
    @usableFromInline let info: KeyInfo
    @usableFromInline let get: @Sendable (T) -> Value

    @inlinable public init(_ name: String, _ type: ValueType, optional: Bool = false, _ doc: String, _ get: @escaping @Sendable (T) -> Value) {
        info = KeyInfo(name: name, type: type, optional: optional, doc: doc)
        self.get = get
    }

    @inlinable public static func text(_ name: String, _ doc: String, _ get: @escaping @Sendable (T) -> String) -> ViewKey {
        ViewKey(name, .text, doc) { .text(get($0)) }
    }
    @inlinable public static func optionalText(_ name: String, _ doc: String, _ get: @escaping @Sendable (T) -> String?) -> ViewKey {
        ViewKey(name, .text, optional: true, doc) { get($0).map(Value.text) ?? .null }
    }
    @inlinable public static func html(_ name: String, _ doc: String, _ get: @escaping @Sendable (T) -> Value) -> ViewKey {
        ViewKey(name, .html, doc, get)
    }
    @inlinable public static func flag(_ name: String, _ doc: String, _ get: @escaping @Sendable (T) -> Bool) -> ViewKey {
        ViewKey(name, .bool, optional: true, doc) { get($0) ? .bool(true) : .null }
    }
    @inlinable public static func number(_ name: String, _ doc: String, _ get: @escaping @Sendable (T) -> Int) -> ViewKey {
        ViewKey(name, .number, doc) { .int(get($0)) }
    }
    @inlinable public static func optionalObject<V: TemplateObject>(_ name: String, _ shape: Shape, _ doc: String,
                                                         _ get: @escaping @Sendable (T) -> V?) -> ViewKey {
        ViewKey(name, .object(shape), optional: true, doc) { get($0).map { .object($0) } ?? .null }
    }
    @inlinable public static func object<V: TemplateObject>(_ name: String, _ shape: Shape, _ doc: String,
                                                 _ get: @escaping @Sendable (T) -> V) -> ViewKey {
        ViewKey(name, .object(shape), doc) { .object(get($0)) }
    }
    /// A list of objects; empty lists are false in sections.
    @inlinable public static func list<V: TemplateObject>(_ name: String, _ shape: Shape, _ doc: String,
                                               _ get: @escaping @Sendable (T) -> [V]) -> ViewKey {
        ViewKey(name, .list(.object(shape)), optional: true, doc) { .list(ObjectList(get($0))) }
    }
    @inlinable public static func htmls(_ name: String, _ doc: String, _ get: @escaping @Sendable (T) -> [String]) -> ViewKey {
        ViewKey(name, .list(.html), optional: true, doc) { .list(ValueArray(get($0).map(Value.html))) }
    }
    @inlinable public static func texts(_ name: String, _ doc: String, _ get: @escaping @Sendable (T) -> [String]) -> ViewKey {
        ViewKey(name, .list(.text), optional: true, doc) { .list(TextList(get($0))) }
    }
}

/// A Swift type shown to templates through a static table of fields.
public protocol TemplateView: TemplateObject {
    static var fields: Fields<Self> { get }
}

// Inlinable, so that each view type gets its own specialised lookup (a generic one asks the
// runtime for the getter's function type on every call).
extension TemplateView {
    @inlinable public var shape: Shape { Self.fields }
    @inlinable @inline(__always) public func value(at slot: Int) -> Value { Self.fields.value(of: self, at: slot) }
}

/// An object made at run time from names and values (UI strings from YAML, test data).
public final class DictionaryObject: TemplateObject {
    public let shape: Shape
    let values: [Value]
    /// Over its names and values: unlike a view type's, its names come from data (a YAML file),
    /// so a key renamed in the UI strings is a change to every page, as a value changed is.
    public let storedFingerprint: UInt64?

    public init(_ entries: [(String, Value)], name: String = "data", doc: String = "") {
        shape = Shape(name: name, doc: doc, keys: entries.map { KeyInfo(name: $0.0, type: Self.type(of: $0.1), optional: false, doc: "") })
        values = entries.map(\.1)
        var h = Fingerprint.mix(10, UInt64(entries.count))
        for (key, value) in entries { h = Fingerprint.mix(Fingerprint.mix(h, Fingerprint.of(key, seed: 2)), Fingerprint.of(value)) }
        storedFingerprint = h
    }

    public func value(at slot: Int) -> Value { values[slot] }

    static func type(of value: Value) -> ValueType {
        switch value {
        case .text: .text
        case .html, .deferredHTML: .html
        case .bool: .bool
        case .int, .double: .number
        case .object(let o): .object(o.shape)
        case .list(let l): l.count > 0 ? .list(type(of: l.value(at: 0))) : .list(.any)
        case .null: .any
        }
    }
}
