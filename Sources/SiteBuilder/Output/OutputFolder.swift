import Foundation
import SiteModel
#if canImport(Glibc)
import Glibc
#endif

/// Writes a whole site at once: into a staging folder beside the output folder, then swapped in.
/// A failed or interrupted build leaves the previous output exactly as it was.
///
/// The site before last is kept beside the output as `.<name>.previous` and used as the next staging folder: writing
/// over files that are already there, and removing the few that went away, is several times faster than making every
/// file and folder anew and deleting the old site.
public struct OutputFolder: Sendable {
    /// A file Signpost leaves in every output folder it writes, so that it only ever replaces its own folders.
    public static let marker = ".signpost-output"

    public let url: URL

    public init(url: URL) { self.url = url.standardizedFileURL }

    /// The staging folder kept between builds.
    var previous: URL { url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).previous") }

    /// Writes `files` (paths relative to the output folder) and swaps them in.
    public func write(_ files: [String: Data]) throws {
        let manager = FileManager.default
        try checkReplaceable()
        let parent = url.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = try prepareStaging(keeping: Set(files.keys))
        do {
            var folders = Set<String>()
            for path in files.keys {
                var folder = (path as NSString).deletingLastPathComponent
                while !folder.isEmpty, folders.insert(folder).inserted { folder = (folder as NSString).deletingLastPathComponent }
            }
            for folder in folders.sorted() {
                let path = staging.appendingPathComponent(folder).path
                if mkdir(path, 0o755) != 0 && errno != EEXIST {
                    throw BuildFailure.output("Could not create \(path): \(String(cString: strerror(errno))).")
                }
            }
            // Files are written on every core, without waiting for each to reach the disk: the swap below is what
            // makes the new site appear all at once.
            let failures = Parallel.map(Array(files)) { path, data in
                Self.writeFile(staging.appendingPathComponent(path).path, data)
            }.compactMap { $0 }
            if let failure = failures.first { throw BuildFailure.output(failure) }
            if let failure = Self.writeFile(staging.appendingPathComponent(Self.marker).path,
                                            Data("Written by Signpost. This whole folder is replaced on each build.\n".utf8)) {
                throw BuildFailure.output(failure)
            }
        } catch {
            Self.remove(staging)
            throw error
        }
        try swap(staging)
    }

    /// The folder to build in: the site before last when Signpost wrote it, emptied of files the new site does not
    /// have; otherwise a new, empty folder.
    private func prepareStaging(keeping paths: Set<String>) throws -> URL {
        let manager = FileManager.default
        if manager.fileExists(atPath: previous.appendingPathComponent(Self.marker).path),
           let existing = try? DirectoryContentSource(root: previous, includeHidden: true).allFiles() {
            var removed = 0
            for path in existing where !paths.contains(path) && path != Self.marker {
                unlink(previous.appendingPathComponent(path).path)
                removed += 1
            }
            // Only a page or picture that went away can leave an empty folder behind.
            if removed > 0 { removeEmptyFolders(in: previous, keeping: paths) }
            return previous
        }
        // A folder by that name that Signpost did not write is never touched.
        let fresh = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).staging-\(UUID().uuidString.prefix(8))")
        try manager.createDirectory(at: fresh, withIntermediateDirectories: true)
        return fresh
    }

    /// Puts `staging` where the output is, and keeps the old output as the next staging folder.
    private func swap(_ staging: URL) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: url.path) else {
            try move(staging, to: url)
            return
        }
        // Two renames: the old output steps aside, the new one takes its place. Between them, for a moment, there
        // is no output folder; at no moment is there a half-written one.
        let aside = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).old-\(UUID().uuidString.prefix(8))")
        try move(url, to: aside)
        do {
            try move(staging, to: url)
        } catch {
            try? move(aside, to: url)
            throw error
        }
        // The old output becomes the next build's staging folder, unless something else has that name.
        if FileManager.default.fileExists(atPath: previous.path) || (try? move(aside, to: previous)) == nil {
            Self.remove(aside)
        }
    }

    private func move(_ from: URL, to: URL) throws {
        if rename(from.path, to.path) != 0 {
            throw BuildFailure.output("Could not move \(from.path) to \(to.path): \(String(cString: strerror(errno))).")
        }
    }

    /// Removes folders left empty once stale files are gone, deepest first.
    private func removeEmptyFolders(in folder: URL, keeping files: Set<String>) {
        var needed = Set<String>()
        for path in files {
            var parent = (path as NSString).deletingLastPathComponent
            while !parent.isEmpty, needed.insert(parent).inserted { parent = (parent as NSString).deletingLastPathComponent }
        }
        let manager = FileManager.default
        guard let all = manager.subpaths(atPath: folder.path) else { return }
        for path in all.sorted(by: >) where !needed.contains(path) && !files.contains(path) && path != Self.marker {
            rmdir(folder.appendingPathComponent(path).path)
        }
    }

    /// Writes `data` to a file at `path`, replacing what was there; returns what went wrong, if anything.
    /// A file that already holds exactly `data` (most of them, when the staging folder is the site before last) is
    /// left as it is: reading is cheaper than writing.
    static func writeFile(_ path: String, _ data: Data) -> String? {
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) == data.count, let existing = FileManager.default.contents(atPath: path),
           existing == data {
            return nil
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return "Could not create \(path): \(String(cString: strerror(errno)))." }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { buffer -> Int in
            var offset = 0
            while offset < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if result <= 0 { return -1 }
                offset += result
            }
            return offset
        }
        return written == data.count ? nil : "Could not write \(path): \(String(cString: strerror(errno)))."
    }

    /// Removes a folder Signpost made, using every core.
    static func remove(_ folder: URL) {
        let manager = FileManager.default
        guard manager.fileExists(atPath: folder.path) else { return }
        let children = (try? manager.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        _ = Parallel.map(children) { try? manager.removeItem(at: $0) }
        try? manager.removeItem(at: folder)
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
