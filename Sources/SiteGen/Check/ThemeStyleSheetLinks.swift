/// The addresses of the theme's style sheets that leave `assets/` (`url(../bilder/x.png)`) or
/// start at the site's root (`url(/bilder/x.png)`): they lead to the content's files or to pages,
/// so only the built site tells whether they lead anywhere. One that does not is a warning at the
/// style sheet's line, as one inside `assets/` is when the templates are read
/// (`TemplateSet.missingFiles`): every page would ask for the file in vain, and the link check
/// reads the pages' HTML only.
enum ThemeStyleSheetLinks {
    /// Where an address leads: a path under the output root, or outside the site (above its base path).
    enum Target: Equatable {
        case path(String)
        case outside
    }

    /// - Parameter sheets: the published style sheets, by their path in the templates folder (`assets/site.css`).
    /// - Parameter outputs: every file of the built site.
    /// - Parameter templates: the templates folder as messages name it.
    static func check(_ sheets: [(path: String, bytes: [UInt8])], outputs: Set<String>, basePath: String,
                      outputName: String, templates: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for sheet in sheets {
            // Inside assets/: checked when the templates are read.
            for reference in StyleSheetReferences.all(sheet.bytes) where TemplateSet.assetsTarget(reference.address, from: sheet.path) == nil {
                let file = templates + "/" + sheet.path
                switch target(reference.address, from: sheet.path, basePath: basePath) {
                case .path(let path)? where !exists(path, in: outputs):
                    found.append(.warning(file, line: reference.line,
                        "'\(reference.address)' does not exist (looked for \(outputName)/\(path)), so the pages using this style sheet do without it; correct the address or add the file"))
                case .outside?:
                    found.append(.warning(file, line: reference.line,
                        "'\(reference.address)' leads outside the site (its addresses start with \(basePath)), so the pages using this style sheet do without it; correct the address"))
                default: break
                }
            }
        }
        return found
    }

    /// Where a browser takes `written` from the style sheet at `path` (published at the same
    /// path under `basePath`); nil for what is no file of the site (`data:`, `https:`, `//host`, `#id`).
    static func target(_ written: String, from path: String, basePath: String) -> Target? {
        let address = String(written.prefix { $0 != "?" && $0 != "#" })
        guard !address.isEmpty, !address.hasPrefix("//"), !address.prefix(while: { $0 != "/" }).contains(":") else { return nil }
        var parts = address.hasPrefix("/") ? [] : Array((basePath + path).split(separator: "/").dropLast())
        for piece in percentDecoded(address).split(separator: "/") {
            if piece == "." { continue }
            // A browser goes no higher than the host's root.
            if piece == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(piece)
        }
        let url = "/" + parts.joined(separator: "/") + (address.hasSuffix("/") && !parts.isEmpty ? "/" : "")
        if url + "/" == basePath { return .path("") }
        return url.hasPrefix(basePath) ? .path(String(url.dropFirst(basePath.count))) : .outside
    }

    /// Whether the built site has the file (`x.png`) or the page (`blog/`, `blog`) at `path`.
    static func exists(_ path: String, in outputs: Set<String>) -> Bool {
        if path.isEmpty || path.hasSuffix("/") { return outputs.contains(path + "index.html") }
        return outputs.contains(path) || outputs.contains(path + "/index.html")
    }
}

extension SiteRenderer {
    /// `ThemeStyleSheetLinks.check` over the theme's style sheets that were published.
    /// - Parameter templatesName: the templates folder as messages name it.
    func themeStyleSheetProblems(outputs: Set<String>, templatesName: String) -> [Diagnostic] {
        let sheets = templates.assets.map { "assets/" + $0.relativePath }.filter { $0.lowercased().hasSuffix(".css") && outputs.contains($0) }
            .compactMap { path in (try? fileSystem.readFile(templates.root + "/" + path)).map { (path: path, bytes: $0) } }
        return ThemeStyleSheetLinks.check(sheets, outputs: outputs, basePath: site.urls.basePath, outputName: outputName, templates: templatesName)
    }
}
