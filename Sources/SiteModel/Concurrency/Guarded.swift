#if canImport(Synchronization) && os(Linux)
import Synchronization
#else
import Foundation
#endif

/// A value that one thread at a time may look at or change. On Linux it is the standard library's `Mutex`, kept in
/// place with no memory of its own; elsewhere (where `Mutex` needs a newer system than Signpost asks for) a lock
/// object beside the value.
struct Guarded<Value: Sendable>: ~Copyable, Sendable {
    #if canImport(Synchronization) && os(Linux)
    private let mutex: Mutex<Value>

    init(_ value: Value) { mutex = Mutex(value) }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        mutex.withLock { body(&$0) }
    }
    #else
    private let box: Box

    init(_ value: Value) { box = Box(value) }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        box.lock.withLock { body(&box.value) }
    }

    private final class Box: @unchecked Sendable {
        let lock = NSLock()
        var value: Value
        init(_ value: Value) { self.value = value }
    }
    #endif
}
