import Foundation

/// Gathers changes that come close together into one: an editor saving a file often writes a swap file, renames
/// it over the page and changes its times, all within a few milliseconds, and that should be one rebuild, not three.
///
/// `fire` is called once the changes have been quiet for `quiet` seconds, or `longest` seconds after the first of
/// them at most, so that a stream of changes that never stops still gets built.
public final class Debouncer: @unchecked Sendable {
    private let quiet: TimeInterval
    private let longest: TimeInterval
    private let queue: DispatchQueue
    private let fire: @Sendable (Set<String>) -> Void
    private let lock = NSLock()
    private var pending: Set<String> = []
    private var firstAt: DispatchTime?
    private var generation = 0

    public init(quiet: TimeInterval = 0.02, longest: TimeInterval = 0.25, queue: DispatchQueue = DispatchQueue(label: "signpost.debouncer"),
                fire: @escaping @Sendable (Set<String>) -> Void) {
        self.quiet = quiet
        self.longest = longest
        self.queue = queue
        self.fire = fire
    }

    /// Notes changed paths; the build comes once they have settled.
    public func note(_ paths: some Sequence<String>) {
        lock.lock()
        pending.formUnion(paths)
        let now = DispatchTime.now()
        let first = firstAt ?? now
        firstAt = first
        generation += 1
        let mine = generation
        let deadline = min(now + quiet, first + longest)
        lock.unlock()
        queue.asyncAfter(deadline: deadline) { [self] in
            lock.lock()
            guard mine == generation || DispatchTime.now() >= first + longest, !pending.isEmpty else {
                lock.unlock()
                return
            }
            let changes = pending
            pending = []
            firstAt = nil
            lock.unlock()
            fire(changes)
        }
    }
}
