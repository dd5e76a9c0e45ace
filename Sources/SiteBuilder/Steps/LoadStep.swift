import Foundation
import SiteModel

/// Reads `site.yml`, the glossary, every page and the theme.
public struct LoadStep: BuildStep {
    public var name: String { "Loading" }
    /// Whether the theme is loaded too: `signpost check` looks at content only.
    public var loadsTheme: Bool

    public init(loadsTheme: Bool = true) { self.loadsTheme = loadsTheme }

    public func run(_ context: inout BuildContext) throws -> String {
        let loaded = try ContentLoader(includeDrafts: context.options.includeDrafts).load(from: context.source)
        context.diagnostics += loaded.diagnostics
        context.site = loaded.site
        guard let site = loaded.site else { return "site settings" }
        let drafts = site.draftPaths.isEmpty ? "" : " (\(site.draftPaths.count) drafts left out)"
        guard loadsTheme else { return "\(site.pages.count) pages, \(site.assets.count) files\(drafts)" }
        let themeFolder = context.options.theme ?? Theme.folder(named: site.config.theme, content: context.options.content)
        let theme = Theme.load(from: themeFolder)
        context.diagnostics += theme.diagnostics
        context.theme = theme.theme
        return "\(site.pages.count) pages, \(site.assets.count) files\(drafts)"
    }
}
