import Foundation
import Testing
@testable import SiteGen

/// Participation formats (issue #21): the status follows from start, end and the build's "now"
/// (Berlin time, date-only values as whole days, the end exclusive), `status: abgesagt` overrides.
@Suite struct ParticipationTests {
    static func at(_ text: String) -> DateTime { DateTime.parse(text)! }

    /// A participation file with these front matter lines (title added).
    static func file(_ lines: String, body: String = "Text.\n") -> String { "---\ntitle: Beteiligung\n\(lines)\n---\n\(body)" }

    /// The site modelled with one participation file `participation/p.md` and extra files.
    static func model(_ lines: String, body: String = "Text.\n", extra: [String: String] = [:],
                      now: String = "2026-11-26T12:00:00+01:00") -> (Participation?, [Diagnostic]) {
        let files = TestSupport.minimalSite.merging(["participation/p.md": file(lines, body: body)]) { _, b in b }.merging(extra) { _, b in b }
        let (site, diagnostics) = TestSupport.model(files, options: BuildOptions(now: at(now)))
        return (site?.participation.first, diagnostics)
    }

    static func status(_ lines: String, at now: String) throws -> ParticipationStatus {
        let (p, d) = model(lines)
        let participation = try #require(p, "\(d.errorMessages)")
        return participation.status(at: at(now))
    }

    // MARK: Status at its boundaries

    @Test func aTimedStartAndEndAreInstantsAndTheEndIsExclusive() throws {
        let lines = "start: 2026-12-03T18:00:00+01:00\nend: 2026-12-03T20:00:00+01:00"
        #expect(try Self.status(lines, at: "2026-12-03T17:59:59+01:00") == .geplant)
        #expect(try Self.status(lines, at: "2026-12-03T18:00:00+01:00") == .laufend, "from the start instant on")
        #expect(try Self.status(lines, at: "2026-12-03T19:59:59+01:00") == .laufend)
        #expect(try Self.status(lines, at: "2026-12-03T20:00:00+01:00") == .abgeschlossen, "over at the end instant")
    }

    @Test func aDateOnlyStartBeginsAtMidnightBerlinTime() throws {
        let lines = "start: 2026-12-01\nend: 2026-12-15"
        #expect(try Self.status(lines, at: "2026-11-30T23:59:59+01:00") == .geplant)
        #expect(try Self.status(lines, at: "2026-11-30T23:00:00Z") == .laufend, "00:00 in Berlin is 23:00 UTC the day before")
        #expect(try Self.status(lines, at: "2026-11-30T22:59:59Z") == .geplant)
    }

    @Test func aDateOnlyEndLastsItsWholeDay() throws {
        let lines = "start: 2026-12-01\nend: 2026-12-15"
        #expect(try Self.status(lines, at: "2026-12-15T23:59:59+01:00") == .laufend, "the last day counts")
        #expect(try Self.status(lines, at: "2026-12-16T00:00:00+01:00") == .abgeschlossen)
    }

    /// Days on which the clocks change are 23 and 25 hours long: the end of the day is the next
    /// midnight in Berlin, not 24 hours after this one.
    @Test func aDateOnlyEndOnADayTheClocksChange() throws {
        let spring = "start: 2026-03-01\nend: 2026-03-29"  // clocks go forward at 02:00
        #expect(try Self.status(spring, at: "2026-03-29T23:59:59+02:00") == .laufend)
        #expect(try Self.status(spring, at: "2026-03-30T00:00:00+02:00") == .abgeschlossen)
        #expect(try Self.status(spring, at: "2026-03-30T00:30:00+02:00") == .abgeschlossen, "not still running for an hour")
        let autumn = "start: 2026-10-01\nend: 2026-10-25"  // clocks go back at 03:00
        #expect(try Self.status(autumn, at: "2026-10-25T23:30:00+01:00") == .laufend, "the 25th hour still counts")
        #expect(try Self.status(autumn, at: "2026-10-26T00:00:00+01:00") == .abgeschlossen)
    }

