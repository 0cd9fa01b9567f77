import Foundation
import MustacheEngine
import Testing
@testable import SiteGen

/// A designer's mistakes in the templates, each with the exact message it must give (found by
/// probing the built binary as a designer would). The real theme is loaded into memory and one
/// file is changed per case.
@Suite struct ThemeBadInputTests {
    static let theme: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        let root = TestSupport.templates
        for path in (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? [] {
            if let data = FileManager.default.contents(atPath: root + "/" + path), !path.hasPrefix("assets/") || path.hasSuffix(".svg") {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue { files[path] = [UInt8](data) }
            }
        }
        return files
    }()

    /// Loads the theme with `change` applied; returns the messages as the CLI prints them.
    func messages(_ change: (inout [String: [UInt8]]) -> Void) -> (loaded: Bool, lines: [String]) {
        var files = Self.theme
        change(&files)
        let fs = MemoryFileSystem()
        for (path, bytes) in files { fs.write("/t/" + path, bytes: bytes) }
        let (set, diagnostics) = TemplateSet.load(fileSystem: fs, root: "/t", displayRoot: "Templates", language: "de")
        return (set != nil, diagnostics.map { "\($0)" })
    }

    func edit(_ name: String, _ files: inout [String: [UInt8]], _ transform: (String) -> String) {
        let text = String(decoding: files[name]!, as: UTF8.self)
        let changed = transform(text)
        #expect(changed != text, "the edit of \(name) changed nothing")
        files[name] = Array(changed.utf8)
    }

    /// A key copied from another page kind's template (`{{#upcoming}}` of the event list into the
    /// post template) is no typo: no "did you mean", but the templates whose views have it.
    @Test func aKeyOfAnotherPageKindNamesTheTemplatesThatHaveIt() {
        let r = messages { files in
            edit("post.mustache", &files) { $0.replacingOccurrences(of: "</h1>", with: "</h1>{{#upcoming}}{{title}}{{/upcoming}}") }
        }
        let line = r.lines.first { $0.contains("no key 'upcoming' here") }
        #expect(line?.hasPrefix("Templates/post.mustache:") == true, "\(r.lines)")
        #expect(line?.contains("; the views of Templates/event-list.mustache") == true || line?.contains(", Templates/event-list.mustache") == true, "\(r.lines)")
        #expect(line?.hasSuffix(" have it") == true, "\(r.lines)")
        #expect(line?.contains("Templates/post.mustache,") == false && line?.contains("Templates/post.mustache have") == false, "\(r.lines)")
        // A typo still gets its "did you mean" and nothing else.
        let typo = messages { files in edit("post.mustache", &files) { $0.replacingOccurrences(of: "{{title}}", with: "{{titel}}") } }
        #expect(typo.lines.contains { $0.hasSuffix("no key 'titel' here; did you mean 'title'?") }, "\(typo.lines)")
    }

