import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opening a file inside a folder so that nothing outside it is reached, even while the folder is being changed.
///
/// Checking a path and then opening it by name leaves a moment in which a folder on the way can be swapped for a link
/// to a folder outside, and the outside file is the one opened. Here each folder on the way is opened inside the one
/// before it (`openat`), starting from a descriptor of the folder itself, and neither a folder nor the file is opened
/// through a symbolic link (`O_NOFOLLOW`): a link anywhere on the way makes the open fail, wherever it points (`ELOOP`
/// for the file, `ENOTDIR` or `ELOOP` for a folder). What was opened is then checked (`fstat`) and read from the same
/// descriptor. The content folder's reads (`DirectoryContentSource`), imports' writes (`ContentWriter`) and the
/// files `signpost serve` sends (`SitePathResolver`) are all opened this way.
public enum Beneath {
    /// Opens the folder at `path` itself (following links in its own path, which the person running Signpost chose).
    /// - Returns: a descriptor the caller closes, or -1 with `errno` saying why.
    public static func openRoot(_ path: String) -> Int32 {
        #if canImport(Glibc)
        Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        #else
        Darwin.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        #endif
    }

    /// Opens the folder reached by `parts` inside the folder open as `folder`, one part at a time, following no link.
    /// No part may be empty, `.` or `..`, or hold a slash or NUL. A folder not there from the part at `makingFrom` on
    /// is made (an import writing where nothing is yet).
    /// - Returns: a new descriptor the caller closes (of `folder` itself again when `parts` is empty), or -1 with
    ///   `errno` saying why: `ENOTDIR` or `ELOOP` where a part is a link or a file, `ENOENT` for a part that is not one.
    public static func openFolder<Parts: Collection>(_ parts: Parts, in folder: Int32, makingFrom: Int = .max) -> Int32
    where Parts.Element: StringProtocol {
        guard !parts.isEmpty else { return openat(folder, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        var current = folder
        for (index, part) in parts.enumerated() {
            guard isStep(part) else { return failing(ENOENT, closing: current, unless: folder) }
            let name = String(part)
            var next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0, errno == ENOENT, index >= makingFrom {
                if mkdirat(current, name, 0o755) != 0 && errno != EEXIST {
                    return failing(errno, closing: current, unless: folder)
                }
                next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            guard next >= 0 else { return failing(errno, closing: current, unless: folder) }
            if current != folder { close(current) }
            current = next
        }
        return current
    }

    /// Opens the file at `parts` inside the folder open as `folder`: the folders on the way as `openFolder` does,
    /// then the file with `flags` and `O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC` (a named pipe does not wait for a writer).
    /// The file may be anything, a folder too: check what was opened with `fstat`.
    /// - Returns: a descriptor the caller closes, or -1 with `errno` saying why (`ELOOP` when the file is a link).
    public static func open<Parts: BidirectionalCollection>(_ parts: Parts, in folder: Int32, flags: Int32 = O_RDONLY) -> Int32
    where Parts.Element: StringProtocol {
        guard let name = parts.last, isStep(name) else { return failing(ENOENT) }
        let parent = parts.count == 1 ? folder : openFolder(parts.dropLast(), in: folder)
        guard parent >= 0 else { return -1 }
        let opened = openat(parent, String(name), flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if parent != folder {
            let saved = errno
            close(parent)
            errno = saved
        }
        return opened
    }

    /// The bytes of the file open as `descriptor` when it is a regular file, read with as few system calls as its size
    /// allows; nil for anything else, or when it cannot be read.
    public static func readRegularFile(_ descriptor: Int32) -> Data? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return Data() }
        // The buffer is not cleared first: every byte handed back was read from the file.
        guard let buffer = malloc(size) else { return nil }
        var filled = 0
        while filled < size {
            let count = SystemCall.read(descriptor, buffer + filled, size - filled)
            if count < 0 && errno == EINTR { continue }
            if count < 0 {
                free(buffer)
                return nil
            }
            if count == 0 { break }
            filled += count
        }
        // A file that shrank while being read gives what was there.
        return Data(bytesNoCopy: buffer, count: filled, deallocator: .free)
    }

    /// Whether `part` is one step down inside a folder: not empty, `.` or `..`, and without a slash or NUL.
    static func isStep<Part: StringProtocol>(_ part: Part) -> Bool {
        !part.isEmpty && part != "." && part != ".." && !part.utf8.contains(UInt8(ascii: "/")) && !part.utf8.contains(0)
    }

    private static func failing(_ code: Int32, closing descriptor: Int32 = -1, unless kept: Int32 = -1) -> Int32 {
        if descriptor >= 0 && descriptor != kept { close(descriptor) }
        errno = code
        return -1
    }
}
