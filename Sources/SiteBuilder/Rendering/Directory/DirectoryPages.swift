import Foundation
import Mustache
import ServiceDirectory
import SiteModel

/// What the directory's pages share: the context every template sees, a service's card, and where its picture is.
struct DirectoryPages: @unchecked Sendable {
    let site: Site
    let theme: Theme
    let directory: Directory
    let pagesByPath: PagesByPath
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
        var section: String
        var shared: SharedPageValues
        var keys: [String]
    }

    /// A section of a page template whose items may each be rendered on their own (see `CardTemplates`): the service
    /// cards of a list, or the key facts of a service.
    struct RepeatedSection {
        /// The section's name in the template, such as `services` or `service.facts`.
        var name: String
        /// The name the items' joined HTML takes in the split page's values.
        var key: String
        var items: [[String: Any]]
        /// The names every item has.
        var itemKeys: Set<String>
        /// For each item, what makes its HTML the same as another's, when `cache` keeps items for other pages: as
        /// bytes, since two texts Swift counts as equal (`ô` as one character or as `o` and an accent) are written
        /// as they are.
        var cacheKeys: [[UInt8]]?
        var cache: SharedCache<[UInt8], String>?
    }

    init(site: Site, theme: Theme, directory: Directory, pagesByPath: PagesByPath) {
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
                cardCache: SharedCache<[UInt8], String>? = nil) -> Data {
        var own = own
        if let cards { own["services"] = cards }
        let section = cards.map { cards in
            RepeatedSection(name: "services", key: CardTemplates.cardsKey, items: cards, itemKeys: Self.cardKeys,
                            cacheKeys: cardCache == nil ? nil : cards.map {
                                Array("\($0["href"] as? String ?? "")\u{0}\($0["picture"] as? String ?? "")".utf8)
                            }, cache: cardCache)
        }
        return render(template, own: own, urls: urls, repeating: section)
    }

    /// The page `template` with its own values `own` at `urls`; when the template allows it, each item of `section`
    /// is rendered on its own (or taken from the section's cache) and the page includes the items' HTML.
    func render(_ template: String, own: [String: Any], urls: SiteURLs, repeating section: RepeatedSection?) -> Data {
        let shared = PageContext(values: siteValues, urls: urls).shared(current: nil)
        let prepared = partials.prepared(for: shared, ownKeys: own.keys)
        var values = prepared.values
        for (key, value) in own { values[key] = value }
        guard let section else { return Data((prepared.library.render(values, withTemplate: template) ?? "").utf8) }
        let keys = values.keys.filter { $0 != section.name }.sorted()
        let split = splits.value(for: SplitKey(template: template, section: section.name, shared: shared, keys: keys)) {
            CardTemplates.split(template, section: section.name, key: section.key, theme: theme,
                                library: prepared.library, pageKeys: Set(keys), cardKeys: section.itemKeys)
        }
        guard let split else { return Data((prepared.library.render(values, withTemplate: template) ?? "").utf8) }
        func html(_ index: Int) -> String {
            let item = section.items[index]
            guard let cache = section.cache, let key = section.cacheKeys?[index] else { return split.html(of: item) }
            return cache.value(for: key) { split.html(of: item) }
        }
        // A list's cards are spread over every core; a service's few facts are made where the page is.
        let indices = Array(section.items.indices)
        let html = indices.count > 64 ? Parallel.map(indices, html) : indices.map(html)
        var joined = ""
        joined.reserveCapacity(html.reduce(0) { $0 + $1.utf8.count })
        for item in html { joined += item }
        values[section.key] = joined
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
