#if canImport(Glibc)
import Glibc
#endif

/// `sitegen new`: a new content file in the right folder with its front matter filled in.
public enum NewContent {
    public enum Kind: String, Sendable, CaseIterable { case post, event, project, page, participation }

    public struct Failure: Error, Sendable { public var message: String }

    /// The file's path relative to the content folder, e.g. `posts/2026/sensorik-an-der-lange-strasse.md`.
    public static func path(for kind: Kind, slug: String, now: DateTime) -> String {
        let year = now.local.year
        switch kind {
        case .post: return "posts/\(year)/\(slug).md"
        case .event: return "events/\(year)/\(slug).md"
        case .project: return "projects/\(slug).md"
        case .page: return "pages/\(slug).md"
        case .participation: return "participation/\(slug).md"
        }
    }

    /// The slug of a title, at most `maxSlug` characters, cut after a whole word where it can be
    /// (a long title would make a file name too long for the file system, and an unwieldy address).
    static func fileSlug(_ title: String) -> String {
        let slug = Slug.make(title)
        guard slug.count > maxSlug else { return slug }
        let cut = slug.prefix(maxSlug)
        if let hyphen = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: hyphen) >= maxSlug / 2 {
            return String(cut[..<hyphen])
        }
        return String(cut)
    }
    static let maxSlug = 80

    /// The sections' own addresses (from site.yml's `paths`, else the defaults), which a page may not
    /// take, and where the other versions begin: a language's prefix (`/en/`), and `/leichte-sprache/`
    /// when `home.ls.md` is the home page in Leichte Sprache.
    static func sectionAddresses(contentRoot: String) -> [String: String] {
        let config = siteConfig(contentRoot: contentRoot)
        let names = ["blog": "blog section", "events": "events section", "projects": "projects section", "fields": "fields section",
                     "strategy": "strategy page", "search": "search page",
                     "participation": "participation section"]
        var addresses = ["assets": "theme's assets folder"]
        for (key, path) in (config?.paths ?? SiteConfig.Paths()).sections { addresses[path] = names[key] }
        for language in config?.languages ?? [] where !language.prefix.isEmpty {
            addresses[String(language.prefix.dropLast())] = "start of another language version"
        }
        if LocalFileSystem().fileExists(contentRoot + "/" + EasyRead.homeFile) {
            addresses[EasyRead.listPage] = "home page in Leichte Sprache (home.ls.md)"
        }
        return addresses
    }

    /// site.yml's `paths`, else the defaults.
    static func sitePaths(contentRoot: String) -> SiteConfig.Paths {
        siteConfig(contentRoot: contentRoot)?.paths ?? SiteConfig.Paths()
    }

    /// site.yml as the build reads it; nil when it is missing or cannot be read.
    static func siteConfig(contentRoot: String) -> SiteConfig? {
        guard let bytes = try? LocalFileSystem().readFile(contentRoot + "/site.yml"), let text = FrontMatter.decodeText(bytes),
              let value = try? YAMLReader.parse(text, firstLine: 1) else { return nil }
        return SiteConfig.decode(value, file: "site.yml", overrideBaseURL: nil).0
    }

    /// The file's text: the required keys, the usual optional ones, `draft: true`.
    /// A YAML double-quoted string that reads back as `text` and shows it as typed (JSON's
    /// `\u0026` for & is valid YAML too, but an editor reading the file sees the escape).
    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    public static func text(for kind: Kind, title: String, now: DateTime) -> String {
        let quoted = yamlQuoted(title)
        var lines = ["---", "title: \(quoted)"]
        // Whole minutes, in Berlin time with its offset.
        let minute = DateTime(epochSeconds: now.epochSeconds - now.epochSeconds % 60)
        switch kind {
        case .post:
            lines += ["date: \(minute.iso8601)", "author: \"\"", "fields: []", "tags: []", "summary: \"\""]
        case .event:
            lines += ["start: \(minute.iso8601)", "end: \(minute.addingHours(2).iso8601)", "location:", "  name: \"\"", "  address: \"\"",
                      "fields: []", "format: \"\"", "summary: \"\""]
        case .project:
            lines += ["status: idee", "code: \"\"", "fields: []", "cities: [Dortmund]", "partners: []", "summary: \"\""]
        case .page:
            lines += ["summary: \"\""]
        case .participation:
            // A start today, an end four weeks on: a typical survey's span, to be adjusted.
            let day = DateTime.startOfBerlinDay(minute.local.dayNumber)
            lines += ["start: \(day.iso8601)", "end: \(DateTime.startOfBerlinDay(day.local.dayNumber + 28).iso8601)", "format: \"\"", "fields: []", "cities: [Dortmund]",
                      "summary: \"\"", "participate:", "  - label: \"\"", "    link: \"\""]
        }
        lines += ["draft: true", "---", "", "Hier beginnt der Text.", ""]
        return lines.joined(separator: "\n")
    }

    /// Writes the file; refuses to overwrite. Returns the path as given to the editor.
    public static func create(_ kind: Kind, title: String, contentRoot: String, now: DateTime) throws -> String {
        let slug = fileSlug(title)
        guard !slug.isEmpty else { throw Failure(message: "the title '\(title)' gives no usable file name; use letters or digits") }
        if kind == .page, let section = sectionAddresses(contentRoot: contentRoot)[slug] {
            throw Failure(message: "the title '\(title)' gives the address /\(slug)/, which is the \(section); choose another title")
        }
        // The idea pool's page lies among the formats' pages (/mitmachen/ideenpool/).
        if kind == .participation, case let paths = sitePaths(contentRoot: contentRoot), slug == paths.ideas {
            throw Failure(message: "the title '\(title)' gives the address /\(paths.participation)/\(slug)/, which is the idea pool's page; choose another title")
        }
        let relative = path(for: kind, slug: slug, now: now)
        let full = contentRoot + "/" + relative
        let fs = LocalFileSystem()
        guard fs.isDirectory(contentRoot) else { throw Failure(message: ContentLoader.missingFolderMessage(contentRoot)) }
        if let wrong = ContentRootCheck(fileSystem: fs, root: contentRoot, displayRoot: contentRoot).misplacedForNewFile() {
            throw Failure(message: wrong)
        }
        if fs.fileExists(full) { throw Failure(message: "\(full) already exists; choose another title or edit that file") }
        var dir = contentRoot
        for part in relative.pathParts.dropLast() {
            dir += "/" + part
            if !fs.isDirectory(dir) && mkdir(dir, 0o755) != 0 { throw Failure(message: "cannot create folder \(dir)") }
        }
        // O_EXCL: never overwrite, even if the file appeared meanwhile.
        let fd = open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(message: "\(full) cannot be created (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        let bytes = Array(text(for: kind, title: title, now: now).utf8)
        guard bytes.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw Failure(message: "\(full) cannot be written")
        }
        return full
    }
}

extension DateTime {
    func addingHours(_ n: Int) -> DateTime { DateTime(epochSeconds: epochSeconds + Int64(n) * 3600, isDateOnly: isDateOnly) }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
