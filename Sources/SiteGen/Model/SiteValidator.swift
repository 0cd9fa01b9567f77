/// Checks that need the whole site: references between items, unique addresses,
/// dates that make sense, files that must exist.
struct SiteValidator {
    let fileSystem: any FileSystem
    let contentRoot: String
    let displayRoot: String

    static func validate(_ site: inout Site, fileSystem: any FileSystem, contentRoot: String, displayRoot: String) -> [Diagnostic] {
        let v = SiteValidator(fileSystem: fileSystem, contentRoot: contentRoot, displayRoot: displayRoot)
        var d = v.claimAddresses(&site)
        d += TagIndex.assign(&site)
        // Files that would take the place of a page or another file the build makes: `SiteRenderer`.
        d += v.checkFieldReferences(site) + v.checkFieldOrder(site) + v.checkEvents(site) + v.checkProjects(site)
        d += v.checkPosts(&site)
        d += v.checkUpdatedDates(site)
        d += v.checkStrategy(&site)
        d += ParticipationValidator.validate(site)
        d += v.checkRequiredPages(site)
        d += LanguageValidator.validate(site)
        return d
    }

    func display(_ path: String) -> String { displayRoot.isEmpty ? path : displayRoot + "/" + path }

    /// Every page path must be unique, also against the sections' own pages. An item that lost its
    /// address is not rendered, so no page is written twice.
    func claimAddresses(_ site: inout Site) -> [Diagnostic] {
        var d: [Diagnostic] = []
        let urls = site.urls
        var owner: [String: String] = [:]
        let reserved = [urls.blog, urls.events, urls.projects, urls.fields, urls.strategy, urls.search, urls.participationList, urls.ideas, "assets/"]
        // Every item claims one address: the tables are made large enough once, not grown step by step.
        let items = site.fields.count + site.posts.count + site.events.count + site.projects.count + site.pages.count + site.participation.count
        owner.reserveCapacity(reserved.count + items)
        site.pathBySource.reserveCapacity(site.pathBySource.count + items + 1)
        for r in reserved { owner[r] = "the site's own \(r) section" }
        /// Claims an address; false (and an error) when another file has it already.
        func claim(_ path: String, _ source: SourceRef) -> Bool {
            if let other = owner[path] {
                d.append(.error(source.display, "address /\(path) is already used by \(other); rename this file"))
                site.excludedSources[source.path] = "shares its address with \(other)"
                return false
            }
            owner[path] = source.display
            site.pathBySource[source.path] = path
            return true
        }
        site.fields = Self.claimed(site.fields, { $0.body.source }) { claim(urls.field($0), $0.body.source) }
        // A post or event in another year's folder takes its address from its date: it claims last.
        site.posts = Self.claimed(site.posts, \.source, late: { Self.inAnotherYearsFolder($0.source.path, $0.year) }) { claim(urls.post($0), $0.source) }
        site.events = Self.claimed(site.events, \.source, late: { Self.inAnotherYearsFolder($0.source.path, $0.year) }) { claim(urls.event($0), $0.source) }
        site.projects = Self.claimed(site.projects, \.source) { claim(urls.project($0), $0.source) }
        site.pages = Self.claimed(site.pages, \.source) { claim(urls.page($0), $0.source) }
        site.participation = Self.claimed(site.participation, \.source) { claim(urls.participation($0), $0.source) }
        if let s = site.strategy { site.pathBySource[s.source.path] = urls.strategy }
        return d
    }

    /// The items whose claim succeeds, in their order. Files named by their slug, in their kind's
    /// own folder, claim first, so when `Kontakt.md` and `kontakt.md` (or `posts/2025/alt/a.md`
    /// and `posts/2025/a.md`) want one address, the message names the first of them. So do items
    /// `late` does not name.
    @inline(__always)  // with the closures inlined, each item's fields are read where it lies, not from a copy
    static func claimed<T>(_ items: [T], _ source: (T) -> SourceRef, late: (T) -> Bool = { _ in false }, _ claim: (T) -> Bool) -> [T] {
        func misnamed(_ item: T) -> Bool {
            let path = source(item).path
            return !Slug.isOwnSlug(fileStem(path)) || misplaced(path) || late(item)
        }
        let kept = items.withUnsafeBufferPointer { items in
            let late = items.indices.map { misnamed(items[$0]) }
            let order = items.indices.filter { !late[$0] } + items.indices.filter { late[$0] }
            var kept = [Bool](repeating: false, count: items.count)
            for i in order where claim(items[i]) { kept[i] = true }
            return kept
        }
        // Usually every item keeps its address: the array as it is, not a copy of each item.
        if !kept.contains(false) { return items }
        return items.indices.filter { kept[$0] }.map { items[$0] }
    }

