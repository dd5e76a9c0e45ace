import SiteModel

/// What a person tells the estimator: the break, their weekly income by kind, savings and disability-related costs.
public struct EstimateRequest: Sendable {
    public var breakKind: String
    /// Nights, days or hours a week, as the break is counted.
    public var amount: Int
    public var incomes: [(kind: String, amount: Money)]
    public var savings: Money
    /// Weekly disability-related costs; the policy's allowance when left out or lower.
    public var disabilityCosts: Money?
    public var age: Int?
    public var circumstance: String?

    public init(breakKind: String, amount: Int, incomes: [(kind: String, amount: Money)] = [], savings: Money = .zero,
                disabilityCosts: Money? = nil, age: Int? = nil, circumstance: String? = nil) {
        self.breakKind = breakKind
        self.amount = amount
        self.incomes = incomes
        self.savings = savings
        self.disabilityCosts = disabilityCosts
        self.age = age
        self.circumstance = circumstance
    }
}

/// One line of the working: what it is (`id`), in plain words, and the amount it is about.
public struct EstimateStep: Sendable, Hashable {
    public var id: String
    public var label: String
    public var amount: Money
}

/// The estimated weekly charge and the working that led to it.
public struct Estimate: Sendable {
    public var charge: Money
    public var steps: [EstimateStep]
}

/// Why an estimate cannot be made: every problem with the request, in plain words.
public struct EstimateProblem: Error, CustomStringConvertible {
    public var messages: [String]
    public var description: String { messages.joined(separator: "\n") }
}

/// The estimator's arithmetic. It lives here and only here: `signpost estimate` runs it, and the estimator page's
/// script runs the same steps with the same words (`ChargeEstimator.labels`) and figures (`EstimatorData`), tested
/// against one table of cases from Swift and in the browser.
public struct ChargeEstimator: Sendable {
    public let policy: ChargingPolicy

    public init(policy: ChargingPolicy) { self.policy = policy }

    /// The words of each step; `{amount}` and the other names in braces are filled in.
    public static let labels: [String: String] = [
        "cost": "The break costs {amount} a week: {count} at {price} each.",
        "free": "This break is free: {reason}",
        "savings-over-limit": "Your savings are over {limit}, so you pay the full cost of the break.",
        "income": "Your income counted: {amount}.",
        "income-left-out": "Income the council does not count: {amount}.",
        "tariff": "Your savings count as {amount} a week of income: {per-step} for every {step} (or part of {step}) over {lower}.",
        "guarantee": "The council leaves you at least {amount} a week to live on.",
        "disability-costs": "Allowed for your disability-related costs: {amount} a week.",
        "left-over": "What is left that could go toward your care: {amount} a week.",
        "capped": "That is more than the break costs, so you pay no more than its cost: {amount}.",
        "charge": "Your estimated weekly charge: {amount}.",
    ]

