/// The static search index for `/suche/`, read by `Templates/assets/search.js`.
///
/// Why an own index and not Pagefind: Pagefind runs its search in WebAssembly, which a
/// `script-src 'self'` policy blocks (it needs `'wasm-unsafe-eval'`), it is a separate binary
/// to install, and it would run after the build on the output folder, outside the pipeline and
/// its in-memory tests. This index is built from `PageRecord.search` (each page's terms, made while
/// the page was rendered) in the render stage,
/// is deterministic, and is read by ~300 lines of plain JavaScript.
///
/// Layout (all under `<search path>/suchindex/`), sized so a query loads little even at
/// 10,000 items:
/// - `index.json`: the manifest: version hash, number of documents, stop words, kinds (one
///   letter per document), fields of action with their documents (delta-coded ids), the first
///   term of every term shard and the documents per document chunk.
/// - `t<n>.json`: term shards, `{"term":[docDelta, weight, docDelta, weight, …], …}`, terms in
///   code-point order, each shard about `shardTarget` bytes. A query loads one shard per word
///   (more for a prefix that spans shards).
/// - `d<n>.json`: document chunks of `docsPerChunk` (4) documents: `[url, title, kind, [field
///   indexes in site order], excerpt, date text, text file name]`, and for a post with tags an
///   eighth value, its tags as `[[name, url], …]`. Only the chunks of the results shown are loaded.
/// - `x<name>.json`: a document's plain text and its headings' places (`SearchTextFiles`), loaded
///   for the results shown (excerpts around the hit, links to a heading, quoted phrases); named
///   by its page and bytes, and written with its page.
/// - `neueste.json`: every document's day, loaded only to sort by "Neueste zuerst".
struct SearchIndex {
    static let folder = "suchindex"
    /// 24 KB (about 4 KB gzipped): a query loads one per word; 48 KB cost 8 KB more per word at 1,000 items.
    static let shardTarget = 24 * 1024
    /// Small: a query loads the chunk of each result it shows, and ranking scatters them
    /// (20 results in chunks of 200 loaded about 17 chunks of 9 KB at 10,000 items).
    static let docsPerChunk = 4
    static let excerptLength = 220

    /// Kinds of documents: code letter, and the UI string of its name.
    static let kinds: [(code: String, key: String)] = [
        ("p", "search.kind.post"), ("e", "search.kind.event"), ("m", "search.kind.participation"), ("j", "search.kind.project"),
        ("f", "search.kind.field"), ("s", "search.kind.page"), ("t", "search.kind.strategy"),
    ]

    struct Document {
        var url: String
        var title: String
        var kind: String
        var fields: [String]
        var excerpt: String
        var date: String?
        /// The day it is dated (days since 1970-01-01, UTC), for "Neueste zuerst".
        var day: Int?
        /// A post's tags: name and address.
        var tags: [(name: String, href: String)] = []
        /// (text, weight per occurrence)
        var texts: [(String, Int)]
        /// The body's terms (weight 1 per occurrence) and text.
        var body: PageSearchText
        /// The name of its text file (`SearchTextFiles`).
        var textName = ""
    }

    let site: Site
    let records: [PageRecord]
    let tokenizer: SharedSearchTokenizer
    /// For the words a result's time needs ("Seit …" before an open-ended format's start).
    let strings: UIStrings
    /// Its version's language: how titles and summaries become terms, and what the manifest says.
    var language: SearchLanguage { SearchLanguage(code: site.config.language) }

    /// Site path of the folder (`suche/suchindex/`).
    static func folderPath(_ urls: URLScheme) -> String { urls.search + folder + "/" }

    /// What the index says of each indexed source besides its body.
    private struct Entry {
        var kind: String
        var title: String
        var summary: String?
        var fields: [String]
        var date: String?
        var day: Int?
        var extra: [String]
        /// A post's tags (name and address): chosen by the editor to say what it is about, they
        /// weigh like its summary.
        var tags: [(name: String, href: String)] = []

        /// The texts it is found by besides its body, with their weights.
        var texts: [(String, Int)] {
            var texts: [(String, Int)] = [(title, 10)]
            if let s = summary { texts.append((s, 3)) }
            if !tags.isEmpty { texts.append((tags.map(\.name).joined(separator: " "), 3)) }
            if !extra.isEmpty { texts.append((extra.joined(separator: " "), 2)) }
            return texts
        }
    }

