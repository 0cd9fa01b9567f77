/// The index's postings: which documents have each term, and with what weight.
extension SearchIndex {
    /// Postings of all terms in one flat table, term after term, docs ascending.
    struct Postings {
        var terms: [String]
        /// Where each term's postings start in `docs`/`weights` (one more entry than terms).
        var starts: [Int]
        var docs: [Int32]
        var weights: [UInt8]
        /// The terms with postings, in byte order.
        var order: [Int]
    }

    /// Each document's own terms with their summed weights (body, title, summary, tags …), before
    /// compound parts: flat, document after document.
    struct DocumentTerms {
        var terms: [Int32] = []
        var weights: [Int32] = []
        /// Where each document's terms start (one more entry than documents).
        var starts: [Int] = [0]
    }

    /// The documents' own terms (their titles and summaries tokenized once), then the compound
    /// parts found against them (German only: English writes its compounds as separate words),
    /// then two passes over the flat table: count, place (an array per term cost twice the memory
    /// at 50,000 items).
    func postings(_ docs: [Document]) -> Postings {
        var tokenizer = self.tokenizer.finished
        let own = documentTerms(docs, &tokenizer)
        let termTexts = tokenizer.terms
        var parts: [[Int32]] = []
        if language == .german {
            var indexed = [Bool](repeating: false, count: termTexts.count)
            for t in own.terms { indexed[Int(t)] = true }
            parts = CompoundSplitter.parts(of: termTexts, indexed: indexed)
        }
        var sums = WeightSums()
        var counts = [Int32](repeating: 0, count: termTexts.count)
        Self.forEachPosting(own, parts: parts, sums: &sums) { _, t, _ in counts[t] += 1 }
        var starts = [Int](repeating: 0, count: counts.count + 1)
        for t in counts.indices { starts[t + 1] = starts[t] + Int(counts[t]) }
        var postingDocs = [Int32](repeating: 0, count: starts[counts.count])
        var postingWeights = [UInt8](repeating: 0, count: starts[counts.count])
        var filled = Array(starts.dropLast())
        Self.forEachPosting(own, parts: parts, sums: &sums) { doc, t, weight in
            postingDocs[filled[t]] = Int32(doc)
            postingWeights[filled[t]] = weight
            filled[t] += 1
        }
        // The tokenizer also numbered the words of pages that are not indexed (drafts and future
        // posts in a preview): only terms with postings go into the index.
        let order = termTexts.indices.filter { counts[$0] > 0 }.sorted { termTexts[$0].utf8Precedes(termTexts[$1]) }
        return Postings(terms: termTexts, starts: starts, docs: postingDocs, weights: postingWeights, order: order)
    }

    /// Every document's own terms: its body's (counted while its page was rendered) and those of
    /// the texts it is found by besides (`Document.texts`, each occurrence at the text's weight).
    func documentTerms(_ docs: [Document], _ tokenizer: inout SearchText.Tokenizer) -> DocumentTerms {
        var own = DocumentTerms()
        // About the body's terms and a few more for the title and summary: growing the flat
        // table while it fills copied it again and again.
        let expected = docs.reduce(0) { $0 + $1.body.terms.count + 48 }
        own.terms.reserveCapacity(expected)
        own.weights.reserveCapacity(expected)
        own.starts.reserveCapacity(docs.count + 1)
        var sums = WeightSums()
        let language = self.language
        for i in docs.indices {
            Self.addOwnTerms(docs[i], tokenizer: &tokenizer, sums: &sums, language: language)
            sums.drainSums { t, weight in
                own.terms.append(Int32(t))
                own.weights.append(weight)
            }
            own.starts.append(own.terms.count)
        }
        return own
    }

    /// (Parameters, not captured variables: Swift checks those accesses at run time, which was a
    /// tenth of writing the index.)
    static func addOwnTerms(_ doc: Document, tokenizer: inout SearchText.Tokenizer, sums: inout WeightSums, language: SearchLanguage) {
        for (t, count) in zip(doc.body.terms, doc.body.counts) { sums.add(Int(t), Int(count)) }
        for (text, weight) in doc.texts { tokenizer.forEachTerm(in: text, language: language) { sums.add(Int($0), weight) } }
    }

    /// Calls `posting` with each document's number and each of its terms once, with its summed
    /// weight (at most 255). `parts`: the compound parts of each term (`CompoundSplitter`), which
    /// get a share of its weight.
    static func forEachPosting(_ own: DocumentTerms, parts: [[Int32]], sums: inout WeightSums, _ posting: (Int, Int, UInt8) -> Void) {
        for doc in 0..<own.starts.count - 1 {
            for k in own.starts[doc]..<own.starts[doc + 1] { sums.add(Int(own.terms[k]), Int(own.weights[k])) }
            if !parts.isEmpty { sums.addParts(parts) }
            sums.drain { t, weight in posting(doc, t, weight) }
        }
    }

    /// One document's weight per term, summed as its terms come (also a page's term counts).
    struct WeightSums {
        private var weights: [Int32] = []
        private var touched: [Int32] = []

        mutating func add(_ t: Int, _ weight: Int) {
            if t >= weights.count { weights += Array(repeating: 0, count: max(t + 1 - weights.count, 1024)) }
            if weights[t] == 0 { touched.append(Int32(t)) }
            weights[t] = min(weights[t] + Int32(weight), 1 << 24)
        }

        /// Adds the compound parts of the terms added so far, each with a share of its term's weight.
        mutating func addParts(_ parts: [[Int32]]) {
            let whole = touched.count
            for k in 0..<whole {
                let t = Int(touched[k])
                guard t < parts.count, !parts[t].isEmpty else { continue }
                let share = CompoundSplitter.partWeight(Int(min(weights[t], 255)))
                for p in parts[t] { add(Int(p), share) }
            }
        }

        /// Each term added since the last drain, in the order first added, with its weight (at most 255).
        mutating func drain(_ posting: (Int, UInt8) -> Void) {
            drainSums { t, weight in posting(t, UInt8(min(weight, 255))) }
        }

        /// Each term added since the last drain, in the order first added, with its whole sum.
        mutating func drainSums(_ posting: (Int, Int32) -> Void) {
            for t in touched {
                posting(Int(t), weights[Int(t)])
                weights[Int(t)] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
    }
}