    /// Google Fonts by @import in the theme's style sheet (the case of LG München I, 3 O 17493/20)
    /// made every page load from Google, and the build said nothing: the pages' check reads HTML only.
    @Test func aStyleSheetLoadingFromAnotherHostIsAnErrorAtItsLine() {
        let r = messages {
            $0["assets/site.css"] = Array("@import url(\"https://fonts.googleapis.com/css2?family=Roboto\");\nbody { margin: 0; }\n.x { background: url('/assets/bild.png') }\n.y { background: URL( //cdn.example.com/a.png ) }\n".utf8)
        }
        let clause = "would be loaded from another host by every page using this style sheet; the privacy rules allow only files of this site (store the file under Templates/assets/ and refer to it there)"
        #expect(!r.loaded)
        #expect(r.lines == [
            "Templates/assets/site.css:1: error: 'https://fonts.googleapis.com/css2?family=Roboto' " + clause,
            "Templates/assets/site.css:4: error: '//cdn.example.com/a.png' " + clause,
        ], "\(r.lines)")
    }

    /// An SVG of the theme with a script or a load from another host went out without a word (the
    /// same file under content/ is an error); it is shown on every page, so it is the same error.
    @Test func aThemeSVGWithAScriptIsAnErrorAtItsLine() {
        let r = messages { files in
            edit("assets/logo.svg", &files) { $0.replacingOccurrences(of: "</svg>", with: "\n<script>alert(1)</script>\n<image href=\"https://cdn.example.com/a.png\"/></svg>") }
        }
        #expect(!r.loaded)
        #expect(r.lines.contains("Templates/assets/logo.svg:2: error: SVG contains a <script> element, which would run code in a visitor's browser when the file is opened; remove it (export the graphic again without scripts)"), "\(r.lines)")
        #expect(r.lines.contains { $0.hasPrefix("Templates/assets/logo.svg:3: error: SVG loads 'https://cdn.example.com/a.png' from another host") }, "\(r.lines)")
    }

    /// Taking lang, <title>, the skip link, <main> or an <h1> out of the templates changed every
    /// page of a kind, and the check said nothing (it reads the pages' links only). Each is named
    /// once: at the layout when every page template using it lacks it, else at the page template.
    @Test func aTemplateThatLosesWhatScreenReadersNeedIsNamed() {
        let start = "warning: the pages made with this template have no "
        #expect(!messages { _ in }.lines.contains { $0.contains(start) })
        let r = messages { files in
            edit("base.mustache", &files) {
                $0.replacingOccurrences(of: "<html lang=\"{{site.lang}}\">", with: "<html>").replacingOccurrences(of: "<title>{{page.documentTitle}}</title>\n", with: "")
            }
            edit("partials/site-header.mustache", &files) { $0.replacingOccurrences(of: "<a class=\"skip-link\" href=\"#inhalt\">{{t.skip}}</a>\n", with: "") }
            edit("post-list.mustache", &files) { $0.replacingOccurrences(of: "<h1>{{page.title}}</h1>", with: "<p>{{page.title}}</p>") }
        }
        #expect(Set(r.lines.filter { $0.contains(start) }) == [
            "Templates/base.mustache: " + start + "lang on <html>, so screen readers read them in the wrong language; write <html lang=\"{{site.lang}}\">",
            "Templates/base.mustache: " + start + "<title>, so tabs, bookmarks and screen readers name them by their address; add <title>{{page.documentTitle}}</title> to the head",
            "Templates/base.mustache: " + start + "skip link to their <main> element, so keyboard users tab through the whole header on every page; add <a class=\"skip-link\" href=\"#inhalt\"> before the header, with the id on <main>",
            "Templates/post-list.mustache: " + start + "<h1> heading, so screen reader users do not find the page's title among its headings; make the title an <h1>",
        ], "\(r.lines)")
        let noMain = messages { files in
            edit("base.mustache", &files) { $0.replacingOccurrences(of: "<main id=\"inhalt\" tabindex=\"-1\">", with: "<div id=\"inhalt\">").replacingOccurrences(of: "</main>", with: "</div>") }
        }
        // A skip link to an id made from a value is not judged.
        let made = messages { files in
            edit("base.mustache", &files) { $0.replacingOccurrences(of: "<main id=\"inhalt\"", with: "<main id=\"{{t.skip}}\"") }
        }
        #expect(!made.lines.contains { $0.contains(start) }, "\(made.lines)")
        #expect(noMain.lines.filter { $0.contains(start) } == [
            "Templates/base.mustache: " + start + "<main> element, so screen reader users cannot jump to the content; put the page's content in <main id=\"inhalt\" tabindex=\"-1\">",
        ], "\(noMain.lines)")
    }

    /// Under `--templates Theme2` a missing UI string was said to belong in Templates/i18n/, a
    /// folder the build did not read; it names the strings file it read.
    @Test func aMissingUIStringNamesTheStringsFileOfTheTemplatesFolder() {
        var files = Self.theme
        edit("partials/site-header.mustache", &files) { $0.replacingOccurrences(of: "{{t.skip}}", with: "{{t.skp}}") }
        let fs = MemoryFileSystem()
        for (path, bytes) in files { fs.write("/t/" + path, bytes: bytes) }
        let (_, diagnostics) = TemplateSet.load(fileSystem: fs, root: "/t", displayRoot: "Theme2", language: "de")
        #expect(diagnostics.contains { "\($0)".contains("warning: the UI string 'skp' is not in Theme2/i18n/de.yml; add it there (or did you mean 't.skip'?)") }, "\(diagnostics)")
        // So does a style sheet loading from another host, which told to store the file under Templates/assets/.
        let remote = TemplateSet.remoteLoads(Array("@import url(https://fonts.example/a.css);".utf8), display: "Theme2/assets/site.css", assets: "Theme2/assets/")
        #expect(remote.map(\.description) == ["Theme2/assets/site.css:1: error: 'https://fonts.example/a.css' would be loaded from another host by every page using this style sheet; the privacy rules allow only files of this site (store the file under Theme2/assets/ and refer to it there)"])
    }

    /// A picture the theme's style sheet names inside Templates/assets/ that is not there was
    /// asked for by every page in vain, without a word (the pages' check reads their HTML).
    @Test func aStyleSheetNamingAMissingFileOfTheThemeIsAWarningAtItsLine() {
        let r = messages {
            $0["assets/site.css"] = Array(".a { background: url(icons/fehlt.svg) }\n.b { background: url(\"./logo.svg?v=2\") }\n.c { background: url(../images/foto.jpg) }\n.d { background: url(data:image/png;base64,AAAA) }\n.e { mask: url(#maske) }\n.f { background: url('/assets/x.png') }\n".utf8)
        }
        #expect(r.loaded)
        #expect(r.lines.filter { $0.hasPrefix("Templates/assets/") } == [
            "Templates/assets/site.css:1: warning: 'icons/fehlt.svg' does not exist (looked for Templates/assets/icons/fehlt.svg), so the pages using this style sheet do without it; correct the address or add the file",
        ], "\(r.lines)")
    }

    /// A dotted name going on after a list or a single value (`{{posts.title}}`, a post's title
    /// in the blog's template) printed nothing without a word: only objects have keys.
    @Test func aKeyOfAListOrOfTextIsNamed() {
        let r = messages { edit("post-list.mustache", &$0) { $0.replacingOccurrences(of: "{{t.blog.description}}", with: "{{posts.title}} {{page.title.text}}") } }
        #expect(r.lines.filter { $0.hasPrefix("Templates/post-list.mustache:4:") } == [
            "Templates/post-list.mustache:4:17: warning: 'posts' is a list, so 'posts.title' finds nothing; show each item's with {{#posts}}{{title}}{{/posts}}",
            "Templates/post-list.mustache:4:33: warning: 'page.title' is a single value and has no key 'text'; write {{page.title}}",
        ], "\(r.lines)")
    }

    /// A UI string left empty (`skip:`) made the skip link an empty link on every page, without a word.
    @Test func anEmptyUIStringIsNamedAtItsLine() {
        let r = messages { edit("i18n/de.yml", &$0) { $0.replacingOccurrences(of: "skip: \"Zum Inhalt springen\"", with: "skip:").replacingOccurrences(of: "  mainLabel: \"Hauptnavigation\"", with: "  mainLabel: \"\"") } }
        #expect(r.loaded)
        #expect(r.lines == [
            "Templates/i18n/de.yml:3: warning: the UI string 'skip' is empty, so the pages show nothing in its place (an empty link or label for screen readers); write its text",
            "Templates/i18n/de.yml:5: warning: the UI string 'nav.mainLabel' is empty, so the pages show nothing in its place (an empty link or label for screen readers); write its text",
        ], "\(r.lines)")
    }

    /// A string that de.yml has and en.yml lacks was reported at the template using it, with a
    /// "did you mean" for another key (following it would break the German pages); the English
    /// pages show nothing there (an empty aria-label), and en.yml is the file to change.
    @Test func aStringOnlyATranslationLacksIsNamedInItsFile() {
        var files = Self.theme
        edit("i18n/en.yml", &files) { $0.replacingOccurrences(of: "\n  mainLabel: \"Main navigation\"", with: "") }
        let (_, set, diagnostics) = Self.version("en", of: files)
        #expect(set != nil)
        #expect(diagnostics.map { "\($0)" } == [
            "Templates/i18n/en.yml: warning: the UI string 'nav.mainLabel' is missing (Templates/i18n/de.yml has it), so the pages of this language show nothing in its place; add it",
        ])
    }

    /// A language version takes the templates as they were read, parsed and linted for the site's
    /// own language: a template's problem is named by the site's own load, and the version adds
    /// only what its UI strings change (here a missing file, which stops it).
    @Test func aVersionReusesTheTemplatesAndChecksOnlyItsStrings() {
        var files = Self.theme
        edit("post.mustache", &files) { $0.replacingOccurrences(of: "{{$main}}", with: "{{$mian}}").replacingOccurrences(of: "{{/main}}", with: "{{/mian}}") }
        let (german, english, diagnostics) = Self.version("en", of: files)
        #expect(german.own.contains { $0.file == "Templates/post.mustache" })
        #expect(english?.library === german.set?.library)
        #expect(english?.strings["nav"] != nil)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let (_, french, missing) = Self.version("fr", of: files)
        #expect(french == nil)
        #expect(missing.map { "\($0)" } == ["Templates/i18n/fr.yml: error: UI strings for language 'fr' are missing"])
    }

    /// A key mistyped in a language's file (`registrationLnk:` in en.yml) was reported as the
    /// string missing, without its line or a "did you mean", which the same typo in the
    /// original's file and in front matter get. Now it is named as written, at its line.
    @Test func aStringMistypedInATranslationGetsADidYouMean() {
        var files = Self.theme
        edit("i18n/en.yml", &files) {
            $0.replacingOccurrences(of: "\n  registrationLink: ", with: "\n  registrationLnk: ")
                .replacingOccurrences(of: "\n  place: \"Venue\"", with: "")
        }
        let (_, _, diagnostics) = Self.version("en", of: files)
        let line = Self.line(of: "  registrationLnk:", in: files["i18n/en.yml"]!)
        #expect(diagnostics.map { "\($0)" } == [
            // No key of the file is close to 'place': the string is missing.
            "Templates/i18n/en.yml: warning: the UI string 'event.place' is missing (Templates/i18n/de.yml has it), so the pages of this language show nothing in its place; add it",
            "Templates/i18n/en.yml:\(line): warning: unknown UI string 'event.registrationLnk', did you mean 'event.registrationLink'? As written, the pages of this language show nothing in its place",
        ])
    }

    /// A key the templates no longer name (renamed in the template, the old entry left behind)
    /// is named at its line; the strings the build reads (counts' zero forms, `nav.access.<slug>`)
    /// and those the templates read through a section over their group are not.
    @Test func aUIStringNothingUsesIsNamedAtItsLine() {
        var files = Self.theme
        edit("i18n/de.yml", &files) { $0.replacingOccurrences(of: "\nnav:\n", with: "\nskipOld: \"Zum Inhalt\"\nnav:\n") }
        edit("i18n/en.yml", &files) { $0.replacingOccurrences(of: "\nnav:\n", with: "\nskipOld: \"To the content\"\nnav:\n") }
        let (german, _, english) = Self.version("en", of: files)
        let unused = german.own.filter { $0.message.contains("is used by no template") }
        #expect(unused.map { "\($0)" } == [
            "Templates/i18n/de.yml:\(Self.line(of: "skipOld:", in: files["i18n/de.yml"]!)): warning: the UI string 'skipOld' is used by no template and not by the build, so no page shows it; remove it, or show it with {{t.skipOld}}",
        ])
        #expect(english.map { "\($0)" } == [
            "Templates/i18n/en.yml:\(Self.line(of: "skipOld:", in: files["i18n/en.yml"]!)): warning: the UI string 'skipOld' is used by no template and not by the build, so no page shows it; remove it, or show it with {{t.skipOld}}",
        ])
        #expect(MessageCatalogue.german.german(unused.first?.message ?? "")?.hasPrefix("Den Oberflächentext „skipOld“ verwendet keine Vorlage") == true)
        // Mistyped in a template ({{t.Skip}}): the template's line says "did you mean 't.skip'";
        // the string is not called unused (removing it would be the wrong fix).
        var typo = Self.theme
        edit("partials/site-header.mustache", &typo) { $0.replacingOccurrences(of: "{{t.skip}}", with: "{{t.Skip}}") }
        let typoLines = Self.version("en", of: typo)
        #expect(typoLines.german.own.contains { $0.message.contains("did you mean 't.skip'") }, "\(typoLines.german.own)")
        #expect(!(typoLines.german.own + typoLines.diagnostics).contains { $0.message.contains("is used by no template") }, "\(typoLines)")
        // So is a string named as a group ({{t.skip.label}}).
        var group = Self.theme
        edit("partials/site-header.mustache", &group) { $0.replacingOccurrences(of: "{{t.skip}}", with: "{{t.skip.label}}") }
        #expect(!Self.version("en", of: group).german.own.contains { $0.message.contains("is used by no template") })
        // Used through a section over its group: not named.
        edit("404.mustache", &files) { $0 + "{{#t}}{{skipOld}}{{/t}}" }
        #expect(!Self.version("en", of: files).german.own.contains { $0.message.contains("is used by no template") })
    }

    /// A UI string written as a list (`blog: [Blog, Beiträge]`) was reported as missing, without
    /// its line; it is named as a list at its line, once.
    @Test func aUIStringWrittenAsAListIsNamedAtItsLine() {
        var files = Self.theme
        edit("i18n/de.yml", &files) { $0.replacingOccurrences(of: "\n  blog: \"Blog\"\n", with: "\n  blog: [Blog, Beiträge]\n") }
        let line = Self.line(of: "  blog: [", in: files["i18n/de.yml"]!)
        let r = Self.version("en", of: files).german.own.filter { $0.message.contains("'nav.blog'") }.map(\.description)
        #expect(r == ["Templates/i18n/de.yml:\(line): warning: the UI string 'nav.blog' is a list, but a UI string is one text, so the pages show nothing in its place; write its text after the name (blog: \"Blog\")"], "\(r)")
    }

    /// A name written with a dot (`"nav.skip": …`) was never found by `{{t.nav.skip}}`, without a word.
    @Test func aUIStringNamedWithADotIsNamedAtItsLine() {
        var files = Self.theme
        edit("i18n/de.yml", &files) { $0.replacingOccurrences(of: "\nnav:\n", with: "\n\"nav.extra\": \"Mehr\"\nnav:\n") }
        let line = Self.line(of: "\"nav.extra\"", in: files["i18n/de.yml"]!)
        let r = messages { $0 = files }.lines.filter { $0.contains("nav.extra") }
        #expect(r == ["Templates/i18n/de.yml:\(line): warning: the UI string 'nav.extra' has a dot in its name, but a template reads {{t.a.b}} as b inside a, so no page can show it; write it nested (a:, then b: indented below it)"], "\(r)")
    }

    /// The names read wherever they stand (other delimiters too); `t` itself only in a tag.
    @Test func theUIStringsATemplateNamesAreFound() {
        #expect(UnusedUIStrings.namesInTemplates(["a": "{{=<% %>=}}<% t.nav.blog %><%={{ }}=%>{{#t.footer}}{{/t.footer}} at t list.t.x, and t."]) == ["nav.blog", "footer"])
        #expect(UnusedUIStrings.namesInTemplates(["a": "{{# t }}{{/t}}"]).contains(""))
        #expect(UnusedUIStrings.namesInTemplates(["a": "{{{t}}}"]).contains(""))
    }

    /// The line (from 1) of a file's first line that starts with `prefix`; 0 when none does.
    static func line(of prefix: String, in file: [UInt8]) -> Int {
        (String(decoding: file, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(prefix) } ?? -1) + 1
    }

    /// The theme `files` loaded for German, and the templates of the language version `code` made from them.
    static func version(_ code: String, of files: [String: [UInt8]])
        -> (german: (set: TemplateSet?, own: [Diagnostic]), version: TemplateSet?, diagnostics: [Diagnostic]) {
        let fs = MemoryFileSystem()
        for (path, bytes) in files { fs.write("/t/" + path, bytes: bytes) }
        let (german, own) = TemplateSet.load(fileSystem: fs, root: "/t", displayRoot: "Templates", language: "de")
        guard let german else { return ((nil, own), nil, []) }
        let (set, diagnostics) = TemplateSet.version(of: german, fileSystem: fs, displayRoot: "Templates", language: code,
                                                     original: ("de", german.strings))
        return ((german, own), set, diagnostics)
    }

    /// A placeholder left out in a translation drops the value it stands for (the page number);
    /// one too many shows as written ("On to page {2}"). Named at the string's line.
    @Test func aTranslationsPlaceholdersAreThoseOfTheOriginal() {
        var files = Self.theme
        edit("i18n/en.yml", &files) {
            $0.replacingOccurrences(of: "status: \"Page {1} of {2}\"", with: "status: \"Page {1}\"")
                .replacingOccurrences(of: "next: \"On to page {1}\"", with: "next: \"On to page {2}\"")
        }
        let (_, set, diagnostics) = Self.version("en", of: files)
        #expect(set != nil)
        func line(_ prefix: String) -> Int { Self.line(of: prefix, in: files["i18n/en.yml"]!) }
        #expect(diagnostics.map { "\($0)" } == [
            "Templates/i18n/en.yml:\(line("  next:")): warning: the UI string 'pagination.next' leaves out {1} (Templates/i18n/de.yml has it), so the pages of this language do not show what goes there; add it",
            "Templates/i18n/en.yml:\(line("  next:")): warning: the UI string 'pagination.next' has {2}, which no value fills, so the pages of this language show it as written; remove it",
            "Templates/i18n/en.yml:\(line("  status:")): warning: the UI string 'pagination.status' leaves out {2} (Templates/i18n/de.yml has it), so the pages of this language do not show what goes there; add it",
        ])
        #expect(UIStringPlaceholders.numbers(in: "{1} von {2}, {x} {12} {") == [1, 2, 12])
    }

    /// A placeholder the build does not fill in the site's own strings (`Seite {1} von {3}`) showed
    /// as written without a word, and en.yml, which was right, was told to add {3} and drop {2}.
    /// The build's own count of values decides (UIStrings.valuesFilledIn).
    @Test func aPlaceholderTheBuildDoesNotFillIsNamedInItsOwnFile() {
        var files = Self.theme
        edit("i18n/de.yml", &files) { $0.replacingOccurrences(of: "status: \"Seite {1} von {2}\"", with: "status: \"Seite {1} von {3}\"") }
        let (german, _, diagnostics) = Self.version("en", of: files)
        #expect(german.own.map(\.description) == [
            "Templates/i18n/de.yml:\(Self.line(of: "  status:", in: files["i18n/de.yml"]!)): warning: the UI string 'pagination.status' has {3}, which no value fills, so the pages of this language show it as written; remove it",
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(UIStrings.valuesFilled(into: "tags.count.other") == 1 && UIStrings.valuesFilled(into: "translation.untranslated.blog.one") == 1)
        #expect(UIStrings.valuesFilled(into: "search.results") == nil && UIStrings.valuesFilled(into: "field.counts") == 3)
    }

    @Test func theRealThemeLoadsWithoutAWord() {
        let r = messages { _ in }
        #expect(r.loaded)
        #expect(r.lines.isEmpty, "\(r.lines)")
    }

    @Test func aBlockTheLayoutDoesNotHaveIsNamed() {
        let r = messages { edit("post.mustache", &$0) { $0.replacingOccurrences(of: "{{$main}}", with: "{{$mian}}").replacingOccurrences(of: "{{/main}}", with: "{{/mian}}") } }
        #expect(r.loaded)
        // At the block's line (it was the {{<base}} tag's, 1:1).
        #expect(r.lines.contains("Templates/post.mustache:2:1: warning: 'base' has no block 'mian', so its content is not shown; did you mean 'main'?"), "\(r.lines)")
    }

    @Test func textOutsideTheBlocksOfALayoutIsNamed() {
        let r = messages { edit("post.mustache", &$0) { $0.replacingOccurrences(of: "{{<base}}\n", with: "{{<base}}\n<p>Seitenleiste</p>\n") } }
        #expect(r.lines.contains("Templates/post.mustache:1:1: warning: between {{<base}} and {{/base}} only blocks ({{$name}}…{{/name}}) count; the text and tags outside them are not shown"), "\(r.lines)")
    }

    /// `{{&title}}` is unescaped output like `{{{title}}}`: the advice names the form the designer
    /// wrote and the escaped one to write instead (it quoted only `{{{title}}}`, not in the file).
    @Test func anAmpersandTagOfTextIsToldToEscape() {
        let r = messages { edit("post.mustache", &$0) { $0.replacingOccurrences(of: "{{^lang}}{{title}}{{/lang}}", with: "{{^lang}}{{&title}}{{/lang}}") } }
        let line = r.lines.first { $0.hasPrefix("Templates/post.mustache:6:") && $0.contains("'title' is text") }
        #expect(line?.hasSuffix("warning: 'title' is text, but {{{title}}} and {{&title}} print it unescaped; write {{title}}") == true, "\(r.lines)")
        let german = line.flatMap { MessageCatalogue.german.german(String($0.split(separator: ": ", maxSplits: 2)[2])) }
        #expect(german == "„title“ ist Text, {{{title}}} und {{&title}} geben es aber unmaskiert aus; schreiben Sie {{title}}")
    }

    @Test func theCurrentValueIsCheckedLikeANamedOne() {
        let r = messages { edit("post.mustache", &$0) { $0.replacingOccurrences(of: "{{#post}}\n", with: "{{#post}}{{#tags}}{{{.}}}{{/tags}}{{t.nav}}\n") } }
        #expect(r.lines.contains("Templates/post.mustache:3:19: warning: '.' is text, but {{{.}}} and {{&.}} print it unescaped; write {{.}}"), "\(r.lines)")
        #expect(r.lines.contains { $0.hasPrefix("Templates/post.mustache:3:35: warning: 't.nav' holds several values, not text, and prints nothing; name one of them") }, "\(r.lines)")
        let ld = messages { edit("base.mustache", &$0) { $0.replacingOccurrences(of: "{{{.}}}", with: "{{.}}") } }
        #expect(ld.lines.contains { $0.hasPrefix("Templates/base.mustache:43:36: warning: '.' is HTML: {{.}} prints it escaped, as text; write {{{.}}}") }, "\(ld.lines)")
    }

    @Test(arguments: [
        ("{{#summary}}<p class=\"lead\"{{#lang}} lang=\"{{lang}}\"{{/lang}}>{{summary}}</p>{{/summary}}", "{{#summary}}x{{else}}y{{/summary}}",
         "Mustache has no {{else}}: close the section and add an inverted one for the other case ({{#x}}…{{/x}}{{^x}}…{{/x}})"),
        ("{{#post}}\n", "{{#each post}}\n", "Mustache has no {{#each …}}: a section repeats itself for each item of a list; write {{#post}}…{{/post}}"),
        ("{{#summary}}", "{{#if summary}}", "Mustache has no {{#if …}}: a section shows its content when the value is there; write {{#summary}}…{{/summary}}"),
        ("{{#post}}\n", "{{#post}}\n{{! TODO: Seitenleiste\n", "this comment holds '{{', but a comment ends at the first '}}': close the comment before it (comments cannot be nested or hold tags)"),
        ("{{title}}", "{{.title}}", "the tag name '.title' has an empty part; write names like page.title, or . for the current value"),
        ("{{#post}}\n", String(repeating: "{{#post}}", count: 120) + "\n", "sections are nested more than 100 deep here; close some of them (is a {{/…}} missing?)"),
    ])
    func handlebarsHabitsAndBrokenTagsAreSyntaxErrorsThatSayWhatToWrite(_ find: String, _ replace: String, _ message: String) {
        let r = messages { edit("post.mustache", &$0) { $0.replacingOccurrences(of: find, with: replace) } }
        #expect(!r.loaded)
        #expect(r.lines.contains { $0.hasPrefix("Templates/post.mustache:") && $0.hasSuffix("error: template syntax error: " + message) }, "\(r.lines)")
    }

    @Test func uiStringsTheBuildNeedsAreChecked() {
        let r = messages { edit("i18n/de.yml", &$0) { $0.replacingOccurrences(of: "  status: \"Seite {1} von {2}\"\n", with: "").replacingOccurrences(of: "  mainLabel:", with: "  mainLabelX:") } }
        #expect(r.lines.contains("Templates/i18n/de.yml: warning: the UI string 'pagination.status' is missing, so pages show 'pagination.status' instead; add it"), "\(r.lines)")
        #expect(r.lines.contains { $0.hasPrefix("Templates/partials/site-header.mustache:") && $0.contains("warning: the UI string 'nav.mainLabel' is not in Templates/i18n/de.yml; add it there (or did you mean 't.nav.mainLabelX'?) (included from Templates/base.mustache:") }, "\(r.lines)")
    }

    static let kinds = "home, post, post-list, event, event-list, project, project-list, field, field-list, page, strategy, search, 404, tag, tag-list, participation, participation-list, ideas"

    /// A template saved as `interview.html` was never read, without a word: only `.mustache`
    /// files are. Notes, junk and the UI strings of any language are no such file; one named
    /// already (`post.html` beside a missing post.mustache) is not named twice.
    @Test func aFileThatIsNoTemplateIsNamedWithWhatATemplateIsCalled() {
        let kinds = Self.kinds
        let r = messages {
            $0["interview.html"] = Array("<p>{{title}}</p>".utf8)
            $0["partials/teaser.htm"] = Array("x".utf8)
            $0["README.md"] = Array("Notizen".utf8)
            $0["post.mustache~"] = Array("x".utf8)
            $0["i18n/fr.yml"] = Array("skip: \"Aller au contenu\"\n".utf8)
        }
        #expect(r.lines.filter { $0.contains("only .mustache files") } == [
            "Templates/interview.html: warning: only .mustache files are templates, so this file is not used; save it as interview.mustache; name it after a page kind (\(kinds)) or include it with {{>interview}}",
            "Templates/partials/teaser.htm: warning: only .mustache files are templates, so this file is not used; save it as partials/teaser.mustache; name it after a page kind (\(kinds)) or include it with {{>partials/teaser}}",
        ], "\(r.lines)")
        let german = MessageCatalogue.german.german("only .mustache files are templates, so this file is not used; save it as interview.mustache; name it after a page kind (home, post) or include it with {{>interview}}")
        #expect(german == "Nur .mustache-Dateien sind Templates, diese Datei wird also nicht verwendet; speichern Sie sie als interview.mustache; benennen Sie das Template nach einer Seitenart (home, post) oder binden Sie es mit {{>interview}} ein")
        // In i18n/, the file meant holds UI strings: it is told the name they need.
        let yaml = messages { $0["i18n/de.yaml"] = $0.removeValue(forKey: "i18n/de.yml") }
        #expect(yaml.lines.contains("Templates/i18n/de.yaml: warning: only i18n/<language>.yml files hold UI strings, so this file is not used; rename it to i18n/de.yml"), "\(yaml.lines)")
        let renamed = messages { $0["post.html"] = $0.removeValue(forKey: "post.mustache") }
        #expect(renamed.lines.filter { $0.contains("post.html") } == [
            "Templates/post.mustache: error: template for page kind 'post' is missing; there is Templates/post.html: rename or move it to Templates/post.mustache",
        ], "\(renamed.lines)")
    }

    @Test func emptyUnusedAndLayoutlessTemplatesAreNamed() {
        let kinds = Self.kinds
        let r = messages {
            $0["page.mustache"] = []
            $0["pgae.mustache"] = Array("x".utf8)
            $0["partials/card-news.mustache"] = Array("x".utf8)
            edit("strategy.mustache", &$0) { $0.replacingOccurrences(of: "{{<base}}", with: "").replacingOccurrences(of: "{{/base}}", with: "") }
        }
        #expect(r.lines.contains("Templates/page.mustache: warning: the template is empty, so every page of this kind ('page') would be an empty file"), "\(r.lines)")
        #expect(r.lines.contains("Templates/pgae.mustache: warning: no page kind is called 'pgae' and no template includes it, so it is not used; did you mean 'page'?"), "\(r.lines)")
        // A new partial not yet included is no typo of another four letters away (it was told "did you mean 'partials/card-post'?").
        #expect(r.lines.contains("Templates/partials/card-news.mustache: warning: no page kind is called 'partials/card-news' and no template includes it, so it is not used; name it after a page kind (\(kinds)) or include it with {{>partials/card-news}}"), "\(r.lines)")
        #expect(r.lines.contains("Templates/strategy.mustache: warning: the template has no layout ({{<base}}…{{/base}}) and no <html>, so its pages lack the site's head, header and footer"), "\(r.lines)")
    }

    /// The layout included as a partial ({{>base}}) was told it had "no layout and no <html>";
    /// a template pasted twice made every page two documents in one file, without a word.
    @Test func aLayoutUsedAsAPartialOrTwiceIsNamed() {
        let partial = messages { edit("post-list.mustache", &$0) { $0.replacingOccurrences(of: "{{<base}}", with: "{{>base}}").replacingOccurrences(of: "{{/base}}", with: "") } }
        #expect(partial.lines.filter { $0.hasPrefix("Templates/post-list.mustache") } == [
            "Templates/post-list.mustache:1:1: warning: the layout 'base' is included as a partial ({{>base}}), so its blocks stay empty and the text after it comes after its </html>; write {{<base}} and close it with {{/base}} after the blocks",
        ], "\(partial.lines)")
        let twice = messages { edit("post-list.mustache", &$0) { $0 + $0 } }
        let second = String(decoding: Self.theme["post-list.mustache"]!, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(twice.lines == [
            "Templates/post-list.mustache:\(second):1: warning: the template uses a layout a second time here (first at line 1), so each of its pages would hold two pages; keep one",
        ], "\(twice.lines)")
    }

    @Test func aMissingPartialGetsItsColumnAndASuggestion() {
        let r = messages { edit("post-list.mustache", &$0) { $0.replacingOccurrences(of: "{{>partials/card-post}}", with: "{{>partials/card-psot}}") } }
        #expect(r.lines.contains("Templates/post-list.mustache:11:19: error: partial or layout 'partials/card-psot' does not exist (looked for Templates/partials/card-psot.mustache); did you mean 'partials/card-post'?"), "\(r.lines)")
    }

    /// A template saved under another name than the one the build reads (post.html, Post.mustache,
    /// a layout moved into a folder) was reported missing without naming the file that was meant.
    @Test func aTemplateUnderAnotherNameIsNamedWithTheMissingOne() {
        let r = messages {
            $0["Post.mustache"] = $0.removeValue(forKey: "post.mustache")
            $0["layouts/base.mustache"] = $0.removeValue(forKey: "base.mustache")
        }
        #expect(r.lines.contains("Templates/post.mustache: error: template for page kind 'post' is missing; there is Templates/Post.mustache: rename or move it to Templates/post.mustache"), "\(r.lines)")
        #expect(r.lines.contains("Templates/home.mustache:1:1: error: partial or layout 'base' does not exist (looked for Templates/base.mustache); there is Templates/layouts/base.mustache: write its name, 'layouts/base'"), "\(r.lines)")
        // A partial named with its ending, or without its folder.
        let tags = messages { edit("post-list.mustache", &$0) { $0.replacingOccurrences(of: "{{>partials/card-post}}", with: "{{>partials/card-post.mustache}}").replacingOccurrences(of: "{{>partials/pagination}}", with: "{{>pagination}}") } }
        #expect(tags.lines.contains("Templates/post-list.mustache:11:19: error: partial or layout 'partials/card-post.mustache' does not exist (looked for Templates/partials/card-post.mustache.mustache); there is Templates/partials/card-post.mustache: write its name, 'partials/card-post'"), "\(tags.lines)")
        #expect(tags.lines.contains { $0.hasSuffix("error: partial or layout 'pagination' does not exist (looked for Templates/pagination.mustache); there is Templates/partials/pagination.mustache: write its name, 'partials/pagination'") }, "\(tags.lines)")
        // A near name in the partial's own folder is what was meant, not the page template of that name.
        let near = messages { edit("post.mustache", &$0) { $0.replacingOccurrences(of: "{{>partials/tags}}", with: "{{>partials/tag}}") } }
        #expect(near.lines.filter { $0.contains("'partials/tag'") } == [
            "Templates/post.mustache:15:3: error: partial or layout 'partials/tag' does not exist (looked for Templates/partials/tag.mustache); did you mean 'partials/tags'?",
        ], "\(near.lines)")
        let html = messages { $0["event.html"] = $0.removeValue(forKey: "event.mustache") }
        #expect(html.lines == ["Templates/event.mustache: error: template for page kind 'event' is missing; there is Templates/event.html: rename or move it to Templates/event.mustache"], "\(html.lines)")
    }

    /// A theme folder in other capitals (Partials/, I18N/, Assets/, as Windows or a Mac may leave it)
    /// was reported file by file: forty "partial does not exist; write its name, 'Partials/card-post'"
    /// (the wrong fix), each asset "save it as .mustache". One message names the folder and the rename.
    @Test func aFolderInOtherCapitalsIsOneMessageWithTheRename() {
        func move(_ from: String, _ to: String, _ files: inout [String: [UInt8]], keep: Bool = false) {
            for key in files.keys where key.hasPrefix(from + "/") {
                files[to + key.dropFirst(from.count)] = keep ? files[key] : files.removeValue(forKey: key)
            }
        }
        let rename = { (folder: String, meant: String) in
            "the folder '\(folder)' is not read: capitals count in folder names, and the build reads '\(meant)/'; rename the folder to \(meant)"
        }
        let partials = messages { move("partials", "Partials", &$0) }
        #expect(!partials.loaded)
        #expect(partials.lines == ["Templates/Partials: error: " + rename("Partials", "partials")], "\(partials.lines)")
        let others = messages { move("i18n", "I18N", &$0); move("assets", "Assets", &$0) }
        #expect(others.lines == ["Templates/Assets: warning: " + rename("Assets", "assets"), "Templates/I18N: error: " + rename("I18N", "i18n")], "\(others.lines)")
        // Beside the right folder, a copy in other capitals is not used either.
        let copy = messages { move("partials", "Partials", &$0, keep: true) }
        #expect(copy.loaded && copy.lines == ["Templates/Partials: warning: " + rename("Partials", "partials")], "\(copy.lines)")
        // A mistake in a file of that folder is still named.
        let broken = messages { move("partials", "Partials", &$0); $0["Partials/tags.mustache"] = Array("{{#tags}}".utf8) }
        #expect(broken.lines.contains { $0.hasPrefix("Templates/Partials/tags.mustache:1:") && $0.contains("not closed") }, "\(broken.lines)")
    }

    /// A short name is not "meant" to be one two letters away: without base.mustache, every page
    /// template was told "did you mean 'page'?", a page kind and no layout.
    @Test func aMissingLayoutIsNotMistakenForAPageTemplate() {
        let r = messages { $0["base.mustache"] = nil }
        #expect(r.lines.contains("Templates/post.mustache:1:1: error: partial or layout 'base' does not exist (looked for Templates/base.mustache)"), "\(r.lines)")
        #expect(!r.lines.contains { $0.contains("did you mean") }, "\(r.lines)")
    }

    @Test func notUTF8IsNamedAtItsLineAndColumn() {
        let template = messages { $0["partials/labels.mustache"] = Array("<p>\nGr".utf8) + [0xFC] + Array("n</p>".utf8) }
        #expect(template.lines.contains("Templates/partials/labels.mustache:2:3: error: the template is not UTF-8 text; save it as UTF-8"), "\(template.lines)")
        let strings = messages { $0["i18n/de.yml"] = Array("nav:\n  blog: \"Bl".utf8) + [0xF6] + Array("g\"\n".utf8) }
        #expect(strings.lines.contains("Templates/i18n/de.yml:2:12: error: the UI strings are not UTF-8 text; save the file as UTF-8"), "\(strings.lines)")
    }

    /// A UI strings file saved empty, or holding a list, gave every page the strings' names as
    /// text ("blog.title") with a hundred warnings; it is one error, as a missing file is.
    @Test func aUIStringsFileWithoutNamesIsOneError() {
        for (text, line) in [("", ""), ("# nur ein Kommentar\n", ""), ("\n- Blog\n- Suche\n", ":2")] {
            let r = messages { $0["i18n/de.yml"] = Array(text.utf8) }
            #expect(!r.loaded)
            #expect(r.lines == ["Templates/i18n/de.yml\(line): error: the file holds no UI strings; write each as a name with its text (skip: \"Zum Inhalt springen\"), grouped under names (nav:, then blog: \"Blog\" indented below it)"], "\(text)")
        }
    }

    /// An image without alt text in a template is read out by its address on every page of that kind.
    @Test func anImageWithoutAltInATemplateIsNamedAtItsLine() {
        let r = messages { edit("partials/card-post.mustache", &$0) { $0.replacingOccurrences(of: " alt=\"{{alt}}\"", with: "") } }
        #expect(r.lines == ["Templates/partials/card-post.mustache:2: warning: image tag <img> has no alt attribute, so screen readers read out its address; add alt=\"{{alt}}\" (alt=\"\" for decoration)"])
        // Just below {{<base}}, at the top of a page template: the parent tag was read as an HTML tag up to the <img>'s '>'.
        let top = messages { edit("post-list.mustache", &$0) { $0.replacingOccurrences(of: "{{$main}}\n", with: "{{$main}}<img src=\"{{site.logo}}\">\n") } }
        #expect(top.lines == ["Templates/post-list.mustache:2: warning: image tag <img> has no alt attribute, so screen readers read out its address; add alt=\"{{alt}}\" (alt=\"\" for decoration)"], "\(top.lines)")
    }

    /// A heading that skips a level in a template was on every page of its kind, without a word
    /// (the Markdown check reads content only). Judged in the order a page reads them, a
    /// partial's headings where it is included: the card's <h3> after a list's <h2> is none.
    @Test func aHeadingThatSkipsALevelIsNamedAtItsLine() {
        let clause = "and skips a level, so screen reader users who move by headings look for a part that is not there; make it <h2>"
        let own = messages { edit("event.mustache", &$0) { $0.replacingOccurrences(of: "<h2 id=\"eckdaten\">{{t.event.facts}}</h2>", with: "<h3 id=\"eckdaten\">{{t.event.facts}}</h3>") } }
        #expect(own.lines == ["Templates/event.mustache:14: warning: heading <h3> follows <h1> (Templates/event.mustache:8) " + clause], "\(own.lines)")
        let partial = messages { edit("partials/tags.mustache", &$0) { $0.replacingOccurrences(of: "<h2 class=\"tags-label\">{{t.post.tags}}</h2>", with: "<h4 class=\"tags-label\">{{t.post.tags}}</h4>") } }
        #expect(partial.lines == ["Templates/partials/tags.mustache:3: warning: heading <h4> follows <h1> (Templates/post.mustache:6) " + clause], "\(partial.lines)")
    }

    /// A link or button with only an icon (or a picture with alt="") has no name for screen
    /// readers; it was on every page, without a word. Text, a value, an aria-label or alt text name it.
    @Test func aLinkWithOnlyAnIconIsNamedAtItsLine() {
        let advice = " has no text, only an icon or a picture without alt text, so screen readers announce it without a name; add the text in <span class=\"visually-hidden\">…</span>, or an aria-label"
        let icon = messages { files in
            edit("partials/site-header.mustache", &files) { $0.replacingOccurrences(of: "<span>{{title}}</span></a></li>", with: "</a></li>") }
            edit("post-list.mustache", &files) { $0.replacingOccurrences(of: "{{$main}}\n", with: "{{$main}}\n<button type=\"button\">\n<svg aria-hidden=\"true\"></svg></button>\n") }
        }
        #expect(icon.lines == [
            "Templates/partials/site-header.mustache:12: warning: <a>" + advice,
            "Templates/post-list.mustache:3: warning: <button>" + advice,
        ], "\(icon.lines)")
        let labelled = messages { edit("partials/site-header.mustache", &$0) {
            $0.replacingOccurrences(of: "<span>{{title}}</span></a></li>", with: "</a></li>").replacingOccurrences(of: "<li><a href=\"{{href}}\"{{#current}}", with: "<li><a href=\"{{href}}\" aria-label=\"{{title}}\"{{#current}}")
        } }
        #expect(labelled.lines.isEmpty, "\(labelled.lines)")
    }

    /// A UI string with placeholders shown by a template ({{t.pagination.status}}) printed
    /// "Seite {1} von {2}" on every page: the build fills them only where it uses the string.
    /// A data- attribute's value is for the site's script, which fills them.
    @Test func aUIStringWithPlaceholdersShownByATemplateIsNamed() {
        let r = messages { edit("partials/tags.mustache", &$0) { $0.replacingOccurrences(of: "<h2 class=\"tags-label\">{{t.post.tags}}</h2>", with: "<h2 class=\"tags-label\">{{ t.pagination.status }}</h2>") } }
        #expect(r.lines == ["Templates/partials/tags.mustache:3: warning: {{t.pagination.status}} shows the string's {1} as written, on every page made with it: only the build fills placeholders, where it uses the string itself; show the view's value made from it (docs/templates.md names them), or a UI string without placeholders"], "\(r.lines)")
        let shown = TemplateLint.shownStrings(in: Array("<p data-x=\"{{t.a.b}}\" title=\"{{{t.c}}}\">\n{{#t.d}}{{/t.d}}{{&t.e}}".utf8))
        #expect(shown.map { "\($0.key):\($0.line)" } == ["c:1", "e:2"])
    }

    @Test func aKeyMissingInAPartialSaysWhereThePartialIsIncluded() {
        let r = messages { edit("partials/card-post.mustache", &$0) { $0.replacingOccurrences(of: "{{dateText}}", with: "{{feedHref}}") } }
        // No name is close, so the templates whose views have it are named instead.
        #expect(r.lines.contains { $0.hasPrefix("Templates/partials/card-post.mustache:5:55: warning: no key 'feedHref' here; the views of Templates/")
            && $0.contains(" have it (included from Templates/") }, "\(r.lines)")
        #expect(r.lines.filter { $0.contains("card-post.mustache:5:55") }.count == 1, "one message per tag: \(r.lines)")
    }

    /// A partial named like a text file still escapes inside an HTML page.
    @Test func escapingFollowsThePageNotThePartialsName() throws {
        var files = Self.theme
        files["partials/meta.txt.mustache"] = Array("<p>{{title}}</p>".utf8)
        edit("post.mustache", &files) { $0.replacingOccurrences(of: "{{#post}}\n", with: "{{#post}}\n{{>partials/meta.txt}}\n") }
        let fs = MemoryFileSystem()
        for (path, bytes) in files { fs.write("/t/" + path, bytes: bytes) }
        let (set, _) = TemplateSet.load(fileSystem: fs, root: "/t", displayRoot: "Templates", language: "de")
        let templates = try #require(set)
        let files2 = TestSupport.minimalSite.merging(["posts/2026/a.md": "---\ntitle: \"<b>&</b>\"\ndate: 2026-03-01T10:00:00+01:00\n---\nText.\n"]) { _, b in b }
        let layout = LayoutContext(site: try #require(TestSupport.model(files2).0), templates: templates)
        let page = layout.postView(layout.site.posts[0], index: 0, html: MarkdownHTML("<p>Text.</p>"), toc: [])
        let html = String(decoding: SiteRendererTestHook.render(templates, layout, page, "post"), as: UTF8.self)
        #expect(html.contains("<p>&lt;b&gt;&amp;&lt;/b&gt;</p>"), "\(html.prefix(3000))")
    }
}

