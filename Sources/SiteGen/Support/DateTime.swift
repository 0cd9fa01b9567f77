/// A point in time as editors write it in front matter (ISO 8601 with offset,
/// or a plain date), shown in Europe/Berlin time. Calendar maths is done here,
/// by hand, so output never depends on the machine's time zone or locale data.
public struct DateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let epochSeconds: Int64
    /// True for `2027-03-20`: an all-day value without a time.
    public let isDateOnly: Bool

    public init(epochSeconds: Int64, isDateOnly: Bool = false) {
        self.epochSeconds = epochSeconds
        self.isDateOnly = isDateOnly
    }

    public static func < (a: DateTime, b: DateTime) -> Bool { a.epochSeconds < b.epochSeconds }

    public var description: String { iso8601 }

    // MARK: Parsing

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z`, `±HH:MM` or `±HHMM`.
    /// A time without an offset is read as Europe/Berlin time.
    /// For text shaped like a date that does not exist ("2026-02-30"): what is wrong with it
    /// ("February 2026 has 28 days"); nil for text that is no date at all.
    static func impossibility(_ text: String) -> String? {
        let s = Array(text.trimmingSpaces.utf8)
        func number(_ at: Int, _ digits: Int) -> Int? {
            guard at + digits <= s.count else { return nil }
            return s[at..<(at + digits)].reduce(0) { v, c in v * 10 + Int(c) - 48 }
        }
        guard s.count >= 10, s[4] == 45, s[7] == 45, s[0..<4].allSatisfy({ $0 >= 48 && $0 <= 57 }),
              s[5..<7].allSatisfy({ $0 >= 48 && $0 <= 57 }), s[8..<10].allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2) else { return nil }
        guard year >= firstYear else { return "the year \(s[0..<4].map { String(UnicodeScalar($0)) }.joined()) is a slip of the keyboard (years run from \(firstYear))" }
        guard (1...12).contains(month) else { return "there is no month \(month) (months run from 01 to 12)" }
        let days = daysInMonth(year, month)
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        guard (1...days).contains(day) else { return "\(names[month - 1]) \(year) has \(days) days" }
        if s.count >= 16, s[10] == UInt8(ascii: "T") || s[10] == 32, s[13] == 58, let hour = number(11, 2), let minute = number(14, 2) {
            if hour > 23 { return "there is no hour \(hour) (hours run from 00 to 23; midnight at the end of a day is 00:00 of the next)" }
            if minute > 59 { return "there is no minute \(minute)" }
        }
        return nil
    }

    /// The earliest year a date may have: a site's dates are of this age, and an earlier one
    /// (`0025-03-01`) is a typo, whose instants would not even be written back as four digits.
    static let firstYear = 1000

    public static func parse(_ text: String) -> DateTime? {
        let s = Array(text.trimmingSpaces.utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= s.count else { return nil }
            var v = 0
            for k in 0..<digits {
                let c = s[i + k]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            i += digits
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), year >= firstYear, expect(45), let month = number(2), expect(45), let day = number(2),
              (1...12).contains(month), (1...daysInMonth(year, month)).contains(day) else { return nil }
        let days = daysFromCivil(year, month, day)
        if i == s.count {
            let local = Int64(days) * 86_400
            return DateTime(epochSeconds: local - Int64(BerlinTime.offset(forLocal: local)), isDateOnly: true)
        }
        guard i < s.count, s[i] == UInt8(ascii: "T") || s[i] == UInt8(ascii: "t") || s[i] == 32 else { return nil }
        i += 1
        guard let hour = number(2), expect(58), let minute = number(2), hour < 24, minute < 60 else { return nil }
        var second = 0
        if expect(58) {
            guard let sec = number(2), sec < 61 else { return nil }
            second = min(sec, 59)
            if expect(46) {  // fractions are accepted and dropped
                let start = i
                while i < s.count, s[i] >= 48, s[i] <= 57 { i += 1 }
                guard i > start else { return nil }
            }
        }
        let local = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        if i == s.count {
            return DateTime(epochSeconds: local - Int64(BerlinTime.offset(forLocal: local)))
        }
        var offset = 0
        if s[i] == UInt8(ascii: "Z") || s[i] == UInt8(ascii: "z") {
            i += 1
        } else if s[i] == 43 || s[i] == 45 {
            let sign = s[i] == 45 ? -1 : 1
            i += 1
            guard let oh = number(2), oh <= 14 else { return nil }
            _ = expect(58)
            guard let om = number(2), om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == s.count else { return nil }
        return DateTime(epochSeconds: local - Int64(offset))
    }

    /// The offset written after a time (`+02:00`, `-0500`) and the text before it; nil for a
    /// date, `Z` or no offset.
    static func writtenOffset(_ text: String) -> (seconds: Int, wallClock: String)? {
        // On the text's own bytes: every date of every item is read here (no arrays made).
        var text = text.trimmingSpaces
        return text.withUTF8 { s in
            guard s.count > 16, let sign = s[16...].lastIndex(where: { $0 == 43 || $0 == 45 }) else { return nil }
            // Four digits after the sign, colons left out: hhmm.
            var hhmm = 0, digits = 0
            for b in s[(sign + 1)...] where b != 58 {
                guard (48...57).contains(b), digits < 4 else { return nil }
                hhmm = hhmm * 10 + Int(b - 48)
                digits += 1
            }
            guard digits == 4 else { return nil }
            let seconds = (hhmm / 100) * 3600 + (hhmm % 100) * 60
            return ((s[sign] == 45 ? -1 : 1) * seconds, String(decoding: UnsafeBufferPointer(rebasing: s[..<sign]), as: UTF8.self))
        }
    }

    // MARK: Berlin wall clock

    /// The wall-clock fields in Europe/Berlin.
    public var local: LocalFields {
        if isDateOnly {
            // An all-day value names a calendar day; keep that day whatever the offset.
            let local = epochSeconds + Int64(BerlinTime.offset(forUTC: epochSeconds))
            return LocalFields(localSeconds: local, offsetSeconds: 0)
        }
        let offset = BerlinTime.offset(forUTC: epochSeconds)
        return LocalFields(localSeconds: epochSeconds + Int64(offset), offsetSeconds: offset)
    }

    /// `2026-11-26T18:00:00+01:00` (Berlin time), or `2026-11-26` for a date.
    public var iso8601: String {
        let f = local
        if isDateOnly { return f.dateString }
        return ASCIIDigits.string(capacity: 64) { w in
            f.writeDate(&w)
            w.byte(UInt8(ascii: "T"))
            f.writeTime(&w, seconds: true)
            Self.writeOffset(f.offsetSeconds, &w)
        }
    }

    /// `2026-11-26T17:00:00Z`, as Atom and sitemaps like it.
    public var rfc3339UTC: String {
        let f = LocalFields(localSeconds: epochSeconds, offsetSeconds: 0)
        return ASCIIDigits.string(capacity: 64) { w in
            f.writeDate(&w)
            w.byte(UInt8(ascii: "T"))
            f.writeTime(&w, seconds: true)
            w.byte(UInt8(ascii: "Z"))
        }
    }

    static func offsetString(_ seconds: Int) -> String {
        ASCIIDigits.string(capacity: 48) { writeOffset(seconds, &$0) }
    }

    /// `+01:00`: hours and minutes east of UTC.
    static func writeOffset(_ seconds: Int, _ w: inout ASCIIDigits) {
        w.byte(UInt8(ascii: seconds < 0 ? "-" : "+"))
        let m = abs(seconds) / 60
        w.number(m / 60, width: 2)
        w.byte(UInt8(ascii: ":"))
        w.number(m % 60, width: 2)
    }

    /// Adds whole days (for all-day ranges).
    public func addingDays(_ n: Int) -> DateTime {
        DateTime(epochSeconds: epochSeconds + Int64(n) * 86_400, isDateOnly: isDateOnly)
    }
}

/// Wall-clock fields of a moment.
public struct LocalFields: Sendable, Hashable {
    public let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    /// 0 = Monday … 6 = Sunday.
    public let weekday: Int
    public let offsetSeconds: Int

    init(localSeconds: Int64, offsetSeconds: Int) {
        let days = Int(floorDiv(localSeconds, 86_400))
        let rest = Int(localSeconds - Int64(days) * 86_400)
        (year, month, day) = civilFromDays(days)
        hour = rest / 3600
        minute = rest % 3600 / 60
        second = rest % 60
        weekday = ((days % 7) + 7 + 3) % 7  // 1970-01-01 was a Thursday
        self.offsetSeconds = offsetSeconds
    }

    var dateString: String { ASCIIDigits.string(capacity: 64) { writeDate(&$0) } }
    func timeString(seconds: Bool) -> String { ASCIIDigits.string(capacity: 64) { writeTime(&$0, seconds: seconds) } }

    /// `2026-11-26`.
    func writeDate(_ w: inout ASCIIDigits) {
        w.number(year, width: 4)
        w.byte(UInt8(ascii: "-"))
        w.number(month, width: 2)
        w.byte(UInt8(ascii: "-"))
        w.number(day, width: 2)
    }

    /// `17:00:00`, or `17:00` without seconds.
    func writeTime(_ w: inout ASCIIDigits, seconds: Bool) {
        w.number(hour, width: 2)
        w.byte(UInt8(ascii: ":"))
        w.number(minute, width: 2)
        if seconds {
            w.byte(UInt8(ascii: ":"))
            w.number(second, width: 2)
        }
    }
    /// Day number since 1970-01-01, for "same day" tests.
    var dayNumber: Int { daysFromCivil(year, month, day) }
}

/// Europe/Berlin: CET (+01:00), CEST (+02:00) from the last Sunday of March 01:00 UTC
/// to the last Sunday of October 01:00 UTC (the EU rule, in force since 1996).
public enum BerlinTime {
    public static let identifier = "Europe/Berlin"

    public static func offset(forUTC t: Int64) -> Int {
        let year = LocalFields(localSeconds: t, offsetSeconds: 0).year
        let start = Int64(lastSunday(year, 3)) * 86_400 + 3600
        let end = Int64(lastSunday(year, 10)) * 86_400 + 3600
        return (t >= start && t < end) ? 7200 : 3600
    }

    /// Offset for a wall-clock time given as seconds (local). In the spring gap and
    /// the autumn overlap the standard-time reading wins.
    public static func offset(forLocal local: Int64) -> Int {
        let asWinter = local - 3600
        return offset(forUTC: asWinter) == 7200 && offset(forUTC: local - 7200) == 7200 ? 7200 : 3600
    }

    /// Day number of the last Sunday of a month.
    static func lastSunday(_ year: Int, _ month: Int) -> Int {
        let last = daysFromCivil(year, month, daysInMonth(year, month))
        let weekday = ((last % 7) + 7 + 3) % 7  // 0 = Monday
        return last - (weekday + 1) % 7
    }
}

// MARK: Civil calendar (Howard Hinnant's algorithms)

func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
}

func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
}

func daysInMonth(_ year: Int, _ month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
}

func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
func pad4(_ n: Int) -> String { n < 10 ? "000\(n)" : n < 100 ? "00\(n)" : n < 1000 ? "0\(n)" : String(n) }

extension String {
    var trimmingSpaces: String {
        // Most values have none: an ASCII letter, digit or sign at both ends is no space.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// The words joined by single spaces: runs of spaces, tabs and line breaks are one, none at
    /// the ends. Read as bytes (splitting into Characters cost more than the check it served).
    var collapsingSpaces: String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for b in utf8 {
            if b == 0x20 || b == 0x0A || b == 0x09 {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
