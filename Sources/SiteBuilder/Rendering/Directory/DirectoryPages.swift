import Foundation
import Mustache
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
    /// The site's values every template sees, worked out once rather than for every page.
    let siteValues: SiteValues
    /// The theme's partials that are the same on every directory page at the same depth, such as its header and
    /// footer: rendered once, not on each of thousands of service pages.
    let partials: SharedPartials
    /// Page templates split so that each card is rendered once (see `CardTemplates`), by template and page shape.
    private let splits = SharedCache<SplitKey, CardTemplates?>()

    /// The directory's page templates.
    static let templates = ["service", "services", "services-browse"]
    /// The names every card has (`picture` only some).
    static let cardKeys: Set<String> = ["name", "href", "summary", "types", "areas", "cost", "overnight", "emergency"]

    private struct SplitKey: Hashable {
        var template: String
        var shared: SharedPageValues
        var keys: [String]
    }

    init(site: Site, theme: Theme, directory: Directory, pagesByPath: [String: Page]) {
        self.site = site
        self.theme = theme
        self.directory = directory
        self.pagesByPath = pagesByPath
        siteValues = SiteValues(site: site, pagesByPath: pagesByPath)
        partials = SharedPartials(theme: theme, siteValues: siteValues, pageTemplates: Self.templates)
        var pictures: [String: String] = [:]
        for entry in directory.entries {
            if let path = entry.service.picture.flatMap({ site.assetPath(for: $0, from: entry.path) }) {
                pictures[entry.id] = path
            }
        }
        self.pictures = pictures
    }

    /// The values a directory page has of its own, besides the site's: its title and summary.
    func ownValues(title: String, summary: String, urls: SiteURLs) -> [String: Any] {
        var values = PageContext(values: siteValues, urls: urls).own(title: title, description: summary)
        values["page"] = ["title": title, "summary": summary]
        values["listingHref"] = urls.page(DirectoryRenderer.listingSlug)
        return values
    }

    /// The page `template` with its own values `own` at `urls`, and `cards` as `services` when it lists services.
    ///
    /// The theme's partials that are the same on every page like it come ready-made (`SharedPartials`), and when the
    /// template allows it each card is rendered on its own and the page includes the cards' HTML (`CardTemplates`).
    /// `cardCache` keeps cards for other pages that show the same ones, with the same addresses.
    func render(_ template: String, own: [String: Any], urls: SiteURLs, cards: [[String: Any]]? = nil,
                cardCache: SharedCache<String, String>? = nil) -> Data {
        let shared = PageContext(values: siteValues, urls: urls).shared(current: nil)
        var own = own
        if let cards { own["services"] = cards }
        let prepared = partials.prepared(for: shared, ownKeys: own.keys)
        var values = prepared.values
        for (key, value) in own { values[key] = value }
        guard let cards else { return Data((prepared.library.render(values, withTemplate: template) ?? "").utf8) }
        let keys = values.keys.filter { $0 != "services" }.sorted()
        let split = splits.value(for: SplitKey(template: template, shared: shared, keys: keys)) {
            CardTemplates.split(template, theme: theme, library: prepared.library, pageKeys: Set(keys),
                                cardKeys: Self.cardKeys)
        }
        guard let split else { return Data((prepared.library.render(values, withTemplate: template) ?? "").utf8) }
        let html = Parallel.map(cards) { card in
            guard let cardCache else { return split.html(of: card) }
            let key = "\(card["href"] as? String ?? "")\u{0}\(card["picture"] as? String ?? "")"
            return cardCache.value(for: key) { split.html(of: card) }
        }
        var joined = ""
        joined.reserveCapacity(html.reduce(0) { $0 + $1.utf8.count })
        for card in html { joined += card }
        values[CardTemplates.cardsKey] = joined
        return Data((split.library.render(values, withTemplate: template) ?? "").utf8)
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