enum SiteRendererTestHook {
    static func render(_ templates: TemplateSet, _ layout: LayoutContext, _ view: any TemplateObject, _ name: String) -> [UInt8] {
        Renderer(library: templates.library, globals: layout.globals).render(name, view) ?? []
    }
}

@Suite struct UIStringsUsedByCodeTests {
    /// Every literal key Swift code asks `UIStrings` for is in `UIStrings.usedByCode` (counts by
    /// their `.one`/`.other` forms), so a theme missing one is warned about.
    @Test func theListMatchesTheSources() throws {
        let root = TestSupport.repoRoot + "/Sources/SiteGen"
        var keys: Set<String> = []
        for path in (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? [] where path.hasSuffix(".swift") {
            let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
            let pattern = try NSRegularExpression(pattern: #"strings(\.format\(|\.count\(|\[)"([a-zA-Z.]+)""#)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let call = String(text[Range(m.range(at: 1), in: text)!])
                let key = String(text[Range(m.range(at: 2), in: text)!])
                if key.hasSuffix(".") { continue }  // built from a value: event.status.<status>
                if call == ".count(" { keys.insert(key + ".one"); keys.insert(key + ".other") } else { keys.insert(key) }
            }
        }
        #expect(keys.count > 30)
        #expect(keys.subtracting(UIStrings.usedByCode).isEmpty, "add to UIStrings.usedByCode: \(keys.subtracting(UIStrings.usedByCode).sorted())")
        for status in EventStatus.allCases where status != .geplant { #expect(UIStrings.usedByCode.contains("event.status.\(status.rawValue)")) }
    }

    /// `UIStrings.valuesFilledIn` has every string Swift code fills with `format`, with the number
    /// of values the call passes; `countedStrings` every string it shows with `count`.
    @Test func theValuesFilledInMatchTheSources() throws {
        let root = TestSupport.repoRoot + "/Sources/SiteGen"
        var formats: [String: Int] = [:], counted: Set<String> = []
        let call = try NSRegularExpression(pattern: #"strings\.(format|count)\("([a-zA-Z.]+)"#)
        for path in (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? [] where path.hasSuffix(".swift") {
            let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
            let bytes = Array(text.utf8)
            for m in call.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(m.range(at: 2), in: text)!])
                let name = String(text[Range(m.range(at: 1), in: text)!])
                if name == "count" {
                    counted.insert(key.hasSuffix(".") ? key + "*" : key)  // "translation.untranslated.\(key)"
                } else {
                    let start = text.utf8.distance(from: text.utf8.startIndex, to: Range(m.range, in: text)!.lowerBound)
                    formats[key] = Self.arguments(bytes, from: start + "strings.".utf8.count + name.utf8.count) - 1
                }
            }
        }
        #expect(formats.count > 10 && counted.count > 3)
        #expect(formats == UIStrings.valuesFilledIn, "UIStrings.valuesFilledIn should be \(formats.sorted { $0.key < $1.key })")
        #expect(counted == Set(UIStrings.countedStrings), "UIStrings.countedStrings should be \(counted.sorted())")
    }

    /// The number of arguments of the call whose `(` is at `open`: commas outside nested brackets and string literals, plus one.
    static func arguments(_ b: [UInt8], from open: Int) -> Int {
        var depth = 0, commas = 0, inString = false, i = open
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\""), b[i - 1] != UInt8(ascii: "\\") { inString.toggle() }
            else if !inString, c == UInt8(ascii: "(") || c == UInt8(ascii: "[") { depth += 1 }
            else if !inString, c == UInt8(ascii: ")") || c == UInt8(ascii: "]") { depth -= 1; if depth == 0 { break } }
            else if !inString, c == UInt8(ascii: ","), depth == 1 { commas += 1 }
            i += 1
        }
        return commas + 1
    }

    /// Every group Swift code reads by a key made from a value (`strings["nav.access.\(slug)"]`)
    /// is in `UIStrings.groupsReadByCode`, so its strings are never called unused.
    @Test func theGroupsMatchTheSources() throws {
        let root = TestSupport.repoRoot + "/Sources/SiteGen"
        var groups: Set<String> = []
        let pattern = try NSRegularExpression(pattern: #"strings(\.format\(|\.count\(|\[)"([a-zA-Z.]+)\.\\\("#)
        for path in (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? [] where path.hasSuffix(".swift") {
            let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                groups.insert(String(text[Range(m.range(at: 2), in: text)!]))
            }
        }
        #expect(groups.contains("nav.access"))
        #expect(groups == Set(UIStrings.groupsReadByCode), "UIStrings.groupsReadByCode should be \(groups.sorted())")
    }
}

