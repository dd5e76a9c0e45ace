import SiteModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lets one build at a time write into an output folder. The lock is held on the folder the output folder is in,
/// so it needs no file of its own and is let go by the system if the build is killed.
struct OutputLock {
    private let descriptor: Int32

    /// Takes the lock, waiting (and saying so) while another build holds it.
    init(folder: LocalPath, name: String) throws {
        descriptor = open(folder.string, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputFolder.failure("open the folder", folder.string, errno)
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let note = "Another signpost build is writing to \(name). Waiting for it to finish…\n"
            note.utf8CString.withUnsafeBytes { _ = SystemCall.writeAll(2, UnsafeRawBufferPointer(rebasing: $0.dropLast())) }
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
