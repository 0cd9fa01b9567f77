/// What a build has to do, from comparing its inputs with the store of the last build.
enum BuildPlan {
    /// No input file was written since the stored build, and "now" is still in the span its
    /// output holds for: the output stays as it is.
    case nothing(BuildRecord)
    /// Something may have changed: the pipeline runs, and the stored memo tables let it skip the
    /// work the change does not touch (and stop after loading when the inputs' bytes are the same).
    /// `knownFingerprint` is the stored output's, when that output is still right for this "now".
    case changed(StoredBuild, knownFingerprint: UInt64?)
    /// No store to go by (none, damaged, another program's, `--clean`, no output): everything is made.
    case everything

    /// - Parameter stamp: the inputs' stamp (`Builder.inputStamp`), nil when they cannot all be listed.
    init(stored: StoredBuild?, stamp: UInt64?, now: Int64) {
        guard let stored else {
            self = .everything
            return
        }
        if let stamp, stamp == stored.record.stamp, stored.record.holds(at: now) {
            self = .nothing(stored.record)
        } else {
            self = .changed(stored, knownFingerprint: stored.record.holds(at: now) ? stored.record.fingerprint : nil)
        }
    }

    var knownFingerprint: UInt64? {
        guard case .changed(_, let known) = self else { return nil }
        return known
    }

    /// True when the stored build is the start (most of the output will stay as it is).
    var isRebuild: Bool {
        if case .changed = self { true } else { false }
    }

    /// The stored memo tables (nil when damaged: the build then starts a new memo).
    var cache: BuildCache? {
        guard case .changed(let stored, _) = self else { return nil }
        return stored.cache()
    }
}