    /// - Parameter dates: whether to make the date texts (only the document chunks show them).
    private func entries(dates: Bool) -> [String: Entry] {
        let local = LocalDates(language: site.config.language)
        func date(_ d: DateTime?) -> String? { dates ? d.map(local.date) : nil }
        func day(_ d: DateTime?) -> Int? { d.map { SearchTextFiles.day($0) } }
        var bySource: [String: Entry] = [:]
        let tagsBySlug = Dictionary(uniqueKeysWithValues: site.tags.map { ($0.slug, (name: $0.name, href: site.urls.href(site.urls.tag($0)))) })
        for p in site.publicPosts {
            bySource[p.source.path] = Entry(kind: "p", title: p.title, summary: p.summary, fields: p.fields, date: date(p.date), day: day(p.date),
                                            extra: [p.author].compactMap { $0 }, tags: p.tags.compactMap { tagsBySlug[Slug.make($0)] })
        }
        for e in site.publicEvents {
            // With its end, as its card and page give it ("Samstag, 20. März bis Sonntag, 21. März 2027").
            bySource[e.source.path] = Entry(kind: "e", title: e.title, summary: e.summary, fields: e.fields,
                                            date: dates ? local.range(e.start, e.end) : nil, day: day(e.start),
                                            extra: [e.location?.name, e.location?.address, e.format].compactMap { $0 })
        }
        for p in site.publicParticipation {
            bySource[p.source.path] = Entry(kind: "m", title: p.title, summary: p.summary, fields: p.fields,
                                            date: dates ? p.periodText(strings, dates: local, now: site.options.now) : nil,
                                            day: day(p.start), extra: [p.format].compactMap { $0 } + p.cities)
        }
        for p in site.publicProjects {
            bySource[p.source.path] = Entry(kind: "j", title: p.title, summary: p.summary, fields: p.fields, date: nil,
                                            extra: p.cities + p.partners + [p.code].compactMap { $0 })
        }
        for f in site.publicFields {
            bySource[f.body.source.path] = Entry(kind: "f", title: f.title, summary: f.summary, fields: [f.slug], date: nil, extra: [])
        }
        for p in site.publicPages where p.search {
            bySource[p.source.path] = Entry(kind: "s", title: p.title, summary: p.summary, fields: [], date: nil, extra: [])
        }
        if let s = site.strategy {
            bySource[s.source.path] = Entry(kind: "t", title: s.title, summary: s.summary, fields: [], date: date(s.published), day: day(s.published), extra: [])
        }
        return bySource
    }

    /// Made in two halves side by side: the rest of the index waits for them.
    func documents() -> [Document] {
        let bySource = entries(dates: true)
        let fieldTitles = Dictionary(uniqueKeysWithValues: site.fields.map { ($0.slug, $0.title) })
        let half = records.count / 2
        let (first, second) = sideBySide({ documents(of: 0..<half, bySource, fieldTitles) },
                                         { self.documents(of: half..<self.records.count, bySource, fieldTitles) })
        return first + second
    }

    /// The documents of the records in `range`, in their order.
    private func documents(of range: Range<Int>, _ bySource: [String: Entry], _ fieldTitles: [String: String]) -> [Document] {
        let urls = site.urls
        var docs: [Document] = []
        docs.reserveCapacity(range.count)
        // By index: `for r in records` copies each record, retaining all its parts.
        for i in range {
            guard let body = records[i].search, let source = records[i].source, let item = bySource[source.path] else { continue }
            let path = records[i].path
            docs.append(Document(url: urls.href(path), title: item.title, kind: item.kind, fields: item.fields,
                                 excerpt: item.summary ?? body.excerpt, date: item.date, day: item.day, tags: item.tags,
                                 texts: item.texts + Self.fieldTexts(item, fieldTitles), body: body,
                                 textName: SearchTextFiles.name(page: path, key: body.textKey)))
        }
        return docs
    }

    /// The titles of an item's fields of action, at the lowest weight: "Mobilität" also finds the
    /// projects of "Intelligente Mobilität" that do not say it. A field's own page has its title already.
    private static func fieldTexts(_ item: Entry, _ titles: [String: String]) -> [(String, Int)] {
        let names = item.kind == "f" ? [] : item.fields.compactMap { titles[$0] }
        return names.isEmpty ? [] : [(names.joined(separator: " "), 1)]
    }

