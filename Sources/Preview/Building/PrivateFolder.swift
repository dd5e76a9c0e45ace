import Foundation
import SiteModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder of serve's own in the system's temporary folder, which everyone on the computer shares: made by this
/// user, readable and writable by no one else (mode 700), so no other user can read the drafts in the site serve
/// builds, or put files in it for serve to publish.
///
/// A folder of that name is used only when it is a real folder (never a link) that this user owns and no one else can
/// open, checked on the folder itself once opened. Anything else (another user's folder, a link, a file) is never
/// used or followed: serve then makes a new private folder with a name no one could have known.
enum PrivateFolder {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// The system's temporary folder: `TMPDIR`, else `/tmp`.
    static var temporary: LocalPath {
        LocalPath(ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
    }

    /// `<temporary>/<prefix>-<user id>`, private to this user; a new `<prefix>-<user id>-XXXXXX` when that name is
    /// taken by anything this user cannot trust.
    static func make(named prefix: String, in given: LocalPath = temporary) throws -> LocalPath {
        // Under the temporary folder's real path, so each check before a build finds no link on the way.
        let temporary = try requireSafe(given)
        let user = geteuid()
        let folder = temporary.appending("\(prefix)-\(user)")
        if mkdir(folder.string, 0o700) == 0 || errno == EEXIST {
            switch state(of: folder, user: user) {
            case .privateToUser:
                return folder
            case .ownButOpen:
                // This user's, but others could have put files in it while it was open to them: emptied and made anew.
                if (try? FileManager.default.removeItem(atPath: folder.string)) != nil, mkdir(folder.string, 0o700) == 0,
                   state(of: folder, user: user) == .privateToUser {
                    return folder
                }
            case .notUsers:
                break
            }
        }
        // A name no one could have known, made private from the start (mkdtemp makes it with mode 700).
        var template = Array(temporary.appending("\(prefix)-\(user)-XXXXXX").string.utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw Problem(description: "Serve cannot make a folder of its own in \(temporary): \(SystemCall.lastError). "
                          + "Set TMPDIR to a folder you can write in.")
        }
        let path = LocalPath(String(cString: made))
        guard state(of: path, user: user) == .privateToUser else {
            throw Problem(description: "Serve made the folder \(path), but it is not private to you. Set TMPDIR to a folder of your own.")
        }
        return path
    }

    enum State: Equatable {
        /// A real folder this user owns that no one else can read, write or enter.
        case privateToUser
        /// A real folder this user owns that others can open.
        case ownButOpen
        /// Another user's folder, a link, a file, or nothing that can be opened.
        case notUsers
    }

    /// What is at `folder`, found on the folder itself once opened without following a link.
    static func state(of folder: LocalPath, user: uid_t) -> State {
        let descriptor = open(folder.string, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return .notUsers }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == user else { return .notUsers }
        return info.st_mode & 0o077 == 0 ? .privateToUser : .ownButOpen
    }

    /// The temporary folder, and every folder above it, must be owned by root or this user, and none that others (or
    /// a group) can write in may lack the sticky bit (OpenSSH's rule for a safe path): otherwise whoever owns or can
    /// write in one of them could rename serve's folder away and put a link in its place, and serve's next build
    /// would write drafts into, or clear, whatever the link points at. Links on the way are followed first, so the
    /// folders checked are the real ones. Gives the real path of the temporary folder.
    @discardableResult
    static func requireSafe(_ temporary: LocalPath) throws -> LocalPath {
        var info = stat()
        guard let real = realpath(temporary.string, nil) else {
            throw Problem(description: "There is no temporary folder at \(temporary) for serve's copy of the site. "
                          + "Set TMPDIR to a folder you can write in.")
        }
        let resolved = LocalPath(String(cString: real))
        free(real)
        guard stat(resolved.string, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw Problem(description: "There is no temporary folder at \(temporary) for serve's copy of the site. "
                          + "Set TMPDIR to a folder you can write in.")
        }
        let user = geteuid()
        var folder = resolved
        while true {
            guard lstat(folder.string, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                throw Problem(description: "Serve cannot check the folder \(folder) that holds its temporary folder "
                              + "\(temporary). Set TMPDIR to a folder of your own.")
            }
            if info.st_uid != 0 && info.st_uid != user {
                throw Problem(description: "The folder \(folder) belongs to another user, who could move or replace "
                              + "anything in the temporary folder \(temporary), so serve cannot keep its copy of the "
                              + "site private there. Set TMPDIR to a folder of your own.")
            }
            if info.st_mode & 0o022 != 0 && info.st_mode & S_ISVTX == 0 {
                throw Problem(description: "Other users can move or replace anything in the folder \(folder), "
                              + "so serve cannot keep its copy of the site private in the temporary folder \(temporary). "
                              + "Set TMPDIR to a folder of your own.")
            }
            if folder.components.isEmpty { break }
            folder = folder.parent
        }
        return resolved
    }

    /// Checks, before each build, that serve's private folder is still the one `make` gave and `output` still lies in
    /// it as real folders: the temporary folder still safe (`requireSafe`), `folder` a real folder (not a link) this
    /// user owns that no one else can open, and each folder from it down to `output` that exists a real folder of
    /// this user's. A folder of `output`'s not made yet is fine: the build makes it inside the private folder.
    /// Throws, in plain words, when anything changed: serve then builds nothing, so nothing is written or cleared
    /// through a link someone put there.
    static func requireUnchanged(_ folder: LocalPath, holding output: LocalPath) throws {
        let changed = "Serve's private folder \(folder) has changed since serve started, so serve will not build "
            + "into it. Stop serve and start it again"
        let real: LocalPath
        do { real = try requireSafe(folder.parent) } catch { throw Problem(description: "\(changed). \(error)") }
        guard real == folder.parent else {
            throw Problem(description: "\(changed): the temporary folder \(folder.parent) is now a link.")
        }
        guard let inside = folder.relativePath(of: output) else {
            throw Problem(description: "\(changed): \(output) is not in it.")
        }
        let user = geteuid()
        var info = stat()
        guard lstat(folder.string, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == user,
              info.st_mode & 0o077 == 0 else {
            throw Problem(description: "\(changed): it is no longer a folder of yours that only you can open.")
        }
        var path = folder
        for name in inside.split(separator: "/") {
            path = path.appending(String(name))
            guard lstat(path.string, &info) == 0 else {
                if errno == ENOENT { return }
                throw Problem(description: "\(changed): \(path) cannot be checked (\(SystemCall.lastError)).")
            }
            guard info.st_mode & S_IFMT == S_IFDIR, info.st_uid == user else {
                throw Problem(description: "\(changed): \(path) is no longer a folder of yours.")
            }
        }
    }
}
