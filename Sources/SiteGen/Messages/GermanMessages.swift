/// The German catalogue (see `MessageCatalogue`): English key, German text. Sorted by key; a test
/// checks that every message in the code has an entry.
enum GermanMessages {
    static let pairs: [(english: String, german: String)] = [
        ("'{}' does not exist in the built site{}", "„{1}“ gibt es in der gebauten Website nicht{2}"),
        (" (written by the templates)", " (aus den Templates)"),
    ]
}
