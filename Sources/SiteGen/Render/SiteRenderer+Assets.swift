/// The content's own files (downloads, images) and the theme's assets, copied into the output.
extension SiteRenderer {
    /// Copies every asset whose address no made file has; a file of the content may not take the
    /// place of a file the build makes (a page, a feed, the sitemap): it would replace it without a word.
    /// - Parameter outputs: the files made so far; the copied assets are added.
    func copyAssets(into sink: OutputSink, outputs: inout Set<String>, records: [PageRecord]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for asset in site.assets {
            if outputs.contains(asset.path) {
                let what = records.first { URLScheme.outputFile($0.path) == asset.path }.map { "the page the build makes at /\($0.path)" }
                    ?? "the file \(asset.path) the build makes"
                diagnostics.append(.error(contentName + "/" + asset.path, "file has the same address as \(what); rename or move it"))
                continue
            }
            outputs.insert(asset.path)
            do { try sink.copy(from: contentRoot + "/" + asset.path, to: asset.path) } catch {
                diagnostics.append(.error(contentName + "/" + asset.path, "cannot be copied: \(error)"))
            }
        }
        for asset in templates.assets {
            let path = "assets/" + asset.relativePath
            if outputs.contains(path) {
                diagnostics.append(.error(contentName + "/" + path, "file has the same address as the theme's \(path); rename it"))
                continue
            }
            outputs.insert(path)
            do { try sink.copy(from: templates.root + "/assets/" + asset.relativePath, to: path) } catch {
                diagnostics.append(.error("Templates/assets/" + asset.relativePath, "cannot be copied: \(error)"))
            }
        }
        return diagnostics
    }
}
