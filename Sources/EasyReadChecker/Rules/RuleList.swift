import Foundation
import SiteModel

/// Every rule with its summary and its default for each page format, for `signpost check --list-rules`. The
/// documentation's rule pages are written from the JSON form (`Scripts/docs-reference.py`), so they cannot drift
/// from `RuleID` and `CheckSettings.defaults`.
public enum RuleList {
    public struct Entry: Codable, Equatable, Sendable {
        public var id: String
        public var summary: String
        /// `standard` and `easy-read`: the rule's default for pages of that format.
        public var formats: [String: Default]
    }

    public struct Default: Codable, Equatable, Sendable {
        public var enabled: Bool
        public var level: String
        public var suggestion: Int?
        public var warning: Int?
        public var error: Int?
    }

    public struct Document: Codable, Equatable, Sendable {
        public var version: Int
        public var rules: [Entry]
    }

    /// The rules in `RuleID`'s order, with `CheckSettings.defaults`.
    public static var entries: [Entry] {
        RuleID.allCases.map { rule in
            var formats: [String: Default] = [:]
            for format in PageFormat.allCases {
                let limits = CheckSettings.defaults.limits(rule, for: format)
                formats[format.rawValue] = Default(enabled: limits.enabled, level: limits.level.rawValue,
                                                   suggestion: limits.suggestion, warning: limits.warning,
                                                   error: limits.error)
            }
            return Entry(id: rule.rawValue, summary: rule.summary, formats: formats)
        }
    }

    /// One JSON object: `{"version": 1, "rules": [...]}`, keys sorted, limits left out when a rule has none.
    public static func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(version: 1, rules: entries))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// One line per rule: its id, its default for each format and its summary.
    public static func text() -> String {
        entries.map { entry in
            let defaults = PageFormat.allCases.reversed().map { format in
                "\(format.rawValue): \(describe(entry.formats[format.rawValue]!))"
            }
            return "\(entry.id)  (\(defaults.joined(separator: "; ")))  \(entry.summary)"
        }.joined(separator: "\n")
    }

    /// `off`, `error`, or `warning over 15, error over 25`.
    public static func describe(_ value: Default) -> String {
        guard value.enabled else { return "off" }
        let limits = [("suggestion", value.suggestion), ("warning", value.warning), ("error", value.error)]
            .compactMap { name, limit in limit.map { "\(name) over \($0)" } }
        return limits.isEmpty ? value.level : limits.joined(separator: ", ")
    }
}
