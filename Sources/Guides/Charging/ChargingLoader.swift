import Markdown
import SiteModel

/// Reads `charging.yml` and checks it beyond its types: limits in order, kinds named once, an amount to live on
/// for the default age, an address no page has.
public enum ChargingLoader {
    /// The policy, or nil when the site has none or it has errors, with every problem at its line and column.
    public static func load(site: Site) -> (policy: ChargingPolicy?, diagnostics: [Diagnostic]) {
        guard let path = site.chargingFile else { return (nil, []) }
        guard let data = site.source.read(path) else {
            return (nil, [Diagnostic(file: path, line: 1, column: 1, message: "This file could not be read.")])
        }
        var diagnostics: [Diagnostic] = []
        guard let text = ContentLoader.text(of: data, file: path, diagnostics: &diagnostics) else { return (nil, diagnostics) }
        let (policy, problems) = load(text, path: path)
        diagnostics += problems
        if let policy, site.pages.contains(where: { $0.slug == policy.slug }) {
            diagnostics.append(Diagnostic(file: path, line: 1, column: 1,
                message: "A page already has the address `\(policy.slug)/`, where the charges estimator would go. Give the estimator another `slug:`."))
            return (nil, diagnostics)
        }
        return (diagnostics.contains { $0.level == .error } ? nil : policy, diagnostics)
    }

    public static func load(_ text: String, path: String = ContentLoader.chargingFile) -> (policy: ChargingPolicy?, diagnostics: [Diagnostic]) {
        let decoded = YAMLReader.decode(ChargingPolicy.self, from: text, file: path)
        guard let policy = decoded.value else { return (nil, decoded.diagnostics) }
        let positions = decoded.keyPositions
        func at(_ key: String, _ message: String) -> Diagnostic {
            Diagnostic(file: path, at: positions[key] ?? SourcePosition(line: 1, column: 1), message: message)
        }
        var problems: [Diagnostic] = []
        if !Page.isValidSlug(policy.slug) || policy.slug.isEmpty {
            problems.append(at("slug", "`slug` should be made of lowercase letters, digits and hyphens, such as `how-much-might-i-pay`."))
        }
        if policy.capital.lowerLimit > policy.capital.upperLimit {
            problems.append(at("capital.lower_limit", "The lower limit (\(policy.capital.lowerLimit)) is above the upper limit (\(policy.capital.upperLimit)). Swap them."))
        }
        if policy.capital.step == .zero { problems.append(at("capital.tariff_step", "`tariff_step` can't be 0: it is how much savings count as one step, such as 250.")) }
        for (list, kinds) in [("breaks", policy.breaks.map(\.kind)), ("incomes", policy.incomes.map(\.kind))] {
            if kinds.isEmpty { problems.append(at(list, "`\(list)` is empty. Add at least one.")) }
            var seen: Set<String> = []
            for (index, kind) in kinds.enumerated() where !seen.insert(kind).inserted {
                problems.append(at("\(list).\(index).kind", "The kind `\(kind)` is given twice. Give each kind once."))
            }
        }
        if policy.minimumIncomeGuarantee.isEmpty {
            problems.append(at("minimum_income_guarantee", "`minimum_income_guarantee` is empty. Add the amount people are left to live on."))
        }
        for (index, row) in policy.minimumIncomeGuarantee.enumerated() {
            if let to = row.toAge, to < row.fromAge {
                problems.append(at("minimum_income_guarantee.\(index).to_age", "`to_age` (\(to)) is below `from_age` (\(row.fromAge))."))
            }
        }
        for circumstance in policy.circumstances where !policy.minimumIncomeGuarantee.contains(where: { $0.circumstance == circumstance && $0.covers(age: policy.defaultAge) }) {
            problems.append(at("minimum_income_guarantee", "No amount to live on is given for `\(circumstance)` at the default age, \(policy.defaultAge). Add one, or change `default_age`."))
        }
        return (problems.isEmpty ? policy : nil, decoded.diagnostics + problems)
    }
}
