/// Where a build reads from and writes to.
public struct SiteLocation: Sendable {
    /// The content folder (`content`).
    public var content: String
    /// The templates folder (`Templates`).
    public var templates: String
    /// The output folder (`public`).
    public var output: String

    public init(content: String = "content", templates: String = "Templates", output: String = "public") {
        self.content = content
        self.templates = templates
        self.output = output
    }
}
