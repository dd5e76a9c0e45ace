import Foundation
import SiteModel

/// The default theme as the binary carries it, used from memory when a build is given no theme, `site.yml` names none
/// and there is no `Themes/default` beside the content folder.
///
/// It is never written out to be read back: a folder in a shared place such as the system's temporary folder may
/// have been made first by someone else, with their own templates in it, and every page built would carry them.
public struct BuiltInTheme: Sendable {
    /// The theme's files, by path inside the theme (`templates/page.mustache`, `assets/site.css`).
    public let files: [String: Data]
    /// What stands for the theme where a folder would (the theme's `folder`, the build cache, messages): named after a
    /// hash of its files, so a build cache tells when another Signpost carries another theme. Never read on disk.
    public let folder: LocalPath

    public init(files: [String: Data]) {
        self.files = files
        var hash = SHA256()
        for (name, data) in files.sorted(by: { $0.key < $1.key }) {
            hash.update(Array(name.utf8) + [0])
            hash.update(Array(String(data.count).utf8) + [0])
            hash.update(data)
        }
        folder = LocalPath("/(the theme inside signpost, \(hash.finish().hex.prefix(16)))")
    }

    /// The theme's files that a build reads: `templates/` and `assets/`, as a folder on disk gives them.
    var source: MemoryContentSource {
        MemoryContentSource(data: files.filter { $0.key.hasPrefix("templates/") || $0.key.hasPrefix("assets/") })
    }
}

extension Theme {
    /// The theme a command builds with, found the same way by every command (`build`, `serve`, `review`):
    ///
    /// 1. the folder given with `--theme`;
    /// 2. else `theme:` in `site.yml`, relative to the content folder's parent and inside it;
    /// 3. else `Themes/default` beside the content folder;
    /// 4. else, when there is none there (nothing at all, not even a link), `builtIn`: the theme inside the binary.
    ///
    /// The result is a folder to give `load(from:builtIn:)`: `builtIn.folder` stands for the built-in theme.
    public static func locate(given: LocalPath?, named: String?, content: LocalPath,
                              builtIn: BuiltInTheme?) -> Result<LocalPath, FolderProblem> {
        if let given { return .success(given) }
        let found = folder(named: named, content: content)
        if named == nil, let builtIn, case .success(let folder) = found,
           FileKind.of(folder.string, followingLinks: false) == .missing {
            return .success(builtIn.folder)
        }
        return found
    }

    /// Loads the theme `locate` found: the built-in theme from memory, any other from its folder.
    public static func load(from folder: LocalPath, builtIn: BuiltInTheme?) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        if let builtIn, folder == builtIn.folder {
            return load(from: builtIn.source, folder: folder, display: "signpost's built-in theme")
        }
        return load(from: folder)
    }

    /// The files of the theme at `folder` that a build reads: from memory for the built-in theme.
    static func source(for folder: LocalPath, builtIn: BuiltInTheme?) -> any ContentSource {
        if let builtIn, folder == builtIn.folder { return builtIn.source }
        return source(for: folder)
    }
}
