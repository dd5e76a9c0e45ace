import Foundation
import SiteModel

/// Tells when files change in the folders a site is built from: the content folder (with `site.yml`) and the theme.
/// On Linux it uses inotify, which the system calls at once; elsewhere it looks at every file's size and time of
/// change a few times a second.
public protocol FileWatcher: AnyObject, Sendable {
    /// Starts watching; `changed` is called, on the watcher's own thread, with the paths that changed.
    func start(changed: @escaping @Sendable ([String]) -> Void) throws
    func stop()
    /// Whether every folder is being watched, so that no change can go unreported. When the system refused to watch
    /// one (inotify's limit on watches was reached), a change is still noticed elsewhere but a rebuild must look at
    /// every file rather than the reported ones alone.
    var seesEveryChange: Bool { get }
}

extension FileWatcher {
    public var seesEveryChange: Bool { true }
}

/// The watcher for this system.
public func makeFileWatcher(folders: [LocalPath]) -> any FileWatcher {
    #if canImport(Glibc)
    if ProcessInfo.processInfo.environment["SIGNPOST_POLL"] == nil { return InotifyWatcher(folders: folders) }
    #endif
    return PollingWatcher(folders: folders)
}

/// Files whose changes never matter to a build: the swap, backup and lock files editors write beside a file.
public func changeMatters(_ path: String) -> Bool {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    if name.hasPrefix(".") || name.hasSuffix("~") || name == "4913" { return false }
    for ending in [".swp", ".swx", ".swo", ".tmp", ".part", ".crdownload"] where name.hasSuffix(ending) { return false }
    return true
}
