import Testing
@testable import SiteGen

@Suite struct ModelTests {
    func model(_ extra: [String: String], options: BuildOptions = BuildOptions(now: TestSupport.now)) -> (Site?, [Diagnostic]) {
        TestSupport.model(TestSupport.minimalSite.merging(extra) { _, b in b }, options: options)
    }

    @Test func unknownKeySuggestsTheNearest() {
        let (_, d) = model(["posts/2025/a.md": "---\ntitle: A\ndate: 2025-01-01T10:00:00+01:00\nsumary: x\n---\n"])
        #expect(d.warningMessages.contains("content/posts/2025/a.md:4: warning: unknown key 'sumary', did you mean 'summary'?"))
    }

    @Test func wrongTypesAndValuesNameTheLine() {
        let (_, d) = model([
            "posts/2025/a.md": "---\ntitle: A\ndate: morgen\n---\n",
            "projects/p.md": "---\ntitle: P\nstatus: fertig\nfields: energie-und-umwelt\n---\n",
        ])
        #expect(d.errorMessages.contains("content/posts/2025/a.md:3: error: 'date' must be a date like 2026-11-26T10:00:00+01:00, but is 'morgen'"))
        #expect(d.errorMessages.contains { $0.hasPrefix("content/projects/p.md:3: error: status must be one of idee, planung, umsetzung, abgeschlossen, but is 'fertig'") })
        #expect(d.errorMessages.contains("content/projects/p.md:4: error: 'fields' must be a list, e.g. fields: [energie-und-umwelt]"))
    }

