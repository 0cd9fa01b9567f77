/// Translations by file name: `foo.en.md` beside `foo.md` is the English version of the same
/// item, `foo.ls.md` its Leichte-Sprache version. This is the one place that reads the mark.
public enum Variant {
    /// `posts/2025/foo.en.md` → (`posts/2025/foo.md`, `en`); nil for a file without a mark.
    public static func of(_ path: String) -> (original: String, code: String)? {
        guard path.hasSuffix(".md") else { return nil }
        let stem = path.dropLast(3)
        guard let dot = stem.lastIndex(of: "."), !stem[..<dot].hasSuffix("/") else { return nil }
        let code = stem[stem.index(after: dot)...]
        // Two letters, as ISO 639-1 codes (and `ls`) have: `bericht.pdf.md` is no translation.
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return nil }
        let name = stem[..<dot]
        guard !name.isEmpty, !name.hasSuffix("/") else { return nil }
        return (String(name) + ".md", String(code))
    }

    /// Whether a file's stem (`foo.en`) is a slug with a language mark: no slug itself, but meant so.
    static func isMarked(stem: String) -> Bool { of(stem + ".md").map { Slug.isValid(String($0.original.dropLast(3))) } ?? false }
}

/// The documents of each version: the site's own, and per other language (and `ls`) its own.
struct VersionedDocuments {
    var own: [LoadedDocument] = []
    var byCode: [String: [LoadedDocument]] = [:]
    /// Marked files whose mark no version has (`foo.fr.md` without `fr` in site.yml).
    var unknown: [LoadedDocument] = []

    /// `codes`: the marks that make a version (the declared languages but the site's own, and `ls`).
    init(_ documents: [LoadedDocument], codes: Set<String>) {
        for doc in documents {
            guard let (original, code) = Variant.of(doc.source.path) else { own.append(doc); continue }
            guard codes.contains(code) else { unknown.append(doc); own.append(doc); continue }
            var translated = doc
            translated.fileSlug = Slug.make(String(original.pathParts.last!.dropLast(3)))
            byCode[code, default: []].append(translated)
        }
    }

    /// Warnings for marked files of no version: published as they are (`foo-fr`), as before;
    /// but the site has one strategy page, which `strategy.md` keeps (`Modeller.strategy`).
    func warnings() -> [Diagnostic] {
        let hasStrategy = own.contains { $0.source.path == "strategy.md" }
        return unknown.compactMap { doc in
            guard let (original, code) = Variant.of(doc.source.path) else { return nil }
            let name = String(original.pathParts.last!)
            if original == "strategy.md", hasStrategy {
                return .warning(doc.source.display, "the file name marks it as the '\(code)' version of strategy.md, but site.yml declares no language '\(code)', and the site has one strategy page, so it is not published; add \(code) under languages: in site.yml, or remove the file")
            }
            return .warning(doc.source.display, "the file name marks it as the '\(code)' version of \(name), but site.yml declares no language '\(code)', so it is published as a page of its own; add \(code) under languages: in site.yml, or rename the file")
        }
    }
}
