/// Whose rules turn a version's words into search terms: German (ae/oe/ue read as umlauts,
/// Snowball's German stemmer, German stop words) or English (Snowball's English stemmer, English
/// stop words). Each language version's index is made by its own language's rules; the index
/// says which (`language` in its manifest), so search.js treats the query the same way.
enum SearchLanguage: UInt8, Sendable {
    case german = 0
    case english = 1

    /// English for `en` (and `en-GB` …); German, the stemmer the site had first, for every other language.
    init(code: String) { self = code == "en" || code.hasPrefix("en-") ? .english : .german }

    /// What the manifest says: nothing for German, so a German index stays as it was.
    var manifestCode: String? { self == .english ? "en" : nil }

    var stopWords: Set<String> { self == .english ? SearchText.englishStopWords : SearchText.stopWords }

    /// The stem of a folded word.
    func stem(_ word: String) -> String { self == .english ? EnglishStemmer.stem(word) : GermanStemmer.stem(word) }

    /// Whether a folded word stays out of the index: too short, or a stop word (in German also
    /// when typed with ae/oe/ue, as "fuer").
    func isIgnored(_ word: String, characters: Int) -> Bool {
        if characters < 2 { return true }
        switch self {
        case .german: return SearchText.stopWords.contains(word) || SearchText.stopWords.contains(GermanStemmer.readDigraphs(word))
        case .english: return SearchText.englishStopWords.contains(word)
        }
    }
}

extension SearchText {
    /// English words too common to help (the English index carries them for search.js).
    static let englishStopWords: Set<String> = [
        "about", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "for", "from",
        "had", "has", "have", "he", "her", "his", "how", "if", "in", "into", "is", "it", "its", "more", "not",
        "of", "on", "or", "our", "she", "so", "than", "that", "the", "their", "them", "there", "these", "they",
        "this", "to", "us", "was", "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "you", "your",
    ]
}
