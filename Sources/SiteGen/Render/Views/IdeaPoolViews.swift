import MustacheEngine

/// The ideas of one field of action (or those without one).
final class IdeaGroup: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    let title, id: String
    let badge: FieldBadge?
    let projects: [ProjectCard]
    init(title: String, id: String, badge: FieldBadge?, projects: [ProjectCard]) {
        self.title = title
        self.id = id
        self.badge = badge
        self.projects = projects
    }

    static let fields = Fields<IdeaGroup>("IdeaGroup", "The ideas of one field of action.", [
        .text("title", "The field's title ('Weitere Ideen' for ideas without a field).") { $0.title },
        .text("id", "An id for the group's heading.") { $0.id },
        .optionalObject("badge", FieldBadge.fields, "The field's badge; absent for ideas without a field.") { $0.badge },
        .number("count", "How many ideas.") { $0.projects.count },
        .list("projects", ProjectCard.fields, "The ideas (projects with status idee).") { $0.projects },
    ])
}

/// How to hand in an idea: an e-mail address and/or a form on the city's own site.
final class IdeaSubmitView: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    let intro: String
    let email, emailHref, formHref: String?
    init(intro: String, email: String?, formHref: String?) {
        self.intro = intro
        self.email = email
        emailHref = email.map { "mailto:" + $0 }
        self.formHref = formHref
    }

    static let fields = Fields<IdeaSubmitView>("IdeaSubmit", "How to submit an idea (site.yml ideas).", [
        .text("intro", "What to send (site.yml ideas.intro, else the UI string).") { $0.intro },
        .optionalText("email", "The address ideas go to (ideas.email, else the publisher's).") { $0.email },
        .optionalText("emailHref", "The same as a mailto: link.") { $0.emailHref },
        .optionalText("formHref", "The address of the form on the city's site (ideas.form).") { $0.formHref },
    ])
}

final class IdeaPoolPage: TemplateView, @unchecked Sendable {  // a class: a view shown as a value is then a reference, not a copy
    let frame: PageFrame
    let groups: [IdeaGroup]
    let submit: IdeaSubmitView
    let participationHref, projectsHref: String
    init(frame: PageFrame, groups: [IdeaGroup], submit: IdeaSubmitView, participationHref: String, projectsHref: String) {
        self.frame = frame
        self.groups = groups
        self.submit = submit
        self.participationHref = participationHref
        self.projectsHref = projectsHref
    }

    static let fields = Fields<IdeaPoolPage>("ideas.mustache", "The idea pool: every project with status idee, by field of action.", PageFrame.fields { $0.frame } + [
        .list("groups", IdeaGroup.fields, "One group per field of action that has ideas, in field order (each idea under its first field); ideas without a field last.") { $0.groups },
        .object("submit", IdeaSubmitView.fields, "How to submit an idea.") { $0.submit },
        .text("participationHref", "Address of all participation formats.") { $0.participationHref },
        .text("projectsHref", "Address of all projects.") { $0.projectsHref },
    ])
}

extension LayoutContext {
    func ideaPoolView() -> IdeaPoolPage {
        let urls = site.urls
        var meta = Meta(title: strings["ideas.title"], description: strings["ideas.description"], path: urls.ideas, section: .participation)
        meta.breadcrumbs = [(strings["nav.participation"], urls.participationList), (strings["ideas.title"], nil)]
        let settings = site.config.participationSettings.ideas
        // Without an address of its own, ideas go to the publisher's.
        let email = settings?.email ?? (settings?.form == nil ? site.config.publisher.email : nil)
        let submit = IdeaSubmitView(intro: settings?.intro ?? strings["ideas.submitIntro"], email: email, formHref: settings?.form)
        return IdeaPoolPage(frame: frame(meta), groups: ideaGroups(), submit: submit,
                            participationHref: urls.href(urls.participationList), projectsHref: urls.href(urls.projects))
    }

    /// The ideas by field of action in field order, each idea once: under the first field it
    /// names (its card shows the others); then those without a known field.
    func ideaGroups() -> [IdeaGroup] {
        var byField: [String: [Project]] = [:]
        var loose: [Project] = []
        for p in site.projects where p.status == .idee {
            if let first = p.fields.first(where: { fieldBadges[$0] != nil }) { byField[first, default: []].append(p) } else { loose.append(p) }
        }
        var groups: [IdeaGroup] = site.fields.compactMap { f in
            byField[f.slug].map { IdeaGroup(title: f.title, id: "feld-\(f.slug)", badge: fieldBadges[f.slug], projects: $0.map(projectCard)) }
        }
        if !loose.isEmpty { groups.append(IdeaGroup(title: strings["ideas.withoutField"], id: "weitere", badge: nil, projects: loose.map(projectCard))) }
        return groups
    }
}
