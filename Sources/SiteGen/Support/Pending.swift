import Dispatch

/// A value made on another thread while the caller goes on; `value` waits for it.
final class Pending<Value>: @unchecked Sendable {  // `made` is written before `done` is signalled; read under `lock`
    private let done = DispatchSemaphore(value: 0)
    private var made: Value?
    private var arrived = false
    private let lock = NSLockLite()

    init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.made = make()
            self.done.signal()
        }
    }

    /// The value; the first call waits until it is made. Any thread may ask, also many at once
    /// (the semaphore is signalled once: a second thread waiting on it would wait for ever).
    var value: Value {
        lock.locked {
            if !arrived {
                done.wait()
                arrived = true
            }
            return made!
        }
    }
}
