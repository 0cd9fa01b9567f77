import MustacheEngine

/// What every page needs to be usable with a screen reader or a keyboard, looked for in the
/// templates each page kind is made of (its own, its layout, their partials): a page template or
/// layout that lost its `lang`, `<title>`, `<main>`, skip link or `<h1>` changed every page of
/// that kind, and `sitegen check` read only links. Looked for as written (in any section), so
/// this finds what was removed, not what a section hides.
extension TemplateLint {
    /// What the tags of one template offer.
    struct Landmarks {
        var html = false, lang = false, title = false, main = false, h1 = false
        /// A main id or a link fragment made from a value (`#{{mainID}}`): the skip link is not judged.
        var madeFromValues = false
        /// The ids of `<main>` (or `role="main"`) elements, and the `#…` addresses links go to.
        var mainIDs: Set<String> = [], fragments: Set<String> = []

        init(_ text: String) {
            var scanner = TemplateLint.markupScanner(text)
            while let tag = scanner.next() {
                let name = tag.name.lowercased()
                func value(_ attribute: String) -> String? { tag.attributes.first { $0.name.lowercased() == attribute }?.value }
                if name == "html" { (html, lang) = (true, lang || !(value("lang") ?? "").isEmpty) }
                if name == "title" { title = true }
                if name == "h1" { h1 = true }
                if name == "main" || value("role") == "main" {
                    main = true
                    if let id = value("id") { mainIDs.insert(id); madeFromValues = madeFromValues || id.contains("{{") }
                }
                if name == "a", let href = value("href"), href.hasPrefix("#") {
                    fragments.insert(String(href.dropFirst()))
                    madeFromValues = madeFromValues || href.contains("{{")
                }
            }
        }

        init() {}

        mutating func add(_ other: Landmarks) {
            html = html || other.html; lang = lang || other.lang; title = title || other.title
            main = main || other.main; h1 = h1 || other.h1; madeFromValues = madeFromValues || other.madeFromValues
            mainIDs.formUnion(other.mainIDs); fragments.formUnion(other.fragments)
        }

        /// What a page made of these templates lacks, as the message saying so.
        var missing: [String] {
            guard html else { return [] }  // a page template without a layout is named as such
            var found: [String] = []
            if !lang { found.append("the pages made with this template have no lang on <html>, so screen readers read them in the wrong language; write <html lang=\"{{site.lang}}\">") }
            if !title { found.append("the pages made with this template have no <title>, so tabs, bookmarks and screen readers name them by their address; add <title>{{page.documentTitle}}</title> to the head") }
            if !main {
                found.append("the pages made with this template have no <main> element, so screen reader users cannot jump to the content; put the page's content in <main id=\"inhalt\" tabindex=\"-1\">")
            } else if mainIDs.isDisjoint(with: fragments), !madeFromValues {
                found.append("the pages made with this template have no skip link to their <main> element, so keyboard users tab through the whole header on every page; add <a class=\"skip-link\" href=\"#inhalt\"> before the header, with the id on <main>")
            }
            if !h1 { found.append("the pages made with this template have no <h1> heading, so screen reader users do not find the page's title among its headings; make the title an <h1>") }
            return found
        }
    }

    /// Each thing the pages of several kinds lack is named once, at the layout they all use when
    /// every page kind using it lacks it (base.mustache, where it was taken away), else at each
    /// page template.
    static func missingLandmarks(_ texts: [String: String], references: [String: [(name: String, location: SourceLocation)]],
                                 display: (String) -> String) -> [Diagnostic] {
        var own: [String: Landmarks] = [:]
        var uses: [String: Set<String>] = [:]
        var lacking: [String: [String]] = [:]
        for kind in TemplateSet.required where texts[kind] != nil {
            let reached = TemplateSet.reachable(from: kind, references: references, texts: texts)
            var page = Landmarks()
            for name in reached {
                if own[name] == nil { own[name] = Landmarks(texts[name]!) }
                page.add(own[name]!)
            }
            uses[kind] = reached
            for message in page.missing { lacking[message, default: []].append(kind) }
        }
        var result: [Diagnostic] = []
        for (message, kinds) in lacking {
            let shared = kinds.dropFirst().reduce(uses[kinds[0]]!) { $0.intersection(uses[$1]!) }
            let layout = kinds.count < 2 ? nil : shared.sorted().first { name in
                own[name]?.html == true && uses.allSatisfy { !$0.value.contains(name) || kinds.contains($0.key) }
            }
            for file in layout.map({ [$0] }) ?? kinds { result.append(.warning(display(file + ".mustache"), message)) }
        }
        return result.sorted()
    }
}
