/// Checks the rendered site as a browser would meet it: every internal link and
/// `#anchor` leads somewhere, nothing is loaded from another host.
struct OutputChecker {
    let site: Site
    let records: [PageRecord]
    let outputs: Set<String>
    /// The Markdown text of a source, to find the line of an address; asked only for messages.
    private let bodyText: (SourceRef) -> String?
    /// Sources that have a Markdown body (the others are not searched).
    private let sources: Set<String>

    init(site: Site, records: [PageRecord], outputs: Set<String>, bodyText: @escaping (SourceRef) -> String?) {
        self.site = site
        self.records = records
        self.outputs = outputs
        self.bodyText = bodyText
        sources = Set(site.bodies.map(\.source.path))
    }

    /// Links to other sites found on the pages, for `check --external`.
    func externalLinks() -> [ExternalLink] {
        var result: [ExternalLink] = []
        let base = site.urls.basePath
        for r in records {
            for href in r.refs.links where href.lowercased().hasPrefix("http://") || href.lowercased().hasPrefix("https://") {
                if href.hasPrefix(site.config.baseURL) { continue }
                let line = r.source.flatMap { lineOf(href, in: $0, base: base) }
                result.append(ExternalLink(url: href, file: line != nil ? r.source!.display : "public/" + URLScheme.outputFile(r.path), line: line))
            }
        }
        return result
    }

    /// - Parameter cache: where each page's findings from the last build are kept; a page's are
    ///   reused when the page (its references and text) and everything it can point at (the
    ///   site's files, every page's ids, where each source is published) are the same.
    func check(cache: BuildCache? = nil) -> [Diagnostic] {
        var idsByPath: [String: Set<String>] = [:]
        for r in records where r.isHTMLPage { idsByPath[URLScheme.outputFile(r.path)] = r.refs.ids }
        let base = site.urls.basePath
        let world = cache.map { _ in worldKey() }

        // Findings of pages that did not change, from the cache; the others are checked.
        let keys = records.map { r in world.flatMap { w in r.checkKey.map { ContentHash.mix(w, $0) } } }
        var findings: [[Diagnostic]?] = records.indices.map { i in keys[i].flatMap { cache?.linkCheck(records[i].path, key: $0) } }
        let unchecked = records.indices.filter { findings[$0] == nil }

        // The same addresses stand on thousands of pages (navigation, footer, cards, badges):
        // where each leads is worked out once.
        var destinations: [String: Destination] = [:]
        for r in unchecked.map({ records[$0] }) {
            for href in r.refs.links where destinations[href] == nil { destinations[href] = destination(href, base: base) }
            for href in r.refs.resources where destinations[href] == nil { destinations[href] = destination(href, base: base) }
        }

        // Pages are checked side by side; each gives its own list, joined in page order.
        let checked = parallelMap(unchecked) { i in check(records[i], idsByPath: idsByPath, base: base, destinations: destinations) }
        for (i, list) in zip(unchecked, checked) {
            findings[i] = list
            if let key = keys[i] { cache?.storeLinkCheck(records[i].path, key: key, list) }
        }
        return findings.flatMap { $0 ?? [] }
    }

    /// Everything a page's findings depend on besides the page: the files of the site, the ids
    /// and headings of every page, where each source is published, the site's address.
    private func worldKey() -> UInt64 {
        var h = ContentHash.of(site.config.baseURL + "\n" + site.urls.basePath)
        for path in outputs.sorted() { h = ContentHash.mix(h, ContentHash.of(path)) }
        for r in records {
            // Sets have no order: an order-free sum of their members' hashes.
            var ids: UInt64 = 0
            for id in r.refs.ids { ids &+= ContentHash.of(id, seed: 11) }
            h = ContentHash.mix(ContentHash.mix(h, ContentHash.of(r.path)), ids)
            for heading in r.headings { h = ContentHash.mix(h, ContentHash.of(heading.id, seed: 12)) }
        }
        for (source, path) in site.pathBySource.sorted(by: { $0.key < $1.key }) {
            h = ContentHash.mix(ContentHash.mix(h, ContentHash.of(source)), ContentHash.of(path))
        }
        return h
    }

    /// Where an address leads, as far as that does not depend on the page it stands on.
    private struct Destination {
        var remote: Bool
        /// An absolute address on the site's own host for which the build has no file.
        var missingOnOwnHost: Bool
        /// The path under the output root and the fragment (nil: not an address of this site).
        var target: (path: String, fragment: String?)?
        /// The output file of `target.path` (nil: none; unused when the path is empty, the page itself).
        var resolved: String?
    }

    private func destination(_ href: String, base: String) -> Destination {
        let target = internalPath(href, base: base)
        var missingOnOwnHost = false
        if href.hasPrefix(site.config.baseURL), !href.dropFirst(site.config.baseURL.count).contains(":"),
           let own = internalPath(base + href.dropFirst(site.config.baseURL.count), base: base), !own.path.isEmpty {
            missingOnOwnHost = resolve(own.path) == nil
        }
        return Destination(remote: isRemote(href), missingOnOwnHost: missingOnOwnHost, target: target,
                           resolved: target.flatMap { $0.path.isEmpty ? nil : resolve($0.path) })
    }

