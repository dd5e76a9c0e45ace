import Foundation

/// The charging policy as the estimator page's script reads it: every amount in pence, and the words of each step
/// of the working from `ChargeEstimator.labels`, so the page and `signpost estimate` say the same thing.
public enum EstimatorData {
    public static func json(for policy: ChargingPolicy) -> String {
        let object: [String: Any] = [
            "breaks": policy.breaks.map { kind -> [String: Any] in
                var values: [String: Any] = ["kind": kind.kind, "label": kind.label, "unit": kind.unit.rawValue,
                                             "cost": kind.cost.pence, "most": kind.unit.mostInAWeek]
                if let reason = kind.freeBecause { values["free_because"] = reason }
                return values
            },
            "incomes": policy.incomes.map { ["kind": $0.kind, "label": $0.label, "disregarded": $0.disregarded] },
            "capital": ["upper_limit": policy.capital.upperLimit.pence, "lower_limit": policy.capital.lowerLimit.pence,
                        "step": policy.capital.step.pence, "per_step": policy.capital.perStep.pence],
            "guarantee": policy.minimumIncomeGuarantee.map { row -> [String: Any] in
                var values: [String: Any] = ["circumstance": row.circumstance, "from_age": row.fromAge, "weekly": row.weekly.pence]
                if let to = row.toAge { values["to_age"] = to }
                return values
            },
            "circumstances": policy.circumstances,
            "default_age": policy.defaultAge,
            "disability_costs_allowance": policy.disabilityCostsAllowance.pence,
            "labels": ChargeEstimator.labels,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        // Inside a <script> element nothing may look like a closing tag.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}
