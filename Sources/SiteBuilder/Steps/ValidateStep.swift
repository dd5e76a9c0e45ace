import Markdown
import SiteModel
import Foundation

/// Checks what ties files together: addresses, navigation, pictures, files that are not published, and links.
/// It changes nothing: easy-read twins are paired while loading.
/// Every problem is collected; none stops the step early.
public struct ValidateStep: BuildStep {
    public var name: String { "Validating" }

    /// A navigation entry that links to the service directory's listing.
    static let directoryEntry = "services/"

    /// Addresses the build uses for its own files.
    static let reservedSlugs: Set<String> = ["assets", "services", "openreferral", "404"]

    public var runsAfterErrors: Bool { true }

    public init() {}

    public func run(_ context: inout BuildContext) throws -> String {
        let site = try context.requireSite()
        var problems: [Diagnostic] = []
        // Started from the last build's site with the same keys: what was worked out across pages still holds.
        let kept = context.cache?.keptValidation
        let resolver = kept.map { $0.resolver.replacing(site) } ?? LinkResolver(site: site)
        // What each page alone decides is worked out on every core; the problems are then reported in the same
        // order as ever: home, addresses, navigation, pictures, unpublished files, links.
        // A page whose findings from the last build still hold is not looked at alone: those findings take the place
        // of this build's.
        let looked = context.pagesToLookAt(in: site)
        var checked = [PageChecks?](repeating: nil, count: site.pages.count)
        for (index, checks) in zip(looked, Parallel.map(looked) {
            PageChecks(page: site.pages[$0], site: site, resolver: resolver)
        }) { checked[index] = checks }
        if let cached = context.cache?.cachedSiteProblems {
            // Found by the last build under the same keys, and none of them can have moved.
            problems = cached
        } else {
            checkHome(site, &problems)
            checkSlugs(site, &problems)
            checkNavigation(site, &problems)
            checkGlossaryPictures(site, &problems)
            checkUnpublished(site, &problems)
        }
        context.cache?.siteProblems = problems
        checkPictures(site, checked, &problems)
        var links = 0
        for case let page? in checked {
            problems += page.linkProblems
            links += page.links
        }
        context.linkResolver = resolver
        context.diagnostics += problems
        return "\(site.pages.count) pages, \(links) links and pictures"
    }

    private func checkHome(_ site: Site, _ problems: inout [Diagnostic]) {
        if site.home == nil && !site.pages.isEmpty {
            problems.append(Diagnostic(file: "index.md", line: 1, column: 1,
                                       message: "The site has no home page. Add `index.md` to the content folder."))
        }
    }

    private func checkSlugs(_ site: Site, _ problems: inout [Diagnostic]) {
        // Each address's first page, by path: a copy of each page would cost more than the check.
        var owners: [String: String] = [:]
        let assetFolders = Set(site.assets.compactMap { $0.split(separator: "/").count > 1 ? $0.split(separator: "/")[0] : nil })
        let reserved = Set(Self.reservedSlugs.map { Substring($0) })
        for page in site.pages {
            if !Page.isValidSlug(page.slug) {
                problems.append(Diagnostic(file: page.path, at: page.position(of: .slug),
                                           message: "The address `\(page.slug)` can use only lowercase letters, digits and hyphens, with `/` between parts of at most \(Page.longestSlugPart) letters."))
                continue
            }
            // The address's first part, looked up where it lies in the address.
            let slash = page.slug.utf8.firstIndex(of: UInt8(ascii: "/")) ?? page.slug.endIndex
            let first = page.slug[..<slash]
            if reserved.contains(first) || assetFolders.contains(first) {
                problems.append(Diagnostic(file: page.path, at: page.position(of: .slug),
                                           message: "The address `/\(page.slug)/` is used for the site's own files. Choose another `slug`."))
            }
            if let other = owners[page.slug] {
                problems.append(Diagnostic(file: page.path, at: page.position(of: .slug),
                                           message: "`\(page.urlPath)` is also the address of `\(other)`. Give one of them another `slug`."))
            } else {
                owners[page.slug] = page.path
            }
        }
    }

