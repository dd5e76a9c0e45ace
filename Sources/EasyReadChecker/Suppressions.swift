import Markdown
import SiteModel
import Foundation

/// `<!-- signpost-disable rule -->` … `<!-- signpost-enable rule -->` around blocks, and
/// `<!-- signpost-ignore rule -->` for the next block only. Without a rule id, a comment covers every rule.
struct Suppressions {
    struct Entry {
        /// Rule ids, or empty for every rule.
        var rules: Set<String>
        var position: SourcePosition
        var lines: ClosedRange<Int>
        var used = false
        var word: String
    }

    private(set) var entries: [Entry] = []
    private(set) var problems: [Diagnostic] = []

    init(root: MarkdownNode, file: String) {
        var open: [(rules: Set<String>, position: SourcePosition, index: Int)] = []
        for node in root.children {
            guard node.kind == .htmlBlock, let (word, rules) = Self.parse(node.literal ?? "") else { continue }
            for rule in rules where RuleID(rawValue: rule) == nil {
                problems.append(Diagnostic(file: file, at: node.start, level: .warning,
                                           message: "There is no checker rule `\(rule)`."
                                               + Suggestion.didYouMean(rule, in: RuleID.allCases.map(\.rawValue)),
                                           rule: RuleID.suppressionRule))
            }
            switch word {
            case "disable":
                entries.append(Entry(rules: rules, position: node.start, lines: node.start.line...Int.max, word: word))
                open.append((rules, node.start, entries.count - 1))
            case "enable":
                if let match = open.lastIndex(where: { $0.rules == rules || rules.isEmpty }) {
                    let index = open[match].index
                    entries[index].lines = entries[index].lines.lowerBound...node.start.line
                    open.remove(at: match)
                } else {
                    problems.append(Diagnostic(file: file, at: node.start, level: .warning,
                                               message: "This `signpost-enable` has no `signpost-disable` before it.",
                                               rule: RuleID.suppressionRule))
                }
            default: // ignore: the next block only
                if let next = node.next {
                    entries.append(Entry(rules: rules, position: node.start, lines: next.start.line...max(next.end.line, next.start.line), word: word))
                }
            }
        }
    }

    /// `<!-- signpost-ignore picture-cue -->` → ("ignore", ["picture-cue"]).
    static func parse(_ html: String) -> (String, Set<String>)? {
        let text = html.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("<!--"), text.hasSuffix("-->") else { return nil }
        let inner = text.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
        let parts = inner.split(whereSeparator: { $0 == " " || $0 == "," || $0.isNewline }).map(String.init)
        guard let first = parts.first, first.hasPrefix("signpost-") else { return nil }
        let word = String(first.dropFirst("signpost-".count))
        guard ["disable", "enable", "ignore"].contains(word) else { return nil }
        return (word, Set(parts.dropFirst()))
    }

    /// Whether `finding` is suppressed; marks the suppression as used.
    mutating func suppresses(_ finding: Diagnostic) -> Bool {
        guard let rule = finding.rule else { return false }
        var suppressed = false
        for index in entries.indices where entries[index].lines.contains(finding.line)
            && (entries[index].rules.isEmpty || entries[index].rules.contains(rule)) {
            entries[index].used = true
            suppressed = true
        }
        return suppressed
    }

    /// Suppressions that suppressed nothing, so that stale ones do not pile up.
    func unused(file: String) -> [Diagnostic] {
        entries.filter { !$0.used }.map { entry in
            let what = entry.rules.isEmpty ? "any rule" : entry.rules.sorted().map { "`\($0)`" }.joined(separator: ", ")
            return Diagnostic(file: file, at: entry.position, level: .warning,
                              message: "This `signpost-\(entry.word)` comment hides nothing from \(what). Remove it.",
                              rule: RuleID.suppressionRule)
        }
    }
}