    /// Makes the index and hands its files to `emit`: term shards, document chunks, dates, and
    /// the manifest last (whose version covers all of them).
    func write(_ emit: (OutputFile) -> Void) {
        let docs = documents()
        // The document chunks on another thread while the term shards are made here (the index is
        // what a rebuild after a text edit waits for). Not `parallelMap`: the index is made inside
        // one already, and a nested one runs its items one after the other.
        let shared = UncheckedBox((self, docs))
        let chunks = Pending { () -> (files: [OutputFile], version: Version) in
            let (index, docs) = shared.value
            var files: [OutputFile] = []
            var version = Version()
            index.writeChunks(docs, &version) { files.append($0) }
            index.writeTexts(docs, &version) { files.append($0) }
            return (files, version)
        }
        var shards: [OutputFile] = []
        var shardsVersion = Version()
        let firsts = writeShards(postings(docs), &shardsVersion) { shards.append($0) }
        let made = chunks.value
        var version = Version()
        version.add(shardsVersion)
        version.add(made.version)
        shards.forEach(emit)
        made.files.forEach(emit)
        emit(OutputFile(Self.folderPath(site.urls) + "index.json", bytes: manifest(docs, version: version, shards: firsts).serializedBytes()))
    }

    /// Term shards: {"term":[docDelta,weight,…],…}, written as bytes. Returns each shard's first term.
    private func writeShards(_ p: Postings, _ version: inout Version, _ emit: (OutputFile) -> Void) -> [JSON] {
        let dir = Self.folderPath(site.urls)
        var made = version
        defer { version = made }
        return withoutActuallyEscaping(emit) { emit in
            var writer = ShardWriter { number, shard in
                shard.withUnsafeBytes { made.add($0) }
                emit(OutputFile(dir + "t\(number).json", bytes: shard))
            }
            for t in p.order {
                let term = p.terms[t]
                var key: [UInt8] = []
                JSON.writeString(term, to: &key)
                let range = p.starts[t]..<p.starts[t + 1]
                writer.add(term: term, key: key) { out in Self.appendPostings(docs: p.docs[range], weights: p.weights[range], to: &out) }
            }
            return writer.finish().firsts.map(JSON.string)
        }
    }

    /// Document chunks: what a result shows (address, title, kind, fields, excerpt, date, tags).
    private func writeChunks(_ docs: [Document], _ version: inout Version, _ emit: (OutputFile) -> Void) {
        let dir = Self.folderPath(site.urls)
        let fieldNumber = Dictionary(uniqueKeysWithValues: site.fields.enumerated().map { ($1.slug, $0) })
        for (chunkNumber, start) in stride(from: 0, to: docs.count, by: Self.docsPerChunk).enumerated() {
            let rows: [JSON] = docs[start..<min(docs.count, start + Self.docsPerChunk)].map { d in
                let row: [JSON] = [.string(d.url), .string(d.title), .string(d.kind),
                                   .array(d.fields.compactMap { fieldNumber[$0] }.map(JSON.number)),
                                   .string(d.excerpt), d.date.map(JSON.string) ?? .null, .string(d.textName)]
                return .array(d.tags.isEmpty ? row : row + [.array(d.tags.map { .array([.string($0.name), .string($0.href)]) })])
            }
            let chunk = JSON.array(rows).serializedBytes()
            chunk.withUnsafeBytes { version.add($0) }
            emit(OutputFile(dir + "d\(chunkNumber).json", bytes: chunk))
        }
    }

    private func manifest(_ docs: [Document], version: Version, shards: [JSON]) -> JSON {
        let fields: [JSON] = site.fields.map { f in
            var previous = 0
            var deltas: [JSON] = []
            for (id, d) in docs.enumerated() where d.fields.contains(f.slug) {
                deltas.append(.number(id - previous))
                previous = id
            }
            return .obj([("slug", .string(f.slug)), ("title", .string(f.title)), ("docs", .array(deltas))])
        }
        var entries: [(String, JSON?)] = [
            ("version", .number(1)), ("v", .string(version.hex)), ("docs", .number(docs.count)), ("docsPerChunk", .number(Self.docsPerChunk)),
        ]
        // The language only when it is not German, which search.js assumes without it.
        if let code = language.manifestCode { entries.append(("language", .string(code))) }
        entries += [
            ("stopWords", .array(language.stopWords.sorted().map(JSON.string))),
            ("kinds", .string(docs.map(\.kind).joined())), ("fields", .array(fields)), ("shards", .array(shards)),
        ]
        return JSON.obj(entries)
    }

