import EasyReadChecker
import Foundation
import Review
import SiteBuilder
import SiteModel
import Testing

/// Self-advocacy group review: points, versions, review files, sign-off, `review-stale`, import and status.
@Suite("Reviews by self-advocacy groups")
struct ReviewTests {
    static let config = """
    title: Test Site
    contact:
      phone: "0116 496 0999"
    review_groups:
      - name: Speak Up Leicester
        url: https://speakup.example.org
    """

    static let body = """
    ![A sun](../pictures/sun.svg) A short break is time off from caring.

    ## Kinds of break

    ![A bed](../pictures/bed.svg) You can stay in a short break home.

    - ![A house](../pictures/house.svg) You can stay with a carer.
    - A support worker can come to your home.

    ![A tick](../pictures/tick.svg) Ask the council.
    """

    static func easyPage(_ body: String = body) -> String {
        pageFile("title: Short breaks\nsummary: Time off from caring.\nformat: easy-read\neasy_read_of: pages/breaks.md", body)
    }

    static func files(body: String = body, review: String? = nil, extra: [String: String] = [:]) -> [String: String] {
        var files: [String: String] = [
            "site.yml": config,
            "pages/breaks.md": pageFile("title: Breaks\nsummary: About breaks.", "Breaks give carers time off."),
            "easy-read/breaks.md": easyPage(body),
        ]
        for name in ["sun", "bed", "house", "tick"] { files["pictures/\(name).svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>" }
        if let review { files["reviews/easy-read/breaks.yml"] = review }
        return files.merging(extra) { $1 }
    }

    static func load(_ files: [String: String]) throws -> (Site, SiteReviews, [Diagnostic]) {
        var all = files
        if all["index.md"] == nil { all["index.md"] = pageFile("title: Home\nsummary: The home page.") }
        let loaded = try ContentLoader(includeDrafts: true).load(from: MemoryContentSource(all))
        let site = try #require(loaded.site, "\(loaded.diagnostics.map(\.formatted))")
        let (reviews, problems) = SiteReviews.load(site: site, everyPage: true)
        return (site, reviews, loaded.diagnostics + problems)
    }

    static func reviewable(_ body: String = body) throws -> ReviewablePage {
        let (site, reviews, _) = try load(files(body: body))
        let path = try #require(site.page(at: "easy-read/breaks.md")).path
        return try #require(reviews.pages[path])
    }

    /// A review file with one session for `page`, answers for every point, as `signpost review import` writes it.
    static func reviewFile(for page: ReviewablePage, outcome: String = "approved", group: String = "Speak Up Leicester",
                           date: String = "2026-11-03") -> String {
        var lines = ["page: easy-read/breaks.md", "sessions:", "  - date: \(date)", "    group: \(group)",
                     "    hash: \(page.hash)", "    outcome: \(outcome)", "    points:"]
        for point in page.points {
            lines += ["      - point: \(point.number)", "        hash: \(point.hash)", "        understand: 5"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Points and versions

    @Test func everyParagraphListItemAndPictureRowIsANumberedPointInOrder() throws {
        let page = try Self.reviewable()
        #expect(page.points.map(\.number) == [1, 2, 3, 4, 5])
        #expect(page.points.map(\.text) == ["A short break is time off from caring.", "You can stay in a short break home.",
                                            "You can stay with a carer.", "A support worker can come to your home.",
                                            "Ask the council."])
        #expect(page.points.map { $0.picture?.alt } == ["A sun", "A bed", "A house", nil, "A tick"])
        #expect(page.points[0].picture?.contentPath == "pictures/sun.svg")
        // The heading stays in its place between the points, so the group keeps its bearings.
        guard case .heading(2, "Kinds of break") = page.blocks[1] else {
            Issue.record("the heading is not the second block: \(page.blocks[1])")
            return
        }
        // The picture is shown beside the words, not inside them.
        #expect(!page.points[0].wordsHTML.contains("<img"))
    }

    @Test func theVersionChangesWithTheWordsAndOnlyTheChangedPointsHashChanges() throws {
        let before = try Self.reviewable()
        let after = try Self.reviewable(Self.body.replacingOccurrences(of: "Ask the council.", with: "Ask the council for help."))
        #expect(ReviewablePage.isPageHash(before.hash))
        #expect(before.points.allSatisfy { ReviewablePage.isPointHash($0.hash) })
        #expect(before.hash != after.hash)
        #expect(zip(before.points, after.points).filter { $0.hash != $1.hash }.map(\.0.number) == [5])
        // Windows line endings and a trailing blank line are not a change a reader could see.
        let crlf = try Self.reviewable(Self.body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n\r\n")
        #expect(crlf.hash == before.hash)
    }

    @Test func changesAreToldApartFromNewPoints() {
        let changes = PointChanges(earlier: ["a", "b", "c"], now: ["a", "B", "c", "d"])
        #expect(changes.changes == [2: .changed, 4: .new])
        #expect(changes.summary == "1 new point, 1 changed")
        let inserted = PointChanges(earlier: ["a", "b"], now: ["a", "x", "y", "b"])
        #expect(inserted.changes == [2: .new, 3: .new])
        let removed = PointChanges(earlier: ["a", "b", "c"], now: ["a", "c"])
        #expect(removed.count == 0 && removed.removedCount == 1)
    }

    // MARK: Review files

    func problems(_ review: String) throws -> [Diagnostic] {
        try Self.load(Self.files(review: review)).2.filter { $0.file == "reviews/easy-read/breaks.yml" }
    }

    @Test func anUnknownGroupIsAnErrorAtItsLineWithASuggestion() throws {
        let page = try Self.reviewable()
        let found = try problems(Self.reviewFile(for: page, group: "Speak Up Leicster"))
        #expect(found.count == 1)
        #expect(found.first?.line == 4 && found.first?.column == 5)
        #expect(found.first?.message == "`Speak Up Leicster` is not one of the site's review groups. Did you mean `Speak Up Leicester`?")
    }

    @Test func aWrongHashFormatIsAnErrorAtItsLine() throws {
        let page = try Self.reviewable()
        let text = Self.reviewFile(for: page).replacingOccurrences(of: page.hash, with: "abc123")
        let found = try problems(text)
        #expect(found.count == 1)
        #expect(found.first?.line == 5 && found.first?.column == 11)
        #expect(found.first?.message.contains("`sessions[0].hash` should be the page's version: 64 letters and digits") == true)
        let shortPoint = Self.reviewFile(for: page).replacingOccurrences(of: page.points[1].hash, with: "XYZ")
        let pointProblem = try #require(try problems(shortPoint).first)
        #expect(pointProblem.message.contains("`sessions[0].points[1].hash` should be the point's hash"))
    }

    @Test func aPointThePageDoesNotHaveIsAnErrorAtItsLine() throws {
        let page = try Self.reviewable()
        let text = Self.reviewFile(for: page) + "      - point: 9\n        understand: 1\n"
        let found = try problems(text)
        #expect(found.count == 1)
        #expect(found.first?.message == "The page has no point 9: it has 5 points.")
        #expect(found.first?.line == text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("point: 9") }! + 1)
        #expect(found.first?.column == 9)
    }

    @Test func aMisspeltOutcomeIsAnErrorWithASuggestion() throws {
        let page = try Self.reviewable()
        let found = try problems(Self.reviewFile(for: page, outcome: "aproved"))
        #expect(found.count == 1)
        #expect(found.first?.line == 6 && found.first?.column == 14)
        #expect(found.first?.message == "`sessions[0].outcome` can't be `aproved`. Use one of: approved, changes-needed, not-finished. Did you mean `approved`?")
    }

    @Test func reviewFilesAreNeverPublishedNorReportedAsUnpublished() throws {
        let page = try Self.reviewable()
        let result = try buildInMemory(Self.files(review: Self.reviewFile(for: page)), checker: ReviewStep())
        #expect(result.errors.isEmpty, "\(result.errors.map(\.formatted))")
        #expect(!result.files.keys.contains { $0.hasPrefix("reviews/") })
        #expect(result.site?.unpublished.isEmpty == true)
        #expect(!result.diagnostics.contains { $0.file.hasPrefix("reviews/") })
    }

    // MARK: Sign-off and review-stale

    @Test func anApprovedCurrentPageShowsCheckedByOnBothVersions() throws {
        let page = try Self.reviewable()
        let result = try buildInMemory(Self.files(review: Self.reviewFile(for: page)), checker: ReviewStep())
        for file in ["easy-read/breaks/index.html", "breaks/index.html"] {
            let html = try #require(result.html(file))
            #expect(html.contains(#"Checked by <a href="https://speakup.example.org">Speak Up Leicester</a> on <time datetime="2026-11-03">3 November 2026</time>"#), "\(file)")
        }
        #expect(!result.diagnostics.contains { $0.rule == "review-stale" })
    }

    @Test func changingOnePointRemovesTheLineAndRaisesReviewStaleNamingTheCount() throws {
        let page = try Self.reviewable()
        let changed = Self.body.replacingOccurrences(of: "Ask the council.", with: "Ask the council for help.")
        let result = try buildInMemory(Self.files(body: changed, review: Self.reviewFile(for: page)), checker: ReviewStep())
        #expect(result.html("easy-read/breaks/index.html")?.contains("Checked by") == false)
        #expect(result.html("breaks/index.html")?.contains("Checked by") == false)
        let stale = try #require(result.diagnostics.first { $0.rule == "review-stale" })
        #expect(stale.file == "easy-read/breaks.md" && stale.line == 1 && stale.level == .warning)
        #expect(stale.message == "This page changed after Speak Up Leicester checked it on 3 November 2026. 1 point is new or changed.")
        // The next pack marks exactly that point as "Changed".
        let (site, reviews, _) = try Self.load(Self.files(body: changed, review: Self.reviewFile(for: page)))
        let pack = ReviewPack(site: site, reviews: reviews, pages: [site.page(at: "easy-read/breaks.md")!],
                              checker: EasyReadChecker.forSite(site).checker, date: CalendarDate(iso: "2026-11-20")!)
        #expect(pack.entries[0].changes?.changes == [5: .changed])
    }

    @Test func reviewStaleCanBeAnErrorAndReviewMissingIsOffUntilTurnedOn() throws {
        let page = try Self.reviewable()
        let strictConfig = Self.config + "\nchecks:\n  easy-read:\n    review-stale: error\n    review-missing: warning\n"
        let changed = Self.body.replacingOccurrences(of: "Ask the council.", with: "Ask.")
        var files = Self.files(body: changed, review: Self.reviewFile(for: page))
        files["site.yml"] = strictConfig
        let result = try buildInMemory(files, checker: ReviewStep())
        #expect(result.errors.contains { $0.rule == "review-stale" })
        let unreviewed = try buildInMemory(Self.files().merging(["site.yml": strictConfig]) { $1 }, checker: ReviewStep())
        #expect(unreviewed.diagnostics.contains { $0.rule == "review-missing" && $0.file == "easy-read/breaks.md" })
        let byDefault = try buildInMemory(Self.files(), checker: ReviewStep())
        #expect(!byDefault.diagnostics.contains { $0.rule == "review-missing" })
    }

    // MARK: Import and status

    func savedAnswers(_ page: ReviewablePage, date: String, outcome: String?, notes: String = "") -> Data {
        let points = page.points.map { point -> [String: Any] in
            ["point": point.number, "hash": point.hash, "understand": 4, "do_not_understand": point.number == 2 ? 1 : 0,
             "change_picture": 0, "notes": point.number == 2 ? notes : ""]
        }
        var object: [String: Any] = ["page": "easy-read/breaks.md", "hash": page.hash, "group": "Speak Up Leicester",
                                     "date": date, "facilitator": "Sam", "points": points]
        if let outcome { object["outcome"] = outcome }
        return try! JSONSerialization.data(withJSONObject: object)
    }

    @Test func importKeepsEveryEarlierSessionNewestLast() throws {
        let page = try Self.reviewable()
        let (site, reviews, _) = try Self.load(Self.files(review: Self.reviewFile(for: page, outcome: "changes-needed", date: "2026-10-01")))
        let notes = "Say \"assessment\" in easy words.\nUse a picture: ok?"
        guard case .write(let path, let text, _) = ReviewImport.merge(savedAnswers(page, date: "2026-11-03", outcome: nil, notes: notes),
                                                                     site: site, reviews: reviews) else {
            Issue.record("the answers were not imported")
            return
        }
        #expect(path == "reviews/easy-read/breaks.yml")
        // The written file reads back through the same decoding as a hand-written one, with nothing lost.
        let (_, again, problems) = try Self.load(Self.files(review: text))
        #expect(problems.filter { $0.file.hasPrefix("reviews/") }.isEmpty, "\(problems.map(\.formatted))")
        let sessions = try #require(again.book.review(for: "easy-read/breaks.md")?.sessions)
        #expect(sessions.map(\.date.iso) == ["2026-10-01", "2026-11-03"])
        #expect(sessions.map(\.outcome) == [.changesNeeded, .notFinished])
        #expect(sessions[1].points.first { $0.point == 2 }?.notes == notes)
        #expect(sessions[1].points.first { $0.point == 2 }?.doNotUnderstand == 1)
        #expect(sessions[1].facilitator == "Sam")
        // The same answers again add nothing.
        guard case .alreadyThere = ReviewImport.merge(savedAnswers(page, date: "2026-11-03", outcome: nil, notes: notes),
                                                      site: site, reviews: again) else {
            Issue.record("importing the same answers twice added a session")
            return
        }
    }

    @Test func importRefusesAnUnknownGroupAndAMisspeltOutcome() throws {
        let page = try Self.reviewable()
        let (site, reviews, _) = try Self.load(Self.files())
        guard case .failed(let problems) = ReviewImport.merge(savedAnswers(page, date: "2026-11-03", outcome: "aproved"),
                                                              site: site, reviews: reviews) else {
            Issue.record("a misspelt outcome was imported")
            return
        }
        #expect(problems.contains { $0.contains("Did you mean `approved`?") })
    }

    @Test func importRefusesAnswersForAPointThePageDoesNotHaveAtItsJSONPath() throws {
        let page = try Self.reviewable()
        let (site, reviews, _) = try Self.load(Self.files())
        for number in [9999, Int.max] {
            var object = try #require(try JSONSerialization.jsonObject(with: savedAnswers(page, date: "2026-11-03", outcome: "approved")) as? [String: Any])
            var points = try #require(object["points"] as? [[String: Any]])
            points[1]["point"] = number
            object["points"] = points
            let data = try JSONSerialization.data(withJSONObject: object)
            guard case .failed(let problems) = ReviewImport.merge(data, site: site, reviews: reviews) else {
                Issue.record("answers for point \(number) were imported, and the build would then stop on the review file")
                continue
            }
            #expect(problems.contains { $0.hasPrefix("$.points[1].point: The page has no point \(number): it has \(page.points.count) points.") },
                    "\(problems)")
        }
    }

    @Test func importRefusesAnAnswersFileOverOneMegabyte() throws {
        let page = try Self.reviewable()
        let (site, reviews, _) = try Self.load(Self.files())
        let huge = savedAnswers(page, date: "2026-11-03", outcome: "approved", notes: String(repeating: "a", count: 2_000_000))
        guard case .failed(let problems) = ReviewImport.merge(huge, site: site, reviews: reviews) else {
            Issue.record("a 2 MB answers file was imported")
            return
        }
        #expect(problems.contains { $0.contains("the largest that can be imported is 1 MB") })
    }

    @Test func statusAsJSONSaysWhichPagesAreCheckedStaleOrUnreviewed() throws {
        let page = try Self.reviewable()
        let changed = Self.body.replacingOccurrences(of: "Ask the council.", with: "Ask.")
        let (site, reviews, _) = try Self.load(Self.files(body: changed, review: Self.reviewFile(for: page)))
        let json = ReviewStatusRow.json(ReviewStatusRow.rows(site: site, reviews: reviews)).serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(object["pages"] as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows[0]["page"] as? String == "easy-read/breaks.md")
        #expect(rows[0]["stale"] as? Bool == true)
        #expect(rows[0]["signedOff"] as? Bool == false)
        #expect(rows[0]["changedPoints"] as? Int == 1)
        #expect(rows[0]["group"] as? String == "Speak Up Leicester")
        #expect(rows[0]["lastSession"] as? String == "2026-11-03")
        #expect((object["summary"] as? [String: Any])?["stale"] as? Int == 1)
    }

    @Test func findingsAreSaidInEasyWordsBesideTheirPoint() throws {
        let body = Self.body.replacingOccurrences(of: "You can stay in a short break home.",
                                                  with: "You can stay in a short break home if you meet the eligibility rules.")
        let (site, reviews, _) = try Self.load(Self.files(body: body))
        let pack = ReviewPack(site: site, reviews: reviews, pages: [site.page(at: "easy-read/breaks.md")!],
                              checker: EasyReadChecker.forSite(site).checker, date: CalendarDate(iso: "2026-11-20")!)
        let values = pack.pageValues(pack.entries[0])
        let points = (values["blocks"] as? [[String: Any]] ?? []).compactMap { $0["point"] as? [String: Any] }
        let second = try #require(points.first { $0["number"] as? Int == 2 })
        let texts = (second["findings"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(texts.contains("This word may be hard: eligibility"), "\(texts)")
        let others = points.filter { $0["number"] as? Int != 2 }.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }
        #expect(!others.contains { ($0["text"] as? String)?.contains("eligibility") == true })
    }
}

@Suite("The title printed on a review pack's sheets")
struct PrintedTitleTests {
    @Test func aTitleCanEndNeitherItsCSSStringNorTheStyleSheet() {
        let css = CSSString.quoted("Say \"hi\" \\ </style><script>alert(1)</script> & go\nnow")
        #expect(css.hasPrefix("\"") && css.hasSuffix("\""))
        let inside = css.dropFirst().dropLast()
        #expect(!inside.contains("\"") && !inside.contains("<") && !inside.contains(">") && !inside.contains("&"))
        #expect(!inside.contains("\n"))
        // Every backslash starts an escape: none is left to escape the closing quote.
        #expect(inside.components(separatedBy: "\\").dropFirst().allSatisfy { $0.first?.isHexDigit == true })
        #expect(CSSString.quoted("Cael ✓ ગુજરાતી") == "\"Cael ✓ ગુજરાતી\"")
    }
}
