/// Leichte Sprache (`foo.ls.md` beside `foo.md`): which standard page has a Leichte-Sprache page,
/// and back. Each page links the other; the home page in Leichte Sprache (`home.ls.md`, else the
/// standard page `pages/leichte-sprache.md`) lists them all.
public struct EasyReadLinks: Sendable {
    /// Standard page path → its Leichte-Sprache page path.
    public var easyOf: [String: String] = [:]
    /// Leichte-Sprache page path → the standard page's path.
    public var standardOf: [String: String] = [:]
    /// Every Leichte-Sprache page: its title and path, in the order of the standard site's items.
    public var pages: [(title: String, path: String)] = []
    /// The home page in Leichte Sprache (`home.ls.md`), which lists the others.
    public var home: (title: String, path: String)?
}

enum EasyRead {
    /// Fills `site.easyRead` (and each version's copy) from the Leichte-Sprache version.
    static func link(_ site: inout Site) {
        guard let version = site.easyReadVersion.first else { return }
        var links = EasyReadLinks()
        var titles: [String: String] = [:]
        for p in version.posts { titles[p.source.path] = p.title }
        for p in version.events { titles[p.source.path] = p.title }
        for p in version.projects { titles[p.source.path] = p.title }
        for p in version.pages { titles[p.source.path] = p.title }
        for p in version.participation { titles[p.source.path] = p.title }
        for f in version.fields { titles[f.body.source.path] = f.title }
        if let s = version.strategy { titles[s.source.path] = s.title }
        for body in version.bodies {
            // The home page has no file of its own: `home.ls.md` pairs with it by this name.
            guard let (original, _) = Variant.of(body.source.path),
                  let standard = original == homeOriginal ? site.urls.home : site.pathBySource[original],
                  let easy = version.pathBySource[body.source.path], standard != easy else { continue }
            links.easyOf[standard] = easy
            links.standardOf[easy] = standard
            let entry = (title: titles[body.source.path] ?? easy, path: easy)
            if original == homeOriginal { links.home = entry } else { links.pages.append(entry) }
        }
        site.easyRead = links
        site.easyReadVersion[0].easyRead = links
        for i in site.versions.indices { site.versions[i].easyRead = links }
    }

    /// The slug of the page that lists every Leichte-Sprache page (one of the required pages),
    /// when there is no home page in Leichte Sprache (`home.ls.md`), which does it then.
    static let listPage = "leichte-sprache"
    /// The home page in Leichte Sprache, at `/leichte-sprache/`, and the name it pairs by.
    static let homeFile = "home.ls.md"
    static let homeOriginal = "home.md"
    /// The theme's plain stylesheet for pages in Leichte Sprache (under `Templates/assets/`).
    static let stylesheet = "leichte-sprache.css"
}
