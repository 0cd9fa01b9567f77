import Mustache

/// A post, event or project as lists show it. Lists insert `{{{card}}}`: the item's card, rendered
/// from its partial (`partials/card-post`, …) the first time any list needs it and shared by every
/// list after. A post appears on the blog, on each of its fields' pages and on its project: rendering
/// the partial again on each list was almost half of all template work. The card's other keys
/// (`title`, `href`, …) stay readable for themes that build their own list items.
final class CardView: MustacheParent, @unchecked Sendable {  // `html` and `hash` are guarded by `lock`
    enum Item {
        case post(Post), event(Event), project(Project)

        /// The item's source path.
        var id: String {
            switch self {
            case .post(let p): p.id
            case .event(let e): e.id
            case .project(let p): p.id
            }
        }
    }

    let item: Item
    /// Shared by all cards; it holds no card, so a card keeps no cycle alive.
    private let renderer: CardRenderer
    private let lock = NSLockLite()
    private var html: String?
    private var hash: UInt64?

    fileprivate init(_ item: Item, renderer: CardRenderer) {
        self.item = item
        self.renderer = renderer
    }

    var template: String {
        switch item {
        case .post: LayoutContext.postCardTemplate
        case .event: LayoutContext.eventCardTemplate
        case .project: LayoutContext.projectCardTemplate
        }
    }

    /// The card's keys, made when needed rather than kept: on a large site the cards of every item
    /// are alive at once, and their keys would outweigh their HTML.
    var fields: [String: Any] { renderer.fields(item) }

    func child(named name: String) -> Any? {
        name == "card" ? rendered : fields[name]
    }

    var rendered: String {
        lock.locked {
            if let html { return html }
            let made = renderer.render(fields, template: template)
            html = made
            return made
        }
    }

    /// What the card's HTML depends on: its keys and its partial (with the partials that one uses).
    var viewHash: UInt64 {
        lock.locked {
            if let hash { return hash }
            let made = ContentHash.mix(renderer.templates.dependencyHash(of: template), ViewHash.of(fields))
            hash = made
            return made
        }
    }
}

/// What every card is made and rendered with.
private final class CardRenderer: @unchecked Sendable {  // immutable
    let templates: TemplateSet
    /// The page-wide keys a card partial may use (`LayoutContext.sharedView`: `t`, `site`, …).
    let globals: [String: Any]
    let itemFields: ItemFields

    init(templates: TemplateSet, globals: [String: Any], fields: ItemFields) {
        self.templates = templates
        self.globals = globals
        itemFields = fields
    }

    func fields(_ item: CardView.Item) -> [String: Any] {
        switch item {
        case .post(let p): itemFields.post(p)
        case .event(let e): itemFields.event(e)
        case .project(let p): itemFields.project(p)
        }
    }

    /// The partial sees the card's keys first, then the page-wide ones, as it would inside a list;
    /// a page's own keys are not there for it to pick up by accident.
    func render(_ fields: [String: Any], template: String) -> String {
        templates.render(fields.merging(globals) { own, _ in own }, template: template)
    }
}

/// One card per item for a whole build (or until `removeAll`).
final class CardCache: @unchecked Sendable {  // `cards` is guarded by `lock`
    private let renderer: CardRenderer
    private let lock = NSLockLite()
    private var cards: [String: CardView] = [:]

    init(templates: TemplateSet, globals: [String: Any], fields: ItemFields) {
        renderer = CardRenderer(templates: templates, globals: globals, fields: fields)
    }

    /// The card of `item`.
    func card(_ item: CardView.Item) -> CardView {
        lock.locked {
            if let card = cards[item.id] { return card }
            let card = CardView(item, renderer: renderer)
            cards[item.id] = card
            return card
        }
    }

    /// Lets the cards go once the lists are rendered; a card asked for later is made again.
    func removeAll() { lock.locked { cards = [:] } }
}
