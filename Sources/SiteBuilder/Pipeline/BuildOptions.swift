import Foundation
import SiteModel

/// What a build reads and where it writes.
public struct BuildOptions: Sendable {
    /// The content folder, with `site.yml` in it.
    public var content: LocalPath
    /// The theme folder given on the command line. Default: `theme:` from `site.yml`, else `Themes/default` beside
    /// the content folder.
    public var theme: LocalPath?
    /// The theme used, from memory, when none is given, `site.yml` names none and there is no `Themes/default` beside
    /// the content folder: the commands give the theme inside the binary. Nil: such a build has no theme.
    public var builtInTheme: BuiltInTheme?
    /// The output folder, replaced as a whole when the build succeeds.
    public var output: LocalPath
    /// Whether draft pages are published too.
    public var includeDrafts: Bool
    /// Whether to stop before writing: `signpost check` and tests use this.
    public var dryRun: Bool
    /// Whether the build may use what the last build left in its cache. With false (`--no-cache`), everything is
    /// built again; the cache is then made anew for the next build.
    public var useCache: Bool
    /// Whether the output folder is Signpost's own, in a private folder no one else can write in, as serve's copy of
    /// the site is: files in it that Signpost did not write are then removed by the next build, rather than named as
    /// errors the person could do nothing about. Never for a folder a person gave, such as `Output/`.
    public var clearsOutput: Bool = false

    public init(content: LocalPath, theme: LocalPath? = nil, output: LocalPath, includeDrafts: Bool = false,
                dryRun: Bool = false, useCache: Bool = true, builtInTheme: BuiltInTheme? = nil) {
        self.content = content
        self.builtInTheme = builtInTheme
        self.useCache = useCache
        self.theme = theme
        self.output = output
        self.includeDrafts = includeDrafts
        self.dryRun = dryRun
    }

    /// The folders a build reads, by what they are for, as named in messages.
    var foldersRead: [(role: String, path: LocalPath)] {
        [("content", content)] + (theme.map { [("theme", $0)] } ?? [])
    }

    public init(content: URL, theme: URL? = nil, output: URL, includeDrafts: Bool = false, dryRun: Bool = false,
                useCache: Bool = true) {
        self.init(content: LocalPath(content), theme: theme.map(LocalPath.init), output: LocalPath(output),
                  includeDrafts: includeDrafts, dryRun: dryRun, useCache: useCache)
    }
}
