/// What site.yml says about participation: the intro of the participation page and how to submit
/// an idea to the idea pool. A static site has no backend, so ideas go to an e-mail address or to
/// a form on the city's own site.
public struct ParticipationSettings: Sendable {
    /// `participation: { intro: "…" }`: a short text above the list (the UI strings' default otherwise).
    public var intro: String?
    public var ideas: Ideas?

    public struct Ideas: Sendable {
        public var email: String?
        /// An https address of a form.
        public var form: String?
        public var intro: String?
    }

    static func decode(_ r: inout FrontMatterReader) -> ParticipationSettings {
        var settings = ParticipationSettings()
        settings.intro = r.nested("participation", known: ["intro"]) { $0.string("intro") } ?? nil
        settings.ideas = r.nested("ideas", known: ["email", "form", "intro"]) { i -> Ideas? in
            var ideas = Ideas(email: i.string("email"), form: i.url("form"), intro: i.string("intro"))
            if let email = ideas.email, !FrontMatterReader.isMailAddress(email) {
                i.diagnostics.append(.error(i.file, line: i.line(of: "email"), "ideas.email '\(email)' is no e-mail address; write it like ideen@dortmund.de (without mailto:)"))
                ideas.email = nil
            }
            if let form = ideas.form, !form.lowercased().hasPrefix("https://") {
                i.diagnostics.append(.error(i.file, line: i.line(of: "form"), "ideas.form '\(form)' is not encrypted; people enter personal data there, so write https://"))
                ideas.form = nil
            }
            if ideas.email == nil, ideas.form == nil, i.map.entries.allSatisfy({ $0.key == "intro" }) {
                i.diagnostics.append(.warning(i.file, line: i.map.line, "ideas has neither email nor form, so the idea pool cannot say where to send an idea; add email: … or form: https://…"))
            }
            return ideas
        } ?? nil
        return settings
    }
}
