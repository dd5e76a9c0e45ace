import ArgumentParser
import Foundation
import SiteModel

/// The check every command that reads a content folder makes first: that `--content` names a folder.
enum ContentFolder {
    /// Refuses a `--content` that is not a folder, as bad usage (exit 2), with `hint` after the reason.
    static func require(_ path: String, hint: String = "") throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("There is no content folder at \(path).\(hint.isEmpty ? "" : " " + hint)")
        }
    }

    /// Takes the content folder's lock for an import, so another import into it waits until this one has read,
    /// merged and written, and neither loses what the other wrote. A lock that cannot be taken is bad usage (exit 2).
    static func lockForImport(_ writer: ContentWriter, console: Console) throws -> FolderLock {
        switch writer.lock() {
        case .success(let taken): return taken
        case .failure(let problem):
            console.error("signpost: \(problem.message)")
            throw ExitCode(2)
        }
    }
}
