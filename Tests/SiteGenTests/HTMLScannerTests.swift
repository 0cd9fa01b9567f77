import Testing
@testable import SiteGen

/// The link check reads every page through `HTMLScanner`: what it finds decides which links are
/// reported, so its edges are pinned here.
@Suite struct HTMLScannerTests {
    @Test func findsLinksResourcesAndIds() {
        let html = """
        <!DOCTYPE html><html><head><link rel="stylesheet" href="/assets/site.css"><link rel="alternate" href="/blog/feed.xml">
        <LINK REL="Icon" HREF="/favicon.svg"></head><body><h2 id="ziel">Ziel</h2>
        <a href="/blog/?a=1&amp;b=2">Blog</a> Text mit < und > dazwischen, a<b.
        <img src="/bild.png" srcset="/bild-1.png 1x, /bild-2.png 2x" alt=""><div style="background: url('/hg.png')" id=frei></div>
        <script type="application/ld+json">{"a": "<a href=\\"/nicht-gelesen/\\">"}</script><a href='/einfach/'>x</a>
        """
        let refs = HTMLScanner.scan(html)
        #expect(refs.links == ["/blog/feed.xml", "/blog/?a=1&b=2", "/einfach/"])
        #expect(refs.resources == ["/assets/site.css", "/favicon.svg", "/bild.png", "/bild-1.png", "/bild-2.png", "/hg.png"])
        #expect(refs.ids == ["ziel", "frei"])
    }

