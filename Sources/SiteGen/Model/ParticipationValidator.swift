/// The checks of participation formats that need the whole site: dates, the files their links
/// name, the events that name them. Addresses and fields are checked with every other kind's
/// (`SiteValidator`).
enum ParticipationValidator {
    static func validate(_ site: Site) -> [Diagnostic] {
        var d: [Diagnostic] = []
        for p in site.participation {
            let dateProblems = dates(p)
            d += dateProblems
            d += participate(p, site)
            let resultProblems = results(p, site)
            d += resultProblems.isEmpty ? resultsBeforeStart(p, now: site.options.now) : resultProblems
            d += projects(p, site)
            // Whether it runs or is over follows from its dates: with an end before its start, the
            // "over, but no results" read from the mistyped end was a second message about it.
            if !dateProblems.contains(where: { $0.severity == .error }) { d += completeness(p, site) }
        }
        d += eventReferences(site)
        return d
    }

    /// End before start is an error; a date-only start with a timed end hides the end's time
    /// (not one at midnight: its day is shown, as the day before, and nothing is lost). A
    /// date-only end runs to the end of its day, also on the start's day (`start: …T10:00`, `end:
    /// 2027-02-05`: until midnight, as the README says).
    static func dates(_ p: Participation) -> [Diagnostic] {
        guard let end = p.end, let endsAt = p.endsAt else { return [] }
        if endsAt < p.start {
            return [.error(p.source.display, line: p.source.keyLines["end"], endBeforeStart(start: p.start, end: end))]
        }
        if p.start.isDateOnly, !end.isDateOnly, !end.isMidnight {
            return [.warning(p.source.display, line: p.source.keyLines["start"],
                "start is a date without a time, so the end's time (\(end.local.timeString(seconds: false))) is not shown; give start its time too, e.g. \(DateTime.parse(p.start.iso8601 + "T09:00:00")?.iso8601 ?? p.start.iso8601)")]
        }
        return []
    }

    /// Links to events must lead to an event of the site.
    static func participate(_ p: Participation, _ site: Site) -> [Diagnostic] {
        let events = (site.events + site.originalEvents).map(\.source.path)
        return p.participate.compactMap { link -> Diagnostic? in
            guard case .event(let path) = link.target, !events.contains(path) else { return nil }
            let problem = missing(path, written: link.written, from: p.source, candidates: events, kind: "an event", site: site)
            return .error(p.source.display, line: link.line, "participate link \(problem)")
        }
    }

    /// `results` must lead to a published post or page, or to a heading of the target's text.
    static func results(_ p: Participation, _ site: Site) -> [Diagnostic] {
        guard let r = p.results else { return [] }
        let at = { (message: String) -> [Diagnostic] in [.error(p.source.display, line: r.line, message)] }
        switch r.target {
        case .web: return []
        case .section(let id):
            return headingProblem(id, in: p.body, written: r.written).map { at("results: \($0)") } ?? []
        case .content(let path, let fragment):
            if let later = site.scheduledPosts.first(where: { $0.source.path == path }) {
                return fragment.flatMap { headingProblem($0, in: later.body, written: r.written) }.map { at("results: \($0)") }
                    ?? resultsLater(p, r, post: later, now: site.options.now)
            }
            let posts = site.posts + site.originalPosts, pages = site.pages + site.originalPages
            let targets = posts.map(\.source.path) + pages.map(\.source.path)
            guard let body = (posts.first { $0.source.path == path }?.body ?? pages.first { $0.source.path == path }?.body) else {
                return at("results \(missing(path, written: r.written, from: p.source, candidates: targets, kind: "a post or a page", site: site))")
            }
            return fragment.flatMap { headingProblem($0, in: body, written: r.written) }.map { at("results: \($0)") } ?? []
        }
    }

    /// Results told in a post planned for later are a plan, not a mistake: the pages link them
    /// from the post's day on (a boundary of the build's "now") and not before, so no link leads
    /// nowhere. Only a format that is over already is worth a word: its page shows no results yet.
    static func resultsLater(_ p: Participation, _ r: ParticipationResults, post: Post, now: DateTime) -> [Diagnostic] {
        guard p.status(at: now) == .abgeschlossen else { return [] }
        return [.warning(p.source.display, line: r.line,
                         "results '\(r.written)' is dated \(post.date.local.dateString) and not published yet; until then the page of this finished participation links no results")]
    }