    /// A field named by its title: the list's example was the title in brackets, refused again
    /// in the next run, and `Daten & Plattformen` got no suggestion at all.
    @Test func aFieldWrittenByItsTitleIsToldItsAddress() {
        let (_, d) = model(TestSupport.minimalSite.merging([
            "posts/2025/a.md": "---\ntitle: A\ndate: 2025-01-01\nsummary: S\nfields: Energie und Umwelt, Daten & Plattformen\n---\n",
            "posts/2025/b.md": "---\ntitle: B\ndate: 2025-01-01\nsummary: S\nfields: [Daten & Plattformen]\n---\n",
        ]) { $1 })
        #expect(d.errorMessages.sorted() == [
            "content/posts/2025/a.md:5: error: 'fields' must be a list, e.g. fields: [energie-und-umwelt, daten-und-plattformen]",
            "content/posts/2025/b.md:5: error: unknown field of action 'Daten & Plattformen', did you mean 'daten-und-plattformen'?",
        ], "\(d.errorMessages)")
    }

    /// An event's wrong status got the list of statuses only; a project's got the nearest too.
    @Test func aWrongEventStatusSuggestsTheNearest() {
        let (_, d) = model(["events/2026/e.md": "---\ntitle: E\nstart: 2026-12-01\nlocation: Rathaus\nstatus: Abgesagt!\n---\n"])
        #expect(d.errorMessages == ["content/events/2026/e.md:5: error: status must be one of geplant, abgesagt, verschoben, but is 'Abgesagt!'; did you mean 'abgesagt'?"],
                "\(d.errorMessages)")
    }

    @Test func missingRequiredKey() {
        let (_, d) = model(["events/2026/e.md": "---\ntitle: E\n---\n"])
        #expect(d.errorMessages.contains { $0.hasPrefix("content/events/2026/e.md:2: error: required key 'start' is missing") })
    }

    @Test func unknownFieldSlugSuggestsOne() {
        let (_, d) = model(["posts/2025/a.md": "---\ntitle: A\ndate: 2025-01-01T10:00:00+01:00\nfields: [energie-und-umweld]\n---\n"])
        #expect(d.errorMessages.contains { $0.contains("unknown field of action 'energie-und-umweld', did you mean 'energie-und-umwelt'?") })
        // One word of a field's address (an editor's shorthand) names the one field that has it.
        let (_, short) = model(["posts/2025/a.md": "---\ntitle: A\ndate: 2025-01-01T10:00:00+01:00\nfields: [energie, Umwelt, und]\n---\n"])
        #expect(short.errorMessages.contains { $0.contains("unknown field of action 'energie', did you mean 'energie-und-umwelt'?") })
        #expect(short.errorMessages.contains { $0.contains("unknown field of action 'Umwelt', did you mean 'energie-und-umwelt'?") })
        // A word many fields share names none of them.
        #expect(short.errorMessages.contains { $0.contains("unknown field of action 'und'; known fields are in content/fields/") })
    }

    @Test func draftsAndFuturePostsAreLeftOutUnlessAsked() throws {
        let files = [
            "posts/2025/a.md": "---\ntitle: A\ndate: 2025-01-01T10:00:00+01:00\n---\n",
            "posts/2025/draft.md": "---\ntitle: D\ndate: 2025-01-01T10:00:00+01:00\ndraft: true\n---\n",
            "posts/2027/future.md": "---\ntitle: F\ndate: 2027-01-01T10:00:00+01:00\n---\n",
        ]
        let site = try #require(model(files).0)
        #expect(site.posts.map(\.slug) == ["a"])
        let all = try #require(model(files, options: BuildOptions(now: TestSupport.now, drafts: true, future: true)).0)
        #expect(Set(all.posts.map(\.slug)) == ["a", "draft", "future"])
    }

    @Test func eventsSplitAtNow() throws {
        let site = try #require(model([
            "events/2026/past.md": "---\ntitle: P\nstart: 2026-11-25T18:00:00+01:00\nonline: https://example.org/\n---\n",
            "events/2026/running.md": "---\ntitle: R\nstart: 2026-11-26T10:00:00+01:00\nend: 2026-11-26T14:00:00+01:00\nonline: https://example.org/\n---\n",
            "events/2026/later.md": "---\ntitle: L\nstart: 2026-12-01T18:00:00+01:00\nonline: https://example.org/\n---\n",
            "events/2025/old.md": "---\ntitle: O\nstart: 2025-01-01T18:00:00+01:00\nonline: https://example.org/\n---\n",
        ]).0)
        #expect(site.upcomingEvents.map(\.slug) == ["running", "later"])
        #expect(site.pastEvents.map(\.slug) == ["past", "old"])
    }

    @Test func endBeforeStartIsAnError() {
        let (_, d) = model(["events/2026/e.md": "---\ntitle: E\nstart: 2026-12-01T18:00:00+01:00\nend: 2026-12-01T17:00:00+01:00\nonline: https://x.org/\n---\n"])
        #expect(d.errorMessages.contains { $0.contains("end (2026-12-01T17:00:00+01:00) lies before start") })
    }

    @Test func twoFilesOnOneAddressAreAnError() {
        let (_, d) = model([
            "posts/2025/a.md": "---\ntitle: A\ndate: 2025-01-01T10:00:00+01:00\n---\n",
            "posts/2025/A.md": "---\ntitle: A2\ndate: 2025-02-01T10:00:00+01:00\n---\n",
            "pages/blog.md": "---\ntitle: Blog-Seite\n---\n",
        ])
        #expect(d.errorMessages.contains { $0.contains("address /blog/2025/a/ is already used by") })
        #expect(d.errorMessages.contains { $0.hasPrefix("content/pages/blog.md: error: address /blog/ is already used by the site's own blog/ section") })
    }

    /// A copy in a subfolder (`posts/2025/archiv/`), or a file in another year's folder (its
    /// address comes from its date), takes the address of the file in its right place; the message
    /// told the editor to rename the well-placed file, not the misplaced one.
    @Test func theMisplacedFileIsTheOneToRename() {
        for (misplacedPost, misplacedEvent, year) in [("posts/2025/archiv/zukunft.md", "events/alt/treffen.md", 2025),
                                                      ("posts/2025/zukunft.md", "events/2025/treffen.md", 2026)] {
            let post = "---\ntitle: Z\ndate: \(year)-01-01T10:00:00+01:00\n---\n"
            let event = "---\ntitle: E\nstart: \(year)-12-01T18:00:00+01:00\nonline: https://x.org/\n---\n"
            let files = [misplacedPost: post, "posts/\(year)/zukunft.md": post, misplacedEvent: event, "events/\(year)/treffen.md": event]
            #expect(model(files).1.errorMessages.filter { $0.contains("is already used by") }.sorted() == [
                "content/\(misplacedEvent): error: address /veranstaltungen/\(year)/treffen/ is already used by content/events/\(year)/treffen.md; rename this file",
                "content/\(misplacedPost): error: address /blog/\(year)/zukunft/ is already used by content/posts/\(year)/zukunft.md; rename this file",
            ])
        }
    }

    /// A project with a wrong status was left out of the site, so its unknown field showed only
    /// after the editor had fixed the status and built again (helper 28's finding).
    @Test func aWrongProjectStatusDoesNotHideTheFilesOtherMistakes() {
        let (_, d) = model(["projects/p.md": "---\ntitle: P\nstatus: fertig\nfields: [enrgie-und-umwelt]\n---\nText.\n"])
        #expect(d.errorMessages.contains { $0.hasPrefix("content/projects/p.md:3: error: status must be one of") }, "\(d.errorMessages)")
        #expect(d.errorMessages.contains { $0.contains("enrgie-und-umwelt") && $0.contains("did you mean 'energie-und-umwelt'") }, "\(d.errorMessages)")
    }

    /// An item without its title or date was left out of the site, so its other mistakes showed
    /// only after the editor had added the missing line and built again.
    @Test func aMissingTitleOrDateDoesNotHideTheFilesOtherMistakes() {
        let files = [
            "posts/2025/ohne-titel.md": "---\ndate: 2025-03-01\nfields: [enrgie-und-umwelt]\n---\nText.\n",
            // In a year still to come: a stand-in date does not make it a post withheld until then.
            "posts/2027/ohne-datum.md": "---\ntitle: Später\nfields: [daten-und-plattform]\n---\nText.\n",
            "events/2026/ohne-beginn.md": "---\ntitle: Treffen\nlocation: Rathaus\nfields: [enrgie]\n---\nText.\n",
            "projects/ohne-titel.md": "---\nstatus: idee\nfields: [energie-umwelt]\n---\nText.\n",
        ]
        let (site, d) = model(TestSupport.minimalSite.merging(files) { $1 })
        let errors = d.errorMessages
        for (file, key, fieldLine) in [("posts/2025/ohne-titel.md", "title", 3), ("posts/2027/ohne-datum.md", "date", 3),
                                       ("events/2026/ohne-beginn.md", "start", 4), ("projects/ohne-titel.md", "title", 3)] {
            #expect(errors.contains { $0.hasPrefix("content/\(file):2: error: required key '\(key)' is missing") }, "\(errors)")
            #expect(errors.contains { $0.hasPrefix("content/\(file):\(fieldLine): error: unknown field of action") }, "\(file): \(errors)")
        }
        #expect(errors.count == 8, "\(errors)")
        // No message about a stand-in value: its year agrees with the folder, nothing is "future".
        #expect(d.warningMessages.allSatisfy { !$0.contains("lies in the folder") && !$0.contains("2000") }, "\(d.warningMessages)")
        #expect(site?.withheld.isEmpty == true)
    }

    /// A key written under another name (`ort:` for `location:`) was two warnings: the unknown
    /// key, and that the item has no location. The first says what to do; it is the one.
    @Test func aMisnamedKeyIsOneWarningNotAlsoAMissingOne() {
        let (_, d) = model(TestSupport.minimalSite.merging([
            "posts/2025/a.md": "---\ntitle: A\ndate: 2025-03-01\nzusammenfassung: Kurz\n---\nText.\n",
            "events/2026/e.md": "---\ntitle: E\nstart: 2026-03-01\nort: Rathaus\n---\nText.\n",
            "projects/p.md": "---\ntitle: P\nstatus: idee\nfelder: [energie-und-umwelt]\n---\nText.\n",
            "participation/u.md": "---\ntitle: U\nstart: 2026-01-01\nformat: umfrage\nmitmachen: [{ label: Los, link: \"https://example.org/\" }]\n---\nText.\n",
        ]) { $1 })
        #expect(d.warningMessages.filter { !$0.contains("required page") }.sorted() == [
            "content/events/2026/e.md:4: warning: unknown key 'ort', did you mean 'location'?",
            "content/participation/u.md:5: warning: unknown key 'mitmachen', did you mean 'participate'?",
            "content/posts/2025/a.md:4: warning: unknown key 'zusammenfassung', did you mean 'summary'?",
            "content/projects/p.md:4: warning: unknown key 'felder', did you mean 'fields'?",
        ], "\(d.warningMessages)")
    }

    /// A field without its number stays too: every item naming it reported an unknown field.
    @Test func aFieldWithoutItsNumberIsStillAField() {
        let (_, d) = model(TestSupport.minimalSite.merging([
            "fields/bildung.md": "---\ntitle: Bildung\n---\nText.\n",
            "fields/kultur.md": "---\ntitle: Kultur\n---\nText.\n",
            "posts/2025/a.md": "---\ntitle: A\ndate: 2025-03-01\nsummary: S\nfields: [bildung, kultur]\n---\nText.\n",
        ]) { $1 })
        #expect(d.errorMessages.sorted() == [
            "content/fields/bildung.md:2: error: required key 'order' is missing; add e.g. order: 1",
            "content/fields/kultur.md:2: error: required key 'order' is missing; add e.g. order: 1",
        ], "\(d.errorMessages)")
        #expect(!d.warningMessages.contains { $0.contains("also used by") }, "\(d.warningMessages)")
    }

    /// A build with a stand-in fails (so nothing of it is published), and still reports the file's broken link.
    @Test func anItemWithAStandInFailsTheBuildAndShowsItsBrokenLink() {
        let (report, _) = TestSupport.buildInMemory(minimalSiteWith: [
            "posts/2025/a.md": "---\ndate: 2025-03-01\nsummary: S\n---\n[Plan](gibt-es-nicht.md)\n",
        ])
        #expect(!report.succeeded)
        #expect(report.diagnostics.errorMessages.contains { $0.hasPrefix("/c/posts/2025/a.md:2: error: required key 'title' is missing") })
        #expect(report.diagnostics.errorMessages.contains { $0.hasPrefix("/c/posts/2025/a.md:5: error: ") && $0.contains("gibt-es-nicht.md") },
                "\(report.diagnostics.errorMessages)")
    }

    /// Signing up by e-mail is common for a city's events; `registration: mailto:…` was refused as
    /// "must be a web address starting with https://" (participate links take mailto:).
    @Test func anEventsRegistrationMayBeAnEmailAddress() throws {
        func event(_ registration: String) -> (Site?, [Diagnostic]) {
            model(["events/2026/e.md": "---\ntitle: E\nstart: 2026-12-01T18:00:00+01:00\nonline: https://x.org/\nregistration: \"\(registration)\"\n---\n"])
        }
        let (site, d) = event("mailto:anmeldung@dortmund.de")
        #expect(d.errorMessages.isEmpty, "\(d.errorMessages)")
        #expect(try #require(site).events.first?.registration == "mailto:anmeldung@dortmund.de")
        #expect(event("mailto:anmeldung(at)dortmund.de").1.errorMessages == ["content/events/2026/e.md:5: error: 'mailto:anmeldung(at)dortmund.de' is no e-mail address; write it like mailto:smartcity@dortmund.de"])
        #expect(event("http://x.org/anmeldung").1.errorMessages.count == 1, "http stays refused")
    }

    /// Signing up by phone is as common: `registration: tel:…` was refused as "must be a web address".
    @Test func anEventsRegistrationMayBeAPhoneNumber() throws {
        func event(_ registration: String) -> (Site?, [Diagnostic]) {
            model(["events/2026/e.md": "---\ntitle: E\nstart: 2026-12-01T18:00:00+01:00\nlocation: Rathaus\nregistration: \"\(registration)\"\n---\n"])
        }
        let (site, d) = event("tel:0231 50-12345")
        #expect(d.errorMessages.isEmpty, "\(d.errorMessages)")
        let e = try #require(site?.events.first)
        #expect(e.registration == "tel:02315012345" && e.registrationPhone == "0231 50-12345")
        #expect(event("0231 50-12345").1.errorMessages == ["content/events/2026/e.md:5: error: '0231 50-12345' looks like a phone number; write it as tel:0231 50-12345"])
        #expect(event("tel:Zentrale").1.errorMessages == ["content/events/2026/e.md:5: error: 'tel:Zentrale' is no phone number; write it like tel:+49 231 50-12345"])
        // Written as on a letterhead, or without mailto:: the message says how, not "https only".
        #expect(event("Tel. 0231 50-12345").1.errorMessages == ["content/events/2026/e.md:5: error: 'Tel. 0231 50-12345' looks like a phone number; write it as tel:0231 50-12345"])
        #expect(event("anmeldung@dortmund.de").1.errorMessages == ["content/events/2026/e.md:5: error: 'anmeldung@dortmund.de' looks like an e-mail address; write it as mailto:anmeldung@dortmund.de"])
        // As printed on a flyer, without https:// ('must be a web address …', without the fix).
        #expect(event("www.dortmund.de/anmeldung").1.errorMessages == ["content/events/2026/e.md:5: error: 'registration' is written 'www.dortmund.de/anmeldung', without https://; write registration: https://www.dortmund.de/anmeldung"])
        let format = model(["participation/p.md": "---\ntitle: P\nstart: 2026-12-01\nparticipate:\n  - { label: Umfrage, link: www.beteiligung.example.org/u }\n---\n"])
        #expect(format.1.errorMessages == ["content/participation/p.md:5: error: 'link' is written 'www.beteiligung.example.org/u', without https://; write link: https://www.beteiligung.example.org/u"])
        // Without www. too; a file name is no address to put https:// before.
        #expect(event("anmeldung.dortmund.de/open-data").1.errorMessages == ["content/events/2026/e.md:5: error: 'registration' is written 'anmeldung.dortmund.de/open-data', without https://; write registration: https://anmeldung.dortmund.de/open-data"])
        #expect(!event("anmeldung.md").1.errorMessages.contains { $0.contains("without https://") })
        #expect(event("im Bürgerbüro").1.errorMessages == ["content/events/2026/e.md:5: error: 'registration' must be a web address (https://…), an e-mail address (mailto:…) or a phone number (tel:…), but is 'im Bürgerbüro'"])
    }

    /// A mistyped required key (`titel:`, `datum:`) is an error, and the file is read on with the
    /// value written there: its other mistakes show in the same run (a mistyped field came only
    /// after the editor had fixed the title and built again).
    @Test func aMistypedRequiredKeyDoesNotHideTheFilesOtherMistakes() {
        let (_, d) = model(["posts/2026/a.md": "---\ntitel: Ein Beitrag\ndatum: 2026-11-20T10:00:00+01:00\nfields: [enrgie-und-umwelt]\n---\nText.\n"])
        #expect(d.errorMessages.contains("content/posts/2026/a.md:2: error: required key 'title' is written 'titel'; rename it to title:"))
        #expect(d.errorMessages.contains("content/posts/2026/a.md:3: error: required key 'date' is written 'datum'; rename it to date:"))
        // One message each: "unknown key 'titel', did you mean 'title'?" said the same again.
        #expect(!d.contains { $0.message.hasPrefix("unknown key") }, "\(d)")
        #expect(d.errorMessages.contains { $0.contains("enrgie-und-umwelt") && $0.contains("did you mean 'energie-und-umwelt'") }, "\(d.errorMessages)")
    }

    /// `updated` before `date` (a typo in the year, a copied file) gave JSON-LD a dateModified
    /// before datePublished and feeds a change before the post appeared, without a word.
    @Test func updatedBeforeDateIsWarnedAbout() {
        func warnings(_ date: String, _ updated: String) -> [String] {
            model(["posts/2025/a.md": "---\ntitle: A\ndate: \(date)\nupdated: \(updated)\nsummary: x\n---\n"]).1
                .map(\.description).filter { $0.contains("updated") }
        }
        #expect(warnings("2025-05-20T10:00:00+02:00", "2024-05-21") == [
            "content/posts/2025/a.md:4: warning: updated (2024-05-21) lies before date (2025-05-20T10:00:00+02:00); write the day of the last change, or remove the line",
        ])
        #expect(warnings("2025-05-20T10:00:00+02:00", "2025-05-20").isEmpty, "the same day")
        #expect(warnings("2025-05-20", "2025-05-20T09:00:00+02:00").isEmpty)
        #expect(warnings("2025-05-20T10:00:00+02:00", "2025-05-20T10:00:00+02:00").isEmpty)
        #expect(warnings("2025-05-20T10:00:00+02:00", "2025-05-20T09:59:00+02:00").count == 1)
    }

    /// An `updated` in the future (2027 typed for 2026) made feeds, calendars and the page say the
    /// item changed on a day still to come. Today's date is no typo.
    @Test func updatedInTheFutureIsWarnedAbout() {
        let options = BuildOptions(now: DateTime.parse("2026-11-26T12:00:00+01:00")!)
        let (_, d) = model(["posts/2025/a.md": "---\ntitle: A\ndate: 2025-05-20\nupdated: 2027-11-20\nsummary: x\n---\n",
                            "events/2026/e.md": "---\ntitle: E\nstart: 2026-12-20T18:00:00+01:00\nonline: https://meet.example.org/e\nupdated: 2026-11-26T18:00:00+01:00\n---\n",
                            "projects/p.md": "---\ntitle: P\nstatus: planung\nupdated: 2026-11-26\n---\n"], options: options)
        let future = d.map(\.description).filter { $0.contains("in the future") }
        #expect(future == [
            "content/posts/2025/a.md:4: warning: updated (2027-11-20) lies in the future (the build's day is 2026-11-26); write the day of the last change",
            "content/events/2026/e.md:5: warning: updated (2026-11-26T18:00:00+01:00) lies in the future (the build's day is 2026-11-26); write the day of the last change",
        ], "\(future)")
    }

    /// The strategy's PDF with a typo in its name said only that it is not there.
    @Test func aMisspelledStrategyPDFSuggestsTheFileMeant() {
        let (_, d) = model(["strategy.md": "---\ntitle: Strategie\npdf: downloads/strategie-2023.pdf\n---\nText.\n",
                            "downloads/Strategie_2023.pdf": "%PDF-1.4\n", "downloads/flyer.pdf": "%PDF-1.4\n"])
        #expect(d.errorMessages == ["content/strategy.md:3: error: pdf 'downloads/strategie-2023.pdf' does not exist under content/; did you mean 'downloads/Strategie_2023.pdf'?"],
                "\(d.errorMessages)")
    }

    @Test func projectsSortInGermanOrder() throws {
        let site = try #require(model([
            "projects/z.md": "---\ntitle: Zukunft\nstatus: idee\nfields: [daten-und-plattformen]\n---\n",
            "projects/oe.md": "---\ntitle: Öffentliches WLAN\nstatus: idee\nfields: [daten-und-plattformen]\n---\n",
            "projects/p.md": "---\ntitle: Parken\nstatus: idee\nfields: [daten-und-plattformen]\n---\n",
        ]).0)
        #expect(site.projects.map(\.title) == ["Öffentliches WLAN", "Parken", "Zukunft"])
    }

    @Test func missingRequiredPagesAreWarnings() {
        let (_, d) = model([:])
        #expect(d.warningMessages.contains { $0.contains("required page 'Impressum' is missing") })
        #expect(d.warningMessages.contains { $0.contains("required page 'Gebärdensprache' is missing") })
    }

    @Test func siteYAMLProblems() {
        let fsMissing = MemoryFileSystem(["/c/fields/a.md": "---\ntitle: A\norder: 1\n---\n"])
        let loaded = ContentLoader(fileSystem: fsMissing, root: "/c", displayRoot: "content").load()
        #expect(loaded.diagnostics.errorMessages.contains { $0.hasPrefix("content/site.yml: error: site.yml is missing") })

        let (_, empty) = model(["site.yml": ""])
        #expect(empty.errorMessages.contains { $0.contains("site.yml is empty") })
        let (_, broken) = model(["site.yml": "title: [unclosed\n"])
        #expect(broken.errorMessages.contains("content/site.yml:1: error: the list opened with [ in line 1 is not closed; end it with ] on the same line, e.g. fields: [a, b]"), "\(broken.errorMessages)")
        let (_, other) = model(["site.yml": "title: Test\n  base_url: x\n"])
        // An indented key under one with a value is named with the fix (it was a bare syntax error).
        #expect(other.errorMessages.contains("content/site.yml:2: error: 'base_url' is indented, so YAML reads it as more of the value of 'title' above; remove the spaces before base_url:"),
                "\(other.errorMessages)")
    }

    /// The skeleton of `sitegen new event` leaves the location's name and address empty to fill in.
    @Test func anEmptyLocationIsNoLocation() throws {
        var files = TestSupport.minimalSite
        files["events/2026/treffen.md"] = NewContent.text(for: .event, title: "Treffen", now: TestSupport.now)
        let (site, diagnostics) = TestSupport.model(files, options: BuildOptions(now: TestSupport.now, drafts: true))
        #expect(try #require(site).events.first?.location == nil)
        #expect(diagnostics.warningMessages.contains(
            "content/events/2026/treffen.md:5: warning: event has neither a location nor an online address; add 'location' or 'online'"))
        files["events/2026/treffen.md"] = "---\ntitle: Treffen\nstart: 2026-12-01T10:00:00+01:00\nlocation:\n  name: Rathaus\n  address: \"\"\n---\n"
        let (withName, _) = TestSupport.model(files)
        #expect(try #require(withName).events.first?.location?.name == "Rathaus")
    }

    /// A field that is a draft is named as such, not as unknown. One that cannot be read has its
    /// own error; the items that name it get no message more (one per item buried the cause).
    @Test func aFieldThatIsNotPublishedIsNamedAsSuch() throws {
        var files = TestSupport.minimalSite
        files["fields/energie-und-umwelt.md"] = "---\ntitle: Energie und Umwelt\norder: 2\ndraft: true\n---\nText.\n"
        files["fields/broken.md"] = "---\ntitle: [kaputt\n---\nText.\n"
        files["posts/2025/a.md"] = "---\ntitle: A\ndate: 2025-03-01T10:00:00+01:00\nfields: [energie-und-umwelt, broken]\n---\n[Feld](../../fields/broken.md)\n"
        let (_, diagnostics) = TestSupport.model(files)
        let messages = diagnostics.errorMessages.filter { $0.hasPrefix("content/posts/") }
        #expect(messages == [
            "content/posts/2025/a.md:4: error: field of action 'energie-und-umwelt' is a draft (content/fields/energie-und-umwelt.md); publish it, or remove it from 'fields'",
        ])
        #expect(diagnostics.errorMessages.contains { $0.hasPrefix("content/fields/broken.md:") }, "\(diagnostics.errorMessages)")
    }

    @Test func langMustBeALanguageCode() throws {
        var files = TestSupport.minimalSite
        files["site.yml"] = "title: Test\nbase_url: https://example.org/\nlanguage: deutsch\n"
        files["posts/2025/a.md"] = "---\ntitle: A\ndate: 2025-03-01T10:00:00+01:00\nlang: english\n---\nText\n"
        files["posts/2025/b.md"] = "---\ntitle: B\ndate: 2025-03-01T10:00:00+01:00\nlang: EN\n---\nText\n"
        files["pages/c.md"] = "---\ntitle: C\nlang: de-CH-1996\n---\nText\n"
        let (site, diagnostics) = TestSupport.model(files)
        #expect(diagnostics.errorMessages.sorted() == [
            "content/posts/2025/a.md:4: error: 'lang' must be a language code, not the language's name ('english'); write lang: en",
            "content/site.yml:3: error: 'language' must be a language code, not the language's name ('deutsch'); write language: de",
        ])
        let s = try #require(site)
        #expect(s.config.language == "de")
        #expect(s.posts.first { $0.slug == "b" }?.lang == "EN")
        #expect(s.pages.first?.lang == "de-CH-1996")
        for bad in ["", "d", "english", "de_DE", "de-", "-de", "de--CH", "dé", "de-abcdefghi"] { #expect(!FrontMatterReader.isLanguageCode(bad), "\(bad)") }
    }

    @Test func eventTimesThatWouldBeShownOtherwiseThanWrittenAreWarnedAbout() throws {
        var files = TestSupport.minimalSite
        let event = { (start: String, end: String?) in
            "---\ntitle: T\nstart: \(start)\n" + (end.map { "end: \($0)\n" } ?? "") + "online: https://example.org/\n---\n"
        }
        files["events/2026/sommerzeit.md"] = event("2026-12-05T10:00:00+02:00", nil)
        files["events/2026/richtig.md"] = event("2026-12-05T10:00:00+01:00", "2026-12-05T12:00Z")
        files["events/2026/sommer.md"] = event("2026-07-05T10:00+0200", nil)
        files["events/2026/tippfehler.md"] = event("1026-12-05T10:00:00+01:00", nil)
        files["events/2026/ganztags.md"] = event("2026-12-06", "2026-12-06T18:00:00+01:00")
        files["events/2026/ende-ohne-zeit.md"] = event("2026-12-07T10:00:00+01:00", "2026-12-07")
        files["events/2026/mehrtaegig.md"] = event("2026-12-08T10:00:00+01:00", "2026-12-10")
        let (_, diagnostics) = TestSupport.model(files)
        let messages = diagnostics.map(\.description).filter { $0.contains("content/events/") }.sorted()
        #expect(messages == [
            "content/events/2026/ende-ohne-zeit.md:4: error: end (2026-12-07) is a date without a time, so it lies before start (2026-12-07T10:00:00+01:00); write end with its time, e.g. 2026-12-07T12:00:00+01:00",
            "content/events/2026/ganztags.md:3: warning: start is a date without a time, so the end's time (18:00) is not shown; give start its time too, e.g. 2026-12-06T10:00:00+01:00",
            "content/events/2026/sommerzeit.md:3: warning: 'start' is written with the offset +02:00, but Berlin time on 2026-12-05 has +01:00, so it is shown as 09:00; write 2026-12-05T10:00:00+01:00 if 10:00 is meant",
            "content/events/2026/tippfehler.md:3: warning: event starts in 1026 but lies in the folder 2026; its address uses 1026",
        ])
        #expect(DateTime.writtenOffset("2026-12-05T10:00:00-05:30")! == (-19800, "2026-12-05T10:00:00"))
        #expect(DateTime.writtenOffset("2026-12-05T10:00Z") == nil && DateTime.writtenOffset("2026-12-05") == nil)
    }

    /// `online: true` (meant as "it is online") gets one message that says what to write, not
    /// also a warning that the event has no online address.
    @Test func onlineAsYesOrNoGetsOneMessageWithTheFix() throws {
        var files = TestSupport.minimalSite
        files["events/2026/sprechstunde.md"] = "---\ntitle: Sprechstunde\nstart: 2026-12-01T10:00:00+01:00\nonline: true\n---\n"
        files["events/2026/vortrag.md"] = "---\ntitle: Vortrag\nstart: 2026-12-02T10:00:00+01:00\nonline: dortmund.de/live\n---\n"
        let (_, diagnostics) = TestSupport.model(files)
        let messages = diagnostics.map(\.description).filter { $0.contains("sprechstunde") || $0.contains("vortrag") }
        #expect(messages == [
            "content/events/2026/sprechstunde.md:4: error: 'online' is the web address itself, not yes or no, but is 'true'; write the address, e.g. https://dortmund.de/…",
            "content/events/2026/vortrag.md:4: error: 'online' is written 'dortmund.de/live', without https://; write online: https://dortmund.de/live",
        ], "\(messages)")
    }

    /// An event copied into posts/ (or a post into events/) gets one error that says where it
    /// belongs, not a warning for every key and an error for the missing date.
    @Test func aFileInTheFolderOfAnotherKindIsToldWhereItBelongs() throws {
        var files = TestSupport.minimalSite
        files["posts/2025/walk.md"] = "---\ntitle: Walk\nstart: 2027-05-15T10:00:00+02:00\nend: 2027-05-15T12:30:00+02:00\nlocation:\n  name: Nordmarkt\nformat: Rundgang\n---\nText\n"
        files["events/2026/bericht.md"] = "---\ntitle: Bericht\ndate: 2026-03-01T10:00:00+01:00\ntags: [Klima]\nauthor: Team\n---\nText\n"
        files["pages/treffen.md"] = "---\ntitle: Treffen\nstart: 2026-12-01T10:00:00+01:00\nonline: https://dortmund.de/live\n---\n"
        // One unknown key, or keys no other kind knows: the usual messages.
        files["posts/2025/tippfehler.md"] = "---\ntitle: T\ndate: 2025-03-01T10:00:00+01:00\nsummary: S\nstart: 2025-03-01T10:00:00+01:00\n---\n"
        let (site, diagnostics) = TestSupport.model(files)
        let messages = diagnostics.map(\.description)
        #expect(messages.contains("content/posts/2025/walk.md:2: error: this file looks like an event (it has start, end, location, format), but lies in posts/; move it to events/2027/"), "\(messages)")
        #expect(messages.contains("content/events/2026/bericht.md:2: error: this file looks like a post (it has date, tags, author), but lies in events/; move it to posts/2026/"), "\(messages)")
        #expect(messages.contains("content/pages/treffen.md:2: error: this file looks like an event (it has start, online), but lies in pages/; move it to events/2026/"), "\(messages)")
        #expect(messages.filter { $0.contains("walk.md") || $0.contains("bericht.md") || $0.contains("treffen.md") }.count == 3, "\(messages)")
        #expect(messages.contains("content/posts/2025/tippfehler.md:5: warning: unknown key 'start'; known keys are: title, date, updated, author, fields, tags, summary, image, image_alt, lang, draft"), "\(messages)")
        #expect(try #require(site).posts.contains { $0.slug == "tippfehler" })
    }

    /// Which files claim their address late (see `SiteValidator.claimed`): outside their kind's
    /// folder (posts and events in a year's folder) or named unlike their slug.
    @Test func aFileOutsideItsKindsFolderOrNamedUnlikeItsSlugIsFound() {
        for path in ["posts/2025/a.md", "events/2026/b.md", "projects/c.md", "pages/d.md", "participation/e.md"] {
            #expect(!SiteValidator.misplaced(path), "\(path)")
        }
        for path in ["posts/a.md", "posts/25/a.md", "posts/2025/x/a.md", "posts/20a5/a.md", "events/a.md", "projects/x/c.md"] {
            #expect(SiteValidator.misplaced(path), "\(path)")
        }
        #expect(SiteValidator.misplaced("posts//2025/a.md") == false, "an empty part is no part")
        #expect(SiteValidator.fileStem("posts/2025/über-uns.md") == "über-uns")
        #expect(SiteValidator.fileStem("pages/Kontakt.md") == "Kontakt" && SiteValidator.fileStem("a.md") == "a")
    }

    /// `Draft: true`, `darft: true` or `entwurf: true` would publish the post: an error, not a warning.
    @Test func aMistypedDraftKeyIsAnError() throws {
        var files = TestSupport.minimalSite
        for (i, key) in ["Draft", "darft", "entwurf"].enumerated() {
            files["posts/2025/p\(i).md"] = "---\ntitle: P\ndate: 2025-03-01T10:00:00+01:00\nsummary: S\n\(key): true\n---\nText\n"
        }
        let (_, diagnostics) = TestSupport.model(files)
        #expect(diagnostics.errorMessages.filter { $0.contains("/posts/") } == [
            "content/posts/2025/p0.md:5: error: unknown key 'Draft', did you mean 'draft'? As written, the page would be published",
            "content/posts/2025/p1.md:5: error: unknown key 'darft', did you mean 'draft'? As written, the page would be published",
            "content/posts/2025/p2.md:5: error: unknown key 'entwurf', did you mean 'draft'? As written, the page would be published",
        ], "\(diagnostics)")
        let german = MessageCatalogue.german.translate("unknown key 'Draft', did you mean 'draft'? As written, the page would be published", to: .de)
        #expect(german == "Unbekannte Angabe „Draft“, meinten Sie „draft“? So geschrieben würde die Seite veröffentlicht", "\(german)")
    }

    @Test func smallerMistakesGetFittingMessages() throws {
        var files = TestSupport.minimalSite
        files["pages/impressum.md"] = "---\ntitle: Impressum\ndraft: true\n---\nText\n"
        files["events/2026/ort.md"] = "---\ntitle: T\nstart: 2026-12-01T10:00:00+01:00\nlocation: Rathaus Dortmund\n---\n"
        files["posts/2025/tags.md"] = "---\ntitle: T\ndate: 2025-03-01T10:00:00+01:00\nsummary: S\ntags: [smart, \"  \"]\nfields:\n  - energie-und-umwelt\n  - energie-und-umwelt\n---\n"
        let (site, diagnostics) = TestSupport.model(files)
        let s = try #require(site)
        #expect(s.events.first?.location == Location(name: "Rathaus Dortmund", address: nil))
        let messages = diagnostics.map(\.description)
        #expect(messages.contains("content/pages/impressum.md: warning: required page 'Impressum' is a draft, so the site has none; publish it (remove 'draft: true')"))
        #expect(messages.contains("content/posts/2025/tags.md:5: error: an entry of 'tags' is empty; remove it or write a value"))
        #expect(!messages.contains { $0.contains("neither a location") })
        #expect(messages.contains("content/posts/2025/tags.md:8: warning: 'energie-und-umwelt' is listed twice in 'fields'; remove one"))
        #expect(s.posts.first?.fields == ["energie-und-umwelt"])

        let (_, loading) = TestSupport.model(TestSupport.minimalSite.merging([
            "projects/sub/x.md": "---\ntitle: X\n---\n", "pages/robots.txt.md": "---\ntitle: R\n---\n",
            "Posts/2026/neu.md": "---\ntitle: N\n---\n", "veranstaltungen/2026/treffen.md": "---\ntitle: T\n---\n",
            "sonstiges/notiz.md": "---\ntitle: S\n---\n",
        ]) { _, b in b })
        let loaded = loading.map(\.description)
        // A known folder in capitals, or named like its address: the folder to rename it to.
        #expect(loaded.contains("content/Posts/2026/neu.md: warning: the folder Posts/ is no known folder, so this file is ignored; rename the folder to posts/"), "\(loaded)")
        #expect(loaded.contains("content/veranstaltungen/2026/treffen.md: warning: the folder veranstaltungen/ is no known folder, so this file is ignored; rename the folder to events/"))
        #expect(loaded.contains("content/sonstiges/notiz.md: warning: Markdown file outside the known folders (fields, posts, events, projects, participation, pages) is ignored; move it to pages/ to publish it"))
        #expect(loaded.contains("content/projects/sub/x.md: warning: projects/ takes no subfolders, so this file is ignored; move it to projects/x.md"))
        #expect(loaded.contains("content/pages/robots.txt.md: warning: file name 'robots.txt' is not a slug; it is published as 'robots-txt'. Rename the file to 'robots-txt.md' to keep the address stable"))
    }

    /// A post's picture with image_alt that is its file name or "Foto" is described as badly as
    /// one in the text (WCAG 1.1.1): the same warning, at the image_alt line.
    @Test func aPostImageWhoseAltTextIsItsFileNameIsWarnedAbout() throws {
        let (_, diagnostics) = modelOfPosts(["images/rathaus.jpg": "x"], frontMatter: "image: /images/rathaus.jpg\nimage_alt: {}",
                                            ["a": "rathaus.jpg", "b": "Foto", "c": "Das Rathaus am Friedensplatz im Abendlicht"])
        #expect(diagnostics.map(\.description).filter { $0.contains("image_alt '") } == [
            "content/posts/2025/a.md:6: warning: image_alt 'rathaus.jpg' is a file name or a word for a picture, which tells screen reader users nothing; describe what the picture shows",
            "content/posts/2025/b.md:6: warning: image_alt 'Foto' is a file name or a word for a picture, which tells screen reader users nothing; describe what the picture shows",
        ])
    }

    /// A front-matter image path starts at the post's folder, like a link; written from content/ it misses.
    @Test func aMissingPostImageSaysWhereItWasLookedFor() throws {
        // d and e: a typo gets a "did you mean" in the form it was written.
        let (site, diagnostics) = modelOfPosts(["images/karte.svg": "<svg/>"], frontMatter: "image: {}\nimage_alt: Karte", [
            "a": "images/karte.svg", "b": "../../images/fehlt.svg", "c": "../../images/karte.svg",
            "d": "/images/krate.svg", "e": "../../images/krate.svg",
        ])
        #expect(diagnostics.errorMessages.sorted() == [
            "content/posts/2025/a.md:5: error: image 'images/karte.svg' does not exist in content/posts/2025/, where the path starts; write image: /images/karte.svg to start from content/",
            "content/posts/2025/b.md:5: error: image '../../images/fehlt.svg' does not exist (looked for content/images/fehlt.svg)",
            "content/posts/2025/d.md:5: error: image '/images/krate.svg' does not exist (looked for content/images/krate.svg), did you mean '/images/karte.svg'?",
            "content/posts/2025/e.md:5: error: image '../../images/krate.svg' does not exist (looked for content/images/krate.svg), did you mean '../../images/karte.svg'?",
        ], "\(diagnostics.errorMessages)")
        // Reported once: the pages do not show a missing image.
        let posts = try #require(site).posts
        #expect(posts.filter { $0.image != nil }.map(\.slug) == ["c"])
    }

    /// A photo saved on Windows or a Mac as RATHAUS-NORD.JPG and written in lower case (those
    /// systems do not tell them apart, the server does) got no "did you mean": the names were
    /// compared with their case, eight letters apart.
    @Test func aPostImageWrittenInAnotherCaseIsSuggested() throws {
        let (_, diagnostics) = modelOfPosts(["images/RATHAUS-NORD.JPG": "x"], frontMatter: "image: {}\nimage_alt: Rathaus",
                                            ["a": "/images/rathaus-nord.jpg"])
        #expect(diagnostics.errorMessages == [
            "content/posts/2025/a.md:5: error: image '/images/rathaus-nord.jpg' does not exist (looked for content/images/rathaus-nord.jpg), did you mean '/images/RATHAUS-NORD.JPG'?",
        ], "\(diagnostics.errorMessages)")
        #expect(nearestContentFile("images/FOTO.jpg", among: ["images/foto.jpg", "images/fotos.jpg"]) == "images/foto.jpg")
    }

    /// The minimal site with `files` and one post `posts/2025/<name>.md` per entry, whose front
    /// matter ends with `frontMatter` (lines 5 and on), the entry's value in place of `{}`.
    func modelOfPosts(_ files: [String: String], frontMatter: String, _ posts: [String: String]) -> (Site?, [Diagnostic]) {
        var all = TestSupport.minimalSite.merging(files) { $1 }
        for (name, value) in posts {
            all["posts/2025/\(name).md"] = "---\ntitle: T\ndate: 2025-03-01T10:00:00+01:00\nsummary: S\n"
                + frontMatter.replacingAll("{}", with: value) + "\n---\n"
        }
        return TestSupport.model(all)
    }
}
