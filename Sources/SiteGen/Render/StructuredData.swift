/// schema.org JSON-LD for search engines: the publisher, posts and events.
enum StructuredData {
    static func publisher(_ site: Site) -> JSON {
        let p = site.config.publisher
        return .obj([
            ("@context", .string("https://schema.org")), ("@type", .string("GovernmentOrganization")),
            ("name", .string(p.name)), ("url", .str(p.url ?? site.config.baseURL)), ("email", .str(p.email)),
        ])
    }

    static func publisherRef(_ site: Site) -> JSON {
        .obj([("@type", .string("GovernmentOrganization")), ("name", .string(site.config.publisher.name)),
              ("url", .str(site.config.publisher.url ?? site.config.baseURL))])
    }

    /// - Parameter keywords: its tags, as their pages spell them.
    static func post(_ p: Post, site: Site, image: String?, keywords: [String] = []) -> JSON {
        .obj([
            ("@context", .string("https://schema.org")), ("@type", .string("BlogPosting")),
            ("headline", .string(p.title)), ("description", .str(p.summary)),
            ("datePublished", .string(p.date.iso8601)), ("dateModified", .string((p.updated ?? p.date).iso8601)),
            ("author", .obj([("@type", .string("Person")), ("name", .string(p.author ?? site.config.author))])),
            ("publisher", publisherRef(site)), ("image", .str(image)),
            ("url", .string(site.urls.absolute(site.urls.post(p)))),
            ("mainEntityOfPage", .string(site.urls.absolute(site.urls.post(p)))),
            ("inLanguage", .string(p.lang ?? site.config.language)),
            ("keywords", keywords.isEmpty ? nil : .string(keywords.joined(separator: ", "))),
        ])
    }

    static func event(_ e: Event, site: Site) -> JSON {
        var locations: [JSON] = []
        if let l = e.location {
            locations.append(.obj([
                ("@type", .string("Place")), ("name", .str(l.name ?? l.address)),
                ("address", l.address.map(postalAddress)),
            ]))
        }
        if let online = e.online { locations.append(.obj([("@type", .string("VirtualLocation")), ("url", .string(online))])) }
        let mode = e.online != nil && e.location != nil ? "MixedEventAttendanceMode"
            : e.online != nil ? "OnlineEventAttendanceMode" : "OfflineEventAttendanceMode"
        let status: String
        switch e.status {
        case .geplant: status = "EventScheduled"
        case .abgesagt: status = "EventCancelled"
        case .verschoben: status = "EventPostponed"
        }
        return .obj([
            ("@context", .string("https://schema.org")), ("@type", .string("Event")),
            ("name", .string(e.title)), ("description", .str(e.summary)),
            ("startDate", .string(e.start.iso8601)), ("endDate", .str(e.end?.iso8601)),
            ("eventStatus", .string("https://schema.org/\(status)")),
            ("eventAttendanceMode", .string("https://schema.org/\(mode)")),
            ("location", locations.isEmpty ? nil : locations.count == 1 ? locations[0] : .array(locations)),
            ("organizer", publisherRef(site)),
            ("url", .string(site.urls.absolute(site.urls.event(e)))),
            // Only a site with language versions says it (the output of others stays as it was).
            ("inLanguage", site.alternates.isEmpty ? nil : .string(e.lang ?? site.config.language)),
        ])
    }

    /// "Kleppingstraße 28, 44135 Dortmund" → street, postal code and town; anything else as street.
    static func postalAddress(_ address: String) -> JSON {
        let parts = address.split(separator: ",").map { String($0).trimmingSpaces }
        if parts.count >= 2, let last = parts.last {
            let digits = last.prefix { $0.isASCII && $0.isNumber }
            let town = String(last.dropFirst(digits.count)).trimmingSpaces
            if digits.count == 5, !town.isEmpty {
                return .obj([
                    ("@type", .string("PostalAddress")), ("streetAddress", .string(parts.dropLast().joined(separator: ", "))),
                    ("postalCode", .string(String(digits))), ("addressLocality", .string(town)), ("addressCountry", .string("DE")),
                ])
            }
        }
        return .obj([("@type", .string("PostalAddress")), ("streetAddress", .string(address)), ("addressCountry", .string("DE"))])
    }
}
