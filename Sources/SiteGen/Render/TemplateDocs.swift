import MustacheEngine

/// `docs/templates.md`: the keys every template may use, written from the view types themselves
/// (a test checks that the file is what this gives, so it cannot go stale).
public enum TemplateDocs {
    /// - Parameter library: the theme's templates, for the partials' table (the repository's own
    ///   Templates/ in the test that keeps the file current); without it the table is left out.
    public static func markdown(library: TemplateLibrary? = nil) -> String {
        var out = """
        # Template keys

        Written from the view types in `Sources/SiteGen/Render/Views/`, the partials' table from the
        templates in `Templates/` (`swift test` fails when this file and they disagree;
        `SITEGEN_UPDATE_DOCS=1 swift test --filter TemplateDocsTests` writes it anew). A tag that names a key its view does not have is reported when the templates
        are loaded, with a "did you mean".

        Every template sees, below its own view, the **globals**: \(keyList(GlobalsView.fields)).
        Inside a section (`{{#post}}…{{/post}}`) the section's value is on top; a name not found there
        is looked up further down, as Mustache does. `{{x}}` escapes, `{{{x}}}` and `{{&x}}` print
        HTML as it is: use them only for keys of type *HTML*.

        Only `.mustache` files are templates: a page template is named after its page kind (the
        table below), a partial or layout is used where another template includes it (`{{>name}}`,
        `{{<name}}`); any other file beside them is reported as not used. A UI string of
        `i18n/<language>.yml` that no template (`{{t.…}}`) and no part of the build reads is
        reported at its line, as is an address in a style sheet of `assets/` that leads to no file
        of the built site.

        A partial is inserted as it is, its last line break included: a partial used inside a line
        (`<h1>{{>partials/labels}}{{title}}</h1>`) should not end with one. Escaping follows the
        page template, whatever the partial is called. Mustache has no `{{else}}`, `{{#if}}` or
        `{{#each}}`: a section (`{{#x}}…{{/x}}`) shows its content when `x` is there, once per item
        when `x` is a list, and `{{^x}}…{{/x}}` when it is not.

        ## Page templates

        | template | view |
        |---|---|

        """
        for (template, shape) in TemplateKeys.roots {
            out += "| `\(template).mustache` | [\(shape.name)](#\(anchor(shape.name))) |\n"
        }
        if let library { out += partials(library) }
        out += uiStrings()
        out += "\n## Views\n"
        var seen: Set<String> = []
        var queue: [Shape] = [GlobalsView.fields] + TemplateKeys.roots.map(\.shape)
        while !queue.isEmpty {
            let shape = queue.removeFirst()
            guard seen.insert(shape.name).inserted else { continue }
            out += "\n### \(shape.name)\n\n\(shape.doc)\n\n| key | type | |\n|---|---|---|\n"
            for key in shape.keys {
                out += "| `\(key.name)` | \(describe(key.type, optional: key.optional)) | \(key.doc) |\n"
                if let nested = key.type.nestedShape { queue.append(nested) }
            }
        }
        return out
    }

    /// Each partial with the view on top where it is included: the keys its tags can name
    /// (below that view: the sections around the tag, the page's view, the globals).
    static func partials(_ library: TemplateLibrary) -> String {
        var places: [String: [String: [String]]] = [:]  // partial → view → places
        for (template, shape) in TemplateKeys.roots where library.contains(template) {
            for use in library.partialUses(template: template, stack: [GlobalsView.fields, shape]) {
                let place = "`\(use.template).mustache:\(use.line)`"
                let view = use.view.map { "[\($0)](#\(anchor($0)))" } ?? "the value of the section around it"
                if !(places[use.partial]?[view]?.contains(place) ?? false) { places[use.partial, default: [:]][view, default: []].append(place) }
            }
        }
        var out = """

        ## Partials

        A partial (`{{>partials/card-post}}`) sees what the place that includes it sees: the view
        on top there (below), then the values of the sections around the tag, the page's view and
        the globals. A key the partial names is checked at every place, and a problem is reported
        with the place (`included from …`).

        | partial | view on top | included at |
        |---|---|---|

        """
        for partial in places.keys.sorted() {
            for (view, at) in places[partial]!.sorted(by: { $0.key < $1.key }) {
                out += "| `\(partial).mustache` | \(view) | \(at.sorted().joined(separator: ", ")) |\n"
            }
        }
        return out
    }

    /// How templates show UI strings, and the strings the build itself reads.
    static func uiStrings() -> String {
        let groups = UIStrings.groupsReadByCode.sorted().map { "`\($0).…`" }.joined(separator: ", ")
        let keys = UIStrings.usedByCode.filter { key in !UIStrings.groupsReadByCode.contains { key.hasPrefix($0 + ".") } }
        return """

        ## UI strings

        `{{t.nav.blog}}` shows the string `blog:` written indented below `nav:` in
        `i18n/<language>.yml` (the site's language; each other language has a file of its own, with
        the same names and placeholders). `{1}`, `{2}` … in a string are placeholders that only the
        build fills, where it uses the string itself: a template that shows such a string
        (`{{t.pagination.status}}`) would print them as written, and is told so when the templates
        are loaded (in a `data-…` attribute they are left to the site's script). A string that no
        template and not the build reads is reported at its line.

        The build reads these strings itself (for the views' values, feeds, calendars and the search);
        renaming or removing one is reported: \(keys.sorted().map { "`\($0)`" }.joined(separator: ", ")),
        and every string in \(groups).

        """
    }

    private static func keyList(_ shape: Shape) -> String {
        shape.keys.map { "`\($0.name)`" }.joined(separator: ", ")
    }

    private static func anchor(_ name: String) -> String {
        String(name.lowercased().compactMap { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : ($0 == " " ? "-" : nil) })
    }

    private static func describe(_ type: ValueType, optional: Bool) -> String {
        let base: String
        switch type {
        case .text: base = "text"
        case .html: base = "HTML"
        case .bool: base = "flag"
        case .number: base = "number"
        case .any: base = "UI strings"
        case .object(let shape): base = "[\(shape.name)](#\(anchor(shape.name)))"
        case .list(let element): base = "list of " + describe(element, optional: false)
        }
        return optional ? base + ", may be absent" : base
    }
}

extension ValueType {
    /// The object type inside this type, if any (for following it in the docs).
    var nestedShape: Shape? {
        switch self {
        case .object(let shape): shape
        case .list(let element): element.nestedShape
        default: nil
        }
    }
}
