import SiteModel

/// `Content/guides/<name>.yml`: a question guide ("smart answer") written as content. Signpost turns it into a start
/// page, one page per question and one per outcome, with an easy-read version when the guide has `easy:` words.
/// See Docs/pages/guides.md for an example.
public struct GuideFile: Sendable, Decodable {
    public var title: String
    public var summary: String
    /// A picture for the start page, as a path in the content folder or from the guides folder.
    public var picture: String?
    public var pictureAlt: String?
    /// Markdown shown on the start page, above the "Start now" link.
    public var start: String
    /// Where the guide comes in lists: lower first.
    public var order: Int?
    /// Easy-read words for the start page. A guide with them is published in easy read as well.
    public var easy: EasyGuideWords?
    /// The questions, the first of which is asked first.
    public var questions: [GuideQuestion]
    public var outcomes: [GuideOutcome]

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case title, summary, picture, start, order, easy, questions, outcomes
        case pictureAlt = "picture_alt"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        picture = try container.decodeIfPresent(String.self, forKey: .picture)
        pictureAlt = try container.decodeIfPresent(String.self, forKey: .pictureAlt)
        order = try container.decodeIfPresent(Int.self, forKey: .order)
        easy = try container.decodeIfPresent(EasyGuideWords.self, forKey: .easy)
        let title = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .title).value }
        let summary = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .summary).value }
        let start = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .start).value }
        let questions = try decoder.collecting { try container.decode([GuideQuestion].self, forKey: .questions) }
        let outcomes = try decoder.collecting { try container.decode([GuideOutcome].self, forKey: .outcomes) }
        guard let title, let summary, let start, let questions, let outcomes else {
            throw decoder.stopAfterReportedProblems()
        }
        self.title = title
        self.summary = summary
        self.start = start
        self.questions = questions
        self.outcomes = outcomes
    }
}

/// The easy-read words of a guide's start page.
public struct EasyGuideWords: Sendable, Decodable {
    public var title: String
    public var summary: String
    public var start: String

    public enum CodingKeys: String, CodingKey, CaseIterable { case title, summary, start }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let title = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .title).value }
        let summary = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .summary).value }
        let start = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .start).value }
        guard let title, let summary, let start else { throw decoder.stopAfterReportedProblems() }
        self.title = title
        self.summary = summary
        self.start = start
    }
}

/// One question: its words, an optional hint and picture, and two or more answers.
public struct GuideQuestion: Sendable, Decodable {
    /// Names the question in `next:`: lowercase letters, digits and single hyphens.
    public var id: String
    public var question: String
    public var hint: String?
    public var picture: String?
    public var easy: EasyQuestionWords?
    public var answers: [GuideAnswer]

    public enum CodingKeys: String, CodingKey, CaseIterable { case id, question, hint, picture, easy, answers }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        hint = try container.decodeIfPresent(String.self, forKey: .hint)
        picture = try container.decodeIfPresent(String.self, forKey: .picture)
        easy = try container.decodeIfPresent(EasyQuestionWords.self, forKey: .easy)
        let id = try decoder.collecting { try container.decode(GuideID.self, forKey: .id).value }
        let question = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .question).value }
        let answers = try decoder.collecting { try container.decode([GuideAnswer].self, forKey: .answers) }
        guard let id, let question, let answers else { throw decoder.stopAfterReportedProblems() }
        self.id = id
        self.question = question
        self.answers = answers
    }
}

/// The easy-read words of a question.
public struct EasyQuestionWords: Sendable, Decodable {
    public var question: String
    public var hint: String?

    public enum CodingKeys: String, CodingKey, CaseIterable { case question, hint }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        hint = try container.decodeIfPresent(String.self, forKey: .hint)
        guard let question = try decoder.collecting({ try container.decode(NonEmptyText.self, forKey: .question).value })
        else { throw decoder.stopAfterReportedProblems() }
        self.question = question
    }
}

/// One answer: a large link with words and an optional picture, leading to the question or outcome `next:` names.
public struct GuideAnswer: Sendable, Decodable {
    public var label: String
    public var picture: String?
    /// The id of a question or an outcome.
    public var next: String
    /// The answer's words in easy read.
    public var easy: String?

    public enum CodingKeys: String, CodingKey, CaseIterable { case label, picture, next, easy }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        picture = try container.decodeIfPresent(String.self, forKey: .picture)
        easy = try container.decodeIfPresent(String.self, forKey: .easy)
        let label = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .label).value }
        let next = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .next).value }
        guard let label, let next else { throw decoder.stopAfterReportedProblems() }
        self.label = label
        self.next = next
    }
}

/// Where a path ends: what the answers mean, what to do next and who to contact.
public struct GuideOutcome: Sendable, Decodable {
    public var id: String
    public var title: String
    /// Markdown.
    public var body: String
    public var picture: String?
    public var easy: EasyOutcomeWords?
    /// Which services to list, as a page's `services:` does.
    public var services: ServiceQuery?
    /// Pages to read next.
    public var links: [GuideLink]

    public enum CodingKeys: String, CodingKey, CaseIterable { case id, title, body, picture, easy, services, links }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        picture = try container.decodeIfPresent(String.self, forKey: .picture)
        easy = try container.decodeIfPresent(EasyOutcomeWords.self, forKey: .easy)
        services = try container.decodeIfPresent(ServiceQuery.self, forKey: .services)
        links = try container.decodeIfPresent([GuideLink].self, forKey: .links) ?? []
        let id = try decoder.collecting { try container.decode(GuideID.self, forKey: .id).value }
        let title = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .title).value }
        let body = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .body).value }
        guard let id, let title, let body else { throw decoder.stopAfterReportedProblems() }
        self.id = id
        self.title = title
        self.body = body
    }
}

/// The easy-read words of an outcome.
public struct EasyOutcomeWords: Sendable, Decodable {
    public var title: String
    public var body: String

    public enum CodingKeys: String, CodingKey, CaseIterable { case title, body }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let title = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .title).value }
        let body = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .body).value }
        guard let title, let body else { throw decoder.stopAfterReportedProblems() }
        self.title = title
        self.body = body
    }
}

/// A link from an outcome to a page of the site: the page's path in the content folder, and words for the link
/// (the page's title when left out).
public struct GuideLink: Sendable, Decodable {
    public var page: String
    public var label: String?

    public enum CodingKeys: String, CodingKey, CaseIterable { case page, label }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        label = try container.decodeIfPresent(String.self, forKey: .label)
        guard let page = try decoder.collecting({ try container.decode(NonEmptyText.self, forKey: .page).value })
        else { throw decoder.stopAfterReportedProblems() }
        self.page = page
    }
}

/// A question's or outcome's id: it becomes part of page addresses, so it keeps to lowercase letters, digits and
/// single hyphens, and is not `index`.
struct GuideID: Decodable {
    let value: String

    init(from decoder: Decoder) throws {
        value = try decoder.checkedValue(Self.isValid) {
            "should be made of lowercase letters, digits and single hyphens, such as `is-it-an-emergency`, not `\($0)`."
                + ($0 == "index" ? " `index` is the start page's name." : "")
        }
    }

    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id != "index" && id.utf8.count <= 80 && !id.hasPrefix("-") && !id.hasSuffix("-")
            && !id.contains("--") && id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }
}
