import Foundation
import ServiceDirectory
import SiteModel

/// A page for each kind of break (`/services/type/<kind>/`) and each area (`/services/area/<area>/`), listing the
/// services there.
struct BrowsePages {
    let pages: DirectoryPages

    private struct Browse {
        let slug: String
        let title: String
        let summary: String
        let entries: [ServiceEntry]
    }

    func files() -> [(String, Data)] {
        var browse: [Browse] = []
        for (type, entries) in pages.directory.byType {
            browse.append(Browse(slug: "services/type/\(type.rawValue)", title: type.label,
                                 summary: "\(pages.count(entries.count)) offering \(type.label.lowercased()).", entries: entries))
        }
        for (area, slug, entries) in pages.directory.byArea {
            browse.append(Browse(slug: "services/area/\(slug)", title: "Short breaks in \(area)",
                                 summary: "\(pages.count(entries.count)) for people who live in \(area).", entries: entries))
        }
        // A service is on several browse pages, all at the same depth: its card is written once for all of them.
        let cards = SharedCache<[UInt8], String>()
        return Parallel.map(browse) { page in ("\(page.slug)/index.html", render(page, cards: cards)) }
    }

    private func render(_ page: Browse, cards: SharedCache<[UInt8], String>) -> Data {
        let urls = SiteURLs(fromSlug: page.slug)
        let pictures = PictureURLs(urls: urls)
        var values = pages.ownValues(title: page.title, summary: page.summary, urls: urls)
        values["serviceCount"] = pages.count(page.entries.count)
        return pages.render("services-browse", own: values, urls: urls,
                            cards: page.entries.map { pages.card($0, urls: urls, pictureURLs: pictures) }, cardCache: cards)
    }
}
