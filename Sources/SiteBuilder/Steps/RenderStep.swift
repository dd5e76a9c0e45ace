import Foundation
import ServiceDirectory
import SiteModel

/// Turns every page into HTML through the theme's templates, and gathers the files to copy. A page whose HTML from
/// the last build still holds, and is in the output folder as that build wrote it, is kept rather than rendered.
public struct RenderStep: BuildStep {
    public var name: String { "Rendering" }

    public init() {}

    public func run(_ context: inout BuildContext) throws -> String {
        let site = try context.requireSite()
        guard let theme = context.theme else { throw BuildFailure.stepOutOfOrder("the theme is not loaded") }
        let resolver = context.linkResolver ?? LinkResolver(site: site)
        let pagesByPath = resolver.pagesByPath

        // 1. Pages, on every core: each page's HTML depends only on its inputs, so one the cache vouches for is kept.
        // Whether a page is kept is asked once, on every core, a run of pages at a time: each answer looks at a file in
        // the output folder.
        let kept = KeptFiles(cache: context.cache, output: context.options.output)
        let all = site.pages
        let keptOutputs = Array(Parallel.map(Parallel.runs(of: all.count)) { run in
            run.map { kept.keptOutput(of: all[$0], at: $0) }
        }.joined())
        // By index, so that no page is copied for the many that are kept.
        let fresh = site.pages.indices.filter { keptOutputs[$0] == nil }.map { site.pages[$0] }
        // The services step took the last build's account of the services, as no page it looked at lists any; a page
        // made again for another reason (its file in the output folder changed) may, and its cards need them.
        if context.directory == nil, !site.serviceFiles.isEmpty, fresh.contains(where: { $0.frontMatter.services != nil }) {
            context.directory = DirectoryStep.read(site, context).directory
        }
        let directory = context.directory.map {
            DirectoryRenderer(site: site, theme: theme, directory: $0, pagesByPath: pagesByPath, resolver: resolver)
        }
        let pages = PageRenderer(site: site, theme: theme, resolver: resolver, pagesByPath: pagesByPath,
                                 directory: directory, reviews: context.reviews)
        for (path, data) in Parallel.map(fresh, { ($0.outputPath, pages.render($0)) }) { context.files[path] = data }
        context.unchangedFiles.reserveCapacity(context.unchangedFiles.count + site.pages.count - fresh.count)
        for case let output? in keptOutputs { context.unchangedFiles.insert(output) }
        context.pageCount = site.pages.count
        var indexMilliseconds = 0
        if let keptSiteFiles = context.cache?.keptSiteFiles {
            // 2–5. Everything made for the site as a whole depends only on what the cache's site and index keys
            // hash, and both hold: the last build's files are in the output folder as written, so they are kept.
            context.unchangedFiles.formUnion(keptSiteFiles)
        } else {
            // 2. The page for addresses with nothing at them.
            context.files[NotFoundPage.path] = NotFoundPage.render(theme: theme, siteValues: pages.siteValues)
            // 3. The service directory's pages, search index and exports. On a build that writes a new staging
            // folder anyway, each service's page and export goes there as soon as it is made.
            if directory != nil && !site.serviceFiles.isEmpty && !context.options.dryRun
                && !(context.cache?.outputIsIntact ?? false) {
                context.staged = try WriteStep.outputFolder(of: context).stagingForFilesAsMade()
            }
            indexMilliseconds = directory?.render(into: &context.files, staged: context.staged,
                                                  diagnostics: &context.diagnostics) ?? 0
            // 4. The list of addresses for search engines.
            context.files["sitemap.xml"] = Data(Sitemap(site: site, directory: context.directory).xml().utf8)
            // 5. Files copied as they are: the theme's, then the content folder's, which must not replace any made
            // above.
            context.files.merge(CopiedFiles.themeAssets(theme)) { _, asset in asset }
        }
        CopiedFiles.addContentAssets(of: site, to: &context.files, unchanged: &context.unchangedFiles,
                                     staged: context.staged, kept: kept, diagnostics: &context.diagnostics)

        let services = context.directory?.entries.count ?? context.serviceCount ?? 0
        return "\(site.pages.count) pages" + (fresh.count < site.pages.count ? " (\(site.pages.count - fresh.count) kept)" : "")
            + (services > 0 ? " and \(services) services (search index \(indexMilliseconds) ms)" : "")
            + (context.cache?.keptSiteFiles == nil ? "" : ", site-wide files kept")
    }
}
