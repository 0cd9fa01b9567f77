/// A theme folder written in other capitals than the build reads (`Partials/`, `I18N/`, `Assets/`;
/// Windows and macOS do not tell them apart): each file in it was reported on its own, never the
/// folder. Every partial tag "did not exist; write its name, 'Partials/card-post'" (forty errors
/// and the wrong fix), every asset was to be "saved as .mustache". One message names the folder
/// and the rename instead.
extension TemplateLint {
    /// The folders of a theme the build reads by name.
    static let themeFolders = ["partials", "i18n", "assets"]

    /// The theme's top-level folders written in other capitals, each with the name the build reads.
    static func foldersInOtherCase(_ listing: [FileEntry]) -> [(written: String, meant: String)] {
        var found: [String: String] = [:]
        for entry in listing {
            guard let slash = entry.relativePath.firstIndex(of: "/") else { continue }
            let folder = String(entry.relativePath[..<slash]), lower = folder.lowercased()
            if lower != folder, themeFolders.contains(lower) { found[folder] = lower }
        }
        return found.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// `diagnostics` with one message per folder in `folders` in place of the messages that name a
    /// file in it (a partial found there, the missing UI strings) and the warnings about its files
    /// (not a template, not used). An error when one of those was (the pages cannot be made), else a
    /// warning. A problem of a file's own (a syntax error) stays. Applied twice, it adds nothing.
    static func namingFolders(_ folders: [(written: String, meant: String)], in diagnostics: [Diagnostic], language: String,
                              display: (String) -> String) -> [Diagnostic] {
        var result = diagnostics
        for (written, meant) in folders {
            let inside = display(written + "/"), strings = display("i18n/\(language).yml")
            let replaced = { (d: Diagnostic) in
                d.message.contains(inside) || (d.file.hasPrefix(inside) && d.severity == .warning) || (meant == "i18n" && d.file == strings)
            }
            let message = "the folder '\(written)' is not read: capitals count in folder names, and the build reads '\(meant)/'; rename the folder to \(meant)"
            let error = result.contains { replaced($0) && $0.severity == .error }
            result.removeAll(where: replaced)
            if !result.contains(where: { $0.message == message }) {
                result.append(error ? .error(display(written), message) : .warning(display(written), message))
            }
        }
        return result
    }
}
