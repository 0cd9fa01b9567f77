/// schema.org for a participation format. Its nearest type is `Event` ("an event happening at a
/// certain time and location"): a period with a start and maybe an end, a status, an organizer.
/// The place is where one takes part: the online address of its first https link, else the
/// place of the first event it links to; without either the JSON-LD names none.
extension StructuredData {
    static func participation(_ p: Participation, site: Site) -> String {
        let online = p.participate.lazy.compactMap { link -> String? in
            if case .web(let url) = link.target { return url } else { return nil }
        }.first
        let event = p.participate.lazy.compactMap { link -> Event? in
            guard case .event(let path) = link.target else { return nil }
            return site.events.first { $0.source.path == path && $0.location != nil }
        }.first
        var locations: [JSONObjectWriter] = []
        if let l = event?.location { locations.append(place(l)) }
        if let online { locations.append(virtualLocation(online)) }
        let mode = online != nil && event != nil ? "MixedEventAttendanceMode"
            : online != nil ? "OnlineEventAttendanceMode" : "OfflineEventAttendanceMode"
        var w = Self.event(name: p.title, description: p.summary, start: p.start, end: p.end)
        w.add("eventStatus", "https://schema.org/\(p.cancelled ? "EventCancelled" : "EventScheduled")")
        w.add("eventAttendanceMode", locations.isEmpty ? nil : "https://schema.org/\(mode)")
        w.add("location", oneOrMore: locations)
        w.add("organizer") { publisherRef(site, &$0) }
        w.add("url", site.urls.absolute(site.urls.participation(p)))
        w.add("inLanguage", p.lang ?? site.config.language)
        return w.text
    }
}
