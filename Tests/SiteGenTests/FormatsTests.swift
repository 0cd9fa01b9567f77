import Foundation
import Testing
@testable import SiteGen

/// Feeds, calendars, sitemap, structured data, open data and the search index of a small site
/// built in memory. Every file is parsed, not just searched for strings.
@Suite struct FormatsTests {
    let sink = FormatsFixture.sink

    @Test func buildSucceedsAndWritesEveryFormat() throws {
        let (report, sink) = FormatsFixture.built
        #expect(report.succeeded, "\(report.diagnostics.filter { $0.severity == .error })")
        for path in ["blog/feed.xml", "veranstaltungen/feed.xml", "veranstaltungen/kalender.ics",
                     "handlungsfelder/daten/feed.xml", "handlungsfelder/daten/kalender.ics",
                     "handlungsfelder/mobil/feed.xml", "handlungsfelder/mobil/kalender.ics",
                     "veranstaltungen/2026/workshop/termin.ics", "veranstaltungen/2027/fest/termin.ics",
                     "sitemap.xml", "robots.txt", "projekte.json", "veranstaltungen.json", "dcat.jsonld",
                     "suche/suchindex/index.json"] {
            #expect(sink.files[path] != nil, "\(path) is missing")
        }
    }

    // MARK: Atom

