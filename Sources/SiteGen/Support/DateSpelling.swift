/// Dates as editors write them elsewhere: `12.03.2026`, `12.3.2026, 18:00 Uhr`, `12.3.2026 18 Uhr`, `12. März 2026`,
/// `2026-3-5`, `2026/03/05`. Front matter needs ISO 8601; the message names the date so written.
extension DateTime {
    /// The same date (and time, with Berlin's offset) in ISO 8601; nil when the text is no date
    /// written in one of these ways, or names a day that does not exist.
    static func isoSpelling(of text: String) -> String? {
        let t = text.trimmingSpaces
        guard let (year, month, day, rest) = dayMonthYear(t) ?? yearMonthDay(t) else { return nil }
        var time: (hour: Int, minute: Int)?
        let after = rest.trimmingSpaces
        if !after.isEmpty {
            guard let t = clockTime(after) else { return nil }
            time = t
        }
        let date = "\(pad4(year))-\(pad2(month))-\(pad2(day))"
        let iso = time.map { date + "T\(pad2($0.hour)):\(pad2($0.minute)):00" } ?? date
        guard iso != t, let parsed = DateTime.parse(iso) else { return nil }
        return parsed.iso8601
    }

    /// A time alone (`end: 20:00`, `20 Uhr`) on the day of `day`, in ISO 8601; nil for anything else.
    static func isoSpelling(ofTime text: String, on day: DateTime) -> String? {
        guard let (hour, minute) = clockTime(text.trimmingSpaces) else { return nil }
        return DateTime.parse(day.local.dateString + "T\(pad2(hour)):\(pad2(minute)):00")?.iso8601
    }

    /// `18:30`, `18.30 Uhr`, and a full hour as said: `18 Uhr`, `um 18 Uhr` (a bare `18` is no time).
    private static func clockTime(_ t: String) -> (hour: Int, minute: Int)? {
        guard let m = t.wholeMatch(of: /(?:,|T)?\s*(?:um\s+|ab\s+|bis\s+)?(\d{1,2})(?:[:.](\d{2}))?(\s*Uhr)?/),
              let hour = Int(m.1), m.2 != nil || m.3 != nil else { return nil }
        return (hour, m.2.flatMap { Int($0) } ?? 0)
    }

    /// An ISO 8601 date-time with a space before its offset (`2026-11-26T10:00:00 +01:00`), as
    /// it must be written; nil for anything else.
    /// Also with a space for the `T` and an offset without its colon (`2026-11-26 10:00:00 +0100`,
    /// as other programs print a date), which had no fix in the message.
    static func withoutSpaceBeforeOffset(_ text: String) -> String? {
        guard let m = text.trimmingSpaces.wholeMatch(of: /(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)\s+(Z|[+-]\d{2}:?\d{2})/) else { return nil }
        var offset = String(m.3)
        if offset.count == 5 { offset.insert(":", at: offset.index(offset.startIndex, offsetBy: 3)) }
        let joined = String(m.1) + "T" + String(m.2) + offset
        return DateTime.parse(joined) != nil ? joined : nil
    }

    /// `12.03.2026`, `12.3.2026`, `12. März 2026` and what follows them.
    private static func dayMonthYear(_ t: String) -> (Int, Int, Int, String)? {
        if let m = t.wholeMatch(of: /(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(.*)/), let d = Int(m.1), let mo = Int(m.2), let y = Int(m.3) {
            return (y, mo, d, String(m.4))
        }
        if let m = t.wholeMatch(of: /(\d{1,2})\.?\s+(\p{L}+)\.?\s+(\d{4})(.*)/), let d = Int(m.1), let y = Int(m.3),
           let month = GermanText.months.firstIndex(where: { $0.lowercased() == m.2.lowercased() || $0.prefix(3).lowercased() == m.2.lowercased() }) {
            return (y, month + 1, d, String(m.4))
        }
        return nil
    }

    /// `2026-3-5`, `2026/03/05` and what follows them.
    private static func yearMonthDay(_ t: String) -> (Int, Int, Int, String)? {
        guard let m = t.wholeMatch(of: /(\d{4})[-\/](\d{1,2})[-\/](\d{1,2})(.*)/),
              let y = Int(m.1), let mo = Int(m.2), let d = Int(m.3) else { return nil }
        return (y, mo, d, String(m.4))
    }
}
