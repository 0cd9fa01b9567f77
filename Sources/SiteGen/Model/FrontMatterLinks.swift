/// Links the templates write from front matter (an event's `registration` and `online`, a
/// participation format's `participate` and `results`). The link check of the built pages
/// reports a problem with one at the file and line of its key: the editor wrote it there, and
/// the templates only show it.
struct FrontMatterLinks: Sendable {
    struct Place: Sendable, Hashable {
        /// The content path of the file that writes the address, and that file as messages name it.
        let source: String, file: String
        let line: Int?
    }

    /// Address as the page holds it → where front matter writes it.
    private(set) var places: [String: [Place]] = [:]
    /// The anchors `results:` names, as output file and fragment (`mitmachen/neu/index.html#ergebnisse`):
    /// `ParticipationValidator.results` reports them at that line, so the pages showing the link do not.
    private(set) var checkedAnchors: Set<String> = []

    init(_ site: Site) {
        for version in [site] + site.versions + site.easyReadVersion {
            for e in version.events {
                add(e.registration, e.source, line: e.source.keyLines["registration"])
                add(e.online, e.source, line: e.source.keyLines["online"])
            }
            for p in version.participation { add(p, in: version) }
        }
    }

    /// Where an address on a page of `source` is written: in that file if it writes it, else in the first that does.
    func place(of href: String, onPageOf source: String?) -> Place? {
        guard let all = places[href] else { return nil }
        return all.first { $0.source == source } ?? all.first
    }

    /// Everything messages take from here, for the link check's cache.
    var hash: UInt64 {
        var h: UInt64 = 0
        for (href, all) in places {
            for p in all { h &+= ContentHash.mix(ContentHash.of(href + "\n" + p.file), UInt64(p.line ?? 0)) }
        }
        for anchor in checkedAnchors { h &+= ContentHash.of(anchor, seed: 7) }
        return h
    }

    private mutating func add(_ p: Participation, in version: Site) {
        for link in p.participate {
            if case .web(let url) = link.target { add(url, p.source, line: link.line) }
        }
        guard let r = p.results else { return }
        switch r.target {
        case .web(let url): add(url, p.source, line: r.line)
        case .section(let id): checkedAnchors.insert(URLScheme.outputFile(version.urls.participation(p)) + "#" + id)
        case .content(let path, let fragment?):
            if let page = version.pathBySource[path] { checkedAnchors.insert(URLScheme.outputFile(page) + "#" + fragment) }
        case .content: break
        }
    }

    private mutating func add(_ href: String?, _ source: SourceRef, line: Int?) {
        guard let href, !href.isEmpty else { return }
        places[href, default: []].append(Place(source: source.path, file: source.display, line: line))
    }
}
