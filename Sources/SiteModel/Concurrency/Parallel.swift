import Dispatch
import Foundation

/// Runs work on every core. Builds are mostly independent work per page, so this is where the speed comes from.
public enum Parallel {
    /// `transform` applied to every element, on all cores, results in the original order.
    public static func map<Element, Result>(_ items: [Element], _ transform: (Element) -> Result) -> [Result] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = Slots<Result>(count: items.count)
        return withoutActuallyEscaping(transform) { escapable in
            // The caller promises the work is independent per element; this is where that promise is kept.
            let work = Unchecked(value: escapable), input = Unchecked(value: items)
            DispatchQueue.concurrentPerform(iterations: input.value.count) { index in
                slots.set(index, work.value(input.value[index]))
            }
            return slots.values()
        }
    }
}

private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
}

/// Results filled from many threads, each index by one thread only.
private final class Slots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    func values() -> [Value] { storage.map { $0! } }
}
