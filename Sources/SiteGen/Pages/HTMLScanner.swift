#if canImport(Glibc)
import Glibc
#endif

/// Finds the addresses a rendered page refers to and the ids it offers, without a full HTML parser:
/// our templates and cmark write attributes in double quotes, which is all this reads.
struct HTMLReferences: Sendable {
    /// `href` values of `<a>` and `<link>`.
    var links: [String] = []
    /// `src`, `srcset`, `poster`, `background`, `ping`, `<link rel=stylesheet|icon|preload|prefetch|preconnect href>`,
    /// an SVG `<image href>`, `url(...)`, `image-set("...")`: things a browser loads (or, for `ping`
    /// and `preconnect`, contacts) without the visitor following a link.
    var resources: [String] = []
    var ids: PageIDs = []
    /// The links and resources that may name a file rather than a page (`mayNameFile`), each once:
    /// what the check for unlinked downloads and photos looks at, without going through every
    /// page's hundred links to other pages again on each build.
    var fileLinks: [String] = []

    /// Notes the file-like addresses among `links` and `resources`.
    /// A page has few of them: repeats are found by looking through those found so far, and only
    /// a page with many uses a set.
    mutating func findFileLinks() {
        var found: [String] = []
        var seen: Set<String>?
        func note(_ href: String) {
            guard Self.mayNameFile(href) else { return }
            if seen == nil, found.count >= 32 { seen = Set(found) }
            if seen != nil ? seen!.insert(href).inserted : !found.contains(href) { found.append(href) }
        }
        links.forEach(note)
        resources.forEach(note)
        fileLinks = found
    }

    /// False for an address that cannot lead to a file of the content: one whose last part (before
    /// `?` or `#`) has no dot and nothing percent-encoded, such as a page's `/blog/post/`. Most
    /// links lead to pages, and resolving each of a large site's links costs more than the rest.
    static func mayNameFile(_ href: String) -> Bool {
        var href = href
        return href.withUTF8 { bytes in
            var dotInLastPart = false
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "?"), UInt8(ascii: "#"): return dotInLastPart
                case UInt8(ascii: "/"): dotInLastPart = false
                case UInt8(ascii: "."), UInt8(ascii: "%"): dotInLastPart = true
                default: break
                }
            }
            return dotInLastPart
        }
    }
}

enum HTMLScanner {
    /// - Parameter interner: shares equal link strings between pages (see `StringInterner`).
    static func scan(_ html: String, interner: StringInterner? = nil) -> HTMLReferences {
        var html = html
        return html.withUTF8 { scan($0, interner: interner) }
    }

    static func scan(_ html: [UInt8], interner: StringInterner? = nil) -> HTMLReferences {
        html.withUnsafeBufferPointer { scan($0, interner: interner) }
    }

    static func scan(_ html: UnsafeBufferPointer<UInt8>, interner: StringInterner?) -> HTMLReferences {
        var refs = scan(bytes: html, interner: interner)
        refs.findFileLinks()
        return refs
    }

    /// The attributes this scanner reads; every other name is skipped without making a string.
    private enum Attribute {
        case id, href, rel, src, srcset, style, ping, other
        /// Its value is an address as it stands (not a list of them).
        var isAddress: Bool { self == .href || self == .src }
    }

    /// Tags whose `href` is loaded rather than followed.
    private enum Tag { case link, image, other }

