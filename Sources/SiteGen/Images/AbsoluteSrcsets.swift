/// The `srcset` addresses of rendered HTML made absolute, as `absoluteLinks` does for `href` and
/// `src`: a feed reader that ignores the page's URL would otherwise load a photo from nowhere.
func absoluteSrcsets(_ html: String, basePath: String, baseURL: String) -> String {
    var out = ""
    var rest = Substring(html)
    while let start = rest.firstRange(of: " srcset=\""), let end = rest[start.upperBound...].firstIndex(of: "\"") {
        out += rest[..<start.upperBound]
        let candidates = rest[start.upperBound..<end].split(separator: ",").map { entry -> String in
            let candidate = entry.drop { $0 == " " }
            return candidate.hasPrefix(basePath) && !candidate.hasPrefix("//") ? baseURL + candidate.dropFirst(basePath.count) : String(candidate)
        }
        out += candidates.joined(separator: ", ")
        rest = rest[end...]
    }
    return out + rest
}