    /// The content's picture named nearly as `written` (`stadtsilhouete.jpg`), in the form it was
    /// written: from content/ (`/images/…`) or from the page's folder.
    static func nearestImage(_ written: String, among assets: [String], from source: String) -> String? {
        guard let target = resolveContentPath(written, from: source), let file = nearestContentFile(target, among: assets) else { return nil }
        return written.hasPrefix("/") ? "/" + file : ParticipationValidator.relativeLink(from: source, to: file)
    }

    /// The file name of `path` without its extension `.md`, cut on the bytes.
    static func fileStem(_ path: String) -> String {
        var path = path
        return path.withUTF8 { bytes in
            let slash = bytes.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
            return String(decoding: bytes[slash..<max(slash, bytes.count - 3)], as: UTF8.self)
        }
    }

    /// Whether a file lies outside its kind's own folder: `posts/<yyyy>/` and `events/<yyyy>/`,
    /// else the kind's folder itself (`projects/`, `pages/` …).
    /// `posts/2025/a.md` dated 2026: its address says 2026, where `posts/2026/a.md` belongs.
    static func inAnotherYearsFolder(_ path: String, _ year: Int) -> Bool {
        folderYear(path).map { $0 != year } ?? false
    }

    /// The year folder a post or event lies in (`posts/2025/a.md`: 2025).
    static func folderYear(_ path: String) -> Int? {
        let parts = path.pathParts
        return parts.count == 3 ? Int(parts[1]) : nil
    }

