/// Turns addresses written in Markdown into site URLs:
/// `../2024/foo.md#ziel` → `/blog/2024/foo/#ziel`, `../../images/a.svg` → `/images/a.svg`.
public struct LinkResolver: Sendable {
    /// Where the document at a source path is published (its page path).
    let page: @Sendable (String) -> String?
    /// Why a source is not published (a draft, a future post …).
    let exclusion: @Sendable (String) -> String?
    /// The size of a file of the content that is not a page, or nil when there is no such file.
    let assetSize: @Sendable (String) -> Int?
    /// Every published source path (asked only for the "did you mean" of a link that leads nowhere).
    let sources: @Sendable () -> [String]
    /// Every other file of the content (asked only for the "did you mean" of a missing file).
    let assetPaths: @Sendable () -> [String]
    /// The site's path below its host (`/` or `/smartcity/`), put before every site path.
    let basePath: String
    /// Photos are published as files made from them (see `ImageCatalog`).
    let images: ImageCatalog

    public init(site: Site) { self.init(site: site, images: .empty) }

    init(site: Site, images: ImageCatalog) {
        let pages = site.pathBySource, excluded = site.excludedSources
        let sizes = Dictionary(site.assets.map { ($0.path, $0.size) }, uniquingKeysWith: { a, _ in a })
        page = { pages[$0] }
        exclusion = { excluded[$0] }
        assetSize = { sizes[$0] }
        sources = { pages.keys.sorted() }
        let assetList = site.assets.map(\.path)
        assetPaths = { assetList }
        basePath = site.urls.basePath
        self.images = images
    }

    /// The address's path, percent-decoded, without its ?query; and its #fragment, as written.
    static func pathAndFragment(_ href: String) -> (path: String, fragment: Substring?) {
        let parts = pathQueryAndFragment(href)
        return (parts.path, parts.fragment)
    }

    /// As `pathAndFragment`, with the query as written (`?q=klima`, with its `?`; empty without one).
    static func pathQueryAndFragment(_ href: String) -> (path: String, query: Substring, fragment: Substring?) {
        var path = Substring(href)
        var fragment: Substring?
        if let hash = path.firstIndex(ofASCII: UInt8(ascii: "#")) {
            fragment = path[path.utf8.index(after: hash)...]
            path = path[..<hash]
        }
        var query = Substring()
        if let q = path.firstIndex(ofASCII: UInt8(ascii: "?")) {
            query = path[q...]
            path = path[..<q]
        }
        return (percentDecoded(String(path)), query, fragment)
    }

    /// A fragment or query as an address may hold it: spaces, tabs, line breaks and `\` as %XX (an id
    /// has none, so the link check still reports such a fragment; the address stays well-formed).
    static func withoutRawSpaces(_ fragment: Substring) -> String {
        percentEncoded(String(fragment)) { $0 > 32 && $0 != 127 && $0 != UInt8(ascii: "\\") }
    }