    /// Ways raw HTML makes the browser contact another host without a click on a link; each was
    /// read as a link or not at all, so a page carrying one was published without a word.
    @Test func everyWayToLoadFromAnotherHostIsAResource() {
        let html = """
        <p style="background:URL(https://a.example/1.png)"></p><p style="background-image: image-set('https://b.example/2.png' 1x, url(/lokal.png) 2x)"></p>
        <link rel="dns-prefetch" href="//c.example"><link rel="preconnect" href="https://d.example"><link rel="prefetch" href="https://e.example/x.js">
        <a href="/seite/" ping="https://f.example/t https://g.example/t">Seite</a><table background="https://h.example/bg.png"></table>
        <svg><image href="https://i.example/3.png"/><image xlink:href="https://j.example/4.png"/><a href="/svg-link/">x</a></svg>
        """
        let refs = HTMLScanner.scan(html)
        #expect(refs.resources == ["https://a.example/1.png", "https://b.example/2.png", "/lokal.png", "//c.example", "https://d.example",
                                   "https://e.example/x.js", "https://f.example/t", "https://g.example/t", "https://h.example/bg.png",
                                   "https://i.example/3.png", "https://j.example/4.png"], "\(refs.resources)")
        #expect(refs.links == ["/seite/", "/svg-link/"])
    }

    /// A <style> element in a template loading Google Fonts (@import url(https://…)) was skipped
    /// with its content, so every page loaded from Google and the check said nothing.
    @Test func aStyleElementsLoadsAreResources() {
        let refs = HTMLScanner.scan("<head><style>@import url(https://fonts.example/css2?family=Inter);\n.a { background: url('/hg.png') }</style><a href=\"/b/\">b</a><style></style><STYLE>@import \"/x.css\";</STYLE>")
        #expect(refs.resources == ["https://fonts.example/css2?family=Inter", "/hg.png", "/x.css"], "\(refs.resources)")
        #expect(refs.links == ["/b/"])
    }

    /// A tag closed with ` />` or ` >` took the next tag's attributes as its own: the style sheet
    /// after `<br/>` counted as the `<br>`'s link, not as something the page loads.
    @Test func aTagEndingInSlashOrSpaceKeepsItsAttributesToItself() {
        let refs = HTMLScanner.scan("<br/><link rel=\"stylesheet\" href=\"https://fonts.example/a.css\"><p ><link rel=\"icon\" href=\"/i.svg\"><img src=\"/a.png\" /><a href=\"/b/\">")
        #expect(refs.resources == ["https://fonts.example/a.css", "/i.svg", "/a.png"])
        #expect(refs.links == ["/b/"])
    }

    @Test func brokenEndsDoNotCrashOrInvent() {
        #expect(HTMLScanner.scan("").links.isEmpty)
        #expect(HTMLScanner.scan("<").links.isEmpty)
        #expect(HTMLScanner.scan("Text <").links.isEmpty)
        // A quote that never closes runs to the end of the page.
        #expect(HTMLScanner.scan("<a href=\"/offen").links == ["/offen"])
        #expect(HTMLScanner.scan("<a href=").links == [""])
        #expect(HTMLScanner.scan("<script>nie zu").links.isEmpty)
        // Umlauts and entities in values come back as text.
        #expect(HTMLScanner.scan("<a href=\"/gr&#39;ü&quot;e/\" id=\"über\">").links == ["/gr'ü\"e/"])
        #expect(HTMLScanner.scan("<p id=\"über\">").ids == ["über"])
    }

    @Test func idsAreFoundByBinarySearchOnceEach() {
        let refs = HTMLScanner.scan("<h2 id=\"b\">x</h2><p id=\"a\"><p id=\"b\"><p id=\"ä\"><p id=\"A\">")
        #expect(refs.ids.sorted == ["A", "a", "b", "ä"])
        for id in ["A", "a", "b", "ä"] { #expect(refs.ids.contains(id)) }
        for missing in ["", "B", "c", "aa", "z"] { #expect(!refs.ids.contains(missing)) }
        // The store keeps them sorted; a damaged list (out of order, or twice) is refused.
        #expect(PageIDs(sorted: ["a", "b"]) == ["b", "a"])
        #expect(PageIDs(sorted: ["b", "a"]) == nil)
        #expect(PageIDs(sorted: ["a", "a"]) == nil)
    }

    @Test func fileLinksAreEachFileOnceInPageOrder() {
        let html = "<a href=\"/a.pdf\"></a><a href=\"/seite/\"></a><img src=\"/b.png\"><a href=\"/a.pdf#s2\"></a><a href=\"/a.pdf\"></a>"
        #expect(HTMLScanner.scan(html).fileLinks == ["/a.pdf", "/a.pdf#s2", "/b.png"])
        // Links come before resources; past the first 32 files, repeats are still left out.
        let many = (0..<40).map { "<img src=\"/f\($0).png\">" }.joined()
        let refs = HTMLScanner.scan(many + many + "<a href=\"/f3.png\"></a>")
        #expect(refs.fileLinks == ["/f3.png"] + (0..<40).filter { $0 != 3 }.map { "/f\($0).png" })
    }
}

/// The byte-level shortcut for usual addresses agrees with the whole host rule.
@Suite struct HostRuleTests {
    @Test func theShortcutForPlainHostsAgreesWithTheRule() {
        let addresses = ["https://www.dortmund.de/", "https://x.de", "http://a-b.example.org/x?y#z", "//cdn.example.com/a.js",
                         "https://./", "https://.de/", "https://-/", "https://anmeldung/x", "https://", "https://https://x.de/",
                         "https://httpbin.org/", "HTTPS://WWW.DORTMUND.DE/", "https://user@x.de/", "https://x.de:8080/",
                         "https://:8080/x", "https://[::1]/", "https://straße.de/", "https://x..de/", "https://1.2.3.4/",
                         "mailto:a@b.de", "/posts/x/", "#top", "https://x.de#a", "https://x.de?q", "https://x/"]
        for href in addresses {
            #expect(PageLinkCheck.hostProblem(href) == PageLinkCheck.hostProblemOfAnyAddress(href), "\(href)")
            if PageLinkCheck.namesPlainHost(href) { #expect(PageLinkCheck.hostProblemOfAnyAddress(href) == nil, "\(href)") }
        }
        #expect(PageLinkCheck.namesPlainHost("https://www.dortmund.de/") && !PageLinkCheck.namesPlainHost("https://./"))
    }
}
