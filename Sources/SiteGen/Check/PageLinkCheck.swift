/// The link check of one page: every internal link and `#anchor` leads somewhere, nothing is
/// loaded from another host. What it can point at comes as functions, so the whole-site check
/// (`OutputChecker`) and its cached findings share the rules.
struct PageLinkCheck {
    let baseURL: String
    let basePath: String
    /// Whether the built site has this file (path under the output root).
    let hasFile: (String) -> Bool
    /// The ids of the page in this file (nil: no such page).
    let ids: (String) -> PageIDs?
    /// The heading ids of the page at a page path (for "did you mean").
    let headings: (String) -> [String]
    /// Where the document at a source path is published.
    let pageOfSource: (String) -> String?
    /// Whether a source has a Markdown body (the others are not searched for lines).
    let hasBody: (String) -> Bool
    /// The Markdown text of a source, to find the line of an address; asked only for messages.
    let bodyText: (SourceRef) -> String?
    /// The output folder as messages name it ("public"): a template's link is reported against the page.
    var outputName = "public"
    /// Addresses written in front matter, reported at their key's line.
    var frontMatter: FrontMatterLinks

    /// Where an address leads, as far as that does not depend on the page it stands on.
    struct Destination {
        var remote: Bool
        /// A web address that names no site (`https://`).
        var hostProblem: HostProblem?
        /// An absolute address on the site's own host for which the build has no file.
        var missingOnOwnHost: Bool
        /// The path under the output root and the fragment (nil: not an address of this site).
        var target: (path: String, fragment: String?)?
        /// The output file of `target.path` (nil: none; unused when the path is empty, the page itself).
        var resolved: String?

        /// A link that `check` passes on any page: no problem with its host, and either not an address
        /// of this site or one whose file exists, without a fragment (an anchor is checked per page).
        var isFineAsLink: Bool {
            guard hostProblem == nil, !missingOnOwnHost else { return false }
            guard let target else { return true }
            return !target.path.isEmpty && resolved != nil && (target.fragment ?? "").isEmpty
        }

        /// A resource that `check` passes on any page: from this site, and its file exists.
        var isFineAsResource: Bool {
            guard !remote else { return false }
            guard let target else { return true }
            return !target.path.isEmpty && resolved != nil
        }
    }

    /// Where the addresses of many pages lead, each worked out once.
    struct Destinations {
        var addresses = StringNumbering()
        /// By the address's number.
        var list: [Destination] = []
        /// By the address's number: fine on any page as a link, as a resource (see `Destination`).
        private var fineAsLink: [Bool] = [], fineAsResource: [Bool] = []

        init() {}

        init(addresses: StringNumbering, _ list: [Destination]) {
            self.addresses = addresses
            self.list = list
            fineAsLink = list.map(\.isFineAsLink)
            fineAsResource = list.map(\.isFineAsResource)
        }

        subscript(href: String) -> Destination? { addresses.number(ifKnown: href).map { list[$0] } }

        /// Whether `href` is known to be fine wherever it stands: most of a page's addresses are
        /// (navigation, cards), and answering from a flag copies none of the destination's strings,
        /// which every thread would otherwise retain and release.
        func isFine(_ href: String, asResource: Bool) -> Bool {
            guard let n = addresses.number(ifKnown: href) else { return false }
            return asResource ? fineAsResource[n] : fineAsLink[n]
        }

        /// The addresses among `hrefs` that are not known to be fine, read in place (a loop over
        /// the array would retain each string).
        func notKnownFine(_ hrefs: [String], asResource: Bool) -> [String] {
            hrefs.withUnsafeBufferPointer { all in
                all.indices.compactMap { isFine(all[$0], asResource: asResource) ? nil : all[$0] }
            }
        }
    }

