import Foundation
import SiteModel

/// The files Signpost carries inside its binary, written out where they are needed: a new site, a copy of the
/// default theme to edit, and the default theme for a content folder that has none beside it.
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

    /// The theme folder to build with when none was given and the content folder has none beside it: the default
    /// theme from inside the binary, written once to the system's temporary folder. Nil when a theme was given, when
    /// `site.yml` names one, or when `Themes/default` is beside the content folder: those still win.
    public static func fallbackTheme(content: LocalPath, given: LocalPath?) -> LocalPath? {
        guard given == nil, !FileManager.default.fileExists(atPath: content.parent.appending("Themes/default").string)
        else { return nil }
        let settings = (try? String(contentsOf: content.appending("site.yml").url, encoding: .utf8)) ?? ""
        if settings.split(separator: "\n").contains(where: { $0.hasPrefix("theme:") }) { return nil }
        let hash = SHA256.hex(EmbeddedFiles.defaultTheme.sorted { $0.key < $1.key }.map { $0.key + $0.value }.joined())
        let temporary = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let folder = LocalPath(temporary).appending("signpost-theme-\(hash.prefix(16))")
        if FileManager.default.fileExists(atPath: folder.appending("templates/page.mustache").string) { return folder }
        // Written beside, then renamed into place, so two builds at once never see half a theme.
        let staging = LocalPath(temporary).appending("signpost-theme-\(hash.prefix(16))-\(UUID().uuidString)")
        do {
            try write(defaultTheme, into: staging)
            try FileManager.default.moveItem(at: staging.url, to: folder.url)
        } catch {
            try? FileManager.default.removeItem(at: staging.url)
        }
        return FileManager.default.fileExists(atPath: folder.appending("templates/page.mustache").string) ? folder : nil
    }

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
