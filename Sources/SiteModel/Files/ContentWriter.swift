import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lets one process at a time change a folder. The lock is held on the folder itself (`flock`), so it needs no file
/// of its own and is let go by the system if the process is killed. A build holds one on the folder its output
/// folder is in; an import holds one on the content folder while it reads, merges and writes.
public struct FolderLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock, waiting (and printing `waiting` once) while another process holds it.
    /// - Returns: nil with the system's error number when the folder cannot be opened.
    public static func take(_ folder: String, waiting: String) -> Result<FolderLock, FolderLockError> {
        let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(FolderLockError(code: errno)) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting.utf8CString.withUnsafeBytes { _ = SystemCall.writeAll(2, UnsafeRawBufferPointer(rebasing: $0.dropLast())) }
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        }
        return .success(FolderLock(descriptor: descriptor))
    }

    private init(descriptor: Int32) { self.descriptor = descriptor }

    public func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

public struct FolderLockError: Error, Sendable {
    /// The system's error number.
    public let code: Int32
}

/// Writes files into a content folder for `signpost import` and `signpost review import`, which read untrusted feeds
/// and answers files:
///
/// - only where the build would read: every folder on the way is checked with `DirectoryContentSource`'s own rule
///   for links, so a link that leads out of the content folder is refused with the build's words;
/// - each file whole or not at all: written beside its place under a hidden name, then renamed over it, so a build
///   or another import never sees half a file;
/// - under a lock on the content folder (`lock()`), held from reading what is there to writing what changed, so two
///   imports at once never lose what the other wrote.
public struct ContentWriter: Sendable {
    public let source: DirectoryContentSource

    public init(content: LocalPath) {
        source = DirectoryContentSource(root: content, includeHidden: true)
    }

    /// Waits until no other import is changing the content folder, and keeps others waiting until released.
    public func lock() -> Result<FolderLock, DirectoryContentSource.PlaceProblem> {
        let folder = source.realRoot.string
        switch FolderLock.take(folder, waiting: "Another signpost import is changing \(source.root). Waiting for it to finish…\n") {
        case .success(let lock): return .success(lock)
        case .failure(let error):
            return .failure(.init(path: source.root.string,
                                  message: "The content folder could not be opened: \(String(cString: strerror(error.code)))."))
        }
    }

    /// Writes `data` at `path` (relative to the content folder), or says why not; nothing is written on a problem.
    public func write(_ data: Data, to path: String) -> DirectoryContentSource.PlaceProblem? {
        let place: (folders: [String], file: String)
        switch source.placeToWrite(path) {
        case .success(let found): place = found
        case .failure(let problem): return problem
        }
        func failed(_ what: String) -> DirectoryContentSource.PlaceProblem {
            .init(path: path, message: "This file could not be written: \(what)\(String(cString: strerror(errno))).")
        }
        for folder in place.folders where mkdir(folder, 0o755) != 0 && errno != EEXIST {
            return failed("its folder could not be made: ")
        }
        let folder = place.file.split(separator: "/").dropLast().joined(separator: "/")
        let name = place.file.split(separator: "/").last.map(String.init) ?? path
        let temporary = "/" + folder + "/.\(name).signpost-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return failed("") }
        let wrote = data.withUnsafeBytes { SystemCall.writeAll(descriptor, $0) }
        let synced = wrote && fsync(descriptor) == 0
        close(descriptor)
        guard synced, rename(temporary, place.file) == 0 else {
            let problem = failed("")
            unlink(temporary)
            return problem
        }
        return nil
    }

    /// The bytes of a file inside the content folder, read as the build reads them (a link out is not followed).
    public func read(_ path: String) -> Data? { source.read(path) }
}
