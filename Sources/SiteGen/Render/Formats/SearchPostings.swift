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
        /// Summed, and held at 255: the index caps every weight there, and a compound's parts get
        /// a share of its capped weight, so a larger sum would change nothing.
        var weights: [UInt8] = []
        /// Where each document's terms start (one more entry than documents).
        var starts: [Int] = [0]

        /// Adds the documents of `other` after these, each term number passed through `number`.
        mutating func append(_ other: DocumentTerms, number: (Int32) -> Int32) {
            let offset = terms.count
            terms += other.terms.map(number)
            weights += other.weights
            starts += other.starts.dropFirst().map { $0 + offset }
        }
    }

    /// The documents' own terms (their titles and summaries tokenized once), with the compound
    /// parts found against them (German only: English writes its compounds as separate words),
    /// turned around: documents per term (a table per term cost twice the memory at 50,000 items).
    func postings(_ docs: [Document]) -> Postings {
        let (documentTerms, termTexts) = documentTermsInHalves(docs, self.tokenizer.finished)
        var own = documentTerms
        if language == .german { Self.addCompoundParts(&own, terms: termTexts) }
        let (starts, postingDocs, postingWeights) = Self.invert(own, termCount: termTexts.count)
        // The tokenizer also numbered the words of pages that are not indexed (drafts and future
        // posts in a preview): only terms with postings go into the index.
        let order = termTexts.indices.filter { starts[$0 + 1] > starts[$0] }.sorted { termTexts[$0].utf8Precedes(termTexts[$1]) }
        return Postings(terms: termTexts, starts: starts, docs: postingDocs, weights: postingWeights, order: order)
    }

    /// `documentTerms` of the two halves of the documents side by side (the rest of the index
    /// waits for them), each with its own copy of the tokenizer; the second half's new terms are
    /// then numbered after the first's, as one pass over all documents numbers them. Returns the
    /// terms of all documents and the texts of all terms.
    func documentTermsInHalves(_ docs: [Document], _ tokenizer: SearchText.Tokenizer,
                               halvesFrom: Int = halvesFrom) -> (DocumentTerms, [String]) {
        // A small site's: in one pass (each half copies the tokenizer's tables).
        guard docs.count >= halvesFrom else {
            var tokenizer = tokenizer
            return (documentTerms(docs[...], &tokenizer), tokenizer.terms)
        }
        let half = docs.count / 2
        var first = tokenizer
        var (own, (more, moreTexts)) = sideBySide({ documentTerms(docs[..<half], &first) }, { () -> (DocumentTerms, [String]) in
            var second = tokenizer
            return (self.documentTerms(docs[half...], &second), second.terms)
        })
        // Terms numbered before the split keep their numbers; the second half's new ones are
        // looked up among, or numbered after, the first half's.
        let numbered = Int32(tokenizer.terms.count)
        let renumber = moreTexts[Int(numbered)...].map { first.number(ofTerm: $0) }
        own.append(more) { $0 < numbered ? $0 : renumber[Int($0 - numbered)] }
        return (own, first.terms)
    }

    static let halvesFrom = 2000

    /// Every document's own terms: its body's (counted while its page was rendered) and those of
    /// the texts it is found by besides (`Document.texts`, each occurrence at the text's weight).
    func documentTerms(_ docs: ArraySlice<Document>, _ tokenizer: inout SearchText.Tokenizer) -> DocumentTerms {
        // About the body's terms and a few more for the title and summary: growing the flat
        // table while it fills copied it again and again.
        var table = DocumentTermsTable(expected: docs.reduce(0) { $0 + $1.body.terms.count + 48 }, documents: docs.count)
        let language = self.language
        for i in docs.indices {
            Self.addOwnTerms(docs[i], tokenizer: &tokenizer, table: &table, language: language)
            table.endDocument()
        }
        return table.own
    }

    /// (Parameters, not captured variables: Swift checks those accesses at run time, which was a
    /// tenth of writing the index.)
    private static func addOwnTerms(_ doc: Document, tokenizer: inout SearchText.Tokenizer, table: inout DocumentTermsTable,
                                    language: SearchLanguage) {
        table.addFirst(doc.body.terms, doc.body.counts)
        for (text, weight) in doc.texts { tokenizer.forEachTerm(in: text, language: language) { table.add(Int($0), Int32(weight)) } }
    }

    /// Adds to each document the compound parts of its terms (`CompoundSplitter`), each with a
    /// share of its term's weight. Documents without a compound stay as they are.
    static func addCompoundParts(_ own: inout DocumentTerms, terms: [String]) {
        var indexed = [Bool](repeating: false, count: terms.count)
        for t in own.terms { indexed[Int(t)] = true }
        let parts = CompoundSplitter.parts(of: terms, indexed: indexed)
        let hasParts = parts.map { !$0.isEmpty }
        guard hasParts.contains(true) else { return }
        var table = DocumentTermsTable(expected: own.terms.count + own.terms.count / 4, documents: own.starts.count - 1)
        for doc in 0..<own.starts.count - 1 {
            let range = own.starts[doc]..<own.starts[doc + 1]
            table.addFirst(own.terms[range], own.weights[range])
            // In the order of the terms, each share from its term's weight as it is by then (a
            // part can itself be a term with parts).
            for k in range where hasParts[Int(own.terms[k])] {
                let t = Int(own.terms[k])
                let share = Int32(CompoundSplitter.partWeight(Int(table.weight(of: t))))
                for p in parts[t] { table.add(Int(p), share) }
            }
            table.endDocument()
        }
        own = table.own
    }

    /// Documents per term from terms per document: counted, then placed (documents ascending, as
    /// they come), each weight as summed (at most 255). Returns where each term's postings start (one
    /// entry more than terms), the documents and the weights.
    static func invert(_ own: DocumentTerms, termCount: Int) -> (starts: [Int], docs: [Int32], weights: [UInt8]) {
        var starts = [Int](repeating: 0, count: termCount + 1)
        for t in own.terms { starts[Int(t) + 1] += 1 }
        for t in 0..<termCount { starts[t + 1] += starts[t] }
        var docs = [Int32](repeating: 0, count: own.terms.count)
        var weights = [UInt8](repeating: 0, count: own.terms.count)
        var filled = Array(starts.dropLast())
        for doc in 0..<own.starts.count - 1 {
            for k in own.starts[doc]..<own.starts[doc + 1] {
                let t = Int(own.terms[k])
                docs[filled[t]] = Int32(doc)
                weights[filled[t]] = own.weights[k]
                filled[t] += 1
            }
        }
        return (starts, docs, weights)
    }

    /// Builds `DocumentTerms` as a document's terms come: a term met again in the same document
    /// adds to its weight.
    struct DocumentTermsTable {
        private(set) var own = DocumentTerms()
        /// Per term: the number of the document it was last added for, plus one (0: none yet).
        private var seenIn: [Int32] = []
        /// Per term: its place in `own` in that document.
        private var at: [Int32] = []
        private var document: Int32 = 1

        init(expected: Int, documents: Int) {
            own.terms.reserveCapacity(expected)
            own.weights.reserveCapacity(expected)
            own.starts.reserveCapacity(documents + 1)
        }

        /// Adds a document's first terms, each listed once (a body's terms, counted while its page
        /// was rendered): none can be there yet, so they are placed without a look.
        mutating func addFirst(_ terms: [UInt32], _ weights: [UInt8]) {
            terms.withUnsafeBufferPointer { t in
                t.withMemoryRebound(to: Int32.self) { t in weights.withUnsafeBufferPointer { addFirst(t, $0) } }
            }
        }

        mutating func addFirst(_ terms: ArraySlice<Int32>, _ weights: ArraySlice<UInt8>) {
            terms.withUnsafeBufferPointer { t in weights.withUnsafeBufferPointer { addFirst(t, $0) } }
        }

        /// Term numbers are below 2^31 (a page's are stored as UInt32 of the same bits). The
        /// weights are a byte already, at most 255 as the index caps them.
        private mutating func addFirst(_ terms: UnsafeBufferPointer<Int32>, _ weights: UnsafeBufferPointer<UInt8>) {
            guard let top = terms.max() else { return }
            grow(to: Int(top))
            let base = Int32(own.terms.count)
            let document = self.document
            seenIn.withUnsafeMutableBufferPointer { seen in
                at.withUnsafeMutableBufferPointer { at in
                    for k in 0..<terms.count {
                        let t = Int(terms[k])
                        seen[t] = document
                        at[t] = base + Int32(k)
                    }
                }
            }
            own.terms.append(contentsOf: terms)
            own.weights.append(contentsOf: weights)
        }

        /// The weight a term has in the current document so far (0: none).
        func weight(of t: Int) -> UInt8 {
            t < seenIn.count && seenIn[t] == document ? own.weights[Int(at[t])] : 0
        }

        private mutating func grow(to t: Int) {
            guard t >= seenIn.count else { return }
            let more = max(t + 1 - seenIn.count, 1024)
            seenIn += Array(repeating: 0, count: more)
            at += Array(repeating: 0, count: more)
        }

        @inline(__always) mutating func add(_ t: Int, _ weight: Int32) {
            grow(to: t)
            if seenIn[t] == document {
                let k = Int(at[t])
                own.weights[k] = UInt8(min(Int32(own.weights[k]) + weight, 255))
            } else {
                seenIn[t] = document
                at[t] = Int32(own.terms.count)
                own.terms.append(Int32(t))
                own.weights.append(UInt8(min(weight, 255)))
            }
        }

        mutating func endDocument() {
            own.starts.append(own.terms.count)
            document += 1
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

        /// Each term added since the last drain, in the order first added, with its weight (at most 255).
        mutating func drain(_ posting: (Int, UInt8) -> Void) {
            for t in touched {
                posting(Int(t), UInt8(min(weights[Int(t)], 255)))
                weights[Int(t)] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
    }
}