    /// Results of a format that has not started are not shown (`Participation.shownResults`):
    /// a plan made early, or a start written wrong; either way the editor learns why.
    static func resultsBeforeStart(_ p: Participation, now: DateTime) -> [Diagnostic] {
        guard let r = p.results, p.shownResults(at: now) == nil else { return [] }
        return [.warning(p.source.display, line: r.line,
                         "results '\(r.written)' is not shown yet: results are linked once the participation has started (on \(p.start.local.dateString)); if it has started already, correct 'start'")]
    }

    static func projects(_ p: Participation, _ site: Site) -> [Diagnostic] {
        let projects = (site.projects + site.originalProjects).map(\.source.path)
        return p.projects.filter { !projects.contains($0.path) }.map { ref in
            .error(p.source.display, line: ref.line,
                   "project \(missing(ref.path, written: ref.written, from: p.source, candidates: projects, kind: "a project", site: site))")
        }
    }

    /// What editors easily forget: how to take part while one still can, and what came of it.
    static func completeness(_ p: Participation, _ site: Site) -> [Diagnostic] {
        let status = p.status(at: site.options.now)
        // Written, but no entry usable: each has its own error already. Only blank entries (the
        // ones `sitegen new` writes to fill in) are as good as none.
        if status == .geplant || status == .laufend, p.participate.isEmpty, !p.participateFailed, !site.writesMisnamed("participate", in: p.source) {
            return [.warning(p.source.display, line: p.source.line(toAdd: "participate"), "participation has no 'participate' entry, so its page cannot say how to take part; add e.g. participate: [{ label: \"Zur Umfrage\", link: https://… }]")]
        }
        if status == .abgeschlossen, p.results == nil, !site.writesMisnamed("results", in: p.source) {
            return [.warning(p.source.display, line: p.source.line(toAdd: "results"), "participation is over, but has no 'results'; add the .md file of a post or page, an https address or '#heading' of its text, so people learn what came of it")]
        }
        return []
    }

    /// An event's `participation` must name a participation format of the site.
    static func eventReferences(_ site: Site) -> [Diagnostic] {
        let known = site.participation.map(\.source.path)
        return site.events.compactMap { e -> Diagnostic? in
            guard let path = e.participation, !known.contains(path) else { return nil }
            let written = relativeLink(from: e.source.path, to: path)
            return .error(e.source.display, line: e.source.keyLines["participation"],
                          "participation \(missing(path, written: written, from: e.source, candidates: known, kind: "a participation format", site: site))")
        }
    }

    /// Why a linked file is not what it should be, with "did you mean" where a file is close.
    static func missing(_ path: String, written: String, from source: SourceRef, candidates: [String], kind: String, site: Site) -> String {
        if let reason = site.excludedSources[path] {
            return "'\(written)' \(reason) and is not published; publish it or remove the link"
        }
        if site.pathBySource[path] != nil {
            return "'\(written)' is not \(kind); link \(kind)'s .md file"
        }
        var message = "'\(written)' does not exist"
        let relative = candidates.map { relativeLink(from: source.path, to: $0) }
        if let guess = nearest(written, in: relative) { message += "; did you mean '\(guess)'?" }
        return message
    }

    /// Why `#id` is not a heading of `body`, or nil when it is. The body is rendered once here
    /// (a participation format has few links of this kind) so the ids are exactly the page's.
    static func headingProblem(_ id: String, in body: MarkdownBody, written: String) -> String? {
        let renderer = MarkdownRenderer(unsafeHTML: false) { _, _, _ in .keep }
        let ids = renderer.render(body).headings.map(\.id)
        if ids.contains(id) { return nil }
        var message = "'\(written)': there is no heading with the id '\(id)'"
        if let guess = PageLinkCheck.suggestedAnchor(id, in: ids) { message += ", did you mean '#\(guess)'?" }
        else if ids.isEmpty { message += " (the text has no headings; add e.g. ## Ergebnisse)" }
        return message
    }

    /// The relative link from the file at `from` to `to` (both relative to content/).
    static func relativeLink(from: String, to: String) -> String {
        String(repeating: "../", count: from.pathParts.count - 1) + to
    }
}
