/// schema.org JSON-LD for search engines: the publisher, posts and events.
enum StructuredData {
    static func publisher(_ site: Site) -> JSON {
        let p = site.config.publisher
        return .obj([
            ("@context", .string("https://schema.org")), ("@type", .string("GovernmentOrganization")),
            ("name", .string(p.name)), ("url", .str(p.url ?? site.config.baseURL)), ("email", .str(p.email)),
        ])
    }

    static func publisherRef(_ site: Site, _ w: inout JSONObjectWriter) {
        w.add("@type", "GovernmentOrganization")
        w.add("name", site.config.publisher.name)
        w.add("url", site.config.publisher.url ?? site.config.baseURL)
    }

    /// - Parameter keywords: its tags, as their pages spell them.
    static func post(_ p: Post, site: Site, image: String?, keywords: [String] = []) -> String {
        let url = site.urls.absolute(site.urls.post(p))
        var w = thing("BlogPosting")
        w.add("headline", p.title)
        w.add("description", p.summary)
        w.add("datePublished", p.date.iso8601)
        w.add("dateModified", (p.updated ?? p.date).iso8601)
        w.add("author") { author in
            author.add("@type", "Person")
            author.add("name", p.author ?? site.config.author)
        }
        w.add("publisher") { publisherRef(site, &$0) }
        w.add("image", image)
        w.add("url", url)
        w.add("mainEntityOfPage", url)
        w.add("inLanguage", p.lang ?? site.config.language)
        w.add("keywords", keywords.isEmpty ? nil : keywords.joined(separator: ", "))
        return w.text
    }

    static func event(_ e: Event, site: Site) -> String {
        var locations: [JSONObjectWriter] = []
        if let l = e.location { locations.append(place(l)) }
        if let online = e.online { locations.append(virtualLocation(online)) }
        let mode = e.online != nil && e.location != nil ? "MixedEventAttendanceMode"
            : e.online != nil ? "OnlineEventAttendanceMode" : "OfflineEventAttendanceMode"
        let status: String
        switch e.status {
        case .geplant: status = "EventScheduled"
        case .abgesagt: status = "EventCancelled"
        case .verschoben: status = "EventPostponed"
        }
        var w = event(name: e.title, description: e.summary, start: e.start, end: e.end)
        w.add("eventStatus", "https://schema.org/\(status)")
        w.add("eventAttendanceMode", "https://schema.org/\(mode)")
        w.add("location", oneOrMore: locations)
        w.add("organizer") { publisherRef(site, &$0) }
        w.add("url", site.urls.absolute(site.urls.event(e)))
        // Only a site with language versions says it (the output of others stays as it was).
        w.add("inLanguage", site.alternates.isEmpty ? nil : e.lang ?? site.config.language)
        return w.text
    }

    /// A schema.org object of `type`, with the context.
    static func thing(_ type: String) -> JSONObjectWriter {
        var w = JSONObjectWriter()
        w.add("@context", "https://schema.org")
        w.add("@type", type)
        return w
    }

    /// What an event and a participation format say first: an `Event` with its name, description and time.
    static func event(name: String, description: String?, start: DateTime, end: DateTime?) -> JSONObjectWriter {
        var w = thing("Event")
        w.add("name", name)
        w.add("description", description)
        w.add("startDate", start.iso8601)
        w.add("endDate", end?.iso8601)
        return w
    }

    /// Where an event takes place: its name (or address) and its address.
    static func place(_ l: Location) -> JSONObjectWriter {
        var w = JSONObjectWriter()
        w.add("@type", "Place")
        w.add("name", l.name ?? l.address)
        if let address = l.address { w.add("address") { postalAddress(address, &$0) } }
        return w
    }

    static func virtualLocation(_ url: String) -> JSONObjectWriter {
        var w = JSONObjectWriter()
        w.add("@type", "VirtualLocation")
        w.add("url", url)
        return w
    }

    /// "Kleppingstraße 28, 44135 Dortmund" → street, postal code and town; anything else as street.
    static func postalAddress(_ address: String, _ w: inout JSONObjectWriter) {
        w.add("@type", "PostalAddress")
        let parts = address.split(separator: ",").map { String($0).trimmingSpaces }
        if parts.count >= 2, let last = parts.last {
            let digits = last.prefix { $0.isASCII && $0.isNumber }
            let town = String(last.dropFirst(digits.count)).trimmingSpaces
            if digits.count == 5, !town.isEmpty {
                w.add("streetAddress", parts.dropLast().joined(separator: ", "))
                w.add("postalCode", String(digits))
                w.add("addressLocality", town)
                w.add("addressCountry", "DE")
                return
            }
        }
        w.add("streetAddress", address)
        w.add("addressCountry", "DE")
    }
}