    static func misplaced(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            // The parts between slashes (empty ones left out): how many, and the first two.
            var count = 0
            var first = 0..<0, second = 0..<0
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "/") {
                if i > start {
                    if count == 0 { first = start..<i } else if count == 1 { second = start..<i }
                    count += 1
                }
                start = i + 1
            }
            let folder = UnsafeBufferPointer(rebasing: bytes[first])
            guard folder.elementsEqual("posts".utf8) || folder.elementsEqual("events".utf8) else { return count != 2 }
            return count != 3 || second.count != 4 || !bytes[second].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        }
    }

    /// Field slugs referenced by items must name published fields.
    func checkFieldReferences(_ site: Site) -> [Diagnostic] {
        var d: [Diagnostic] = []
        // Leichte Sprache names the standard site's fields (`Site.originalFields`).
        let known = site.fields.map(\.slug) + site.originalFields.map(\.slug)
        // A translation's typo is told the field its original means, translated or not.
        let suggestable = known + site.originalFieldSlugs.filter { !known.contains($0) }
        func checkFields(_ slugs: [String], _ source: SourceRef) {
            let line = source.keyLines["fields"]
            // `[Bildung, Kultur und Freizeit]` is two entries to YAML: a title with a comma, split.
            if let hint = titleSplitAtComma(slugs, fields: site.fields, known: known) {
                d.append(.error(source.display, line: line, hint))
                return
            }
            for slug in slugs where !known.contains(slug) {
                // The field's file is there but not published (a draft, or it has errors).
                if let reason = site.excludedSources["fields/\(slug).md"] {
                    guard reason != Publication.ownErrors else { continue }
                    let file = display("fields/\(slug).md")
                    d.append(.error(source.display, line: line, reason == "is a draft"
                        ? "field of action '\(slug)' is a draft (\(file)); publish it, or remove it from 'fields'"
                        : "field of action '\(slug)' cannot be used: \(file) \(reason)"))
                    continue
                }
                var message = "unknown field of action '\(slug)'"
                let titled = Self.fieldSlug(ofTitle: slug)
                if let guess = (suggestable.contains(titled) ? titled : nil) ?? nearest(slug, in: suggestable) ?? Self.fieldNamingPart(slug, in: suggestable) { message += ", did you mean '\(guess)'?" } else {
                    message += "; known fields are in content/fields/"
                }
                d.append(.error(source.display, line: line, message))
            }
        }
        // Read by index: a `for` loop copied each whole item for its two fields.
        for posts in [site.posts, site.scheduledPosts] {
            for i in posts.indices { checkFields(posts[i].fields, posts[i].source) }
        }
        for i in site.events.indices { checkFields(site.events[i].fields, site.events[i].source) }
        for i in site.projects.indices { checkFields(site.projects[i].fields, site.projects[i].source) }
        for i in site.participation.indices { checkFields(site.participation[i].fields, site.participation[i].source) }
        return d
    }

    /// The address a field's title gives (`Daten & Plattformen` → `daten-und-plattformen`): what an
    /// editor who wrote the title in `fields:` means, as fields are named by their file.
    static func fieldSlug(ofTitle title: String) -> String {
        Slug.make(title.split(separator: "&", omittingEmptySubsequences: false).joined(separator: " und "))
    }

    /// The one field whose address has `word` as one of its parts (`energie` → `energie-und-umwelt`).
    static func fieldNamingPart(_ word: String, in known: [String]) -> String? {
        let part = Slug.make(word)
        guard part.count >= 3 else { return nil }
        let matches = known.filter { $0.split(separator: "-").contains { $0 == part } }
        return matches.count == 1 ? matches[0] : nil
    }

    /// Field order must be unique for a stable menu.
    func checkFieldOrder(_ site: Site) -> [Diagnostic] {
        var d: [Diagnostic] = []
        var orders: [Int: String] = [:]
        for f in site.fields where f.order != StandIn.order {
            if let other = orders[f.order] {
                d.append(.warning(f.body.source.display, line: f.body.source.keyLines["order"], "order \(f.order) is also used by \(other); give each field its own number"))
            }
            orders[f.order] = f.body.source.display
        }
        return d
    }

    func checkEvents(_ site: Site) -> [Diagnostic] {
        var d: [Diagnostic] = []
        for e in site.events {
            if let end = e.end, end < e.start {
                d.append(.error(e.source.display, line: e.source.keyLines["end"], endBeforeStart(start: e.start, end: end)))
            } else if let end = e.end, e.start.isDateOnly, !end.isDateOnly, !end.isMidnight {  // midnight: the day before is shown, nothing lost
                d.append(.warning(e.source.display, line: e.source.keyLines["start"],
                    "start is a date without a time, so the end's time (\(end.local.timeString(seconds: false))) is not shown; give start its time too, e.g. \(e.start.iso8601)T10:00:00\(DateTime.offsetString(end.local.offsetSeconds))"))
            }
            let parts = e.source.path.pathParts
            if parts.count == 3, let folderYear = Int(parts[1]), folderYear != e.year {
                d.append(.warning(e.source.display, line: e.source.keyLines["start"], "event starts in \(e.year) but lies in the folder \(folderYear); its address uses \(e.year)"))
            }
            // A written but unusable `online` has its own message already (the empty location
            // `sitegen new` writes has none, so it gets this one).
            if e.location == nil && e.online == nil && e.source.keyLines["online"] == nil
                && !site.writesMisnamed("location", in: e.source) && !site.writesMisnamed("online", in: e.source) {
                d.append(.warning(e.source.display, line: e.source.line(toAdd: "location"), "event has neither a location nor an online address; add 'location' or 'online'"))
            }
        }
        return d
    }

    func checkProjects(_ site: Site) -> [Diagnostic] {
        var d: [Diagnostic] = []
        let known = site.fields.map(\.slug)
        for p in site.projects where p.fields.isEmpty && !site.fieldsLeftOut.contains(p.source.path) && !site.writesMisnamed("fields", in: p.source) {
            // A translation is offered its original's fields (a random one sent editors to guess).
            let original = Variant.of(p.source.path).flatMap { v in site.originalProjects.first { $0.source.path == v.0 } }
            let example = original.map { $0.fields.joined(separator: ", ") }.flatMap { $0.isEmpty ? nil : $0 } ?? known.first ?? "daten-und-plattformen"
            d.append(.warning(p.source.display, line: p.source.line(toAdd: "fields"), "project has no field of action; add e.g. fields: [\(example)]"))
        }
        for p in site.projects {
            if let s = p.start, let e = p.end, e < s {
                d.append(.error(p.source.display, line: p.source.keyLines["end"], "end lies before start"))
            }
        }
        return d
    }

    /// An `updated` after the build's day is a typo (2027 for 2026): feeds, calendars and the page
    /// would say the item changed on a day still to come.
    func checkUpdatedDates(_ site: Site) -> [Diagnostic] {
        let now = site.options.now
        var d: [Diagnostic] = []
        // A date without a time is its day's start (Berlin time): today's is never later than now.
        func check(_ updated: DateTime?, _ source: @autoclosure () -> SourceRef) {
            guard let updated, updated > now else { return }
            let source = source()
            d.append(.warning(source.display, line: source.keyLines["updated"],
                              "updated (\(updated.iso8601)) lies in the future (the build's day is \(now.local.dateString)); write the day of the last change"))
        }
        for posts in [site.posts, site.scheduledPosts] {
            for i in posts.indices { check(posts[i].updated, posts[i].source) }
        }
        for i in site.events.indices { check(site.events[i].updated, site.events[i].source) }
        for i in site.projects.indices { check(site.projects[i].updated, site.projects[i].source) }
        return d
    }

    /// Posts: summary, folder year, the front matter image (a missing one is reported once here and
    /// dropped, so the pages do not show it and the link check does not report it again).
    func checkPosts(_ site: inout Site) -> [Diagnostic] {
        var d: [Diagnostic] = []
        var missingImages: Set<String> = []
        var inOtherCase: [String: String] = [:]  // the file meant, by post
        // Both lists in turn, not joined into a new one.
        for posts in [site.posts, site.scheduledPosts] {
            for p in posts {
                if p.summary == nil && !site.writesMisnamed("summary", in: p.source) {
                    // At `summary: ""` when it is written empty (as `sitegen new` leaves it).
                    d.append(.warning(p.source.display, line: p.source.line(toAdd: "summary"), "post has no summary; add 'summary: …' (it is shown in lists, feeds and search results)"))
                }
                if let folderYear = Self.folderYear(p.source.path), folderYear != p.year {
                    d.append(.warning(p.source.display, line: p.source.keyLines["date"], "post is dated \(p.year) but lies in the folder \(folderYear); its address uses \(p.year)"))
                }
                // Feeds would sort the post by a change before it appeared, and search engines reject the JSON-LD.
                if let updated = p.updated, updated.epochSeconds + (updated.isDateOnly ? 86_400 : 1) <= p.date.epochSeconds {
                    d.append(.warning(p.source.display, line: p.source.keyLines["updated"],
                        "updated (\(updated.iso8601)) lies before date (\(p.date.iso8601)); write the day of the last change, or remove the line"))
                }
                if let image = p.image {
                    let line = p.source.keyLines["image"]
                    if isRemote(image) {
                        d.append(.error(p.source.display, line: line, "image '\(image)' would be loaded from another host, which the privacy rules forbid; save it under content/images/"))
                    } else if ImageFormat(path: image) == nil {
                        d.append(.error(p.source.display, line: line, Self.notAPicture(image)))
                        missingImages.insert(p.source.path)
                    } else if let path = resolveContentPath(image, from: p.source.path), fileSystem.fileExists(contentRoot + "/" + path) {
                        // Found.
                    } else {
                        // Like a link, the path starts at the post's folder; editors often write it from content/.
                        let fromRoot = image.hasPrefix("/") ? nil : resolveContentPath("/" + image, from: p.source.path)
                        let folder = display(p.source.path.pathParts.dropLast().joined(separator: "/")) + "/"
                        let near = Self.nearestImage(image, among: site.assets.map(\.path), from: p.source.path)
                        d.append(.error(p.source.display, line: line, fromRoot.map { fileSystem.fileExists(contentRoot + "/" + $0) } == true
                            ? "image '\(image)' does not exist in \(folder), where the path starts; write image: /\(image) to start from \(display(""))"
                            : "image '\(image)' does not exist (looked for \(display(resolveContentPath(image, from: p.source.path) ?? image)))"
                                + (near.map { ", did you mean '\($0)'?" } ?? "")))
                        // Written in other capitals (/images/FOTO.jpg): the post shows the file meant, so the
                        // photo is not also called unused; the build fails on the error all the same.
                        if let near, near.lowercased() == image.lowercased() { inOtherCase[p.source.path] = near } else { missingImages.insert(p.source.path) }
                    }
                    if p.imageAlt == nil {
                        d.append(.warning(p.source.display, line: line, "image has no image_alt text; describe the picture, or write image_alt: \"\" if it is decoration"))
                    } else if let alt = p.imageAlt, AltText.isUninformative(alt, src: image) {
                        d.append(.warning(p.source.display, line: p.source.keyLines["image_alt"] ?? line,
                            "image_alt '\(alt.trimmingSpaces)' is a file name or a word for a picture, which tells screen reader users nothing; describe what the picture shows"))
                    }
                }
            }
        }

        for i in site.posts.indices where missingImages.contains(site.posts[i].source.path) { site.posts[i].image = nil }
        for i in site.posts.indices { if let meant = inOtherCase[site.posts[i].source.path] { site.posts[i].image = meant } }
        return d
    }

    /// A PDF or other file given as a post's picture or shown with `![…](…)`: browsers show nothing.
    static func notAPicture(_ address: String) -> String {
        "'\(address)' is not a picture (JPEG, PNG, WebP, AVIF, GIF or SVG); show a picture, or link the file with [text](…) instead of ![text](…)"
    }

    /// The strategy PDF: a local file must exist; its size is shown next to the link.
    func checkStrategy(_ site: inout Site) -> [Diagnostic] {
        var d: [Diagnostic] = []
        if let s = site.strategy {
            if s.pdfIsRemote {
                site.strategyPDFSize = s.pdfSize
                if s.pdfSize == nil {
                    d.append(.warning(s.source.display, line: s.source.keyLines["pdf"], "pdf is remote, so its size is unknown; add pdf_size (bytes) so the link can state it"))
                }
            } else if let path = resolveContentPath(s.pdf, from: s.source.path), let asset = site.assets.first(where: { $0.path == path }) {
                site.strategyPDFSize = asset.size
            } else if let near = nearest(s.pdf, in: site.assets.map(\.path).filter { $0.lowercased().hasSuffix(".pdf") }) {
                d.append(.error(s.source.display, line: s.source.keyLines["pdf"], "pdf '\(s.pdf)' does not exist under content/; did you mean '\(near)'?"))
            } else {
                d.append(.error(s.source.display, line: s.source.keyLines["pdf"], "pdf '\(s.pdf)' does not exist under content/; put the file there or give an https address"))
            }
        }
        return d
    }

    /// Pages a German public site must have.
    func checkRequiredPages(_ site: Site) -> [Diagnostic] {
        // A translation needs none of its own: the German ones are linked from it.
        guard site.config.defaultLanguage == nil else { return [] }
        var d: [Diagnostic] = []
        let slugs = Set(site.pages.map(\.slug) + (site.hasEasyReadHome ? [EasyRead.listPage] : []))
        for required in Site.requiredPages where !slugs.contains(required.slug) {
            // The Leichte-Sprache page may be the home page in Leichte Sprache, content/home.ls.md.
            let easyReadHome = required.slug == EasyRead.listPage && site.easyReadHomeIsDraft
            let file = easyReadHome ? EasyRead.homeFile : "pages/\(required.slug).md"
            if let reason = easyReadHome ? "is a draft" : site.excludedSources[file] {
                d.append(.warning(display(file), "required page '\(required.title)' \(reason), so the site has none; \(reason == "is a draft" ? "publish it (remove 'draft: true')" : "fix it")"))
            } else {
                d.append(.warning(display(file), "required page '\(required.title)' is missing; create \(display(file))"))
            }
        }
        return d
    }
}