    private static func scan(bytes: UnsafeBufferPointer<UInt8>, interner: StringInterner?) -> HTMLReferences {
        var refs = HTMLReferences()
        var ids: [String] = []
        var i = 0
        let n = bytes.count
        var attributes: [(Attribute, String)] = []
        while i < n {
            // Text between tags is most of a page: jump to the next "<" with memchr.
            guard let lt = memchr(bytes.baseAddress! + i, 0x3C, n - i) else { break }
            i = bytes.baseAddress!.distance(to: lt.assumingMemoryBound(to: UInt8.self))
            guard i + 1 < n, isLetter(bytes[i + 1]) else { i += 1; continue }
            // Tag name.
            var j = i + 1
            while j < n, isLetter(bytes[j]) || isDigit(bytes[j]) { j += 1 }
            let tagStart = i + 1, tagEnd = j
            let tag: Tag = equalsLowercased(bytes, tagStart, tagEnd, "link") ? .link
                : equalsLowercased(bytes, tagStart, tagEnd, "image") || equalsLowercased(bytes, tagStart, tagEnd, "feimage") ? .image : .other
            attributes.removeAll(keepingCapacity: true)
            j = readAttributes(bytes, from: j, into: &attributes, interner: interner)
            record(attributes, tag: tag, into: &refs, ids: &ids, interner: interner)
            i = j + 1
            // Skip the content of script and style elements (JSON-LD, inline data).
            let close: [UInt8]? = equalsLowercased(bytes, tagStart, tagEnd, "script") ? scriptClose
                : equalsLowercased(bytes, tagStart, tagEnd, "style") ? styleClose : nil
            if let close {
                let contentStart = i
                while i + close.count <= n, !(bytes[i] == 60 && equalsLowercased(bytes, i, i + close.count, close)) { i += 1 }
                // A style element loads what its url(…) and @import name, as a style attribute does.
                if close == styleClose, i > contentStart {
                    refs.resources += StyleSheetReferences.all(Array(bytes[contentStart..<min(i, n)])).map { shared($0.address, interner) }
                }
            }
        }
        refs.ids = PageIDs(ids)
        return refs
    }

