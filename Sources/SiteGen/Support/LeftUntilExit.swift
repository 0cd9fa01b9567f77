/// Where a command that exits right after its one build leaves the large values it is done with.
/// The system takes the whole heap back at exit for free; letting a 10,000-item site go object by
/// object costs the main thread about a tenth of a second. Only for one-shot commands: the preview
/// server builds again and again in one process and must free them (`Builder.freesMemoryAfterBuild`).
enum LeftUntilExit {
    private static let kept = KeptValues()

    static func keep(_ value: Any) { kept.append(value) }

    /// How many values are kept (for tests).
    static var count: Int { kept.count }
}

private final class KeptValues: @unchecked Sendable {  // `values` is guarded by `lock`
    private let lock = NSLockLite()
    private var values: [Any] = []

    func append(_ value: Any) { lock.locked { values.append(value) } }
    var count: Int { lock.locked { values.count } }
}
