import SiteGen

/// Content types by file extension, for everything the site generator writes or copies.
public enum MediaTypes {
    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json",
        "jsonld": "application/ld+json",
        "webmanifest": "application/manifest+json",
        "xml": "application/xml; charset=utf-8",
        "atom": "application/atom+xml; charset=utf-8",
        "rss": "application/rss+xml; charset=utf-8",
        "ics": "text/calendar; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "pdf": "application/pdf",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "ttf": "font/ttf",
        "otf": "font/otf",
        "mp4": "video/mp4",
        "webm": "video/webm",
        "mp3": "audio/mpeg",
        "vtt": "text/vtt; charset=utf-8",
        "zip": "application/zip",
        "gz": "application/gzip",
        // The office and map formats a link text names (DownloadLinks), as nginx's mime.types says them.
        "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt": "application/vnd.ms-powerpoint",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt": "application/vnd.oasis.opendocument.text",
        "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "odp": "application/vnd.oasis.opendocument.presentation",
        "rtf": "application/rtf",
        "epub": "application/epub+zip",
        "gpx": "application/gpx+xml",
        "kml": "application/vnd.google-earth.kml+xml",
    ]

    /// The Content-Type for a site path; unknown types are served as bytes, never guessed. The
    /// feeds are `.xml` files known by name, as in the nginx configuration of `docs/deploy`.
    public static func contentType(for path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name == FeedFile.name { return "application/atom+xml; charset=utf-8" }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "application/octet-stream" }
        let ext = name[name.index(after: dot)...].lowercased()
        return byExtension[ext] ?? "application/octet-stream"
    }

    static func isHTML(_ path: String) -> Bool { contentType(for: path).hasPrefix("text/html") }
}