    /// Every `.xml` feed is well-formed and has what RFC 4287 requires.
    @Test func everyFeedIsWellFormedAtom() throws {
        let feeds = sink.files.keys.filter { $0.hasSuffix("feed.xml") }.sorted()
        #expect(feeds.count == 5, "blog, events, participation, two fields")
        for path in feeds {
            let text = try #require(sink.text(path))
            let (rootOrNil, error) = FormatsXML.parse(text)
            let feed = try #require(rootOrNil, "\(path): \(error ?? "")")
            #expect(feed.name == "feed")
            #expect(feed.attributes["xmlns"] == "http://www.w3.org/2005/Atom")
            #expect(feed.all("id").count == 1, "\(path)")
            #expect(feed.all("title").count == 1, "\(path)")
            #expect(feed.all("updated").count == 1, "\(path)")
            #expect(feed.first("author")?.first("name")?.text.isEmpty == false, "\(path)")
            let selfLink = feed.all("link").first { $0.attributes["rel"] == "self" }
            #expect(selfLink?.attributes["href"] == "https://example.org/" + path)
            let alternate = feed.all("link").first { $0.attributes["rel"] == "alternate" }
            #expect(alternate?.attributes["href"]?.hasPrefix("https://example.org/") == true)
            var newest = ""
            for entry in feed.all("entry") {
                #expect(entry.all("id").count == 1)
                #expect(entry.all("title").count == 1)
                #expect(entry.all("updated").count == 1)
                let updated = entry.first("updated")?.text ?? ""
                #expect(isRFC3339(updated), "\(path): \(updated)")
                newest = max(newest, updated)
                let link = entry.all("link").first { $0.attributes["rel"] == "alternate" }?.attributes["href"] ?? ""
                #expect(link.hasPrefix("https://example.org/"), "\(path): \(link)")
                #expect(entry.first("id")?.text == link, "the id is the permanent URL")
            }
            if !newest.isEmpty { #expect(feed.first("updated")?.text == newest, "\(path): feed updated is the newest entry's") }
        }
    }

    @Test func blogFeedCarriesFullContentWithAbsoluteLinks() throws {
        let text = try #require(sink.text("blog/feed.xml"))
        let feed = try #require(FormatsXML.parse(text).root)
        let entries = feed.all("entry")
        #expect(entries.count == 2, "drafts stay out")
        let first = try #require(entries.first)
        #expect(first.first("title")?.text == "Neue Sensoren im Quartier")
        #expect(first.first("updated")?.text == "2026-10-05T07:30:00Z")
        #expect(first.first("published")?.text == "2026-10-01T08:00:00Z")
        #expect(first.first("author")?.first("name")?.text == "Erika Muster")
        #expect(entries[1].first("author")?.first("name")?.text == "Team Test", "site author when the post names none")
        #expect(first.all("category").map { $0.attributes["term"] } == ["daten"])
        let content = try #require(first.first("content"))
        #expect(content.attributes["type"] == "html")
        #expect(content.text.contains("Quetzalcoatlus"))
        #expect(content.text.contains("href=\"https://example.org/projekte/plattform/\""), "\(content.text)")
        #expect(content.text.contains("href=\"https://example.org/blog/2026/sensoren/#details\""))
        #expect(!content.text.contains("href=\"/"))
        #expect(feed.first("updated")?.text == "2026-10-05T07:30:00Z")
        #expect(!text.contains("Geheimer Entwurf"))
    }

    /// An item written in another language (`lang: en`) says so on its entry, as its page does
    /// on its text: a feed reader (and its screen reader) takes the feed's `xml:lang` otherwise.
    @Test func anEntryInAnotherLanguageHasItsXMLLang() throws {
        let post = FormatsFixture.files["posts/2026/script.md"]!.replacingOccurrences(of: "fields: [mobil]", with: "fields: [mobil]\nlang: en")
        let event = FormatsFixture.files["events/2027/fest.md"]!.replacingOccurrences(of: "fields: [mobil]", with: "fields: [mobil]\nlang: en")
        let (report, other) = FormatsFixture.build(["posts/2026/script.md": post, "events/2027/fest.md": event])
        #expect(report.succeeded, "\(report.diagnostics.errorMessages)")
        for path in ["blog/feed.xml", "veranstaltungen/feed.xml", "handlungsfelder/mobil/feed.xml"] {
            let text = try #require(other.text(path))
            let feed = try #require(FormatsXML.parse(text).root, "\(path)")
            #expect(feed.attributes["xml:lang"] == "de")
            for entry in feed.all("entry") {
                let id = entry.first("id")?.text ?? ""
                let english = id.hasSuffix("/2026/script/") || id.hasSuffix("/2027/fest/")
                #expect(entry.attributes["xml:lang"] == (english ? "en" : nil), "\(path): \(id)")
            }
        }
    }

    @Test func eventAndFieldFeedsHaveTheirItems() throws {
        let eventsText = try #require(sink.text("veranstaltungen/feed.xml"))
        let events = try #require(FormatsXML.parse(eventsText).root)
        let titles = events.all("entry").compactMap { $0.first("title")?.text }
        #expect(titles == ["Ganztägiges Fest", "Workshop; Daten, Karten \\ mehr", "Abgesagt: Online-Sprechstunde"])
        let fest = events.all("entry")[0]
        #expect(fest.first("updated")?.text == "2027-03-19T23:00:00Z", "an event's date is its start")

        let datenText = try #require(sink.text("handlungsfelder/daten/feed.xml"))
        let daten = try #require(FormatsXML.parse(datenText).root)
        let urls = Set(daten.all("entry").compactMap { $0.first("id")?.text })
        #expect(urls == ["https://example.org/blog/2026/sensoren/", "https://example.org/veranstaltungen/2026/workshop/",
                         "https://example.org/veranstaltungen/2026/online/", "https://example.org/projekte/plattform/"])
        #expect(daten.first("title")?.text == "Daten und Plattformen – Smart City Test")
    }

    /// Output does not depend on the build's clock: a later "now" (with no newly visible posts)
    /// gives the same feeds, calendars and data files.
    @Test func formatsDoNotDependOnTheClock() throws {
        let (_, later) = FormatsFixture.build(options: BuildOptions(now: DateTime.parse("2027-08-01T09:00:00+02:00")!))
        for path in ["blog/feed.xml", "veranstaltungen/feed.xml", "handlungsfelder/daten/feed.xml", "veranstaltungen/kalender.ics",
                     "veranstaltungen/2026/workshop/termin.ics", "projekte.json", "veranstaltungen.json", "dcat.jsonld", "sitemap.xml",
                     "suche/suchindex/index.json"] {
            #expect(later.files[path] == sink.files[path], "\(path) changed with the clock")
        }
    }

    @Test func feedsFollowConfiguredPaths() throws {
        var yml = FormatsFixture.files["site.yml"]!
        yml += "paths:\n  blog: aktuelles\n  events: termine\n  fields: themen\n"
        let (report, other) = FormatsFixture.build(["site.yml": yml])
        #expect(report.succeeded, "\(report.diagnostics.filter { $0.severity == .error })")
        #expect(other.files["aktuelles/feed.xml"] != nil)
        #expect(other.files["termine/feed.xml"] != nil)
        #expect(other.files["termine/kalender.ics"] != nil)
        #expect(other.files["themen/daten/kalender.ics"] != nil)
        #expect(other.files["termine/2026/workshop/termin.ics"] != nil)
        #expect(other.files["termine.json"] != nil)
        #expect(other.files["blog/feed.xml"] == nil)
        // The calendars' file names are settings too; the pages and open data link the new names.
        yml += "  calendar: alle-termine\n  event_calendar: eintrag\n"
        let (_, renamed) = FormatsFixture.build(["site.yml": yml])
        #expect(renamed.files["termine/alle-termine.ics"] != nil && renamed.files["themen/daten/alle-termine.ics"] != nil)
        #expect(renamed.files["termine/2026/workshop/eintrag.ics"] != nil && renamed.files["termine/kalender.ics"] == nil)
        #expect(renamed.text("termine/index.html")?.contains("href=\"/termine/alle-termine.ics\"") == true)
        #expect(renamed.text("termine/2026/workshop/index.html")?.contains("href=\"/termine/2026/workshop/eintrag.ics\"") == true)
        #expect(renamed.text("termine.json")?.contains("https://example.org/termine/2026/workshop/eintrag.ics") == true)
        #expect(other.text("aktuelles/feed.xml")?.contains("https://example.org/aktuelles/2026/sensoren/") == true)
    }

    /// Every page that has a feed announces it in its head.
    @Test func autodiscoveryLinks() throws {
        let expected = [("blog/index.html", "/blog/feed.xml"), ("veranstaltungen/index.html", "/veranstaltungen/feed.xml"),
                        ("handlungsfelder/daten/index.html", "/handlungsfelder/daten/feed.xml"),
                        ("blog/2026/sensoren/index.html", "/blog/feed.xml"), ("index.html", "/blog/feed.xml")]
        for (page, feed) in expected {
            let html = try #require(sink.text(page))
            let head = html.components(separatedBy: "</head>")[0]
            #expect(head.contains("<link rel=\"alternate\" type=\"application/atom+xml\"") && head.contains("href=\"\(feed)\""), "\(page)")
        }
    }

    // MARK: iCalendar

    @Test func everyCalendarHasCRLFFoldedLinesAndValidUTF8() throws {
        let calendars = sink.files.keys.filter { $0.hasSuffix(".ics") }.sorted()
        #expect(calendars.count == 1 + 2 + 3)
        for path in calendars {
            let bytes = try #require(sink.files[path])
            #expect(String(validating: bytes, as: UTF8.self) != nil, "\(path) is not UTF-8")
            // CRLF only, and the file ends with one.
            for (i, b) in bytes.enumerated() where b == 10 { #expect(i > 0 && bytes[i - 1] == 13, "\(path): bare LF at \(i)") }
            #expect(bytes.suffix(2) == [13, 10])
            // Every physical line at most 75 octets and valid UTF-8 on its own (no split sequence).
            var lineStart = 0
            for (i, b) in bytes.enumerated() where b == 13 {
                let line = Array(bytes[lineStart..<i])
                #expect(line.count <= 75, "\(path): line of \(line.count) octets")
                #expect(String(validating: line, as: UTF8.self) != nil, "\(path): a fold splits a UTF-8 sequence")
                lineStart = i + 2
            }
            let ics = FormatsICS(bytes)
            #expect(ics.lines.first == "BEGIN:VCALENDAR")
            #expect(ics.lines.last == "END:VCALENDAR")
            #expect(ics.values("VERSION") == ["VERSION:2.0"])
            #expect(ics.values("PRODID").count == 1)
            #expect(ics.values("CALSCALE") == ["CALSCALE:GREGORIAN"])
            #expect(ics.values("METHOD") == ["METHOD:PUBLISH"])
            #expect(ics.values("X-WR-CALNAME").count == 1)
            // The Berlin time zone with both rules.
            #expect(ics.lines.contains("BEGIN:VTIMEZONE") && ics.lines.contains("TZID:Europe/Berlin"))
            #expect(ics.lines.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"))
            #expect(ics.lines.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"))
            for event in ics.events {
                #expect(event.filter { $0.hasPrefix("UID:") }.count == 1)
                let stamp = event.first { $0.hasPrefix("DTSTAMP:") } ?? ""
                #expect(stamp.count == "DTSTAMP:20261203T170000Z".count && stamp.hasSuffix("Z"), "\(stamp)")
                #expect(event.contains { $0.hasPrefix("DTSTART") })
                for line in event where line.contains("TZID=") { #expect(line.contains("TZID=Europe/Berlin")) }
            }
        }
        let all = FormatsICS(try #require(sink.files["veranstaltungen/kalender.ics"]))
        #expect(all.events.count == 3)
        #expect(FormatsICS(try #require(sink.files["handlungsfelder/mobil/kalender.ics"])).events.count == 2)
    }

    @Test func calendarEventFieldsAndEscaping() throws {
        let ics = FormatsICS(try #require(sink.files["veranstaltungen/2026/workshop/termin.ics"]))
        let event = try #require(ics.events.first)
        #expect(event.contains("UID:events/2026/workshop@example.org"))
        #expect(event.contains("DTSTAMP:20261203T170000Z"))
        #expect(event.contains("DTSTART;TZID=Europe/Berlin:20261203T180000"))
        #expect(event.contains("DTEND;TZID=Europe/Berlin:20261203T200000"))
        #expect(event.contains("SUMMARY:Workshop\\; Daten\\, Karten \\\\ mehr"))
        #expect(event.contains("LOCATION:Stadtlabor\\, Kleppingstraße 28\\, 44135 Dortmund"))
        #expect(event.contains("URL:https://example.org/veranstaltungen/2026/workshop/"))
        #expect(event.contains("CATEGORIES:Daten und Plattformen,Intelligente Mobilität"))
        #expect(event.contains("STATUS:CONFIRMED"))
        // The long German description comes back whole after unfolding and unescaping.
        let description = try #require(event.first { $0.hasPrefix("DESCRIPTION:") })
        let text = FormatsICS.unescape(String(description.dropFirst("DESCRIPTION:".count)))
        #expect(text.hasPrefix(FormatsFixture.longGerman + "\n\n"), "\(text)")
        #expect(text.hasSuffix("https://example.org/veranstaltungen/2026/workshop/"))
        // …and it really was folded in the file.
        let raw = String(decoding: ics.raw, as: UTF8.self)
        #expect(raw.contains("\r\n "))
    }

    @Test func allDayCancelledAndOnlineEvents() throws {
        let festICS = FormatsICS(try #require(sink.files["veranstaltungen/2027/fest/termin.ics"]))
        let fest = try #require(festICS.events.first)
        #expect(fest.contains("DTSTART;VALUE=DATE:20270320"))
        #expect(fest.contains("DTEND;VALUE=DATE:20270322"), "the end of an all-day event is exclusive")
        #expect(!fest.contains { $0.contains("TZID") })

        let onlineICS = FormatsICS(try #require(sink.files["veranstaltungen/2026/online/termin.ics"]))
        let online = try #require(onlineICS.events.first)
        #expect(online.contains("STATUS:CANCELLED"))
        #expect(online.contains("URL:https://meet.example.org/raum"))
        #expect(online.contains("LOCATION:https://meet.example.org/raum"))
        #expect(online.contains("DTEND;TZID=Europe/Berlin:20260512T190000"), "no end: the site's two hours")
        #expect(online.contains("SUMMARY:Abgesagt: Online-Sprechstunde"))
        #expect(online.contains("DTSTAMP:20260510T070000Z"), "its updated, not its start")
    }

    /// An event that is over offered its registration link beside "has already taken place".
    @Test func anEventThatIsOverOffersNoRegistration() throws {
        func event(_ start: String) -> String {
            "---\ntitle: Werkstatt\nstart: \(start)\nlocation: Rathaus\nregistration: https://anmeldung.example.org/w\n---\nText\n"
        }
        let (report, sink) = TestSupport.buildInMemory(minimalSiteWith: ["events/2026/vorbei.md": event("2026-11-20T18:00:00+01:00"),
                                                                          "events/2026/bald.md": event("2026-12-20T18:00:00+01:00")])
        #expect(report.succeeded)
        let past = try #require(sink.text("veranstaltungen/2026/vorbei/index.html"))
        #expect(past.contains("Diese Veranstaltung hat bereits stattgefunden."))
        #expect(!past.contains("anmeldung.example.org"), "no registration link once it is over")
        let coming = try #require(sink.text("veranstaltungen/2026/bald/index.html"))
        #expect(coming.contains("<a href=\"https://anmeldung.example.org/w\">Zur Anmeldung: Werkstatt</a>"))
    }

    /// An event's `updated` says when its details changed: on its page, in the open data, the
    /// feed and the sitemap. Without it they say nothing, or use the start as before.
    @Test func anEventsUpdatedIsShownAndDatesItsEntries() throws {
        let page = try #require(sink.text("veranstaltungen/2026/online/index.html"))
        #expect(page.contains("<dt>Zuletzt geändert</dt>"))
        #expect(page.contains("<time datetime=\"2026-05-10T09:00:00+02:00\">"))
        #expect(sink.text("veranstaltungen/2026/workshop/index.html")?.contains("Zuletzt geändert") == false)
        let events = try #require(formatsJSON(sink.text("veranstaltungen.json")) as? [String: Any])
        let list = try #require(events["events"] as? [[String: Any]])
        #expect(list.first { $0["title"] as? String == "Online-Sprechstunde" }?["updated"] as? String == "2026-05-10T09:00:00+02:00")
        #expect(list.first { $0["title"] as? String == "Ganztägiges Fest" }?["updated"] is NSNull)
        let feed = try #require(sink.text("veranstaltungen/feed.xml"))
        #expect(feed.contains("<updated>2026-05-10T07:00:00Z</updated>"))
        let sitemapText = try #require(sink.text("sitemap.xml"))
        let sitemap = try #require(FormatsXML.parse(sitemapText).root)
        let entry = sitemap.all("url").first { $0.first("loc")?.text == "https://example.org/veranstaltungen/2026/online/" }
        #expect(entry?.first("lastmod")?.text == "2026-05-10T07:00:00Z")
        let fest = sitemap.all("url").first { $0.first("loc")?.text == "https://example.org/veranstaltungen/2027/fest/" }
        #expect(fest != nil && fest?.first("lastmod") == nil)
    }

    /// Folding at every possible position relative to multi-byte characters.
    @Test func foldingKeepsUTF8SequencesWhole() throws {
        for padding in 0..<8 {
            let line = "DESCRIPTION:" + String(repeating: "x", count: padding) + ICalendar.escape(FormatsFixture.longGerman + " 😀 Ärger")
            let folded = ContentLines.fold(line)
            let bytes = Array(folded.utf8)
            var start = 0
            for (i, b) in bytes.enumerated() where b == 13 {
                let physical = Array(bytes[start..<i])
                #expect(physical.count <= 75)
                #expect(String(validating: physical, as: UTF8.self) != nil, "padding \(padding)")
                if start > 0 { #expect(physical.first == 32, "continuation lines start with a space") }
                start = i + 2
            }
            #expect(ContentLines.unfold(folded) == line + "\r\n")
        }
        #expect(ContentLines.fold("SHORT:ä") == "SHORT:ä\r\n")
    }

    @Test func textEscaping() {
        #expect(ICalendar.escape("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf")
    }

    /// XML text: the five entities, control characters other than tab and line ends left out,
    /// and the non-characters U+FFFE and U+FFFF too; everything else as it is.
    @Test func xmlTextEscaping() {
        #expect(xmlText("Straße & Bürger <b> \"Zitat\" 'x'") == "Straße &amp; Bürger &lt;b&gt; &quot;Zitat&quot; &apos;x&apos;")
        #expect(xmlText("a\u{1}b\tc\nd\re\u{1F}") == "ab\tc\nd\re")
        #expect(xmlText("x\u{FFFE}y\u{FFFF}z\u{FFFD}\u{FEFF}😀") == "xyz\u{FFFD}\u{FEFF}😀")
        #expect(xmlText("") == "" && xmlText("ohne") == "ohne")
    }

    // MARK: Sitemap and robots.txt

    @Test func sitemapHasAbsoluteURLsLastmodAndNoDrafts() throws {
        let (report, preview) = FormatsFixture.build(options: BuildOptions(now: FormatsFixture.now, drafts: true))
        #expect(report.succeeded)
        #expect(preview.files["blog/2025/entwurf/index.html"] != nil, "the preview renders the draft page")
        for s in [sink, preview] {
            let sitemap = try #require(s.text("sitemap.xml"))
            let root = try #require(FormatsXML.parse(sitemap).root)
            #expect(root.name == "urlset")
            let urls = root.all("url")
            let locs = urls.compactMap { $0.first("loc")?.text }
            #expect(locs.allSatisfy { $0.hasPrefix("https://example.org/") })
            #expect(Set(locs).count == locs.count)
            #expect(locs.contains("https://example.org/blog/2026/sensoren/"))
            #expect(!locs.contains { $0.contains("entwurf") }, "drafts never appear")
            #expect(!locs.contains { $0.hasSuffix("404.html") })
            let post = urls.first { $0.first("loc")?.text == "https://example.org/blog/2026/sensoren/" }
            #expect(post?.first("lastmod")?.text == "2026-10-05T07:30:00Z")
        }
        #expect(sink.text("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n")
    }

    @Test func sitemapIndexBeyondTheLimit() throws {
        let (_, site) = FormatsFixture.buildSite()
        let records = (0..<7).map { PageRecord(path: "seite-\($0)/", source: nil, refs: HTMLScanner.scan("")) }
        let files = Sitemap(site: site, records: records, perFile: 3).files()
        #expect(files.map(\.path) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"])
        let index = try #require(FormatsXML.parse(String(decoding: files[3].bytes, as: UTF8.self)).root)
        #expect(index.name == "sitemapindex")
        #expect(index.all("sitemap").compactMap { $0.first("loc")?.text } ==
                ["https://example.org/sitemap-1.xml", "https://example.org/sitemap-2.xml", "https://example.org/sitemap-3.xml"])
        let last = try #require(FormatsXML.parse(String(decoding: files[2].bytes, as: UTF8.self)).root)
        #expect(last.all("url").count == 1)
    }

    // MARK: JSON-LD

    @Test func jsonLDCannotBreakOutOfItsScript() throws {
        let html = try #require(sink.text("blog/2026/script/index.html"))
        #expect(!html.contains("</script><script>alert(1)"))
        let blocks = html.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().map {
            $0.components(separatedBy: "</script>")[0]
        }
        #expect(blocks.count == 2)
        let posting = try #require(formatsJSON(blocks[0]) as? [String: Any])
        #expect(posting["@type"] as? String == "BlogPosting")
        #expect(posting["headline"] as? String == FormatsFixture.scriptTitle)
        let publisher = try #require(formatsJSON(blocks[1]) as? [String: Any])
        #expect(publisher["@type"] as? String == "GovernmentOrganization")

        let json = JSON.obj([("name", .string("</script><!--"))]).serialized()
        #expect(json == "{\"name\":\"\\u003c/script\\u003e\\u003c!--\"}")
    }

    @Test func jsonLDOfPostsAndEvents() throws {
        func ld(_ page: String) throws -> [String: Any] {
            let html = try #require(sink.text(page))
            let block = html.components(separatedBy: "<script type=\"application/ld+json\">")[1].components(separatedBy: "</script>")[0]
            return try #require(formatsJSON(block) as? [String: Any])
        }
        let post = try ld("blog/2026/sensoren/index.html")
        #expect(post["image"] as? String == "https://example.org/images/bild.svg")
        #expect(post["datePublished"] as? String == "2026-10-01T10:00:00+02:00")
        #expect(post["dateModified"] as? String == "2026-10-05T09:30:00+02:00")
        #expect((post["author"] as? [String: Any])?["name"] as? String == "Erika Muster")

        let event = try ld("veranstaltungen/2026/workshop/index.html")
        #expect(event["@type"] as? String == "Event")
        #expect(event["startDate"] as? String == "2026-12-03T18:00:00+01:00")
        #expect(event["eventStatus"] as? String == "https://schema.org/EventScheduled")
        #expect(event["eventAttendanceMode"] as? String == "https://schema.org/OfflineEventAttendanceMode")
        let place = try #require(event["location"] as? [String: Any])
        #expect(place["@type"] as? String == "Place")
        let address = try #require(place["address"] as? [String: Any])
        #expect(address["@type"] as? String == "PostalAddress")
        #expect(address["streetAddress"] as? String == "Kleppingstraße 28")
        #expect(address["postalCode"] as? String == "44135")
        #expect(address["addressLocality"] as? String == "Dortmund")
        #expect((event["organizer"] as? [String: Any])?["name"] as? String == "Stadt Test")

        let online = try ld("veranstaltungen/2026/online/index.html")
        #expect(online["eventStatus"] as? String == "https://schema.org/EventCancelled")
        #expect(online["eventAttendanceMode"] as? String == "https://schema.org/OnlineEventAttendanceMode")
        #expect((online["location"] as? [String: Any])?["@type"] as? String == "VirtualLocation")
    }

    // MARK: Open data

    @Test func openDataFilesParseAndDescribeEverything() throws {
        for path in sink.files.keys where path.hasSuffix(".json") || path.hasSuffix(".jsonld") {
            #expect(formatsJSON(sink.text(path)) != nil, "\(path) is not valid JSON")
        }
        let projects = try #require(formatsJSON(sink.text("projekte.json")) as? [String: Any])
        #expect(projects["count"] as? Int == 1)
        let project = try #require((projects["projects"] as? [[String: Any]])?.first)
        #expect(project["url"] as? String == "https://example.org/projekte/plattform/")
        #expect(project["status"] as? String == "umsetzung")
        let fields = try #require(project["fields"] as? [[String: Any]])
        #expect(fields.first?["slug"] as? String == "daten")
        #expect(fields.first?["title"] as? String == "Daten und Plattformen")
        #expect(project["end"] is NSNull, "absent values are null")
        #expect((projects["license"] as? [String: Any])?["url"] as? String == "https://www.govdata.de/dl-de/by-2-0")

        let events = try #require(formatsJSON(sink.text("veranstaltungen.json")) as? [String: Any])
        let list = try #require(events["events"] as? [[String: Any]])
        #expect(list.count == 3)
        let fest = try #require(list.first { $0["title"] as? String == "Ganztägiges Fest" })
        #expect(fest["allDay"] as? Bool == true)
        #expect(fest["start"] as? String == "2027-03-20")
        #expect(fest["ics"] as? String == "https://example.org/veranstaltungen/2027/fest/termin.ics")

        let catalog = try #require(formatsJSON(sink.text("dcat.jsonld")) as? [String: Any])
        #expect(catalog["@type"] as? String == "dcat:Catalog")
        let datasets = try #require(catalog["dcat:dataset"] as? [[String: Any]])
        #expect(datasets.count == 4, "projects, events, posts, participation")
        for d in datasets {
            #expect((d["dct:publisher"] as? [String: Any])?["foaf:name"] as? String == "Stadt Test")
            let dist = try #require((d["dcat:distribution"] as? [[String: Any]])?.first)
            let access = try #require((dist["dcat:accessURL"] as? [String: Any])?["@id"] as? String)
            #expect(access.hasPrefix("https://example.org/") && access.hasSuffix(".json"))
            #expect(sink.files[String(access.dropFirst("https://example.org/".count))] != nil, "\(access) exists")
            #expect((dist["dct:format"] as? [String: Any])?["@id"] as? String == "http://publications.europa.eu/resource/authority/file-type/JSON")
            #expect((dist["dcat:mediaType"] as? [String: Any])?["@id"] as? String == "https://www.iana.org/assignments/media-types/application/json")
            #expect((dist["dct:license"] as? [String: Any])?["@id"] as? String == "http://dcat-ap.de/def/licenses/dl-by-de/2.0")
        }
    }

    // MARK: Search

    @Test func germanFoldingAndStemming() {
        #expect(SearchText.fold("ÄÖÜäöüß Café") == "aouaouss cafe")
        #expect(SearchText.terms("Die Bäume und der Baum") == ["baum", "baum"])
        #expect(SearchText.stem("sensoren") == SearchText.stem("sensor"))
        #expect(SearchText.stem("stadte") == SearchText.stem("stadt"))
        #expect(SearchText.terms("Straße") == SearchText.terms("strasse"))
        #expect(SearchText.words("Smart-City-Strategie, 2026!") == ["smart", "city", "strategie", "2026"])
    }

    /// Finds the documents of a query word through the manifest and the term shards, as search.js does.
    private func searchDocs(_ word: String, in files: [String: [UInt8]]) throws -> [String] {
        func json(_ name: String) throws -> Any {
            try #require(formatsJSON(files["suche/suchindex/" + name].map { String(decoding: $0, as: UTF8.self) }))
        }
        let manifest = try #require(try json("index.json") as? [String: Any])
        let shards = try #require(manifest["shards"] as? [String])
        let term = try #require(SearchText.terms(word).first)
        guard let shardIndex = shards.lastIndex(where: { !term.utf8.lexicographicallyPrecedes($0.utf8) }) else { return [] }
        let shard = try #require(try json("t\(shardIndex).json") as? [String: [Int]])
        guard let postings = shard[term] else { return [] }
        let perChunk = try #require(manifest["docsPerChunk"] as? Int)
        var urls: [String] = []
        var doc = 0
        for k in stride(from: 0, to: postings.count, by: 2) {
            doc += postings[k]
            let chunk = try #require(try json("d\(doc / perChunk).json") as? [[Any]])
            urls.append(try #require(chunk[doc % perChunk][0] as? String))
        }
        return urls
    }

    @Test func searchIndexFindsBodyWordsAndLeavesOutHiddenPages() throws {
        #expect(try searchDocs("Quetzalcoatlus", in: sink.files) == ["/blog/2026/sensoren/"])
        #expect(try searchDocs("Messstationen", in: sink.files) == ["/blog/2026/sensoren/"])
        #expect(try searchDocs("Sensor", in: sink.files).contains("/blog/2026/sensoren/"), "stemmed title word")
        #expect(try searchDocs("Plattformen", in: sink.files).contains("/blog/2026/sensoren/"), "its field's title, at low weight")
        #expect(!(try searchDocs("Mobilität", in: sink.files).contains("/blog/2026/sensoren/")), "not another field's")
        #expect(try searchDocs("Geheimwort", in: sink.files).isEmpty, "search: false stays out")
        #expect(try searchDocs("Zauberwort", in: sink.files).isEmpty, "drafts stay out")
        let (_, preview) = FormatsFixture.build(options: BuildOptions(now: FormatsFixture.now, drafts: true))
        #expect(try searchDocs("Zauberwort", in: preview.files).isEmpty, "drafts stay out of previews too")
        // Not even as an empty entry: the pages are tokenized while rendering, drafts included.
        let shards = preview.files.filter { $0.key.hasPrefix("suche/suchindex/t") }
        #expect(!shards.isEmpty)
        for (name, bytes) in shards {
            let shard = try #require(formatsJSON(String(decoding: bytes, as: UTF8.self)) as? [String: [Int]])
            #expect(shard[SearchText.terms("Zauberwort")[0]] == nil, "\(name)")
            #expect(shard.values.allSatisfy { !$0.isEmpty }, "\(name) has a term without documents")
        }

        let manifest = try #require(formatsJSON(sink.text("suche/suchindex/index.json")) as? [String: Any])
        let kinds = try #require(manifest["kinds"] as? String)
        #expect(kinds.count == manifest["docs"] as? Int)
        #expect(Set(kinds) == Set("pejfst"))
    }

    @Test func searchPageIsAccessibleAndScriptIsExternal() throws {
        let html = try #require(sink.text("suche/index.html"))
        #expect(html.contains("<label for=\"suche-begriff\">"))
        #expect(html.contains("id=\"suche-begriff\" name=\"q\""))
        #expect(html.contains("role=\"status\" aria-live=\"polite\""))
        #expect(html.contains("<option value=\"daten\">Daten und Plattformen</option>"))
        #expect(html.contains("data-index=\"/suche/suchindex/index.json\""))
        // No inline script: every <script> either has src or is JSON-LD.
        for part in html.components(separatedBy: "<script").dropFirst() {
            let tag = part.prefix { $0 != ">" }
            #expect(tag.contains("src=") || tag.contains("application/ld+json"), "inline script: <script\(tag)>")
        }
    }

    private func isRFC3339(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 20, b[19] == UInt8(ascii: "Z"), b[10] == UInt8(ascii: "T") else { return false }
        return DateTime.parse(s) != nil
    }
}

extension FormatsFixture {
    /// The fixture's Site (for tests of single format writers).
    static func buildSite() -> (BuildReport, Site) {
        let memory = MemoryFileSystem(Dictionary(uniqueKeysWithValues: files.map { ("/fc/" + $0.key, $0.value) }))
        let fs = OverlayFileSystem(memory: memory, memoryRoot: "/fc")
        let builder = Builder(location: SiteLocation(content: "/fc", templates: templates, output: "/fc-out"),
                              options: BuildOptions(now: now), fileSystem: fs)
        let (report, site) = builder.run(into: MemorySink(fileSystem: fs))
        return (report, site!)
    }
}

@Suite struct FormatsSearchTextTests {
    /// The index builder's fast tokenizer gives the same terms as the reference `SearchText.terms`,
    /// which search.js mirrors.
    @Test func fastTokenizerMatchesReference() {
        var samples = [
            FormatsFixture.longGerman,
            "Die Bäume, die Straßen und der Baum – Ärger über Öl! ÄÖÜ ẞ İstanbul Café naïve",
            "u\u{308}ber Zu\u{308}ge: decomposed umlauts, x² und ½ Liter, 2026-11-26, DP 03",
            "Emoji 😀 zwischen Wörtern, 日本語テキスト, Ελληνικά ΟΔΟΣ, русский текст, a b c de",
            "", "   ", "ß", "ab", "Sensoren Sensor sensorisch Messstationen Häuser Hauses",
            // Words longer than the tokenizer's first buffer, growing on a letter and on an umlaut.
            "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsbetriebe und mehr",
            String(repeating: "ä", count: 100) + " " + String(repeating: "b", count: 63) + "ßß",
        ]
        // More distinct words than the word table starts with, twice: it grows and still finds them.
        let many = (0..<6000).map { "Messwert\($0)ä Straße\($0 % 7)n" }.joined(separator: " ")
        samples += [many, many]
        var tokenizer = SearchText.Tokenizer()
        for text in samples {
            var numbers: [Int32] = []
            tokenizer.forEachTerm(in: text) { numbers.append($0) }
            let fast = numbers.map { tokenizer.terms[Int($0)] }
            #expect(fast == SearchText.terms(text), "\(text)")
        }
    }

    /// A page's terms each once with their counts (at most 255), as the reference counts them;
    /// nothing of one page stays for the next.
    @Test func sharedTokenizerCountsEachTermOnce() {
        let tokenizer = SharedSearchTokenizer()
        let pages = [
            FormatsFixture.longGerman,
            String(repeating: "Sensoren messen ", count: 300) + "Bäume",
            "Bäume Sensoren", "", "und die der",
        ]
        for text in pages {
            let page = tokenizer.tokenize(text, headings: [], language: .german)
            var expected: [String: Int] = [:]
            for term in SearchText.terms(text) { expected[term, default: 0] += 1 }
            let terms = tokenizer.finished.terms
            #expect(Set(page.terms).count == page.terms.count, "each term once")
            #expect(Dictionary(uniqueKeysWithValues: zip(page.terms.map { terms[Int($0)] }, page.counts.map(Int.init)))
                    == expected.mapValues { min($0, 255) }, "\(text.prefix(40))")
        }
    }

    @Test func decimalDigits() {
        for n in [0, 7, 10, 99, 100, 255, 1234567] {
            var out: [UInt8] = []
            appendDecimal(n, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(n))
        }
    }
}
