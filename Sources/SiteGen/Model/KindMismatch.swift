/// A file of one kind in the folder of another (an event copied into `posts/`): one error that
/// says where it belongs, instead of a warning for each key the folder's kind does not know and
/// an error for the key it misses.
enum KindMismatch {
    /// The kinds a file can be mistaken for, each with the key only it requires and its name.
    private static let markers: [(kind: DocumentKind, key: String, name: String)] = [
        (.participation, "participate", "a participation format"), (.event, "start", "an event"),
        (.post, "date", "a post"), (.project, "status", "a project"),
    ]

    /// The error for `doc` when its keys are another kind's: at least two keys its own kind does
    /// not know, all of which the other kind knows, the other kind's own key present and its own
    /// kind's missing.
    static func problem(_ doc: LoadedDocument, _ map: YAMLMap) -> Diagnostic? {
        guard [.post, .event, .project, .page, .participation].contains(doc.kind) else { return nil }
        // Every file passes here: most have no unknown key, and stop before anything else is made.
        let known = DocumentDecoder.keys(for: doc.kind)
        let unknown = map.entries.lazy.map(\.key).filter { !known.contains($0) }
        // Counted by a loop: `dropFirst()` of the lazy filter was most of this check's cost.
        var unknownCount = 0
        for entry in map.entries where !known.contains(entry.key) {
            unknownCount += 1
            if unknownCount == 2 { break }
        }
        guard unknownCount == 2 else { return nil }
        let keys = Set(map.entries.map(\.key))
        if let own = markers.first(where: { $0.kind == doc.kind }), keys.contains(own.key) { return nil }
        guard let other = markers.first(where: { marker in
            marker.kind != doc.kind && keys.contains(marker.key) && unknown.allSatisfy(DocumentDecoder.keys(for: marker.kind).contains)
        }) else { return nil }
        let folder = doc.source.path.pathParts.first.map { "\($0)/" } ?? ""
        let shown = unknown.prefix(4).joined(separator: ", ")
        return .error(doc.source.display, line: map.line,
                      "this file looks like \(other.name) (it has \(shown)), but lies in \(folder); move it to \(target(other.kind, other.key, map))")
    }

    /// The folder a file of `kind` goes in: posts and events in their year's.
    private static func target(_ kind: DocumentKind, _ key: String, _ map: YAMLMap) -> String {
        let folder = ContentLoader.folder(of: kind)
        guard kind == .post || kind == .event else { return folder + "/" }
        guard case .scalar(let raw, _, _, _)? = map[key] else { return folder + "/<Jahr>/" }
        let year = raw.trimmingSpaces.prefix(4)
        return year.count == 4 && year.allSatisfy { $0.isASCII && $0.isNumber } ? "\(folder)/\(year)/" : folder + "/<Jahr>/"
    }
}
