/// When the output's disk is full, every file after that point fails to be written: a hundred
/// errors, each blamed on a page or picture that is fine. They become one message about the disk.
enum FullDisk {
    /// The system's words for a full disk (strerror of ENOSPC and EDQUOT, as the errors carry them).
    static let reasons = ["(No space left on device)", "(Disk quota exceeded)"]

    static func collapse(_ diagnostics: [Diagnostic], output: String) -> [Diagnostic] {
        func isFull(_ d: Diagnostic) -> Bool { d.severity == .error && reasons.contains { d.message.hasSuffix($0) } }
        let full = diagnostics.filter(isFull)
        guard !full.isEmpty else { return diagnostics }
        let rest = diagnostics.filter { !isFull($0) }
        return [.error(output, "there is no space left on the disk of the output folder (\(full.count) files could not be written); free some space, or choose a folder on another disk with --output")] + rest
    }
}
