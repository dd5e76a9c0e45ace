#if canImport(Glibc)
import Glibc
import Foundation
import SiteModel

/// Watches folders, and every folder inside them, with Linux's inotify: the system says at once which file
/// changed, so a save is seen within a millisecond and nothing is read while nothing changes.
public final class InotifyWatcher: FileWatcher, @unchecked Sendable {
    private let folders: [LocalPath]
    private let lock = NSLock()
    private var running = false
    private var descriptor: Int32 = -1
    private var folderByWatch: [Int32: String] = [:]
    /// Set when the system refused to watch a folder (the limit on watches was reached).
    private var missedFolder = false

    public var seesEveryChange: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !missedFolder
    }

    // From <sys/inotify.h>; written out because the header's macros do not all reach Swift.
    private static let closeWrite: UInt32 = 0x0000_0008
    private static let attributes: UInt32 = 0x0000_0004
    private static let movedFrom: UInt32 = 0x0000_0040
    private static let movedTo: UInt32 = 0x0000_0080
    private static let created: UInt32 = 0x0000_0100
    private static let deleted: UInt32 = 0x0000_0200
    private static let deletedSelf: UInt32 = 0x0000_0400
    private static let movedSelf: UInt32 = 0x0000_0800
    private static let overflow: UInt32 = 0x0000_4000
    private static let isFolder: UInt32 = 0x4000_0000
    private static let wanted = closeWrite | attributes | movedFrom | movedTo | created | deleted | deletedSelf | movedSelf

    public init(folders: [LocalPath]) { self.folders = folders }

    public func start(changed: @escaping @Sendable ([String]) -> Void) throws {
        let fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        lock.lock()
        descriptor = fd
        running = true
        lock.unlock()
        for folder in folders { addTree(folder.string) }
        let thread = Thread { [self] in readLoop(fd, changed: changed) }
        thread.name = "signpost file watcher"
        thread.start()
    }

    public func stop() {
        lock.lock()
        running = false
        lock.unlock()
    }

    /// Watches a folder and every folder inside it.
    private func addTree(_ path: String) {
        addWatch(path)
        guard let walker = FileManager.default.enumerator(atPath: path) else { return }
        while let relative = walker.nextObject() as? String {
            if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory {
                addWatch(path + "/" + relative)
            }
        }
    }

    private func addWatch(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        let watch = inotify_add_watch(descriptor, path, Self.wanted)
        if watch >= 0 { folderByWatch[watch] = path } else { missedFolder = true }
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private func readLoop(_ fd: Int32, changed: @escaping @Sendable ([String]) -> Void) {
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while isRunning {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            // A short wait, so that `stop` is noticed soon.
            guard poll(&poller, 1, 200) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            var paths: [String] = []
            var offset = 0
            while offset + 16 <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                lock.lock()
                let folder = folderByWatch[watch]
                lock.unlock()
                if mask & Self.overflow != 0 {
                    // Too many changes at once to list: say that everything may have changed.
                    paths += folders.map(\.string)
                    continue
                }
                guard let folder else { continue }
                let path = name.isEmpty ? folder : folder + "/" + name
                if mask & Self.isFolder != 0 && mask & (Self.created | Self.movedTo) != 0 { addTree(path) }
                if changeMatters(path) { paths.append(path) }
            }
            if !paths.isEmpty { changed(paths) }
        }
    }
}
#endif
