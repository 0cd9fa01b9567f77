import Foundation
import Testing
@testable import SiteGen

/// The values every page shares are written into the templates' text once per build
/// (`TemplateConstants`); pages must come out exactly as with the lookups.
@Suite struct TemplateConstantsTests {
    let constants: [String: Any] = [
        "t": ["post": ["by": "von", "updated": "Aktualisiert"], "empty": "", "blank": "  ",
              "brace": "a {{b}}", "lines": "eins\nzwei", "number": 3],
        "site": ["title": "Smart City <Dortmund> & Schwerte", "nav": ["a", "b"]],
        "cssHref": "/assets/site.css",
    ]

    func bind(_ text: String) -> String { TemplateConstants.bind(text, constants, escape: escapeHTML) }

    @Test func variablesOfSharedValuesBecomeText() {
        #expect(bind("<p>{{t.post.by}} X</p>") == "<p>von X</p>")
        #expect(bind("{{ t.post.updated }}|{{cssHref}}") == "Aktualisiert|/assets/site.css")
    }

    @Test func escapedAndRawVariablesKeepTheirEscaping() {
        #expect(bind("{{site.title}}") == "Smart City &lt;Dortmund&gt; &amp; Schwerte")
        #expect(bind("{{{site.title}}}") == "Smart City <Dortmund> & Schwerte")
        #expect(bind("{{& site.title}}") == "Smart City <Dortmund> & Schwerte")
    }

    @Test func tagsThatCouldReadDifferentlyStayLookups() {
        let kept = [
            "{{t.empty}}", "{{t.blank}}",                 // a line could turn standalone
            "{{t.brace}}", "{{t.lines}}",                 // could open a tag, or be indented
            "{{t.number}}", "{{site.nav}}", "{{t.post}}", // not text
            "{{t.missing}}", "{{title}}", "{{.}}", "{{.t.post.by}}",
            "{{#site.title}}x{{/site.title}}", "{{^t.post.by}}x{{/t.post.by}}",
            "{{! {{t.post.by}} }}", "{{>partials/x}}", "{{uppercased(t.post.by)}}",
        ]
        for text in kept {
            // A comment ends at its first "}}": what follows is text, as the parser reads it.
            #expect(bind(text) == text, "\(text)")
        }
    }

    @Test func templatesThatChangeDelimitersOrContentTypeAreLeftAlone() {
        #expect(bind("{{=<% %>=}}{{t.post.by}}") == "{{=<% %>=}}{{t.post.by}}")
        #expect(bind("{{%CONTENT_TYPE: TEXT}}{{t.post.by}}") == "{{%CONTENT_TYPE: TEXT}}{{t.post.by}}")
    }

    @Test func anUnclosedTagEndsTheTextAsItWas() {
        #expect(bind("{{t.post.by}} {{t.post") == "von {{t.post")
    }

    /// Every file of the example site, built with the values written into the templates and with
    /// the lookups: byte for byte the same.
    @Test func theExampleSiteIsTheSameEitherWay() throws {
        let fs = LocalFileSystem()
        // A site for each build: rendering lets go of the Markdown texts it has used.
        func site() throws -> Site {
            let loaded = ContentLoader(fileSystem: fs, root: TestSupport.exampleContent, displayRoot: "content").load()
            return try #require(SiteBuilder.build(loaded, options: BuildOptions(now: TestSupport.now), fileSystem: fs,
                                                  contentRoot: TestSupport.exampleContent, displayRoot: "content").0)
        }
        let (loadedTemplates, problems) = TemplateSet.load(fileSystem: fs, root: TestSupport.templates, displayRoot: "Templates", language: "de")
        #expect(problems.isEmpty, "\(problems)")
        var lookups = try #require(loadedTemplates)
        lookups.bindsSharedValues = false
        var outputs: [[String: [UInt8]]] = []
        for templates in [try #require(loadedTemplates), lookups] {
            let sink = MemorySink()
            _ = SiteRenderer(site: try site(), templates: templates, contentRoot: TestSupport.exampleContent).render(to: sink)
            outputs.append(sink.files)
        }
        #expect(outputs[0].count == outputs[1].count)
        #expect(outputs[0].count > 100)
        for (path, bytes) in outputs[1] where outputs[0][path] != bytes {
            Issue.record("\(path) differs")
        }
        // The real shared values cover the UI strings and the site's keys the templates use.
        let layout = LayoutContext(site: try site(), templates: try #require(loadedTemplates))
        let base = try #require(loadedTemplates?.texts["base"])
        let boundBase = TemplateConstants.bind(base, layout.sharedView, escape: escapeHTML)
        for tag in ["{{t.breadcrumbs.label}}", "{{site.title}}", "{{cssHref}}"] {
            #expect(base.contains(tag) && !boundBase.contains(tag), "\(tag)")
        }
    }
}
