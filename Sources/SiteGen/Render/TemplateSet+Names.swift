import MustacheEngine

/// What the templates are called and what each page is made of: the file meant by a name that
/// is not there, how far a typo may be, the templates a page kind uses and the ids they write.
extension TemplateSet {
    /// A file that would be the template `name` but for its case, folder or ending (Post.mustache,
    /// post.html, post.mustache.txt, layouts/base.mustache): the build reads only `name.mustache`,
    /// so it said the template was missing without naming the file that was meant.
    ///
    /// For a partial or layout tag (`reference`), a template file found is named by what to write
    /// in the tag (`{{>card-post}}` for partials/card-post, `{{>partials/card-post.mustache}}`).
    static func namesake(of name: String, in listing: [FileEntry], display: (String) -> String, reference: Bool = false) -> String? {
        let stem = { (path: Substring) in path.split(separator: "/").last.flatMap { $0.lowercased().split(separator: ".").first.map(String.init) } }
        let target = name + ".mustache"
        for path in listing.map(\.relativePath).sorted() where !path.hasPrefix("assets/") && path != target {
            guard let found = stem(Substring(path)), found == stem(Substring(name)) else { continue }
            if reference, path.hasSuffix(".mustache") { return "; there is \(display(path)): write its name, '\(path.dropLast(9))'" }
            return "; there is \(display(path)): rename or move it to \(display(target))"
        }
        return nil
    }

    /// What a missing partial or layout most likely meant: a near name in its own folder
    /// (`partials/tag` → `partials/tags`), else a file of the same name elsewhere (`pagination` →
    /// `partials/pagination`), else a near name anywhere. The near name in its folder comes
    /// first: `partials/tag` was told to include the page template tag.mustache.
    static func referenceHint(_ reference: String, templates: Set<String>, listing: [FileEntry], display: (String) -> String) -> String {
        let near = NameDistance.closest(reference, in: Array(templates), limit: typoLimit(reference))
        let folder = { (name: String) in name.split(separator: "/").dropLast().joined(separator: "/") }
        if let near, !folder(reference).isEmpty, folder(near) == folder(reference) { return "; did you mean '\(near)'?" }
        return namesake(of: reference, in: listing, display: display, reference: true) ?? near.map { "; did you mean '\($0)'?" } ?? ""
    }

    /// How many edits a template name may be from another to be taken for its typo (card-psot):
    /// a partial deleted on purpose is not "meant" to be its neighbour, nor a short name one two
    /// letters away (base is no page), nor partials/card-post partials/badges.
    static func typoLimit(_ name: String) -> Int {
        min(2, max(1, (name.split(separator: "/").last?.count ?? 0) / 3))
    }

    /// The templates a page template is made of: itself, its layout, their partials.
    static func reachable(from name: String, references: [String: [(name: String, location: SourceLocation)]], texts: [String: String]) -> Set<String> {
        var reached: Set<String> = [name]
        var queue = [name]
        while let next = queue.popLast() {
            for r in references[next] ?? [] where texts[r.name] != nil && reached.insert(r.name).inserted { queue.append(r.name) }
        }
        return reached
    }

    /// The `id` values written, without tags in them, in the templates every page is made of
    /// (the layout and its partials), each once, sorted.
    static func literalIDs(_ texts: [String: String], references: [String: [(name: String, location: SourceLocation)]]) -> [String] {
        let kinds = required.filter { texts[$0] != nil }
        guard let first = kinds.first else { return [] }
        let everywhere = kinds.dropFirst().reduce(reachable(from: first, references: references, texts: texts)) {
            $0.intersection(reachable(from: $1, references: references, texts: texts))
        }
        var ids: Set<String> = []
        for name in everywhere {
            var scanner = TemplateLint.markupScanner(texts[name]!)
            while let tag = scanner.next() {
                for a in tag.attributes where a.name.lowercased() == "id" && !a.value.isEmpty && !a.value.contains("{{") { ids.insert(a.value) }
            }
        }
        return ids.sorted()
    }
}
