/// A value made the first time it is asked for, once for every core that asks.
public final class Once<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let made = Guarded<Value?>(nil)

    public init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    public var value: Value {
        made.withLock { made in
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
