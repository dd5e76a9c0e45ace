import Foundation
import Guides
import SiteModel

/// Writes the charges estimator page: a form that asks one thing at a time and works out the charge with
/// `assets/estimator.js`, and, for everyone without JavaScript and for printing, a worksheet that walks through the
/// same steps on paper with the policy's figures filled in.
struct EstimatorRenderer {
    static let template = "estimator"

    let site: Site
    let theme: Theme
    let pagesByPath: PagesByPath

    func files(for policy: ChargingPolicy) -> [String: Data] {
        let urls = SiteURLs(fromSlug: policy.slug)
        var values = PageContext(site: site, urls: urls, pagesByPath: pagesByPath)
            .common(title: policy.title, description: policy.summary, current: nil)
        values["page"] = ["title": policy.title, "summary": policy.summary, "isEasyRead": false]
        values["styles"] = [["href": urls.root + "assets/guides.css"]]
        values["scripts"] = [["src": urls.root + "assets/estimator.js"]]
        let capital = policy.capital
        values["policy"] = [
            "year": policy.year,
            "example": policy.example,
            "upperLimit": capital.upperLimit.description,
            "lowerLimit": capital.lowerLimit.description,
            "step": capital.step.description,
            "perStep": capital.perStep.description,
            "allowance": policy.disabilityCostsAllowance.withPence,
            "hasAllowance": policy.disabilityCostsAllowance > .zero,
            "defaultAge": policy.defaultAge,
            "data": EstimatorData.json(for: policy),
        ] as [String: Any]
        values["breaks"] = policy.breaks.map { kind -> [String: Any] in
            var row: [String: Any] = ["kind": kind.kind, "label": kind.label, "unit": kind.unit.rawValue,
                                      "cost": kind.cost.withPence, "most": kind.unit.mostInAWeek]
            if let reason = kind.freeBecause { row["freeBecause"] = reason }
            return row
        }
        values["countedIncomes"] = policy.incomes.filter { !$0.disregarded }.map { ["kind": $0.kind, "label": $0.label] }
        values["leftOutIncomes"] = policy.incomes.filter(\.disregarded).map { ["kind": $0.kind, "label": $0.label] }
        values["hasLeftOutIncomes"] = policy.incomes.contains(where: \.disregarded)
        values["incomes"] = policy.incomes.map { ["kind": $0.kind, "label": $0.label] }
        values["circumstances"] = policy.circumstances.enumerated().map { index, name -> [String: Any] in
            let label = policy.minimumIncomeGuarantee.first { $0.circumstance == name }?.label ?? name
            return ["circumstance": name, "label": label, "checked": index == 0]
        }
        values["guarantee"] = policy.minimumIncomeGuarantee.map { row -> [String: Any] in
            let ages = row.toAge.map { "\(row.fromAge) to \($0)" } ?? "\(row.fromAge) or over"
            return ["label": row.label, "ages": ages, "weekly": row.weekly.withPence]
        }
        return [policy.slug + "/index.html": Data(theme.render(Self.template, values).utf8)]
    }
}
