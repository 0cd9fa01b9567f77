import Foundation
import Testing
@testable import SiteGen

/// Participation formats in the feed, the calendars, the open data, the search index, the sitemap
/// and the JSON-LD; and a cached build across a status change equals a clean one.
@Suite struct ParticipationFormatsTests {
    static var sink: MemorySink { ParticipationPageTests.built.1 }
    static func text(_ path: String) throws -> String { try #require(sink.text(path), "\(path) is missing") }

    @Test func theFeedIsAtomWithEveryPublishedFormat() throws {
        let (rootOrNil, error) = FormatsXML.parse(try Self.text("mitmachen/feed.xml"))
        let feed = try #require(rootOrNil, "\(error ?? "")")
        #expect(feed.first("id")?.text == "https://example.org/mitmachen/feed.xml")
        #expect(feed.first("title")?.text == "Mitmachen – Test")
        let selfLink = feed.all("link").first { $0.attributes["rel"] == "self" }
        #expect(selfLink?.attributes["href"] == "https://example.org/mitmachen/feed.xml")
        let entries = feed.all("entry")
        let titles = entries.compactMap { $0.first("title")?.text }
        #expect(Set(titles) == ["Umfrage zu Daten", "Dauerdialog", "Konferenz 2027", "Walk 2024", "Abgesagt: Werkstatt"], "no draft; a cancelled one says so")
        // An entry's date is its start, or its end once it is over: it changes with its status, never with the clock.
        let updated = Dictionary(uniqueKeysWithValues: entries.map { ($0.first("title")!.text, $0.first("updated")!.text) })
        #expect(updated["Walk 2024"] == "2024-06-30T16:00:00Z")
        #expect(updated["Umfrage zu Daten"] == "2026-10-31T23:00:00Z")
        #expect(updated["Konferenz 2027"] == "2027-03-01T08:00:00Z")
        #expect(titles.first == "Konferenz 2027", "newest date first")
        let umfrage = try #require(entries.first { $0.first("title")?.text == "Umfrage zu Daten" })
        #expect(umfrage.first("id")?.text == "https://example.org/mitmachen/umfrage/")
        #expect(umfrage.first("content")?.text.contains("<strong>Läuft: Sonntag, 1. November bis Dienstag, 15. Dezember 2026</strong>") == true)
        #expect(umfrage.all("category").first?.attributes["term"] == "daten-und-plattformen")
        // Without an end, "Seit"/"Ab" as on its card ("Läuft: Mittwoch, 1. Januar 2025" read as one day);
        // a format cancelled before its start never ran, so "Ab".
        let content = { (title: String) in entries.first { $0.first("title")?.text == title }?.first("content")?.text ?? "" }
        #expect(content("Dauerdialog").contains("<strong>Läuft: Seit Mittwoch, 1. Januar 2025</strong>"), "\(content("Dauerdialog"))")
        #expect(content("Abgesagt: Werkstatt").contains("<strong>Abgesagt: Ab Samstag, 5. Dezember 2026, 10:00 Uhr</strong>"))
        #expect(try Self.text("handlungsfelder/energie-und-umwelt/feed.xml").contains("<id>https://example.org/mitmachen/konferenz/</id>"), "a field's feed has its formats")
    }

    /// The site's calendar and each field's carry an all-day entry on the last day to take part.
    @Test func calendarsHaveTheLastDayToTakePart() throws {
        let site = FormatsICS(Array(try Self.text("veranstaltungen/kalender.ics").utf8))
        let entries = site.events.filter { $0.contains { $0.hasPrefix("UID:participation/") } }
        let byUID = Dictionary(uniqueKeysWithValues: entries.map { e in (e.first { $0.hasPrefix("UID:") }!, e) })
        #expect(Set(byUID.keys) == ["UID:participation/umfrage@example.org", "UID:participation/konferenz@example.org",
                                    "UID:participation/walk@example.org"], "formats without an end have no last day; no draft")
        let umfrage = try #require(byUID["UID:participation/umfrage@example.org"])
        #expect(umfrage.contains("DTSTART;VALUE=DATE:20261215"))
        #expect(umfrage.contains("DTEND;VALUE=DATE:20261216"), "DTEND is the day after (exclusive)")
        #expect(umfrage.contains("SUMMARY:Letzter Tag: Umfrage zu Daten"))
        #expect(umfrage.contains("URL:https://example.org/mitmachen/umfrage/"))
        #expect(umfrage.contains("STATUS:CONFIRMED") && umfrage.contains("TRANSP:TRANSPARENT"))
        #expect(umfrage.contains("DTSTAMP:20261215T230000Z"), "the end of its last day, not the build's clock")
        #expect(byUID["UID:participation/konferenz@example.org"]?.contains("DTSTART;VALUE=DATE:20270301") == true)
        let energy = FormatsICS(Array(try Self.text("handlungsfelder/energie-und-umwelt/kalender.ics").utf8))
        let energyUIDs = energy.values("UID").filter { $0.contains("participation/") }.sorted()
        #expect(energyUIDs == ["UID:participation/konferenz@example.org", "UID:participation/walk@example.org"])
        #expect(!(try Self.text("handlungsfelder/daten-und-plattformen/kalender.ics")).contains("participation/walk"))
    }

    @Test func aCancelledFormatIsCancelledInTheCalendar() throws {
        var files = ParticipationPageTests.files
        files["participation/werkstatt.md"] = "---\ntitle: Werkstatt\nstart: 2026-12-05T10:00:00+01:00\nend: 2026-12-05T15:00:00+01:00\nstatus: abgesagt\n---\nFällt aus.\n"
        let ics = FormatsICS(Array(try #require(TestSupport.buildInMemory(files).1.text("veranstaltungen/kalender.ics")).utf8))
        let entry = try #require(ics.events.first { $0.contains("UID:participation/werkstatt@example.org") })
        #expect(entry.contains("STATUS:CANCELLED"))
        #expect(entry.contains("SUMMARY:Abgesagt: Letzter Tag: Werkstatt"))
    }

    @Test func theOpenDataHasEveryPublishedFormatWithItsStatus() throws {
        let json = try #require(formatsJSON(try Self.text("mitmachen.json")) as? [String: Any])
        #expect(json["url"] as? String == "https://example.org/mitmachen.json")
        #expect(json["landingPage"] as? String == "https://example.org/mitmachen/")
        #expect(json["count"] as? Int == 5)
        let items = try #require(json["participation"] as? [[String: Any]])
        let status = Dictionary(uniqueKeysWithValues: items.map { ($0["id"] as! String, $0["status"] as! String) })
        #expect(status == ["umfrage": "laufend", "dialog": "laufend", "konferenz": "geplant", "walk": "abgeschlossen", "werkstatt": "abgesagt"])
        #expect(Set(status.values).isSubset(of: ["geplant", "laufend", "abgeschlossen", "abgesagt"]))
        let umfrage = try #require(items.first { $0["id"] as? String == "umfrage" })
        #expect(umfrage["url"] as? String == "https://example.org/mitmachen/umfrage/")
        #expect(umfrage["start"] as? String == "2026-11-01" && umfrage["end"] as? String == "2026-12-15" && umfrage["allDay"] as? Bool == true)
        let participate = try #require(umfrage["participate"] as? [[String: Any]])
        #expect(participate.map { $0["kind"] as? String } == ["web", "event"])
        #expect(participate.last?["url"] as? String == "https://example.org/veranstaltungen/2026/auftakt/")
        #expect(participate.last?["label"] as? String == "Auftakt der Umfrage")
        #expect((umfrage["events"] as? [[String: Any]])?.first?["id"] as? String == "events/2026/auftakt@example.org")
        #expect((umfrage["projects"] as? [[String: Any]])?.first?["url"] as? String == "https://example.org/projekte/plattform/")
        #expect(umfrage["results"] is NSNull)
        let walk = try #require(items.first { $0["id"] as? String == "walk" })
        #expect(walk["results"] as? String == "https://example.org/blog/2024/walk-ergebnisse/")
        for item in items {
            for key in ["id", "title", "url", "status", "statusLabel", "start", "end", "allDay", "format", "summary", "fields", "cities",
                        "participate", "results", "projects", "events", "language"] {
                #expect(item.keys.contains(key), "\(item["id"] ?? "?") has \(key)")
            }
        }
        let catalog = try #require(formatsJSON(try Self.text("dcat.jsonld")) as? [String: Any])
        let datasets = try #require(catalog["dcat:dataset"] as? [[String: Any]])
        let dataset = try #require(datasets.first { ($0["@id"] as? String)?.hasSuffix("#mitmachen") == true })
        let distribution = try #require((dataset["dcat:distribution"] as? [[String: Any]])?.first)
        #expect((distribution["dcat:accessURL"] as? [String: Any])?["@id"] as? String == "https://example.org/mitmachen.json")
    }

    /// The search index has the published formats as their own kind, which the search page offers as a filter.
    @Test func theSearchHasAKindForParticipation() throws {
        let manifest = try #require(formatsJSON(try Self.text("suche/suchindex/index.json")) as? [String: Any])
        let kinds = try #require(manifest["kinds"] as? String)
        #expect(kinds.filter { $0 == "m" }.count == 5, "five published formats, no draft")
        let perChunk = try #require(manifest["docsPerChunk"] as? Int)
        var rows: [[Any]] = []
        for c in 0..<((kinds.count + perChunk - 1) / perChunk) {
            rows += try #require(formatsJSON(try Self.text("suche/suchindex/d\(c).json")) as? [[Any]])
        }
        let umfrage = try #require(rows.first { $0[0] as? String == "/mitmachen/umfrage/" })
        #expect(umfrage[2] as? String == "m")
        #expect(umfrage[5] as? String == "Sonntag, 1. November bis Dienstag, 15. Dezember 2026")
        #expect(!rows.contains { ($0[0] as? String) == "/mitmachen/geheim/" })
        let search = try Self.text("suche/index.html")
        #expect(search.contains("<option value=\"m\">Beteiligung</option>"))
    }

    @Test func theSitemapHasThePagesButNoDrafts() throws {
        let sitemap = try Self.text("sitemap.xml")
        for path in ["mitmachen/", "mitmachen/umfrage/", "mitmachen/werkstatt/", "mitmachen/ideenpool/"] {
            #expect(sitemap.contains("<loc>https://example.org/\(path)</loc>"), "\(path)")
        }
        #expect(!sitemap.contains("mitmachen/geheim/"))
        let (_, preview) = TestSupport.buildInMemory(ParticipationPageTests.files, options: BuildOptions(now: TestSupport.now, drafts: true))
        #expect(!(preview.text("sitemap.xml") ?? "").contains("mitmachen/geheim/"), "not even in a preview")
    }

    /// A format is an `Event` in schema.org: its period, its status, where one takes part.
    @Test func theJSONLDIsAnEvent() throws {
        func ld(_ path: String) throws -> [String: Any] {
            let html = try Self.text(path)
            let blocks = html.matches(of: /<script type="application\/ld\+json">(.*?)<\/script>/).map { String($0.output.1) }
            return try #require(blocks.compactMap { formatsJSON($0) as? [String: Any] }.first { $0["@type"] as? String == "Event" })
        }
        let umfrage = try ld("mitmachen/umfrage/index.html")
        #expect(umfrage["startDate"] as? String == "2026-11-01" && umfrage["endDate"] as? String == "2026-12-15")
        #expect(umfrage["eventStatus"] as? String == "https://schema.org/EventScheduled")
        #expect(umfrage["eventAttendanceMode"] as? String == "https://schema.org/MixedEventAttendanceMode")
        let places = try #require(umfrage["location"] as? [[String: Any]])
        #expect(places.map { $0["@type"] as? String } == ["Place", "VirtualLocation"])
        #expect(umfrage["url"] as? String == "https://example.org/mitmachen/umfrage/")
        #expect(try ld("mitmachen/werkstatt/index.html")["eventStatus"] as? String == "https://schema.org/EventCancelled")
    }

    /// When "now" passes a format's end, a cached build gives what a clean build gives: the end is
    /// one of the moments at which the stored output stops holding.
    @Test func aCachedBuildAcrossAnEndEqualsACleanOne() throws {
        let content = TestSupport.copyOfExampleContent()
        let root = TestSupport.temporaryFolder("participation-now")
        func build(_ now: String, output: String, clean: Bool = false) -> BuildReport {
            var builder = Builder(location: SiteLocation(content: content, templates: TestSupport.templates, output: root + "/" + output),
                                  options: BuildOptions(now: DateTime.parse(now)!, baseURL: "https://smartcity.example.org/"))
            builder.clean = clean
            return builder.build()
        }
        // The survey of the example site ends with 13 December 2026.
        #expect(build("2026-12-13T23:59:00+01:00", output: "public").succeeded)
        let before = TestSupport.files(root + "/public")
        #expect(build("2026-12-14T00:00:00+01:00", output: "public").succeeded)
        #expect(build("2026-12-14T00:00:00+01:00", output: "fresh", clean: true).succeeded)
        let after = TestSupport.files(root + "/public"), fresh = TestSupport.files(root + "/fresh")
        let differing = Set(after.keys).union(fresh.keys).filter { after[$0] != fresh[$0] }.sorted()
        #expect(differing.isEmpty, "differs from a clean build in \(differing.prefix(5))")
        let page = "mitmachen/umfrage-digitale-angebote/index.html"
        #expect(before[page] != after[page], "the survey's page changed with its status")
        #expect(String(decoding: after[page] ?? Data(), as: UTF8.self).contains("Diese Beteiligung ist abgeschlossen."))
    }

    /// A cached build (the preview server's) after each kind of change to a format gives the bytes
    /// of a fresh one; a change of its text renders its own page only.
    @Test func aCachedBuildAfterAChangeToAFormatEqualsAFreshOne() throws {
        let t = try IncrementalBuildTests()
        let total = t.expectSameAsFresh("first build").rendered
        let file = "participation/umfrage-digitale-angebote.md"
        try t.edit(file) { $0 + "\nEin neuer Satz über Wasserstoffbusse.\n" }
        #expect(t.expectSameAsFresh("text of a format").rendered == 1)
        try t.edit(file) { $0.replacingOccurrences(of: "title: \"Online-Umfrage:", with: "title: \"Umfrage:") }
        let title = t.expectSameAsFresh("title of a format")
        #expect(title.rendered > 3 && title.rendered < total, "its page, the list, the home page, its fields' pages, the strategy: \(title)")
        try t.edit(file) { $0.replacingOccurrences(of: "end: 2026-12-13", with: "end: 2026-11-20") }
        _ = t.expectSameAsFresh("a format ended by its new end date")
        try t.edit("events/2025/crowd-bike-klimadaten.md") { $0.replacingOccurrences(of: "participation: \"../../participation/crowd-bike-messkampagne-2025.md\"\n", with: "") }
        _ = t.expectSameAsFresh("an event no longer names its format")
    }
}
