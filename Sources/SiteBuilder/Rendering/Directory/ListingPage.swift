import Foundation
import ServiceDirectory
import SiteModel

/// The listing at `/services/`: every listed service's card, the kinds of break and areas to filter by, and the
/// search script.
struct ListingPage {
    let pages: DirectoryPages

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
        let cards = directory.listed.map { pages.card($0, urls: urls, pictureURLs: pictures) }
        return ("services/index.html", pages.render("services", own: listing, urls: urls, cards: cards))
    }
}