    public func resolve(_ href: String, from source: SourceRef, isImage: Bool) -> LinkTarget {
        let trimmed = href.trimmingSpaces
        if trimmed.isEmpty {
            return .broken(isImage ? "image has no address" : "link has no address; write where it leads, e.g. [Kontakt](../../pages/kontakt.md)")
        }
        if let scheme = Self.scheme(of: trimmed) { return Self.resolve(scheme: scheme, trimmed, isImage: isImage) }
        if trimmed.hasPrefix("//") {
            return isImage ? .broken("image '\(trimmed)' would be loaded from another host; save it under content/images/") : .keep
        }
        if trimmed.hasPrefix("#") { return .keep }

        let (decoded, writtenQuery, fragment) = Self.pathQueryAndFragment(trimmed)
        let suffix = fragment.map { "#" + Self.withoutRawSpaces($0) } ?? ""
        // A page's address keeps the query it was written with (`/suche/?q=klima`).
        let query = Self.withoutRawSpaces(writtenQuery)

        // Windows writes paths with backslashes; Markdown also reads `\.` as an escaped dot.
        if decoded.containsByte(UInt8(ascii: "\\")) {
            // Two whole sentences, so that each has its translation (see MessageCatalogue).
            return .broken(isImage
                ? "image '\(trimmed)' contains a backslash (\\); write addresses with /, e.g. ../../projects/mein-projekt.md"
                : "link target '\(trimmed)' contains a backslash (\\); write addresses with /, e.g. ../../projects/mein-projekt.md")
        }
        guard let target = resolveContentPath(decoded, from: source.path) else {
            if decoded.hasPrefix("/") || decoded == "." || decoded.isEmpty { return .keep }
            return .broken("link target '\(trimmed)' lies outside the content folder" + (oneUpTooMany(decoded, from: source).map { ", did you mean '\($0 + suffix)'?" } ?? ""))
        }
        if decoded.hasSuffix(".md") {
            if let page = page(target) {
                let check = fragment.map { (target: target, fragment: String($0)) }
                return .rewrite(sitePath(page) + query + suffix, anchorCheck: check)
            }
            if let reason = exclusion(target) {
                // Its own error fails the build; the link is left as written until it is fixed.
                if reason == Publication.ownErrors { return .keep }
                return .broken("link target '\(trimmed)' \(reason) and is not published; link to something else or publish it")
            }
            return missing(trimmed, target: target, from: source)
        }
        // A photo shows as its `<img src>` variant (whose name changes with its bytes, so a text
        // that shows it is rendered again when the photo changes); a link leads to its largest.
        if let image = images.rendition(target) {
            return .rewrite(sitePath(percentEncodedPath(isImage ? image.src.path : image.linkTarget.path)) + suffix, anchorCheck: nil)
        }
        // A photo with an error of its own: left as written until it is fixed (one message, the photo's).
        if images.isRejected(target) { return .keep }
        if isImage, ImageFormat(path: target) == nil, assetSize(target) != nil { return .broken(SiteValidator.notAPicture(trimmed)) }
        if let size = assetSize(target) {
            let href = sitePath(percentEncodedPath(target)) + suffix
            if !isImage, let format = DownloadLinks.format(of: target) { return .download(href, format: format, size: size) }
            return .rewrite(href, anchorCheck: nil)
        }
        // A site address such as /veranstaltungen/ is kept (with the base path) and checked in the output.
        if decoded.hasPrefix("/") { return .rewrite(sitePath(percentEncodedPath(String(decoded.dropFirst()))) + query + suffix, anchorCheck: nil) }
        if isImage {
            let guess = nearestFile(target, from: source)
            return .broken("image '\(trimmed)' does not exist under content/" + (guess.map { ", did you mean '\($0 + suffix)'?" } ?? ""))
        }
        return missing(trimmed, target: target, from: source)
    }

    /// A link that leads nowhere, with what the editor probably meant: a web address without
    /// `https://`, the same address with `.md`, the only page file of that name (in another folder: `projekte/` for `projects/`), or
    /// a near spelling of the whole path, of the same language version.
    private func missing(_ written: String, target: String, from source: SourceRef) -> LinkTarget {
        let hash = written.firstIndex(of: "#") ?? written.endIndex
        let (path, fragment) = (String(written[..<hash]), String(written[hash...]))
        var guess: String?, clause = ""
        if path.lowercased().hasPrefix("www.") {
            guess = "https://" + path
        } else if fragment.isEmpty, FrontMatterReader.isMailAddress(path) {
            guess = "mailto:" + path  // an e-mail address, as written in a letter
        } else if let (original, code) = Variant.of(target), page(original) != nil, path.hasSuffix(".\(code).md") {
            // A version not written (yet): the original is the page there is, never another version.
            clause = " (\(original.pathParts.last.map(String.init) ?? original) has no '\(code)' version)"
            guess = String(path.dropLast(code.count + 4)) + ".md"
        } else if !target.hasSuffix(".md"), page(target + ".md") != nil {
            guess = path + ".md"
        } else if target.hasSuffix(".md") {
            // Only files of the language version written (`foo.en.md` was offered `foo.ls.md`).
            let mark = Variant.of(target)?.code
            let all = sources().filter { exclusion($0) == nil && Variant.of($0)?.code == mark }
            let name = target.pathParts.last.map(String.init) ?? target
            let sameName = all.filter { $0 == name || $0.hasSuffix("/" + name) }
            let relative = (sameName.count == 1 ? sameName : all).map { ParticipationValidator.relativeLink(from: source.path, to: $0) }
            guess = sameName.count == 1 ? relative.first : nearest(path, in: relative)
        } else {
            guess = nearestFile(target, from: source)
        }
        return .broken("link target '\(written)' does not exist" + clause + (guess.map { ", did you mean '\($0 + fragment)'?" } ?? ""))
    }

    /// A file of the content named nearly as `target`, as a link from the page: `../../downloads/flyr.pdf` → `../../downloads/flyer.pdf`.
    /// `../strategy.md` written in `home.ls.md`, which lies in content/ itself, as its neighbours
    /// one folder down write it: the address without the `../` too many, when a file is there.
    private func oneUpTooMany(_ decoded: String, from source: SourceRef) -> String? {
        var shorter = Substring(decoded)
        while shorter.hasPrefix("../") {
            shorter = shorter.dropFirst(3)
            if let target = resolveContentPath(String(shorter), from: source.path), page(target) != nil || assetSize(target) != nil {
                return String(shorter)
            }
        }
        return nil
    }

