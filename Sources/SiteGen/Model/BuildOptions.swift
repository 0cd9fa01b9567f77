/// Inputs of a build besides the files: what to include and what "now" is.
public struct BuildOptions: Sendable {
    /// Include items with `draft: true` (marked "Entwurf").
    public var drafts = false
    /// Include posts dated after `now` (marked "Geplant").
    public var future = false
    /// The build's "now": splits upcoming from past events and hides future posts.
    public var now: DateTime
    /// Overrides `base_url` from site.yml.
    public var baseURL: String?
    /// Preview mode: adds the live-reload script and draft labels.
    public var preview = false

    public init(now: DateTime, drafts: Bool = false, future: Bool = false, baseURL: String? = nil, preview: Bool = false) {
        self.now = now
        self.drafts = drafts
        self.future = future
        self.baseURL = baseURL
        self.preview = preview
    }
}
