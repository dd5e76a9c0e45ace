import Markdown

/// How serious a finding is.
public enum DiagnosticLevel: String, Sendable, Codable, Comparable, CaseIterable {
    case suggestion, warning, error

    private var rank: Int {
        switch self {
        case .suggestion: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: DiagnosticLevel, rhs: DiagnosticLevel) -> Bool { lhs.rank < rhs.rank }
}

/// One problem found in one file, at one place. Everything Signpost reports is a `Diagnostic`.
public struct Diagnostic: Sendable, Hashable {
    /// Path relative to the content folder, for example `pages/short-breaks.md`.
    public var file: String
    public var line: Int
    public var column: Int
    public var level: DiagnosticLevel
    public var message: String
    /// The checker rule id, such as `sentence-length`; nil for build errors.
    public var rule: String?
    /// What to do about it, in plain words.
    public var suggestion: String?

    public init(file: String, line: Int, column: Int, level: DiagnosticLevel = .error, message: String,
                rule: String? = nil, suggestion: String? = nil) {
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.level = level
        self.message = message
        self.rule = rule
        self.suggestion = suggestion
    }

    public init(file: String, at position: SourcePosition, level: DiagnosticLevel = .error, message: String,
                rule: String? = nil, suggestion: String? = nil) {
        self.init(file: file, line: position.line, column: position.column, level: level, message: message,
                  rule: rule, suggestion: suggestion)
    }

    /// `file:line:column: level: message [rule]`, the form editors and terminals understand.
    public var formatted: String {
        var text = "\(file.escapingControlCharacters):\(line):\(column): \(level.rawValue): \(message.escapingControlCharacters)"
        if let suggestion { text += " \(suggestion)" }
        if let rule { text += " [\(rule)]" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// Sorted by file, then line, then column, so reports read top to bottom.
    public func sortedByPlace() -> [Diagnostic] {
        sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }

    public var errorCount: Int { filter { $0.level == .error }.count }
    public var warningCount: Int { filter { $0.level == .warning }.count }
    public var suggestionCount: Int { filter { $0.level == .suggestion }.count }
}

extension String {
    /// Control characters written as `\u{1B}`, so a file name or value can never move the cursor, clear the screen
    /// or hide text when it is printed.
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: \.isControl) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            if scalar.isControl {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension Unicode.Scalar {
    /// C0 and C1 control characters and DEL.
    var isControl: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}
