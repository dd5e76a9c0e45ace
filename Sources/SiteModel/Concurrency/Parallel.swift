import Dispatch
import Foundation

/// Runs work on every core. Builds are mostly independent work per page, so this is where the speed comes from.
public enum Parallel {
    /// `transform` applied to every element, on all cores, results in the original order.
    ///
    /// The elements are taken in runs, many more runs than cores, so a core that finishes early takes another run,
    /// but few enough that handing them out costs nothing beside the work. Each result goes straight into its place:
    /// each place is written by one thread only, and all are written before the results are read.
    /// Inlinable, so that each caller's use is compiled for its own types: a generic copy of every element and result
    /// made building 20,000 pages from the cache take twice as long.
    @inlinable
    public static func map<Element, Result>(_ items: [Element], _ transform: (Element) -> Result) -> [Result] {
        guard items.count > 1 else { return items.map(transform) }
        let count = items.count
        let runs = min(count, runsPerCore * ProcessInfo.processInfo.activeProcessorCount)
        return withoutActuallyEscaping(transform) { escapable in
            // The caller promises the work is independent per element; this is where that promise is kept.
            let work = Unchecked(value: escapable), input = Unchecked(value: items)
            return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
                let output = Unchecked(value: buffer.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: runs) { run in
                    for index in (run * count / runs)..<((run + 1) * count / runs) {
                        (output.value + index).initialize(to: work.value(input.value[index]))
                    }
                }
                initialized = count
            }
        }
    }

    /// How many runs each core's share of a `map` is cut into.
    @usableFromInline static let runsPerCore = 16

    /// The indices below `count` in runs of `length`, for work of a few hundred nanoseconds an index (a question
    /// asked of each of 20,000 pages): mapped a run at a time, `run.map { … }`, each core fetches what the work holds
    /// (the site, the cache's tables) once a run, not once an index, and the work itself is compiled in place.
    public static func runs(of count: Int, length: Int = 500) -> [Range<Int>] {
        stride(from: 0, to: count, by: length).map { $0..<min(count, $0 + length) }
    }
}

@usableFromInline
struct Unchecked<Value>: @unchecked Sendable {
    @usableFromInline let value: Value
    @usableFromInline init(value: Value) { self.value = value }
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
