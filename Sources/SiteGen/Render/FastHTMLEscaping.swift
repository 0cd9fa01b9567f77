import Mustache

/// swift-mustache escapes `{{value}}` one Character at a time through a dictionary, which was a
/// tenth of a large build. Our templates get a content-type pragma (added when they are loaded,
/// invisible to theme authors) that selects this escaper instead: the same five characters,
/// replaced in one pass over the UTF-8 bytes.
enum FastHTMLEscaping {
    static let name = "SITEGEN_HTML"
    /// Put in front of every template; it writes nothing and keeps line numbers as they are.
    static let pragma = "{{%CONTENT_TYPE: \(name)}}"

    /// Registers the escaper once, before any template is parsed or rendered.
    static let register: Void = {
        MustacheContentTypes.register(Escaper(), named: name)
    }()

    struct Escaper: MustacheContentType {
        func escapeText(_ text: String) -> String { escapeHTML(text) }
    }
}

/// swift-mustache turns a value into text after four casts, the last through `String(describing:)`,
/// which copies the string. Most values in our views are text: as `MustacheCustomRenderable` a
/// string passes the second cast and is handed over as it is. Sections treat it as before (never null).
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}
