import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Content in a folder on disk, read as untrusted input.
///
/// - Nothing outside the folder is ever listed or read: a symbolic link is followed only when it leads to another
///   place inside the folder, and a link that leads out, loops, or points at nothing is a problem named by its path.
/// - Every file and folder is opened from the folder's own descriptor, one folder at a time and never through a link
///   (`Beneath`); a link inside is followed by finding its real place, checking it, and opening that place the same
///   way. So a folder swapped for a link to somewhere outside while a build runs is never read through.
/// - Only regular files are read, so a named pipe or a device cannot hang or flood a build.
/// - Folders are walked with a list of folders still to visit, not by recursion, so no depth of folders can
///   overflow the stack.
public struct DirectoryContentSource: ContentSource {
    public let root: LocalPath
    /// The folder with every link followed: what "inside the folder" is measured against.
    public let realRoot: LocalPath
    /// Whether files and folders whose names start with `.` are listed. Content leaves them out.
    public let includeHidden: Bool
    /// How a path is shown in problems: a theme puts its own name in front (`default/assets/site.css`).
    public let label: @Sendable (String) -> String
    /// What the folder is, in messages: "content folder", "theme folder".
    public let role: String
    /// The only folders inside it that are listed (a theme's `templates` and `assets`); nil for all of it.
    public let only: [String]?

    /// The real place on disk of each folder read from, by its path inside the source; nil when it is not inside.
    private let folders = SharedCache<String, String?>()
    /// The folder itself, open: every file read is opened inside it.
    private let opened: OpenFolder

    public init(root: LocalPath, includeHidden: Bool = false, role: String = "content folder", only: [String]? = nil,
                label: @escaping @Sendable (String) -> String = { $0 }) {
        self.root = root
        self.realRoot = root.resolvingLinks()
        self.opened = OpenFolder(realRoot.string)
        self.includeHidden = includeHidden
        self.role = role
        self.only = only
        self.label = label
    }

    public init(root: URL, includeHidden: Bool = false) { self.init(root: LocalPath(root), includeHidden: includeHidden) }

    public var name: String { root.string }

    public func list() throws -> ContentListing {
        guard FileKind.of(realRoot.string, followingLinks: true) == .folder else {
            throw ContentSourceError.missingFolder(root.string)
        }
        var files: [String] = []
        var problems: [Diagnostic] = []
        func problem(_ path: String, _ message: String) {
            problems.append(Diagnostic(file: label(path), line: 1, column: 1, message: message))
        }
        // Folders already walked, by their real place: a link back to one of them would walk it again forever.
        var walked: Set<String> = [realRoot.string]
        var folders: [(disk: String, prefix: String)] = [(realRoot.string, "")]
        if let only {
            // Each listed folder must itself be a real folder inside: a link there is checked like any other.
            folders = only.sorted().reversed().compactMap { name in
                let disk = realRoot.appending(name)
                let kind = FileKind.of(disk.string, followingLinks: false)
                guard kind != .missing else { return nil }
                guard kind == .folder else {
                    problem(name, "This should be a folder inside the \(role), not a link or a file.")
                    return nil
                }
                walked.insert(disk.string)
                return (disk.string, name + "/")
            }
        }
        let root = opened.descriptor()
        while let (folder, prefix) = folders.popLast() {
            // Names beyond plain ASCII in this folder: two that differ only in how their accents are written (one made
            // on a Mac, say) look the same to a reader, and to Swift, which counts them as one name.
            var accented: Set<String> = []
            for (name, listedKind) in entries(inRealPlace: folder, root: root) {
                if !includeHidden && name.hasPrefix(".") { continue }
                let path = prefix + name
                var disk = folder + "/" + name
                if name.utf8.contains(where: { $0 < 32 || $0 == 127 }) || name.unicodeScalars.contains("\u{FFFD}") {
                    problem(path, "This file's name has a character that cannot be used in an address. Rename it using letters, digits and hyphens.")
                    continue
                }
                if !name.utf8.allSatisfy({ $0 < 0x80 }), !accented.insert(name).inserted {
                    problem(path, "Another file in this folder has a name that looks the same, with its accents written another way (as a Mac writes them, say). Rename one of the two.")
                    continue
                }
                var kind = listedKind ?? FileKind.of(disk, followingLinks: false)
                if kind == .link {
                    let target: LocalPath
                    switch followLink(disk) {
                    case .success(let inside): target = inside
                    case .failure(let refused):
                        problem(path, refused.message)
                        continue
                    }
                    // From here on the real place is used, so every folder is known by one name.
                    disk = target.string
                    kind = FileKind.of(disk, followingLinks: true)
                }
                switch kind {
                case .file: files.append(path)
                case .folder:
                    guard walked.insert(disk).inserted else {
                        problem(path, "This is a link to a folder that is already read (a loop, or the same folder twice). Remove the link.")
                        continue
                    }
                    folders.append((disk, path + "/"))
                case .link, .other, .missing:
                    problem(path, "This is not a file or a folder (it may be a pipe or a device), so it cannot be read. Remove it.")
                }
            }
        }
        return ContentListing(files: files.sorted(), problems: problems)
    }

