import SiteModel

/// Lets one build at a time write into an output folder. The lock is held on the folder the output folder is in
/// (`FolderLock`, as imports hold one on the content folder), so it needs no file of its own and is let go by the
/// system if the build is killed.
struct OutputLock {
    private let lock: FolderLock

    /// Takes the lock, waiting (and saying so) while another build holds it.
    init(folder: LocalPath, name: String) throws {
        switch FolderLock.take(folder.string, waiting: "Another signpost build is writing to \(name). Waiting for it to finish…\n") {
        case .success(let lock): self.lock = lock
        case .failure(let error): throw OutputFolder.failure("open the folder", folder.string, error.code)
        }
    }

    func release() { lock.release() }
}
