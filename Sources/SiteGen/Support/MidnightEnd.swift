/// An end at 00:00 closes the day before: German writes "bis Freitag, 24:00 Uhr" (as in
/// "10:00–24:00 Uhr"), not "bis Samstag, 00:00 Uhr", which reads as a day more. Texts and
/// all-day calendar days say an end so; the instants (`<time datetime>`, iCalendar's timed
/// values, JSON-LD) stay the end as written.
extension DateTime {
    /// A time (not a date) at 00:00 Berlin time.
    var isMidnight: Bool {
        guard !isDateOnly else { return false }
        let f = local
        return f.hour == 0 && f.minute == 0 && f.second == 0
    }

    /// The day an end is shown on: the day before, as a date, for an end at midnight; else itself.
    var endDay: DateTime { isMidnight ? .startOfBerlinDay(local.dayNumber - 1) : self }
}
