import Foundation
import ServiceDirectory
import SiteModel

/// What the directory's pages share: the context every template sees, a service's card, and where its picture is.
struct DirectoryPages: @unchecked Sendable {
    let site: Site
    let theme: Theme
    let directory: Directory
    let pagesByPath: [String: Page]
    /// Each service's picture as a path in the output folder, by id: looked up once, not on every card.
    let pictures: [String: String]

    init(site: Site, theme: Theme, directory: Directory, pagesByPath: [String: Page]) {
        self.site = site
        self.theme = theme
        self.directory = directory
        self.pagesByPath = pagesByPath
        var pictures: [String: String] = [:]
        for entry in directory.entries {
            if let path = entry.service.picture.flatMap({ site.assetPath(for: $0, from: entry.path) }) {
                pictures[entry.id] = path
            }
        }
        self.pictures = pictures
    }

    /// The page context every directory page starts from, with its title and summary.
    func context(title: String, summary: String, urls: SiteURLs) -> [String: Any] {
        var values = PageContext(site: site, urls: urls, pagesByPath: pagesByPath).common(title: title, description: summary, current: nil)
        values["page"] = ["title": title, "summary": summary]
        values["listingHref"] = urls.page(DirectoryRenderer.listingSlug)
        return values
    }

    /// A service's card in a list, with links from the page at `urls`.
    func card(_ entry: ServiceEntry, urls: SiteURLs, pictureURLs: PictureURLs? = nil) -> [String: Any] {
        let service = entry.service
        var card: [String: Any] = [
            "name": service.name,
            "href": urls.rooted(entry.slug),
            "summary": service.summary,
            "types": service.breakTypes.map(\.label).joined(separator: ", "),
            "areas": service.areas.joined(separator: ", "),
            "cost": Facts.costSummary(service.costs),
            "overnight": service.overnight,
            "emergency": service.emergency,
        ]
        if let picture = pictures[entry.id] {
            card["picture"] = pictureURLs?.url(picture) ?? urls.file(picture)
        }
        return card
    }

    /// "1 service", "12 services".
    func count(_ n: Int) -> String { n == 1 ? "1 service" : "\(n) services" }
}

/// Picture addresses from one page. A site has a handful of pictures shared by thousands of services, and making
/// an address escapes every part of its path, so each is made once per page.
final class PictureURLs {
    private let urls: SiteURLs
    private var made: [String: String] = [:]

    init(urls: SiteURLs) { self.urls = urls }

    func url(_ path: String) -> String {
        if let url = made[path] { return url }
        let url = urls.file(path)
        made[path] = url
        return url
    }
}