    private func checkNavigation(_ site: Site, _ problems: inout [Diagnostic]) {
        let paths = Set(site.pages.map(\.path))
        let position = site.configKeyPositions["navigation"] ?? SourcePosition(line: 1, column: 1)
        for entry in site.config.navigation where !paths.contains(entry.page) && !site.brokenPaths.contains(entry.page) {
            if entry.page == Self.directoryEntry && !site.serviceFiles.isEmpty { continue }
            let why = site.draftPaths.contains(entry.page) ? "is a draft" : "does not exist"
            problems.append(Diagnostic(file: ContentLoader.configFile, at: position,
                                       message: "The navigation lists `\(entry.page)`, which \(why)."
                                           + Suggestion.didYouMean(entry.page, in: paths)))
        }
    }

    private func checkPictures(_ site: Site, _ checked: [PageChecks?], _ problems: inout [Diagnostic]) {
        for (page, checks) in zip(site.pages, checked) {
            guard checks?.pictureIsMissing == true, let picture = page.frontMatter.picture else { continue }
            problems.append(Diagnostic(file: page.path, at: page.position(of: .picture),
                                       message: "The picture `\(picture)` does not exist."
                                           + Suggestion.didYouMean(picture, in: site.assets)))
        }
    }

    private func checkGlossaryPictures(_ site: Site, _ problems: inout [Diagnostic]) {
        for (index, entry) in site.glossary.words.enumerated() {
            guard let picture = entry.picture, site.assetPath(for: picture, from: ContentLoader.glossaryFile) == nil else { continue }
            let position = site.glossaryKeyPositions["words.\(index).picture"] ?? SourcePosition(line: 1, column: 1)
            problems.append(Diagnostic(file: ContentLoader.glossaryFile, at: position,
                                       message: "The picture `\(picture)` for `\(entry.word)` does not exist."
                                           + Suggestion.didYouMean(picture, in: site.assets)))
        }
    }

    /// Files that are not published: an error when one would stand where Signpost writes a file of its own (a stray
    /// `index.html`), a warning otherwise, so nobody wonders why a file is missing from the site.
    private func checkUnpublished(_ site: Site, _ problems: inout [Diagnostic]) {
        for path in site.assets {
            guard let folder = GeneratedFiles.folders.keys.sorted().first(where: path.hasPrefix) else { continue }
            problems.append(Diagnostic(file: path, line: 1, column: 1,
                                       message: "This file is in `\(folder)`, where Signpost writes \(GeneratedFiles.folders[folder]!). Move it to a folder of its own, such as `documents/`."))
        }
        let pageOutputs = Dictionary(site.pages.map { ($0.outputPath, $0.path) }) { first, _ in first }
        for path in site.unpublished {
            if let made = GeneratedFiles.describe(path) ?? pageOutputs[path].map({ "the page made from `\($0)`" }) {
                problems.append(Diagnostic(file: path, line: 1, column: 1,
                                           message: "This file would replace \(made), which Signpost makes at `\(path)`. Remove it: Signpost makes that file itself."))
            } else {
                problems.append(Diagnostic(file: path, line: 1, column: 1, level: .warning,
                                           message: "This file is not published: only pictures, documents, sound and video are copied to the site (\(PublishedFiles.types.sorted().joined(separator: ", "))). Remove it, or write it as a page."))
            }
        }
    }
}

/// What Validating decides about one page on its own, worked out for all pages at once on every core.
private struct PageChecks {
    /// Whether the page names a picture that is not in the content folder.
    var pictureIsMissing: Bool
    /// Problems with the page's links and pictures in its Markdown, in the order they are written.
    var linkProblems: [Diagnostic]
    /// How many links and pictures the page's Markdown has.
    var links: Int

    init(page: Page, site: Site, resolver: LinkResolver) {
        pictureIsMissing = page.frontMatter.picture.map { site.assetPath(for: $0, from: page.path) == nil } ?? false
        (linkProblems, links) = LinkCheck.problems(in: page.document, file: page.path, resolver: resolver)
    }
}
