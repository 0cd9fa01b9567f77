#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a file under content/ is to the build, by its path alone: the one place for the rules
/// about stray files (README, "Dateien in content/").
enum ContentFileRole: Equatable {
    case config
    /// A page's Markdown (`posts/2025/x.md` …).
    case document(DocumentKind)
    /// Markdown where no kind of page lives (`posts` is fine at any depth, `pages/a/b.md` is not).
    case misplacedMarkdown
    /// `X.MD`, `x.markdown`, `x.md.txt` …: meant as a page, but not named `.md`; the fix is the name.
    case misnamedMarkdown(rename: String)
    /// Backups, swap files, OS thumbnails …: never published anywhere.
    case junk
    /// A camera's raw file or an image editor's (`.dng`, `.cr2`, `.psd` …), named by its format:
    /// it holds where and with which camera a picture was taken, which the build cannot remove
    /// from it (it reads only the formats photos are published in), so it is never published.
    case rawPicture(format: String)
    /// A file inside a content section (posts/, events/, projects/, pages/, fields/, participation/): published
    /// only when a page links to it (an image next to its post), so a document dropped there by
    /// mistake does not go public.
    case attachment
    /// A file of `downloads/`: published, as it is, only when a page links to it, as an attachment
    /// is; so a file left behind after its page changed, or one waiting for a draft, does not go
    /// public unseen.
    case download
    /// Everything else (images/, favicon.ico, …): published as it is.
    case asset

    static let sections: Set<Substring> = ["fields", "posts", "events", "projects", "pages", "participation"]

    /// Editor backups and swap files, office lock files, OS files (dotfiles are never listed).
    static func isJunk(_ name: Substring) -> Bool { withLowercased(name, isJunk(lowercased:)) }

    private static func isJunk(lowercased lower: UnsafeBufferPointer<UInt8>) -> Bool {
        if junkNames.contains(where: { lower.equals($0) }) { return true }
        if lower.hasPrefix("~$") || (lower.hasPrefix("#") && lower.hasSuffix("#")) || lower.hasSuffix("~") { return true }
        return junkEndings.contains { lower.hasSuffix($0) }
    }

    private static let junkNames: [StaticString] = ["thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r"]
    private static let junkEndings: [StaticString] = [
        ".bak", ".swp", ".swo", ".swx", ".swpx", ".kate-swp", ".tmp", ".temp", ".orig", ".rej", ".crdownload", ".part",
    ]

