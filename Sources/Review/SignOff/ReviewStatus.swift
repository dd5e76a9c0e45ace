import SiteModel

/// One row of `signpost review status`: where an easy-read page stands with the groups that check it.
public struct ReviewStatusRow: Sendable {
    public let page: String
    public let title: String
    public let isDraft: Bool
    /// The newest session, when there is one.
    public let last: ReviewSession?
    public let isSignedOff: Bool
    public let isStale: Bool
    /// How many points are new or changed since the approval, for a stale page whose session recorded its points.
    public let changedPoints: Int?
    /// Points that someone in the newest session did not understand.
    public let notUnderstood: Int
    /// Notes in any session that the writers have not marked `dealt_with: true`.
    public let openNotes: Int

    /// Neither approved as it is now nor stale: never checked, or the newest session did not approve it.
    public var isUnreviewed: Bool { !isSignedOff && !isStale }

    /// A row for every easy-read page of `site`, drafts included, in the site's order.
    public static func rows(site: Site, reviews: SiteReviews) -> [ReviewStatusRow] {
        site.pages.filter(\.isEasyRead).map { page in
            let review = reviews.book.review(for: page.path)
            let state = reviews.states[page.path] ?? .neverReviewed
            var changed: Int?
            if case .stale(_, let changes) = state { changed = changes?.count }
            let last = review?.newest
            return ReviewStatusRow(
                page: page.path, title: page.title, isDraft: page.frontMatter.status == .draft, last: last,
                isSignedOff: state.signOff != nil, isStale: state.isStale, changedPoints: changed,
                notUnderstood: last?.points.filter { $0.doNotUnderstand > 0 }.count ?? 0,
                openNotes: review?.sessions.reduce(0) { $0 + $1.points.filter(\.hasOpenNotes).count } ?? 0)
        }
    }

    public var json: JSONValue {
        .object([
            ("page", .string(page)),
            ("title", .string(title)),
            ("draft", .bool(isDraft)),
            ("lastSession", last.map { .string($0.date.iso) } ?? .null),
            ("group", last.map { .string($0.group) } ?? .null),
            ("outcome", last.map { .string($0.outcome.rawValue) } ?? .null),
            ("signedOff", .bool(isSignedOff)),
            ("stale", .bool(isStale)),
            ("changedPoints", changedPoints.map { .integer($0) } ?? .null),
            ("notUnderstood", .integer(notUnderstood)),
            ("openNotes", .integer(openNotes)),
        ])
    }

    /// The whole status as JSON, for dashboards.
    public static func json(_ rows: [ReviewStatusRow]) -> JSONValue {
        .object([
            ("pages", .array(rows.map(\.json))),
            ("summary", .object([
                ("pages", .integer(rows.count)),
                ("signedOff", .integer(rows.filter(\.isSignedOff).count)),
                ("stale", .integer(rows.filter(\.isStale).count)),
                ("unreviewed", .integer(rows.filter(\.isUnreviewed).count)),
            ])),
        ])
    }

    /// The rows as a table of plain text, columns lined up.
    public static func table(_ rows: [ReviewStatusRow]) -> String {
        var lines: [[String]] = [["Page", "Last session", "Group", "Outcome", "Stale", "Not understood", "Open notes"]]
        for row in rows {
            let stale = row.isStale ? (row.changedPoints.map { "yes (\($0) point\($0 == 1 ? "" : "s"))" } ?? "yes") : (row.last == nil ? "-" : "no")
            lines.append([row.page + (row.isDraft ? " (draft)" : ""), row.last?.date.iso ?? "never",
                          row.last?.group ?? "-", row.last?.outcome.rawValue ?? "-", stale,
                          String(row.notUnderstood), String(row.openNotes)])
        }
        var widths = [Int](repeating: 0, count: lines[0].count)
        for line in lines { for (index, cell) in line.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return lines.map { line in
            line.enumerated().map { index, cell in
                index == line.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
