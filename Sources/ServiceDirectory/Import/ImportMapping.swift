import SiteModel

/// Which Signpost kind of break each taxonomy term of a council's feed becomes: `Content/services/.import.yml`, a
/// table the user edits. Terms are matched by name, term or code, in any case. A term mapped to `ignore` is left out
/// on purpose; a term in neither list is reported after every import, never silently dropped.
public struct ImportMapping: Sendable, Decodable {
    /// Term → kind of break (`building-based`, `shared-lives`…), or `ignore`.
    public var breakTypes: [String: String]

    enum CodingKeys: String, CodingKey, CaseIterable { case breakTypes = "break_types" }

    public init(breakTypes: [String: String]) { self.breakTypes = breakTypes }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        breakTypes = try c.decodeIfPresent([String: String].self, forKey: .breakTypes) ?? [:]
    }

    public static let path = "services/.import.yml"

    /// What a new mapping file starts with: Signpost's own terms (so a Signpost export imports as it was), and the
    /// words councils' feeds commonly use for short breaks.
    public static let defaults: [(String, String)] = BreakType.allCases.map { ($0.rawValue, $0.rawValue) }
        + BreakType.allCases.map { ($0.label, $0.rawValue) } + [
            ("Respite", "building-based"), ("Overnight short breaks", "building-based"),
            ("Residential respite", "building-based"), ("Adult placement", "shared-lives"),
            ("Sitting service", "home-based"), ("Home support", "home-based"), ("Domiciliary care", "home-based"),
            ("Day opportunities", "community"), ("Day services", "community"), ("Activities", "community"),
            ("Clubs and groups", "community"), ("Emergency respite", "emergency"), ("Crisis support", "emergency"),
            ("Holidays", "holiday"), ("Personal budgets", "direct-payment"), ("Direct payments", "direct-payment"),
        ]

    public static var defaultMapping: ImportMapping { ImportMapping(breakTypes: Dictionary(defaults, uniquingKeysWith: { a, _ in a })) }

    /// The file `signpost import openreferral` writes when there is none, with a comment on how to edit it.
    public static func defaultFile() -> String {
        var lines = [
            "# Which kind of short break each taxonomy term in an Open Referral feed becomes, for `signpost import openreferral`.",
            "# The term (its name, term or code, in any case) is on the left; on the right one of:",
            "# \(BreakType.allCases.map(\.rawValue).joined(separator: ", ")), or ignore to leave the term out on purpose.",
            "# Terms in neither are listed after each import. Import again after editing this file.",
            "break_types:",
        ]
        var seen = Set<String>()
        for (term, type) in defaults where seen.insert(term.lowercased()).inserted {
            lines.append("  \(ServiceFileWriter.quoted(term)): \(type)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The kinds of break a service's terms give, and the terms the table does not know.
    func map(_ terms: [[String]]) -> (types: [BreakType], unknown: [String]) {
        let lowered = Dictionary(breakTypes.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        var types: [BreakType] = []
        var unknown: [String] = []
        for names in terms {
            guard let value = names.lazy.compactMap({ lowered[$0.lowercased()] }).first else {
                unknown.append(names[0])
                continue
            }
            if let type = BreakType(rawValue: value), !types.contains(type) { types.append(type) }
        }
        return (types, unknown)
    }

    /// Values on the right that are neither a kind of break nor `ignore`.
    public var problems: [String] {
        breakTypes.filter { BreakType(rawValue: $0.value) == nil && $0.value != "ignore" }
            .map { "`\($0.key)` is mapped to `\($0.value)`, which is not a kind of break: use one of \(BreakType.allCases.map(\.rawValue).joined(separator: ", ")) or ignore." }
            .sorted()
    }
}
