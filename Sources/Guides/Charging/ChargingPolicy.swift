import SiteModel

/// `Content/charging.yml`: a council's charging policy for short breaks, as content, for the charges estimator and
/// `signpost estimate`. Every amount is in pounds in the file and in whole pence here. See "The charges estimator"
/// in the README.
public struct ChargingPolicy: Sendable, Decodable {
    public var title: String
    public var summary: String
    /// The estimator page's address. Default: `how-much-might-i-pay`.
    public var slug: String
    /// The year the figures are for, in words, such as `April 2026 to March 2027`.
    public var year: String
    /// Whether the figures are examples rather than a council's real ones: every page that shows them says so.
    public var example: Bool
    public var capital: CapitalRules
    public var minimumIncomeGuarantee: [IncomeGuarantee]
    /// The age used when none is given.
    public var defaultAge: Int
    public var incomes: [IncomeKind]
    /// Disability-related costs allowed to everyone without showing receipts.
    public var disabilityCostsAllowance: Money
    public var breaks: [BreakKind]

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case title, summary, slug, year, example, capital, incomes, breaks
        case minimumIncomeGuarantee = "minimum_income_guarantee"
        case defaultAge = "default_age"
        case disabilityCostsAllowance = "disability_costs_allowance"
    }

    public static let defaultSlug = "how-much-might-i-pay"

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        slug = try container.decodeIfPresent(String.self, forKey: .slug) ?? Self.defaultSlug
        example = try container.decodeIfPresent(Bool.self, forKey: .example) ?? false
        defaultAge = try container.decodeIfPresent(Int.self, forKey: .defaultAge) ?? 25
        disabilityCostsAllowance = try container.decodeIfPresent(Money.self, forKey: .disabilityCostsAllowance) ?? .zero
        let title = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .title).value }
        let summary = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .summary).value }
        let year = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .year).value }
        let capital = try decoder.collecting { try container.decode(CapitalRules.self, forKey: .capital) }
        let guarantee = try decoder.collecting { try container.decode([IncomeGuarantee].self, forKey: .minimumIncomeGuarantee) }
        let incomes = try decoder.collecting { try container.decode([IncomeKind].self, forKey: .incomes) }
        let breaks = try decoder.collecting { try container.decode([BreakKind].self, forKey: .breaks) }
        guard let title, let summary, let year, let capital, let guarantee, let incomes, let breaks else {
            throw decoder.stopAfterReportedProblems()
        }
        self.title = title
        self.summary = summary
        self.year = year
        self.capital = capital
        self.minimumIncomeGuarantee = guarantee
        self.incomes = incomes
        self.breaks = breaks
    }

    /// The circumstances the guarantee has amounts for, in the order first written; the first is the default.
    public var circumstances: [String] {
        var seen: [String] = []
        for row in minimumIncomeGuarantee where !seen.contains(row.circumstance) { seen.append(row.circumstance) }
        return seen
    }
}

/// Savings and capital: above the upper limit a person pays the full cost; between the limits, each `step` (or part
/// of one) over the lower limit counts as `perStep` of weekly income ("tariff income").
public struct CapitalRules: Sendable, Decodable {
    public var upperLimit: Money
    public var lowerLimit: Money
    public var step: Money
    public var perStep: Money

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case upperLimit = "upper_limit"
        case lowerLimit = "lower_limit"
        case step = "tariff_step"
        case perStep = "tariff_per_step"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let upper = try decoder.collecting { try container.decode(Money.self, forKey: .upperLimit) }
        let lower = try decoder.collecting { try container.decode(Money.self, forKey: .lowerLimit) }
        let step = try decoder.collecting { try container.decode(Money.self, forKey: .step) }
        let perStep = try decoder.collecting { try container.decode(Money.self, forKey: .perStep) }
        guard let upper, let lower, let step, let perStep else { throw decoder.stopAfterReportedProblems() }
        upperLimit = upper
        lowerLimit = lower
        self.step = step
        self.perStep = perStep
    }
}

