/// What the load stage can be spared by a memo around it (the incremental layer's `BuildCache`
/// implements this); the stage itself knows no cache. `NoMemo` reads and parses everything.
protocol LoadMemo: Sendable {
    /// The document read last time under `key`, without reading the file, when its stamp and
    /// size are as they were (the preview server's rebuilds read only the files that were written).
    func document(_ key: String, stamp: UInt64, size: Int) -> (LoadedDocument?, [Diagnostic])?
    /// The document made from the same bytes (`hash`) last time, or `load()`'s.
    func document(_ key: String, hash: UInt64, stamp: UInt64, size: Int,
                  load: () -> (LoadedDocument?, [Diagnostic])) -> (LoadedDocument?, [Diagnostic])
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
}
