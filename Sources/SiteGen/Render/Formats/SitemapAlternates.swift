/// The language versions of a page as the sitemap names them (Google's `xhtml:link`), the
/// site's own language also as `x-default`.
enum SitemapAlternates {
    static func links(_ alternates: [Alternate], urls: URLScheme) -> String {
        guard let first = alternates.first else { return "" }
        var xml = ""
        for a in alternates + [Alternate(language: "x-default", path: first.path)] {
            xml += "<xhtml:link rel=\"alternate\" hreflang=\"\(xmlText(a.language))\" href=\"\(xmlText(urls.absolute(a.path)))\"/>"
        }
        return xml
    }
}
