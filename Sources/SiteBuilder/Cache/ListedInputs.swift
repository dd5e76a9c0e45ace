import Foundation
import SiteModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a build listed and hashed of the content and theme folders. A process that builds again after each save
/// (`signpost serve`) keeps it, and, told by its file watcher which files changed since, hashes those files only
/// rather than listing both folders and looking at every file again.
struct ListedInputs: Sendable {
    var listing: ContentListing
    /// The listed files, to look a changed file up.
    var listed: Set<String>
    var inputs: BuildInputs
    var themeFolder: LocalPath?
    var contentProblems: [String]
    var themeProblems: [String]
    /// Whether every listed file, and every folder holding one, is itself a file or folder, not a link, and no file
    /// has a second name (a hard link): a change through a link, or through a file's other name outside the folder, is
    /// not seen by a file watcher of this folder, so a folder with links is always listed.
    var linkFree: Bool

    /// Whether no listed file, nor any folder it is in, is a link.
    static func isLinkFree(_ files: [String], in root: LocalPath) -> Bool {
        let folders = OutputFolder.folders(holding: files)
        let filesAreFiles = Parallel.map(files) { isSingleFile(root.appending($0).string) }
        let foldersAreFolders = Parallel.map(Array(folders)) {
            FileKind.of(root.appending($0).string, followingLinks: false) == .folder
        }
        return filesAreFiles.allSatisfy { $0 } && foldersAreFolders.allSatisfy { $0 }
    }

    /// These inputs with `changed` (paths in the content folder) hashed again, when each is a file this listing has and
    /// is still a plain file; nil when a file was added or removed, or anything else changed, so the folders must be
    /// listed again.
    func updated(_ changed: Set<String>, root: LocalPath, source: any ContentSource) -> ListedInputs? {
        guard linkFree else { return nil }
        for path in changed {
            guard listed.contains(path), Self.isSingleFile(root.appending(path).string) else { return nil }
        }
        var next = self
        // What changed since the last cache is not known this way: only what changed since this listing.
        next.inputs.changed = nil
        next.inputs.put = nil
        let files = changed.map { BuildInputs.File(name: "content:" + $0, path: $0, source: source) }
        for (name, record) in BuildInputs.gather(files, previous: nil).records { next.inputs.records[name] = record }
        return next
    }

    /// Whether a path is a plain file (not a link) with one name only.
    static func isSingleFile(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        return info.st_mode & S_IFMT == S_IFREG && info.st_nlink == 1
    }
}