/// A problem the templates write onto every page (a script from another host in base.mustache)
/// was one error per page, none naming the template; where a template holds the address as
/// written, it is one message at that template's line.
@Suite struct TemplateFindingsTests {
    let base = (name: "Templates/base.mustache", text: "<html>\n<head>\n<script src=\"https://cdn.example.com/x.js\"></script>\n</head>\n")

    /// A link to an anchor the layout no longer has (`<main id="content">` while the skip link
    /// says `#inhalt`) was one error per page: the address was read up to the second quoted name.
    @Test func aMissingAnchorOnEveryPageIsOneMessageAtTheTemplate() {
        let header = (name: "Templates/partials/site-header.mustache", text: "{{! header }}\n<a class=\"skip-link\" href=\"#inhalt\">{{t.skip}}</a>\n")
        let missing = "link to '#inhalt': the page has no anchor '#inhalt' (written by the templates)"
        let findings = ["public/index.html", "public/blog/index.html"].map { Diagnostic.error($0, missing) }
            + [.error("public/workshop/index.html", missing + ", did you mean '#inhalte'?")]
        #expect(TemplateFindings.quotedAddress(missing) == "#inhalt")
        let collapsed = TemplateFindings.collapse(findings) { [base, header] }
        #expect(collapsed.map(\.description) == [
            "Templates/partials/site-header.mustache:2: error: link to '#inhalt': the page has no anchor '#inhalt' (on 2 pages)",
            "Templates/partials/site-header.mustache:2: error: link to '#inhalt': the page has no anchor '#inhalt' (on 1 page), did you mean '#inhalte'?",
        ])
        // The clause after the count was left in English.
        var formatter = DiagnosticFormatter()
        formatter.language = .de
        #expect(formatter.lines(collapsed + [.error("public/a.html", missing + ", did you mean '#inhalte'?")]) == [
            "Templates/partials/site-header.mustache:2: Fehler: Der Link auf „#inhalt“: die Seite hat keinen Anker „#inhalt“ (auf 2 Seiten)",
            "Templates/partials/site-header.mustache:2: Fehler: Der Link auf „#inhalt“: die Seite hat keinen Anker „#inhalt“ (auf 1 Seite), meinten Sie „#inhalte“?",
            "public/a.html: Fehler: Der Link auf „#inhalt“: die Seite hat keinen Anker „#inhalt“ (aus den Templates), meinten Sie „#inhalte“?",
        ])
    }

    /// An address a template makes from a value and a written rest (`{{site.home}}assets/extra.css`)
    /// was one error per page (158 on the example site), none naming the template.
    @Test func anAddressMadeFromAValueIsOneMessageAtTheTemplate() {
        let head = (name: "Templates/base.mustache", text: "<head>\n<link rel=\"stylesheet\" href=\"{{site.home}}assets/extra.css\">\n</head>\n")
        let missing = "'/sub/assets/extra.css' does not exist in the built site (written by the templates)"
        let findings = ["public/index.html", "public/blog/index.html"].map { Diagnostic.error($0, missing) }
        #expect(TemplateFindings.collapse(findings) { [head] }.map(\.description) == [
            "Templates/base.mustache:2: error: '/sub/assets/extra.css' does not exist in the built site (on 2 pages)",
        ])
    }

    @Test func aProblemOnEveryPageIsOneMessageAtTheTemplate() {
        let remote = "'https://cdn.example.com/x.js' would be loaded from another host (written by the templates); the privacy rules allow only files of this site (store it under content/ or Templates/assets/)"
        let other = "'/gibt-es-nicht/' does not exist in the built site (written by the templates)"
        let findings = ["public/index.html", "public/blog/index.html", "public/kontakt/index.html"].flatMap { [Diagnostic.error($0, remote), .error($0, other)] }
            + [.error("content/posts/a.md", line: 3, "link target 'b.md' does not exist")]
        let collapsed = TemplateFindings.collapse(findings) { [base] }
        let atTemplate = "Templates/base.mustache:3: error: 'https://cdn.example.com/x.js' would be loaded from another host (on 3 pages); the privacy rules allow only files of this site (store it under content/ or Templates/assets/)"
        // An address the templates make ({{site.home}}gibt-es-nicht/) stays at each page.
        #expect(Set(collapsed.map(\.description)) == [
            "content/posts/a.md:3: error: link target 'b.md' does not exist", atTemplate,
            "public/index.html: error: " + other, "public/blog/index.html: error: " + other, "public/kontakt/index.html: error: " + other,
        ], "\(collapsed)")
        var formatter = DiagnosticFormatter()
        formatter.language = .de
        #expect(formatter.lines(collapsed.filter { $0.file.hasPrefix("Templates/") }) == [
            "Templates/base.mustache:3: Fehler: „https://cdn.example.com/x.js“ würde von einem anderen Server geladen (auf 3 Seiten); die Datenschutzregeln erlauben nur Dateien dieser Website (legen Sie die Datei unter content/ oder Templates/assets/ ab)",
        ])
    }
}
