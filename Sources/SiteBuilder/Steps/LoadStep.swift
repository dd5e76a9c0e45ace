import Foundation
import SiteModel

/// Reads `site.yml`, the glossary, every page and the theme.
public struct LoadStep: BuildStep {
    public var name: String { "Loading" }

    public init() {}

    public func run(_ context: inout BuildContext) throws -> String {
        let loaded = try ContentLoader(includeDrafts: context.options.includeDrafts).load(from: context.source)
        context.diagnostics += loaded.diagnostics
        context.site = loaded.site
        guard let site = loaded.site else { return "site settings" }
        let themeFolder = context.options.theme ?? Theme.folder(named: site.config.theme, content: context.options.content)
        let theme = Theme.load(from: themeFolder)
        context.diagnostics += theme.diagnostics
        context.theme = theme.theme
        let drafts = site.draftPaths.isEmpty ? "" : " (\(site.draftPaths.count) drafts left out)"
        return "\(site.pages.count) pages, \(site.assets.count) files\(drafts)"
    }
}
