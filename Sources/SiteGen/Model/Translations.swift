/// Translations by file name: `foo.en.md` beside `foo.md` is the English version of the same
/// item, `foo.ls.md` its Leichte-Sprache version. This is the one place that reads the mark.
public enum Variant {
    /// `posts/2025/foo.en.md` → (`posts/2025/foo.md`, `en`); nil for a file without a mark.
    public static func of(_ path: String) -> (original: String, code: String)? {
        // In bytes: every file's path comes here, often more than once.
        var path = path
        return path.withUTF8 { bytes in
            // `….xx.md`: the mark is the two letters between the last dots, after a name.
            let n = bytes.count
            guard n >= 7, bytes[(n - 3)...].elementsEqual(".md".utf8), bytes[n - 6] == UInt8(ascii: "."),
                  bytes[n - 7] != UInt8(ascii: "/"), isSmallLetter(bytes[n - 5]), isSmallLetter(bytes[n - 4]) else { return nil }
            // Two letters, as ISO 639-1 codes (and `ls`) have: `bericht.pdf.md` is no translation.
            return (String(decoding: bytes[..<(n - 6)], as: UTF8.self) + ".md", String(decoding: bytes[(n - 5)..<(n - 3)], as: UTF8.self))
        }
    }

    private static func isSmallLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }

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
    /// `keepsUnknown`: whether a file with another mark is a page of its own (false while the
    /// declared languages are unknown).
    init(_ documents: [LoadedDocument], codes: Set<String>, keepsUnknown: Bool = true) {
        for doc in documents {
            guard let (original, code) = Variant.of(doc.source.path) else { own.append(doc); continue }
            guard codes.contains(code) else {
                unknown.append(doc)
                if keepsUnknown { own.append(doc) }
                continue
            }
            var translated = doc
            translated.fileSlug = Slug.make(String(original.pathParts.last!.dropLast(3)))
            byCode[code, default: []].append(translated)
        }
    }

    /// A translation keeps its original's dates: one that leaves `date`, `start` or `end` out takes
    /// the original's (written where the translation's front matter begins). Copying the example
    /// date of a "required key is missing" gave a translation another address and day.
    func inheritingDates() -> VersionedDocuments {
        guard !byCode.isEmpty else { return self }
        let originals = Dictionary(own.compactMap { doc in doc.frontMatter.map { (doc.source.path, $0) } }) { a, _ in a }
        var copy = self
        for (code, docs) in byCode {
            copy.byCode[code] = docs.map { doc in
                guard var map = doc.frontMatter, let (path, _) = Variant.of(doc.source.path), let original = originals[path] else { return doc }
                for key in ["date", "start", "end"] where map.entry(key) == nil {
                    guard let entry = original.entry(key) else { continue }
                    map.entries.append(YAMLMap.Entry(key: key, keyLine: map.line, value: entry.value))
                }
                var inherited = doc
                inherited.frontMatter = map
                return inherited
            }
        }
        return copy
    }

    /// Warnings for marked files of no version: published as they are (`foo-fr`), as before;
    /// but the site has one strategy page, which `strategy.md` keeps (`Modeller.strategy`).
    /// - Parameter ownLanguage: the site's own language, whose files have no mark.
    func warnings(ownLanguage: String?) -> [Diagnostic] {
        let hasStrategy = own.contains { $0.source.path == "strategy.md" }
        return unknown.compactMap { doc in
            guard let (original, code) = Variant.of(doc.source.path) else { return nil }
            let name = String(original.pathParts.last!)
            if original == "strategy.md", hasStrategy {
                return .warning(doc.source.display, "the file name marks it as the '\(code)' version of strategy.md, but site.yml declares no language '\(code)', and the site has one strategy page, so it is not published; add \(code) under languages: in site.yml, or remove the file")
            }
            // `bericht.md.md` (an ending typed where one was hidden): no language is called md.
            if code.lowercased() == "md" {
                return .warning(doc.source.display, "the file name ends in .md twice, so it is published as a page of its own under another address; rename the file to '\(name)'")
            }
            if code == ownLanguage {
                return .warning(doc.source.display, "the file name marks it as the '\(code)' version of \(name), but '\(code)' is the site's own language, whose files have no mark, so it is published as a page of its own; rename the file to '\(name)'")
            }
            return .warning(doc.source.display, "the file name marks it as the '\(code)' version of \(name), but site.yml declares no language '\(code)', so it is published as a page of its own; add \(code) under languages: in site.yml, or rename the file")
        }
    }
}
