import SiteModel

/// One short-break service: the front matter of a file under `Content/services/`. Field names follow Open Referral UK
/// where it has one, and are part of Signpost's interface.
public struct Service: Sendable, Codable {
    public var id: String
    public var name: String
    public var summary: String
    public var status: ServiceStatus
    public var organization: Organization?
    public var breakTypes: [BreakType]
    public var overnight: Bool
    public var emergency: Bool
    public var ages: Ages?
    public var areas: [String]
    public var eligibility: String?
    public var howToGetIt: String?
    public var costs: [Cost]
    public var healthSupport: [String]
    public var culture: [String]
    public var languages: [String]
    public var accessibility: [String]
    public var contact: Contact?
    public var location: Location?
    public var hours: [Hours]
    public var checked: CalendarDate?
    public var picture: String?
    public var easyReadSummary: String?
    /// The id a council's Open Referral feed gave the service, kept by `signpost import openreferral` so that the
    /// export gives the same id back and a later import finds the file again.
    public var openReferralID: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, summary, status, organization, overnight, emergency, ages, areas, eligibility, costs, culture
        case languages, accessibility, contact, location, hours, checked, picture
        case breakTypes = "break_types"
        case howToGetIt = "how_to_get_it"
        case healthSupport = "health_support"
        case easyReadSummary = "easy_read_summary"
        case openReferralID = "openreferral_id"
    }

    public init(id: String, name: String, summary: String, status: ServiceStatus = .active,
                organization: Organization? = nil, breakTypes: [BreakType] = [], overnight: Bool = false,
                emergency: Bool = false, ages: Ages? = nil, areas: [String] = [], eligibility: String? = nil,
                howToGetIt: String? = nil, costs: [Cost] = [], healthSupport: [String] = [], culture: [String] = [],
                languages: [String] = [], accessibility: [String] = [], contact: Contact? = nil,
                location: Location? = nil, hours: [Hours] = [], checked: CalendarDate? = nil, picture: String? = nil,
                easyReadSummary: String? = nil, openReferralID: String? = nil) {
        self.id = id
        self.name = name
        self.summary = summary
        self.status = status
        self.organization = organization
        self.breakTypes = breakTypes
        self.overnight = overnight
        self.emergency = emergency
        self.ages = ages
        self.areas = areas
        self.eligibility = eligibility
        self.howToGetIt = howToGetIt
        self.costs = costs
        self.healthSupport = healthSupport
        self.culture = culture
        self.languages = languages
        self.accessibility = accessibility
        self.contact = contact
        self.location = location
        self.hours = hours
        self.checked = checked
        self.picture = picture
        self.easyReadSummary = easyReadSummary
        self.openReferralID = openReferralID
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decodeIfPresent(ServiceStatus.self, forKey: .status) ?? .active
        organization = try c.decodeIfPresent(Organization.self, forKey: .organization)
        breakTypes = try c.decodeIfPresent([BreakType].self, forKey: .breakTypes) ?? []
        overnight = try c.decodeIfPresent(Bool.self, forKey: .overnight) ?? false
        emergency = try c.decodeIfPresent(Bool.self, forKey: .emergency) ?? false
        ages = try c.decodeIfPresent(Ages.self, forKey: .ages)
        areas = try c.decodeIfPresent([String].self, forKey: .areas) ?? []
        eligibility = try c.decodeIfPresent(String.self, forKey: .eligibility)
        howToGetIt = try c.decodeIfPresent(String.self, forKey: .howToGetIt)
        costs = try c.decodeIfPresent([Cost].self, forKey: .costs) ?? []
        healthSupport = try c.decodeIfPresent([String].self, forKey: .healthSupport) ?? []
        culture = try c.decodeIfPresent([String].self, forKey: .culture) ?? []
        languages = try c.decodeIfPresent([String].self, forKey: .languages) ?? []
        accessibility = try c.decodeIfPresent([String].self, forKey: .accessibility) ?? []
        contact = try c.decodeIfPresent(Contact.self, forKey: .contact)
        location = try c.decodeIfPresent(Location.self, forKey: .location)
        hours = try c.decodeIfPresent([Hours].self, forKey: .hours) ?? []
        checked = try c.decodeIfPresent(CalendarDate.self, forKey: .checked)
        picture = try c.decodeIfPresent(String.self, forKey: .picture)
        easyReadSummary = try c.decodeIfPresent(String.self, forKey: .easyReadSummary)
        openReferralID = try c.decodeIfPresent(String.self, forKey: .openReferralID)
        let id = try decoder.collecting { try c.decode(String.self, forKey: .id) }
        let name = try decoder.collecting { try c.decode(NonEmptyText.self, forKey: .name).value }
        let summary = try decoder.collecting { try c.decode(NonEmptyText.self, forKey: .summary).value }
        guard let id, let name, let summary else { throw decoder.stopAfterReportedProblems() }
        self.id = id
        self.name = name
        self.summary = summary
    }
}

