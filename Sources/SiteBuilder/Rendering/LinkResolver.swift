import SiteModel
import Foundation
import Guides

/// Works out what a link or picture in Markdown points at: another page, a file in the content folder, or
/// somewhere outside the site.
struct LinkResolver: Sendable {
    enum Target: Equatable {
        /// A page; `fragment` is `#part` or "".
        case page(slug: String, fragment: String)
        /// A file copied from the content folder, such as a picture.
        case asset(path: String, fragment: String)
        /// Left as written: another site, `mailto:`, `tel:` or `#part` on the same page.
        case unchanged
    }

    /// Every page, by its path in the content folder: the site's own index, used by every renderer too.
    private(set) var pagesByPath: PagesByPath
    private var site: Site
    /// Pages the guide step makes from content files that are not pages: a guide file leads to its start page,
    /// `charging.yml` to the charges estimator.
    private let generated: [String: String]
    /// The addresses of what the build makes besides pages: the service directory's listing, guides, the estimator.
    private let otherSlugs: Set<String>
    /// Every address a page or a guide has, made only when a link to an address (`/short-breaks/`) asks.
    private var slugs: Once<Set<String>>
    /// Every path a link may name, made only when a link goes nowhere, for the suggestion.
    private var knownPaths: Once<[String]>

    init(site: Site) {
        self.site = site
        pagesByPath = site.pagesByPath
        var generated: [String: String] = [:]
        var slugs: Set<String> = []
        // The service directory's listing is an address a page may link to, as the navigation may.
        if !site.serviceFiles.isEmpty { slugs.insert(DirectoryRenderer.listingSlug) }
        for path in site.guideFiles {
            generated[path] = Guide.slug(of: path, easyRead: false)
            slugs.insert(Guide.slug(of: path, easyRead: false))
            slugs.insert(Guide.slug(of: path, easyRead: true))
        }
        if let charging = site.chargingFile {
            let slug = site.source.readText(charging).flatMap { ChargingLoader.load($0).policy?.slug } ?? ChargingPolicy.defaultSlug
            generated[charging] = slug
            slugs.insert(slug)
        }
        self.generated = generated
        otherSlugs = slugs
        (self.slugs, knownPaths) = Self.lazyLists(site, slugs: slugs, generated: generated)
    }

    /// The lists of every address and every path, made when first asked for.
    private static func lazyLists(_ site: Site, slugs: Set<String>,
                                  generated: [String: String]) -> (Once<Set<String>>, Once<[String]>) {
        (Once { slugs.union(site.pages.lazy.map(\.slug)) },
         Once { site.pages.map(\.path) + site.assets + generated.keys.sorted() })
    }

    /// The same resolver for `site`, the site it was made for with some pages read again, each with the same address
    /// and front matter as before (a page reloaded after an edit to its text): every answer still holds. Answers
    /// are worked out afresh, so a process that builds again and again does not gather them forever.
    func replacing(_ site: Site) -> LinkResolver {
        var resolver = self
        resolver.site = site
        resolver.pagesByPath = site.pagesByPath
        resolver.memo = SharedCache()
        // Made again from the new site, so the old one is not held for the life of the process.
        (resolver.slugs, resolver.knownPaths) = Self.lazyLists(site, slugs: otherSlugs, generated: generated)
        return resolver
    }

    /// Answers already worked out, by the page's folder and the target: the same links appear on many pages, so
    /// each distinct target is resolved once per folder in a build.
    private var memo = SharedCache<MemoKey, Verdict>()

    private struct MemoKey: Hashable {
        var folder: String
        var target: String
    }

    /// Everything worked out about one link target seen from one folder.
    struct Verdict {
        /// Where it leads, or why it goes nowhere.
        var target: Result<Target, LinkProblem>
        /// Whether it runs code in the browser, so safe mode removes it (see `MarkdownSafety`).
        var runsCode: Bool
    }

    /// Resolves `target` as written in the page at `pagePath`. Failures say, in plain words, what is wrong.
    func resolve(_ target: String, from pagePath: String) -> Result<Target, LinkProblem> {
        verdict(on: target, inFolder: ContentPath.folder(of: pagePath)).target
    }

    /// Everything about `target` as written in a page in `folder` (`ContentPath.folder(of:)` of the page's path),
    /// worked out the first time it is asked for and remembered for the rest of the build.
    func verdict(on target: String, inFolder folder: String) -> Verdict {
        memo.value(for: MemoKey(folder: folder, target: target)) {
            Verdict(target: work(target, inFolder: folder), runsCode: MarkdownSafety.isUnsafe(target))
        }
    }

    private func work(_ target: String, inFolder folder: String) -> Result<Target, LinkProblem> {
        let trimmed = Self.trimmingSpaces(target)
        if trimmed.isEmpty || trimmed.hasPrefix("#") || ContentPath.isExternal(trimmed) { return .success(.unchanged) }
        let (rawPath, fragment) = ContentPath.splitFragment(trimmed)
        let path = ContentPath.unescaped(rawPath)
        // Relative to the page first, then to the content folder.
        let candidates = [ContentPath.resolve(path, from: folder), ContentPath.resolve(path, from: "")].compactMap { $0 }
        for candidate in candidates {
            if let page = pagesByPath[candidate] { return .success(.page(slug: page.slug, fragment: fragment)) }
            if let slug = generated[candidate] { return .success(.page(slug: slug, fragment: fragment)) }
            if site.isAsset(candidate) { return .success(.asset(path: candidate, fragment: fragment)) }
            // A page that failed to load has its own errors; a link to it is not one more.
            if site.brokenPaths.contains(candidate) { return .success(.unchanged) }
            if site.draftPaths.contains(candidate) {
                return .failure(LinkProblem(message: "This links to `\(path)`, which is a draft and will not be published."))
            }
        }
        // A site address such as `/short-breaks/`.
        let slug = path.split(separator: "/").joined(separator: "/")
        if path.hasSuffix("/") || path == "/", slugs.value.contains(slug) {
            return .success(.page(slug: slug, fragment: fragment))
        }
        let best = candidates.first ?? path
        return .failure(LinkProblem(message: "`\(path)` goes nowhere: there is no page or file `\(best)` in the content folder."
            + Suggestion.didYouMean(best, in: knownPaths.value)))
    }
}

extension LinkResolver {
    /// `text` without the spaces and tabs (and other Unicode spaces) around it, as
    /// `trimmingCharacters(in: .whitespaces)` gives; a target that starts and ends with a visible ASCII character, as
    /// nearly every one does, is returned as it is without asking Foundation.
    static func trimmingSpaces(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last,
           first < 0x80, last < 0x80, first != 0x20, first != 0x09, last != 0x20, last != 0x09 {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}

struct LinkProblem: Error {
    var message: String
}
