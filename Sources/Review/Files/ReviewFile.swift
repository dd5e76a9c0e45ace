import SiteModel

/// `Content/reviews/<page-slug>.yml`: every review session a self-advocacy group held for one easy-read page,
/// oldest first. `signpost review import` writes it from the pack's saved answers; a facilitator can write it by hand
/// after a paper session. See the README for an example.
public struct ReviewFile: Sendable, Codable, Hashable {
    /// The easy-read page, as a path in the content folder, such as `easy-read/short-breaks.md`.
    public var page: String
    /// Sessions, oldest first; the newest is the last.
    public var sessions: [ReviewSession]

    public enum CodingKeys: String, CodingKey, CaseIterable { case page, sessions }

    public init(page: String, sessions: [ReviewSession] = []) {
        self.page = page
        self.sessions = sessions
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let sessions = try decoder.collecting { try container.decode([ReviewSession].self, forKey: .sessions) }
        let page = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .page).value }
        guard let page, let sessions else { throw decoder.stopAfterReportedProblems() }
        self.page = page
        self.sessions = sessions
    }

    /// The newest session: the latest date, and of sessions on one day the one written last.
    public var newest: ReviewSession? {
        sessions.indices.max { (sessions[$0].date, $0) < (sessions[$1].date, $1) }.map { sessions[$0] }
    }
}

/// How a session ended, chosen by the facilitator with the group.
public enum ReviewOutcome: String, Sendable, Codable, CaseIterable {
    /// The group understood the page and is happy for it to go out: the site shows "Checked by".
    case approved
    /// The group asked for changes.
    case changesNeeded = "changes-needed"
    /// The session stopped before the group went through every point.
    case notFinished = "not-finished"
}

/// One meeting of a group about one version of a page.
public struct ReviewSession: Sendable, Codable, Hashable {
    public var date: CalendarDate
    /// A group's name, exactly as `review_groups:` in site.yml gives it.
    public var group: String
    public var facilitator: String?
    /// The version of the page the group checked: see `ReviewablePage.version`.
    public var hash: String
    public var outcome: ReviewOutcome
    /// The answers for each point; the pack's saved answers list every point, a paper session may list fewer.
    public var points: [PointAnswers]

    public enum CodingKeys: String, CodingKey, CaseIterable { case date, group, facilitator, hash, outcome, points }

    public init(date: CalendarDate, group: String, facilitator: String? = nil, hash: String,
                outcome: ReviewOutcome = .notFinished, points: [PointAnswers] = []) {
        self.date = date
        self.group = group
        self.facilitator = facilitator
        self.hash = hash
        self.outcome = outcome
        self.points = points
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        facilitator = try container.decodeIfPresent(String.self, forKey: .facilitator)
        outcome = try container.decodeIfPresent(ReviewOutcome.self, forKey: .outcome) ?? .notFinished
        points = try container.decodeIfPresent([PointAnswers].self, forKey: .points) ?? []
        let date = try decoder.collecting { try container.decode(CalendarDate.self, forKey: .date) }
        let group = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .group).value }
        let hash = try decoder.collecting { try container.decode(PageHash.self, forKey: .hash).value }
        guard let date, let group, let hash else { throw decoder.stopAfterReportedProblems() }
        self.date = date
        self.group = group
        self.hash = hash
    }
}

/// What the group said about one point: how many people chose each answer, and the notes.
public struct PointAnswers: Sendable, Codable, Hashable {
    /// "Point 4" is `point: 4`.
    public var point: Int
    /// The point's hash in the version the group checked, so a later pack can tell which points changed.
    public var hash: String?
    /// How many people chose "I understand".
    public var understand: Int
    /// How many people chose "I do not understand".
    public var doNotUnderstand: Int
    /// How many people chose "Change the picture".
    public var changePicture: Int
    public var notes: String?
    /// Whether the writers have dealt with the notes, set by hand once they have.
    public var dealtWith: Bool

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case point, hash, understand, notes
        case doNotUnderstand = "do_not_understand"
        case changePicture = "change_picture"
        case dealtWith = "dealt_with"
    }

    public init(point: Int, hash: String? = nil, understand: Int = 0, doNotUnderstand: Int = 0, changePicture: Int = 0,
                notes: String? = nil, dealtWith: Bool = false) {
        self.point = point
        self.hash = hash
        self.understand = understand
        self.doNotUnderstand = doNotUnderstand
        self.changePicture = changePicture
        self.notes = notes
        self.dealtWith = dealtWith
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        hash = try container.decodeIfPresent(PointHash.self, forKey: .hash)?.value
        understand = try container.decodeIfPresent(Count.self, forKey: .understand)?.value ?? 0
        doNotUnderstand = try container.decodeIfPresent(Count.self, forKey: .doNotUnderstand)?.value ?? 0
        changePicture = try container.decodeIfPresent(Count.self, forKey: .changePicture)?.value ?? 0
        notes = try container.decodeIfPresent(String.self, forKey: .notes)
        dealtWith = try container.decodeIfPresent(Bool.self, forKey: .dealtWith) ?? false
        guard let point = try decoder.collecting({ try container.decode(PointNumber.self, forKey: .point).value })
        else { throw decoder.stopAfterReportedProblems() }
        self.point = point
    }

    /// Whether the point has notes the writers have not dealt with yet.
    public var hasOpenNotes: Bool {
        !dealtWith && !(notes ?? "").allSatisfy(\.isWhitespace)
    }
}
