/// iCalendar files (RFC 5545): all events, the events of one field of action, one event.
///
/// Choices that keep the output stable from build to build:
/// - `UID` is `<content path without .md>@<site host>` (`events/2026/foo@smartcity.example.org`):
///   independent of the URL prefixes in site.yml, so renaming `paths.events` does not
///   duplicate events in subscribed calendars.
/// - `DTSTAMP` is the event's content date in UTC: its `updated`, else its start; the build's
///   "now" is never used, so an unchanged event gives unchanged bytes.
/// - Times are written as Berlin wall-clock time with `TZID=Europe/Berlin` and one VTIMEZONE
///   (EU rule: +01:00/+02:00, switching on the last Sundays of March and October); a time in the
///   second run of the hour the autumn night repeats, in UTC (`timed`).
/// - An event with a time but no end gets the end the site assumes elsewhere (`Event.endsAt`,
///   start + 2 h), so calendars show a block rather than a zero-length entry.
struct ICalendar {
    let site: Site
    let strings: UIStrings

    /// One event's VEVENT, folded: an event is in the site's calendar, its fields' and its own,
    /// and is written once for all of them.
    func entry(_ e: Event) -> String {
        var w = ContentLines()
        addEvent(e, to: &w)
        return w.text
    }

    /// A whole calendar named `name` with these `entry(_:)` texts.
    func calendar(name: String, entries: [String]) -> String {
        var w = ContentLines()
        w.add("BEGIN:VCALENDAR")
        w.add("VERSION:2.0")
        w.add("PRODID:-//sitegen//\(Self.prodidText(site.config.title))//DE")
        w.add("CALSCALE:GREGORIAN")
        w.add("METHOD:PUBLISH")
        w.add("X-WR-CALNAME:" + Self.escape(name))
        w.add("NAME:" + Self.escape(name))
        w.add("X-WR-TIMEZONE:\(BerlinTime.identifier)")
        w.add("REFRESH-INTERVAL;VALUE=DURATION:PT12H")
        w.add("X-PUBLISHED-TTL:PT12H")
        Self.addBerlinTimeZone(&w)
        w.append(entries)
        w.add("END:VCALENDAR")
        return w.text
    }

    private func addEvent(_ e: Event, to w: inout ContentLines) {
        let urls = site.urls
        let page = urls.absolute(urls.event(e))
        w.add("BEGIN:VEVENT")
        w.add("UID:\(Self.uid(e, host: site.config.host))")
        w.add("DTSTAMP:" + Self.utcStamp(Self.contentDate(e)))
        if e.start.isDateOnly {
            let startDay = e.start.local
            // DTEND of an all-day event is exclusive: the day after the last day (an end at
            // midnight ends the day before, as its page says).
            let endDay = e.end?.endDay.local.dayNumber ?? startDay.dayNumber
            let lastDay = max(endDay, startDay.dayNumber)
            w.add("DTSTART;VALUE=DATE:" + Self.basicDate(startDay.dayNumber))
            w.add("DTEND;VALUE=DATE:" + Self.basicDate(lastDay + 1))
        } else {
            w.add(Self.timed("DTSTART", e.start))
            var end = e.end ?? e.endsAt
            if end.isDateOnly { end = e.endsAt }  // a time start with a date end: the end of that day
            if end > e.start { w.add(Self.timed("DTEND", end)) }
        }
        w.add("SUMMARY:" + Self.escape(summary(e)))
        if let place = Self.place(e) {
            w.add("LOCATION:" + Self.escape(place))
        } else if let online = e.online {
            w.add("LOCATION:" + Self.escape(online))
        }
        var description: [String] = []
        if let s = e.summary { description.append(s) }
        if let online = e.online { description.append("\(strings["event.online"]): \(online)") }
        if let r = e.registration {
            // A number as written reads better in a calendar than its tel: address.
            let how = e.registrationPhone.map { "\(strings["event.registrationPhone"]) \($0)" } ?? r
            description.append("\(strings["event.registration"]): \(how)")
        }
        description.append(page)
        w.add("DESCRIPTION:" + Self.escape(description.joined(separator: "\n\n")))
        // Online events carry their online address; the others the event page.
        w.add("URL:" + (e.online ?? page))
        if let online = e.online {
            w.add("CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=\(Self.paramValue(strings["event.onlineLink"])):\(online)")
        }
        let categories = e.fields.compactMap { site.field($0)?.title }
        if !categories.isEmpty { w.add("CATEGORIES:" + categories.map(Self.escape).joined(separator: ",")) }
        switch e.status {
        case .geplant: w.add("STATUS:CONFIRMED")
        case .abgesagt: w.add("STATUS:CANCELLED")
        case .verschoben: w.add("STATUS:TENTATIVE")
        }
        w.add("TRANSP:OPAQUE")
        w.add("END:VEVENT")
    }

    /// The title, after "Abgesagt:" or "Verschoben:" as in the feed: many calendar programs show
    /// a cancelled or tentative entry like any other, and a postponed event still has its old date.
    private func summary(_ e: Event) -> String {
        e.status == .geplant ? e.title : "\(strings["event.status.\(e.status.rawValue)"]): \(e.title)"
    }

    // MARK: Values

    static func uid(_ e: Event, host: String) -> String {
        var path = e.source.path
        if path.hasSuffix(".md") { path.removeLast(3) }
        return "\(path)@\(host)"
    }

    /// The stable date an event's calendar entry and feed entry carry (see the type's notes).
    static func contentDate(_ e: Event) -> DateTime { e.updated ?? e.start }

