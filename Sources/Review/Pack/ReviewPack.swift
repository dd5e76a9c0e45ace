import EasyReadChecker
import Foundation
import Markdown
import SiteModel

/// What `signpost review` writes, as values for the theme's `review-*` templates: an index, and for each page a
/// review page for the group and a facilitator's sheet. Every value is plain text for the templates to escape, except
/// `wordsHTML`, which is HTML that cmark wrote in safe mode.
public struct ReviewPack: Sendable {
    /// The pack's folder for pictures, copied from the content folder so that the pack works opened from disk.
    public static let pictureFolder = "files/"

    /// One page in the pack.
    public struct Entry: Sendable {
        public let page: ReviewablePage
        public let state: ReviewState
        /// The newest earlier session that recorded every point, which "New" and "Changed" are measured from.
        public let earlier: ReviewSession?
        public let changes: PointChanges?
        /// The checker's findings on the page.
        public let findings: [Diagnostic]
        public let words: [WordToCheck]

        /// `easy-read/short-breaks` → `easy-read-short-breaks.html`.
        public var fileName: String { (page.slug.isEmpty ? "home" : page.slug.replacingOccurrences(of: "/", with: "-")) + ".html" }
        public var facilitatorFileName: String { String(fileName.dropLast(5)) + "-facilitator.html" }
    }

    public let date: CalendarDate
    public let siteTitle: String
    public let language: String
    public let groups: [SiteConfig.ReviewGroup]
    public let entries: [Entry]

