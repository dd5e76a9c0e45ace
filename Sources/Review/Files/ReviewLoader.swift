import Foundation
import Markdown
import SiteModel

/// Every review file of a site, read and checked against the site: the page must be an easy-read page, the group one
/// of `review_groups:`, and a point's number one the page has.
public struct ReviewBook: Sendable {
    /// Review files by the page they are for, as a path in the content folder.
    public var files: [String: LoadedReview] = [:]

    /// One review file and where it is.
    public struct LoadedReview: Sendable {
        /// The review file, as a path in the content folder, such as `reviews/easy-read/short-breaks.yml`.
        public let path: String
        public let review: ReviewFile
    }

    public init(files: [String: LoadedReview] = [:]) { self.files = files }

    /// The review file for a page, when there is one.
    public func review(for pagePath: String) -> ReviewFile? { files[pagePath]?.review }

    /// Reads `site.reviewFiles`. A file with errors is left out; its problems are in the diagnostics.
    /// - Parameter reviewable: an easy-read page as a `ReviewablePage`, by path, to check point numbers against.
    public static func load(site: Site, reviewable: (String) -> ReviewablePage?) -> (book: ReviewBook, diagnostics: [Diagnostic]) {
        var book = ReviewBook()
        var diagnostics: [Diagnostic] = []
        let groups = site.config.reviewGroups.map(\.name)
        for file in site.reviewFiles.sorted() {
            guard let data = site.source.read(file) else {
                diagnostics.append(Diagnostic(file: file, line: 1, column: 1, message: "This file could not be read."))
                continue
            }
            guard let text = ContentLoader.text(of: data, file: file, diagnostics: &diagnostics) else { continue }
            guard let (review, pagePath, at) = read(text, file: file, site: site, diagnostics: &diagnostics) else { continue }
            if let other = book.files[pagePath] {
                diagnostics.append(Diagnostic(file: file, at: at("page"),
                                              message: "`\(other.path)` is already the review file for `\(pagePath)`. Keep every session for a page in one file."))
                continue
            }
            let problems = check(review, file: file, groups: groups, current: reviewable(pagePath), at: at)
            diagnostics += problems
            if problems.isEmpty { book.files[pagePath] = LoadedReview(path: file, review: review) }
        }
        return (book, diagnostics)
    }

    /// A review file's text read as the build reads it: decoded, and its page found among the site's easy-read pages.
    /// Nil when it has errors (in `diagnostics`) or is for a draft or a broken page (left out of the build).
    static func read(_ text: String, file: String, site: Site, diagnostics: inout [Diagnostic])
        -> (review: ReviewFile, page: String, at: (String) -> SourcePosition)? {
        let decoded = YAMLReader.decode(ReviewFile.self, from: text, file: file)
        diagnostics += decoded.diagnostics
        guard let review = decoded.value else { return nil }
        let positions = decoded.keyPositions
        let at: (String) -> SourcePosition = { positions[$0] ?? SourcePosition(line: 1, column: 1) }
        let pagePath = ContentPath.resolve(review.page, from: "") ?? review.page
        if site.draftPaths.contains(pagePath) || site.brokenPaths.contains(pagePath) {
            // A draft is not in this build; a broken page is already reported.
            return nil
        }
        guard let page = site.page(at: pagePath), page.isEasyRead else {
            let why = site.page(at: pagePath) != nil ? "is not an easy-read page. Only easy-read pages are checked by groups."
                : "does not exist." + Suggestion.didYouMean(pagePath, in: site.pages.filter(\.isEasyRead).map(\.path))
            diagnostics.append(Diagnostic(file: file, at: at("page"), message: "`page` is `\(review.page)`, which \(why)"))
            return nil
        }
        return (review, pagePath, at)
    }

    /// The rules a review file's sessions keep: groups from `review_groups:`, each point once, and only points the
    /// page has in the version the group checked, when that is the page as it is now.
    static func check(_ review: ReviewFile, file: String, groups: [String], current: ReviewablePage?,
                      at: (String) -> SourcePosition) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (index, session) in review.sessions.enumerated() {
            if !groups.contains(session.group) {
                let hint = groups.isEmpty ? " Add the group to `review_groups:` in site.yml."
                    : Suggestion.didYouMean(session.group, in: groups) + (Suggestion.closest(to: session.group, in: groups) == nil
                        ? " Known groups: \(groups.joined(separator: ", ")). Add a new group to `review_groups:` in site.yml." : "")
                problems.append(Diagnostic(file: file, at: at("sessions.\(index).group"),
                                           message: "`\(session.group)` is not one of the site's review groups.\(hint)"))
            }
            var seen: Set<Int> = []
            for (pointIndex, answers) in session.points.enumerated() {
                let place = at("sessions.\(index).points.\(pointIndex).point")
                if !seen.insert(answers.point).inserted {
                    problems.append(Diagnostic(file: file, at: place,
                                               message: "Point \(answers.point) is given twice in this session. Keep one of them."))
                } else if let current, session.hash == current.hash, answers.point > current.points.count {
                    problems.append(Diagnostic(file: file, at: place,
                                               message: "The page has no point \(answers.point): it has \(current.points.count) points."))
                }
            }
        }
        return problems
    }

    /// A review file's text checked with every rule the build reads it by, as one more file of `site`: what the
    /// build would report in it. `signpost review import` checks what it is about to write with this.
    public static func problems(inText text: String, file: String, site: Site,
                                reviewable: (String) -> ReviewablePage?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        guard let (review, pagePath, at) = read(text, file: file, site: site, diagnostics: &diagnostics) else { return diagnostics }
        return diagnostics + check(review, file: file, groups: site.config.reviewGroups.map(\.name), current: reviewable(pagePath), at: at)
    }

    /// The review file a page's reviews go in: `reviews/<page-slug>.yml`.
    public static func filePath(forSlug slug: String) -> String {
        ContentLoader.reviewsFolder + (slug.isEmpty ? "index" : slug) + ".yml"
    }
}
