import Foundation

/// Writes a whole site at once: into a staging folder beside the output folder, then swapped in.
/// A failed or interrupted build leaves the previous output exactly as it was.
public struct OutputFolder: Sendable {
    /// A file Signpost leaves in every output folder it writes, so that it only ever replaces its own folders.
    public static let marker = ".signpost-output"

    public let url: URL

    public init(url: URL) { self.url = url.standardizedFileURL }

    /// Writes `files` (paths relative to the output folder) and swaps them in.
    public func write(_ files: [String: Data]) throws {
        let manager = FileManager.default
        try checkReplaceable()
        let parent = url.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let unique = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(url.lastPathComponent).staging-\(unique)")
        let old = parent.appendingPathComponent(".\(url.lastPathComponent).old-\(unique)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            var folders = Set<String>()
            for path in files.keys {
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty { folders.insert(folder) }
            }
            for folder in folders.sorted() {
                try manager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            for (path, data) in files {
                try data.write(to: staging.appendingPathComponent(path))
            }
            try Data("Written by Signpost. This whole folder is replaced on each build.\n".utf8)
                .write(to: staging.appendingPathComponent(Self.marker))
        } catch {
            try? manager.removeItem(at: staging)
            throw BuildFailure.output("Could not write the site into \(staging.path): \(error.localizedDescription)")
        }
        // The swap: two renames, then the old copy goes.
        let hadOutput = manager.fileExists(atPath: url.path)
        do {
            if hadOutput { try manager.moveItem(at: url, to: old) }
            try manager.moveItem(at: staging, to: url)
        } catch {
            if hadOutput && !manager.fileExists(atPath: url.path) { try? manager.moveItem(at: old, to: url) }
            try? manager.removeItem(at: staging)
            throw BuildFailure.output("Could not move the new site into \(url.path): \(error.localizedDescription)")
        }
        if hadOutput { try? manager.removeItem(at: old) }
    }

    /// Signpost replaces only a folder it wrote itself, or an empty one: never someone's other files.
    func checkReplaceable() throws {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: url.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw BuildFailure.output("\(url.path) is a file, not a folder. Choose another --output.")
        }
        let entries = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
        let ignorable: Set<String> = [Self.marker, ".gitkeep", ".DS_Store"]
        if entries.allSatisfy(ignorable.contains) || entries.contains(Self.marker) { return }
        throw BuildFailure.output(
            "\(url.path) has files that Signpost did not write, so it will not replace it. Choose an empty folder for --output, or empty this one.")
    }
}
