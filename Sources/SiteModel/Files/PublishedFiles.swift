/// Which files from the content folder are published as they are.
///
/// Only pictures, documents and media of known types are copied to the site. Anything else (HTML, scripts, style
/// sheets, programs) could run in a reader's browser or replace a file Signpost makes, so it is reported and left out.
public enum PublishedFiles {
    /// Endings of files copied as they are, lowercased.
    public static let types: Set<String> = [
        // Pictures
        "svg", "png", "jpg", "jpeg", "gif", "webp", "avif",
        // Documents people download
        "pdf", "docx", "doc", "odt", "rtf", "txt", "csv", "xlsx", "xls", "ods", "pptx", "ppt", "odp", "epub",
        // Sound and video, with captions
        "mp3", "m4a", "ogg", "mp4", "webm", "vtt",
    ]

    /// Whether a file is copied to the site.
    public static func isPublished(_ path: String) -> Bool { types.contains(ending(of: path)) }

    private static let leftoverNames: Set<String> = ["thumbs.db", "desktop.ini", ".ds_store", ".gitkeep"]
    /// Their lengths: a name in plain ASCII of another length is none of them, whatever its case.
    private static let leftoverLengths = Set(leftoverNames.map(\.utf8.count))

    /// Files that programs leave beside real ones (backups, lock files, folder thumbnails, Finder's notes). They are
    /// neither published nor reported, in the content folder or the output folder.
    public static func isLeftover(_ path: String) -> Bool {
        let name = PathText.lastPart(path) ?? path
        return name.hasSuffix("~") || name.hasPrefix("~$") || name.hasPrefix("._")
            || ((leftoverLengths.contains(name.utf8.count) || !name.utf8.allSatisfy { $0 < 0x80 })
                && leftoverNames.contains(name.lowercased()))
    }

    /// `Pictures/House.SVG` → `svg`; "" when there is no ending.
    public static func ending(of path: String) -> String {
        let name = PathText.lastPart(path) ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
