import Mustache

/// A post, event or project as lists show it. Lists insert `{{{card}}}`: the item's card, rendered
/// from its partial (`partials/card-post`, …) the first time any list needs it and shared by every
/// list after. A post appears on the blog, on each of its fields' pages and on its project: rendering
/// the partial again on each list was almost half of all template work. The card's other keys
/// (`title`, `href`, …) stay readable for themes that build their own list items.
final class CardView: MustacheParent, @unchecked Sendable {  // `html` and `hash` are guarded by `lock`
    let template: String
    private let cache: CardCache
    /// The card's keys are made when needed, not kept: a site's cards stay alive for the whole render,
    /// and on a large site their views would outweigh their HTML.
    private let makeFields: () -> [String: Any]
    private let lock = NSLockLite()
    private var html: String?
    private var hash: UInt64?

    fileprivate init(template: String, cache: CardCache, fields: @escaping () -> [String: Any]) {
        self.template = template
        self.cache = cache
        makeFields = fields
    }

    var fields: [String: Any] { makeFields() }

    func child(named name: String) -> Any? {
        name == "card" ? rendered : makeFields()[name]
    }

    var rendered: String {
        lock.locked {
            if let html { return html }
            let made = cache.render(makeFields(), template: template)
            html = made
            return made
        }
    }

    /// What the card's HTML depends on: its keys and its partial (with the partials that one uses).
    var viewHash: UInt64 {
        lock.locked {
            if let hash { return hash }
            let made = ContentHash.mix(cache.templates.dependencyHash(of: template), ViewHash.of(makeFields()))
            hash = made
            return made
        }
    }
}

/// One card per item and partial for the whole build, and what every card is rendered with.
final class CardCache: @unchecked Sendable {  // `cards` is guarded by `lock`
    let templates: TemplateSet
    /// The page-wide keys a card partial may use: `t` (UI strings) and `site`.
    private let globals: [String: Any]
    private let lock = NSLockLite()
    private var cards: [String: CardView] = [:]

    init(templates: TemplateSet, globals: [String: Any]) {
        self.templates = templates
        self.globals = globals
    }

    /// The card of the item `key` (its source path) through `template`; `fields` makes its keys.
    func card(_ template: String, key: String, fields: @escaping () -> [String: Any]) -> CardView {
        let id = template + "\u{0}" + key
        return lock.locked {
            if let card = cards[id] { return card }
            let card = CardView(template: template, cache: self, fields: fields)
            cards[id] = card
            return card
        }
    }

    /// The partial sees the card's keys first, then the page-wide ones, as it would inside a list;
    /// a page's own keys are not there for it to pick up by accident.
    fileprivate func render(_ fields: [String: Any], template: String) -> String {
        templates.render(fields.merging(globals) { own, _ in own }, template: template)
    }
}
