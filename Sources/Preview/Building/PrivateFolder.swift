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
    static func make(named prefix: String, in temporary: LocalPath = temporary) throws -> LocalPath {
        try requireSafe(temporary)
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

    /// A temporary folder anyone can write in must be sticky (as `/tmp` is), or anyone could rename serve's folder
    /// away and put one of their own in its place.
    static func requireSafe(_ temporary: LocalPath) throws {
        var info = stat()
        guard stat(temporary.string, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw Problem(description: "There is no temporary folder at \(temporary) for serve's copy of the site. "
                          + "Set TMPDIR to a folder you can write in.")
        }
        if info.st_mode & 0o002 != 0 && info.st_mode & S_ISVTX == 0 {
            throw Problem(description: "Other users can move or replace anything in the temporary folder \(temporary), "
                          + "so serve cannot keep its copy of the site private there. Set TMPDIR to a folder of your own.")
        }
    }
}
