/// A translation keeps its original's dates (README, "Übersetzungen"): an event moved in the
/// German file but not in its English one would stand in the English calendar on the old day,
/// without a word. Each date that differs is named at its line, with the original's line.
enum TranslationDates {
    static func check(_ site: Site, original: Site) -> [Diagnostic] {
        let posts = byPath(original.posts.map { ($0.source, ["date": $0.date]) })
        let events = byPath(original.events.map { ($0.source, ["start": $0.start, "end": $0.end]) })
        let formats = byPath(original.participation.map { ($0.source, ["start": $0.start, "end": $0.end]) })
        var diagnostics: [Diagnostic] = []
        let mine = site.posts.map { ($0.source, ["date": $0.date], posts) } + site.events.map { ($0.source, ["start": $0.start, "end": $0.end], events) }
            + site.participation.map { ($0.source, ["start": $0.start, "end": $0.end], formats) }
        for (source, dates, originals) in mine {
            guard let (path, _) = Variant.of(source.path), let (theirSource, theirs) = originals[path] else { continue }
            // A missing date's error says what to fix; its stand-in differs from any written one.
            if original.standIns.contains(path) || site.standIns.contains(source.path) { continue }
            for key in ["date", "start", "end"] where dates.keys.contains(key) && !same(dates[key] ?? nil, theirs[key] ?? nil) {
                let there = theirSource.display + (theirSource.keyLines[key].map { ":\($0)" } ?? "")
                diagnostics.append(.warning(source.display, line: source.keyLines[key],
                    "'\(key)' is not the same as in \(there); a translation keeps its original's dates (its page and calendars would show another day or time): copy the line from there"))
            }
        }
        return diagnostics
    }

    private static func byPath(_ items: [(SourceRef, [String: DateTime?])]) -> [String: (SourceRef, [String: DateTime?])] {
        Dictionary(items.map { ($0.0.path, ($0.0, $0.1)) }) { a, _ in a }
    }

    private static func same(_ a: DateTime?, _ b: DateTime?) -> Bool {
        a?.epochSeconds == b?.epochSeconds && a?.isDateOnly == b?.isDateOnly
    }
}
