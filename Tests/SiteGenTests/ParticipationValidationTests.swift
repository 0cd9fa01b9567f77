import Foundation
import Testing
@testable import SiteGen

/// Messages about participation formats: compiler style, at the line, with what to do.
@Suite struct ParticipationValidationTests {
    static let event = "---\ntitle: Auftakt\nstart: 2026-12-03T18:00:00+01:00\nlocation: Rathaus\n---\nText.\n"
    static let post = "---\ntitle: Ergebnisse\ndate: 2025-01-10T10:00:00+01:00\nsummary: S.\n---\nText.\n\n## Zahlen\n\nMehr.\n"
    static let project = "---\ntitle: App\nstatus: umsetzung\nfields: [daten-und-plattformen]\n---\nText.\n"

    /// The messages of a site with `participation/p.md` (these front matter lines after the title) and extra files.
    static func messages(_ lines: String, body: String = "Text.\n", extra: [String: String] = [:]) -> [Diagnostic] {
        var files = TestSupport.minimalSite
        files["participation/p.md"] = "---\ntitle: Beteiligung\n\(lines)\n---\n\(body)"
        files["events/2026/auftakt.md"] = event
        files["posts/2025/ergebnisse.md"] = post
        files["projects/app.md"] = project
        files.merge(extra) { _, b in b }
        return TestSupport.model(files).1.filter { $0.file.contains("participation") || $0.file.contains("events/") }
    }

    static func errors(_ lines: String, body: String = "Text.\n", extra: [String: String] = [:]) -> [String] {
        messages(lines, body: body, extra: extra).errorMessages
    }

    @Test func aCompleteFormatHasNoMessages() {
        let lines = """
            start: 2026-11-01
            end: 2026-12-15
            format: Umfrage
            fields: [daten-und-plattformen]
            participate:
              - { label: "Zur Umfrage", link: "https://beteiligung.example.org/u" }
              - link: "mailto:team@example.org"
              - link: ../events/2026/auftakt.md
            projects: [../projects/app.md]
            """
        #expect(Self.messages(lines).isEmpty, "\(Self.messages(lines))")
    }

    /// A phone number is how many people take part (a consultation hour, a hotline); `tel:` was
    /// refused as "must be an https address, a mailto: address or the .md file of an event".
    @Test func aPhoneNumberIsAWayToTakePart() throws {
        let lines = """
            start: 2026-11-01
            participate:
              - tel:+49 (0)231 50-12345
              - { label: "Bürgertelefon", link: "tel:0231 / 50 12 345" }
            """
        #expect(Self.messages(lines).isEmpty, "\(Self.messages(lines))")
        var files = TestSupport.minimalSite
        files["participation/p.md"] = "---\ntitle: B\n\(lines)\n---\nText.\n"
        let p = try #require(TestSupport.model(files).0?.participation.first)
        #expect(p.participate.map(\.target) == [.phone("+49 (0)231 50-12345"), .phone("0231 / 50 12 345")])
        #expect(p.participate.map(\.label) == [nil, "Bürgertelefon"])
    }

