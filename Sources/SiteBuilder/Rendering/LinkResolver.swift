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

    /// Every page, by its path in the content folder: made once, and used by every renderer too.
    private(set) var pagesByPath: [String: Page]
    private let slugs: Set<String>
    private let assets: Set<String>
    private let drafts: Set<String>
    private let broken: Set<String>
    private var knownPaths: [String]
    /// Pages the guide step makes from content files that are not pages: a guide file leads to its start page,
    /// `charging.yml` to the charges estimator.
    private let generated: [String: String]

    init(site: Site) {
        var byPath: [String: Page] = [:], slugs: Set<String> = []
        byPath.reserveCapacity(site.pages.count)
        slugs.reserveCapacity(site.pages.count + site.guideFiles.count * 2 + 2)
        for page in site.pages {
            byPath[page.path] = page
            slugs.insert(page.slug)
        }
        pagesByPath = byPath
        assets = Set(site.assets)
        drafts = site.draftPaths
        broken = site.brokenPaths
        knownPaths = site.pages.map(\.path) + site.assets
        // The service directory's listing is an address a page may link to, as the navigation may.
        if !site.serviceFiles.isEmpty { slugs.insert(DirectoryRenderer.listingSlug) }
        var generated: [String: String] = [:]
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
        knownPaths += generated.keys.sorted()
        self.slugs = slugs
    }

    /// The same resolver with `pages` in place of the pages at their paths, which must each have the same address
    /// and front matter as the page they replace (a page reloaded after an edit to its text): every answer still
    /// holds. Answers are worked out afresh, so a process that builds again and again does not gather them forever.
    func replacing(_ pages: [Page]) -> LinkResolver {
        var resolver = self
        for page in pages { resolver.pagesByPath[page.path] = page }
        resolver.memo = SharedCache()
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
            if assets.contains(candidate) { return .success(.asset(path: candidate, fragment: fragment)) }
            // A page that failed to load has its own errors; a link to it is not one more.
            if broken.contains(candidate) { return .success(.unchanged) }
            if drafts.contains(candidate) {
                return .failure(LinkProblem(message: "This links to `\(path)`, which is a draft and will not be published."))
            }
        }
        // A site address such as `/short-breaks/`.
        let slug = path.split(separator: "/").joined(separator: "/")
        if path.hasSuffix("/") || path == "/", slugs.contains(slug) {
            return .success(.page(slug: slug, fragment: fragment))
        }
        let best = candidates.first ?? path
        return .failure(LinkProblem(message: "`\(path)` goes nowhere: there is no page or file `\(best)` in the content folder."
            + Suggestion.didYouMean(best, in: knownPaths)))
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
