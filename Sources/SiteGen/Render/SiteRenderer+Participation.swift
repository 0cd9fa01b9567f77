/// The participation pages (kept out of `SiteRenderer.swift`, whose cases only hand over to these).
extension SiteRenderer {
    /// The list of all formats and the idea pool (lists, rendered before the items' pages).
    func participationListJobs() -> [PageJob] { [.participationList, .ideas] }

    func participationItemJobs() -> [PageJob] { site.participation.indices.map(PageJob.participation) }

    func participationPath(_ job: PageJob) -> String {
        let urls = site.urls
        switch job {
        case .participation(let i): return urls.participation(site.participation[i])
        case .ideas: return urls.ideas
        default: return urls.participationList
        }
    }

    func participationDraft(_ job: PageJob) -> Draft {
        switch job {
        case .participation(let i):
            let p = site.participation[i]
            let md = renderMarkdown(p.body, for: job)
            return Draft(path: participationPath(job), template: "participation", view: layout.participationView(p, html: md.html),
                         source: p.source, md: md)
        case .ideas:
            return Draft(path: participationPath(job), template: "ideas", view: layout.ideaPoolView())
        default:
            return Draft(path: participationPath(job), template: "participation-list", view: layout.participationListView())
        }
    }
}
