import Foundation
import ServiceDirectory
import SiteModel

/// `services/search-index.js`, which the listing page loads so that search works without a server, and the shards
/// under `services/search/` that it loads as a search needs them (`SearchShards`).
struct SearchIndexFile {
    let pages: DirectoryPages
    /// The site's own groups of words that search treats as the same: `search_synonyms:` in `site.yml`.
    let synonyms: [[String]]

    /// The file, and how long it took in milliseconds, which the build reports.
    func timedFile() -> (files: [(String, Data)], milliseconds: Int) {
        let started = Date()
        // From the listing at /services/, as the cards are. Each picture's address is made once, before the
        // cards are made on every core.
        let urls = SiteURLs(fromSlug: DirectoryRenderer.listingSlug)
        let pictureURLs = Dictionary(Set(pages.pictures.values).map { ($0, urls.file($0)) }) { first, _ in first }
        let pictureOf = pages.pictures
        let index = SearchIndex(entries: pages.directory.listed, extraSynonyms: synonyms) { entry in
            pictureOf[entry.id].flatMap { pictureURLs[$0] }
        }
        let files = SearchShards(index: index).files.map { ("services/\($0.path)", Data($0.bytes)) }
        return (files, Int(Date().timeIntervalSince(started) * 1000))
    }
}