    private func nearestFile(_ target: String, from source: SourceRef) -> String? {
        nearestContentFile(target, among: assetPaths()).map { ParticipationValidator.relativeLink(from: source.path, to: $0) }
    }

    private func sitePath(_ path: String) -> String { basePath + path }

    /// `https` for `https://…`; nil for relative paths.
    /// An address with a scheme: kept, or why it cannot be.
    private static func resolve(scheme: String, _ trimmed: String, isImage: Bool) -> LinkTarget {
        switch scheme {
        case "javascript", "vbscript", "data": return .dangerous
        // `file:///C:/Users/…` (copied from a browser's address bar): no code, but a file on the
        // editor's computer, as C:\… is; it was "runs code" and the link quietly left out.
        case "file" where isImage:
            return .broken("'\(trimmed)' is a picture on a computer, which no visitor can see; copy it into content/images/ and show it from there, e.g. ![…](../../images/plan.jpg)")
        case "file":
            return .broken("'\(trimmed)' is a file on a computer, which no visitor can open; copy the file into content/downloads/ and link it from there, e.g. ../../downloads/plan.pdf")
        case "http", "https":
            return isImage
                ? .broken("image '\(trimmed)' would be loaded from another host, which the privacy rules forbid; save it under content/images/ and link it from there")
                : .keep
        // A phone number is dialled by its digits (the same rule as in front matter); one that is
        // none would be published as a link that calls nobody.
        case "tel" where !isImage:
            let number = percentDecoded(String(trimmed.dropFirst(4)))
            guard let href = PhoneNumber.href(number) else {
                return .broken(PhoneNumber.problem(trimmed, number: number, wordsGo: .text))
            }
            return .rewrite(href, anchorCheck: nil)
        // One letter is a Windows drive (C:\…, Z:/…): a path on the editor's computer, which no visitor can open.
        case _ where scheme.count == 1:
            return .broken("'\(trimmed)' is a path on a computer (drive \(scheme.uppercased()):); copy the file into content/downloads/ and link it from there, e.g. ../../downloads/plan.pdf")
        default: return isImage ? .broken("image address '\(trimmed)' is not supported") : .keep
        }
    }

    static func scheme(of s: String) -> String? {
        // Without a colon byte there is no colon character (most links are relative).
        guard s.containsByte(UInt8(ascii: ":")), let colon = s.firstIndex(of: ":") else { return nil }
        let scheme = s[..<colon]
        guard let first = scheme.first, first.isLetter, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
        return scheme.lowercased().filter { !$0.isWhitespace }
    }
}

/// A file's path as it may stand in an address: spaces and the other ASCII characters an
/// address may not hold (`"`, `#`, `%`, `<`, `>`, `?` …) as %XX (`Flyer Sommer.pdf` →
/// `Flyer%20Sommer.pdf`); letters beyond ASCII stay, as browsers read them.
func percentEncodedPath(_ path: String) -> String {
    let reserved = Set(Array("\"#%<>?[\\]^`{|}".utf8))
    return percentEncoded(path) { $0 > 32 && $0 != 127 && !reserved.contains($0) }
}

/// `text` with each byte `keeping` refuses as %XX (upper-case hex): the one encoder of paths,
/// queries, fragments and mail fields.
func percentEncoded(_ text: String, keeping: (UInt8) -> Bool) -> String {
    guard text.utf8.contains(where: { !keeping($0) }) else { return text }
    let hex = Array("0123456789ABCDEF".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 8)
    for c in text.utf8 {
        if keeping(c) { bytes.append(c) } else { bytes += [UInt8(ascii: "%"), hex[Int(c >> 4)], hex[Int(c & 15)]] }
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Decodes %XX escapes (e.g. %20 in file names); invalid escapes stay as written.
func percentDecoded(_ s: String) -> String {
    guard s.containsByte(UInt8(ascii: "%")) else { return s }
    var bytes: [UInt8] = []
    let utf8 = Array(s.utf8)
    var i = 0
    func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 65...70: return c - 55
        case 97...102: return c - 87
        default: return nil
        }
    }
    while i < utf8.count {
        if utf8[i] == 37, i + 2 < utf8.count, let h = hex(utf8[i + 1]), let l = hex(utf8[i + 2]) {
            bytes.append(h << 4 | l)
            i += 3
        } else {
            bytes.append(utf8[i])
            i += 1
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}
