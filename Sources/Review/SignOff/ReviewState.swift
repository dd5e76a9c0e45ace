import SiteModel

/// Where an easy-read page stands with the groups that check it.
public enum ReviewState: Sendable {
    /// The newest session approved the page as it is now: the site shows "Checked by".
    case signedOff(SignOff)
    /// The newest session approved the page, and its words have changed since. `changes` is nil when the session did
    /// not record its points' hashes (a paper session, say), so which points changed is not known.
    case stale(ReviewSession, changes: PointChanges?)
    /// The newest session did not approve the page (changes needed, or not finished).
    case notApproved(ReviewSession)
    /// No group has checked the page.
    case neverReviewed

    /// Works out a page's state from its review file.
    public init(page: ReviewablePage, review: ReviewFile?, groups: [SiteConfig.ReviewGroup]) {
        guard let newest = review?.newest else {
            self = .neverReviewed
            return
        }
        guard newest.outcome == .approved else {
            self = .notApproved(newest)
            return
        }
        if newest.hash == page.hash {
            let url = groups.first { $0.name == newest.group }?.url
            self = .signedOff(SignOff(group: newest.group, groupURL: url, date: newest.date))
        } else {
            self = .stale(newest, changes: Self.changes(since: newest, in: page))
        }
    }

    /// The points new or changed since `session`, when it recorded every point's hash.
    public static func changes(since session: ReviewSession, in page: ReviewablePage) -> PointChanges? {
        let recorded = session.points.sorted { $0.point < $1.point }
        let hashes = recorded.compactMap(\.hash)
        guard !recorded.isEmpty, hashes.count == recorded.count,
              recorded.enumerated().allSatisfy({ $0.offset + 1 == $0.element.point }) else { return nil }
        return PointChanges(earlier: hashes, now: page.points.map(\.hash))
    }

    /// The sign-off, when the page has a current one.
    public var signOff: SignOff? {
        if case .signedOff(let signOff) = self { signOff } else { nil }
    }

    public var isStale: Bool {
        if case .stale = self { true } else { false }
    }
}

/// A group's approval of a page as it is now: what the "Checked by" line says.
public struct SignOff: Sendable, Hashable {
    public let group: String
    /// The group's web address, from `review_groups:`.
    public let groupURL: String?
    public let date: CalendarDate

    public init(group: String, groupURL: String? = nil, date: CalendarDate) {
        self.group = group
        self.groupURL = groupURL
        self.date = date
    }

    /// "Checked by Speak Up Leicester on 3 November 2026".
    public var line: String { "Checked by \(group) on \(date.long)" }
}
