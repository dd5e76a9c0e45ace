import Markdown
import SiteModel

/// `sentence-length`: too many words in one sentence.
struct SentenceLengthRule: Rule {
    let id = RuleID.sentenceLength

    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings) {
        let limit = limits.lowestLimit ?? 15
        for (block, sentences) in page.blocksWithSentences {
            for sentence in sentences {
                let count = sentence.words.count
                guard let level = limits.level(for: count) else { continue }
                findings.add(id, at: block.position(at: sentence.words[0].offset), level,
                             "This sentence has \(count) words. \(page.isEasyRead ? "Easy read sentences" : "Sentences") should have \(limit) words or fewer.",
                             suggestion: "Split it into shorter sentences.")
            }
        }
    }
}

/// `sentences-per-point`: too many sentences in one paragraph or list item.
struct SentencesPerPointRule: Rule {
    let id = RuleID.sentencesPerPoint

    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings) {
        let limit = limits.lowestLimit ?? 3
        for (block, sentences) in page.blocksWithSentences where block.kind == .paragraph || block.kind == .listItem {
            guard let level = limits.level(for: sentences.count) else { continue }
            findings.add(id, at: block.start, level,
                         "This point has \(sentences.count) sentences. Each point should have \(limit) sentences or fewer.",
                         suggestion: "Split it into more points, each with its own picture.")
        }
    }
}

/// `page-length`: too many words on one page.
struct PageLengthRule: Rule {
    let id = RuleID.pageLength

    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings) {
        let count = page.blocksWithWords.filter { $0.0.kind != .summary }.reduce(0) { $0 + $1.1.count }
        guard let level = limits.level(for: count) else { return }
        let place = page.blocks.first { $0.kind != .summary }?.start ?? SourcePosition(line: 1, column: 1)
        findings.add(id, at: place, level,
                     "This page has \(count) words. Pages should have \(limits.lowestLimit ?? 1000) words or fewer.",
                     suggestion: "Split it into 2 pages, or take out what readers do not need.")
    }
}

/// `readability`: the Flesch–Kincaid grade of the whole page.
struct ReadabilityRule: Rule {
    let id = RuleID.readability
    /// Below this many words a grade says little.
    static let minimumWords = 50


    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings) {
        var words = 0, sentences = 0, syllables = 0
        for (block, blockSentences) in page.blocksWithSentences where block.kind != .summary {
            for sentence in blockSentences {
                sentences += 1
                for word in sentence.words where !word.isNumber {
                    words += 1
                    syllables += Syllables.count(word.lowercased)
                }
            }
        }
        guard words >= Self.minimumWords else { return }
        let grade = ReadabilityGrade.compute(words: words, sentences: sentences, syllables: syllables)
        let rounded = (grade * 10).rounded() / 10
        // A grade of 6.2 is over a limit of 6; a grade of 6.0 is not.
        guard let level = limits.level(for: Int(grade.rounded(.up))) else { return }
        let place = page.blocks.first { $0.kind != .summary }?.start ?? SourcePosition(line: 1, column: 1)
        findings.add(id, at: place, level,
                     "This page reads at school grade \(rounded) (Flesch–Kincaid). Aim for grade \(limits.lowestLimit ?? 6) or below.",
                     suggestion: "Shorter sentences and shorter words make it easier.")
    }
}

/// The Flesch–Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
public enum ReadabilityGrade {
    public static func compute(words: Int, sentences: Int, syllables: Int) -> Double {
        0.39 * Double(words) / Double(max(sentences, 1)) + 11.8 * Double(syllables) / Double(max(words, 1)) - 15.59
    }
}

/// `heading-structure`: one main heading (the title), and no skipped heading levels.
struct HeadingStructureRule: Rule {
    let id = RuleID.headingStructure

    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings) {
        var previous = 1
        for node in page.headings {
            let level = node.headingLevel
            if level == 1 {
                findings.add(id, at: node.start, limits.level,
                             "This page already has its title as its main heading. A page should have only one.",
                             suggestion: "Use `##` for headings in the page.")
            } else if level > previous + 1 {
                findings.add(id, at: node.start, limits.level,
                             "This heading jumps from level \(previous) to level \(level).",
                             suggestion: "Use level \(previous + 1) (`\(String(repeating: "#", count: previous + 1))`) here.")
            }
            previous = level
        }
    }
}
