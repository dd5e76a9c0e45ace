import Foundation
import ServiceDirectory
import SiteModel

/// The listing at `/services/`: the listed services' cards, the kinds of break and areas to filter by, and the
/// search script.
struct ListingPage {
    let pages: DirectoryPages

    /// Up to this many listed services, the listing has every card in its HTML, so the whole directory can be read
    /// without JavaScript. A regional or national directory has tens of thousands of services, and a page with a card
    /// for each is many megabytes: a phone's browser freezes on it, and Chromium cannot even finish loading 100,000.
    /// Above this many, the listing has only the first cards and sends people to the browse pages, which hold every
    /// service by kind of break and by area. 200 cards is about 300 KB of HTML, still quick on a phone.
    static let fullListingLimit = 200

    /// How many cards a listing over `fullListingLimit` shows: as many as the search shows at a time
    /// (`Search.pageSize` in signpost.js), so with JavaScript the first results are the same cards in the same order.
    static let firstCards = 50

    func file() -> (String, Data) {
        let directory = pages.directory
        let urls = SiteURLs(fromSlug: DirectoryRenderer.listingSlug)
        let pictures = PictureURLs(urls: urls)
        var listing = pages.ownValues(title: "Find a short break", summary: "Search or browse short-break services near you.",
                                      urls: urls)
        listing["serviceCount"] = pages.count(directory.listed.count)
        listing["types"] = directory.byType.map { type, entries in
            ["id": type.rawValue, "label": type.label, "href": urls.page("services/type/\(type.rawValue)"),
             "count": entries.count] as [String: Any]
        }
        listing["areas"] = directory.byArea.map { area, slug, entries in
            // `slug` makes the checkbox's id: an id has no spaces, whatever the area is called.
            ["name": area, "slug": slug, "href": urls.page("services/area/\(slug)"), "count": entries.count] as [String: Any]
        }
        // The stemmer first: the search stems what is typed as the index's words were stemmed.
        listing["scripts"] = [["src": urls.root + "assets/stemmer.js"], ["src": "search-index.js"]]
        var shown = directory.listed[...]
        if directory.listed.count > Self.fullListingLimit {
            shown = shown.prefix(Self.firstCards)
            listing["partial"] = ["shown": Self.firstCards, "total": Self.grouped(directory.listed.count)] as [String: Any]
        }
        let cards = shown.map { pages.card($0, urls: urls, pictureURLs: pictures) }
        return ("services/index.html", pages.render("services", own: listing, urls: urls, cards: cards))
    }

    /// 100000 as "100,000", as people write large numbers.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var written = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { written.append(",") }
            written.append(digit)
        }
        return written
    }
}
