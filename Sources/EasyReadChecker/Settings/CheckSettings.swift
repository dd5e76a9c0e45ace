import Markdown
import SiteModel

/// Every rule's limits for each page format: the defaults, changed by the `checks:` section of `site.yml`.
public struct CheckSettings: Sendable {
    private var table: [PageFormat: [RuleID: RuleLimits]]

    public func limits(_ rule: RuleID, for format: PageFormat) -> RuleLimits { table[format]?[rule] ?? .off }

    /// The defaults. The documentation's rule pages are written from them (`signpost check --list-rules`).
    public static let defaults: CheckSettings = {
        let easy: [RuleID: RuleLimits] = [
            .sentenceLength: RuleLimits(enabled: true, level: .warning, warning: 15, error: 25),
            .sentencesPerPoint: RuleLimits(enabled: true, level: .warning, warning: 3),
            .pictureCue: .at(.error),
            .pictureAlt: .at(.error),
            .pictureMissing: .at(.error),
            .hardWord: .at(.warning),
            .abbreviation: .at(.warning),
            .numberWords: .at(.warning),
            .percentage: .at(.warning),
            .dateFormat: .at(.warning),
            .italics: .at(.error),
            .capitals: .at(.warning),
            .punctuation: .at(.warning),
            .passiveVoice: .at(.suggestion),
            .hardPhrase: .at(.warning),
            .consistentTerms: .at(.warning),
            .pageLength: RuleLimits(enabled: true, level: .warning, warning: 1000),
            .headingStructure: .at(.error),
            .readability: RuleLimits(enabled: true, level: .suggestion, suggestion: 6),
            // Review rules are not Markdown rules: the build's review step reads these limits.
            .reviewStale: .at(.warning),
            .reviewMissing: RuleLimits(enabled: false, level: .warning),
        ]
        let standard: [RuleID: RuleLimits] = [
            .sentenceLength: RuleLimits(enabled: true, level: .warning, warning: 25, error: 40),
            .pictureAlt: .at(.error),
            .pictureMissing: .at(.error),
            .hardWord: .at(.suggestion),
            .abbreviation: .at(.warning),
            .dateFormat: .at(.warning),
            .consistentTerms: .at(.warning),
            .headingStructure: .at(.error),
            .readability: RuleLimits(enabled: true, level: .suggestion, suggestion: 10),
        ]
        return CheckSettings(table: [.easyRead: easy, .standard: standard])
    }()

    /// Applies `site.yml`'s `checks:` to the defaults. Unknown formats and rule ids are errors, with a suggestion.
    /// - Parameter positions: where each key of `site.yml` is, by dotted path, for errors.
    public static func from(_ config: SiteConfig, positions: [String: SourcePosition] = [:],
                            configFile: String = "site.yml") -> (settings: CheckSettings, diagnostics: [Diagnostic]) {
        var settings = defaults
        var diagnostics: [Diagnostic] = []
        let formats = PageFormat.allCases.map(\.rawValue)
        let rules = RuleID.allCases.map(\.rawValue)
        for (formatName, entries) in config.checks.sorted(by: { $0.key < $1.key }) {
            guard let format = PageFormat(rawValue: formatName) else {
                let place = positions["checks.\(formatName)"] ?? SourcePosition(line: 1, column: 1)
                diagnostics.append(Diagnostic(file: configFile, at: place,
                                              message: "`checks` has settings for `\(formatName)`, which is not a page format. Use `standard` or `easy-read`."
                                                  + Suggestion.didYouMean(formatName, in: formats)))
                continue
            }
            for (ruleName, setting) in entries.sorted(by: { $0.key < $1.key }) {
                guard let rule = RuleID(rawValue: ruleName) else {
                    let place = positions["checks.\(formatName).\(ruleName)"] ?? SourcePosition(line: 1, column: 1)
                    diagnostics.append(Diagnostic(file: configFile, at: place,
                                                  message: "There is no checker rule `\(ruleName)`."
                                                      + Suggestion.didYouMean(ruleName, in: rules)))
                    continue
                }
                settings.apply(setting, to: rule, for: format)
            }
        }
        return (settings, diagnostics)
    }

    private mutating func apply(_ setting: RuleSetting, to rule: RuleID, for format: PageFormat) {
        let base = CheckSettings.defaults.limits(rule, for: format)
        guard setting.enabled else {
            table[format, default: [:]][rule] = .off
            return
        }
        var limits = base
        limits.enabled = true
        // A rule that is off by default for this format starts from the other format's limits.
        if !base.enabled {
            let other: PageFormat = format == .easyRead ? .standard : .easyRead
            let borrowed = CheckSettings.defaults.limits(rule, for: other)
            if borrowed.enabled { limits = borrowed }
        }
        if let level = setting.level {
            limits.level = level
            // A plain level on a rule with limits reports everything over the lowest limit at that level.
            if let lowest = limits.lowestLimit {
                limits.suggestion = level == .suggestion ? lowest : nil
                limits.warning = level == .warning ? lowest : nil
                limits.error = level == .error ? lowest : nil
            }
        }
        if setting.suggestion != nil || setting.warning != nil || setting.error != nil {
            limits.suggestion = setting.suggestion
            limits.warning = setting.warning
            limits.error = setting.error
        }
        table[format, default: [:]][rule] = limits
    }
}
