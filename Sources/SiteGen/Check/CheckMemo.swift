/// What the link check can be spared by a memo around it (`BuildCache` implements this): the
/// findings of a page whose key (the page and everything it can point at) is as last time.
protocol CheckMemo: Sendable {
    /// False when nothing is kept (`NoMemo`): then no keys are worked out either.
    var remembers: Bool { get }
    func linkCheck(_ path: String, key: UInt64) -> [Diagnostic]?
    func storeLinkCheck(_ path: String, key: UInt64, _ diagnostics: [Diagnostic])
}

extension NoMemo: CheckMemo {
    var remembers: Bool { false }
    func linkCheck(_ path: String, key: UInt64) -> [Diagnostic]? { nil }
    func storeLinkCheck(_ path: String, key: UInt64, _ diagnostics: [Diagnostic]) {}
}
