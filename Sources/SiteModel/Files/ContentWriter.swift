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
///   for links, so a link that leads out of the content folder is refused with the build's words, and the place
///   found is then opened beneath the content folder without following a link (`Beneath`), so a folder swapped for
///   one after the check is not written through;
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
        switch source.placeToWrite(path) {
        case .success(let place): return write(data, at: place, path: path)
        case .failure(let problem): return problem
        }
    }

    /// Writes `data` at the place `placeToWrite` found for `path`. Apart from `write(_:to:)` so that a test can change
    /// the folder between the two.
    func write(_ data: Data, at place: (folders: [String], file: String), path: String) -> DirectoryContentSource.PlaceProblem? {
        func failed(_ what: String) -> DirectoryContentSource.PlaceProblem {
            .init(path: path, message: "This file could not be written: \(what)\(String(cString: strerror(errno))).")
        }
        // The place is opened from the content folder's own descriptor, each folder inside the one before and none
        // through a link (`Beneath`), and the file is written and renamed inside the last: a folder swapped for a link
        // after `placeToWrite` looked at it makes the write fail, rather than land outside the content folder.
        guard let relative = source.realRoot.relativePath(of: LocalPath(place.file)), !relative.isEmpty else {
            errno = ENOENT
            return failed("")
        }
        let parts = relative.split(separator: "/")
        let root = Beneath.openRoot(source.realRoot.string)
        guard root >= 0 else { return failed("") }
        defer { close(root) }
        // The folders `placeToWrite` found missing are the last ones on the way.
        let folder = Beneath.openFolder(parts.dropLast(), in: root, makingFrom: parts.count - 1 - place.folders.count)
        guard folder >= 0 else { return failed(place.folders.isEmpty ? "" : "its folder could not be made: ") }
        defer { close(folder) }
        let name = String(parts[parts.count - 1])
        let temporary = ".\(name).signpost-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = openat(folder, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return failed("") }
        let wrote = data.withUnsafeBytes { SystemCall.writeAll(descriptor, $0) }
        let synced = wrote && fsync(descriptor) == 0
        close(descriptor)
        guard synced, renameat(folder, temporary, folder, name) == 0 else {
            let problem = failed("")
            unlinkat(folder, temporary, 0)
            return problem
        }
        return nil
    }

    /// The bytes of a file inside the content folder, read as the build reads them (a link out is not followed).
    public func read(_ path: String) -> Data? { source.read(path) }
}
