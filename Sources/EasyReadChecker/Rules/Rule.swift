import Markdown
import SiteModel

/// One easy-read rule.
protocol Rule: Sendable {
    var id: RuleID { get }
    /// Adds what the rule finds on `page` to `findings`. `limits` is already known to be enabled.
    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings)
}

/// Collects one page's findings, each with its rule id, file and place.
struct Findings {
    let file: String
    private(set) var items: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func add(_ rule: RuleID, at position: SourcePosition, _ level: DiagnosticLevel, _ message: String,
                      suggestion: String? = nil) {
        items.append(Diagnostic(file: file, at: position, level: level, message: message, rule: rule.rawValue,
                                suggestion: suggestion))
    }
}

extension CheckedPage {
    var isEasyRead: Bool { format == .easyRead }
    /// "Easy read sentences" or "Sentences", for messages.
    var kindOfText: String { isEasyRead ? "Easy read " : "" }
}

/// Every rule the checker runs, in the order findings are reported.
let allRules: [any Rule] = [
    HeadingStructureRule(), SentenceLengthRule(), SentencesPerPointRule(), PictureCueRule(), PictureAltRule(),
    PictureMissingRule(), HardWordRule(), AbbreviationRule(), CapitalsRule(), NumberWordsRule(), PercentageRule(),
    DateFormatRule(), ItalicsRule(), PunctuationRule(), PassiveVoiceRule(), HardPhraseRule(), ConsistentTermsRule(),
    PageLengthRule(), ReadabilityRule(),
]
