import Foundation

/// Answers worked out once and shared by the threads of a build, such as where a link or a picture leads: the same
/// ones appear on many pages.
public final class SharedCache<Key: Hashable, Value>: @unchecked Sendable {
    private var values: [Key: Value] = [:]
    private let lock = NSLock()
    /// The most answers kept; past it, new answers are worked out and not kept, so the first (and most often
    /// asked) stay.
    private let limit: Int

    public init(limit: Int = .max) { self.limit = limit }

    /// The value for `key`, working it out with `make` the first time.
    public func value(for key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        if let known = values[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let made = make()
        lock.lock()
        if values.count < limit { values[key] = made }
        lock.unlock()
        return made
    }
}
