/// A participation format (Beteiligung): a survey, workshop, district conference … with a period
/// in which people can take part. Its status follows from its dates and the build's "now".
public struct Participation: Sendable, Identifiable {
    public var id: String { source.path }
    public var slug: String
    public var title: String
    public var start: DateTime
    public var end: DateTime?
    public var format: String?
    public var fields: [String]
    public var cities: [String]
    public var summary: String?
    /// How to take part, in the order the front matter gives.
    public var participate: [ParticipationLink]
    /// `participate` was written, but none of its entries could be read (each has its error).
    public var participateFailed = false
    public var results: ParticipationResults?
    /// Related projects (`projects/open-smart-city-app.md`).
    public var projects: [ContentRef]
    /// `status: abgesagt`: the one status an editor sets; the others follow from the dates.
    public var cancelled: Bool
    public var lang: String?
    public var draft: Bool
    public var body: MarkdownBody
    public var source: SourceRef { body.source }

    /// The moment taking part is over: a timed end itself, the end of a date-only end's day (in
    /// Berlin, also on the days the clocks change), or nil without an end (open-ended).
    public var endsAt: DateTime? {
        guard let end else { return nil }
        return end.isDateOnly ? DateTime.startOfBerlinDay(end.local.dayNumber + 1) : end
    }

    /// The last day one can take part (day number since 1970): a timed end at 00:00 ends the day before.
    public var lastDay: Int? {
        guard let endsAt else { return nil }
        return DateTime(epochSeconds: endsAt.epochSeconds - 1).local.dayNumber
    }

    /// The status at `now`. A date-only start begins at 00:00 Berlin time of its day; the end is
    /// exclusive (at the end instant it is over), as an event is past at its end.
    public func status(at now: DateTime) -> ParticipationStatus {
        if cancelled { return .abgesagt }
        if now < start { return .geplant }
        if let endsAt, now >= endsAt { return .abgeschlossen }
        return .laufend
    }

    /// Its results, where they are shown at `now`: not before it starts. A results post that is
    /// out (or a start written a year late) would tell the outcome of what nobody could take
    /// part in yet; `ParticipationValidator.resultsBeforeStart` tells the editor why.
    func shownResults(at now: DateTime) -> ParticipationResults? {
        status(at: now) == .geplant ? nil : results
    }

    /// The moments at which the status changes (for the span of "now" a build holds for).
    var statusBoundaries: [Int64] { [start.epochSeconds] + (endsAt.map { [$0.epochSeconds] } ?? []) }
}

/// The four states of a participation format; the raw values are what open data carries.
public enum ParticipationStatus: String, Sendable, CaseIterable {
    case geplant, laufend, abgeschlossen, abgesagt
}

/// One way to take part, with the text its link shows.
public struct ParticipationLink: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        /// An https address (a survey, a registration form).
        case web(String)
        /// An e-mail address, perhaps with a subject for the message.
        case mail(MailLink)
        /// A phone number as written, without `tel:` (`+49 231 50-12345`); `PhoneNumber.href` makes its link.
        case phone(String)
        /// The content path of an event (`events/2026/auftakt.md`).
        case event(String)
    }
    /// nil: the link names itself (the event's title, the e-mail address, the phone number).
    public var label: String?
    public var target: Target
    /// The address as the front matter writes it, and its line, for messages.
    public var written: String
    public var line: Int
}

/// Where the outcome of a participation format is told.
public struct ParticipationResults: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        /// A post or page of the site (content path), with an optional heading id.
        case content(path: String, fragment: String?)
        /// A page on another site.
        case web(String)
        /// A section of the participation's own text (a heading id).
        case section(String)
    }
    public var target: Target
    public var written: String
    public var line: Int
}

/// A link in front matter to another content file, resolved to its content path.
public struct ContentRef: Sendable, Hashable {
    public var path: String
    public var written: String
    public var line: Int
}

extension DateTime {
    /// 00:00 Berlin time of a day (day number since 1970-01-01), as a date-only value.
    static func startOfBerlinDay(_ dayNumber: Int) -> DateTime {
        let local = Int64(dayNumber) * 86_400
        return DateTime(epochSeconds: local - Int64(BerlinTime.offset(forLocal: local)), isDateOnly: true)
    }
}

extension Site {
    /// The events that name `p` as their participation, soonest first.
    func events(of p: Participation) -> [Event] { events.filter { $0.participation == p.source.path } }

    /// The participation format an event names, if it is on the site.
    func participation(of e: Event) -> Participation? {
        guard let path = e.participation else { return nil }
        return participation.first { $0.source.path == path }
    }
}