    /// The start of a text, cut at a word end, with "…" when cut.
    static func excerpt(_ text: String) -> String {
        var bytes = text
        return bytes.withUTF8(simpleExcerpt) ?? characterExcerpt(text)
    }

    /// The excerpt of valid UTF-8 text.
    static func excerpt(utf8 text: [UInt8]) -> String {
        text.withUnsafeBufferPointer(simpleExcerpt) ?? characterExcerpt(String(decoding: text, as: UTF8.self))
    }

    /// The excerpt of a text whose part it walks has only scalars below U+0300 and no CR: there
    /// each scalar is one character, so bytes are counted, not grapheme clusters. Nil otherwise.
    private static func simpleExcerpt(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var words: [Range<Int>] = []
        var length = 0, characters = 0
        var start: Int?
        let n = bytes.count
        for i in 0...n {
            let b = i < n ? bytes[i] : 32
            // 0xCC leads the first scalar that may join the one before (U+0300, combining marks).
            if b >= 0xCC || b == 13 { return nil }
            if b == 32 || b == 10 || b == 9 {
                guard let s = start else { continue }
                if length + characters + 1 > excerptLength {
                    // A combining mark after this space would have made it part of a word.
                    if i + 1 < n, bytes[i + 1] >= 0xCC { return nil }
                    return joined(words, bytes) + " …"
                }
                words.append(s..<i)
                length += characters + 1
                start = nil
            } else {
                if start == nil { start = i; characters = 0 }
                if b & 0xC0 != 0x80 { characters += 1 }
            }
        }
        return joined(words, bytes)
    }

    private static func joined(_ words: [Range<Int>], _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        for (k, w) in words.enumerated() {
            if k > 0 { out.append(32) }
            out += bytes[w]
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func characterExcerpt(_ text: String) -> String {
        var words: [Substring] = []
        var length = 0
        // Walks only as far as the excerpt reaches (a page's text may be long), each character
        // once: its words' lengths are counted on the way.
        var start: String.Index?
        var characters = 0
        var i = text.startIndex
        var iterator = text.makeIterator()
        while true {
            let c = iterator.next()
            if c == nil || c == " " || c == "\n" || c == "\t" {
                if let s = start {
                    if length + characters + 1 > excerptLength { return words.joined(separator: " ") + " …" }
                    words.append(text[s..<i])
                    length += characters + 1
                    start = nil
                }
                guard let c else { break }
                i = text.utf8.index(i, offsetBy: c.utf8.count)
            } else {
                if start == nil {
                    start = i
                    characters = 0
                }
                characters += 1
                i = text.utf8.index(i, offsetBy: c!.utf8.count)
            }
        }
        return words.joined(separator: " ")
    }
}

extension SearchIndex {
    /// A postings list (docs ascending, with their weights) as JSON `[docDelta,weight,…]`. Written
    /// into a buffer of the largest size it can have, then appended at once: the index has a few
    /// million of these numbers, and appending digit by digit was a twentieth of a text edit.
    static func appendPostings(docs: ArraySlice<Int32>, weights: ArraySlice<UInt8>, to out: inout [UInt8]) {
        // Per posting at most 10 digits of a gap, 3 of a weight and 2 commas; and the brackets.
        let room = docs.count * 15 + 2
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { buffer in
            var n = 0
            buffer[n] = UInt8(ascii: "[")
            n += 1
            var previous: Int32 = 0
            var w = weights.startIndex
            for doc in docs {
                if n > 1 {
                    buffer[n] = UInt8(ascii: ",")
                    n += 1
                }
                n = writeDecimal(UInt64(doc - previous), into: buffer, at: n)
                buffer[n] = UInt8(ascii: ",")
                n = writeDecimal(UInt64(weights[w]), into: buffer, at: n + 1)
                previous = doc
                w += 1
            }
            buffer[n] = UInt8(ascii: "]")
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<(n + 1)]))
        }
    }
}

