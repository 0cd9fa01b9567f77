/// What stopping a build (Ctrl-C, SIGTERM) may do at once and what it must wait for. While the
/// site is made, the staging folders are removed and the build ends; while the new site is put in
/// place (and its store written), the stop waits until that is done, so the output is never half
/// replaced and never without the store that says sitegen made it.
public final class Interruption: @unchecked Sendable {  // every field is read and written under `lock`
    public static let shared = Interruption()

    private let lock = NSLockLite()
    /// The staging folders of the builds under way, each with the file system it is on.
    private var stagings: [String: any FileSystem] = [:]
    private var putting = 0
    private var waiting: (@Sendable (_ afterOutput: Bool) -> Void)?

    init() {}

    /// Stops the build: `finish` is called at once (after the staging folders are removed), or,
    /// while the output is being put in place, as soon as it is (with `afterOutput` true).
    public func stop(_ finish: @escaping @Sendable (_ afterOutput: Bool) -> Void) {
        let folders: [String: any FileSystem]? = lock.locked {
            if putting > 0 {
                waiting = finish
                return nil
            }
            defer { stagings = [:] }
            return stagings
        }
        guard let folders else { return }
        for (folder, fileSystem) in folders { fileSystem.removeTree(folder) }
        finish(false)
    }

    func began(staging: String, on fileSystem: any FileSystem) { lock.locked { stagings[staging] = fileSystem } }
    func ended(staging: String) { lock.locked { _ = stagings.removeValue(forKey: staging) } }

    /// Runs `body` (putting the output in place) to its end even when a stop comes meanwhile.
    func uninterrupted<T>(_ body: () throws -> T) rethrows -> T {
        lock.locked { putting += 1 }
        defer {
            let finish: (@Sendable (Bool) -> Void)? = lock.locked {
                putting -= 1
                guard putting == 0 else { return nil }
                defer { waiting = nil }
                return waiting
            }
            finish?(true)
        }
        return try body()
    }
}
