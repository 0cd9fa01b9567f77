import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Maps in parallel on all cores; the result order is the input order, whatever the scheduling.
func parallelMap<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
    if items.count < 2 || ProcessInfoLite.cores < 2 { return items.map(transform) }
    return withoutActuallyEscaping(transform) { transform in
        [R](unsafeUninitializedCapacity: items.count) { buffer, count in
            let shared = UncheckedBox((buffer.baseAddress!, items, transform))
            // Small chunks, so that no worker is left with a long one while the others wait at the end.
            let chunk = max(1, items.count / (ProcessInfoLite.cores * 32))
            let chunks = (items.count + chunk - 1) / chunk
            // Workers take chunks from a shared counter, so no more than `cores` run at once.
            let next = UncheckedBox(AtomicCounter())
            DispatchQueue.concurrentPerform(iterations: ProcessInfoLite.cores) { _ in
                let (base, items, transform) = shared.value
                while true {
                    let c = next.value.increment()
                    if c >= chunks { break }
                    let lo = c * chunk, hi = min(items.count, lo + chunk)
                    for i in lo..<hi { (base + i).initialize(to: transform(items[i])) }
                }
            }
            count = items.count
        }
    }
}

/// Runs `there` on another thread while `here` runs on this one, and returns both results. For
/// work inside a `parallelMap` item, where a nested `parallelMap` runs its items one after the
/// other. The caller guarantees that the two only read what they share.
func sideBySide<A, B>(_ here: () -> A, _ there: @escaping () -> B) -> (A, B) {
    let box = UncheckedBox(there)
    let other = Pending { box.value() }
    return (here(), other.value)
}

/// Hands a value to concurrent work where the caller guarantees the access is safe
/// (each worker writes its own disjoint slots).
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

enum ProcessInfoLite {
    /// The number of worker threads: SITEGEN_JOBS when set (tests use it to prove the output
    /// does not depend on it), else the number of cores.
    static let cores: Int = {
        if let value = getenv("SITEGEN_JOBS").map({ String(cString: $0) }), let n = Int(value), n > 0 { return n }
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 4
        #endif
    }()
}

/// A counter shared by worker threads.
final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLockLite()
    /// Returns the value before adding one.
    func increment() -> Int { lock.locked { defer { value += 1 }; return value } }
}
