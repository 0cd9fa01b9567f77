/// German date texts for people: "Donnerstag, 26. November 2026, 18:00 Uhr".
public enum GermanDates {
    /// "26. November 2026"
    public static func date(_ d: DateTime) -> String {
        let f = d.local
        return "\(f.day). \(GermanText.months[f.month - 1]) \(f.year)"
    }

    /// "Donnerstag, 26. November 2026"
    public static func longDate(_ d: DateTime) -> String {
        "\(GermanText.weekdays[d.local.weekday]), \(date(d))"
    }

    /// "26.11.2026"
    public static func shortDate(_ d: DateTime) -> String {
        let f = d.local
        return ASCIIDigits.string(capacity: 48) { w in
            w.number(f.day, width: 2)
            w.byte(UInt8(ascii: "."))
            w.number(f.month, width: 2)
            w.byte(UInt8(ascii: "."))
            w.number(f.year, width: 1)
        }
    }

    /// "18:00 Uhr"
    public static func time(_ d: DateTime) -> String { "\(d.local.timeString(seconds: false)) Uhr" }

    /// "Donnerstag, 26. November 2026, 18:00 Uhr" (or without the time for a date).
    public static func dateTime(_ d: DateTime) -> String {
        d.isDateOnly ? longDate(d) : "\(longDate(d)), \(time(d))"
    }

    /// "November 2026"
    public static func monthYear(_ d: DateTime) -> String {
        let f = d.local
        return "\(GermanText.months[f.month - 1]) \(f.year)"
    }

    /// A start–end range the way German sites write it, a dash between two times of one day and
    /// "bis" between days:
    /// same day: "Donnerstag, 26. November 2026, 18:00–20:00 Uhr";
    /// several days: "Freitag, 20. März 2027, 10:00 Uhr bis Samstag, 21. März 2027, 16:00 Uhr";
    /// all day: "Samstag, 20. März 2027" or "Samstag, 20. März bis Sonntag, 21. März 2027".
    public static func range(_ start: DateTime, _ end: DateTime?) -> String { rangeParts(start, end).joined }

    /// `range` in its parts (see `DateRangeText`). An end at midnight is 24:00 of the day before
    /// (`DateTime.endDay`): "Freitag, 28. Februar 2025, 18:00–24:00 Uhr".
    public static func rangeParts(_ start: DateTime, _ end: DateTime?) -> DateRangeText {
        guard let end, end != start else { return DateRangeText(start: dateTime(start)) }
        let day = end.endDay
        let s = start.local, e = day.local
        if start.isDateOnly {
            if s.dayNumber >= e.dayNumber { return DateRangeText(start: longDate(start)) }
            let from = s.year == e.year ? "\(GermanText.weekdays[s.weekday]), \(s.day). \(GermanText.months[s.month - 1])" : longDate(start)
            return DateRangeText(start: from, separator: " bis ", end: longDate(day))
        }
        if s.dayNumber == e.dayNumber {
            // A date-only end, and one at midnight, run to the end of the day.
            return DateRangeText(start: "\(longDate(start)), \(s.timeString(seconds: false))", separator: "–", end: day.isDateOnly ? endOfDay : time(end))
        }
        return DateRangeText(start: dateTime(start), separator: " bis ", end: end.isMidnight ? "\(longDate(day)), \(endOfDay)" : dateTime(end))
    }

    /// The end of a day, as a time.
    static let endOfDay = "24:00 Uhr"

    /// Short form for cards: "26. Nov." style parts.
    public static func dayNumber(_ d: DateTime) -> String { String(d.local.day) }
    public static func monthShort(_ d: DateTime) -> String {
        let names = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."]
        return names[d.local.month - 1]
    }
}

/// A start–end range in the words of a page's language, in parts: the start's text and, for a
/// range, the separator and the end's text. The one definition of how a range is written: the
/// text of cards, feeds and search (`joined`) and the two `<time>` elements of an item's page
/// (`LayoutContext.when`) are both made from it, so they cannot differ.
public struct DateRangeText: Sendable, Equatable {
    public var start: String
    /// "–" between two times of one day, " bis " / " to " between days; nil without an end.
    public var separator: String?
    public var end: String?

    public init(start: String, separator: String? = nil, end: String? = nil) {
        self.start = start
        self.separator = separator
        self.end = end
    }

    public var joined: String { start + (separator ?? "") + (end ?? "") }
}
