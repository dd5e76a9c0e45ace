import EasyReadChecker
import Markdown
import SiteModel

/// Checks a guide's easy-read words with the easy-read checker, as it checks easy-read pages, and places each
/// finding at its line and column in the guide file.
public enum GuideEasyRead {
    /// Rules about a whole page, which say nothing useful about a question or an answer of a few words.
    static let wholePageRules: Set<String> = [
        RuleID.pictureCue.rawValue, RuleID.headingStructure.rawValue, RuleID.readability.rawValue,
        RuleID.pageLength.rawValue, RuleID.consistentTerms.rawValue,
    ]

    /// - Parameter text: the guide file's text, to find where each value starts.
    public static func findings(for guide: Guide, text: String, checker: EasyReadChecker) -> [Diagnostic] {
        guard let easy = guide.file.easy else { return [] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Each piece of words, the key it is at, and whether it is Markdown a person reads as a page of its own.
        var pieces: [(key: String, words: String, whole: Bool)] = [
            ("easy.title", easy.title, false), ("easy.summary", easy.summary, false), ("easy.start", easy.start, true),
        ]
        for (q, question) in guide.file.questions.enumerated() {
            if let words = question.easy {
                pieces.append(("questions.\(q).easy.question", words.question, false))
                if let hint = words.hint { pieces.append(("questions.\(q).easy.hint", hint, false)) }
            }
            for (a, answer) in question.answers.enumerated() {
                if let words = answer.easy { pieces.append(("questions.\(q).answers.\(a).easy", words, false)) }
            }
        }
        for (o, outcome) in guide.file.outcomes.enumerated() {
            guard let words = outcome.easy else { continue }
            pieces.append(("outcomes.\(o).easy.title", words.title, false))
            pieces.append(("outcomes.\(o).easy.body", words.body, true))
        }
        var findings: [Diagnostic] = []
        for piece in pieces {
            guard let key = guide.keyPositions[piece.key] else { continue }
            let place = ValuePlace(key: key, lines: lines)
            var found = checker.check(markdown: piece.words, format: .easyRead, file: guide.path, lineOffset: place.lineOffset)
            if !piece.whole { found = found.filter { !wholePageRules.contains($0.rule ?? "") } }
            for var finding in found {
                if finding.line == place.firstLine || place.isBlock { finding.column += place.columnShift }
                findings.append(finding)
            }
        }
        return findings
    }
}

/// Where a YAML value starts, found from its key's place: on the key's line, or, for a `|` or `>` block, on the
/// next line at its indent.
struct ValuePlace {
    /// Lines before the value's first line.
    var lineOffset: Int
    /// Columns before the value's first character.
    var columnShift: Int
    var isBlock: Bool
    var firstLine: Int { lineOffset + 1 }

    init(key: SourcePosition, lines: [String]) {
        lineOffset = key.line - 1
        columnShift = 0
        isBlock = false
        guard key.line >= 1, key.line <= lines.count else { return }
        let line = Array(lines[key.line - 1])
        var index = max(0, key.column - 1)
        while index < line.count, line[index] != ":" { index += 1 }
        index += 1
        while index < line.count, line[index] == " " { index += 1 }
        if index < line.count, line[index] == "|" || line[index] == ">" {
            isBlock = true
            lineOffset = key.line
            if key.line < lines.count {
                columnShift = lines[key.line].prefix { $0 == " " }.count
            }
        } else {
            columnShift = index + (index < line.count && (line[index] == "\"" || line[index] == "'") ? 1 : 0)
        }
    }
}
