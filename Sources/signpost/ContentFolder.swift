import ArgumentParser
import Foundation

/// The check every command that reads a content folder makes first: that `--content` names a folder.
enum ContentFolder {
    /// Refuses a `--content` that is not a folder, as bad usage (exit 2), with `hint` after the reason.
    static func require(_ path: String, hint: String = "") throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("There is no content folder at \(path).\(hint.isEmpty ? "" : " " + hint)")
        }
    }
}
