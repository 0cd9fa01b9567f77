/// Links to files to download (a PDF, a spreadsheet) state format and size, as FACTS' accessibility
/// rules ask ("Smart-City-Strategie (PDF, 4,2 MB)"): a visitor on a phone sees what they are about
/// to load, and a screen reader says it with the link. The build knows both, so it adds them to
/// the link text; an editor cannot keep a size right when the file is replaced.
enum DownloadLinks {
    /// The name a visitor knows a file's format by, for each ending that counts as a download.
    static let formats: [String: String] = [
        "pdf": "PDF", "doc": "Word", "docx": "Word", "odt": "ODT", "rtf": "RTF",
        "xls": "Excel", "xlsx": "Excel", "ods": "ODS", "csv": "CSV",
        "ppt": "PowerPoint", "pptx": "PowerPoint", "odp": "ODP",
        "zip": "ZIP", "epub": "EPUB", "mp3": "MP3", "mp4": "MP4", "gpx": "GPX", "kml": "KML",
    ]

    /// The format name of a file to download at `path`, or nil for any other file.
    static func format(of path: String) -> String? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        return formats[path[path.index(after: dot)...].lowercased()]
    }

    /// The path of a web address, without scheme, host, query and fragment: `https://a.de/b.pdf?x=1` → `/b.pdf`.
    static func remotePath(_ url: String) -> String {
        let path = LinkResolver.pathAndFragment(url).path
        let afterScheme = path.firstRange(of: "://").map { path[$0.upperBound...] } ?? path[...]
        return afterScheme.firstIndex(of: "/").map { String(afterScheme[$0...]) } ?? ""
    }

    /// What is added to a link's text: " (PDF, 4,2 MB)"; nil when the text names the format
    /// already (the editor wrote "(PDF, 4 MB)" or "die Excel-Tabelle").
    static func addition(text: String, format: String, size: String) -> String? {
        text.lowercased().contains(format.lowercased()) ? nil : " (\(format), \(size))"
    }

    /// The size a link's text states ("4,2 MB", "812 KB", "1.5 MB"), in bytes, or nil.
    static func statedSize(in text: String) -> Int? {
        guard let match = text.matches(of: sizePattern).last,
              let number = Double(String(match.output.1.map { $0 == "," ? "." : $0 })) else { return nil }
        let unit: Double = switch match.output.2.lowercased() {
        case "kb", "kib": 1_000
        case "mb", "mib": 1_000_000
        case "gb", "gib": 1_000_000_000
        default: 1
        }
        return Int(number * unit)
    }

    /// Whether a stated size is far enough from the file's to be out of date, not just rounded
    /// ("1 MB" for 1.3 MB is a rounding; "1,2 MB" for 3.4 MB is an older file).
    static func isStale(stated: Int, actual: Int) -> Bool {
        guard actual > 0 else { return stated > 0 }
        let ratio = Double(stated) / Double(actual)
        return ratio < 2.0 / 3 || ratio > 1.5
    }

    private nonisolated(unsafe) static let sizePattern = #/(\d+(?:[.,]\d+)?)\s*(KB|kB|KiB|MB|MiB|GB|GiB|Bytes|Byte)\b/#
}

