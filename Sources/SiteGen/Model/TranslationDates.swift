/// A translation keeps its original's dates (README, "Übersetzungen"): an event moved in the
/// German file but not in its English one would stand in the English calendar on the old day,
/// without a word. Each date that differs is named at its line, with the original's line.
enum TranslationDates {
    static func check(_ site: Site, original: Site) -> [Diagnostic] {
        compare(site.posts, original.posts, site, original, source: \.source) { ["date": $0.date] }
            + compare(site.events, original.events, site, original, source: \.source) { ["start": $0.start, "end": $0.end] }
            + compare(site.participation, original.participation, site, original, source: \.source) { ["start": $0.start, "end": $0.end] }
    }

    /// Each translated item's dates against its original's. The originals are found by path, and
    /// an item's dates are read only when it has an original (not made into a table of their dates each).
    private static func compare<T>(_ mine: [T], _ theirs: [T], _ site: Site, _ original: Site, source sourceOf: (T) -> SourceRef,
                                   dates: (T) -> [String: DateTime?]) -> [Diagnostic] {
        let position = Dictionary(theirs.indices.map { (sourceOf(theirs[$0]).path, $0) }) { a, _ in a }
        var diagnostics: [Diagnostic] = []
        for item in mine {
            let source = sourceOf(item)
            guard let (path, _) = Variant.of(source.path), let k = position[path] else { continue }
            // A missing date's error says what to fix; its stand-in differs from any written one.
            if original.standIns.contains(path) || site.standIns.contains(source.path) { continue }
            let theirSource = sourceOf(theirs[k])
            let (myDates, theirDates) = (dates(item), dates(theirs[k]))
            for key in ["date", "start", "end"] where myDates.keys.contains(key) && !same(myDates[key] ?? nil, theirDates[key] ?? nil) {
                let there = theirSource.display + (theirSource.keyLines[key].map { ":\($0)" } ?? "")
                diagnostics.append(.warning(source.display, line: source.keyLines[key],
                    "'\(key)' is not the same as in \(there); a translation keeps its original's dates (its page and calendars would show another day or time): copy the line from there"))
            }
        }
        return diagnostics
    }

    private static func same(_ a: DateTime?, _ b: DateTime?) -> Bool {
        a?.epochSeconds == b?.epochSeconds && a?.isDateOnly == b?.isDateOnly
    }
}
