#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the file system says about a file without reading it: its size, when it was last written and changed, and
/// which file it is. When a file's stamp is the same as when its hash was taken, the hash still holds (unless the file
/// was written in the same moment the hash was taken: see `BuildCache`), so an unchanged site is never read again.
public struct FileStamp: Sendable, Hashable, Codable {
    public var size: Int64
    /// Last write, in nanoseconds since 1970.
    public var modified: Int64
    /// Last change to the file or its details (permissions, links), in nanoseconds since 1970.
    public var changed: Int64
    public var inode: UInt64

    public init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    /// The stamp of the regular file at `path` (a link is followed), or nil when there is none.
    public static func of(_ path: String) -> FileStamp? { of(path, type: S_IFREG) }

    /// The stamp of the regular file at `path` itself: nil when it is a link, or anything but a file.
    public static func ofFileNotLink(_ path: String) -> FileStamp? { of(path, type: S_IFREG, followingLinks: false) }

    /// The stamp of the folder at `path`, not following a link: its `modified` changes whenever a file in it is
    /// added, removed or renamed.
    public static func ofFolder(_ path: String) -> FileStamp? { of(path, type: S_IFDIR, followingLinks: false) }

    /// The stamp of the regular file (a link is followed) or, with `isFolder`, the folder (not followed) at `path`
    /// inside the folder open as `folder`; `""` is that folder itself. Many files of one folder are looked at this
    /// way without the system walking the folder's own path again for each.
    public static func of(_ path: String, inFolder folder: Int32, isFolder: Bool = false) -> FileStamp? {
        guard !path.hasPrefix("/") else { return nil }
        var info = stat()
        let found = fstatat(folder, path.isEmpty ? "." : path, &info, isFolder ? AT_SYMLINK_NOFOLLOW : 0)
        guard found == 0, (info.st_mode & S_IFMT) == (isFolder ? S_IFDIR : S_IFREG) else { return nil }
        return FileStamp(info)
    }

    private static func of(_ path: String, type: mode_t, followingLinks: Bool = true) -> FileStamp? {
        var info = stat()
        let found = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard found == 0, (info.st_mode & S_IFMT) == type else { return nil }
        return FileStamp(info)
    }

    /// The stamp in what `stat`, `lstat` or `fstat` said of a file.
    public init(_ info: stat) {
        #if canImport(Darwin)
        modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #else
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #endif
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
    }
}
