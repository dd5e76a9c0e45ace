import EasyReadChecker
import Markdown
import SiteModel

/// The reviews of a whole site: each easy-read page's points and version, its review file and its state.
public struct SiteReviews: Sendable {
    /// Easy-read pages read into points, by path. In a build only reviewed pages are read, since a page no group
    /// has checked needs no version.
    public let pages: [String: ReviewablePage]
    public let book: ReviewBook
    /// The state of every easy-read page that a review file names, by path: a page not here was never reviewed.
    public let states: [String: ReviewState]
    /// The page that says what checking means, when `review_page:` names one.
    public let explanationPath: String?

    /// Reads the site's review files and works out each easy-read page's state.
    /// - Parameter everyPage: read every easy-read page into points, not only the reviewed ones (for the pack and
    ///   `review status`).
    public static func load(site: Site, everyPage: Bool = false) -> (reviews: SiteReviews, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func read(_ page: Page) -> ReviewablePage {
            ReviewablePage(page: page) { site.assetPath(for: ContentPath.splitFragment($0).path, from: page.path) }
        }
        var pages: [String: ReviewablePage] = [:]
        if everyPage {
            for page in Parallel.map(site.pages.filter(\.isEasyRead), read) { pages[page.path] = page }
        }
        // In a build only the pages review files name are read again, as the files name them.
        let (book, problems) = ReviewBook.load(site: site) { path in
            if let known = pages[path] { return known }
            guard let page = site.page(at: path), page.isEasyRead else { return nil }
            let reviewable = read(page)
            pages[path] = reviewable
            return reviewable
        }
        diagnostics += problems
        var states: [String: ReviewState] = [:]
        // Only pages a review file names are read; every other page was never reviewed, and is not looked at here.
        for (path, reviewable) in pages {
            states[path] = ReviewState(page: reviewable, review: book.review(for: path), groups: site.config.reviewGroups)
        }
        var explanation: String?
        if let named = site.config.reviewPage {
            let path = ContentPath.resolve(named, from: "") ?? named
            if site.page(at: path) != nil {
                explanation = path
            } else if !site.draftPaths.contains(path) {
                diagnostics.append(Diagnostic(file: ContentLoader.configFile,
                                              at: site.configKeyPositions["review_page"] ?? SourcePosition(line: 1, column: 1),
                                              message: "`review_page` is `\(named)`, which is not a page."
                                                  + Suggestion.didYouMean(path, in: site.pages.map(\.path))))
            }
        }
        return (SiteReviews(pages: pages, book: book, states: states, explanationPath: explanation), diagnostics)
    }

    /// The "Checked by" sign-off shown on a page: its own, for an easy-read page, or its easy-read twin's.
    public func signOff(for page: Page) -> SignOff? {
        let path = page.isEasyRead ? page.path : page.twinPath
        return path.flatMap { states[$0]?.signOff }
    }

    /// `review-stale` and `review-missing` findings, at each easy-read page's first line, as `checks:` sets them.
    public func findings(site: Site, settings: CheckSettings) -> [Diagnostic] {
        let stale = settings.limits(.reviewStale, for: .easyRead)
        let missing = settings.limits(.reviewMissing, for: .easyRead)
        var findings: [Diagnostic] = []
        // Only a page a review file names can be found stale or not approved: with `review-missing` off, a site
        // without review files has nothing to look at.
        guard missing.enabled || !states.isEmpty else { return findings }
        for page in site.pages where page.isEasyRead {
            switch states[page.path] ?? .neverReviewed {
            case .stale(let session, let changes) where stale.enabled:
                findings.append(Diagnostic(file: page.path, line: 1, column: 1, level: stale.level,
                                           message: Self.staleMessage(session, changes),
                                           rule: RuleID.reviewStale.rawValue,
                                           suggestion: "Run `signpost review \(page.path)` to make a review pack for the group."))
            case .neverReviewed where missing.enabled:
                findings.append(Diagnostic(file: page.path, line: 1, column: 1, level: missing.level,
                                           message: "No self-advocacy group has checked this page yet.",
                                           rule: RuleID.reviewMissing.rawValue,
                                           suggestion: "Run `signpost review \(page.path)` to make a review pack for a group."))
            case .notApproved(let session) where missing.enabled:
                let outcome = session.outcome == .changesNeeded ? "asked for changes" : "did not finish checking it"
                findings.append(Diagnostic(file: page.path, line: 1, column: 1, level: missing.level,
                                           message: "No self-advocacy group has approved this page yet: \(session.group) \(outcome) on \(session.date.long).",
                                           rule: RuleID.reviewMissing.rawValue,
                                           suggestion: "Make the changes, then run `signpost review \(page.path)` for the group to check it again."))
            default:
                break
            }
        }
        return findings
    }

    /// "This page changed after Speak Up Leicester checked it on 3 November 2026. 2 points are new or changed."
    static func staleMessage(_ session: ReviewSession, _ changes: PointChanges?) -> String {
        var message = "This page changed after \(session.group) checked it on \(session.date.long)."
        if let changes {
            switch changes.count {
            case 0 where changes.removedCount > 0:
                message += changes.removedCount == 1 ? " 1 point was taken out." : " \(changes.removedCount) points were taken out."
            case 0: message += " Its title or summary changed."
            case 1: message += " 1 point is new or changed."
            default: message += " \(changes.count) points are new or changed."
            }
        }
        return message
    }
}
