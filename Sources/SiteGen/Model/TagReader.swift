/// A post's `tags`: a list like any other, but each tag becomes a page whose address is the
/// tag's slug, so a tag must give a slug, and two spellings of one slug in a post are one tag.
extension FrontMatterReader {
    mutating func tagList() -> [String] {
        var tags: [String] = []
        // The slug of each of `tags`: a post has few, and a list search costs less than a table.
        var slugs: [String] = []
        let key = "tags"
        for tag in stringList(key).map(InvisibleCharacters.plainName) {
            let slug = Slug.make(tag)
            // Looked up only for a message: it reads the list again.
            var line: Int { entryLine(key, tag) }
            if slug.isEmpty {
                // Only punctuation (`"#"`, `"–"`) would make the address of the list of all tags.
                diagnostics.append(.error(file, line: line, "tag '\(tag)' has no letter or digit, so its page would have no address; write the tag as a word (e.g. 'Open Data') or remove it"))
            } else if let first = slugs.firstIndex(of: slug).map({ tags[$0] }) {
                // Alike only once a no-break space is a space: the same word twice, for the editor.
                if first == tag { diagnostics.append(.warning(file, line: line, "'\(tag)' is listed twice in '\(key)'; remove one")); continue }
                diagnostics.append(.warning(file, line: line, "tags '\(first)' and '\(tag)' are one tag (spelled alike but for case or accents); remove one"))
            } else {
                slugs.append(slug)
                tags.append(tag)
            }
        }
        return tags
    }

    /// The line of the entry of list `key` that reads `text` (the key's line when not found).
    private func entryLine(_ key: String, _ text: String) -> Int {
        if case .list(let items, _)? = map[key] {
            for item in items {
                if case .scalar(let s, _, _, _) = item, InvisibleCharacters.plainName(s.trimmingSpaces) == text { return item.line }
            }
        }
        return line(of: key)
    }
}
