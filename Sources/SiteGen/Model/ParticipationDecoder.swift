/// `participation/<slug>.md`: reads a participation format's front matter (README.md, "participation").
extension DocumentDecoder {
    static let participationKeys = ["title", "start", "end", "format", "fields", "cities", "summary", "participate", "results",
                                    "projects", "status", "lang", "draft"]

    static func participation(_ doc: LoadedDocument, _ r: inout FrontMatterReader) -> Participation? {
        // Every key is read first, so one run reports every problem of the file.
        let title = r.string("title", required: true)
        let start = r.date("start", required: true, example: "2026-11-26T18:00:00+01:00")
        let end = r.date("end", example: "2026-12-15", sameDayAs: start)
        let format = r.string("format"), fields = r.stringList("fields"), cities = r.stringList("cities")
        let summary = r.string("summary"), lang = r.languageCode("lang"), draft = r.bool("draft") ?? false
        let from = doc.source.path
        let errorsBefore = r.diagnostics.count
        let participate = r.participateLinks(from: from)
        // Entries written but each wrong have their own errors; blank ones (`sitegen new`'s) have none.
        let participateFailed = participate.isEmpty && r.diagnostics[errorsBefore...].contains { $0.severity == .error }
        let results = r.participationResults(from: from)
        let projects = r.contentRefs("projects", from: from, folder: "projects")
        let cancelled = r.participationCancelled()
        guard let title, let start else { return nil }
        return Participation(slug: doc.fileSlug, title: title, start: start, end: end, format: format, fields: fields, cities: cities,
                             summary: summary, participate: participate, participateFailed: participateFailed, results: results, projects: projects,
                             cancelled: cancelled, lang: lang, draft: draft, body: body(doc))
    }
}

extension FrontMatterReader {
    /// `status: abgesagt`, the only status an editor writes; the others follow from the dates.
    mutating func participationCancelled() -> Bool {
        guard let text = string("status") else { return false }
        if text.lowercased() == ParticipationStatus.abgesagt.rawValue { return true }
        let derived = ["geplant", "laufend", "abgeschlossen"]
        let message = derived.contains(text.lowercased())
            ? "status '\(text)' follows from start and end and cannot be set; remove the line (only status: abgesagt is written by hand)"
            : "status must be 'abgesagt' (the only status written by hand), but is '\(text)'\(nearest(text.lowercased(), in: ["abgesagt"]) != nil ? "; did you mean 'abgesagt'?" : "")"
        diagnostics.append(.error(file, line: line(of: "status"), message))
        return false
    }

    /// `participate`: a list of `{label, link}` entries (or just the link of an event or an
    /// e-mail address, which name themselves).
    mutating func participateLinks(from source: String) -> [ParticipationLink] {
        guard let value = map["participate"] else { return [] }
        let items: [YAMLValue]
        switch value {
        case .null: return []
        case .list(let list, _): items = list
        case .map, .scalar: items = [value]  // one way to take part, written without the list's dash
        }
        var links: [ParticipationLink] = []
        for item in items {
            var label: String?, written: String?
            switch item {
            case .scalar(let text, _, _, _): written = text.trimmingSpaces
            case .map(let m):
                var entry = FrontMatterReader(m, file: file)
                entry.checkKeys(known: ["label", "link"])
                label = entry.string("label")
                // `sitegen new` writes an empty entry to fill in: not yet a way to take part.
                if label != nil || !Self.isBlank(entry.map["link"]) { written = entry.string("link", required: true, example: "https://beteiligung.example.org/umfrage") }
                diagnostics += entry.diagnostics
            case .null, .list:
                fail(item.line, "every entry of 'participate' needs a label and a link, e.g. - { label: \"Zur Umfrage\", link: https://… }")
            }
            guard let written, !written.isEmpty else { continue }
            if let link = participateLink(written, label: label, line: item.line, from: source) { links.append(link) }
        }
        return links
    }

