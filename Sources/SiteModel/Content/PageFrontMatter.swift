/// Whether a page is written for everyone or in easy read.
public enum PageFormat: String, Sendable, Codable, CaseIterable {
    case standard
    case easyRead = "easy-read"
}

/// Whether a page is published or still being written.
public enum PageStatus: String, Sendable, Codable, CaseIterable {
    case draft, published
}

/// The front matter of a page: the YAML between the `---` lines at the top of a Markdown file.
public struct PageFrontMatter: Sendable, Codable, Equatable {
    /// The page's heading and the first part of its `<title>`. Required.
    public var title: String
    /// One or two sentences, used in lists and as the meta description. Required.
    public var summary: String
    public var format: PageFormat
    /// The page's address, for example `short-breaks` for `/short-breaks/`. Defaults to the file's path.
    public var slug: String?
    /// Where the page comes in lists: lower first.
    public var order: Int?
    /// A picture shown beside the page's heading.
    public var picture: String?
    /// Words for the picture, for people who can't see it. Leave out when the picture only decorates.
    public var pictureAlt: String?
    /// When the page's content last changed.
    public var updated: CalendarDate?
    public var status: PageStatus
    /// For an easy-read page: the standard page it is the easy-read version of, as a path in the content folder.
    public var easyReadOf: String?
    /// For a page that lists services: which ones (see the service directory).
    public var services: ServiceQuery?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case title, summary, format, slug, order, picture, updated, status, services
        case pictureAlt = "picture_alt"
        case easyReadOf = "easy_read_of"
    }

    public init(title: String, summary: String, format: PageFormat = .standard, slug: String? = nil,
                order: Int? = nil, picture: String? = nil, pictureAlt: String? = nil, updated: CalendarDate? = nil,
                status: PageStatus = .published, easyReadOf: String? = nil, services: ServiceQuery? = nil) {
        self.title = title
        self.summary = summary
        self.format = format
        self.slug = slug
        self.order = order
        self.picture = picture
        self.pictureAlt = pictureAlt
        self.updated = updated
        self.status = status
        self.easyReadOf = easyReadOf
        self.services = services
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // Optional values first: a wrong one is reported and decoding goes on to find the rest.
        format = try container.decodeIfPresent(PageFormat.self, forKey: .format) ?? .standard
        slug = try container.decodeIfPresent(String.self, forKey: .slug)
        order = try container.decodeIfPresent(Int.self, forKey: .order)
        picture = try container.decodeIfPresent(String.self, forKey: .picture)
        pictureAlt = try container.decodeIfPresent(String.self, forKey: .pictureAlt)
        updated = try container.decodeIfPresent(CalendarDate.self, forKey: .updated)
        status = try container.decodeIfPresent(PageStatus.self, forKey: .status) ?? .published
        easyReadOf = try container.decodeIfPresent(String.self, forKey: .easyReadOf)
        services = try container.decodeIfPresent(ServiceQuery.self, forKey: .services)
        let title = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .title).value }
        let summary = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .summary).value }
        guard let title, let summary else { throw decoder.stopAfterReportedProblems() }
        self.title = title
        self.summary = summary
    }
}

/// Which services a page lists, for example every emergency service.
public struct ServiceQuery: Sendable, Codable, Hashable {
    public var breakType: String?
    public var area: String?
    public var emergency: Bool?
    public var overnight: Bool?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case area, emergency, overnight
        case breakType = "break_type"
    }

    public init(breakType: String? = nil, area: String? = nil, emergency: Bool? = nil, overnight: Bool? = nil) {
        self.breakType = breakType
        self.area = area
        self.emergency = emergency
        self.overnight = overnight
    }
}
