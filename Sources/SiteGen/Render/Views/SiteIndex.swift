/// Lookups every list page needs, computed once per build: which posts, projects and upcoming
/// events belong to each field. (Filtering every post for every field page made a 10,000-item
/// site quadratic.)
struct SiteIndex: Sendable {
    /// Events not yet over at `now`, soonest first; those over, newest first.
    let upcomingEvents: [Event]
    let pastEvents: [Event]
    /// Field slug → items of that field, in the site's order.
    let postsByField: [String: [Post]]
    let projectsByField: [String: [Project]]
    let upcomingEventsByField: [String: [Event]]

    init(site: Site) {
        upcomingEvents = site.upcomingEvents
        pastEvents = site.pastEvents
        postsByField = Self.group(site.posts, \.fields)
        projectsByField = Self.group(site.projects, \.fields)
        upcomingEventsByField = Self.group(upcomingEvents, \.fields)
    }

    func posts(of field: String) -> [Post] { postsByField[field] ?? [] }
    func projects(of field: String) -> [Project] { projectsByField[field] ?? [] }
    func upcomingEvents(of field: String) -> [Event] { upcomingEventsByField[field] ?? [] }

    private static func group<T>(_ items: [T], _ fields: KeyPath<T, [String]>) -> [String: [T]] {
        var groups: [String: [T]] = [:]
        for item in items {
            // An item names a field once even if its front matter repeats it.
            var seen: Set<String> = []
            for f in item[keyPath: fields] where seen.insert(f).inserted { groups[f, default: []].append(item) }
        }
        return groups
    }
}
