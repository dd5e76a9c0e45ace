import SiteModel

/// What a build wrote into a folder, as the build cache remembers it: the names in each folder, and when each folder
/// last changed. A walk of the folder can then skip reading every folder whose time of change is the same (no name in
/// it was added, removed or renamed since), so an output folder of 20,000 pages is looked at, not read.
struct KnownTree {
    /// By folder (`""` for the top): the names in it, and whether each is a folder.
    let children: [String: [(name: String, isFolder: Bool)]]
    /// By folder: when it last changed, in nanoseconds since 1970.
    let folders: [String: Int64]

    init<Files: Sequence>(files: Files, folders: [String: Int64]) where Files.Element == String {
        var children: [String: [(name: String, isFolder: Bool)]] = [:]
        for file in files {
            let folder = ContentPath.folder(of: file)
            let name = folder.isEmpty ? file : String(file.dropFirst(folder.count + 1))
            children[folder, default: []].append((name, false))
        }
        for folder in folders.keys where !folder.isEmpty {
            let parent = ContentPath.folder(of: folder)
            let name = parent.isEmpty ? folder : String(folder.dropFirst(parent.count + 1))
            children[parent, default: []].append((name, true))
        }
        self.children = children
        self.folders = folders
    }

    /// The names in `folder`, when it is unchanged since the build that wrote it; nil when it must be read.
    func unchangedChildren(of folder: String, at disk: String) -> [(name: String, isFolder: Bool)]? {
        guard let recorded = folders[folder], FileStamp.ofFolder(disk)?.modified == recorded else { return nil }
        return children[folder] ?? []
    }
}
