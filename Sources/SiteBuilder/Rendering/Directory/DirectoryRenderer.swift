import Foundation
import Markdown
import ServiceDirectory
import SiteModel

/// Writes the service directory: the listing with search, the search index, browse pages by kind of break and by
/// area, a page for each service, and the Open Referral UK exports. Each of those is its own small type; this one
/// checks the theme has the templates they need and runs them side by side.
struct DirectoryRenderer {
    let site: Site
    let theme: Theme
    let directory: Directory
    let pagesByPath: PagesByPath
    /// Where links in service descriptions lead, as for pages.
    let resolver: LinkResolver

    static let listingSlug = "services"

    /// What every part shares: the page context, service cards and pictures.
    private let pages: DirectoryPages

    init(site: Site, theme: Theme, directory: Directory, pagesByPath: PagesByPath, resolver: LinkResolver) {
        self.site = site
        self.theme = theme
        self.directory = directory
        self.pagesByPath = pagesByPath
        self.resolver = resolver
        pages = DirectoryPages(site: site, theme: theme, directory: directory, pagesByPath: pagesByPath)
    }

    /// - Returns: how long the search index took to build, in milliseconds.
    @discardableResult
    /// - Parameter staged: where each service's page and export is written as soon as it is made, when given;
    ///   every other file goes into `files`.
    func render(into files: inout [String: Data], staged: StagedFiles? = nil, diagnostics: inout [Diagnostic]) -> Int {
        guard !site.serviceFiles.isEmpty else { return 0 }
        for template in ["services", "service", "services-browse"] where theme.library.getTemplate(named: template) == nil {
            diagnostics.append(Diagnostic(file: "\(theme.folder.lastComponent)/templates/\(template).mustache", line: 1,
                                          column: 1, message: "The theme has no `\(template).mustache`, which the service directory needs. Copy it from Themes/default."))
        }
        guard !diagnostics.contains(where: { $0.level == .error }) else { return 0 }

        // The listing page and the search index are one file each, made beside the rest; the service pages, the
        // browse pages and the exports each spread their own work over every core, so they run one after another
        // (one spread inside another would run on one core only).
        let siteURL = (site.config.url ?? "").trimmingSuffix("/") + site.config.basePath
        let listing = Parallel.start { [pages] in ListingPage(pages: pages).file() }
        let search = Parallel.start { [pages, site] in
            SearchIndexFile(pages: pages, synonyms: site.config.searchSynonyms).timedFile()
        }
        let write = staged.map { staged in { @Sendable (path: String, data: Data) in staged.write(path, data) } }
        let servicePages = ServicePages(pages: pages, resolver: resolver, siteURL: siteURL).files(writing: write)
        let browsePages = BrowsePages(pages: pages).files()
        let exports = OpenReferral(entries: directory.entries, siteURL: siteURL).files(writing: write)
        let (listingPath, listingData) = listing.value
        let (indexFiles, indexMilliseconds) = search.value
        files[listingPath] = listingData
        for (path, data) in indexFiles { files[path] = data }
        for (path, data) in browsePages { files[path] = data }
        for (path, data) in servicePages { files[path] = data }
        for (path, data) in exports { files[path] = data }
        // A file written early is the directory's, as a file put into `files` here would be over one made before.
        if let staged { for path in staged.files.keys { files[path] = nil } }
        return indexMilliseconds
    }

    /// Cards for a page that asks for services with `services:` in its front matter.
    func cards(for query: ServiceQuery, urls: SiteURLs) -> [[String: Any]] {
        directory.matching(query).map { pages.card($0, urls: urls) }
    }
}
