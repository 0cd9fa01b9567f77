/// The `language` of a site's site.yml, read on its own: commands that print before (or without)
/// a build need it to choose the language of their messages.
public enum SiteLanguage {
    /// nil when site.yml is missing, unreadable or names no language.
    public static func of(content root: String, fileSystem: any FileSystem = LocalFileSystem()) -> String? {
        guard let bytes = try? fileSystem.readFile(root + "/site.yml"), let text = FrontMatter.decodeText(bytes),
              case .map(let map)? = try? YAMLReader.parse(text, firstLine: 1),
              case .scalar(let language, _, _, _)? = map["language"] else { return nil }
        return language
    }
}