    @Test func aPhoneNumberMustBeOne() {
        #expect(Self.errors("start: 2026-11-01\nparticipate: [\"tel:0231 ZENTRALE\"]") == [
            "content/participation/p.md:4: error: 'tel:0231 ZENTRALE' is no phone number; write it like tel:+49 231 50-12345",
        ])
        #expect(Self.errors("start: 2026-11-01\nparticipate: [\"0231 50-12345\"]") == [
            "content/participation/p.md:4: error: '0231 50-12345' looks like a phone number; write it as tel:0231 50-12345",
        ])
    }

    /// A number copied with its extension or opening hours got "is no phone number". The message
    /// says what was recognised and where the words go (the label here; the page's text for an
    /// event's registration). An extension is not made `;ext=`: a German extension is dialled
    /// through (0231 50-12345), and many phones ring the switchboard for `;ext=`.
    @Test func aNumberWithWordsAfterItIsToldWhereTheWordsGo() throws {
        let lines = """
            start: 2026-11-01
            participate:
              - tel:0231 50-12345 Durchwahl 12
              - { label: Hotline, link: "tel:0800 123456 (Mo–Fr 9–17 Uhr)" }
              - "tel:0231 50-12345;ext=12"
              - "tel:0800 123456 (9–17)"
              - "tel:+49 (0)231 50-12345, App. 12"
              - tel:0231 5012345-0
            """
        let extensionAdvice = "which a link cannot dial; write the whole number as it is dialled, the extension after a hyphen (switchboard 0231 50-0, extension 12345: tel:0231 50-12345)"
        #expect(Self.errors(lines) == [
            "content/participation/p.md:5: error: 'tel:0231 50-12345 Durchwahl 12': 0231 50-12345 is followed by the extension 'Durchwahl 12', " + extensionAdvice,
            "content/participation/p.md:6: error: 'tel:0800 123456 (Mo–Fr 9–17 Uhr)': 0800 123456 is followed by '(Mo–Fr 9–17 Uhr)', but only the number may stand after tel:; write tel:0800 123456, and '(Mo–Fr 9–17 Uhr)' in the label",
            "content/participation/p.md:7: error: 'tel:0231 50-12345;ext=12': 0231 50-12345 is followed by the extension 'ext=12', " + extensionAdvice,
            "content/participation/p.md:8: error: 'tel:0800 123456 (9–17)': 0800 123456 is followed by '(9–17)', but only the number may stand after tel:; write tel:0800 123456, and '(9–17)' in the label",
            "content/participation/p.md:9: error: 'tel:+49 (0)231 50-12345, App. 12': +49 (0)231 50-12345 is followed by the extension 'App. 12', " + extensionAdvice,
        ], "the switchboard's -0 is part of the number")
        // Hours in parentheses were dialled as digits (tel:0800123456917).
        #expect(PhoneNumber.href("0800 123456 (9–17)") == nil)
        #expect(PhoneNumber.href("0231 5012345-0") == "tel:023150123450")
        // An event's registration has no label: the words go into the page's text.
        var files = TestSupport.minimalSite
        files["events/2026/e.md"] = "---\ntitle: E\nstart: 2026-12-01T18:00:00+01:00\nlocation: Rathaus\nregistration: \"tel:0800 123456 (Mo–Fr 9–17 Uhr)\"\n---\n"
        #expect(TestSupport.model(files).1.errorMessages == [
            "content/events/2026/e.md:5: error: 'tel:0800 123456 (Mo–Fr 9–17 Uhr)': 0800 123456 is followed by '(Mo–Fr 9–17 Uhr)', but only the number may stand after tel:; write tel:0800 123456, and '(Mo–Fr 9–17 Uhr)' in the text of the page",
        ])
        // Words without a number before them, or only an area code: no number was recognised.
        #expect(Self.errors("start: 2026-11-01\nparticipate: [\"tel:Hotline 0800 123456\", \"tel:0231 Zentrale\"]").allSatisfy { $0.hasSuffix("is no phone number; write it like tel:+49 231 50-12345") })
    }

    /// The address keeps the digits (and a leading +): spaces and slashes may not stand in one,
    /// and the "(0)" of a German number is not dialled from abroad.
    @Test func aPhoneNumbersAddressHoldsItsDigits() {
        #expect(PhoneNumber.href("+49 (0)231 50-12345") == "tel:+492315012345")
        #expect(PhoneNumber.href("0231 / 50 12 345") == "tel:02315012345")
        #expect(PhoneNumber.href("(0231) 5012345") == "tel:02315012345", "the area code in brackets")
        #expect(PhoneNumber.href("0231 50\u{2013}12345") == "tel:02315012345", "an en dash from a word processor")
        #expect(PhoneNumber.href("+(49) 231") == nil, "after + the country code")
        // The trunk 0 after +49 (or +43, +41) is dialled at home only: from abroad, and on a mobile, it fails.
        #expect(PhoneNumber.href("+49 0231 50-12345") == "tel:+492315012345")
        #expect(PhoneNumber.href("+41 044 123 45 67") == "tel:+41441234567")
        #expect(PhoneNumber.href("+39 06 1234 5678") == "tel:+390612345678", "Italy dials its 0")
        #expect(PhoneNumber.href("115") == "tel:115", "the public service number")
        #expect(PhoneNumber.href("12") == nil && PhoneNumber.href("+49 231 +5") == nil && PhoneNumber.href("0800-SMART") == nil)
    }

    @Test func missingRequiredKeys() {
        #expect(TestSupport.model(TestSupport.minimalSite.merging(["participation/p.md": "---\nformat: Umfrage\n---\nText.\n"]) { _, b in b }).1.errorMessages == [
            "content/participation/p.md:2: error: required key 'title' is missing; add e.g. title: \"…\"",
            "content/participation/p.md:2: error: required key 'start' is missing; add e.g. start: 2026-11-26T18:00:00+01:00",
        ])
    }

    @Test func endBeforeStartSuggestsAnEnd() {
        #expect(Self.errors("start: 2026-12-03T18:00:00+01:00\nend: 2026-12-02") == [
            "content/participation/p.md:4: error: end (2026-12-02) lies before start (2026-12-03T18:00:00+01:00); write an end after the start, e.g. 2026-12-03T20:00:00+01:00",
        ])
        // A date-only end on the start's day runs to midnight, as the README says: no error.
        #expect(Self.errors("start: 2027-02-05T10:00:00+01:00\nend: 2027-02-05").isEmpty)
        // An end mistyped into the past made it "over, but without results": the end's error is the one message.
        let past = Self.messages("start: 2026-10-15T09:00:00+02:00\nend: 2026-10-01\nparticipate: [mailto:a@example.org]")
        #expect(past.map(\.description) == [
            "content/participation/p.md:4: error: end (2026-10-01) lies before start (2026-10-15T09:00:00+02:00); write an end after the start, e.g. 2026-10-15T11:00:00+02:00",
        ], "\(past)")
    }

    @Test func anUnknownKeyGetsADidYouMean() {
        #expect(Self.messages("start: 2026-12-01\nsumary: Kurz\nparticipate: [mailto:a@example.org]").warningMessages == [
            "content/participation/p.md:4: warning: unknown key 'sumary', did you mean 'summary'?",
        ])
    }

    @Test func anUnknownFieldGetsADidYouMean() {
        #expect(Self.errors("start: 2026-12-01\nfields: [daten-und-plattform]\nparticipate: [mailto:a@example.org]") == [
            "content/participation/p.md:4: error: unknown field of action 'daten-und-plattform', did you mean 'daten-und-plattformen'?",
        ])
    }

    @Test func linksToMissingFilesNameTheNearestOne() {
        let lines = """
            start: 2026-11-01
            end: 2026-11-20
            participate:
              - link: ../events/2026/auftak.md
            results: ../posts/2025/ergebniss.md
            projects: [../projects/ap.md]
            """
        #expect(Self.errors(lines) == [
            "content/participation/p.md:6: error: participate link '../events/2026/auftak.md' does not exist; did you mean '../events/2026/auftakt.md'?",
            "content/participation/p.md:7: error: results '../posts/2025/ergebniss.md' does not exist; did you mean '../posts/2025/ergebnisse.md'?",
            "content/participation/p.md:8: error: project '../projects/ap.md' does not exist; did you mean '../projects/app.md'?",
        ])
    }

    @Test func aLinkToADraftOrToTheWrongKindSaysSo() {
        var extra = ["events/2026/geheim.md": Self.event.replacingOccurrences(of: "---\nText", with: "draft: true\n---\nText")]
        extra["pages/info.md"] = "---\ntitle: Info\n---\nText.\n"
        let lines = "start: 2026-11-01\nparticipate:\n  - link: ../events/2026/geheim.md\n  - link: ../pages/info.md"
        #expect(Self.errors(lines, extra: extra) == [
            "content/participation/p.md:5: error: participate link '../events/2026/geheim.md' is a draft and is not published; publish it or remove the link",
            "content/participation/p.md:6: error: participate link '../pages/info.md' is not an event; link an event's .md file",
        ])
    }

    @Test func participateLinksMustBeSafeAndNamed() {
        let lines = """
            start: 2026-11-01
            participate:
              - link: "https://beteiligung.example.org/u"
              - { label: "Umfrage", link: "http://beteiligung.example.org/u" }
              - { label: "Mail", link: "mailto:keine-adresse" }
              - { label: "Irgendwo", link: "beteiligung.example.org" }
            """
        #expect(Self.errors(lines) == [
            "content/participation/p.md:5: error: link 'https://beteiligung.example.org/u' has no label; add one that names where it leads, e.g. label: \"Zur Online-Umfrage\"",
            "content/participation/p.md:6: error: link 'http://beteiligung.example.org/u' is not encrypted; people enter personal data there, so write https://",
            "content/participation/p.md:7: error: 'mailto:keine-adresse' is no e-mail address; write it like mailto:smartcity@dortmund.de",
            "content/participation/p.md:8: error: 'link' is written 'beteiligung.example.org', without https://; write link: https://beteiligung.example.org",
        ])
    }

    /// `results: "#heading"` is checked against the text's own headings, `.md#heading` against the target's.
    @Test func resultsHeadingsMustExist() {
        let own = Self.errors("start: 2026-01-01\nend: 2026-02-01\nresults: \"#ergebniss\"", body: "Text.\n\n## Ergebnisse\n\nViel.\n")
        #expect(own == ["content/participation/p.md:5: error: results: '#ergebniss': there is no heading with the id 'ergebniss', did you mean '#ergebnisse'?"])
        let none = Self.errors("start: 2026-01-01\nend: 2026-02-01\nresults: \"#ergebnisse\"")
        #expect(none == ["content/participation/p.md:5: error: results: '#ergebnisse': there is no heading with the id 'ergebnisse' (the text has no headings; add e.g. ## Ergebnisse)"])
        let other = Self.errors("start: 2026-01-01\nend: 2026-02-01\nresults: ../posts/2025/ergebnisse.md#zahl")
        #expect(other == ["content/participation/p.md:5: error: results: '../posts/2025/ergebnisse.md#zahl': there is no heading with the id 'zahl', did you mean '#zahlen'?"])
        #expect(Self.errors("start: 2026-01-01\nend: 2026-02-01\nresults: ../posts/2025/ergebnisse.md#zahlen").isEmpty)
        #expect(Self.errors("start: 2026-01-01\nend: 2026-02-01\nresults: \"#ergebnisse\"", body: "## Ergebnisse\n\nViel.\n").isEmpty)
    }

    /// Results in a post planned for after the build's "now" were an error ("is dated in the
    /// future and is not published"), which failed the build for a plan. They are no error; a
    /// format that is over is told that its page shows no results until the post appears.
    @Test func resultsInAPostPlannedForLaterAreAPlan() {
        let later = ["posts/2027/ergebnisse.md": "---\ntitle: Was die Umfrage ergab\ndate: 2027-01-15T10:00:00+01:00\nsummary: S.\n---\n## Zahlen\n\nViele.\n"]
        let running = Self.messages("start: 2026-11-01\nend: 2026-12-15\nparticipate: [mailto:a@example.org]\nresults: ../posts/2027/ergebnisse.md", extra: later)
        #expect(running.isEmpty, "\(running)")
        let over = Self.messages("start: 2026-10-01\nend: 2026-11-01\nresults: ../posts/2027/ergebnisse.md#zahlen", extra: later)
        #expect(over.map(\.description) == [
            "content/participation/p.md:5: warning: results '../posts/2027/ergebnisse.md#zahlen' is dated 2027-01-15 and not published yet; until then the page of this finished participation links no results",
        ])
        // Its heading is checked all the same, today, not on the day it appears.
        #expect(Self.errors("start: 2026-10-01\nend: 2026-11-01\nresults: ../posts/2027/ergebnisse.md#zahl", extra: later) == [
            "content/participation/p.md:5: error: results: '../posts/2027/ergebnisse.md#zahl': there is no heading with the id 'zahl', did you mean '#zahlen'?",
        ])
        // A draft is no plan: nobody has said when it appears.
        let draft = ["posts/2027/ergebnisse.md": later["posts/2027/ergebnisse.md"]!.replacingOccurrences(of: "summary: S.", with: "summary: S.\ndraft: true")]
        #expect(Self.errors("start: 2026-10-01\nend: 2026-11-01\nresults: ../posts/2027/ergebnisse.md", extra: draft) == [
            "content/participation/p.md:5: error: results '../posts/2027/ergebnisse.md' is a draft and is not published; publish it or remove the link",
        ])
    }

    /// Until the post appears no page links it (the link would lead nowhere); from its day on, all do.
    @Test func resultsPlannedForLaterAreLinkedFromTheirDay() throws {
        var files = TestSupport.minimalSite
        files["participation/p.md"] = "---\ntitle: Beteiligung\nstart: 2026-10-01\nend: 2026-11-01\nresults: ../posts/2027/ergebnisse.md\n---\nText.\n"
        files["posts/2027/ergebnisse.md"] = "---\ntitle: Was die Umfrage ergab\ndate: 2027-01-15T10:00:00+01:00\nsummary: S.\n---\nViele.\n"
        let (report, sink) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.errorMessages.isEmpty, "\(report.diagnostics.errorMessages)")
        for page in ["mitmachen/p/index.html", "mitmachen/index.html", "mitmachen.json"] {
            #expect(try #require(sink.text(page)).contains("2027/ergebnisse") == false, "\(page)")
        }
        let (after, published) = TestSupport.buildInMemory(files, options: BuildOptions(now: DateTime.parse("2027-01-16T12:00:00+01:00")!))
        #expect(after.diagnostics.filter { $0.file.contains("participation") }.isEmpty, "\(after.diagnostics)")
        #expect(try #require(published.text("mitmachen/p/index.html")).contains("<a href=\"/blog/2027/ergebnisse/\">Ergebnisse: Was die Umfrage ergab</a>"))
    }

    /// A planned format showed "Ergebnisse: …" on its card, page and in the open data once the
    /// results post was out: the outcome of what nobody could take part in yet (most likely a
    /// start written wrong). Results are linked from the start on; before, the editor is told why
    /// at the line of `results`.
    @Test func resultsOfAFormatThatHasNotStartedAreNotShown() throws {
        var files = TestSupport.minimalSite
        files["participation/p.md"] = "---\ntitle: Beteiligung\nstart: 2027-02-01\nend: 2027-02-28\nparticipate: [mailto:a@example.org]\nresults: ../posts/2025/ergebnisse.md\n---\nText.\n"
        files["posts/2025/ergebnisse.md"] = "---\ntitle: Was die Umfrage ergab\ndate: 2025-01-10T10:00:00+01:00\nsummary: S.\n---\nViele.\n"
        let (report, sink) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.filter { $0.file.contains("participation") }.map(\.description) == [
            "/c/participation/p.md:6: warning: results '../posts/2025/ergebnisse.md' is not shown yet: results are linked once the participation has started (on 2027-02-01); if it has started already, correct 'start'",
        ])
        for page in ["mitmachen/p/index.html", "mitmachen/index.html", "mitmachen.json"] {
            #expect(try #require(sink.text(page)).contains("2025/ergebnisse") == false, "\(page)")
        }
        // From its start on, every page links them, without a word.
        let (started, published) = TestSupport.buildInMemory(files, options: BuildOptions(now: DateTime.parse("2027-02-01T00:00:00+01:00")!))
        #expect(started.diagnostics.filter { $0.file.contains("participation") }.isEmpty, "\(started.diagnostics)")
        #expect(try #require(published.text("mitmachen/p/index.html")).contains("<a href=\"/blog/2025/ergebnisse/\">Ergebnisse: Was die Umfrage ergab</a>"))
        #expect(try #require(published.text("mitmachen.json")).contains("https://example.org/blog/2025/ergebnisse/"))
        // A broken link is told as such, not as results waiting for the start.
        #expect(Self.errors("start: 2027-02-01\nparticipate: [mailto:a@example.org]\nresults: ../posts/2025/ergebniss.md").count == 1)
        #expect(!Self.messages("start: 2027-02-01\nparticipate: [mailto:a@example.org]\nresults: ../posts/2025/ergebniss.md").contains { $0.message.contains("not shown yet") })
    }

    /// `results: "#ergebnisse"` for the heading "Ergebnisse der Umfrage" gave no suggestion, and
    /// every page showing the results link (the list, the format's page) its own error against
    /// the built file, as the templates'.
    @Test func aBrokenResultsAnchorIsOneErrorAtItsLineWithTheHeadingMeant() {
        var files = TestSupport.minimalSite
        files["participation/p.md"] = "---\ntitle: Beteiligung\nstart: 2026-10-01\nend: 2026-11-01\nresults: \"#ergebnisse\"\n---\nText.\n\n## Ergebnisse der Umfrage\n\nViele.\n"
        let (report, _) = TestSupport.buildInMemory(files)
        #expect(report.diagnostics.errorMessages == [
            "/c/participation/p.md:5: error: results: '#ergebnisse': there is no heading with the id 'ergebnisse', did you mean '#ergebnisse-der-umfrage'?",
        ], "\(report.diagnostics.errorMessages)")
    }

    @Test func projectsAreFilesNotSlugs() {
        #expect(Self.errors("start: 2026-01-01\nparticipate: [mailto:a@example.org]\nprojects: [app]") == [
            "content/participation/p.md:5: error: 'app' in 'projects' is no file; link the file, e.g. ../projects/app.md",
        ])
    }

    @Test func anEventNamingAMissingParticipationGetsADidYouMean() {
        let extra = ["events/2026/auftakt.md": Self.event.replacingOccurrences(of: "location: Rathaus", with: "location: Rathaus\nparticipation: ../../participation/q.md")]
        #expect(Self.errors("start: 2026-11-01\nparticipate: [mailto:a@example.org]", extra: extra) == [
            "content/events/2026/auftakt.md:5: error: participation '../../participation/q.md' does not exist; did you mean '../../participation/p.md'?",
        ])
    }

    /// `participation: auftakt-umfrage` (the format's name, not its file) was "the participation
    /// format '../../events/2026/auftakt-umfrage' does not exist", a path the editor never wrote.
    @Test func anEventNamingAFormatByItsNameIsToldToLinkTheFile() {
        let extra = ["events/2026/auftakt.md": Self.event.replacingOccurrences(of: "location: Rathaus", with: "location: Rathaus\nparticipation: p")]
        #expect(Self.errors("start: 2026-11-01\nparticipate: [mailto:a@example.org]", extra: extra) == [
            "content/events/2026/auftakt.md:5: error: 'p' in 'participation' is no file; link the file, e.g. ../../participation/p.md",
        ])
    }

    /// The idea pool's address belongs to the site; a format named like it would take it.
    @Test func aFormatCannotTakeTheIdeaPoolsAddress() {
        let files = TestSupport.minimalSite.merging(["participation/ideenpool.md": "---\ntitle: Ideen\nstart: 2026-01-01\n---\nText.\n"]) { _, b in b }
        #expect(TestSupport.model(files).1.errorMessages == [
            "content/participation/ideenpool.md: error: address /mitmachen/ideenpool/ is already used by the site's own mitmachen/ideenpool/ section; rename this file",
        ])
    }

    /// While one can take part the page needs a way to do so; once it is over, its results.
    @Test func whatIsForgottenIsAWarningThatDependsOnTheStatus() {
        #expect(Self.messages("start: 2026-11-01").warningMessages == [
            "content/participation/p.md:4: warning: participation has no 'participate' entry, so its page cannot say how to take part; add e.g. participate: [{ label: \"Zur Umfrage\", link: https://… }]",
        ])
        #expect(Self.messages("start: 2026-10-01\nend: 2026-11-01").warningMessages == [
            "content/participation/p.md:5: warning: participation is over, but has no 'results'; add the .md file of a post or page, an https address or '#heading' of its text, so people learn what came of it",
        ])
        #expect(Self.messages("start: 2026-10-01\nend: 2026-11-01\nstatus: abgesagt").isEmpty, "a cancelled format needs neither")
        // Entries that are all unusable have their own errors: not also "has no entry".
        let broken = Self.messages("start: 2026-11-01\nparticipate: [tel:Zentrale, ftp://x.example.org]")
        #expect(!broken.warningMessages.contains { $0.contains("has no 'participate' entry") } && !broken.errorMessages.isEmpty, "\(broken)")
    }

    /// The blank entry `sitegen new` writes (`label: ""`, `link: ""`) counted as written: a format
    /// published without filling it in had no way to take part, and no warning said so.
    @Test func onlyBlankEntriesAreAsGoodAsNone() {
        let lines = "start: 2026-11-01\nparticipate:\n  - label: \"\"\n    link: \"\""
        #expect(Self.messages(lines).warningMessages == [
            "content/participation/p.md:4: warning: participation has no 'participate' entry, so its page cannot say how to take part; add e.g. participate: [{ label: \"Zur Umfrage\", link: https://… }]",
        ], "\(Self.messages(lines))")
    }

    /// `sitegen new participation` writes a draft whose blank entry is not an error yet.
    @Test func theSkeletonOfSitegenNewIsValid() {
        let text = NewContent.text(for: .participation, title: "Umfrage zur App", now: TestSupport.now)
        #expect(text.contains("start: 2026-11-26\nend: 2026-12-24\n"))
        #expect(NewContent.path(for: .participation, slug: "umfrage-zur-app", now: TestSupport.now) == "participation/umfrage-zur-app.md")
        let files = TestSupport.minimalSite.merging(["participation/umfrage-zur-app.md": text]) { _, b in b }
        let (site, d) = TestSupport.model(files, options: BuildOptions(now: TestSupport.now, drafts: true))
        #expect(d.errorMessages.isEmpty, "\(d.errorMessages)")
        #expect(site?.participation.first?.draft == true)
    }

    @Test func siteYmlIdeasMustBeReachable() {
        var files = TestSupport.minimalSite
        files["site.yml"] = "title: Test\nbase_url: https://example.org/\nideas:\n  email: ideen\n  form: http://example.org/form\n"
        #expect(TestSupport.model(files).1.errorMessages == [
            "content/site.yml:4: error: ideas.email 'ideen' is no e-mail address; write it like ideen@dortmund.de (without mailto:)",
            "content/site.yml:5: error: ideas.form 'http://example.org/form' is not encrypted; people enter personal data there, so write https://",
        ])
    }

    /// A license without its address gave the open data `"dct:license": {"@id": ""}` and
    /// `"url": ""` without a word.
    @Test func theLicenseNeedsItsAddress() {
        var files = TestSupport.minimalSite
        files["site.yml"] = "title: Test\nbase_url: https://example.org/\nlicense:\n  name: Datenlizenz Deutschland – Namensnennung – Version 2.0\n"
        #expect(TestSupport.model(files).1.errorMessages == ["content/site.yml:4: error: required key 'url' is missing; add e.g. url: https://www.govdata.de/dl-de/by-2-0"])
    }

    /// Without ideas:, the idea pool sends ideas to the publisher's address: 'smartcity(at)example.org'
    /// went into its mailto: link (and the open data's contact) without a word.
    @Test func thePublishersEmailMustBeAnEmailAddress() {
        var files = TestSupport.minimalSite
        files["site.yml"] = "title: Test\nbase_url: https://example.org/\npublisher:\n  name: Stadt\n  email: smartcity(at)example.org\n"
        let (site, d) = TestSupport.model(files)
        #expect(d.errorMessages == ["content/site.yml:5: error: publisher.email 'smartcity(at)example.org' is no e-mail address; write it like smartcity@dortmund.de (without mailto:)"])
        #expect(site?.config.publisher.email == nil)
    }
}
