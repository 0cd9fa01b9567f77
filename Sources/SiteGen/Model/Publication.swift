/// The one rule of what is public: an item that is not a draft and, for a post, not dated after
/// the build's "now". `--drafts` and `--future` previews render the others too (marked), but
/// feeds, calendars, the sitemap, the search index and the open data never carry them.
public enum Publication {
    /// Why an item is withheld, or nil when it is public.
    static func withheld(draft: Bool, date: DateTime? = nil, now: DateTime) -> Reason? {
        if draft { return .draft }
        if let date, date > now { return .future }
        return nil
    }

    /// Why a file that could not be read or decoded is not published. Its own error message fails
    /// the build; a link or a `fields` entry naming it gets no message of its own (one per such
    /// place would bury the one that says what to fix).
    static let ownErrors = "has errors of its own (see its messages)"

    public enum Reason: Sendable {
        case draft, future

        /// For messages about links to the item ("… is a draft").
        var explanation: String { self == .draft ? "is a draft" : "is dated in the future" }
    }
}

extension Site {
    func isPublic(draft: Bool, date: DateTime? = nil) -> Bool {
        Publication.withheld(draft: draft, date: date, now: options.now) == nil
    }

    /// Whether the model holds withheld items: only a preview (`--drafts`, `--future`) keeps them;
    /// otherwise the model stage left them out, and the lists below are the model's own arrays
    /// (filtering copied every item, retaining each of its texts, on each of many calls).
    private var holdsWithheld: Bool { options.drafts || options.future }

    var publicPosts: [Post] { holdsWithheld ? posts.filter { isPublic(draft: $0.draft, date: $0.date) } : posts }
    var publicEvents: [Event] { holdsWithheld ? events.filter { isPublic(draft: $0.draft) } : events }
    var publicProjects: [Project] { holdsWithheld ? projects.filter { isPublic(draft: $0.draft) } : projects }
    var publicFields: [Field] { holdsWithheld ? fields.filter { isPublic(draft: $0.draft) } : fields }
    var publicPages: [Page] { holdsWithheld ? pages.filter { isPublic(draft: $0.draft) } : pages }
    var publicParticipation: [Participation] { holdsWithheld ? participation.filter { isPublic(draft: $0.draft) } : participation }
}

/// An item a build leaves out: the file as messages name it, and why.
public struct Withheld: Sendable, Equatable {
    public var file: String
    public var reason: Publication.Reason
}