func isRemote(_ link: String) -> Bool {
    // Byte compare, ASCII case-insensitive: called for every link of every page.
    func starts(_ prefix: StaticString) -> Bool {
        let p = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        var i = 0
        for b in link.utf8 {
            if i == p.count { return true }
            let lower = b >= 65 && b <= 90 ? b + 32 : b
            if lower != p[i] { return false }
            i += 1
        }
        return i == p.count
    }
    return starts("//") || starts("http://") || starts("https://")
}

/// Resolves a path written in a file at `from` (both relative to content/):
/// `/images/a.svg` is from the content root, `../x.md` relative to the file's folder.
/// Returns nil when it climbs above the content root. Paths are split at the bytes "/" are, as
/// the file system splits them (and without the cost of splitting into Characters).
func resolveContentPath(_ link: String, from: String) -> String? {
    var path = ContentPathWalk()
    var link = link, from = from
    if link.utf8.first != ContentPathWalk.slash {
        // The file's folder: its path without the last part.
        _ = from.withUTF8 { path.follow($0) }
        _ = path.up()
    }
    guard link.withUTF8({ path.follow($0) }), !path.bytes.isEmpty else { return nil }
    return String(decoding: path.bytes, as: UTF8.self)
}

/// A content path built part by part as bytes (every Markdown link and picture is resolved).
private struct ContentPathWalk {
    static let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
    /// The parts so far, joined by "/".
    var bytes: [UInt8] = []

