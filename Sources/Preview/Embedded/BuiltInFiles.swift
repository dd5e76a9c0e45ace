import Foundation
import SiteBuilder
import SiteModel

/// The files Signpost carries inside its binary: written out for a new site and a copy of the default theme to edit,
/// and the default theme, from memory, for a content folder that has none beside it.
public enum BuiltInFiles {
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// The default theme's files, by path inside the theme folder.
    public static var defaultTheme: [String: Data] { decode(EmbeddedFiles.defaultTheme) }

    /// The starter site's files, by path inside the new site's folder (`Content/…`, `README.md`).
    public static var starterSite: [String: Data] { decode(EmbeddedFiles.starterSite) }

    private static func decode(_ files: [String: String]) -> [String: Data] {
        files.compactMapValues { Data(base64Encoded: $0) }
    }

    /// Writes a ready-to-edit site into `folder`: its content, a README for staff and the default theme in
    /// `Themes/default`, so the site looks the same whichever Signpost builds it. The folder must be new or empty.
    public static func writeNewSite(to folder: LocalPath) throws {
        try requireEmpty(folder)
        try write(starterSite, into: folder)
        try write(defaultTheme, into: folder.appending("Themes/default"))
    }

    /// Writes a copy of the default theme into `folder` to be edited. The folder must be new or empty.
    public static func writeDefaultTheme(to folder: LocalPath) throws {
        try requireEmpty(folder)
        try write(defaultTheme, into: folder)
    }

    /// The default theme as every command builds with it when none is given, `site.yml` names none and there is no
    /// `Themes/default` beside the content folder (`Theme.locate`): used from memory, never written out to a shared
    /// folder whose files someone else could have put there.
    public static let theme = BuiltInTheme(files: defaultTheme)

    /// The longest name of one file or folder most disks take, in bytes of UTF-8.
    static let longestName = 255
    /// The longest path the system takes, in bytes; the new site's own files need some of it.
    static let longestPath = 4096

    private static func shortened(_ text: String) -> String { text.count > 60 ? String(text.prefix(60)) + "…" : text }

    /// Refuses, in plain words, a place that cannot become a new folder of files: a name too long for the disk, a
    /// link to nothing, a file, a folder with files in it.
    private static func requireEmpty(_ folder: LocalPath) throws {
        if let long = folder.components.first(where: { $0.utf8.count > longestName }) {
            throw Problem(description: "The name `\(shortened(long))` is too long (\(long.count) letters): use at most \(longestName) letters, fewer with accents.")
        }
        if folder.string.utf8.count > longestPath - 200 {
            throw Problem(description: "The place `\(shortened(folder.string))` is too long (\(folder.string.count) letters, in \(folder.components.count) folders): choose a place nearer the top, with fewer folders.")
        }
        switch FileKind.of(folder.string, followingLinks: false) {
        case .missing:
            return
        case .link:
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: folder.string)) ?? "?"
            switch FileKind.of(folder.string, followingLinks: true) {
            case .missing:
                throw Problem(description: "\(folder) is a link to \(target), a folder that does not exist. Remove the link, or choose another name.")
            case .folder:
                break
            default:
                throw Problem(description: "\(folder) is a link to \(target), which is a file, not a folder. Choose a new folder name.")
            }
        case .folder:
            break
        case .file, .other:
            throw Problem(description: "\(folder) is a file, not a folder. Choose a new folder name.")
        }
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder.string)) ?? []
        if !existing.isEmpty {
            throw Problem(description: "\(folder) already has files in it. Choose a new folder name.")
        }
    }

    private static func write(_ files: [String: Data], into folder: LocalPath) throws {
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let file = folder.appending(path)
            try makeFolders(file.parent)
            // Written with the system's own calls, so a failure comes with the system's reason (`errno`).
            let descriptor = open(file.string, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            let wrote = descriptor >= 0 && data.withUnsafeBytes { SystemCall.writeAll(descriptor, $0) }
            let code = errno
            if descriptor >= 0 { close(descriptor) }
            if !wrote { throw problem(code: code, making: file, what: "write files") }
        }
    }

    /// Makes a folder and the folders it is in, saying in plain words why one could not be made.
    private static func makeFolders(_ folder: LocalPath) throws {
        var made = LocalPath("/")
        for part in folder.components {
            made = made.appending(part)
            if mkdir(made.string, 0o755) != 0 && errno != EEXIST {
                throw problem(code: errno, making: made, what: "make folders")
            }
        }
    }

    /// Why a folder or file could not be made, in plain words and with what to do, from the system's error number.
    private static func problem(code: Int32, making path: LocalPath, what: String) -> Problem {
        // The folder the new files were to go in: the nearest one that is there.
        var existing = path.parent
        while existing.components.count > 0 && FileKind.of(existing.string, followingLinks: true) == .missing {
            existing = existing.parent
        }
        switch code {
        case EACCES, EPERM, EROFS:
            return Problem(description: "You cannot \(what) in \(existing): it is read-only for you. Choose a folder you can write in, such as one in your home folder.")
        case ENAMETOOLONG:
            return Problem(description: "The name `\(shortened(path.lastComponent))` is too long for the disk: use at most \(longestName) letters for each name, and fewer folders.")
        case ENOSPC, EDQUOT:
            return Problem(description: "There is no room left on the disk for \(path). Free some space, or choose another place.")
        case EEXIST, ENOTDIR:
            var blocking = LocalPath("/")
            for part in path.components {
                blocking = blocking.appending(part)
                if FileKind.of(blocking.string, followingLinks: true) != .folder { break }
            }
            return Problem(description: "\(blocking) is a file, not a folder, so nothing can be made in it. Choose another place.")
        default:
            return Problem(description: "Could not \(what) in \(existing): \(String(cString: strerror(code))). Choose another folder.")
        }
    }
}