    /// Offsets other than Berlin's (or none) name the same instants; a time without an offset is Berlin time.
    @Test func timesInOtherZonesAreTheSameInstants() throws {
        #expect(try Self.status("start: 2026-11-26T11:00:00Z", at: "2026-11-26T12:00:00+01:00") == .laufend, "11:00 UTC is 12:00 in Berlin")
        #expect(try Self.status("start: 2026-11-26T11:00:01Z", at: "2026-11-26T12:00:00+01:00") == .geplant)
        #expect(try Self.status("start: 2026-11-26T12:00:00", at: "2026-11-26T11:00:00Z") == .laufend, "no offset: Berlin time")
        #expect(try Self.status("start: 2026-01-01\nend: 2026-11-26T06:00:00-05:00", at: "2026-11-26T10:59:59Z") == .laufend, "06:00 at -05:00 is 11:00 UTC")
        #expect(try Self.status("start: 2026-01-01\nend: 2026-11-26T06:00:00-05:00", at: "2026-11-26T12:00:00+01:00") == .abgeschlossen)
    }

    @Test func withoutAnEndItRunsFromItsStartOn() throws {
        #expect(try Self.status("start: 2025-03-01", at: "2025-02-28T23:59:59+01:00") == .geplant)
        #expect(try Self.status("start: 2025-03-01", at: "2025-03-01T00:00:00+01:00") == .laufend)
        #expect(try Self.status("start: 2025-03-01", at: "2099-12-31T23:59:59+01:00") == .laufend)
    }

    @Test func cancelledOverridesEveryDate() throws {
        let lines = "start: 2026-12-03T18:00:00+01:00\nend: 2026-12-03T20:00:00+01:00\nstatus: abgesagt"
        for now in ["2026-12-01T00:00:00+01:00", "2026-12-03T19:00:00+01:00", "2027-01-01T00:00:00+01:00"] {
            #expect(try Self.status(lines, at: now) == .abgesagt, "\(now)")
        }
        #expect(try Self.status("start: 2026-12-03\nstatus: Abgesagt", at: "2026-12-04T00:00:00+01:00") == .abgesagt, "any case")
    }

    /// The last day one can take part, for the calendars: a timed end at midnight ends the day before.
    @Test func theLastDay() throws {
        func lastDay(_ lines: String) throws -> String {
            let p = try #require(Self.model(lines).0)
            return ICalendar.basicDate(try #require(p.lastDay))
        }
        #expect(try lastDay("start: 2026-12-01\nend: 2026-12-15") == "20261215")
        #expect(try lastDay("start: 2026-12-01\nend: 2026-12-15T18:00:00+01:00") == "20261215")
        #expect(try lastDay("start: 2026-12-01T09:00:00+01:00\nend: 2026-12-16T00:00:00+01:00") == "20261215")
        #expect(try Self.model("start: 2026-12-01").0?.lastDay == nil)
    }

    /// Only `abgesagt` is written by hand; the others follow from the dates.
    @Test func aStatusOtherThanCancelledIsAnErrorThatSaysWhy() throws {
        let (_, derived) = Self.model("start: 2026-12-01\nstatus: laufend")
        #expect(derived.errorMessages == ["content/participation/p.md:4: error: status 'laufend' follows from start and end and cannot be set; remove the line (only status: abgesagt is written by hand)"])
        let (_, typo) = Self.model("start: 2026-12-01\nstatus: abgsagt")
        #expect(typo.errorMessages == ["content/participation/p.md:4: error: status must be 'abgesagt' (the only status written by hand), but is 'abgsagt'; did you mean 'abgesagt'?"])
    }

    @Test func statusBoundariesBoundTheSpanABuildHoldsFor() throws {
        let (site, _) = TestSupport.model(TestSupport.minimalSite.merging([
            "participation/p.md": Self.file("start: 2026-12-01\nend: 2026-12-15"),
        ]) { _, b in b })
        let s = try #require(site)
        let validity = Builder.validity(s)
        #expect(validity.from == .min, "nothing changed the site before now")
        #expect(validity.until == Self.at("2026-12-01").epochSeconds, "the start is the next moment the site changes")
        #expect(s.timeBoundaries.contains(Self.at("2026-12-16").epochSeconds), "and the end of the last day")
    }
}
