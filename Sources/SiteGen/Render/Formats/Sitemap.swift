/// `sitemap.xml` with absolute URLs and `lastmod`; past 50,000 URLs a sitemap index with several files.
struct Sitemap {
    static let maxURLsPerFile = 50_000

    let site: Site
    let records: [PageRecord]

    func files() -> [OutputFile] {
        let entries = records.filter { $0.isHTMLPage && $0.path != "404.html" }.map { r -> (String, String?) in
            (site.urls.absolute(r.path), r.source.flatMap(lastModified))
        }
        if entries.count <= Self.maxURLsPerFile {
            return [OutputFile("sitemap.xml", urlset(entries[...]))]
        }
        var files: [OutputFile] = []
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        var start = 0
        var n = 1
        while start < entries.count {
            let end = min(entries.count, start + Self.maxURLsPerFile)
            let name = "sitemap-\(n).xml"
            files.append(OutputFile(name, urlset(entries[start..<end])))
            index += "  <sitemap><loc>\(xmlEscape(site.urls.absolute(name)))</loc></sitemap>\n"
            start = end
            n += 1
        }
        index += "</sitemapindex>\n"
        files.append(OutputFile("sitemap.xml", index))
        return files
    }

    private func urlset(_ entries: ArraySlice<(String, String?)>) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (loc, lastmod) in entries {
            xml += "  <url><loc>\(xmlEscape(loc))</loc>"
            if let lastmod { xml += "<lastmod>\(lastmod)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// The content date of an item page (updated, else its date).
    private func lastModified(_ source: SourceRef) -> String? {
        if let p = site.posts.first(where: { $0.source.path == source.path }) { return (p.updated ?? p.date).rfc3339UTC }
        if let p = site.projects.first(where: { $0.source.path == source.path }), let u = p.updated { return u.rfc3339UTC }
        return nil
    }
}

/// Escapes text for XML content and attributes.
func xmlEscape(_ s: String) -> String {
    guard s.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return s }
    var out = ""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}
