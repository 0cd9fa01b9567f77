/// What the load stage can be spared by a memo around it (the incremental layer's `BuildCache`
/// implements this); the stage itself knows no cache. `NoMemo` reads and parses everything.
protocol LoadMemo: Sendable {
    /// The document read last time under `key`, without reading the file, when its stamp and
    /// size are as they were (the preview server's rebuilds read only the files that were written).
    func document(_ key: String, stamp: UInt64, size: Int) -> (LoadedDocument?, [Diagnostic])?
    /// The document made from the same bytes (`hash`) last time, or `load()`'s.
    func document(_ key: String, hash: UInt64, stamp: UInt64, size: Int,
                  load: () -> (LoadedDocument?, [Diagnostic])) -> (LoadedDocument?, [Diagnostic])
    /// A document an earlier build read, with its front matter, when the file's stamp and size are
    /// as they were then (`stamp` 0: unknown). Its text is read only when a page needs it.
    func storedDocument(_ key: String, stamp: UInt64, size: Int) -> (RememberedDocument, YAMLMap)?
    func storeDocument(_ key: String, _ document: RememberedDocument)
    /// Front matter parsed from the same text last time, or `parse()`'s.
    func frontMatter(_ text: String, firstLine: Int, parse: () throws(YAMLError) -> YAMLValue?) throws(YAMLError) -> YAMLValue?
}

/// No memo: every stage does all of its work (`sitegen check`, tests of the plain pipeline).
struct NoMemo: LoadMemo {
    func document(_ key: String, stamp: UInt64, size: Int) -> (LoadedDocument?, [Diagnostic])? { nil }
    func document(_ key: String, hash: UInt64, stamp: UInt64, size: Int,
                  load: () -> (LoadedDocument?, [Diagnostic])) -> (LoadedDocument?, [Diagnostic]) { load() }
    func frontMatter(_ text: String, firstLine: Int, parse: () throws(YAMLError) -> YAMLValue?) throws(YAMLError) -> YAMLValue? {
        try parse()
    }
    func storedDocument(_ key: String, stamp: UInt64, size: Int) -> (RememberedDocument, YAMLMap)? { nil }
    func storeDocument(_ key: String, _ document: RememberedDocument) {}
}

/// What a later build needs of a document without reading its file again: everything but the
/// front matter (kept by its key) and the body (found at `bodyOffset` of the file's text).
struct RememberedDocument: Equatable {
    var stamp: UInt64
    var size: Int
    var hash: UInt64
    var frontMatterHash: UInt64
    var yamlKey: UInt64
    var kind: DocumentKind
    var source: SourceRef
    var fileSlug: String
    var diagnostics: [Diagnostic]
    /// Where the body begins in the file's text (UTF-8 bytes, after a byte order mark and CRLF
    /// line ends are removed), and `ContentHash.of` the body.
    var bodyOffset: Int
    var bodyHash: UInt64
}
