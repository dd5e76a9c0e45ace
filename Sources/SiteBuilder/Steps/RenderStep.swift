import Foundation
import Markdown
import ServiceDirectory
import SiteModel

/// Turns every page into HTML through the theme's templates, and gathers the files to copy.
public struct RenderStep: BuildStep {
    public var name: String { "Rendering" }

    public init() {}

    public func run(_ context: inout BuildContext) throws -> String {
        let site = try context.requireSite()
        guard let theme = context.theme else { throw BuildFailure.stepOutOfOrder("the theme is not loaded") }
        let resolver = context.linkResolver ?? LinkResolver(site: site)
        var pagesByPath: [String: Page] = [:]
        for page in site.pages { pagesByPath[page.path] = page }
        let directory = context.directory.map {
            DirectoryRenderer(site: site, theme: theme, directory: $0, pagesByPath: pagesByPath, resolver: resolver)
        }
        // A page whose HTML from the last build still holds, and is in the output folder as written, is kept.
        let cache = context.cache
        let output = context.options.output
        let kept = Set(Parallel.map(site.pages) { page -> String? in
            guard let cache, cache.reusable.contains(page.path), cache.outputIsUnchanged(page.outputPath, in: output)
            else { return nil }
            return page.outputPath
        }.compactMap { $0 })
        context.unchangedFiles.formUnion(kept)
        let reviews = context.reviews
        // Each page's tree is its own, so pages render on every core.
        let rendered = Parallel.map(site.pages.filter { !kept.contains($0.outputPath) }) { page -> (String, Data) in
            let urls = SiteURLs(fromSlug: page.slug)
            MarkdownTransformer(resolver: resolver, urls: urls, pagePath: page.path).transform(page.document)
            let body = page.document.renderHTML()
            var values = PageContext(site: site, urls: urls, pagesByPath: pagesByPath, reviews: reviews).page(page, body: body)
            if let query = page.frontMatter.services, let directory {
                let cards = directory.cards(for: query, urls: urls)
                values["serviceCards"] = cards
                values["hasServiceCards"] = !cards.isEmpty
                values["listingHref"] = urls.page(DirectoryRenderer.listingSlug)
            }
            let template = page.isHome && !page.isEasyRead ? "home" : (page.isEasyRead ? "easy-read" : "page")
            return (page.outputPath, Data(theme.render(template, values).utf8))
        }
        for (path, data) in rendered { context.files[path] = data }
        context.pageCount = site.pages.count

        // The 404 page is served at any address, so its links are absolute.
        let notFoundURLs = SiteURLs(absoluteBase: site.config.basePath)
        var notFound = PageContext(site: site, urls: notFoundURLs, pagesByPath: pagesByPath)
            .common(title: "Page not found", description: "We could not find that page.", current: nil)
        notFound["page"] = ["title": "Page not found"]
        context.files["404.html"] = Data(theme.render("404", notFound).utf8)

        let indexMilliseconds = directory?.render(into: &context.files, diagnostics: &context.diagnostics) ?? 0
        context.files["sitemap.xml"] = Data(Sitemap(site: site, directory: context.directory).xml().utf8)

        for asset in theme.assets {
            if let data = theme.asset(asset) { context.files["assets/\(asset)"] = data }
        }
        // A file from the content folder never stands in for one Signpost made.
        for asset in site.assets {
            if context.files[asset] != nil || kept.contains(asset) {
                context.diagnostics.append(Diagnostic(file: asset, line: 1, column: 1,
                    message: "This file would replace \(GeneratedFiles.describe(asset) ?? "a file Signpost makes") at `\(asset)`. Rename it or move it to another folder."))
            } else if let cache, cache.inputIsUnchanged("content:" + asset), cache.outputIsUnchanged(asset, in: output) {
                context.unchangedFiles.insert(asset)
            } else if let data = site.source.read(asset) {
                context.files[asset] = data
            }
        }
        let services = context.directory?.entries.count ?? 0
        return "\(site.pages.count) pages" + (services > 0 ? " and \(services) services (search index \(indexMilliseconds) ms)" : "")
    }
}
