import EasyReadChecker
import Foundation
import SiteModel

/// `--format json`: exactly one JSON object, version 1. The field names are part of Signpost's interface.
public struct JSONReport: Sendable {
    struct Finding: Encodable {
        let file: String
        let line: Int
        let column: Int
        let rule: String
        let level: String
        let message: String
        let suggestion: String?
    }

    struct Summary: Encodable {
        let files: Int
        let errors: Int
        let warnings: Int
        let suggestions: Int
    }

    struct Document: Encodable {
        let version = 1
        let findings: [Finding]
        let summary: Summary
    }

    public init() {}

    public func render(_ diagnostics: [Diagnostic], files: Int) -> String {
        let findings = diagnostics.sortedByPlace().map {
            Finding(file: $0.file, line: $0.line, column: $0.column, rule: $0.rule ?? "build", level: $0.level.rawValue,
                    message: $0.message, suggestion: $0.suggestion)
        }
        let document = Document(findings: findings, summary: Summary(
            files: files, errors: diagnostics.errorCount, warnings: diagnostics.warningCount,
            suggestions: diagnostics.suggestionCount))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// `--format github`: workflow commands, so findings show as annotations on a pull request.
public struct GitHubReport: Sendable {
    /// Prefixed to each file, so that paths are relative to the repository rather than the content folder.
    public var pathPrefix: String

    public init(pathPrefix: String) { self.pathPrefix = pathPrefix }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sortedByPlace().map { finding in
            let command = switch finding.level {
            case .error: "error"
            case .warning: "warning"
            case .suggestion: "notice"
            }
            let message = finding.message + (finding.suggestion.map { " " + $0 } ?? "")
            let title = finding.rule ?? "build"
            return "::\(command) file=\(property(pathPrefix + finding.file)),line=\(finding.line),col=\(finding.column),"
                + "title=\(property(title))::\(escape(message))"
        }.joined(separator: "\n")
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func property(_ text: String) -> String {
        escape(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// `--format sarif`: SARIF 2.1.0, which code-hosting sites show on pull requests.
public struct SARIFReport: Sendable {
    public var pathPrefix: String

    public init(pathPrefix: String) { self.pathPrefix = pathPrefix }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        var rules: [JSONValue] = RuleID.allCases.map {
            ["id": .string($0.rawValue), "shortDescription": ["text": .string($0.summary)]]
        }
        rules.append(["id": "build", "shortDescription": ["text": "Problems that stop the site being built"]])
        rules.append(["id": .string(RuleID.suppressionRule), "shortDescription": ["text": "Checker comments that do nothing"]])
        let results: [JSONValue] = diagnostics.sortedByPlace().map { finding in
            let level = switch finding.level {
            case .error: "error"
            case .warning: "warning"
            case .suggestion: "note"
            }
            return [
                "ruleId": .string(finding.rule ?? "build"),
                "level": .string(level),
                "message": ["text": .string(finding.message + (finding.suggestion.map { " " + $0 } ?? ""))],
                "locations": [[
                    "physicalLocation": [
                        "artifactLocation": ["uri": .string(pathPrefix + finding.file)],
                        "region": ["startLine": .integer(finding.line), "startColumn": .integer(finding.column)],
                    ],
                ]],
            ]
        }
        let log: JSONValue = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": ["name": "Signpost", "informationUri": "https://example.org/signpost", "rules": .array(rules)]],
                "results": .array(results),
            ]],
        ]
        return log.serialized()
    }
}
