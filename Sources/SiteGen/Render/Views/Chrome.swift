/// The site header and footer, rendered from `partials/site-header` and `partials/site-footer`
/// once for each state they can be in (which section is current, which access page is open)
/// instead of once per page: on a 10,000-page site they were a third of all template work.
final class Chrome: @unchecked Sendable {  // the cache is guarded by `lock`
    static let headerTemplate = "partials/site-header"
    static let footerTemplate = "partials/site-footer"

    private let templates: TemplateSet
    private let lock = NSLockLite()
    private var rendered: [String: [String: String]] = [:]

    init(templates: TemplateSet) { self.templates = templates }

    /// `["header": html, "footer": html]` for a page whose navigation is `nav` and `accessNav`;
    /// `key` names that state (equal keys must mean equal navigation).
    func parts(key: String, context: () -> [String: Any]) -> [String: String] {
        if let hit = lock.locked({ rendered[key] }) { return hit }
        let view = context()
        let parts = ["header": templates.render(view, template: Self.headerTemplate),
                     "footer": templates.render(view, template: Self.footerTemplate)]
        lock.locked { rendered[key] = parts }
        return parts
    }
}