    /// The UTF-8 of `name.lowercased()`, for the rules about names: every file of the content
    /// folder is asked, so an ASCII name (nearly all) is lowered byte by byte, without a string.
    static func withLowercased<R>(_ name: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var name = name
        return name.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                var lower = String(decoding: bytes, as: UTF8.self).lowercased()
                return lower.withUTF8(body)
            }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
                for (i, b) in bytes.enumerated() { buffer[i] = b >= 65 && b <= 90 ? b + 32 : b }
                return body(UnsafeBufferPointer(buffer))
            }
        }
    }

    /// Endings of files meant as Markdown that are not `.md`.
    static let markdownNearMisses = [".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".md.txt", ".md.html"]

    /// Endings of camera raw files and image editors' own files.
    static let rawPictureEndings: Set<String> = [
        "dng", "cr2", "cr3", "crw", "nef", "nrw", "arw", "srf", "sr2", "orf", "rw2", "raf", "pef", "srw", "x3f",
        "3fr", "erf", "kdc", "mrw", "rwl", "iiq", "psd", "psb", "xcf", "afphoto", "kra",
    ]

    /// "DNG" for `IMG_0042.dng`: the format of a camera raw or image editor file, by its ending.
    static func rawPictureFormat(_ name: Substring) -> String? { withLowercased(name, rawPictureFormat(lowercased:)) }

    private static func rawPictureFormat(lowercased lower: UnsafeBufferPointer<UInt8>) -> String? {
        // The endings have 3 to 7 letters ("afphoto"): no string is made for `.md`, and few for others.
        guard let dot = lower.lastIndex(of: UInt8(ascii: ".")), (3...7).contains(lower.count - dot - 1) else { return nil }
        let ending = String(decoding: UnsafeBufferPointer(rebasing: lower[(dot + 1)...]), as: UTF8.self)
        return rawPictureEndings.contains(ending) ? ending.uppercased() : nil
    }

    /// Why a camera raw or image editor file is not published, and what to do instead.
    static func rawPictureMessage(_ format: String) -> String {
        "this is a camera raw or image editor file (\(format)), which holds where and with which camera a picture was taken; the build cannot remove that, so the file is not published; export the picture as JPEG or PNG and delete this file"
    }

    static func of(_ path: String) -> ContentFileRole {
        if path == "site.yml" || path == "site.yaml" { return .config }
        let parts = path.pathParts
        let name = parts.last ?? Substring(path)
        if let role = withLowercased(name, roleByName) { return role }
        if path.utf8.count >= 3 && path.utf8.suffix(3).elementsEqual(".md".utf8) {
            return ContentLoader.kind(parts: parts).map(ContentFileRole.document) ?? .misplacedMarkdown
        }
        let inSection = parts.count > 1 && sections.contains(parts[0])
        if inSection || parts.count == 1, let fixed = renamedMarkdown(name) { return .misnamedMarkdown(rename: fixed) }
        if inSection { return .attachment }
        return parts.count > 1 && parts[0] == "downloads" ? .download : .asset
    }

    /// Junk or a camera raw file, by the file's name in small letters (lowered once for both); nil for other names.
    private static func roleByName(_ lower: UnsafeBufferPointer<UInt8>) -> ContentFileRole? {
        if isJunk(lowercased: lower) { return .junk }
        return rawPictureFormat(lowercased: lower).map { .rawPicture(format: $0) }
    }

    /// `x.MD` → `x.md`, `x.markdown` → `x.md`, `x.md.txt` → `x.md`; nil for other names.
    private static func renamedMarkdown(_ name: Substring) -> String? {
        // A space after the ending ("neu.md ") is invisible in most file dialogs.
        let name = Substring(String(name).trimmingSpaces)
        let lower = name.lowercased()
        // The name to rename to is the slug, so the renamed file draws no second message.
        func fixed(_ stem: Substring) -> String {
            // A translation's mark stays a mark: `x.en.MD` → `x.en.md`, not `x-en.md`.
            if let (base, mark) = languageMark(stem) { return fixed(base).dropLast(3) + "." + mark + ".md" }
            return (Slug.make(String(stem)).isEmpty ? String(stem) : Slug.make(String(stem))) + ".md"
        }
        if lower.hasSuffix(".md") { return fixed(name.dropLast(3)) }
        guard let ending = markdownNearMisses.first(where: { lower.hasSuffix($0) }) else { return nil }
        return fixed(name.dropLast(ending.count))
    }

    /// `x.EN` → (`x`, `en`): a stem ending in a dot and two letters in any case, the letters in
    /// small (a translation is marked `x.en.md`); nil for other stems.
    static func languageMark(_ stem: Substring) -> (base: Substring, mark: String)? {
        let letters = stem.suffix(2)
        guard stem.count > 3, stem.dropLast(2).last == ".", letters.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return (stem.dropLast(3), letters.lowercased())
    }
}

/// Names of files the build never reads or publishes (`ContentFileRole.isJunk`: editor backups and
/// swap files, office lock files, OS files), for the preview's file watcher: a change to one is
/// no change to the site.
public enum JunkFileNames {
    public static func contains(_ name: String) -> Bool { ContentFileRole.isJunk(Substring(name)) }
}

fileprivate extension UnsafeBufferPointer<UInt8> {
    /// Byte comparisons with a literal, for names lowered by `ContentFileRole.withLowercased`.
    func equals(_ text: StaticString) -> Bool { count == text.utf8CodeUnitCount && hasPrefix(text) }

    func hasPrefix(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        return n <= count && memcmp(baseAddress!, text.utf8Start, n) == 0
    }

    func hasSuffix(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        return n <= count && memcmp(baseAddress! + (count - n), text.utf8Start, n) == 0
    }
}