    func destination(_ href: String) -> Destination {
        let base = basePath
        let target = internalPath(href, base: base)
        var missingOnOwnHost = false
        if let own = Self.ownHostPath(href, baseURL: baseURL, base: base), !own.path.isEmpty {
            missingOnOwnHost = resolve(own.path) == nil
        }
        let remote = isRemote(href)
        return Destination(remote: remote, hostProblem: remote ? Self.hostProblem(href) : nil, missingOnOwnHost: missingOnOwnHost, target: target,
                           resolved: target.flatMap { $0.path.isEmpty ? nil : resolve($0.path) })
    }

    /// - Parameter destinations: where addresses lead, worked out before (the others are worked out here).
    func check(_ r: PageRecord, destinations: Destinations = Destinations()) -> [Diagnostic] {
        func destination(_ href: String) -> Destination { destinations[href] ?? self.destination(href) }
        var diagnostics: [Diagnostic] = []
        let own = URLScheme.outputFile(r.path)
        let page = outputName + "/" + own
        func place(_ href: String) -> (String, Int?, String) { self.place(href, on: r) }

        for href in destinations.notKnownFine(r.refs.resources, asResource: true) {
            let d = destination(href)
            if d.remote {
                if isMarkdownPicture(href, on: r) { continue }  // reported at its line by the Markdown renderer
                let (file, line, origin) = place(href)
                diagnostics.append(.error(file, line: line, "'\(href)' would be loaded from another host\(origin); the privacy rules allow only files of this site (store it under content/ or Templates/assets/)"))
            } else if let target = d.target, (target.path.isEmpty ? resolve("") : d.resolved) == nil, !reportedByMarkdown(href, r) {
                let (file, line, origin) = place(href)
                diagnostics.append(.error(file, line: line, "'\(href)' does not exist in the built site\(origin)\(htmlHint(href, on: r, picture: true))"))
            }
        }
        // Anchors the page's Markdown links to (`b.md#ziel`) are checked, and reported at their
        // line, below; the rewritten address in the HTML is the same link.
        let markdownAnchors = Set(r.anchors.compactMap { a in pageOfSource(a.target).map { URLScheme.outputFile($0) + "#" + a.fragment } })
        for href in destinations.notKnownFine(r.refs.links, asResource: false) {
            let d = destination(href)
            if let problem = d.hostProblem {
                let (file, line, origin) = place(href)
                diagnostics.append(.error(file, line: line, problem.message(href, origin: origin)))
                continue
            }
            // An absolute address on the site's own host may be served by something else, so a
            // miss is a warning there (linkchecker would report it against the live site).
            if d.missingOnOwnHost {
                let (file, line, origin) = place(href)
                diagnostics.append(.warning(file, line: line, "link to '\(href)' points at this site, but the build has no such page\(origin)"))
                continue
            }
            guard let target = d.target else { continue }
            guard let resolved = target.path.isEmpty ? resolve(own) : d.resolved else {
                if reportedByMarkdown(href, r) { continue }
                let (file, line, origin) = place(href)
                diagnostics.append(.error(file, line: line, "link to '\(href)' leads nowhere in the built site\(origin)\(htmlHint(href, on: r, picture: false))"))
                continue
            }
            if let fragment = target.fragment, !fragment.isEmpty, resolved.hasSuffix(".html"),
               let ids = ids(resolved), !ids.contains(fragment), !markdownAnchors.contains(resolved + "#" + fragment) {
                let (file, line, origin) = place(href)
                // `results: "#…"` shown by the templates: reported once, at that line (`ParticipationValidator`).
                if !origin.isEmpty, frontMatter.checkedAnchors.contains(resolved + "#" + fragment) { continue }
                // Shown as written (cmark percent-encodes `#über-uns`); a heading of this page is suggested.
                var message = "link to '\(percentDecoded(href))': the page has no anchor '#\(fragment)'\(origin)"
                if target.path.isEmpty, let guess = Self.suggestedAnchor(fragment, in: r.headings.map(\.id)) { message += ", did you mean '#\(guess)'?" }
                diagnostics.append(.error(file, line: line, message))
            }
        }
        return diagnostics + checkAnchors(r, page: page)
    }

