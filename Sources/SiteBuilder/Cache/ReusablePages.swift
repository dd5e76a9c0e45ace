import SiteModel

/// The pages whose findings and HTML from the last build still hold, told by the few that do not: after an edit to
/// one page of 20,000, the steps look at the pages to look at without first gathering the paths of all the others.
struct ReusablePages: Sendable {
    /// Places in the site's pages of the pages whose results must be worked out again, in page order.
    let fresh: [Int]
    /// Whether the page at each place is one of `fresh`.
    private let isFresh: [Bool]
    private let pagesByPath: PagesByPath?
    private let pageCount: Int

    /// Every page of `site` but those at `fresh` (any order, repeats allowed).
    static func all(of site: Site, but fresh: some Sequence<Int>) -> ReusablePages {
        var isFresh = [Bool](repeating: false, count: site.pages.count)
        for index in fresh { isFresh[index] = true }
        return ReusablePages(fresh: isFresh.indices.filter { isFresh[$0] }, isFresh: isFresh,
                             pagesByPath: site.pagesByPath, pageCount: site.pages.count)
    }

    private init(fresh: [Int], isFresh: [Bool], pagesByPath: PagesByPath?, pageCount: Int) {
        self.fresh = fresh
        self.isFresh = isFresh
        self.pagesByPath = pagesByPath
        self.pageCount = pageCount
    }

    /// How many pages' results hold.
    var count: Int { pageCount - fresh.count }
    var isEmpty: Bool { count == 0 }

    /// Whether the results of the page at this place in the site's pages hold.
    func contains(place: Int) -> Bool { !isEmpty && !isFresh[place] }

    /// Whether the results of the page written in the file at `path` hold; false for any file that is not a page.
    func contains(_ path: String) -> Bool {
        guard !isEmpty, let place = pagesByPath?.place(of: path) else { return false }
        return !isFresh[place]
    }
}
