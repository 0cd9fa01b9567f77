/// A JSON object written straight into bytes: keys in the order they are added, nil values left
/// out, texts escaped as `JSON` escapes them. The result is the text `JSON.obj(…).serialized()`
/// gives, without building the tree first (structured data is made for every post and event page).
struct JSONObjectWriter {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var empty = true

    mutating func add(_ key: String, _ value: String?) {
        guard let value else { return }
        addKey(key)
        JSON.writeString(value, to: &bytes)
    }

    /// An object under `key`, written by `fill`.
    mutating func add(_ key: String, object fill: (inout JSONObjectWriter) -> Void) {
        var inner = JSONObjectWriter()
        fill(&inner)
        addKey(key)
        bytes += inner.closed
    }

    /// Objects written before: nothing when there are none, the object itself when there is one,
    /// else an array of them (schema.org's way for a value that may be one or several).
    mutating func add(_ key: String, oneOrMore objects: [JSONObjectWriter]) {
        guard let first = objects.first else { return }
        addKey(key)
        guard objects.count > 1 else { return bytes += first.closed }
        bytes.append(UInt8(ascii: "["))
        for (i, object) in objects.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += object.closed
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func addKey(_ key: String) {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        JSON.writeString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    var closed: [UInt8] { bytes + [UInt8(ascii: "}")] }
    var text: String { String(decoding: closed, as: UTF8.self) }
}
