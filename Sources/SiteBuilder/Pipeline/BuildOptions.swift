import Foundation

/// What a build reads and where it writes.
public struct BuildOptions: Sendable {
    /// The content folder, with `site.yml` in it.
    public var content: URL
    /// The theme folder. Default: `theme:` from `site.yml`, else `Themes/default` beside the content folder.
    public var theme: URL?
    /// The output folder, replaced as a whole when the build succeeds.
    public var output: URL
    /// Whether draft pages are published too.
    public var includeDrafts: Bool
    /// Whether to stop before writing: `signpost check` and tests use this.
    public var dryRun: Bool

    public init(content: URL, theme: URL? = nil, output: URL, includeDrafts: Bool = false, dryRun: Bool = false) {
        self.content = content
        self.theme = theme
        self.output = output
        self.includeDrafts = includeDrafts
        self.dryRun = dryRun
    }
}