public enum ServiceStatus: String, Sendable, Codable, CaseIterable {
    case active, inactive, defunct
    case temporarilyClosed = "temporarily-closed"
}

/// The kinds of short break. The raw values are part of the interface: they are used in files and in URLs.
public enum BreakType: String, Sendable, Codable, CaseIterable, Comparable {
    case buildingBased = "building-based"
    case sharedLives = "shared-lives"
    case homeBased = "home-based"
    case community
    case emergency
    case holiday
    case directPayment = "direct-payment"

    /// The words people see.
    public var label: String {
        switch self {
        case .buildingBased: "Stay in a short break home"
        case .sharedLives: "Shared Lives"
        case .homeBased: "Support at home"
        case .community: "Days out and activities"
        case .emergency: "Emergency breaks"
        case .holiday: "Holidays"
        case .directPayment: "Direct payments"
        }
    }

    /// One sentence saying what the kind of break is, for feeds that describe their terms.
    public var explanation: String {
        switch self {
        case .buildingBased: "The person stays for a night or more in a home run for short breaks."
        case .sharedLives: "The person stays with, or spends the day with, a Shared Lives carer and their family."
        case .homeBased: "A paid carer or sitter comes to the family home, so the family carer can have a rest."
        case .community: "Days out, clubs and activities in the community."
        case .emergency: "A break at short notice when the family carer cannot care, day or night."
        case .holiday: "A holiday away, with the support the person needs."
        case .directPayment: "Money from the council to arrange and pay for breaks yourself."
        }
    }

    public static func < (lhs: BreakType, rhs: BreakType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public struct Organization: Sendable, Codable {
    public var name: String
    public var website: String?
    public enum CodingKeys: String, CodingKey, CaseIterable { case name, website }
    public init(name: String, website: String? = nil) {
        self.name = name
        self.website = website
    }
}

public struct Ages: Sendable, Codable {
    public var min: Int?
    public var max: Int?
    public enum CodingKeys: String, CodingKey, CaseIterable { case min, max }
    public init(min: Int? = nil, max: Int? = nil) {
        self.min = min
        self.max = max
    }
}

public struct Cost: Sendable, Codable {
    public var option: String
    public var amount: Double
    public var currency: String?
    public var description: String?
    public enum CodingKeys: String, CodingKey, CaseIterable { case option, amount, currency, description }
    public init(option: String, amount: Double, currency: String? = "GBP", description: String? = nil) {
        self.option = option
        self.amount = amount
        self.currency = currency
        self.description = description
    }
}

public struct Contact: Sendable, Codable {
    public var phone: String?
    public var email: String?
    public var website: String?
    public enum CodingKeys: String, CodingKey, CaseIterable { case phone, email, website }
}

public struct Location: Sendable, Codable {
    public var name: String?
    public var address: Address?
    public enum CodingKeys: String, CodingKey, CaseIterable { case name, address }
}

public struct Address: Sendable, Codable {
    public var street: String?
    public var city: String?
    public var postcode: String?
    public enum CodingKeys: String, CodingKey, CaseIterable { case street, city, postcode }
}

public struct Hours: Sendable, Codable {
    public var days: [Weekday]
    public var opens: String
    public var closes: String
    public enum CodingKeys: String, CodingKey, CaseIterable { case days, opens, closes }
    public init(days: [Weekday], opens: String, closes: String) {
        self.days = days
        self.opens = opens
        self.closes = closes
    }
}

public enum Weekday: String, Sendable, Codable, CaseIterable {
    case mo, tu, we, th, fr, sa, su

    public var name: String {
        switch self {
        case .mo: "Monday"
        case .tu: "Tuesday"
        case .we: "Wednesday"
        case .th: "Thursday"
        case .fr: "Friday"
        case .sa: "Saturday"
        case .su: "Sunday"
        }
    }
}