    /// "Name, Address" of a place, if it has one.
    static func place(_ e: Event) -> String? {
        let parts = [e.location?.name, e.location?.address].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// `20261203T170000Z`
    static func utcStamp(_ d: DateTime) -> String {
        basicDateTime(LocalFields(localSeconds: d.epochSeconds, offsetSeconds: 0), utc: true)
    }

    /// `DTSTART;TZID=Europe/Berlin:20261203T180000`. A Berlin wall-clock time of the hour the
    /// autumn night has twice means its first occurrence (RFC 5545 3.3.5), so the second one
    /// (02:30 at +01:00) is written in UTC: with TZID, calendars would show it an hour early.
    static func timed(_ name: String, _ d: DateTime) -> String {
        isSecondOccurrence(d) ? "\(name):" + utcStamp(d) : "\(name);TZID=\(BerlinTime.identifier):" + localDateTime(d)
    }

    /// Whether Berlin's clocks showed this wall-clock time an hour earlier already (summer time).
    static func isSecondOccurrence(_ d: DateTime) -> Bool {
        BerlinTime.offset(forUTC: d.epochSeconds) == 3600 && BerlinTime.offset(forUTC: d.epochSeconds - 3600) == 7200
    }

    /// `20261203T180000` in Berlin time.
    static func localDateTime(_ d: DateTime) -> String {
        basicDateTime(d.local, utc: false)
    }

    /// `20261203T180000`, with a `Z` for UTC.
    private static func basicDateTime(_ f: LocalFields, utc: Bool) -> String {
        ASCIIDigits.string(capacity: 64) { w in
            writeBasicDate(f.year, f.month, f.day, &w)
            w.byte(UInt8(ascii: "T"))
            w.number(f.hour, width: 2)
            w.number(f.minute, width: 2)
            w.number(f.second, width: 2)
            if utc { w.byte(UInt8(ascii: "Z")) }
        }
    }

    /// `20270320` for a day number since 1970-01-01.
    static func basicDate(_ dayNumber: Int) -> String {
        let (y, m, d) = civilFromDays(dayNumber)
        return ASCIIDigits.string(capacity: 48) { writeBasicDate(y, m, d, &$0) }
    }

    private static func writeBasicDate(_ year: Int, _ month: Int, _ day: Int, _ w: inout ASCIIDigits) {
        w.number(year, width: 4)
        w.number(month, width: 2)
        w.number(day, width: 2)
    }

    /// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline.
    static func escape(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var previous: UInt8 = 0
        // By byte: the characters it changes are ASCII, and no byte of a longer character is one.
        for b in s.utf8 {
            switch b {
            case 0x5C: out += [0x5C, 0x5C]
            case 0x3B: out += [0x5C, 0x3B]
            case 0x2C: out += [0x5C, 0x2C]
            case 0x0D: out += [0x5C, 0x6E]
            case 0x0A: if previous != 0x0D { out += [0x5C, 0x6E] }
            // Other control characters are not allowed in TEXT.
            case let c where c < 0x20 && c != 0x09 || c == 0x7F: out.append(0x20)
            default: out.append(b)
            }
            previous = b
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A parameter value: quoted when it holds `:`, `;` or `,`; double quotes cannot appear at all.
    static func paramValue(_ s: String) -> String {
        let clean = String(s.unicodeScalars.filter { $0 != "\"" && $0.value >= 0x20 }.map(Character.init))
        return clean.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(clean)\"" : clean
    }

    /// The PRODID's middle part, without the `//` that separates its fields.
    static func prodidText(_ s: String) -> String { escape(s.replacingAll("//", with: "/")) }

    static func addBerlinTimeZone(_ w: inout ContentLines) {
        w.add("BEGIN:VTIMEZONE")
        w.add("TZID:\(BerlinTime.identifier)")
        w.add("X-LIC-LOCATION:\(BerlinTime.identifier)")
        w.add("BEGIN:DAYLIGHT")
        w.add("TZOFFSETFROM:+0100")
        w.add("TZOFFSETTO:+0200")
        w.add("TZNAME:CEST")
        w.add("DTSTART:19700329T020000")
        w.add("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
        w.add("END:DAYLIGHT")
        w.add("BEGIN:STANDARD")
        w.add("TZOFFSETFROM:+0200")
        w.add("TZOFFSETTO:+0100")
        w.add("TZNAME:CET")
        w.add("DTSTART:19701025T030000")
        w.add("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
        w.add("END:STANDARD")
        w.add("END:VTIMEZONE")
    }
}

/// Content lines with CRLF ends, folded at 75 octets (RFC 5545 3.1) without splitting a
/// UTF-8 sequence: a continuation line starts with a space and holds at most 74 more octets.
struct ContentLines {
    static let maxOctets = 75
    private(set) var text = ""

    mutating func add(_ line: String) { text += Self.fold(line) }

    /// Content lines written before (each ends with its CRLF).
    mutating func append(_ lines: [String]) { for l in lines { text += l } }

    /// One content line, folded, with its CRLF.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > maxOctets else { return line + "\r\n" }
        var out: [UInt8] = []
        var used = 0
        var limit = maxOctets
        let bytes = Array(line.utf8)
        var i = 0
        // A line is cut before a character that would not fit, never inside one.
        while i < bytes.count {
            let lead = bytes[i]
            let size = min(lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2, bytes.count - i)
            if used + size > limit {
                out += [0x0D, 0x0A, 0x20]
                used = 0
                limit = maxOctets - 1
            }
            out += bytes[i..<i + size]
            i += size
            used += size
        }
        return String(decoding: out, as: UTF8.self) + "\r\n"
    }

    /// Undoes folding: CRLF followed by a space or tab disappears.
    static func unfold(_ text: String) -> String {
        text.replacingAll("\r\n ", with: "").replacingAll("\r\n\t", with: "")
    }
}
