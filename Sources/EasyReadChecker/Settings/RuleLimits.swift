import SiteModel

/// How one rule runs for one page format: whether it is on, at what level, and its limits.
public struct RuleLimits: Sendable, Hashable {
    public var enabled: Bool
    /// The level of a finding, for rules without limits.
    public var level: DiagnosticLevel
    /// Above this, a finding is a suggestion.
    public var suggestion: Int?
    /// Above this, a finding is a warning.
    public var warning: Int?
    /// Above this, a finding is an error.
    public var error: Int?

    public static let off = RuleLimits(enabled: false, level: .warning)

    public static func at(_ level: DiagnosticLevel) -> RuleLimits { RuleLimits(enabled: true, level: level) }

    public init(enabled: Bool, level: DiagnosticLevel, suggestion: Int? = nil, warning: Int? = nil, error: Int? = nil) {
        self.enabled = enabled
        self.level = level
        self.suggestion = suggestion
        self.warning = warning
        self.error = error
    }

    /// The level for a measured `value` (such as words in a sentence), or nil when it is within every limit.
    public func level(for value: Int) -> DiagnosticLevel? {
        if let error, value > error { return .error }
        if let warning, value > warning { return .warning }
        if let suggestion, value > suggestion { return .suggestion }
        return nil
    }

    /// The lowest limit set: the number a writer should stay at or under.
    public var lowestLimit: Int? { [suggestion, warning, error].compactMap { $0 }.min() }
}
