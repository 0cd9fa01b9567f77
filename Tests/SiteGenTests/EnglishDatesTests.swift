import Testing
@testable import SiteGen

/// English dates follow British conventions; German ones stay as they were.
@Suite struct EnglishDatesTests {
    func d(_ s: String) -> DateTime { DateTime.parse(s)! }

    @Test func singleDatesAndTimes() {
        #expect(EnglishDates.dateTime(d("2026-11-26T18:00:00+01:00")) == "Thursday, 26 November 2026, 6 pm")
        #expect(EnglishDates.dateTime(d("2026-11-26T09:30:00+01:00")) == "Thursday, 26 November 2026, 9:30 am")
        #expect(EnglishDates.time(d("2026-11-26T12:00:00+01:00")) == "12 pm")
        #expect(EnglishDates.time(d("2026-11-26T00:15:00+01:00")) == "12:15 am")
        #expect(EnglishDates.dateTime(d("2027-03-20")) == "Saturday, 20 March 2027")
        #expect(EnglishDates.monthYear(d("2027-03-20")) == "March 2027")
        #expect(EnglishDates.monthShort(d("2026-09-01")) == "Sep")
    }

    @Test func ranges() {
        #expect(EnglishDates.range(d("2026-11-26T18:00:00+01:00"), d("2026-11-26T20:00:00+01:00")) == "Thursday, 26 November 2026, 6–8 pm")
        #expect(EnglishDates.range(d("2026-11-26T11:00:00+01:00"), d("2026-11-26T13:30:00+01:00")) == "Thursday, 26 November 2026, 11 am – 1:30 pm")
        #expect(EnglishDates.range(d("2027-03-20T10:00:00+01:00"), d("2027-03-21T16:00:00+01:00"))
            == "Saturday, 20 March 2027, 10 am to Sunday, 21 March 2027, 4 pm")
        #expect(EnglishDates.range(d("2027-03-20"), d("2027-03-21")) == "Saturday, 20 March to Sunday, 21 March 2027")
        #expect(EnglishDates.range(d("2026-12-31"), d("2027-01-01")) == "Thursday, 31 December 2026 to Friday, 1 January 2027")
    }

    /// "bis Samstag, 1. März, 00:00 Uhr" read as a day more: an end at midnight is 24:00 of the
    /// day before, as the same-day "10:00–24:00 Uhr" already said.
    @Test func anEndAtMidnightIsTheEndOfTheDayBefore() {
        let en = LocalDates(language: "en"), de = LocalDates(language: "de")
        let evening = d("2025-02-28T18:00:00+01:00"), midnight = d("2025-03-01T00:00:00+01:00")
        #expect(de.range(evening, midnight) == "Freitag, 28. Februar 2025, 18:00–24:00 Uhr")
        #expect(en.range(evening, midnight) == "Friday, 28 February 2025, 6 pm – midnight")
        #expect(de.range(d("2025-02-27T10:00:00+01:00"), midnight) == "Donnerstag, 27. Februar 2025, 10:00 Uhr bis Freitag, 28. Februar 2025, 24:00 Uhr")
        #expect(en.range(d("2025-02-27T10:00:00+01:00"), midnight) == "Thursday, 27 February 2025, 10 am to Friday, 28 February 2025, midnight")
        #expect(de.range(d("2025-02-26"), midnight) == "Mittwoch, 26. Februar bis Freitag, 28. Februar 2025", "a date start: the last day")
        #expect(de.range(d("2025-02-28"), midnight) == "Freitag, 28. Februar 2025")
        #expect(de.endWithTime(midnight) == "28. Februar 2025, 24:00 Uhr")
        #expect(en.endWithTime(midnight) == "28 February 2025, midnight")
        // The 29th of March 2026 has 23 hours (the clocks go forward): its midnight is still its own.
        #expect(de.endWithTime(d("2026-03-30T00:00:00+02:00")) == "29. März 2026, 24:00 Uhr")
        // A start at midnight is the start of its day; a minute past is no end of a day.
        #expect(de.range(d("2025-03-01T00:00:00+01:00"), d("2025-03-01T02:00:00+01:00")) == "Samstag, 1. März 2025, 00:00–02:00 Uhr")
        #expect(de.endWithTime(d("2025-03-01T00:01:00+01:00")) == "1. März 2025, 00:01 Uhr")
    }

    @Test func listsAndSizesFollowTheLanguage() {
        let en = LocalDates(language: "en"), de = LocalDates(language: "de")
        #expect(en.list(["Dortmund", "Schwerte"]) == "Dortmund and Schwerte")
        #expect(de.list(["Dortmund", "Schwerte"]) == "Dortmund und Schwerte")
        #expect(en.fileSize(4_200_000) == "4.2 MB")
        #expect(de.fileSize(4_200_000) == "4,2 MB")
        #expect(de.rangeParts(d("2027-03-20"), d("2027-03-21")) == DateRangeText(start: "Samstag, 20. März", separator: " bis ", end: "Sonntag, 21. März 2027"))
        #expect(en.rangeParts(d("2026-11-26T11:00:00+01:00"), d("2026-11-26T13:30:00+01:00"))
                == DateRangeText(start: "Thursday, 26 November 2026, 11 am", separator: " – ", end: "1:30 pm"))
        #expect(en.endWithTime(d("2026-12-13T23:59:00+01:00")) == "13 December 2026, 11:59 pm")
        // A date-only end on the start's day: until the day is over (a participation format's end).
        #expect(de.range(d("2027-02-05T10:00:00+01:00"), d("2027-02-05")) == "Freitag, 5. Februar 2027, 10:00–24:00 Uhr")
        #expect(en.range(d("2027-02-05T10:00:00+01:00"), d("2027-02-05")) == "Friday, 5 February 2027, 10 am – midnight")
    }
}
