import Foundation
import SiteBuilder
import SiteModel

/// The files Signpost carries inside its binary: written out for a new site and a copy of the default theme to edit,
/// and the default theme, from memory, for a content folder that has none beside it.
public enum BuiltInFiles {
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// The default theme's files, by path inside the theme folder.
    public static var defaultTheme: [String: Data] { decode(EmbeddedFiles.defaultTheme) }

    /// The starter site's files, by path inside the new site's folder (`Content/…`, `README.md`).
    public static var starterSite: [String: Data] { decode(EmbeddedFiles.starterSite) }

    private static func decode(_ files: [String: String]) -> [String: Data] {
        files.compactMapValues { Data(base64Encoded: $0) }
    }

    /// Writes a ready-to-edit site into `folder`: its content, a README for staff and the default theme in
    /// `Themes/default`, so the site looks the same whichever Signpost builds it. The folder must be new or empty.
    public static func writeNewSite(to folder: LocalPath) throws {
        try requireEmpty(folder)
        try write(starterSite, into: folder)
        try write(defaultTheme, into: folder.appending("Themes/default"))
    }

    /// Writes a copy of the default theme into `folder` to be edited. The folder must be new or empty.
    public static func writeDefaultTheme(to folder: LocalPath) throws {
        try requireEmpty(folder)
        try write(defaultTheme, into: folder)
    }

    /// The default theme as every command builds with it when none is given, `site.yml` names none and there is no
    /// `Themes/default` beside the content folder (`Theme.locate`): used from memory, never written out to a shared
    /// folder whose files someone else could have put there.
    public static let theme = BuiltInTheme(files: defaultTheme)

    private static func requireEmpty(_ folder: LocalPath) throws {
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder.string)) ?? []
        if !existing.isEmpty {
            throw Problem(description: "\(folder) already has files in it. Choose a new folder name.")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.string, isDirectory: &isFolder) && !isFolder.boolValue {
            throw Problem(description: "\(folder) is a file, not a folder.")
        }
    }

    private static func write(_ files: [String: Data], into folder: LocalPath) throws {
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let file = folder.appending(path)
            try FileManager.default.createDirectory(at: file.parent.url, withIntermediateDirectories: true)
            try data.write(to: file.url)
        }
    }
}
