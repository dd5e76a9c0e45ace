import Foundation
import SiteModel

/// `404.html`: the page a web server shows for an address with nothing at it.
enum NotFoundPage {
    static let path = "404.html"

    static func render(theme: Theme, siteValues: SiteValues) -> Data {
        // The 404 page is served at any address, so its links are absolute.
        let urls = SiteURLs(absoluteBase: siteValues.site.config.basePath)
        var values = PageContext(values: siteValues, urls: urls)
            .common(title: "Page not found", description: "We could not find that page.", current: nil)
        values["page"] = ["title": "Page not found"]
        return Data(theme.render("404", values).utf8)
    }
}
