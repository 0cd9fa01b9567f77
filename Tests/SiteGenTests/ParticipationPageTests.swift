import Foundation
import Testing
@testable import SiteGen

/// The pages of participation formats: the list, a format's page, the idea pool, and where other
/// pages show them (home, fields, events, strategy, navigation).
@Suite struct ParticipationPageTests {
    /// One format of each status at the test's "now" (2026-11-26), an event naming one, a post
    /// with results, projects and an idea.
    static let files: [String: String] = {
        var files = TestSupport.minimalSite
        files["site.yml"] = "title: Test\nbase_url: https://example.org/\npublisher: { name: Stadt Test, email: team@example.org }\nideas:\n  form: https://stadt.example.org/ideen\n"
        files["participation/umfrage.md"] = """
            ---
            title: Umfrage zu Daten
            start: 2026-11-01
            end: 2026-12-15
            format: Umfrage
            fields: [daten-und-plattformen]
            participate:
              - { label: "Zur Umfrage", link: "https://beteiligung.example.org/umfrage" }
              - link: ../events/2026/auftakt.md
            projects: [../projects/plattform.md]
            ---
            Machen Sie mit.
            """
        files["participation/dialog.md"] = "---\ntitle: Dauerdialog\nstart: 2025-01-01\nparticipate: [mailto:dialog@example.org]\n---\nText.\n"
        files["participation/konferenz.md"] = """
            ---
            title: Konferenz 2027
            start: 2027-03-01T09:00:00+01:00
            end: 2027-03-01T17:00:00+01:00
            fields: [energie-und-umwelt]
            participate: [mailto:konferenz@example.org]
            ---
            Text.
            """
        files["participation/walk.md"] = """
            ---
            title: Walk 2024
            start: 2024-06-01T10:00:00+02:00
            end: 2024-06-30T18:00:00+02:00
            fields: [energie-und-umwelt]
            results: ../posts/2024/walk-ergebnisse.md
            ---
            Text.
            """
        files["participation/werkstatt.md"] = "---\ntitle: Werkstatt\nstart: 2026-12-05T10:00:00+01:00\nstatus: abgesagt\n---\nFällt aus.\n"
        files["participation/geheim.md"] = "---\ntitle: Geheime Beteiligung\nstart: 2026-11-01\nparticipate: [mailto:x@example.org]\ndraft: true\n---\nText.\n"
        files["events/2026/auftakt.md"] = """
            ---
            title: Auftakt der Umfrage
            start: 2026-12-03T18:00:00+01:00
            location: Rathaus
            participation: ../../participation/umfrage.md
            ---
            Text.
            """
        files["posts/2024/walk-ergebnisse.md"] = "---\ntitle: Was der Walk ergab\ndate: 2024-07-02T10:00:00+02:00\nsummary: S.\n---\nText.\n"
        files["projects/plattform.md"] = "---\ntitle: Plattform\nstatus: umsetzung\nfields: [daten-und-plattformen]\n---\nText.\n"
        files["projects/idee-a.md"] = "---\ntitle: Idee A\nstatus: idee\nfields: [energie-und-umwelt, daten-und-plattformen]\n---\nText.\n"
        files["projects/idee-b.md"] = "---\ntitle: Idee B\nstatus: idee\nfields: [daten-und-plattformen]\n---\nText.\n"
        files["strategy.md"] = "---\ntitle: Strategie\npdf: https://example.org/s.pdf\npdf_size: 1000\n---\nText.\n"
        return files
    }()

