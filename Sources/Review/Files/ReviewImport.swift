import Foundation
import Markdown
import SiteModel

/// `signpost review import`: the answers a review page saved (a JSON file) as a session in the page's review file.
public enum ReviewImport {
    /// The JSON file "Save answers" downloads.
    struct SavedAnswers: Decodable {
        var page: String
        var hash: String
        var group: String
        var date: String
        var facilitator: String?
        var outcome: String?
        var points: [SavedPoint]
    }

    struct SavedPoint: Decodable {
        var point: Int
        var hash: String?
        var understand: Int?
        var doNotUnderstand: Int?
        var changePicture: Int?
        var notes: String?

        enum CodingKeys: String, CodingKey {
            case point, hash, understand, notes
            case doNotUnderstand = "do_not_understand"
            case changePicture = "change_picture"
        }
    }

    /// What importing one saved file did.
    public enum Result: Sendable {
        /// The review file to write, at its path in the content folder, and its new text.
        case write(path: String, text: String, session: ReviewSession)
        /// The same session is already in the review file.
        case alreadyThere(path: String)
        /// Why the file cannot be imported.
        case failed([String])
    }

    /// Reads saved answers and merges them into the page's review file, keeping every earlier session.
    /// - Parameters:
    ///   - data: the saved JSON.
    ///   - site: the site, loaded with drafts.
    ///   - reviews: the site's reviews, for the page's existing review file.
    public static func merge(_ data: Data, site: Site, reviews: SiteReviews) -> Result {
        if data.count > largestFile { return .failed([tooLarge(data.count)]) }
        let saved: SavedAnswers
        do {
            saved = try JSONDecoder().decode(SavedAnswers.self, from: data)
        } catch {
            return .failed(["This is not a file of saved answers from a review page: \(describe(error))"])
        }
        var problems: [String] = []
        let path = ContentPath.resolve(saved.page, from: "") ?? saved.page
        let easyRead = site.pages.filter(\.isEasyRead)
        guard let page = easyRead.first(where: { $0.path == path }) else {
            return .failed(["The answers are for `\(saved.page)`, which is not an easy-read page in this content folder."
                            + Suggestion.didYouMean(path, in: easyRead.map(\.path))])
        }
        if !ReviewablePage.isPageHash(saved.hash) { problems.append("`hash` should be 64 letters and digits (0 to 9 and a to f), not `\(saved.hash)`.") }
        let groups = site.config.reviewGroups.map(\.name)
        if !groups.contains(saved.group) {
            problems.append("`\(saved.group)` is not one of the site's review groups." + Suggestion.didYouMean(saved.group, in: groups)
                            + (groups.isEmpty ? " Add it to `review_groups:` in site.yml." : ""))
        }
        let date = CalendarDate(iso: saved.date)
        if date == nil { problems.append("`date` should be a real date written like 2026-03-12, not `\(saved.date)`.") }
        var outcome = ReviewOutcome.notFinished
        if let given = saved.outcome, !given.isEmpty {
            if let known = ReviewOutcome(rawValue: given) {
                outcome = known
            } else {
                problems.append("`outcome` can't be `\(given)`. Use one of: approved, changes-needed, not-finished."
                                + Suggestion.didYouMean(given, in: ReviewOutcome.allCases.map(\.rawValue)))
            }
        }
        var points: [PointAnswers] = []
        for saved in saved.points.sorted(by: { $0.point < $1.point }) {
            if saved.point < 1 { problems.append("A point's number starts at 1, so it can't be \(saved.point).") }
            if let hash = saved.hash, !ReviewablePage.isPointHash(hash) {
                problems.append("Point \(saved.point)'s hash should be 12 letters and digits (0 to 9 and a to f), not `\(hash)`.")
            }
            let counts = [saved.understand, saved.doNotUnderstand, saved.changePicture].map { $0 ?? 0 }
            if counts.contains(where: { $0 < 0 }) { problems.append("Point \(saved.point) has a count below zero.") }
            if points.contains(where: { $0.point == saved.point }) { problems.append("Point \(saved.point) is given twice.") }
            let notes = saved.notes?.trimmingCharacters(in: .whitespacesAndNewlines)
            points.append(PointAnswers(point: saved.point, hash: saved.hash, understand: counts[0],
                                       doNotUnderstand: counts[1], changePicture: counts[2],
                                       notes: notes?.isEmpty == false ? notes : nil))
        }
        guard problems.isEmpty, let date else { return .failed(problems) }
        let facilitator = saved.facilitator?.trimmingCharacters(in: .whitespacesAndNewlines)
        let session = ReviewSession(date: date, group: saved.group,
                                    facilitator: facilitator?.isEmpty == false ? facilitator : nil,
                                    hash: saved.hash, outcome: outcome, points: points)
        let existing = reviews.book.files[page.path]
        let filePath = existing?.path ?? ReviewBook.filePath(forSlug: page.slug)
        if existing == nil && site.reviewFiles.contains(filePath) {
            // Writing over a file that could not be read would lose its sessions.
            return .failed(["`\(filePath)` has problems, so these answers were not added to it. Run `signpost check` to see them, put them right, and import again."])
        }
        var file = existing?.review ?? ReviewFile(page: page.path)
        if file.sessions.contains(session) { return .alreadyThere(path: filePath) }
        file.sessions.append(session)
        // Oldest first, newest last; sessions on one day keep the order they came in.
        file.sessions = file.sessions.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        // The new session on its own, with the build's rules, so a problem is named by its place in the answers file.
        let sortedIndex = saved.points.indices.sorted { saved.points[$0].point < saved.points[$1].point }
        let sessionProblems = ReviewBook.check(ReviewFile(page: page.path, sessions: [session]), file: filePath, groups: groups,
                                               current: reviews.pages[page.path]) { key in
            // `sessions.0.points.J.point` → line J + 2, the J-th point in number order; anything else line 1.
            let parts = key.split(separator: ".")
            return SourcePosition(line: parts.count == 5 ? (Int(parts[3]) ?? -1) + 2 : 1, column: 1)
        }
        if !sessionProblems.isEmpty {
            return .failed(sessionProblems.map { problem in
                let place = problem.line >= 2 && problem.line - 2 < sortedIndex.count ? "$.points[\(sortedIndex[problem.line - 2])].point: " : ""
                return place + problem.message + " Were these answers saved from another page, or changed by hand?"
            })
        }
        let text = ReviewYAML.text(of: file)
        // What is written is read back with the build's own rules first: a file the build would stop on (a point the
        // page does not have, say) is never written, so `check` and `build` go on working.
        let buildProblems = ReviewBook.problems(inText: text, file: filePath, site: site) { reviews.pages[$0] }
            .filter { $0.level == .error }
        if !buildProblems.isEmpty {
            return .failed(buildProblems.map { "\($0.message) Nothing was added to `\(filePath)`." })
        }
        return .write(path: filePath, text: text, session: session)
    }

    /// The largest answers file imported: a review page saves a few kilobytes, so anything near this is not one.
    public static let largestFile = 1_000_000

    /// Why a file of `size` bytes is not imported.
    public static func tooLarge(_ size: Int) -> String {
        "This file is \(size >= 10_000_000 ? "\(size / 1_000_000) MB" : size >= 1_000_000 ? String(format: "%.1f MB", Double(size) / 1_000_000) : "\(size / 1000) KB"). "
            + "Saved answers are much smaller (a few KB), so this is not a file a review page saved: the largest that can be imported is 1 MB."
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "`\(key.stringValue)` is missing."
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "`\(context.codingPath.map(\.stringValue).joined(separator: "."))` has the wrong kind of value."
        case DecodingError.dataCorrupted: "it is not JSON."
        default: "\(error)"
        }
    }
}