    private func check(_ r: PageRecord, idsByPath: [String: Set<String>], base: String, destinations: [String: Destination]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let own = URLScheme.outputFile(r.path)
        let page = "public/" + own
        // A reference written in the Markdown is reported there; one from the templates against the page.
        func place(_ href: String) -> (String, Int?, String) {
            if let source = r.source, let line = lineOf(href, in: source, base: base) { return (source.display, line, "") }
            return (page, nil, " (written by the templates)")
        }

        for href in r.refs.resources {
            let d = destinations[href] ?? destination(href, base: base)
            if d.remote {
                let (file, line, origin) = place(href)
                diagnostics.append(.error(file, line: line, "'\(href)' would be loaded from another host\(origin); the privacy rules allow only files of this site (store it under content/ or Templates/assets/)"))
            } else if let target = d.target, (target.path.isEmpty ? resolve("") : d.resolved) == nil {
                let (file, line, origin) = place(href)
                diagnostics.append(.error(file, line: line, "'\(href)' does not exist in the built site\(origin)"))
            }
        }
        for href in r.refs.links {
            let d = destinations[href] ?? destination(href, base: base)
            // An absolute address on the site's own host may be served by something else, so a
            // miss is a warning there (linkchecker would report it against the live site).
            if d.missingOnOwnHost {
                let (file, line, origin) = place(href)
                diagnostics.append(.warning(file, line: line, "link to '\(href)' points at this site, but the build has no such page\(origin)"))
                continue
            }
            guard let target = d.target else { continue }
            guard let resolved = target.path.isEmpty ? resolve(own) : d.resolved else {
                let (file, line, origin) = place(href)
                diagnostics.append(.error(file, line: line, "link to '\(href)' leads nowhere in the built site\(origin)"))
                continue
            }
            if let fragment = target.fragment, !fragment.isEmpty, resolved.hasSuffix(".html"),
               let ids = idsByPath[resolved], !ids.contains(fragment) {
                let (file, line, origin) = place(href)
                diagnostics.append(.error(file, line: line, "link to '\(href)': the page has no anchor '#\(fragment)'\(origin)"))
            }
        }
        for anchor in r.anchors {
            guard let targetPage = site.pathBySource[anchor.target],
                  let ids = idsByPath[URLScheme.outputFile(targetPage)] else { continue }
            if !ids.contains(anchor.fragment) {
                let known = records.first { $0.path == targetPage }?.headings.map(\.id) ?? []
                var message = "link target '\(anchor.written)': there is no heading with the id '\(anchor.fragment)'"
                if let guess = nearest(anchor.fragment, in: known) { message += ", did you mean '#\(guess)'?" }
                diagnostics.append(.error(r.source?.display ?? page, line: anchor.line, message))
            }
        }
        return diagnostics
    }


    /// The output file a path means: `blog/` → `blog/index.html`, `blog` → `blog/index.html`.
    private func resolve(_ path: String) -> String? {
        if path.isEmpty || path.hasSuffix("/") {
            let file = path + "index.html"
            return outputs.contains(file) ? file : nil
        }
        if outputs.contains(path) { return path }
        if outputs.contains(path + "/index.html") { return path + "/index.html" }
        return nil
    }

    /// For an address of this site, the path under the output root and the fragment; nil for other hosts,
    /// mail links and the like.
    private func internalPath(_ href: String, base: String) -> (path: String, fragment: String?)? {
        if href.isEmpty { return nil }
        if href.hasPrefix("#") { return ("", String(href.dropFirst())) }
        if isRemote(href) || LinkResolver.scheme(of: href) != nil { return nil }
        var rest = Substring(href)
        var fragment: String?
        if let h = rest.firstIndex(of: "#") { fragment = String(rest[rest.index(after: h)...]); rest = rest[..<h] }
        if let q = rest.firstIndex(of: "?") { rest = rest[..<q] }
        guard rest.hasPrefix(base) else { return (String(rest), fragment) }
        return (percentDecoded(String(rest.dropFirst(base.count))), fragment)
    }

    /// The Markdown line that contains an address (for messages about links kept as written).
    private func lineOf(_ href: String, in source: SourceRef, base: String) -> Int? {
        guard sources.contains(source.path), var body = bodyText(source) else { return nil }
        let candidates = [href, href.hasPrefix(base) ? "/" + href.dropFirst(base.count) : href].map { Array($0.utf8) }
        return body.withUTF8 { text -> Int? in
            // The earliest place any form of the address is written, as a line number.
            guard let at = candidates.compactMap({ firstOffset(of: $0, in: text) }).min() else { return nil }
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
