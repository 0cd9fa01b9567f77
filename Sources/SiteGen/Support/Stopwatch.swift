#if canImport(Glibc)
import Glibc
#endif

/// Measures elapsed wall time with a monotonic clock.
public final class Stopwatch: @unchecked Sendable {
    private var last: Double
    private let start: Double

    public init() {
        start = Stopwatch.now()
        last = start
    }

    /// Seconds since the previous lap (or the start).
    public func lap() -> Double {
        let t = Stopwatch.now()
        defer { last = t }
        return t - last
    }

    /// Seconds since the start.
    public var total: Double { Stopwatch.now() - start }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
