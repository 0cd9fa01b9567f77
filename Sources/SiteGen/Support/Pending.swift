import Dispatch

/// A value made on another thread while the caller goes on; `value` waits for it.
final class Pending<Value>: @unchecked Sendable {  // `made` is written before `done` is signalled and read after
    private let done = DispatchSemaphore(value: 0)
    private var made: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.made = make()
            self.done.signal()
        }
    }

    /// The value (the first call waits until it is made). One thread asks at a time.
    lazy var value: Value = {
        done.wait()
        return made!
    }()
}
