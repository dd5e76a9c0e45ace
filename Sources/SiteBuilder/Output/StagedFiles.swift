import Foundation
import SiteModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files written into the staging folder as soon as they are made, rather than held in memory until the write step.
///
/// Used for the service directory's pages and exports on a build that makes a new staging folder anyway (there is
/// no site before last to write over): at 100,000 services they are over a gigabyte, and held until the end they
/// were most of the build's memory. The staging folder is still swapped in only by the write step, so a build that
/// fails leaves the output as it was; its staging folder is removed (by the next build, if this one is killed).
final class StagedFiles: @unchecked Sendable {
    /// The staging folder, new and Signpost's own, with no links in it.
    let folder: LocalPath
    private let lock = NSLock()
    private var stamps: [String: FileStamp?] = [:]
    private var madeFolders: Set<String> = []
    private var firstFailure: BuildFailure?

    init(folder: LocalPath) { self.folder = folder }

    /// Writes one file, making the folders it is in. Safe from any thread; a failure is kept for the write step.
    func write(_ file: String, _ data: Data) {
        let parent = ContentPath.folder(of: file)
        if !parent.isEmpty && !hasFolder(parent) {
            // Two threads may make the same folder at once: the second finds it there. In order of name, each
            // folder comes before the folders in it.
            let prefixes = OutputFolder.folders(holding: [file]).sorted()
            for made in prefixes {
                if mkdir(folder.joining(made), 0o755) != 0 && errno != EEXIST {
                    return fail(OutputFolder.failure("create the folder", made, errno))
                }
            }
            lock.lock()
            madeFolders.formUnion(prefixes)
            lock.unlock()
        }
        let result = OutputFolder.written(folder.joining(file), data, new: true)
        lock.lock()
        defer { lock.unlock() }
        if let error = result.error {
            firstFailure = firstFailure ?? OutputFolder.failure("write", file, error)
        } else {
            // Written, even if its stamp could not be read: it is listed as Signpost's own all the same.
            stamps[file] = .some(result.stamp)
        }
    }

    /// Every file written so far, with its stamp as written when it could be read.
    var files: [String: FileStamp?] {
        lock.lock()
        defer { lock.unlock() }
        return stamps
    }

    /// Every folder made so far.
    var folders: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return madeFolders
    }

    /// Whether a file was written at `path`.
    func contains(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return stamps[path] != nil
    }

    /// The first file that could not be written, in plain words.
    var failure: BuildFailure? {
        lock.lock()
        defer { lock.unlock() }
        return firstFailure
    }

    private func hasFolder(_ folder: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return madeFolders.contains(folder)
    }

    private func fail(_ failure: BuildFailure) {
        lock.lock()
        firstFailure = firstFailure ?? failure
        lock.unlock()
    }
}
