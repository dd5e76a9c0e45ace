import Foundation
import SiteModel

/// Watches folders by looking at every file's size, time of change and inode four times a second: the fallback
/// where inotify is not there (macOS, or `SIGNPOST_POLL=1`).
public final class PollingWatcher: FileWatcher, @unchecked Sendable {
    private let folders: [LocalPath]
    private let interval: TimeInterval
    private let lock = NSLock()
    private var running = false

    public init(folders: [LocalPath], interval: TimeInterval = 0.25) {
        self.folders = folders
        self.interval = interval
    }

    struct Stamp: Equatable {
        var size: UInt64
        var modified: Double
        var inode: UInt64
    }

    /// Every file under the folders, with its stamp.
    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in folders {
            guard let walker = FileManager.default.enumerator(atPath: folder.string) else { continue }
            while let relative = walker.nextObject() as? String {
                let path = folder.string + "/" + relative
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { continue }
                let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
                stamps[path] = Stamp(size: size, modified: modified, inode: inode)
            }
        }
        return stamps
    }

    public func start(changed: @escaping @Sendable ([String]) -> Void) throws {
        lock.lock()
        running = true
        lock.unlock()
        let first = snapshot()
        let thread = Thread { [self] in
            var last = first
            while isRunning {
                Thread.sleep(forTimeInterval: interval)
                let now = snapshot()
                let paths = Set(now.keys).union(last.keys).filter { now[$0] != last[$0] && changeMatters($0) }
                last = now
                if !paths.isEmpty { changed(paths.sorted()) }
            }
        }
        thread.name = "signpost file watcher"
        thread.start()
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    public func stop() {
        lock.lock()
        running = false
        lock.unlock()
    }
}