/// The least a person is left each week to live on, for one circumstance and range of ages.
public struct IncomeGuarantee: Sendable, Decodable {
    /// Such as `single` or `couple`: lowercase letters, digits and hyphens.
    public var circumstance: String
    /// Words for the circumstance, such as "Single person".
    public var label: String
    public var fromAge: Int
    /// The last age the amount is for; nil for no upper age.
    public var toAge: Int?
    public var weekly: Money

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case circumstance, label, weekly
        case fromAge = "from_age"
        case toAge = "to_age"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        toAge = try container.decodeIfPresent(Int.self, forKey: .toAge)
        let circumstance = try decoder.collecting { try container.decode(KindName.self, forKey: .circumstance).value }
        let label = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .label).value }
        let fromAge = try decoder.collecting { try container.decode(Int.self, forKey: .fromAge) }
        let weekly = try decoder.collecting { try container.decode(Money.self, forKey: .weekly) }
        guard let circumstance, let label, let fromAge, let weekly else { throw decoder.stopAfterReportedProblems() }
        self.circumstance = circumstance
        self.label = label
        self.fromAge = fromAge
        self.weekly = weekly
    }

    public func covers(age: Int) -> Bool { age >= fromAge && age <= (toAge ?? Int.max) }
}

/// A kind of weekly income, and whether the council leaves it out ("disregards" it).
public struct IncomeKind: Sendable, Decodable {
    public var kind: String
    public var label: String
    public var easy: String?
    public var disregarded: Bool

    public enum CodingKeys: String, CodingKey, CaseIterable { case kind, label, easy, disregarded }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        easy = try container.decodeIfPresent(String.self, forKey: .easy)
        disregarded = try container.decodeIfPresent(Bool.self, forKey: .disregarded) ?? false
        let kind = try decoder.collecting { try container.decode(KindName.self, forKey: .kind).value }
        let label = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .label).value }
        guard let kind, let label else { throw decoder.stopAfterReportedProblems() }
        self.kind = kind
        self.label = label
    }
}

/// How a break is counted and priced.
public enum BreakUnit: String, Sendable, Decodable, CaseIterable {
    case night, day, hour

    /// The most of this unit in one week.
    public var mostInAWeek: Int {
        switch self {
        case .night, .day: 7
        case .hour: 168
        }
    }

    public func words(_ count: Int) -> String { count == 1 ? "1 \(rawValue)" : "\(count) \(rawValue)s" }
}

/// A kind of break: its cost per night, day or hour, or that it is free and why.
public struct BreakKind: Sendable, Decodable {
    public var kind: String
    public var label: String
    public var easy: String?
    public var unit: BreakUnit
    public var cost: Money
    /// Why the break is free, such as "Services for carers are free"; nil when it is charged for.
    public var freeBecause: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, label, easy, unit, cost
        case freeBecause = "free_because"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        easy = try container.decodeIfPresent(String.self, forKey: .easy)
        freeBecause = try container.decodeIfPresent(String.self, forKey: .freeBecause)
        let kind = try decoder.collecting { try container.decode(KindName.self, forKey: .kind).value }
        let label = try decoder.collecting { try container.decode(NonEmptyText.self, forKey: .label).value }
        let unit = try decoder.collecting { try container.decode(BreakUnit.self, forKey: .unit) }
        let cost = try decoder.collecting { try container.decode(Money.self, forKey: .cost) }
        guard let kind, let label, let unit, let cost else { throw decoder.stopAfterReportedProblems() }
        self.kind = kind
        self.label = label
        self.unit = unit
        self.cost = cost
    }

    public var isFree: Bool { freeBecause != nil }
}

/// A name used on the command line and in the page's form: lowercase letters, digits and hyphens.
struct KindName: Decodable {
    let value: String

    init(from decoder: Decoder) throws {
        value = try decoder.checkedValue({ (text: String) in
            !text.isEmpty && text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
        }) { "should be made of lowercase letters, digits and hyphens, such as `pip-mobility`, not `\($0)`." }
    }
}