/// Cuts the term shards: `{"term":[…],…}`, terms in code-point order, a new shard once one holds
/// `shardTarget` bytes.
struct ShardWriter {
    private var shards: [[UInt8]] = []
    private var firsts: [String] = []
    private var current: [UInt8] = []
    private(set) var count = 0
    /// Where each finished shard goes (its number and bytes); without it they are kept for `finish`.
    private let emit: ((Int, [UInt8]) -> Void)?

    init(emit: ((Int, [UInt8]) -> Void)? = nil) { self.emit = emit }

    /// - Parameters: term: asked only for a shard's first term; key: the term as a JSON string
    ///   (with quotes); list: writes its postings array.
    mutating func add(term: @autoclosure () -> String, key: some Sequence<UInt8>, list: (inout [UInt8]) -> Void) {
        if current.isEmpty {
            firsts.append(term())
            current.append(UInt8(ascii: "{"))
        } else {
            current.append(UInt8(ascii: ","))
        }
        current += key
        current.append(UInt8(ascii: ":"))
        list(&current)
        if current.count >= SearchIndex.shardTarget { close() }
    }

    private mutating func close() {
        current.append(UInt8(ascii: "}"))
        if let emit {
            emit(count, current)
            current.removeAll(keepingCapacity: true)
        } else {
            shards.append(current)
            current = []
        }
        count += 1
    }

    /// The shards (none when they went to `emit`) and the first term of each.
    mutating func finish() -> (shards: [[UInt8]], firsts: [String]) {
        if !current.isEmpty { close() }
        return (shards, firsts)
    }
}

/// Appends a non-negative integer as ASCII digits.
func appendDecimal(_ value: Int, to out: inout [UInt8]) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<writeDecimal(UInt64(value), into: buffer, at: 0)]))
    }
}

/// Writes `value`'s digits at `at`; returns the place after them.
@inline(__always) func writeDecimal(_ value: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
    // Most numbers of the index (document gaps, weights) have one or two digits.
    if value < 10 {
        buffer[at] = UInt8(truncatingIfNeeded: 48 + value)
        return at + 1
    }
    if value < 100 {
        buffer[at] = UInt8(truncatingIfNeeded: 48 + value / 10)
        buffer[at + 1] = UInt8(truncatingIfNeeded: 48 + value % 10)
        return at + 2
    }
    var digits = 0
    var rest = value
    while rest > 0 {
        digits += 1
        rest /= 10
    }
    rest = value
    for k in stride(from: at + digits - 1, through: at, by: -1) {
        buffer[k] = UInt8(truncatingIfNeeded: 48 + rest % 10)
        rest /= 10
    }
    return at + digits
}

extension SearchIndex {
    /// The index's version in the manifest (16 hex digits): a hash over every shard and chunk, in
    /// order, so the script's cached files are dropped when the index changes.
    struct Version {
        private var h = ContentHash.of("sitegen-search-version-2")
        mutating func add(_ file: UnsafeRawBufferPointer) { h = ContentHash.mix(h, ContentHash.wide(file)) }
        mutating func add(_ part: Version) { h = ContentHash.mix(h, part.h) }
        var hex: String {
            let hex = String(h, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
    }
}

extension LayoutContext {
    /// What the search page needs: where the index is, the filter options and the texts the
    /// script shows (`search.*` in the UI strings).
    func searchPageData() -> SearchData {
        let urls = site.urls
        return SearchData(
            indexHref: urls.href(SearchIndex.folderPath(urls) + "index.json"),
            action: urls.href(urls.search),
            fieldOptions: site.fields.map { FieldOption(slug: $0.slug, title: $0.title) },
            kinds: SearchIndex.kinds.map { KindOption(code: $0.code, label: strings[$0.key]) },
            // The theme's badge of every field, in field order, for search.js to copy into results.
            badgeList: badgeList(site.fields.map(\.slug)),
            texts: SearchTexts(results: strings["search.results"], one: strings["search.resultOne"],
                               none: strings["search.noResults"], more: strings["search.more"], loading: strings["search.loading"],
                               missing: strings["search.missing"], suggest: strings["search.suggest"]))
    }
}
