import MustacheEngine

/// One field of action in the strategy page's overview: how many projects, ideas and
/// participation formats it has, each count linking to that part of the field's page.
final class FieldOverviewRow: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    let badge: FieldBadge
    let projects, ideas, participation: Int
    let projectsHref, participationHref: String

    init(badge: FieldBadge, projects: Int, ideas: Int, participation: Int, projectsHref: String, participationHref: String) {
        self.badge = badge
        self.projects = projects
        self.ideas = ideas
        self.participation = participation
        self.projectsHref = projectsHref
        self.participationHref = participationHref
    }

    static let fields = Fields<FieldOverviewRow>("FieldOverviewRow", "A field of action with its counts: the badge's keys and more.", FieldBadge.keys { $0.badge } + [
        .number("projects", "Number of its projects.") { $0.projects },
        .number("ideas", "How many of them are ideas (status idee).") { $0.ideas },
        .number("participation", "Number of its participation formats.") { $0.participation },
        .flag("hasProjects", "True when it has projects.") { $0.projects > 0 },
        .flag("hasParticipation", "True when it has participation formats.") { $0.participation > 0 },
        .text("projectsHref", "Its page's list of projects.") { $0.projectsHref },
        .text("participationHref", "Its page's list of participation formats.") { $0.participationHref },
    ])
}

final class FieldOverview: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    let rows: [FieldOverviewRow]
    let projects, ideas, participation: Int
    init(rows: [FieldOverviewRow], projects: Int, ideas: Int, participation: Int) {
        self.rows = rows
        self.projects = projects
        self.ideas = ideas
        self.participation = participation
    }

    static let fields = Fields<FieldOverview>("FieldOverview", "How the fields of action, their projects and participation formats fit together.", [
        .list("rows", FieldOverviewRow.fields, "One row per field of action, in strategy order.") { $0.rows },
        .number("projects", "All projects (each once, though it may have several fields).") { $0.projects },
        .number("ideas", "All ideas among them.") { $0.ideas },
        .number("participation", "All participation formats (each once).") { $0.participation },
    ])
}

extension LayoutContext {
    /// The strategy page's table: per field its projects, ideas and participation formats.
    func fieldOverview() -> FieldOverview? {
        guard !site.fields.isEmpty else { return nil }
        let urls = site.urls
        let rows = site.fields.map { f in
            let projects = index.projects(of: f.slug)
            let page = urls.href(urls.field(f))
            return FieldOverviewRow(badge: fieldBadges[f.slug]!, projects: projects.count, ideas: projects.filter { $0.status == .idee }.count,
                                    participation: site.participation.filter { $0.fields.contains(f.slug) }.count,
                                    projectsHref: page + "#projekte", participationHref: page + "#mitmachen")
        }
        return FieldOverview(rows: rows, projects: site.projects.count, ideas: site.projects.filter { $0.status == .idee }.count,
                             participation: site.participation.count)
    }
}
