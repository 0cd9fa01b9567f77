import Foundation
import Testing
@testable import SiteGen

/// Calendar entries as a calendar program reads them, for the cases the example site does not
/// have: a date-only end on the days the clocks change, a postponed event.
@Suite struct CalendarEdgeTests {
    static let built = TestSupport.buildInMemory(minimalSiteWith: [
        // Timed starts with a date-only end: the event lasts until the end of that day (24:00).
        "events/2026/oktober.md": "---\ntitle: Zwei Tage im Oktober\nstart: 2026-10-24T10:00:00+02:00\nend: 2026-10-25\nlocation: Rathaus\n---\nText.\n",
        "events/2027/maerz.md": "---\ntitle: Zwei Tage im März\nstart: 2027-03-27T10:00:00+01:00\nend: 2027-03-28\nlocation: Rathaus\n---\nText.\n",
        // The night the clocks go back: 02:00–03:00 happens twice, first at +02:00, then at +01:00.
        "events/2026/zeitumstellung.md": "---\ntitle: Lange Nacht\nstart: 2026-10-25T02:30:00+02:00\nend: 2026-10-25T02:30:00+01:00\nlocation: Rathaus\n---\nText.\n",
        "events/2027/verschoben.md": "---\ntitle: Sommerfest\nstart: 2027-06-12T15:00:00+02:00\nlocation: Park\nstatus: verschoben\n---\nText.\n",
    ])

    static func event(_ uid: String) throws -> [String] {
        let ics = FormatsICS(Array(try #require(built.1.text("veranstaltungen/kalender.ics")).utf8))
        return try #require(ics.events.first { $0.contains("UID:\(uid)@example.org") }, "\(uid) is not in the calendar")
    }

    /// `end: 2026-10-25` ends at 24:00 of the 25th, also on the Sundays the clocks change (those
    /// days have 25 and 23 hours: 86,400 seconds after midnight is 23:00 or 01:00).
    @Test func aDateOnlyEndOnTheDayTheClocksChangeEndsAtMidnight() throws {
        #expect(Self.built.0.succeeded, "\(Self.built.0.diagnostics)")
        #expect(try Self.event("events/2026/oktober").contains("DTEND;TZID=Europe/Berlin:20261026T000000"))
        #expect(try Self.event("events/2027/maerz").contains("DTEND;TZID=Europe/Berlin:20270329T000000"))
    }

    /// A postponed event keeps its old date until a new one is known. Calendar programs show
    /// `STATUS:TENTATIVE` in a subscribed calendar like any other entry (Google Calendar does),
    /// so its title says it, as in the feed and on the page.
    @Test func aPostponedEventSaysSoInItsTitle() throws {
        let entry = try Self.event("events/2027/verschoben")
        #expect(entry.contains("SUMMARY:Verschoben: Sommerfest"), "\(entry)")
        #expect(entry.contains("STATUS:TENTATIVE"))
    }

    /// A wall-clock time of the hour that happens twice means its first occurrence (RFC 5545
    /// 3.3.5), so the second one (02:30 at +01:00) is written in UTC, or calendars show it an
    /// hour early: this event lasts an hour, not nothing.
    @Test func theRepeatedHourOfTheAutumnNightIsWrittenInUTC() throws {
        let entry = try Self.event("events/2026/zeitumstellung")
        #expect(entry.contains("DTSTART;TZID=Europe/Berlin:20261025T023000"), "the first 02:30 is the wall-clock time's meaning")
        #expect(entry.contains("DTEND:20261025T013000Z"), "\(entry)")
    }
}
