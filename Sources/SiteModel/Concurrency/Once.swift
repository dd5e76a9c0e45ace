import Foundation

/// A value made the first time it is asked for, once for every core that asks.
public final class Once<Value>: @unchecked Sendable {
    private let make: @Sendable () -> Value
    private let lock = NSLock()
    private var made: Value?

    public init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    public var value: Value {
        lock.withLock {
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
