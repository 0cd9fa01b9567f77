/// English date texts for people, British conventions: "Thursday, 26 November 2026, 6 pm".
public enum EnglishDates {
    public static let months = ["January", "February", "March", "April", "May", "June", "July",
                                "August", "September", "October", "November", "December"]
    /// Index 0 is Monday (ISO weekday 1).
    public static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// "26 November 2026"
    public static func date(_ d: DateTime) -> String {
        let f = d.local
        return "\(f.day) \(months[f.month - 1]) \(f.year)"
    }

    /// "Thursday, 26 November 2026"
    public static func longDate(_ d: DateTime) -> String { "\(weekdays[d.local.weekday]), \(date(d))" }

    /// "Saturday, 20 March" (the year follows elsewhere).
    public static func dayMonth(_ d: DateTime) -> String {
        let f = d.local
        return "\(weekdays[f.weekday]), \(f.day) \(months[f.month - 1])"
    }

    /// "6 pm", "6:30 pm", "12 pm" (noon), "12 am" (midnight).
    public static func time(_ d: DateTime) -> String {
        let f = d.local
        let hour = f.hour % 12 == 0 ? 12 : f.hour % 12
        return (f.minute == 0 ? "\(hour)" : "\(hour):\(pad2(f.minute))") + (f.hour < 12 ? " am" : " pm")
    }

    /// "Thursday, 26 November 2026, 6 pm" (or without the time for a date).
    public static func dateTime(_ d: DateTime) -> String { d.isDateOnly ? longDate(d) : "\(longDate(d)), \(time(d))" }

    /// "November 2026"
    public static func monthYear(_ d: DateTime) -> String { "\(months[d.local.month - 1]) \(d.local.year)" }

    /// same day: "Thursday, 26 November 2026, 6–8 pm" ("11 am – 1 pm" across noon);
    /// several days: "Friday, 20 March 2027, 10 am to Saturday, 21 March 2027, 4 pm";
    /// all day: "Saturday, 20 March 2027" or "Saturday, 20 March to Sunday, 21 March 2027".
    public static func range(_ start: DateTime, _ end: DateTime?) -> String { rangeParts(start, end).joined }

    /// `range` in its parts (see `DateRangeText`). An end at midnight is the end of the day
    /// before (`DateTime.endDay`): "Friday, 28 February 2025, 6 pm – midnight".
    public static func rangeParts(_ start: DateTime, _ end: DateTime?) -> DateRangeText {
        guard let end, end != start else { return DateRangeText(start: dateTime(start)) }
        let day = end.endDay
        let s = start.local, e = day.local
        if start.isDateOnly {
            if s.dayNumber >= e.dayNumber { return DateRangeText(start: longDate(start)) }
            return DateRangeText(start: s.year == e.year ? dayMonth(start) : longDate(start), separator: " to ", end: longDate(day))
        }
        if s.dayNumber == e.dayNumber, day.isDateOnly {
            return DateRangeText(start: "\(longDate(start)), \(time(start))", separator: " – ", end: endOfDay)
        }
        if s.dayNumber == e.dayNumber {
            // "6–8 pm" when both are in the same half of the day, else "11 am – 1 pm".
            let sameHalf = (s.hour < 12) == (e.hour < 12)
            let from = sameHalf ? String(time(start).dropLast(3)) : time(start)
            return DateRangeText(start: "\(longDate(start)), \(from)", separator: sameHalf ? "–" : " – ", end: time(end))
        }
        return DateRangeText(start: dateTime(start), separator: " to ", end: end.isMidnight ? "\(longDate(day)), \(endOfDay)" : dateTime(end))
    }

    /// The end of a day, as a time.
    static let endOfDay = "midnight"

    public static func monthShort(_ d: DateTime) -> String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.local.month - 1]
    }

    /// "4.2 MB", "812 KB", "512 bytes".
    public static func fileSize(_ bytes: Int) -> String {
        GermanText.fileSize(bytes).replacingAll(",", with: ".").replacingAll("Bytes", with: "bytes")
    }

    /// "A, B and C".
    public static func list(_ items: [String]) -> String {
        items.count < 2 ? items.first ?? "" : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}

/// Dates, lists and sizes in the language of the pages they are on (German unless it is English).
public struct LocalDates: Sendable {
    public let english: Bool

    public init(language: String) { english = language.lowercased().hasPrefix("en") }

    public func date(_ d: DateTime) -> String { english ? EnglishDates.date(d) : GermanDates.date(d) }
    public func longDate(_ d: DateTime) -> String { english ? EnglishDates.longDate(d) : GermanDates.longDate(d) }
    public func time(_ d: DateTime) -> String { english ? EnglishDates.time(d) : GermanDates.time(d) }
    public func dateTime(_ d: DateTime) -> String { english ? EnglishDates.dateTime(d) : GermanDates.dateTime(d) }
    public func monthYear(_ d: DateTime) -> String { english ? EnglishDates.monthYear(d) : GermanDates.monthYear(d) }
    public func range(_ s: DateTime, _ e: DateTime?) -> String { rangeParts(s, e).joined }
    public func rangeParts(_ s: DateTime, _ e: DateTime?) -> DateRangeText { english ? EnglishDates.rangeParts(s, e) : GermanDates.rangeParts(s, e) }
    public func dayNumber(_ d: DateTime) -> String { GermanDates.dayNumber(d) }
    public func monthShort(_ d: DateTime) -> String { english ? EnglishDates.monthShort(d) : GermanDates.monthShort(d) }
    /// An end with its time: "26. November 2026, 18:00 Uhr" / "26 November 2026, 6 pm"; one at
    /// midnight as the end of the day before: "15. Dezember 2026, 24:00 Uhr" / "…, midnight".
    public func endWithTime(_ d: DateTime) -> String {
        if d.isDateOnly { return date(d) }
        if d.isMidnight { return "\(date(d.endDay)), \(english ? EnglishDates.endOfDay : GermanDates.endOfDay)" }
        return "\(date(d)), \(time(d))"
    }
    public func list(_ items: [String]) -> String { english ? EnglishDates.list(items) : GermanText.list(items) }
    public func fileSize(_ bytes: Int) -> String { english ? EnglishDates.fileSize(bytes) : GermanText.fileSize(bytes) }
}