    /// The names in the folder at `real`, a real place inside the folder, opened from the folder's own descriptor
    /// one folder at a time without following a link (`Beneath`): a folder swapped for a link after it was found
    /// gives no names, rather than the names of a folder outside.
    private func entries(inRealPlace real: String, root: Int32?) -> [(name: String, kind: FileKind?)] {
        guard let root, let beneath = realRoot.relativePath(of: LocalPath(real)) else { return [] }
        let folder = Beneath.openFolder(beneath.split(separator: "/"), in: root)
        return folder >= 0 ? FileKind.entries(inOpen: folder) : []
    }

    /// Why a place in the folder is refused: a link that loops, leads nowhere or leads out of the folder, or a file
    /// where a folder should be. `path` is inside the folder, as problems show it.
    public struct PlaceProblem: Error, Sendable {
        public let path: String
        public let message: String
        public init(path: String, message: String) {
            self.path = path
            self.message = message
        }
    }

    /// Where the link at `disk` leads, when the folder accepts it: the one rule for links, used when the folder is
    /// listed and when an import writes into it (`ContentWriter`).
    func followLink(_ disk: String) -> Result<LocalPath, PlaceProblem> {
        guard let target = Self.realPath(disk) else {
            return .failure(PlaceProblem(path: disk, message: errno == ELOOP
                ? "This is a link that leads back to itself (a loop), so it cannot be read. Remove the link."
                : "This is a link to something that does not exist. Remove the link, or copy the file here instead."))
        }
        guard realRoot.contains(target) else {
            return .failure(PlaceProblem(path: disk, message: "This is a link to \(target), which is outside the \(role). Signpost reads only what is inside the folder: copy the file in instead of linking to it."))
        }
        return .success(target)
    }

    /// Where on disk a file at `path` inside the folder is written, checked with the rules `list` reads by: every
    /// folder on the way is a real folder inside, or a link that `list` would follow; a folder not there yet is made
    /// inside. The file itself, when it is a link the folder accepts, is written where it leads.
    /// - Returns: the folders to make, outermost first, and the file's place; or the problem, named by its path.
    public func placeToWrite(_ path: String) -> Result<(folders: [String], file: String), PlaceProblem> {
        func refuse(_ at: String, _ message: String) -> Result<(folders: [String], file: String), PlaceProblem> {
            .failure(PlaceProblem(path: label(at), message: message))
        }
        guard let relative = ContentPath.resolve(path, from: ""), !relative.isEmpty else {
            return refuse(path, "This is not a place inside the \(role).")
        }
        guard FileKind.of(realRoot.string, followingLinks: true) == .folder else {
            return refuse(path, "There is no \(role) at \(root).")
        }
        let parts = relative.split(separator: "/").map(String.init)
        var current = realRoot.string
        var shown = ""
        var toMake: [String] = []
        for (index, part) in parts.enumerated() {
            shown += (shown.isEmpty ? "" : "/") + part
            let disk = (current == "/" ? "" : current) + "/" + part
            let last = index == parts.count - 1
            if !toMake.isEmpty {
                if last { return .success((toMake, disk)) }
                toMake.append(disk)
                current = disk
                continue
            }
            var kind = FileKind.of(disk, followingLinks: false)
            var place = disk
            if kind == .link {
                switch followLink(disk) {
                case .success(let target):
                    place = target.string
                    kind = FileKind.of(place, followingLinks: true)
                case .failure(let refused): return refuse(shown, refused.message)
                }
            }
            switch (kind, last) {
            case (.missing, true), (.file, true): return .success((toMake, place))
            case (.missing, false):
                toMake.append(place)
                current = place
            case (.folder, false): current = place
            case (.folder, true): return refuse(shown, "This is a folder, so no file can be written here. Rename or move the folder.")
            default:
                return refuse(shown, last ? "This is not a file (it may be a pipe or a device), so it cannot be written. Remove it."
                              : "This should be a folder inside the \(role), not a file. Rename or move the file.")
            }
        }
        return refuse(path, "This is not a place inside the \(role).")
    }