    /// One way to take part: an https address, a `mailto:` or `tel:` address or an event's `.md` file.
    private mutating func participateLink(_ written: String, label: String?, line: Int, from source: String) -> ParticipationLink? {
        let lower = written.lowercased()
        let target: ParticipationLink.Target
        if lower.hasPrefix("mailto:") {
            switch MailLink.read(written) {
            case .success(let mail): target = .mail(mail)
            case .failure(let problem):
                fail(line, problem.message)
                return nil
            }
        } else if let number = PhoneNumber.written(inLink: written) {
            guard PhoneNumber.href(number) != nil else {
                fail(line, PhoneNumber.problem(written, number: number, wordsGo: .label))
                return nil
            }
            target = .phone(number)
        } else if lower.hasPrefix("https://"), !written.contains(" ") {
            guard label != nil else {
                fail(line, "link '\(written)' has no label; add one that names where it leads, e.g. label: \"Zur Online-Umfrage\"")
                return nil
            }
            target = .web(written)
        } else if lower.hasPrefix("http://") {
            fail(line, "link '\(written)' is not encrypted; people enter personal data there, so write https://")
            return nil
        } else if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
            target = .event(resolveContentPath(written, from: source) ?? written)
        } else {
            fail(line, PhoneNumber.contactHint(written) ?? Self.withoutScheme("link", written) ?? "link '\(written)' must be an https address, a mailto: or tel: address or the .md file of an event (e.g. ../events/2026/auftakt.md)")
            return nil
        }
        return ParticipationLink(label: label, target: target, written: written, line: line)
    }

    /// Missing, empty or empty text.
    static func isBlank(_ value: YAMLValue?) -> Bool {
        switch value {
        case nil, .null?: return true
        case .scalar(let s, _, _, _)?: return s.trimmingSpaces.isEmpty
        default: return false
        }
    }

    /// An address a mail program takes: a local part of letters (any script), digits and the
    /// signs RFC 5322 allows there, with single dots between; a domain of two or more labels of
    /// letters, digits and inner hyphens (Umlauts allowed: `müller-bau.de`). What a text copied
    /// from a letter adds (`;`, `,`, brackets, a dot at the end, an en dash) makes it none.
    static func isMailAddress(_ s: String) -> Bool {
        // Most texts asked (web addresses) have no @: no need to split them into Characters.
        guard s.containsByte(UInt8(ascii: "@")) else { return false }
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let localSigns: Set<Character> = ["!", "#", "$", "%", "&", "'", "*", "+", "-", "/", "=", "^", "_", "`", "{", "|", "}", "~"]
        let local = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard !local.contains(where: \.isEmpty),
              local.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || localSigns.contains($0) } }) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.last!.count >= 2 && labels.last!.allSatisfy(\.isLetter)
            && labels.allSatisfy { label in
                (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                    && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
            }
    }

    /// `results`: a post's or page's `.md` file (with an optional `#heading`), an https address,
    /// or `#heading` for a section of this file's own text.
    mutating func participationResults(from source: String) -> ParticipationResults? {
        guard let written = string("results") else { return nil }
        let at = line(of: "results")
        let lower = written.lowercased()
        if written.hasPrefix("#"), written.count > 1 {
            return ParticipationResults(target: .section(String(written.dropFirst())), written: written, line: at)
        }
        if lower.hasPrefix("https://"), !written.contains(" ") {
            return ParticipationResults(target: .web(written), written: written, line: at)
        }
        let (path, fragment) = Self.splitFragment(written)
        if path.lowercased().hasSuffix(".md") || path.lowercased().hasSuffix(".markdown") {
            return ParticipationResults(target: .content(path: resolveContentPath(path, from: source) ?? path, fragment: fragment),
                                        written: written, line: at)
        }
        fail(at, "results must be the .md file of a post or page (e.g. ../posts/2026/ergebnisse.md), an https address, or '#heading' for a section of this text, but is '\(written)'")
        return nil
    }

    /// A name written where a file is linked (`projects: [app]`): the file that would be meant,
    /// under `folder` as seen from the file that names it (`../projects`).
    static func notAFile(_ written: String, in key: String, folder: String) -> String {
        "'\(written)' in '\(key)' is no file; link the file, e.g. \(folder)/\(Slug.make(written)).md"
    }

    /// A list of links to `.md` files of `folder`, resolved from the file at `source`.
    mutating func contentRefs(_ key: String, from source: String, folder: String) -> [ContentRef] {
        guard case .list(let items, _)? = map[key] else {
            _ = stringList(key)  // reports a value that is no list
            return []
        }
        var refs: [ContentRef] = []
        for item in items {
            guard case .scalar(let s, _, _, _) = item, !s.trimmingSpaces.isEmpty else {
                fail(item.line, "every entry of '\(key)' must be the .md file of one of the \(folder), e.g. ../\(folder)/beispiel.md")
                continue
            }
            let written = s.trimmingSpaces
            guard written.hasSuffix(".md") || written.hasSuffix(".markdown") else {
                fail(item.line, Self.notAFile(written, in: key, folder: "../" + folder))
                continue
            }
            let path = resolveContentPath(written, from: source) ?? written
            if refs.contains(where: { $0.path == path }) {
                diagnostics.append(.warning(file, line: item.line, "'\(written)' is listed twice in '\(key)'; remove one"))
            } else {
                refs.append(ContentRef(path: path, written: written, line: item.line))
            }
        }
        return refs
    }

    private mutating func fail(_ line: Int, _ message: String) {
        diagnostics.append(.error(file, line: line, message))
    }

    /// `a.md#ziel` → (`a.md`, `ziel`).
    static func splitFragment(_ link: String) -> (String, String?) {
        guard let hash = link.firstIndex(of: "#") else { return (link, nil) }
        let fragment = String(link[link.index(after: hash)...])
        return (String(link[..<hash]), fragment.isEmpty ? nil : fragment)
    }
}
