import Foundation
import Guides
import SiteModel
import Testing

/// The estimator's table of cases (Tests/Fixtures/estimator-cases.json), which the browser tests run through the
/// estimator page too: the Swift arithmetic must give every answer in it.
@Suite struct EstimatorTests {
    struct Table: Decodable {
        var cases: [Case]
    }

    struct Case: Decodable {
        var name: String
        var request: Request
        var charge_pence: Int
        var steps: [[StepValue]]
    }

    struct Request: Decodable {
        var `break`: String
        var amount: Int
        var incomes: [String: String]
        var savings: String
        var disability_costs: String?
        var age: Int?
        var circumstance: String?
    }

    enum StepValue: Decodable, Equatable {
        case id(String), pence(Int)
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let pence = try? container.decode(Int.self) { self = .pence(pence) } else { self = .id(try container.decode(String.self)) }
        }
    }

    static func samplePolicy() throws -> ChargingPolicy {
        let text = try String(contentsOf: sampleContent.appendingPathComponent("charging.yml"), encoding: .utf8)
        let (policy, diagnostics) = ChargingLoader.load(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(policy)
    }

    @Test func everyCaseInTheTableGivesItsAnswer() throws {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/estimator-cases.json"))
        let table = try JSONDecoder().decode(Table.self, from: data)
        #expect(table.cases.count >= 6)
        let estimator = ChargeEstimator(policy: try Self.samplePolicy())
        for item in table.cases {
            let request = EstimateRequest(
                breakKind: item.request.break, amount: item.request.amount,
                incomes: item.request.incomes.sorted { $0.key < $1.key }.map { ($0.key, Money(pounds: $0.value)!) },
                savings: Money(pounds: item.request.savings)!,
                disabilityCosts: item.request.disability_costs.flatMap { Money(pounds: $0) },
                age: item.request.age, circumstance: item.request.circumstance)
            let estimate = try estimator.estimate(request).get()
            #expect(estimate.charge.pence == item.charge_pence, "\(item.name)")
            let steps = estimate.steps.map { [StepValue.id($0.id), .pence($0.amount.pence)] }
            #expect(steps == item.steps, "\(item.name)")
        }
    }

    @Test func theWorkingIsInPlainWords() throws {
        let estimator = ChargeEstimator(policy: try Self.samplePolicy())
        let estimate = try estimator.estimate(EstimateRequest(breakKind: "day-service", amount: 3,
            incomes: [("state-pension", Money(pounds: "312.40")!)], savings: .zero, age: 70)).get()
        #expect(estimate.steps.map(\.label).contains("Your income counted: £312.40."))
        #expect(estimate.steps.map(\.label).contains("The council leaves you at least £228.70 a week to live on."))
    }

    @Test func unknownKindsAndImpossibleAmountsAreExplained() throws {
        let estimator = ChargeEstimator(policy: try Self.samplePolicy())
        guard case .failure(let problem) = estimator.estimate(EstimateRequest(breakKind: "day-servce", amount: 3)) else {
            Issue.record("an unknown kind of break gave an estimate")
            return
        }
        #expect(problem.messages.first?.contains("Did you mean `day-service`?") == true)
        guard case .failure(let nights) = estimator.estimate(EstimateRequest(breakKind: "overnight-house", amount: 8)) else {
            Issue.record("8 nights a week gave an estimate")
            return
        }
        #expect(nights.messages == ["8 nights a week is not possible: give a whole number from 1 to 7."])
        guard case .failure(let income) = estimator.estimate(EstimateRequest(breakKind: "sitting", amount: 2, incomes: [("pip", .zero)], age: 12)) else {
            Issue.record("an unknown income gave an estimate")
            return
        }
        #expect(income.messages.count == 2)
    }

    @Test func moneyIsReadIntoWholePence() throws {
        // One table for this and the estimator page's parsePounds (the browser tests): a comma is only between
        // thousands, so `230,25` is refused, never read as £23,025.
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/money-cases.json"))
        let table = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cases = try #require(table["cases"] as? [[Any]])
        #expect(cases.count > 20)
        for item in cases {
            let text = try #require(item[0] as? String)
            #expect(Money(pounds: text)?.pence == item[1] as? Int, "\(text)")
        }
        #expect(Money(pence: 2_325_000).description == "£23,250")
        #expect(Money(pence: 7).withPence == "£0.07")
    }

    @Test func chargingErrorsArePlaced() {
        let good = """
        title: T
        summary: S
        year: 2026
        capital: { upper_limit: 23250, lower_limit: 14250, tariff_step: 250, tariff_per_step: 1 }
        minimum_income_guarantee:
          - { circumstance: single, label: Single, from_age: 18, weekly: 120 }
        incomes: [{ kind: pension, label: Pension, disregarded: true }]
        breaks: [{ kind: night, label: A night, unit: night, cost: 100 }]
        """
        func messages(_ from: String, _ to: String) -> [String] {
            ChargingLoader.load(good.replacingOccurrences(of: from, with: to)).diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
        }
        #expect(ChargingLoader.load(good).policy != nil)
        #expect(messages("weekly: 120", "weekly: 12.345").contains { $0.hasPrefix("6:66: `minimum_income_guarantee[0].weekly` should be an amount in pounds") })
        let unknown = messages("disregarded: true", "disregardd: true")
        #expect(unknown.contains { $0.hasPrefix("7:44: Unknown key `disregardd` in `incomes[0]`") && $0.contains("Did you mean `disregarded`?") }, "\(unknown)")
        let unit = messages("unit: night", "unit: nite")
        #expect(unit.contains { $0.hasPrefix("8:47: `breaks[0].unit` can't be `nite`") }, "\(unit)")
        let limits = messages("lower_limit: 14250", "lower_limit: 32000")
        #expect(limits.contains { $0.contains("The lower limit (£32,000) is above the upper limit (£23,250)") }, "\(limits)")
    }
}
