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

extension Parallel {
    /// Starts `work` on a thread of its own and returns at once; `Pending.value` waits for the result.
    ///
    /// For work that is one piece (one large file) beside work that spreads over every core with `map`: a `map`
    /// inside another `map` runs on one core only, so independent parts that each spread their own work run one after
    /// another, with the one-piece work started beside them.
    public static func start<Result>(_ work: @escaping @Sendable () -> Result) -> Pending<Result> {
        let pending = Pending<Result>()
        DispatchQueue.global().async { pending.finish(work()) }
        return pending
    }

    /// The result of work started with `start`.
    public final class Pending<Result>: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var result: Result?

        fileprivate init() {}

        fileprivate func finish(_ value: Result) {
            result = value
            done.signal()
        }

        /// The result, once the work has finished; waits until then. Asked once.
        public var value: Result {
            done.wait()
            return result!
        }
    }
}
