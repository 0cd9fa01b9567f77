import Foundation
import Testing
@testable import SiteGen

/// An end at 00:00 is said as 24:00 of the day before wherever a visitor reads it (pages, feeds,
/// search, the calendars' all-day days); the instants themselves stay as written.
@Suite struct MidnightEndTests {
    static let built = TestSupport.buildInMemory(minimalSiteWith: [
        "events/2026/nacht.md": "---\ntitle: Lange Nacht\nstart: 2026-12-03T18:00:00+01:00\nend: 2026-12-04T00:00:00+01:00\nlocation: Rathaus\n---\nText.\n",
        "events/2026/tage.md": "---\ntitle: Zwei Tage\nstart: 2026-12-10\nend: 2026-12-12T00:00:00+01:00\nlocation: Rathaus\n---\nText.\n",
        "participation/umfrage.md": "---\ntitle: Umfrage\nstart: 2026-11-01T09:00:00+01:00\nend: 2026-12-16T00:00:00+01:00\nparticipate: [\"mailto:a@example.org\"]\n---\nText.\n",
    ])

    static func text(_ path: String) throws -> String { try #require(built.1.text(path), "\(path) is missing") }

    @Test func pagesSayTheDayBeforeAt24() throws {
        #expect(Self.built.0.succeeded, "\(Self.built.0.diagnostics)")
        let night = try Self.text("veranstaltungen/2026/nacht/index.html")
        #expect(night.contains("Donnerstag, 3. Dezember 2026, 18:00</time>–<time datetime=\"2026-12-04T00:00:00+01:00\">24:00 Uhr</time>"), "the instant stays")
        let format = try Self.text("mitmachen/umfrage/index.html")
        #expect(format.contains("Noch bis <time datetime=\"2026-12-16T00:00:00+01:00\">15. Dezember 2026, 24:00 Uhr</time>"))
        #expect(format.contains(">Dienstag, 15. Dezember 2026, 24:00 Uhr</time>"))
        #expect(!format.contains("00:00 Uhr") && !night.contains("00:00 Uhr"))
        // A date start with an end at midnight hides no time: its last day is shown, without a warning.
        #expect(try Self.text("veranstaltungen/2026/tage/index.html").contains("Donnerstag, 10. Dezember</time> bis <time datetime=\"2026-12-12T00:00:00+01:00\">Freitag, 11. Dezember 2026</time>"))
        #expect(!Self.built.0.diagnostics.contains { $0.file.contains("tage.md") }, "\(Self.built.0.diagnostics)")
    }

    @Test func feedsAndSearchSayItAsThePagesDo() throws {
        #expect(try Self.text("veranstaltungen/feed.xml").contains("Donnerstag, 3. Dezember 2026, 18:00–24:00 Uhr"))
        #expect(try Self.text("mitmachen/feed.xml").contains("Läuft: Sonntag, 1. November 2026, 09:00 Uhr bis Dienstag, 15. Dezember 2026, 24:00 Uhr"))
        let chunks = Self.built.1.files.filter { $0.key.hasPrefix("suche/suchindex/d") }.values
        let dates = chunks.flatMap { bytes in (formatsJSON(String(decoding: bytes, as: UTF8.self)) as? [[Any]] ?? []).compactMap { $0[5] as? String } }
        #expect(dates.contains("Donnerstag, 3. Dezember 2026, 18:00–24:00 Uhr"), "\(dates)")
        #expect(dates.contains("Donnerstag, 10. Dezember bis Freitag, 11. Dezember 2026"))
    }

    /// A timed end stays the instant; an all-day entry ends after the last day shown, not a day later.
    @Test func calendarsKeepTheInstantAndTheLastDay() throws {
        let ics = FormatsICS(Array(try Self.text("veranstaltungen/kalender.ics").utf8))
        let entry = { (uid: String) in ics.events.first { $0.contains("UID:\(uid)@example.org") } ?? [] }
        #expect(entry("events/2026/nacht").contains("DTEND;TZID=Europe/Berlin:20261204T000000"))
        #expect(entry("events/2026/tage").contains("DTEND;VALUE=DATE:20261212"), "the 10th and 11th: DTEND is the day after the 11th")
        #expect(entry("participation/umfrage").contains("DTSTART;VALUE=DATE:20261215"))
    }
}
