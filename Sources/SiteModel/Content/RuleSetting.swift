/// How one checker rule is set in `site.yml`: `off`, a level, or thresholds.
///
/// ```yaml
/// checks:
///   easy-read:
///     sentence-length: { warning: 12, error: 20 }
///     passive-voice: off
///     hard-word: error
/// ```
public struct RuleSetting: Sendable, Codable, Hashable {
    public var enabled: Bool
    /// The level findings are reported at, when set.
    public var level: DiagnosticLevel?
    /// A limit above which a finding is a warning.
    public var warning: Int?
    /// A limit above which a finding is an error.
    public var error: Int?
    /// A limit above which a finding is a suggestion.
    public var suggestion: Int?

    enum CodingKeys: String, CodingKey, CaseIterable { case level, warning, error, suggestion }

    public init(enabled: Bool = true, level: DiagnosticLevel? = nil, warning: Int? = nil, error: Int? = nil,
                suggestion: Int? = nil) {
        self.enabled = enabled
        self.level = level
        self.warning = warning
        self.error = error
        self.suggestion = suggestion
    }

    public init(from decoder: Decoder) throws {
        if case .scalar(let scalar)? = (decoder as? YAMLNodeDecoder)?.node {
            let word = scalar.string.lowercased()
            if ["off", "false", "no", "none"].contains(word) {
                enabled = false
            } else if let level = DiagnosticLevel(rawValue: word) {
                enabled = true
                self.level = level
            } else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath,
                    debugDescription: "should be `off`, a level (`error`, `warning`, `suggestion`) or limits like `{ warning: 12, error: 20 }`, not `\(scalar.string)`."))
            }
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        enabled = true
        level = try container.decodeIfPresent(DiagnosticLevel.self, forKey: .level)
        warning = try container.decodeIfPresent(Limit.self, forKey: .warning)?.value
        error = try container.decodeIfPresent(Limit.self, forKey: .error)?.value
        suggestion = try container.decodeIfPresent(Limit.self, forKey: .suggestion)?.value
    }
}
