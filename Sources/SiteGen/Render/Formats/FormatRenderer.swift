/// A generated file that is not an HTML page.
struct OutputFile: Sendable {
    var path: String
    var bytes: [UInt8]
    init(_ path: String, _ text: String) {
        self.path = path
        bytes = Array(text.utf8)
    }
}

/// Feeds, calendars, sitemap, robots.txt, open data and the search index.
struct FormatRenderer {
    static let blogFeedSize = 20

    let site: Site
    let layout: LayoutContext
    let records: [PageRecord]

    func render() -> [OutputFile] {
        var files: [OutputFile] = []
        files += Sitemap(site: site, records: records).files()
        files.append(OutputFile("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: \(site.urls.absolute("sitemap.xml"))\n"))
        return files
    }
}
