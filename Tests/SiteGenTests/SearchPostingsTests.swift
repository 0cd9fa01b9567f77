import Testing
@testable import SiteGen

/// A large site's documents are tokenized in two halves side by side: the terms, their numbers
/// and the documents' tables are exactly those of one pass over all documents.
@Suite struct SearchPostingsTests {
    /// Titles and summaries with words the rendered bodies had (the tokenizer's terms), words new
    /// in the first half, new in the second half, new in both, stop words and umlauts.
    private func documents() -> [SearchIndex.Document] {
        let titles = [
            ("Klimasensoren im Unionviertel", "Die Sensoren messen die Hitze."),
            ("Wetterstationen am Phoenix-See", "Neue Stationen für die Hitzekarte"),
            ("Ladesäulen in Schwerte", nil),
            ("Radzählung in Hörde", "Zählstellen für den Radverkehr und die Sensoren"),
            ("Bürgerbeteiligung", "Stadtteilkonferenz mit Bürgerinnen und Bürgern"),
            ("Hitzekarte für Dortmund", "Wetterstationen und Klimasensoren"),
            ("Offene Daten", "Die Datenplattform zeigt Zählstellen und Ladesäulen"),
        ]
        return titles.enumerated().map { i, t in
            let body = PageSearchText(excerpt: "", textFile: nil, textKey: 0, textSize: 0,
                                      terms: [UInt32(i % 3), 3], counts: [2, 1], language: .german)
            var texts: [(String, Int)] = [(t.0, 10)]
            if let summary = t.1 { texts.append((summary, 3)) }
            return SearchIndex.Document(url: "/\(i)/", title: t.0, kind: "p", fields: [], excerpt: "", date: nil, day: nil,
                                        texts: texts, body: body)
        }
    }

    @Test func twoHalvesNumberAndWeighTermsAsOnePass() throws {
        let site = try #require(TestSupport.model(TestSupport.minimalSite).0)
        let tokenizer = SharedSearchTokenizer(terms: ["sensor", "hitz", "klima", "stadt"])
        let index = SearchIndex(site: site, records: [], tokenizer: tokenizer, strings: UIStrings(tree: [:]))
        let docs = documents()
        let (one, oneTexts) = index.documentTermsInHalves(docs, tokenizer.finished, halvesFrom: .max)
        let (two, twoTexts) = index.documentTermsInHalves(docs, tokenizer.finished, halvesFrom: 0)
        #expect(twoTexts == oneTexts)
        #expect(two.terms == one.terms)
        #expect(two.weights == one.weights)
        #expect(two.starts == one.starts)
        // The halves did meet new words on both sides, and one seen in both got one number.
        #expect(oneTexts.count > 12)
        #expect(Set(oneTexts).count == oneTexts.count)
        #expect(one.starts.count == docs.count + 1)
    }
}