    static let built = TestSupport.buildInMemory(files)
    static func page(_ path: String) throws -> String { try #require(built.1.text(path), "\(path) is missing") }

    /// The card titles of a page (or of a part of it), in order.
    static func cardTitles(_ html: Substring) -> [String] {
        html.matches(of: /<h3 class="card-title">\s*<a href="[^"]+">([^<]+)<\/a>/).map { String($0.output.1) }
    }

    /// The part of a page from `start` up to the next `</section>`.
    static func section(_ html: String, _ start: String) -> Substring {
        guard let from = html.range(of: start) else { return "" }
        let rest = html[from.lowerBound...]
        return rest[..<(rest.range(of: "</section>")?.upperBound ?? rest.endIndex)]
    }

    @Test func theSiteBuildsWithoutErrors() {
        #expect(Self.built.0.diagnostics.errorMessages.isEmpty, "\(Self.built.0.diagnostics.errorMessages)")
        #expect(Self.built.0.diagnostics.warningMessages.filter { $0.contains("participation") }.isEmpty)
    }

    /// Running first (ending soonest first, open-ended last), then planned, finished, cancelled; no drafts.
    @Test func theListGroupsByStatusRunningFirst() throws {
        let html = try Self.page("mitmachen/index.html")
        let headings = html.matches(of: /<h2 id="stand-([a-z]+)">([^<]+) <span class="count">\((\d+)\)<\/span><\/h2>/)
            .map { "\($0.output.1)|\($0.output.2)|\($0.output.3)" }
        #expect(headings == ["laufend|Jetzt mitmachen|2", "geplant|Demnächst|1", "abgeschlossen|Abgeschlossen|1", "abgesagt|Abgesagt|1"])
        #expect(Self.cardTitles(html[...]) == ["Umfrage zu Daten", "Dauerdialog", "Konferenz 2027", "Walk 2024", "Werkstatt"])
        #expect(!html.contains("Geheime Beteiligung"), "drafts stay out")
        #expect(html.contains("<p class=\"card-deadline\">Noch bis <time datetime=\"2026-12-15\">15. Dezember 2026</time></p>"))
        #expect(html.contains("<span>Seit <time datetime=\"2025-01-01\">Mittwoch, 1. Januar 2025</time></span>"), "open-ended: since its start")
        #expect(html.contains("<a href=\"/blog/2024/walk-ergebnisse/\">Ergebnisse: Was der Walk ergab</a>"), "finished ones link their results")
        #expect(html.contains("<span class=\"status pstatus-abgesagt\"><span class=\"visually-hidden\">Stand: </span>Abgesagt</span>"))
        #expect(html.contains("<a href=\"/mitmachen/ideenpool/\">"), "the idea pool is linked")
        #expect(html.contains("<a href=\"/mitmachen/\" aria-current=\"page\">Mitmachen</a>"), "the main navigation marks the page")
    }

    /// `mailto:…?subject=Idee` was refused as "no e-mail address". A subject and a body are taken,
    /// percent-encoded in the link (spaces, umlauts, `+`, `%`; a value written encoded stays as
    /// it was); the page names the address alone. Another field, or a broken address, is refused.
    @Test func aMailLinkMayCarryASubject() throws {
        var files = TestSupport.minimalSite
        files["participation/ideen.md"] = """
            ---
            title: Ideen
            start: 2026-11-01
            participate:
              - mailto:beteiligung@dortmund.de?subject=Idee
              - { label: "Idee mailen", link: "mailto:beteiligung@dortmund.de?Subject=Idee für den Park&body=100% grün + Bänke" }
              - mailto:beteiligung@dortmund.de?subject=Schon%20kodiert
            ---
            Text.
            """
        files["events/2026/treffen.md"] = "---\ntitle: Treffen\nstart: 2026-12-03T18:00:00+01:00\nlocation: Rathaus\nregistration: mailto:anmeldung@dortmund.de?subject=Anmeldung Treffen\n---\nText.\n"
        let (report, sink) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.errorMessages.isEmpty, "\(report.diagnostics.errorMessages)")
        let page = try #require(sink.text("mitmachen/ideen/index.html"))
        #expect(page.contains("href=\"mailto:beteiligung@dortmund.de?subject=Idee\"") && page.contains("</svg>E-Mail an beteiligung@dortmund.de</a>"), "\(page)")
        #expect(page.contains("href=\"mailto:beteiligung@dortmund.de?subject=Idee%20f%C3%BCr%20den%20Park&amp;body=100%25%20gr%C3%BCn%20%2B%20B%C3%A4nke\""))
        #expect(page.contains("href=\"mailto:beteiligung@dortmund.de?subject=Schon%20kodiert\""))
        let text = try #require(sink.text("mitmachen.json"))
        let json = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let ways = try #require((json["participation"] as? [[String: Any]])?.first?["participate"] as? [[String: Any]])
        #expect(ways.compactMap { $0["url"] as? String }[1] == "mailto:beteiligung@dortmund.de?subject=Idee%20f%C3%BCr%20den%20Park&body=100%25%20gr%C3%BCn%20%2B%20B%C3%A4nke")
        let event = try #require(sink.text("veranstaltungen/2026/treffen/index.html"))
        #expect(event.contains("<a href=\"mailto:anmeldung@dortmund.de?subject=Anmeldung%20Treffen\">"))

        let refused = ParticipationValidationTests.errors("start: 2026-11-01\nparticipate:\n  - mailto:beteiligung@dortmund.de?cc=chef@dortmund.de\n  - mailto:beteiligung(at)dortmund.de?subject=Idee")
        #expect(refused == [
            "content/participation/p.md:5: error: 'mailto:beteiligung@dortmund.de?cc=chef@dortmund.de' has 'cc=chef@dortmund.de' after the '?'; a mail link takes only subject= and body= there, e.g. mailto:beteiligung@dortmund.de?subject=Idee",
            "content/participation/p.md:6: error: 'mailto:beteiligung(at)dortmund.de?subject=Idee' is no e-mail address; write it like mailto:smartcity@dortmund.de",
        ])
    }

    /// A phone number shows as itself with a phone icon and dials its digits; the open data
    /// carry its tel: address; an event's registration by phone shows the number.
    @Test func aPhoneNumberIsShownAndDialled() throws {
        var files = TestSupport.minimalSite
        files["participation/sprechstunde.md"] = "---\ntitle: Sprechstunde\nstart: 2026-11-01\nparticipate:\n  - tel:+49 231 50-12345\n  - { label: Hotline, link: \"tel:0800 123 456\" }\n---\nText.\n"
        files["events/2026/treffen.md"] = "---\ntitle: Treffen\nstart: 2026-12-03T18:00:00+01:00\nlocation: Rathaus\nregistration: tel:0231 50-12345\n---\nText.\n"
        let (report, sink) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.errorMessages.isEmpty, "\(report.diagnostics.errorMessages)")
        let page = try #require(sink.text("mitmachen/sprechstunde/index.html"))
        #expect(page.contains("<a class=\"button\" href=\"tel:+492315012345\"><svg class=\"icon\" width=\"20\" height=\"20\" aria-hidden=\"true\" focusable=\"false\"><use href=\"/assets/ui-icons.svg#phone\"></use></svg>Telefon: +49 231 50-12345</a>"))
        #expect(page.contains("href=\"tel:0800123456\"") && page.contains("</svg>Hotline: 0800 123 456</a>"))
        let json = try #require(sink.text("mitmachen.json"))
        let data = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let format = try #require((data["participation"] as? [[String: Any]])?.first)
        let ways = try #require(format["participate"] as? [[String: String]])
        #expect(ways == [["label": "+49 231 50-12345", "url": "tel:+492315012345", "kind": "phone"],
                         ["label": "Hotline", "url": "tel:0800123456", "kind": "phone"]])
        let icons = try #require(sink.text("assets/ui-icons.svg"))
        #expect(icons.contains("<symbol id=\"phone\""), "the icon the page names")
        let event = try #require(sink.text("veranstaltungen/2026/treffen/index.html"))
        #expect(event.contains("<a href=\"tel:02315012345\">Telefon: 0231 50-12345</a>"))
        #expect(try #require(sink.text("veranstaltungen/2026/treffen/termin.ics")).contains("Anmeldung: Telefon 0231 50-12345"))
    }

    @Test func aRunningFormatsPageSaysHowToTakePart() throws {
        let html = try Self.page("mitmachen/umfrage/index.html")
        #expect(html.contains("<title>Umfrage zu Daten – Test</title>"))
        #expect(html.contains("<span class=\"status pstatus-laufend\"><span class=\"visually-hidden\">Stand: </span>Läuft</span>"))
        #expect(html.contains("<time datetime=\"2026-11-01\">Sonntag, 1. November</time> bis <time datetime=\"2026-12-15\">Dienstag, 15. Dezember 2026</time>"),
                "the period as two <time> elements")
        let block = Self.section(html, "<section class=\"participate\"")
        #expect(block.contains("<h2 id=\"beteiligung-mitmachen\">So machen Sie mit</h2>"))
        #expect(block.contains("href=\"https://beteiligung.example.org/umfrage\""))
        #expect(block.contains("Zur Umfrage</a>"))
        #expect(block.contains("href=\"/veranstaltungen/2026/auftakt/\""), "a link to an event leads to its page")
        #expect(block.contains("Auftakt der Umfrage</a> <span class=\"participate-note\">Donnerstag, 3. Dezember 2026, 18:00 Uhr</span>"), "named by its title, with its date")
        #expect(Self.cardTitles(Self.section(html, "id=\"beteiligung-termine\"")) == ["Auftakt der Umfrage"], "the events that name it")
        #expect(Self.cardTitles(Self.section(html, "id=\"beteiligung-projekte\"")) == ["Plattform"])
        #expect(html.contains("<a href=\"/mitmachen/\" aria-current=\"true\">Mitmachen</a>"))
        #expect(html.contains("<li><a href=\"/mitmachen/\">Mitmachen</a></li>"), "breadcrumbs")
        #expect(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Mitmachen (Atom-Feed)\" href=\"/mitmachen/feed.xml\">"))
    }

    @Test func aFinishedOrCancelledFormatsPageHasNoWayToTakePart() throws {
        let walk = try Self.page("mitmachen/walk/index.html")
        #expect(!walk.contains("class=\"participate\""))
        #expect(walk.contains("<p class=\"notice\">Diese Beteiligung ist abgeschlossen. Vielen Dank allen, die mitgemacht haben! <a href=\"/blog/2024/walk-ergebnisse/\">Ergebnisse: Was der Walk ergab</a></p>"))
        let cancelled = try Self.page("mitmachen/werkstatt/index.html")
        #expect(!cancelled.contains("class=\"participate\""))
        #expect(cancelled.contains("<p class=\"notice\">Diese Beteiligung wurde abgesagt.</p>"))
        let planned = try Self.page("mitmachen/konferenz/index.html")
        #expect(planned.contains("<h2 id=\"beteiligung-mitmachen\">So machen Sie mit</h2>"), "a planned one says how, ahead of time")
        #expect(!planned.contains("Noch bis"))
    }

    @Test func anEventLinksTheFormatItBelongsTo() throws {
        let html = try Self.page("veranstaltungen/2026/auftakt/index.html")
        #expect(html.contains("<dt>Teil der Beteiligung</dt>\n        <dd><a href=\"/mitmachen/umfrage/\">Umfrage zu Daten</a></dd>"))
    }

    @Test func theHomePageShowsRunningFormatsOnly() throws {
        let html = try Self.page("index.html")
        let part = Self.section(html, "<section class=\"section\" aria-labelledby=\"mitmachen\">")
        #expect(part.contains("<h2 id=\"mitmachen\">Jetzt mitmachen</h2>"))
        #expect(Self.cardTitles(part) == ["Umfrage zu Daten", "Dauerdialog"])
        // Without a running format, no empty section.
        var files = Self.files
        for name in ["umfrage", "dialog"] { files.removeValue(forKey: "participation/\(name).md") }
        files["events/2026/auftakt.md"] = files["events/2026/auftakt.md"]!.replacingOccurrences(of: "participation: ../../participation/umfrage.md\n", with: "")
        let quiet = try #require(TestSupport.buildInMemory(files).1.text("index.html"))
        #expect(!quiet.contains("Jetzt mitmachen"))
    }

    @Test func aFieldPageListsItsFormats() throws {
        let energy = try Self.page("handlungsfelder/energie-und-umwelt/index.html")
        #expect(Self.cardTitles(Self.section(energy, "<h2 id=\"mitmachen\">")) == ["Konferenz 2027", "Walk 2024"])
        let data = try Self.page("handlungsfelder/daten-und-plattformen/index.html")
        #expect(Self.cardTitles(Self.section(data, "<h2 id=\"mitmachen\">")) == ["Umfrage zu Daten"])
    }

    /// Every idea once, under its first field, in field order; how to submit from site.yml.
    @Test func theIdeaPoolGroupsIdeasByField() throws {
        let html = try Self.page("mitmachen/ideenpool/index.html")
        let groups = html.matches(of: /<h2 id="(feld-[a-z-]+)">([^<]+) <span class="count">\((\d)\)/).map { "\($0.output.1)|\($0.output.3)" }
        #expect(groups == ["feld-daten-und-plattformen|1", "feld-energie-und-umwelt|1"])
        #expect(Self.cardTitles(Self.section(html, "id=\"feld-daten-und-plattformen\"")) == ["Idee B"])
        #expect(Self.cardTitles(Self.section(html, "id=\"feld-energie-und-umwelt\"")) == ["Idee A"])
        #expect(html.contains("<a class=\"button\" href=\"https://stadt.example.org/ideen\">"))
        #expect(!html.contains("mailto:"), "with a form of its own, no fallback address")
        #expect(html.contains("<a href=\"/mitmachen/\" aria-current=\"true\">Mitmachen</a>"))
        // Without `ideas`, ideas go to the publisher's address.
        var files = Self.files
        files["site.yml"] = "title: Test\nbase_url: https://example.org/\npublisher: { name: Stadt Test, email: team@example.org }\n"
        let fallback = try #require(TestSupport.buildInMemory(files).1.text("mitmachen/ideenpool/index.html"))
        #expect(fallback.contains("href=\"mailto:team@example.org\""))
    }

    @Test func theStrategyCountsProjectsIdeasAndFormatsPerField() throws {
        let html = try Self.page("strategie/index.html")
        let rows = html.matches(of: /<tr>\s*<th scope="row"><a class="overview-field" href="([^"]+)">.*?<\/a><\/th>\s*<td>(.*?)<\/td>\s*<td>(\d+)<\/td>\s*<td>(.*?)<\/td>/)
            .map { r in [String(r.output.1), String(r.output.2), String(r.output.3), String(r.output.4)] }
        #expect(rows.count == 2)
        #expect(rows.first?[0] == "/handlungsfelder/daten-und-plattformen/")
        #expect(rows.first?[1] == "<a href=\"/handlungsfelder/daten-und-plattformen/#projekte\">3<span class=\"visually-hidden\"> Projekte im Handlungsfeld Daten und Plattformen</span></a>")
        #expect(rows.first?[2] == "2")
        #expect(rows.first?[3] == "<a href=\"/handlungsfelder/daten-und-plattformen/#mitmachen\">1<span class=\"visually-hidden\"> Beteiligungsangebote im Handlungsfeld Daten und Plattformen</span></a>")
        #expect(rows.last?[3] == "<a href=\"/handlungsfelder/energie-und-umwelt/#mitmachen\">2<span class=\"visually-hidden\"> Beteiligungsangebote im Handlungsfeld Energie und Umwelt</span></a>")
        #expect(html.contains("<tr><th scope=\"row\">Insgesamt</th><td>3</td><td>2</td><td>5</td></tr>"), "each item once")
    }

    /// A preview shows a draft format, marked, on the list and with its own page.
    @Test func aPreviewShowsDraftsMarked() throws {
        let (report, sink) = TestSupport.buildInMemory(Self.files, options: BuildOptions(now: TestSupport.now, drafts: true))
        #expect(report.diagnostics.errorMessages.isEmpty)
        let list = try #require(sink.text("mitmachen/index.html"))
        #expect(list.contains("<span class=\"label\">Entwurf</span> <a href=\"/mitmachen/geheim/\">Geheime Beteiligung</a>")
                || list.contains("<span class=\"label\">Entwurf</span> <a href=\"/mitmachen/geheim/\">Geheime Beteiligung</a>"))
        #expect(sink.text("mitmachen/geheim/index.html") != nil)
        #expect(Self.built.1.text("mitmachen/geheim/index.html") == nil, "the published site has no page for it")
    }

    /// paths.participation and paths.ideas move every address.
    @Test func theAddressesFollowSiteYml() throws {
        var files = Self.files
        files["site.yml"]! += "paths: { participation: beteiligung, ideas: ideen }\n"
        let (report, sink) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.errorMessages.isEmpty, "\(report.diagnostics.errorMessages)")
        for path in ["beteiligung/index.html", "beteiligung/umfrage/index.html", "beteiligung/ideen/index.html", "beteiligung/feed.xml", "beteiligung.json"] {
            #expect(sink.files[path] != nil, "\(path)")
        }
        #expect(sink.files["mitmachen/index.html"] == nil)
    }
}
