import Foundation
import Markdown
import Review
import SiteModel

/// Turns one page into its HTML file. The result depends only on the page, the site's settings and index of pages,
/// the theme and the service directory; nothing shared is changed, so pages render on every core and a page's
/// HTML can be kept and reused while its inputs stay the same.
struct PageRenderer {
    /// The templates for pages, by kind of page.
    static let templates = ["home", "page", "easy-read"]

    let theme: Theme
    let resolver: LinkResolver
    let siteValues: SiteValues
    /// Cards for pages that list services, when the site has a service directory.
    let directory: DirectoryRenderer?
    /// Work done once per build for what many pages share.
    private let partials: SharedPartials

    init(site: Site, theme: Theme, resolver: LinkResolver, pagesByPath: PagesByPath, directory: DirectoryRenderer?,
         reviews: SiteReviews? = nil) {
        self.theme = theme
        self.resolver = resolver
        self.directory = directory
        siteValues = SiteValues(site: site, pagesByPath: pagesByPath, reviews: reviews)
        partials = SharedPartials(theme: theme, siteValues: siteValues, pageTemplates: Self.templates)
    }

    /// The page's HTML file.
    func render(_ page: Page) -> Data {
        let urls = SiteURLs(fromSlug: page.slug)
        let context = PageContext(values: siteValues, urls: urls)
        let body = MarkdownTransformer(resolver: resolver, urls: urls, pagePath: page.path).html(of: page)
        var own = context.own(page, body: body)
        if let query = page.frontMatter.services, let directory {
            let cards = directory.cards(for: query, urls: urls)
            own["serviceCards"] = cards
            own["hasServiceCards"] = !cards.isEmpty
            own["listingHref"] = urls.page(DirectoryRenderer.listingSlug)
        }
        let prepared = partials.prepared(for: context.shared(current: page), ownKeys: own.keys)
        var values = prepared.values
        for (key, value) in own { values[key] = value }
        let template = page.isHome && !page.isEasyRead ? "home" : (page.isEasyRead ? "easy-read" : "page")
        return Data((prepared.library.render(values, withTemplate: template) ?? "").utf8)
    }
}