    static func label(_ id: String, _ amount: Money, _ values: [String: String] = [:]) -> EstimateStep {
        var text = labels[id] ?? id
        for (name, value) in values.merging(["amount": amount.withPence], uniquingKeysWith: { a, _ in a }) {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return EstimateStep(id: id, label: text, amount: amount)
    }

    /// The estimate, or every problem with the request.
    public func estimate(_ request: EstimateRequest) -> Result<Estimate, EstimateProblem> {
        var problems: [String] = []
        let kinds = policy.breaks.map(\.kind)
        let chosen = policy.breaks.first { $0.kind == request.breakKind }
        if chosen == nil {
            problems.append("There is no kind of break `\(request.breakKind)`.\(Suggestion.didYouMean(request.breakKind, in: kinds)) Kinds: \(kinds.joined(separator: ", ")).")
        }
        if let chosen, !(1...chosen.unit.mostInAWeek).contains(request.amount) {
            problems.append("\(request.amount) \(chosen.unit.rawValue)s a week is not possible: give a whole number from 1 to \(chosen.unit.mostInAWeek).")
        }
        let incomeKinds = policy.incomes.map(\.kind)
        var seen: Set<String> = []
        for income in request.incomes {
            if !incomeKinds.contains(income.kind) {
                problems.append("There is no kind of income `\(income.kind)`.\(Suggestion.didYouMean(income.kind, in: incomeKinds)) Kinds: \(incomeKinds.joined(separator: ", ")).")
            } else if !seen.insert(income.kind).inserted {
                problems.append("The income `\(income.kind)` is given twice. Add the amounts up and give it once.")
            }
        }
        let circumstances = policy.circumstances
        let circumstance = request.circumstance ?? circumstances.first ?? ""
        let age = request.age ?? policy.defaultAge
        var guarantee: Money?
        if !circumstances.contains(circumstance) {
            problems.append("There is no circumstance `\(circumstance)`.\(Suggestion.didYouMean(circumstance, in: circumstances)) Circumstances: \(circumstances.joined(separator: ", ")).")
        } else if !(0...130).contains(age) {
            problems.append("An age of \(age) is not possible.")
        } else if let row = policy.minimumIncomeGuarantee.first(where: { $0.circumstance == circumstance && $0.covers(age: age) }) {
            guarantee = row.weekly
        } else {
            let youngest = policy.minimumIncomeGuarantee.filter { $0.circumstance == circumstance }.map(\.fromAge).min() ?? 18
            problems.append("The charging policy has no amount to live on for age \(age)\(age < youngest ? ": the estimator is for people aged \(youngest) or over" : "").")
        }
        guard problems.isEmpty, let chosen, let guarantee else { return .failure(EstimateProblem(messages: problems)) }
        return .success(work(chosen, request: request, guarantee: guarantee))
    }

    private func work(_ chosen: BreakKind, request: EstimateRequest, guarantee: Money) -> Estimate {
        var steps: [EstimateStep] = []
        let cost = Money(pence: chosen.cost.pence * request.amount)
        steps.append(Self.label("cost", cost, ["count": chosen.unit.words(request.amount), "price": chosen.cost.withPence]))
        func finish(_ charge: Money) -> Estimate {
            steps.append(Self.label("charge", charge))
            return Estimate(charge: charge, steps: steps)
        }
        if let reason = chosen.freeBecause {
            steps.append(Self.label("free", .zero, ["reason": reason]))
            return finish(.zero)
        }
        let capital = policy.capital
        if request.savings > capital.upperLimit {
            steps.append(Self.label("savings-over-limit", request.savings, ["limit": capital.upperLimit.description]))
            return finish(cost)
        }
        var counted = Money.zero, leftOut = Money.zero
        for income in request.incomes {
            if policy.incomes.first(where: { $0.kind == income.kind })?.disregarded == true {
                leftOut = leftOut + income.amount
            } else {
                counted = counted + income.amount
            }
        }
        steps.append(Self.label("income", counted))
        if leftOut > .zero { steps.append(Self.label("income-left-out", leftOut)) }
        var tariff = Money.zero
        if request.savings > capital.lowerLimit, capital.step > .zero {
            let over = (request.savings - capital.lowerLimit).pence
            let parts = (over + capital.step.pence - 1) / capital.step.pence
            tariff = Money(pence: parts * capital.perStep.pence)
            steps.append(Self.label("tariff", tariff, ["per-step": capital.perStep.description,
                                                        "step": capital.step.description,
                                                        "lower": capital.lowerLimit.description]))
        }
        steps.append(Self.label("guarantee", guarantee))
        let allowed = max(request.disabilityCosts ?? .zero, policy.disabilityCostsAllowance)
        steps.append(Self.label("disability-costs", allowed))
        let leftOver = max(.zero, counted + tariff - guarantee - allowed)
        steps.append(Self.label("left-over", leftOver))
        if leftOver > cost {
            steps.append(Self.label("capped", cost))
            return finish(cost)
        }
        return finish(leftOver)
    }
}
