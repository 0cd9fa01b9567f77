/// schema.org for a participation format. Its nearest type is `Event` ("an event happening at a
/// certain time and location"): a period with a start and maybe an end, a status, an organizer.
/// The place is where one takes part: the online address of its first https link, else the
/// place of the first event it links to; without either the JSON-LD names none.
extension StructuredData {
    static func participation(_ p: Participation, site: Site) -> JSON {
        let online = p.participate.lazy.compactMap { link -> String? in
            if case .web(let url) = link.target { return url } else { return nil }
        }.first
        let event = p.participate.lazy.compactMap { link -> Event? in
            guard case .event(let path) = link.target else { return nil }
            return site.events.first { $0.source.path == path && $0.location != nil }
        }.first
        var locations: [JSON] = []
        if let l = event?.location {
            locations.append(.obj([("@type", .string("Place")), ("name", .str(l.name ?? l.address)), ("address", l.address.map(postalAddress))]))
        }
        if let online { locations.append(.obj([("@type", .string("VirtualLocation")), ("url", .string(online))])) }
        let mode = online != nil && event != nil ? "MixedEventAttendanceMode"
            : online != nil ? "OnlineEventAttendanceMode" : "OfflineEventAttendanceMode"
        let url = site.urls.absolute(site.urls.participation(p))
        return .obj([
            ("@context", .string("https://schema.org")), ("@type", .string("Event")),
            ("name", .string(p.title)), ("description", .str(p.summary)),
            ("startDate", .string(p.start.iso8601)), ("endDate", .str(p.end?.iso8601)),
            ("eventStatus", .string("https://schema.org/\(p.cancelled ? "EventCancelled" : "EventScheduled")")),
            ("eventAttendanceMode", locations.isEmpty ? nil : .string("https://schema.org/\(mode)")),
            ("location", locations.isEmpty ? nil : locations.count == 1 ? locations[0] : .array(locations)),
            ("organizer", publisherRef(site)),
            ("url", .string(url)),
            ("inLanguage", .string(p.lang ?? site.config.language)),
        ])
    }
}