    /// Reads a tag's attributes from `start` (after its name) to its `>`; keeps only the ones this
    /// scanner needs (addresses shared through `interner`). Returns where the `>` is.
    @inline(__always)
    private static func readAttributes(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into attributes: inout [(Attribute, String)],
                                       interner: StringInterner?) -> Int {
        let n = bytes.count
        var j = start
        while j < n, bytes[j] != UInt8(ascii: ">") {
            while j < n, bytes[j] == 32 || bytes[j] == 10 || bytes[j] == 9 || bytes[j] == UInt8(ascii: "/") { j += 1 }
            let nameStart = j
            while j < n, bytes[j] != UInt8(ascii: "="), bytes[j] != 32, bytes[j] != UInt8(ascii: ">"), bytes[j] != 10 { j += 1 }
            let name = attribute(bytes, nameStart, j)
            if j < n, bytes[j] == UInt8(ascii: "=") {
                j += 1
                if j < n, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                    let quote = bytes[j]
                    j += 1
                    let valueStart = j
                    if let end = memchr(bytes.baseAddress! + j, Int32(quote), n - j) {
                        j = bytes.baseAddress!.distance(to: end.assumingMemoryBound(to: UInt8.self))
                    } else {
                        j = n
                    }
                    if name != .other {
                        let value = UnsafeBufferPointer(rebasing: bytes[valueStart..<j])
                        attributes.append((name, text(of: value, decoding: true, interner: name.isAddress ? interner : nil)))
                    }
                    j += 1
                } else {
                    let valueStart = j
                    while j < n, bytes[j] != 32, bytes[j] != UInt8(ascii: ">") { j += 1 }
                    if name != .other {
                        let value = UnsafeBufferPointer(rebasing: bytes[valueStart..<j])
                        attributes.append((name, text(of: value, decoding: false, interner: name.isAddress ? interner : nil)))
                    }
                }
            } else if j == nameStart, j < n, bytes[j] != UInt8(ascii: ">") {
                j += 1  // never past the `>` of `<img … />` or `<p >`: the next tag's attributes would count as this one's
            }
        }
        return j
    }

    /// An attribute's value, with its entities decoded when it was quoted; shared through `interner` when given.
    @inline(__always)
    private static func text(of value: UnsafeBufferPointer<UInt8>, decoding: Bool, interner: StringInterner?) -> String {
        if decoding, value.contains(UInt8(ascii: "&")) {
            return shared(decodeEntities(String(decoding: value, as: UTF8.self)), interner)
        }
        return interner?.intern(bytes: value) ?? String(decoding: value, as: UTF8.self)
    }

    @inline(__always)
    private static func shared(_ s: String, _ interner: StringInterner?) -> String { interner?.intern(s) ?? s }

    /// Notes what a tag's attributes link to, load and offer as ids.
    @inline(__always)
    private static func record(_ attributes: [(Attribute, String)], tag: Tag, into refs: inout HTMLReferences, ids: inout [String],
                               interner: StringInterner?) {
        for (name, value) in attributes {
            switch name {
            case .id: ids.append(value)
            case .href:
                if tag == .image {
                    refs.resources.append(value)  // an inline SVG's picture is loaded with the page
                } else if tag == .link {
                    // Hints (`dns-prefetch`, `preconnect`, `prefetch`) contact the host as the page loads.
                    let rel = attributes.first { $0.0 == .rel }?.1.lowercased() ?? ""
                    if ["stylesheet", "icon", "preload", "manifest", "prefetch", "preconnect", "prerender"].contains(where: rel.containsBytes) {
                        refs.resources.append(value)
                    } else {
                        refs.links.append(value)
                    }
                } else {
                    refs.links.append(value)
                }
            case .src: refs.resources.append(value)
            case .srcset:
                for candidate in value.split(separator: ",") {
                    if let url = candidate.split(separator: " ").first { refs.resources.append(shared(String(url), interner)) }
                }
            case .style:
                refs.resources += StyleSheetReferences.all(Array(value.utf8)).map { shared($0.address, interner) }
            case .ping:
                // Each address is sent a request when the link is followed: a tracker, not a link.
                refs.resources += value.split(separator: " ").map { shared(String($0), interner) }
            case .rel, .other: break
            }
        }
    }

    private static let scriptClose = Array("</script".utf8)
    private static let styleClose = Array("</style".utf8)

    private static func attribute(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Attribute {
        switch end - start {
        case 2: return equalsLowercased(bytes, start, end, "id") ? .id : .other
        case 3:
            if equalsLowercased(bytes, start, end, "src") { return .src }
            return equalsLowercased(bytes, start, end, "rel") ? .rel : .other
        case 4:
            if equalsLowercased(bytes, start, end, "href") { return .href }
            if equalsLowercased(bytes, start, end, "ping") { return .ping }
            return equalsLowercased(bytes, start, end, "data") ? .src : .other
        case 5: return equalsLowercased(bytes, start, end, "style") ? .style : .other
        case 6:
            if equalsLowercased(bytes, start, end, "srcset") { return .srcset }
            return equalsLowercased(bytes, start, end, "poster") ? .src : .other
        case 10:
            if equalsLowercased(bytes, start, end, "xlink:href") { return .href }
            return equalsLowercased(bytes, start, end, "background") ? .src : .other  // <table background=…>
        default: return .other
        }
    }

    /// Whether `bytes[start..<end]`, lowercased, is `word` (ASCII).
    private static func equalsLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ word: StaticString) -> Bool {
        guard end - start == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<(end - start) where lower(bytes[start + k]) != w[k] { return false }
        return true
    }

    private static func equalsLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ word: [UInt8]) -> Bool {
        guard end - start == word.count else { return false }
        for k in 0..<(end - start) where lower(bytes[start + k]) != word[k] { return false }
        return true
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    private static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

    static func decodeEntities(_ s: String) -> String {
        guard s.containsByte(UInt8(ascii: "&")) else { return s }
        return s.replacingAll("&amp;", with: "&").replacingAll("&quot;", with: "\"").replacingAll("&#39;", with: "'")
            .replacingAll("&lt;", with: "<").replacingAll("&gt;", with: ">")
    }
}