    private static func realPath(_ path: String) -> LocalPath? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return LocalPath(String(cString: real))
    }

    /// Reads a file inside the folder, following links only while they stay inside it. Named pipes, devices and
    /// folders give nil, without waiting.
    public func read(_ path: String) -> Data? {
        inside(path) { folder, name in
            let file = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard file >= 0 else { return errno == ELOOP ? .link : .found(nil) }
            defer { close(file) }
            return .found(Beneath.readRegularFile(file))
        }
    }

    /// The stamp of a file inside the folder, found the same way as `read` finds the file.
    public func stamp(_ path: String) -> FileStamp? {
        inside(path) { folder, name in
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .found(nil) }
            switch info.st_mode & S_IFMT {
            case S_IFREG: return .found(FileStamp(info))
            case S_IFLNK: return .link
            default: return .found(nil)
            }
        }
    }

    /// What looking at a file in its open folder found: a value (nil for nothing that can be read), or a link.
    private enum Look<Value> {
        case found(Value?)
        case link
    }

    /// Gives `look` the file at `path`: its folder, open, and its name. The folder is reached from the content
    /// folder's own descriptor one folder at a time, without following a link (`Beneath`), and `look` must not follow
    /// one either, so a folder swapped for a link to somewhere outside, at any moment, is never read through.
    ///
    /// Only when a link is met on the way (a link to a file or a folder inside, which `list` follows) are the real
    /// places of the file's folder and of the file found and checked to be inside, as `list` checks them; that real
    /// place is then opened from the content folder's descriptor the same way, so a part of it swapped for a link
    /// after the check makes the open fail rather than lead out.
    private func inside<Value>(_ path: String, _ look: (_ folder: Int32, _ name: String) -> Look<Value>) -> Value? {
        guard let relative = ContentPath.resolve(path, from: ""), !relative.isEmpty,
              let root = opened.descriptor() else { return nil }
        if case .found(let value) = Self.look(at: relative, in: root, look) { return value }
        let folder = ContentPath.folder(of: relative)
        let realFolder = folders.value(for: folder) {
            Self.realPath(onDisk(folder)).flatMap { realRoot.contains($0) ? $0.string : nil }
        }
        guard realFolder != nil, let real = Self.realPath(onDisk(relative)),
              let beneath = realRoot.relativePath(of: real), !beneath.isEmpty else { return nil }
        // A link again: a part of the real place was swapped for one since it was found.
        if case .found(let value) = Self.look(at: beneath, in: root, look) { return value }
        return nil
    }

    /// Where `relative` is, by its path through the folder as given (links in it still to follow).
    private func onDisk(_ relative: String) -> String { root.appending(relative).string }

    /// `look` given the file at `relative` (parts between single slashes, none `.` or `..`) inside the folder open
    /// as `root`; `.link` when a folder on the way is a link.
    private static func look<Value>(at relative: String, in root: Int32,
                                    _ look: (Int32, String) -> Look<Value>) -> Look<Value> {
        guard let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) else { return look(root, relative) }
        let name = String(relative[relative.utf8.index(after: slash)...])
        let folder = Beneath.openFolder(relative[..<slash].split(separator: "/"), in: root)
        guard folder >= 0 else { return errno == ENOTDIR || errno == ELOOP ? .link : .found(nil) }
        defer { close(folder) }
        return look(folder, name)
    }
}

/// A folder kept open while files are read from it, opened the first time it is needed and closed when the last copy
/// of the source holding it is let go.
final class OpenFolder: Sendable {
    let path: String
    private let opened = Guarded<Int32>(-1)

    init(_ path: String) { self.path = path }

    /// The folder's descriptor, or nil when it cannot be opened (it is tried again next time).
    func descriptor() -> Int32? {
        opened.withLock { descriptor in
            if descriptor < 0 { descriptor = Beneath.openRoot(path) }
            return descriptor >= 0 ? descriptor : nil
        }
    }

    deinit {
        opened.withLock { descriptor in
            if descriptor >= 0 { close(descriptor) }
        }
    }
}

/// What is at a path on disk.
public enum FileKind: Equatable, Sendable {
    case file, folder, link, other, missing

    public static func of(_ path: String, followingLinks: Bool) -> FileKind {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// The names in one folder (not `.` or `..`), from `opendir`, which is many times faster than `FileManager` on
    /// Linux. Every folder Signpost walks, content, theme or output, is listed with it.
    public static func names(in folder: String) -> [String] { entries(in: folder).map(\.name) }

    /// The names in one folder (not `.` or `..`), each with what it is when the folder's listing says (without
    /// following a link), so that walking a tree needs no look at each file; nil where the file system does not say.
    public static func entries(in folder: String) -> [(name: String, kind: FileKind?)] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        return entries { readdir(directory) }
    }

    /// `entries(in:)` of the folder open as `descriptor`, which is closed after.
    static func entries(inOpen descriptor: Int32) -> [(name: String, kind: FileKind?)] {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return []
        }
        defer { closedir(directory) }
        return entries { readdir(directory) }
    }

    private static func entries(_ next: () -> UnsafeMutablePointer<dirent>?) -> [(name: String, kind: FileKind?)] {
        var entries: [(name: String, kind: FileKind?)] = []
        // The name is read where it lies, up to its end: copying the whole `d_name` field could read past the end of
        // the system's buffer, as a short entry at the end of it is smaller than `dirent`, and crash.
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let entry = next() {
            let name = String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
            guard name != "." && name != ".." else { continue }
            let kind: FileKind? = switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): .file
            case Int32(DT_DIR): .folder
            case Int32(DT_LNK): .link
            case Int32(DT_UNKNOWN): nil
            default: .other
            }
            entries.append((name, kind))
        }
        return entries
    }

    /// The bytes of a regular file, read with as few system calls as its size allows; nil for anything else.
    public static func readRegularFile(_ path: String, followingLinks: Bool = true) -> Data? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return Beneath.readRegularFile(descriptor)
    }
}
