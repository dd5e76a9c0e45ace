import EasyReadChecker
import SiteModel

/// A checker finding said in easy words for the group, with the kind of pictogram shown beside it. Findings are a
/// help for the group, not a verdict: the words say what the checker noticed, not what is wrong.
public struct EasyFinding: Sendable, Hashable {
    /// The kind of thing the checker noticed, for its pictogram.
    public enum Kind: String, Sendable { case long, word, picture, other }

    public let kind: Kind
    public let text: String
    /// The finding as the checker wrote it, for the facilitator's sheet.
    public let original: Diagnostic

    public init(_ finding: Diagnostic) {
        original = finding
        let quoted = Self.quoted(in: finding.message)
        let number = Self.firstNumber(in: finding.message)
        switch finding.rule.flatMap(RuleID.init(rawValue:)) {
        case .sentenceLength?:
            (kind, text) = (.long, "This sentence is long." + (number.map { " It has \($0) words." } ?? ""))
        case .sentencesPerPoint?:
            (kind, text) = (.long, "This point has a lot of sentences." + (number.map { " It has \($0)." } ?? ""))
        case .pageLength?:
            (kind, text) = (.long, "This page is long." + (number.map { " It has \($0) words." } ?? ""))
        case .readability?:
            (kind, text) = (.long, "This page may be hard to read.")
        case .hardWord?:
            (kind, text) = (.word, "This word may be hard: " + (quoted ?? "a word here"))
        case .abbreviation?:
            (kind, text) = (.word, "These letters may be hard: " + (quoted ?? "letters here"))
        case .hardPhrase?:
            (kind, text) = (.word, "These words may be hard: " + (quoted ?? "words here"))
        case .numberWords?:
            (kind, text) = (.word, "This number is written in words: " + (quoted ?? "a number here"))
        case .percentage?:
            (kind, text) = (.word, "This number may be hard: " + (quoted ?? "a number here"))
        case .dateFormat?:
            (kind, text) = (.word, "This date may be hard to read: " + (quoted ?? "a date here"))
        case .capitals?:
            (kind, text) = (.word, "This word is in capital letters: " + (quoted ?? "a word here"))
        case .punctuation?:
            (kind, text) = (.word, "This has a mark that may be hard to read" + (quoted.map { ": \($0)" } ?? "."))
        case .consistentTerms?:
            let both = Self.allQuoted(in: finding.message)
            (kind, text) = (.word, both.count >= 2 ? "This page uses 2 words for 1 thing: \(both[0]) and \(both[1])"
                                                   : "This page uses 2 words for 1 thing.")
        case .passiveVoice?:
            (kind, text) = (.other, "This sentence may not say who does what.")
        case .italics?:
            (kind, text) = (.other, "These words slope. Sloping words are hard to read.")
        case .headingStructure?:
            (kind, text) = (.other, "The headings may be in the wrong order.")
        case .pictureCue?:
            (kind, text) = (.picture, "This point has no picture.")
        case .pictureAlt?:
            (kind, text) = (.picture, "This picture needs better words to say what it shows.")
        case .pictureMissing?:
            (kind, text) = (.picture, "This picture is missing.")
        default:
            (kind, text) = (.other, finding.message)
        }
    }

    /// The first `quoted` part of a message, such as `eligibility`.
    static func quoted(in message: String) -> String? { allQuoted(in: message).first }

    static func allQuoted(in message: String) -> [String] {
        message.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    static func firstNumber(in message: String) -> Int? {
        let digits = message.split { !$0.isNumber }
        return digits.first.flatMap { Int($0) }
    }
}
