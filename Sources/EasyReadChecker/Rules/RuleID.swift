/// The checker's rules. Their ids are part of Signpost's interface: people use them in `site.yml`, in
/// `<!-- signpost-disable … -->` comments and in scripts that read `--format json`. Never rename one.
public enum RuleID: String, Sendable, CaseIterable, Codable {
    case sentenceLength = "sentence-length"
    case sentencesPerPoint = "sentences-per-point"
    case pictureCue = "picture-cue"
    case pictureAlt = "picture-alt"
    case pictureMissing = "picture-missing"
    case hardWord = "hard-word"
    case abbreviation = "abbreviation"
    case numberWords = "number-words"
    case percentage = "percentage"
    case dateFormat = "date-format"
    case italics = "italics"
    case capitals = "capitals"
    case punctuation = "punctuation"
    case passiveVoice = "passive-voice"
    case hardPhrase = "hard-phrase"
    case consistentTerms = "consistent-terms"
    case pageLength = "page-length"
    case headingStructure = "heading-structure"
    case readability = "readability"
    /// An easy-read page that changed after a self-advocacy group approved it (see the Review module).
    case reviewStale = "review-stale"
    /// An easy-read page that no self-advocacy group has approved.
    case reviewMissing = "review-missing"

    /// Findings about `<!-- signpost-… -->` comments themselves, such as one that suppresses nothing.
    public static let suppressionRule = "suppression"
}

extension RuleID {
    /// What the rule looks for, in a few plain words.
    public var summary: String {
        switch self {
        case .sentenceLength: "Sentences with too many words"
        case .sentencesPerPoint: "Too many sentences in one point"
        case .pictureCue: "A point or list without a picture at its start"
        case .pictureAlt: "A picture without a good description"
        case .pictureMissing: "A picture file that does not exist"
        case .hardWord: "Words that are hard to understand"
        case .abbreviation: "Initials that are not explained, and e.g., i.e. and etc."
        case .numberWords: "Numbers written as words"
        case .percentage: "Percentages, fractions and decimals"
        case .dateFormat: "Dates written only in numbers"
        case .italics: "Italics"
        case .capitals: "Words in capitals"
        case .punctuation: "Semicolons, ampersands, slashes and brackets"
        case .passiveVoice: "Sentences that may be passive"
        case .hardPhrase: "Idioms and Latin or foreign phrases"
        case .consistentTerms: "Different words for the same thing on one page"
        case .pageLength: "Pages with too many words"
        case .headingStructure: "More than one main heading, or a skipped heading level"
        case .readability: "The page's reading grade"
        case .reviewStale: "An easy-read page that changed after a group checked it"
        case .reviewMissing: "An easy-read page that no group has approved"
        }
    }
}
