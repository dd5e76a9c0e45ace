import SiteModel

/// What a process that builds the same site again and again (`signpost serve`) keeps of its last build, besides the
/// cache, when that build had no error: the loaded site, what loading found, and what validating worked out across
/// pages, with the cache keys they were made under.
///
/// The next build starts from it when the file watcher says that only some pages' files changed and each of those
/// pages still has its front matter and address (`ContentLoader.reload`). Every other page is then the same object,
/// what pages show of each other is the same (`indexKey`), and when everything else every page depends on is the same
/// too (`siteKey`), so is all that validating works out across pages: the link resolver, and the problems of
/// addresses, navigation and unpublished files. Those problems never depend on where a key is in a page (only errors
/// do, and a build with an error keeps nothing), so they are the same words at the same places.
struct KeptSite: Sendable {
    var site: Site
    /// What loading found, before the theme was loaded.
    var loadDiagnostics: [Diagnostic]
    var siteKey: String
    var indexKey: String
    var resolver: LinkResolver
    /// What validating found across pages, not about one page's links and picture alone.
    var siteProblems: [Diagnostic]
}