    /// Pictures the pack shows, as paths in the content folder; the writer copies each to `files/<path>`.
    public var pictures: [String] {
        var paths = Set<String>()
        for entry in entries {
            for point in entry.page.points {
                if let path = point.picture?.contentPath { paths.insert(path) }
                for match in point.wordsHTML.matches(of: /src="files\/([^"]+)"/) { paths.insert(String(match.1)) }
            }
            for word in entry.words { if let picture = word.picture { paths.insert(picture) } }
        }
        return paths.sorted()
    }

    /// The pack for `pages` (easy-read pages of `site`).
    public init(site: Site, reviews: SiteReviews, pages: [Page], checker: EasyReadChecker, date: CalendarDate) {
        self.date = date
        siteTitle = site.config.title
        language = site.config.language
        groups = site.config.reviewGroups
        entries = pages.map { page in
            let reviewable = reviews.pages[page.path]
                ?? ReviewablePage(page: page) { site.assetPath(for: ContentPath.splitFragment($0).path, from: page.path) }
            let review = reviews.book.review(for: page.path)
            let earlier = review?.sessions.enumerated()
                .filter { ReviewState.changes(since: $0.element, in: reviewable) != nil }
                .max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }?.element
            let findings = checker.check(page)
            let hard = findings.filter { [RuleID.hardWord.rawValue, RuleID.abbreviation.rawValue, RuleID.hardPhrase.rawValue].contains($0.rule ?? "") }
                .compactMap { EasyFinding.quoted(in: $0.message) }
            let text = ([reviewable.title, reviewable.summary] + reviewable.points.map(\.text)).joined(separator: " ")
            let words = WordToCheck.words(in: text, glossary: site.glossary, hardWords: hard) {
                site.assetPath(for: $0, from: "")
            }
            return Entry(page: reviewable, state: reviews.states[page.path] ?? .neverReviewed, earlier: earlier,
                         changes: earlier.flatMap { ReviewState.changes(since: $0, in: reviewable) },
                         findings: findings, words: words)
        }
    }

    // MARK: Values for the templates

    private func common(_ title: String, printed: String? = nil) -> [String: Any] {
        ["lang": language, "documentTitle": "\(title) – review pack – \(siteTitle)", "siteTitle": siteTitle,
         "packDate": ["iso": date.iso, "long": date.long], "indexHref": "index.html",
         "printTitle": CSSString.quoted(printed ?? "\(title): review, \(date.long)")]
    }

    /// `review-index`: the pages, how many points each has, and what is new or changed.
    public func indexValues() -> [String: Any] {
        var values = common("Pages to check", printed: "Review pack, \(date.long)")
        values["documentTitle"] = "Review pack \(date.long) – \(siteTitle)"
        values["pages"] = entries.map { entry -> [String: Any] in
            var row: [String: Any] = [
                "title": entry.page.title, "path": entry.page.path, "href": entry.fileName,
                "facilitatorHref": entry.facilitatorFileName, "pointCount": entry.page.points.count,
                "isDraft": entry.page.isDraft,
            ]
            if let earlier = entry.earlier {
                row["since"] = "Since \(earlier.group) checked it on \(earlier.date.long): "
                    + (entry.changes?.summary ?? "nothing new or changed") + "."
            } else {
                row["since"] = "Not checked before."
            }
            return row
        }
        return values
    }

    /// `review-page`: the page as the group checks it, point by point.
    public func pageValues(_ entry: Entry) -> [String: Any] {
        var values = common(entry.page.title)
        var remaining = entry.findings
        var blocks: [[String: Any]] = []
        for block in entry.page.blocks {
            switch block {
            case .heading(let level, let text):
                blocks.append(["heading": ["text": text, "isH2": level <= 2, "isH3": level == 3, "isH4": level >= 4]])
            case .point(let point):
                // A finding goes beside the last point that contains it, so a list item's own findings are not
                // shown on the list item that holds it.
                let mine = remaining.filter { finding in
                    let place = SourcePosition(line: finding.line, column: finding.column)
                    guard point.contains(place) else { return false }
                    return !entry.page.points.contains { $0.number > point.number && $0.contains(place) }
                }
                remaining.removeAll { finding in mine.contains(finding) }
                var values: [String: Any] = [
                    "number": point.number, "hash": point.hash, "wordsHTML": point.wordsHTML,
                    "findings": mine.map(findingValues), "hasFindings": !mine.isEmpty,
                ]
                if let picture = point.picture {
                    var pictureValues: [String: Any] = ["alt": picture.alt]
                    if let path = picture.contentPath { pictureValues["src"] = Self.pictureFolder + path }
                    values["picture"] = pictureValues
                }
                if let change = entry.changes?.changes[point.number] {
                    values["badge"] = ["label": change.rawValue, "isNew": change == .new]
                }
                blocks.append(["point": values])
            }
        }
        values["title"] = entry.page.title
        values["summary"] = entry.page.summary
        values["path"] = entry.page.path
        values["hash"] = entry.page.hash
        values["blocks"] = blocks
        values["pointCount"] = entry.page.points.count
        values["pageFindings"] = remaining.map(findingValues)
        values["hasPageFindings"] = !remaining.isEmpty
        values["words"] = entry.words.map(wordValues)
        values["hasWords"] = !entry.words.isEmpty
        values["facilitatorHref"] = entry.facilitatorFileName
        values["groups"] = groups.map { ["name": $0.name] }
        values["hasGroups"] = !groups.isEmpty
        values["changeSummary"] = entry.changes?.summary
        return values
    }

    /// `review-facilitator`: the facilitator's sheet, in standard English.
    public func facilitatorValues(_ entry: Entry) -> [String: Any] {
        var values = common("Facilitator's sheet: \(entry.page.title)", printed: "Facilitator's sheet: \(entry.page.title)")
        values["title"] = entry.page.title
        values["path"] = entry.page.path
        values["hash"] = entry.page.hash
        values["reviewHref"] = entry.fileName
        values["reviewFile"] = ReviewBook.filePath(forSlug: entry.page.slug)
        values["pointCount"] = entry.page.points.count
        values["points"] = entry.page.points.map { point -> [String: Any] in
            var row: [String: Any] = ["number": point.number, "hash": point.hash, "text": point.text]
            if let change = entry.changes?.changes[point.number] { row["change"] = change.rawValue }
            return row
        }
        values["findings"] = entry.findings.map { finding -> [String: Any] in
            ["place": "Line \(finding.line)", "level": finding.level.rawValue, "message": finding.message,
             "suggestion": finding.suggestion ?? "", "rule": finding.rule ?? ""]
        }
        values["hasFindings"] = !entry.findings.isEmpty
        values["state"] = stateDescription(entry.state)
        values["changeSummary"] = entry.earlier.map { earlier in
            "Since \(earlier.group) checked it on \(earlier.date.long): " + (entry.changes?.summary ?? "nothing new or changed") + "."
        }
        values["paperTemplate"] = paperTemplate(entry)
        return values
    }

    private func stateDescription(_ state: ReviewState) -> String {
        switch state {
        case .signedOff(let signOff): "\(signOff.line). This version is approved."
        case .stale(let session, _): "\(session.group) approved an earlier version on \(session.date.long); the page has changed since."
        case .notApproved(let session): "\(session.group) last checked it on \(session.date.long): \(session.outcome.rawValue)."
        case .neverReviewed: "No group has checked this page yet."
        }
    }

    /// A review file to fill in by hand after a paper session, with the page's version and every point's hash.
    private func paperTemplate(_ entry: Entry) -> String {
        var lines = [
            "page: \(ReviewYAML.quoted(entry.page.path))",
            "sessions:",
            "  - date: \(date.iso)",
            "    group: \(ReviewYAML.quoted(groups.first?.name ?? "Your group's name from review_groups"))",
            "    facilitator: \"\"",
            "    hash: \(entry.page.hash)",
            "    outcome: not-finished",
            "    points:",
        ]
        for point in entry.page.points {
            lines += ["      - point: \(point.number)", "        hash: \(point.hash)", "        understand: 0",
                      "        do_not_understand: 0", "        change_picture: 0", "        notes: \"\""]
        }
        return lines.joined(separator: "\n")
    }

    private func findingValues(_ finding: Diagnostic) -> [String: Any] {
        let easy = EasyFinding(finding)
        return ["text": easy.text, "isLong": easy.kind == .long, "isWord": easy.kind == .word,
                "isPicture": easy.kind == .picture, "isOther": easy.kind == .other]
    }

    private func wordValues(_ word: WordToCheck) -> [String: Any] {
        var values: [String: Any] = ["word": word.word]
        if let meaning = word.meaning { values["meaning"] = meaning }
        if let picture = word.picture { values["picture"] = Self.pictureFolder + picture }
        return values
    }
}
