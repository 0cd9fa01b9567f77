import Testing
@testable import SiteGen

/// Files in content/ that are not meant for the public never go live without a word: editor and
/// OS junk is never published, a file in a content section is published only when a page links
/// to it, and a page saved under a near-miss name is an error that names the fix.
@Suite struct StrayFileTests {
    let post = "---\ntitle: Ein Beitrag\ndate: 2025-03-01\nfields: [daten-und-plattformen]\n---\nText mit Bild:\n\n![Ein Diagramm](diagramm.svg)\n"
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"></svg>"

    func build(_ extra: [String: String]) -> (BuildReport, [String: [UInt8]]) {
        var files = TestSupport.minimalSite
        files["posts/2025/beitrag.md"] = post
        files["posts/2025/diagramm.svg"] = svg
        for (k, v) in extra { files[k] = v }
        let (report, sink) = TestSupport.buildInMemory(files)
        return (report, sink.files)
    }

    @Test func editorAndSystemJunkIsNeverPublished() {
        let junk = ["posts/2025/beitrag.md~", "posts/2025/#beitrag.md#", "pages/impressum.swp", "posts/~$Bericht.docx",
                    "downloads/Thumbs.db", "images/desktop.ini", "downloads/plan.pdf.bak", "downloads/liste.tmp",
                    "pages/impressum.md.kate-swp", "images/karte.svg.swx"]
        let (report, files) = build(Dictionary(uniqueKeysWithValues: junk.map { ($0, "geheim") }))
        // Not a word about them (the minimal site's own warnings are about missing pages).
        #expect(report.succeeded && !report.diagnostics.contains { d in junk.contains { d.file.hasSuffix($0) } }, "\(report.diagnostics)")
        for path in junk { #expect(files[path] == nil, "\(path) published") }
        #expect(!files.values.contains { String(decoding: $0, as: UTF8.self) == "geheim" })
    }

    /// A camera's raw file or a Photoshop file under images/ went out as it was, with where and
    /// with which camera the picture was taken: the build reads only the formats photos are
    /// published in and cannot strip these. It is an error naming the file, and nothing of it is published.
    @Test func aCameraRawOrImageEditorFileIsAnErrorAndNeverPublished() {
        let raw = ["images/kamera.DNG": "II*GPS", "images/entwurf.psd": "8BPS", "downloads/scan.cr2": "II*", "posts/2025/bild.nef": "MM"]
        let (report, files) = build(raw)
        #expect(!report.succeeded)
        for path in raw.keys {
            #expect(files[path] == nil, "\(path) published")
            let format = path.split(separator: ".").last!.uppercased()
            #expect(report.diagnostics.contains { $0.severity == .error && $0.file == "/c/" + path
                && $0.message.hasPrefix("this is a camera raw or image editor file (\(format))") }, "\(report.diagnostics)")
        }
        // A picture in a format photos are published in is no such file.
        #expect(ContentFileRole.of("images/foto.jpg") == .asset && ContentFileRole.of("images/dng-anleitung.pdf") == .asset)
    }

    @Test func aFileInASectionIsPublishedOnlyWhenAPageLinksToIt() {
        let (report, files) = build(["posts/2025/Entwurf-Stellungnahme.docx": "intern", "events/notizen.txt": "intern"])
        // The image the post shows goes out.
        #expect(files["posts/2025/diagramm.svg"] != nil)
        #expect(files["posts/2025/Entwurf-Stellungnahme.docx"] == nil && files["events/notizen.txt"] == nil)
        #expect(report.succeeded)
        let warned = report.diagnostics.warningMessages.filter { $0.contains("not published") }
        #expect(warned.contains("/c/posts/2025/Entwurf-Stellungnahme.docx: warning: " + SiteRenderer.unlinkedMessage), "\(warned)")
        #expect(warned.contains("/c/events/notizen.txt: warning: " + SiteRenderer.unlinkedMessage))
        #expect(warned.count == 2)
    }

    /// "is not published: …" had no subject when read on its own (a list of warnings, a ticket):
    /// both languages say what is not published, and name the file only once, in front.
    @Test func theWarningAboutAnUnlinkedFileSaysWhatIsNotPublished() throws {
        let (report, _) = build(["downloads/alt.pdf": "%PDF-1.4"])
        let warning = try #require(report.diagnostics.first { $0.file.hasSuffix("downloads/alt.pdf") })
        #expect(warning.description == "/c/downloads/alt.pdf: warning: This file is not published: no page links to it. Link it from the page it belongs to, or remove it")
        #expect(MessageCatalogue.german.german(warning.message)
                == "Diese Datei wird nicht veröffentlicht: Keine Seite verlinkt sie. Verlinken Sie sie auf der Seite, zu der sie gehört, oder löschen Sie sie")
        #expect(!warning.message.contains("alt.pdf"))
    }

    /// Every file of downloads/ went out, also one no page linked any more and one only a draft
    /// linked (a paper meant for the day the post appears), without a word. They follow the
    /// rule of the sections' files: out when a page links them, held back with their draft
    /// without a word, else held back with a warning that names them.
    @Test func aDownloadIsPublishedOnlyWhenAPageLinksToIt() {
        let linking = post + "\n[Plan](../../downloads/plan.pdf) und [Daten](<../../downloads/2025/Daten Juni.csv>)\n"
        let draft = "---\ntitle: Entwurf\ndate: 2025-03-02\ndraft: true\n---\n[Stellungnahme](../../downloads/stellungnahme.pdf)\n"
        let (report, files) = build(["posts/2025/beitrag.md": linking, "posts/2025/entwurf.md": draft,
                                     "downloads/plan.pdf": "%PDF-1.4", "downloads/2025/Daten Juni.csv": "a;b",
                                     "downloads/stellungnahme.pdf": "%PDF-1.4 intern", "downloads/alt/plan-2019.pdf": "%PDF-1.4 alt"])
        #expect(report.succeeded)
        #expect(files["downloads/plan.pdf"] != nil && files["downloads/2025/Daten Juni.csv"] != nil)
        #expect(files["downloads/stellungnahme.pdf"] == nil && files["downloads/alt/plan-2019.pdf"] == nil)
        #expect(report.diagnostics.warningMessages.filter { $0.contains("not published") }
                == ["/c/downloads/alt/plan-2019.pdf: warning: " + SiteRenderer.unlinkedMessage], "\(report.diagnostics)")
        // The preview of drafts shows the draft with its download.
        var all = TestSupport.minimalSite
        all["posts/2025/entwurf.md"] = draft
        all["downloads/stellungnahme.pdf"] = "%PDF-1.4 intern"
        #expect(TestSupport.buildInMemory(all, options: BuildOptions(now: TestSupport.now, drafts: true)).1.files["downloads/stellungnahme.pdf"] != nil)
        #expect(ContentFileRole.of("downloads/plan.pdf") == .download && ContentFileRole.of("downloads/2025/a.csv") == .download)
    }

    /// A button or a coming event's registration takes only full addresses: one on the site's own host
    /// links the download as `/downloads/…` does. (The file was withheld, and the page published
    /// with a link that led nowhere.)
    @Test func aFullAddressOnTheSitesOwnHostLinksADownload() {
        let event = "---\ntitle: Treffen\nstart: 2027-06-03T18:00:00+02:00\nlocation: Rathaus\nregistration: https://example.org/downloads/anmeldung.pdf\n---\nText.\n"
        let linking = post + "\n[Bericht](https://example.org/downloads/bericht.pdf#seite-2)\n"
        let (report, files) = build(["events/2027/treffen.md": event, "posts/2025/beitrag.md": linking,
                                     "downloads/anmeldung.pdf": "%PDF-1.4", "downloads/bericht.pdf": "%PDF-1.4 b",
                                     "downloads/andere.pdf": "%PDF-1.4 c"])
        #expect(report.succeeded)
        #expect(files["downloads/anmeldung.pdf"] != nil && files["downloads/bericht.pdf"] != nil)
        #expect(files["downloads/andere.pdf"] == nil)
        #expect(report.diagnostics.warningMessages.filter { $0.contains("not published") || $0.contains("points at this site") }
                == ["/c/downloads/andere.pdf: warning: " + SiteRenderer.unlinkedMessage], "\(report.diagnostics)")
    }

    @Test func linkedAttachmentsAreFoundWhateverTheirNameOrTheLinksQueryAndFragment() {
        var linking = post.replacingOccurrences(of: "title: Ein Beitrag", with: "title: Verweise")
        linking += "\n[Liste](liste)\n[Plan](plan.v2.pdf?download=1#seite-2)\n[Bericht](Bericht%20Juni.docx)\n"
        let (report, files) = build(["posts/2025/verweise.md": linking, "posts/2025/liste": "a;b",
                                     "posts/2025/plan.v2.pdf": "%PDF-1.4", "posts/2025/Bericht Juni.docx": "x"])
        for path in ["posts/2025/liste", "posts/2025/plan.v2.pdf", "posts/2025/Bericht Juni.docx"] {
            #expect(files[path] != nil, "\(path) not published")
        }
        #expect(!report.diagnostics.warningMessages.contains { $0.contains("not published") }, "\(report.diagnostics)")
    }

    @Test func onlyAddressesWhoseLastPartHasADotOrAnEscapeMayNameAFile() {
        for href in ["/blog/beitrag/", "/blog/beitrag/#abschnitt", "../seite/?q=a.b", "#teil.2", "/"] {
            #expect(!HTMLReferences.mayNameFile(href), "\(href)")
        }
        for href in ["diagramm.svg", "/downloads/plan.pdf#page=2", "a/b.c?x", "Bericht%20Juni", "/x.y/z.pdf"] {
            #expect(HTMLReferences.mayNameFile(href), "\(href)")
        }
    }

    @Test func aDraftsAttachmentStaysUnpublished() {
        var draft = post.replacingOccurrences(of: "title: Ein Beitrag", with: "title: Entwurf\ndraft: true")
        draft = draft.replacingOccurrences(of: "diagramm.svg", with: "geheim.svg")
        let (report, files) = build(["posts/2025/entwurf.md": draft, "posts/2025/geheim.svg": svg, "posts/2025/vergessen.svg": svg])
        #expect(files["posts/2025/geheim.svg"] == nil)
        // Held back with its draft without a word (the editor is not told to remove it); a file
        // no page names at all is still reported.
        #expect(report.diagnostics.warningMessages.filter { $0.contains("not published") } == ["/c/posts/2025/vergessen.svg: warning: " + SiteRenderer.unlinkedMessage])
    }

    @Test func aPageSavedUnderANearMissNameIsAnErrorNamingTheFix() {
        let (report, files) = build(["posts/2025/neu.md.txt": post, "pages/kontakt.markdown": post, "pages/Hilfe.MD": post,
                                     "events/termin.mdown": post, "downloads/anleitung.markdown": "# Anleitung",
                                     "posts/2025/Mit Leerzeichen.md ": post])
        let errors = report.diagnostics.errorMessages
        #expect(errors.contains("/c/posts/2025/neu.md.txt: error: a page's Markdown file must end in .md (lower case); rename it to 'neu.md'"), "\(errors)")
        #expect(errors.contains { $0.hasPrefix("/c/pages/kontakt.markdown: error:") && $0.hasSuffix("rename it to 'kontakt.md'") })
        #expect(errors.contains { $0.hasPrefix("/c/pages/Hilfe.MD: error:") && $0.hasSuffix("rename it to 'hilfe.md'") })
        #expect(errors.contains { $0.hasPrefix("/c/events/termin.mdown: error:") && $0.hasSuffix("rename it to 'termin.md'") })
        #expect(errors.contains { $0.hasPrefix("/c/posts/2025/Mit Leerzeichen.md : error:") && $0.hasSuffix("rename it to 'mit-leerzeichen.md'") })
        #expect(errors.count == 5)
        // Under downloads/ a Markdown file is a download like any other (no page links this one).
        #expect(ContentFileRole.of("downloads/anleitung.markdown") == .download)
        #expect(files["downloads/anleitung.markdown"] == nil && files["posts/2025/neu.md.txt"] == nil)
    }

    /// `x.EN.md` was published as a German page with a hint to rename it `x-en.md`; `x.en.MD`
    /// got the same advice. Both are told the translation's name. A page saved as `.txt` is
    /// told to rename it to `.md`.
    @Test func aLanguageMarkInCapitalsAndAPageSavedAsTextAreToldTheirNames() {
        let (report, files) = build(["posts/2025/bericht.EN.md": post, "posts/2025/neu.en.MD": post, "posts/2025/notiz.txt": post])
        let messages = report.diagnostics.map(\.description)
        #expect(messages.contains("/c/posts/2025/bericht.EN.md: error: file name 'bericht.EN' has a language mark in capitals, so it would be published as a page of the site's own language; a translation is named 'posts/2025/bericht.en.md'"), "\(messages)")
        #expect(messages.contains { $0.hasPrefix("/c/posts/2025/neu.en.MD: error:") && $0.hasSuffix("rename it to 'neu.en.md'") }, "\(messages)")
        #expect(messages.contains("/c/posts/2025/notiz.txt: warning: This file is not published: no page links to it. If it is meant as a page, rename it to 'notiz.md'; else link it from the page it belongs to, or remove it"), "\(messages)")
        #expect(!report.succeeded && files["posts/2025/notiz.txt"] == nil)
    }

    /// An HTML file is published as it is, on the site's address: one with a script or a picture
    /// from another host is refused (here linked, as a download needs); a plain one (a
    /// verification file at the top, which needs no link) goes out.
    @Test func anHTMLFileWithAScriptOrARemotePictureIsRefused() {
        let (report, files) = build([
            "posts/2025/beitrag.md": post + "\n[Seite](../../downloads/seite.html), [Zähler](../../downloads/zaehler.htm)\n",
            "downloads/seite.html": "<html><body><SCRIPT>alert(document.cookie)</SCRIPT></body></html>",
            "downloads/zaehler.htm": "<p>Hallo</p><img src=\"https://tracker.example.org/p.gif\" alt=\"\">",
            "google1234.html": "google-site-verification: google1234.html",
        ])
        // The post that links them is told too: its links lead nowhere while the files are refused.
        #expect(report.diagnostics.errorMessages.filter { !$0.hasPrefix("/c/posts/") } == [
            "/c/downloads/seite.html: error: is an HTML file with a script, which would run on the site's own address; remove the script, or publish the document as PDF",
            "/c/downloads/zaehler.htm: error: is an HTML file that loads 'https://tracker.example.org/p.gif' from another host, which the privacy rules forbid; remove it, or publish the document as PDF",
        ], "\(report.diagnostics)")
        #expect(files["downloads/seite.html"] == nil && files["downloads/zaehler.htm"] == nil && files["google1234.html"] != nil)
    }

    @Test func rolesFollowThePathAlone() {
        #expect(ContentFileRole.of("site.yml") == .config)
        #expect(ContentFileRole.of("posts/2025/a.md") == .document(.post))
        #expect(ContentFileRole.of("pages/unter/a.md") == .misplacedMarkdown)
        #expect(ContentFileRole.of("README.markdown") == .misnamedMarkdown(rename: "readme.md"))
        #expect(ContentFileRole.of("projects/logo.png") == .attachment)
        #expect(ContentFileRole.of("images/logo.png") == .asset)
        #expect(ContentFileRole.of("images/logo.png~") == .junk)
        #expect(ContentFileRole.of("favicon.ico") == .asset)
    }
}
