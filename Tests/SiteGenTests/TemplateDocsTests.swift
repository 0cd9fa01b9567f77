import Foundation
import MustacheEngine
import Testing
@testable import SiteGen

/// docs/templates.md lists the keys each template may use; it must match the view types.
@Suite struct TemplateDocsTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/templates.md").path

    @Test func theDocumentMatchesTheViews() throws {
        let (set, _) = TemplateSet.load(fileSystem: LocalFileSystem(), root: TestSupport.templates, displayRoot: "Templates", language: "de")
        let made = TemplateDocs.markdown(library: try #require(set).library)
        if ProcessInfo.processInfo.environment["SITEGEN_UPDATE_DOCS"] == "1" {
            try made.write(toFile: Self.path, atomically: true, encoding: .utf8)
        }
        let file = try String(contentsOfFile: Self.path, encoding: .utf8)
        #expect(file == made, "docs/templates.md is stale: run SITEGEN_UPDATE_DOCS=1 swift test --filter TemplateDocsTests")
        // Every page template and the keys designers reach for most are in it.
        for (template, _) in TemplateKeys.roots { #expect(file.contains("`\(template).mustache`")) }
        for key in ["`documentTitle`", "`badgeList`", "`navigation`", "`dateText`", "`html` | HTML"] { #expect(file.contains(key), "\(key)") }
        // Every partial with the view its tags can name, and the strings the build reads.
        let cards = file.split(separator: "\n").first { $0.hasPrefix("| `partials/card-post.mustache` | [PostCard](#postcard) | `") }
        #expect(cards?.contains("`post-list.mustache:11`") == true, "\(String(describing: cards))")
        #expect(file.contains("| `partials/site-header.mustache` | [Navigation](#navigation) | `base.mustache:"))
        for partial in (try FileManager.default.contentsOfDirectory(atPath: TestSupport.templates + "/partials")) {
            #expect(file.contains("| `partials/\(partial)` |"), "\(partial) is missing in the partials' table")
        }
        #expect(file.contains("`pagination.status`") && file.contains("`nav.access.…`"))
    }

    /// Each view type's key table answers by slot what its getter says (the table drives both).
    @Test func everyKeyOfAPageViewIsReadable() throws {
        let (set, _) = TemplateSet.load(fileSystem: LocalFileSystem(), root: TestSupport.templates, displayRoot: "Templates", language: "de")
        let templates = try #require(set)
        let layout = LayoutContext(site: try #require(TestSupport.model(TestSupport.minimalSite).0), templates: templates)
        let home = layout.homeView()
        #expect(home.shape.names.contains("latestPostList"))
        if case .text(let href)? = home.value(named: "fieldsHref") { #expect(href.hasSuffix("/handlungsfelder/")) } else { Issue.record("fieldsHref") }
        #expect(home.value(named: "titel") == nil)
    }
}
