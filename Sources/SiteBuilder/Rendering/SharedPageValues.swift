/// The template values that change from page to page only with where the page is and which navigation entry it is:
/// addresses relative to the page, and the navigation with the current entry marked. Many pages have the same ones,
/// so what templates make of them alone can be made once and reused (see `SharedPartials`).
struct SharedPageValues: Hashable, Sendable {
    struct NavigationLink: Hashable, Sendable {
        var label: String
        var href: String
        var current: Bool
    }

    /// `../../` from `easy-read/leder/`.
    var root: String
    var homeHref: String
    /// The service directory's listing, from this page; nil when the site has no services.
    var directoryHref: String?
    var nav: [NavigationLink]

    /// The keys of a template's context that `SiteValues.dictionary` fills from these values and the site's.
    static let keys: Set<String> = ["lang", "root", "assets", "site", "nav", "hasNav"]
}
