import ArgumentParser
import Foundation
import Guides
import SiteModel

/// `signpost estimate`: the charges estimator's arithmetic for the council's policy team, with the same steps of
/// working as the estimator page.
struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Estimates a weekly charge for a short break from charging.yml, showing the working.",
        discussion: """
            Example: signpost estimate --break overnight-house --amount 2 --income state-pension=230.25 --savings 15000 --age 70
            Exit code: 0 with an estimate, 1 if charging.yml has errors (they are printed), 2 for bad usage, such as an unknown kind or an impossible amount.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "The content folder, with charging.yml in it.")
    var content = "Content"

    @Option(name: .customLong("break"), help: "The kind of break, as charging.yml names it under `breaks:`.")
    var breakKind: String

    @Option(help: "How many nights, days or hours a week, as the kind of break is counted.")
    var amount: Int

    @Option(name: .customLong("income"), help: "Weekly income of one kind, as KIND=POUNDS, such as state-pension=230.25. Give it once for each kind.")
    var incomes: [String] = []

    @Option(help: "Savings and investments, in pounds.")
    var savings: String = "0"

    @Option(help: "Weekly disability-related costs, in pounds. Default: the policy's allowance.")
    var disabilityCosts: String?

    @Option(help: "The age of the person who gets the break. Default: the policy's default_age.")
    var age: Int?

    @Option(help: "The circumstance, such as single or couple, as charging.yml names it. Default: the first.")
    var circumstance: String?

    @Option(help: "How to show the estimate: text or json.")
    var format: Format = .text

    /// Pounds from the command line, or a usage error that says which option was wrong.
    private func pounds(_ text: String, _ option: String) throws -> Money {
        guard let money = Money(pounds: text) else {
            throw ValidationError("\(option) `\(text)` is not an amount in pounds. Write it like 230.25 or 1,250.50: a full stop before the pence, and a comma only between thousands.")
        }
        return money
    }

    func run() throws {
        let console = Console()
        let path = LocalPath(content).appending(ContentLoader.chargingFile)
        guard let data = FileManager.default.contents(atPath: path.string) else {
            throw ValidationError("There is no \(ContentLoader.chargingFile) in \(content).")
        }
        var problems: [Diagnostic] = []
        guard let text = ContentLoader.text(of: data, file: ContentLoader.chargingFile, diagnostics: &problems) else {
            console.report(problems)
            throw ExitCode(1)
        }
        let (policy, diagnostics) = ChargingLoader.load(text)
        guard let policy else {
            console.report(diagnostics.sortedByPlace())
            throw ExitCode(1)
        }
        var given: [(kind: String, amount: Money)] = []
        for income in incomes {
            let parts = income.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("--income `\(income)` should be KIND=POUNDS, such as state-pension=230.25.")
            }
            given.append((parts[0], try pounds(parts[1], "--income \(parts[0])")))
        }
        let request = EstimateRequest(breakKind: breakKind, amount: amount, incomes: given,
                                      savings: try pounds(savings, "--savings"),
                                      disabilityCosts: try disabilityCosts.map { try pounds($0, "--disability-costs") },
                                      age: age, circumstance: circumstance)
        let estimate: Estimate
        switch ChargeEstimator(policy: policy).estimate(request) {
        case .success(let value): estimate = value
        case .failure(let problem):
            console.error(problem.messages.map { "signpost estimate: \($0)" }.joined(separator: "\n"))
            throw ExitCode(2)
        }
        switch format {
        case .text:
            var lines = ["\(policy.title) Figures for \(policy.year)."]
            if policy.example { lines.append("These are example figures, not any council's real charges.") }
            lines.append("")
            for (index, step) in estimate.steps.enumerated() { lines.append("\(index + 1). \(step.label)") }
            lines += ["", "Estimated weekly charge: \(estimate.charge.withPence)",
                      "This is only an estimate. The council decides what a person really pays after a financial assessment."]
            console.line(lines.joined(separator: "\n"))
        case .json:
            let object: [String: Any] = [
                "charge_pence": estimate.charge.pence,
                "charge": estimate.charge.withPence,
                "year": policy.year,
                "example": policy.example,
                "steps": estimate.steps.map { ["id": $0.id, "label": $0.label, "amount_pence": $0.amount.pence] },
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            console.line(String(decoding: data, as: UTF8.self))
        }
    }
}