    /// Where a problem with an address on a page is reported: at its line in the page's Markdown, at
    /// the front matter key that gives it (`registration:`), else against the page, as the templates'.
    func place(_ href: String, on r: PageRecord) -> (file: String, line: Int?, origin: String) {
        // `https://` alone is the start of every address in the text: only where it stands whole.
        let whole = Self.hostProblem(href) != nil
        if let source = r.source, let line = lineOf(href, in: source, base: basePath, whole: whole) { return (source.display, line, "") }
        if let written = frontMatter.place(of: href, onPageOf: r.source?.path) { return (written.file, written.line, "") }
        return (outputName + "/" + URLScheme.outputFile(r.path), nil, " (written by the templates)")
    }

    /// The anchors the page's Markdown links to (`b.md#ziel`), at their lines.
    private func checkAnchors(_ r: PageRecord, page: String) -> [Diagnostic] {
        r.anchors.compactMap { anchor in
            guard let targetPage = pageOfSource(anchor.target), let ids = ids(URLScheme.outputFile(targetPage)),
                  !ids.contains(anchor.fragment) else { return nil }
            var message = "link target '\(anchor.written)': there is no heading with the id '\(anchor.fragment)'"
            let there = headings(targetPage)
            if let guess = Self.suggestedAnchor(anchor.fragment, in: there) { message += ", did you mean '#\(guess)'?" }
            // No guess: what there is to link, when that is few enough to read in a message.
            else if there.isEmpty { message += "; that page has no headings, so link it without '#\(anchor.fragment)'" }
            else if there.count <= 6 { message += "; its headings are " + there.map { "#" + $0 }.joined(separator: ", ") }
            return .error(r.source?.display ?? page, line: anchor.line, message)
        }
    }


    /// The heading id an editor meant: the fragment made like an id (`#Über-uns` → `ueber-uns`), a
    /// near spelling, or the one id that continues it (`#aktueller-stand` for the heading
    /// "Aktueller Stand (September 2026)", whose date changes with each update).
    static func suggestedAnchor(_ fragment: String, in ids: [String]) -> String? {
        let slug = Slug.make(fragment)
        if slug != fragment, ids.contains(slug) { return slug }
        if let near = nearest(fragment, in: ids) { return near }
        let longer = ids.filter { !slug.isEmpty && $0.hasPrefix(slug + "-") }
        return longer.count == 1 ? longer[0] : nil
    }

    /// The output file a path means: `blog/` → `blog/index.html`, `blog` → `blog/index.html`.
    private func resolve(_ path: String) -> String? {
        if path.isEmpty || path.hasSuffix("/") {
            let file = path + "index.html"
            return hasFile(file) ? file : nil
        }
        if hasFile(path) { return path }
        if hasFile(path + "/index.html") { return path + "/index.html" }
        return nil
    }

    /// For an address of this site, the path under the output root and the fragment; nil for other hosts,
    /// mail links and the like.
    private func internalPath(_ href: String, base: String) -> (path: String, fragment: String?)? {
        Self.internalPath(href, base: base)
    }

    /// The site path of a full address on the site's own host (`https://smartcity.example.org/downloads/a.pdf`
    /// → `downloads/a.pdf`), the way `internalPath` gives it for `/downloads/a.pdf`; nil for any other address.
    static func ownHostPath(_ href: String, baseURL: String, base: String) -> (path: String, fragment: String?)? {
        // Compared as bytes: this runs for every address of every page.
        guard !baseURL.isEmpty, href.utf8.starts(with: baseURL.utf8) else { return nil }
        let rest = href.utf8.dropFirst(baseURL.utf8.count)
        guard !rest.contains(UInt8(ascii: ":")) else { return nil }
        return internalPath(base + String(Substring(rest)), base: base)
    }

