import MustacheEngine

/// `docs/templates.md`: the keys every template may use, written from the view types themselves
/// (a test checks that the file is what this gives, so it cannot go stale).
public enum TemplateDocs {
    public static func markdown() -> String {
        var out = """
        # Template keys

        Written from the view types in `Sources/SiteGen/Render/Views/` (`swift test` fails when this
        file and the views disagree; `SITEGEN_UPDATE_DOCS=1 swift test --filter TemplateDocsTests`
        writes it anew). A tag that names a key its view does not have is reported when the templates
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