    /// Walks the parts of `written` (empty parts and "." stay, ".." goes up); false when it
    /// climbs above the root.
    mutating func follow(_ written: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start <= written.count {
            var end = start
            while end < written.count && written[end] != Self.slash { end += 1 }
            let part = UnsafeBufferPointer(rebasing: written[start..<end])
            if part.count == 2 && part[0] == Self.dot && part[1] == Self.dot {
                guard up() else { return false }
            } else if !part.isEmpty && !(part.count == 1 && part[0] == Self.dot) {
                if !bytes.isEmpty { bytes.append(Self.slash) }
                bytes.append(contentsOf: part)
            }
            start = end + 1
        }
        return true
    }

    /// Drops the last part; false when there is none.
    mutating func up() -> Bool {
        guard !bytes.isEmpty else { return false }
        bytes.removeSubrange((bytes.lastIndex(of: Self.slash) ?? 0)...)
        return true
    }
}

/// When neighbouring entries of a `fields` list are no slugs but joined with ", " give a field's
/// title, the message that says so and gives the slug.
func titleSplitAtComma(_ entries: [String], fields: [Field], known: [String]) -> String? {
    guard entries.count > 1 else { return nil }
    for start in entries.indices {
        for end in (start + 1)..<entries.count {
            let parts = entries[start...end]
            guard parts.contains(where: { !known.contains($0) }) else { continue }
            let joined = parts.joined(separator: ", ")
            if let field = fields.first(where: { $0.title.lowercased() == joined.lowercased() }) {
                return "'\(joined)' is the title of a field of action, but the comma splits it into \(parts.count) entries; write its slug: \(field.slug)"
            }
        }
    }
    return nil
}

/// The message for an event's end before its start, with a suggestion that is itself valid: an
/// end two hours after a timed start (a fixed 18:00 could lie before an evening start), on the
/// start's day.
func endBeforeStart(start: DateTime, end: DateTime) -> String {
    let suggestion = start.isDateOnly ? start.local.dateString
        : DateTime(epochSeconds: min(start.epochSeconds + 7200, DateTime.parse(start.local.dateString + "T23:59:00" + DateTime.offsetString(start.local.offsetSeconds))?.epochSeconds ?? start.epochSeconds + 7200)).iso8601
    if end.isDateOnly && !start.isDateOnly && end.local.dayNumber == start.local.dayNumber {
        return "end (\(end.iso8601)) is a date without a time, so it lies before start (\(start.iso8601)); write end with its time, e.g. \(suggestion)"
    }
    return "end (\(end.iso8601)) lies before start (\(start.iso8601)); write an end after the start, e.g. \(suggestion)"
}
