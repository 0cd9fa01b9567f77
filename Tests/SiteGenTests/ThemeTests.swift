import Foundation
import Testing
@testable import SiteGen

/// The theme's structural accessibility and privacy rules, checked on every page of the example site
/// rendered in memory, without the external validators (scripts/a11y/check-site.sh runs those).
@Suite struct ThemeTests {
    /// The example site, rendered once for all tests: output path → text.
    static let site: [String: String] = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let builder = Builder(location: SiteLocation(content: root.path + "/content", templates: root.path + "/Templates", output: "/nonexistent"),
                              options: BuildOptions(now: DateTime.parse("2026-11-26T12:00:00+01:00")!, baseURL: "https://smartcity.example.org/"))
        let sink = MemorySink()
        _ = builder.run(into: sink)
        return sink.files.mapValues { String(decoding: $0, as: UTF8.self) }
    }()

    /// Every HTML page with its tags, parsed once.
    static let parsed: [(path: String, html: String, tags: [Tag])] = site.filter { $0.key.hasSuffix(".html") }
        .sorted { $0.key < $1.key }.map { ($0.key, $0.value, Tag.all(in: $0.value)) }

    static var pages: [(path: String, html: String)] { parsed.map { ($0.path, $0.html) } }

    /// The language of a page of the example site: its English version is under en/.
    static func isEnglish(_ path: String) -> Bool { path.hasPrefix("en/") }

    @Test func theExampleSiteHasPagesOfEveryKind() {
        let paths = Set(Self.site.keys)
        for p in ["index.html", "404.html", "handlungsfelder/index.html", "projekte/index.html", "veranstaltungen/index.html",
                  "blog/index.html", "strategie/index.html", "impressum/index.html", "suche/index.html", "assets/site.css"] {
            #expect(paths.contains(p), "missing \(p)")
        }
        #expect(Self.pages.count > 60)
    }

    @Test func everyPageIsGermanOrUnderEnEnglish() {
        for (path, html) in Self.pages {
            let lang = Self.isEnglish(path) ? "en" : "de"
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(lang)\">"), "\(path): no <html lang=\"\(lang)\">")
        }
        #expect(Self.pages.filter { Self.isEnglish($0.path) }.count > 20)
    }

    @Test func everyPageHasExactlyOneH1() {
        for (path, _, tags) in Self.parsed {
            let count = tags.filter { $0.name == "h1" && !$0.isClosing }.count
            #expect(count == 1, "\(path): \(count) <h1> elements")
        }
    }

    @Test func headingLevelsNeverSkip() {
        for (path, _, tags) in Self.parsed {
            let levels = tags.filter { !$0.isClosing && $0.headingLevel != nil }.map { $0.headingLevel! }
            #expect(levels.first == 1, "\(path): the first heading is h\(levels.first ?? 0), not h1")
            for (a, b) in zip(levels, levels.dropFirst()) where b > a + 1 {
                Issue.record("\(path): h\(a) is followed by h\(b)")
            }
        }
    }

    @Test func skipLinkLeadsToMain() {
        for (path, _, tags) in Self.parsed {
            let firstLink = tags.first { $0.name == "a" && !$0.isClosing }
            #expect(firstLink?.attributes["class"] == "skip-link", "\(path): the first link is not the skip link")
            guard let href = firstLink?.attributes["href"], href.hasPrefix("#") else {
                Issue.record("\(path): skip link without #target"); continue
            }
            let target = tags.first { $0.attributes["id"] == String(href.dropFirst()) }
            #expect(target?.name == "main", "\(path): the skip link target \(href) is not <main>")
        }
    }

    @Test func landmarksArePresentAndLabelled() {
        for (path, html, all) in Self.parsed {
            let tags = all.filter { !$0.isClosing }
            // header and footer are landmarks only outside <article>, <section> and <main>: the page has one each.
            #expect(tags.filter { $0.name == "header" && $0.attributes["class"] == "site-header" }.count == 1, "\(path): no site header")
            #expect(tags.filter { $0.name == "footer" && $0.attributes["class"] == "site-footer" }.count == 1, "\(path): no site footer")
            #expect(tags.filter { $0.name == "main" }.count == 1, "\(path): not exactly one <main>")
            #expect(html.firstRange(of: "<header class=\"site-header\"")!.lowerBound < html.firstRange(of: "<main")!.lowerBound)
            #expect(html.firstRange(of: "</main>")!.lowerBound < html.firstRange(of: "<footer class=\"site-footer\"")!.lowerBound)
            let navs = tags.filter { $0.name == "nav" }
            #expect(navs.count >= 3, "\(path): fewer than three navigations (meta, main, footer)")
            var labels: [String] = []
            for nav in navs {
                if let label = nav.attributes["aria-label"] {
                    labels.append(label)
                } else if let id = nav.attributes["aria-labelledby"] {
                    #expect(tags.contains { $0.attributes["id"] == id }, "\(path): nav labelled by missing #\(id)")
                    labels.append("#" + id)
                } else {
                    Issue.record("\(path): <nav> without a label")
                }
            }
            #expect(Set(labels).count == labels.count, "\(path): two navigations share a label: \(labels)")
            #expect(labels.contains(Self.isEnglish(path) ? "Main navigation" : "Hauptnavigation"), "\(path): no main navigation")
        }
    }

    @Test func idsAreUnique() {
        for (path, _, tags) in Self.parsed {
            let ids = tags.compactMap { $0.attributes["id"] }
            #expect(Set(ids).count == ids.count, "\(path): duplicate ids \(Dictionary(grouping: ids) { $0 }.filter { $0.value.count > 1 }.keys.sorted())")
        }
    }

    @Test func mainNavigationMarksTheCurrentSection() throws {
        let sections = ["handlungsfelder/", "projekte/", "veranstaltungen/", "blog/", "strategie/"]
        for section in sections {
            let nav = try #require(Self.mainNav(in: Self.site[section + "index.html"] ?? ""), "no main nav on \(section)")
            let current = nav.filter { $0.attributes["aria-current"] != nil }
            #expect(current.count == 1, "\(section): \(current.count) links marked current")
            #expect(current.first?.attributes["aria-current"] == "page", "\(section): not aria-current=page")
            #expect(current.first?.attributes["href"] == "/" + section, "\(section): the wrong link is current")
        }
        // Inside a section the section is marked, but it is not "the current page".
        let post = try #require(Self.pages.first { $0.path.hasPrefix("blog/20") }, "no post")
        let nav = try #require(Self.mainNav(in: post.html))
        #expect(nav.filter { $0.attributes["aria-current"] != nil }.map { $0.attributes["aria-current"]! } == ["true"])
        #expect(nav.first { $0.attributes["aria-current"] != nil }?.attributes["href"] == "/blog/")
        // The home page marks nothing.
        let home = try #require(Self.mainNav(in: Self.site["index.html"] ?? ""))
        #expect(home.allSatisfy { $0.attributes["aria-current"] == nil })
    }

    @Test func everyPageLinksTheRequiredPages() {
        for (path, html) in Self.pages {
            let footer = Self.section(of: html, from: "<footer", to: "</footer>")
            // The English pages link the English versions of the legal pages, the German ones of the access pages.
            let en = Self.isEnglish(path) ? "/en" : ""
            for page in ["\(en)/impressum/", "\(en)/datenschutz/", "\(en)/barrierefreiheit/"] {
                #expect(footer.contains("href=\"\(page)\""), "\(path): footer does not link \(page)")
            }
            let header = Self.section(of: html, from: "<header class=\"site-header\"", to: "</header>")
            for page in ["/leichte-sprache/", "/gebaerdensprache/", en.isEmpty ? "/suche/" : "/en/search/"] {
                #expect(header.contains("href=\"\(page)\""), "\(path): header does not link \(page)")
            }
        }
    }

    /// 70 posts, 10 a page: the first page links 1, 2, 3, "…" and 7, not every page.
    @Test func longBlogsLinkAWindowOfPagesWithHiddenGaps() throws {
        var files = TestSupport.minimalSite
        for n in 1...70 {
            let day = String(format: "%02d", (n - 1) % 28 + 1), month = String(format: "%02d", (n - 1) / 28 + 1)
            files["posts/2025/p\(n).md"] = "---\ntitle: Beitrag \(n)\ndate: 2025-\(month)-\(day)T10:00:00+01:00\n---\nText.\n"
        }
        let (_, sink) = TestSupport.buildInMemory(files)
        let first = try #require(sink.text("blog/index.html"))
        #expect(first.contains("<li class=\"pagination-gap\" aria-hidden=\"true\">…</li>"))
        for n in [2, 3, 7] { #expect(first.contains("href=\"/blog/seite/\(n)/\"")) }
        for n in [4, 5, 6] { #expect(!first.contains("href=\"/blog/seite/\(n)/\""), "page \(n) is behind the gap") }
        let middle = try #require(sink.text("blog/seite/4/index.html"))
        #expect(!middle.contains("pagination-gap"))
        #expect(middle.contains("aria-current=\"page\"><span class=\"visually-hidden\">Seite 4</span>"))
    }

    @Test func breadcrumbsAndPaginationAreLabelledNavigations() {
        for (path, html, tags) in Self.parsed {
            for tag in tags where tag.name == "nav" && !tag.isClosing {
                let cls = tag.attributes["class"] ?? ""
                let en = Self.isEnglish(path)
                if cls.contains("breadcrumbs") { #expect(tag.attributes["aria-label"] == (en ? "You are here" : "Sie sind hier"), "\(path)") }
                if cls.contains("pagination") { #expect(tag.attributes["aria-label"] == (en ? "Pages" : "Seitennavigation"), "\(path)") }
            }
            if html.contains("class=\"breadcrumbs") { #expect(html.contains("<span aria-current=\"page\""), "\(path): breadcrumb without current page") }
        }
        #expect(Self.site["blog/index.html"]?.contains("class=\"pagination\"") == true)
        #expect(Self.site["blog/index.html"]?.contains("rel=\"next\" href=\"/blog/seite/2/\">Weiter zu Seite 2</a>") == true)
    }

    @Test func nothingIsLoadedFromAnotherHost() {
        let own = "https://smartcity.example.org/"
        func foreign(_ url: String) -> Bool { (isRemote(url) || url.hasPrefix("//")) && !url.hasPrefix(own) }
        for (path, html, tags) in Self.parsed {
            for r in HTMLScanner.scan(html).resources where foreign(r) { Issue.record("\(path): loads \(r)") }
            for tag in tags where !tag.isClosing {
                if tag.name == "link", let href = tag.attributes["href"], foreign(href) {
                    Issue.record("\(path): <link href=\"\(href)\"> points to another host")
                }
                if ["iframe", "embed", "object", "frame"].contains(tag.name) { Issue.record("\(path): <\(tag.name)> embeds another document") }
            }
        }
        for (path, text) in Self.site where path.hasSuffix(".css") || path.hasSuffix(".svg") {
            for (_, url) in StyleSheetReferences.all(Array(text.utf8)) where foreign(url) { Issue.record("\(path): loads \(url)") }
            if path.hasSuffix(".svg") {
                for tag in Tag.all(in: text) where tag.name != "a" {
                    for key in ["href", "xlink:href", "src"] { if let v = tag.attributes[key], foreign(v) { Issue.record("\(path): <\(tag.name)> loads \(v)") } }
                }
            }
        }
        // Nothing stores data in the visitor's browser either.
        for (path, text) in Self.site where path.hasSuffix(".js") || path.hasSuffix(".html") {
            for word in ["document.cookie", "localStorage", "sessionStorage", "indexedDB"] where text.contains(word) {
                Issue.record("\(path): uses \(word)")
            }
        }
    }

    @Test func datesAreMachineReadable() {
        for (path, _, tags) in Self.parsed {
            for tag in tags where tag.name == "time" && !tag.isClosing {
                let dt = tag.attributes["datetime"] ?? ""
                #expect(dt.wholeMatch(of: /\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z))?/) != nil, "\(path): <time datetime=\"\(dt)\">")
            }
        }
    }

    @Test func eventFactsAreADescriptionList() throws {
        let events = Self.pages.filter { $0.path.hasPrefix("veranstaltungen/20") }
        #expect(events.count > 5)
        for (path, html) in events {
            let facts = Self.section(of: html, from: "<section class=\"facts\"", to: "</section>")
            #expect(facts.contains("<dl>") && facts.contains("<dt>") && facts.contains("<dd>"), "\(path): no <dl> of facts")
            #expect(facts.contains("<time datetime="), "\(path): event date without <time>")
        }
        // A same-day event shows its end time as a second <time>.
        let diwodo = try #require(Self.site["veranstaltungen/2026/open-house-diwodo-2026/index.html"])
        #expect(diwodo.contains("<time datetime=\"2026-09-22T14:30:00+02:00\">Dienstag, 22. September 2026, 14:30</time>–<time datetime=\"2026-09-22T20:00:00+02:00\">20:00 Uhr</time>"))
    }

    @Test func downloadsStateFormatAndSize() {
        var count = 0
        for (path, _, tags) in Self.parsed {
            for (i, tag) in tags.enumerated() where tag.name == "a" && !tag.isClosing && tag.attributes["class"] == "download" {
                let text = Tag.text(of: tags, from: i)
                count += 1
                #expect(text.wholeMatch(of: /.+ \((PDF|ZIP|CSV|ODS|ODT|DOCX|XLSX), [\d,]+ (B|KB|MB|GB)\)/) != nil,
                        "\(path): download link '\(text)' without format and size")
            }
        }
        #expect(count >= 2, "the home and strategy pages offer the strategy PDF")
    }

    @Test func linkTextsMakeSenseAlone() {
        let vague: Set<String> = ["mehr", "mehr …", "weiter", "hier", "klicken sie hier", "link", "details", "weiterlesen", "mehr erfahren"]
        for (path, _, tags) in Self.parsed {
            for (i, tag) in tags.enumerated() where tag.name == "a" && !tag.isClosing {
                let name = tag.attributes["aria-label"] ?? Tag.text(of: tags, from: i)
                #expect(!name.isEmpty, "\(path): a link to \(tag.attributes["href"] ?? "?") without text")
                #expect(!vague.contains(name.lowercased()), "\(path): the link text '\(name)' says nothing alone")
            }
        }
    }

    @Test func imagesHaveAltAndDecorativeSVGsAreHidden() {
        for (path, _, tags) in Self.parsed {
            for tag in tags {
                if tag.name == "img" { #expect(tag.attributes["alt"] != nil, "\(path): <img> without alt") }
                if tag.name == "svg", !tag.isClosing { #expect(tag.attributes["aria-hidden"] == "true" || tag.insideHidden, "\(path): <svg> icon not hidden from screen readers") }
            }
        }
    }

    @Test func noEmptyListsAndNoNilTexts() {
        for (path, _, tags) in Self.parsed {
            // A list with an id may be filled by a script (the search results); every other list has items.
            for (a, b) in zip(tags, tags.dropFirst()) where ["ul", "ol", "dl"].contains(a.name) && !a.isClosing && a.attributes["id"] == nil {
                #expect(!(b.name == a.name && b.isClosing && a.textAfter.allSatisfy(\.isWhitespace)), "\(path): an empty <\(a.name)>")
            }
            #expect(!tags.contains { $0.textAfter.trimmingCharacters(in: .whitespacesAndNewlines) == "nil" || $0.attributes.values.contains("nil") },
                    "\(path): a nil value was rendered")
        }
    }

    @Test func fieldsHaveColourAndIcon() throws {
        let home = try #require(Self.site["index.html"])
        for n in 1...12 { #expect(home.contains("hf-\(n)"), "home page lacks field colour hf-\(n)") }
        let css = try #require(Self.site["assets/site.css"])
        for n in 1...12 { #expect(css.contains("--hf-\(n):"), "site.css lacks --hf-\(n)") }
        #expect(css.contains("prefers-color-scheme: dark"))
        #expect(css.contains("prefers-reduced-motion"))
        #expect(css.contains("@media print"))
        #expect(css.contains(":focus-visible"))
        for match in home.matches(of: /<use href="(\/assets\/icons\/[^"#]+)#icon">/) {
            #expect(Self.site[String(match.1.dropFirst())] != nil, "missing icon \(match.1)")
        }
    }

    // MARK: - helpers

    static func mainNav(in html: String) -> [Tag]? {
        guard let start = html.range(of: "<nav class=\"main-nav\"") else { return nil }
        let rest = html[start.lowerBound...]
        guard let end = rest.range(of: "</nav>") else { return nil }
        return Tag.all(in: String(rest[..<end.upperBound])).filter { $0.name == "a" && !$0.isClosing }
    }

    static func section(of html: String, from start: String, to end: String) -> String {
        guard let s = html.range(of: start), let e = html[s.upperBound...].range(of: end) else { return "" }
        return String(html[s.lowerBound..<e.upperBound])
    }
}

/// One tag of a page, read the simple way our templates write them (attributes in double quotes).
struct Tag {
    var name: String
    var isClosing: Bool
    var attributes: [String: String]
    /// The text between this tag and the next one.
    var textAfter = ""
    /// Inside an element with aria-hidden="true".
    var insideHidden = false

    var headingLevel: Int? {
        guard name.count == 2, name.first == "h", let n = Int(String(name.last!)), (1...6).contains(n) else { return nil }
        return n
    }

    /// The text inside the element that opens at `tags[index]` (tags removed, spaces collapsed).
    static func text(of tags: [Tag], from index: Int) -> String {
        let name = tags[index].name
        var parts: [String] = [tags[index].textAfter]
        var depth = 1
        var i = index + 1
        while i < tags.count {
            if tags[i].name == name { depth += tags[i].isClosing ? -1 : 1 }
            if depth == 0 { break }
            parts.append(tags[i].textAfter)
            i += 1
        }
        return HTMLScanner.decodeEntities(parts.joined()).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A small hand-written tokenizer (Swift Regex is too slow in debug builds for ~80 pages × 18 tests).
    /// Skips comments and the content of <script> and <style>.
    static func all(in html: String) -> [Tag] {
        let b = Array(html.utf8)
        let n = b.count
        var tags: [Tag] = []
        var hidden: (name: String, depth: Int)?
        var i = 0
        var textStart = 0
        func isNameByte(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 45 }
        func appendText(_ end: Int) {
            guard !tags.isEmpty, end > textStart else { return }
            tags[tags.count - 1].textAfter += String(decoding: b[textStart..<end], as: UTF8.self)
        }
        while i < n {
            guard b[i] == 60 else { i += 1; continue }  // "<"
            if i + 3 < n, b[i + 1] == 33, b[i + 2] == 45, b[i + 3] == 45 {  // "<!--"
                appendText(i)
                var j = i + 4
                while j + 2 < n, !(b[j] == 45 && b[j + 1] == 45 && b[j + 2] == 62) { j += 1 }
                i = j + 3; textStart = i
                continue
            }
            var j = i + 1
            let closing = j < n && b[j] == 47
            if closing { j += 1 }
            let nameStart = j
            while j < n, isNameByte(b[j]) { j += 1 }
            guard j > nameStart, (b[nameStart] >= 65 && b[nameStart] <= 90) || (b[nameStart] >= 97 && b[nameStart] <= 122) else { i += 1; continue }
            appendText(i)
            let name = String(decoding: b[nameStart..<j], as: UTF8.self).lowercased()
            var attributes: [String: String] = [:]
            while j < n, b[j] != 62 {
                while j < n, b[j] == 32 || b[j] == 10 || b[j] == 9 || b[j] == 13 || b[j] == 47 { j += 1 }
                let aStart = j
                while j < n, b[j] != 61, b[j] != 32, b[j] != 62, b[j] != 10, b[j] != 47 { j += 1 }
                let aName = String(decoding: b[aStart..<j], as: UTF8.self).lowercased()
                var value = ""
                if j < n, b[j] == 61 {
                    j += 1
                    if j < n, b[j] == 34 || b[j] == 39 {
                        let q = b[j]; j += 1
                        let vStart = j
                        while j < n, b[j] != q { j += 1 }
                        value = HTMLScanner.decodeEntities(String(decoding: b[vStart..<min(j, n)], as: UTF8.self))
                        j += 1
                    } else {
                        let vStart = j
                        while j < n, b[j] != 32, b[j] != 62 { j += 1 }
                        value = String(decoding: b[vStart..<j], as: UTF8.self)
                    }
                }
                if !aName.isEmpty { attributes[aName] = value }
            }
            var tag = Tag(name: name, isClosing: closing, attributes: attributes)
            tag.insideHidden = hidden != nil
            if let h = hidden, h.name == name, !voidElements.contains(name) {
                hidden = closing ? (h.depth == 1 ? nil : (h.name, h.depth - 1)) : (h.name, h.depth + 1)
            } else if hidden == nil, !closing, attributes["aria-hidden"] == "true", !voidElements.contains(name) {
                hidden = (name, 1)
            }
            tags.append(tag)
            i = j + 1
            textStart = i
            if !closing, name == "script" || name == "style" {  // raw text up to the closing tag
                let close = Array("</\(name)".utf8)
                while i + close.count <= n, !(b[i] == 60 && zip(b[i..<(i + close.count)], close).allSatisfy { ($0 | 0x20) == ($1 | 0x20) }) { i += 1 }
                textStart = i
            }
        }
        appendText(n)
        return tags
    }

    static let voidElements: Set<String> = ["img", "br", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "track"]
}