    static func internalPath(_ href: String, base: String) -> (path: String, fragment: String?)? {
        if href.isEmpty { return nil }
        // A fragment is compared decoded, as browsers do (`#l%C3%B6sung` is the id `lösung`).
        if href.hasPrefix("#") { return ("", percentDecoded(String(href.dropFirst()))) }
        if isRemote(href) || LinkResolver.scheme(of: href) != nil { return nil }
        var rest = Substring(href)
        var fragment: String?
        if let h = rest.firstIndex(ofASCII: UInt8(ascii: "#")) {
            fragment = percentDecoded(String(rest[rest.utf8.index(after: h)...]))
            rest = rest[..<h]
        }
        if let q = rest.firstIndex(ofASCII: UInt8(ascii: "?")) { rest = rest[..<q] }
        guard rest.utf8.starts(with: base.utf8) else { return (String(rest), fragment) }
        return (percentDecoded(String(Substring(rest.utf8.dropFirst(base.utf8.count)))), fragment)
    }

    /// True for a relative address written as a Markdown link or image (`](…)`, `]: …`): the
    /// Markdown stage resolved it, and reported it when it leads nowhere, so the page does not
    /// report it a second time. Addresses from `/` or `#` are left to this check.
    func reportedByMarkdown(_ href: String, _ r: PageRecord) -> Bool {
        guard let first = href.first, first != "/", first != "#", !isRemote(href), LinkResolver.scheme(of: href) == nil,
              let source = r.source, hasBody(source.path), let body = bodyText(source) else { return false }
        // Written in HTML as well (`<a href="b.md">`, published as written): that one leads nowhere.
        if Self.isHTMLAttribute(href, in: body) { return false }
        // cmark writes some characters of an address percent-encoded (a backslash as %5C), and
        // reads a backslash before punctuation as an escape (`..\..` is `...`).
        let texts = [body, Self.withoutBackslashEscapes(body)]
        for form in Set([href, percentDecoded(href)]) {
            for opening in ["](", "](<", "]( ", "]: ", "]: <", "]:"] where texts.contains(where: { $0.contains(opening + form) }) {
                return true
            }
        }
        return false
    }

    /// Markdown text with `\` before ASCII punctuation removed, as CommonMark reads it.
    static func withoutBackslashEscapes(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var escaped = false
        for b in text.utf8 {
            if escaped {
                escaped = false
                let punctuation = (33...47).contains(b) || (58...64).contains(b) || (91...96).contains(b) || (123...126).contains(b)
                if !punctuation { out.append(92) }
            } else if b == 92 {
                escaped = true
                continue
            }
            out.append(b)
        }
        if escaped { out.append(92) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The Markdown line that contains an address (for messages about links kept as written).
    /// - Parameter whole: only where the address ends (a space, `)`, `>`, a quote or the line's end
    ///   follows), not where it begins a longer one.
    func lineOf(_ href: String, in source: SourceRef, base: String, whole: Bool = false) -> Int? {
        guard hasBody(source.path), var body = bodyText(source) else { return nil }
        let candidates = [href, href.hasPrefix(base) ? "/" + href.dropFirst(base.count) : href, percentDecoded(href)].map { Array($0.utf8) }
        return body.withUTF8 { text -> Int? in
            // The earliest place any form of the address is written, as a line number.
            let ends: Set<UInt8> = [9, 10, 13, 32, 34, 39, 41, 62, 93]
            func offset(_ needle: [UInt8]) -> Int? {
                guard whole else { return firstOffset(of: needle, in: text) }
                var from = 0
                while from < text.count, let at = firstOffset(of: needle, in: UnsafeBufferPointer(rebasing: text[from...])) {
                    let end = from + at + needle.count
                    if end == text.count || ends.contains(text[end]) { return from + at }
                    from += at + 1
                }
                return nil
            }
            guard let at = candidates.compactMap(offset).min() else { return nil }
            return source.bodyFirstLine + text[..<at].reduce(0) { $1 == 10 ? $0 + 1 : $0 }
        }
    }
}

/// Where `needle` first occurs in `haystack` (byte offset).
func firstOffset(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty ? 0 : nil }
    var i = 0
    let last = haystack.count - needle.count
    while i <= last {
        if haystack[i] == first {
            var k = 1
            while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
            if k == needle.count { return i }
        }
        i += 1
    }
    return nil
}
