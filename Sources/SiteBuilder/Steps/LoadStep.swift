import Foundation
import Markdown
import SiteModel

/// Reads `site.yml`, the glossary, every page and the theme.
public struct LoadStep: BuildStep {
    public var name: String { "Loading" }
    /// Whether the theme is loaded too: `signpost check` looks at content only.
    public var loadsTheme: Bool

    public init(loadsTheme: Bool = true) { self.loadsTheme = loadsTheme }

    public func run(_ context: inout BuildContext) throws -> String {
        let cache = context.cache
        let source = context.source
        let loader = ContentLoader(includeDrafts: context.options.includeDrafts)
        // A theme given with the build is read and parsed on another core while the content loads (a process that
        // builds again and again keeps it instead).
        let given = loadsTheme && context.memory == nil ? context.options.theme : nil
        let early = given.map { folder in Parallel.start { Theme.load(from: folder) } }
        // When only some pages' text changed, loading starts from the last build's site: one a process that builds
        // again after each save kept, or else the one the cache holds.
        let lastLoad = cache?.lastSite == nil ? cache?.lastLoad(from: source) : nil
        let reloaded = cache?.lastSite.flatMap { last in
            loader.reload(last.site.site, diagnostics: last.site.loadDiagnostics, changed: last.changed, from: source)
        }
        let restored = lastLoad.flatMap {
            loader.restore($0.outline, pages: $0.pages, places: $0.places, changed: $0.changed, from: source)
        }
        var cachedPages: @Sendable (String) -> (page: Page, findings: [Diagnostic])? = { _ in nil }
        var checkedSafe: @Sendable (String) -> Bool = { _ in false }
        if let cache { (cachedPages, checkedSafe) = (cache.cachedPages(from: source), cache.checkedSafe()) }
        let loaded = try (reloaded ?? restored).map { (site: Optional($0.site), diagnostics: $0.diagnostics) }
            ?? loader.load(from: source, cached: cachedPages, checkedSafe: checkedSafe)
        context.diagnostics += loaded.diagnostics
        context.cache?.loadFindings = loaded.diagnostics
        context.cache?.reloaded = reloaded != nil
        context.site = loaded.site
        guard let site = loaded.site else { return "site settings" }
        context.cache?.outline = SiteOutline(of: site, includeDrafts: loader.includeDrafts, diagnostics: loaded.diagnostics)
        let drafts = site.draftPaths.isEmpty ? "" : " (\(site.draftPaths.count) drafts left out)"
        // Pages read from their files are those whose source is new or changed; every other page was taken from the
        // cache, or kept from the last build of the process.
        let newSources: [Int]
        if let changed = reloaded != nil ? cache?.lastSite?.changed : restored != nil ? lastLoad?.changed : nil {
            newSources = changed.compactMap(site.pagesByPath.place(of:))
        } else {
            newSources = site.pages.indices.filter { site.pages[$0].isParsed }
        }
        let unchanged = site.pages.count - newSources.count
        let how = reloaded != nil ? ", kept from the last build" : restored != nil ? ", site put together from the cache" : ""
        let cached = unchanged == 0 ? "" : " (\(unchanged) unchanged\(how))"
        let summary = "\(site.pages.count) pages\(cached), \(site.assets.count) files\(drafts)"
        defer {
            context.cache?.loadDiagnosticCount = context.diagnostics.count
            context.cache?.decide(site: site, theme: context.theme, options: context.options, today: context.today,
                                  newSources: newSources)
        }
        guard loadsTheme else { return summary }
        let folder: LocalPath
        let builtIn = context.options.builtInTheme
        switch Theme.locate(given: context.options.theme, named: site.config.theme, content: context.options.content,
                            builtIn: builtIn) {
        case .success(let found): folder = found
        case .failure(let problem):
            let position = site.configKeyPositions["theme"] ?? SourcePosition(line: 1, column: 1)
            context.diagnostics.append(Diagnostic(file: ContentLoader.configFile, at: position, message: problem.message))
            return summary
        }
        // A process that builds again and again keeps the theme it loaded while the theme's files are unchanged.
        let key = context.cache?.themeFolder == folder ? context.cache?.themeKey : nil
        let theme: BuildMemory.KeptTheme
        if let key, let kept = context.memory?.theme(from: folder, key: key) {
            theme = kept
        } else {
            let loaded = (folder == given ? early?.value : nil) ?? Theme.load(from: folder, builtIn: builtIn)
            theme = BuildMemory.KeptTheme(folder: folder, key: key ?? "", theme: loaded.theme,
                                          diagnostics: loaded.diagnostics)
            if key != nil { context.memory?.keep(theme) }
        }
        context.diagnostics += theme.diagnostics
        context.theme = theme.theme
        return summary
    }
}
