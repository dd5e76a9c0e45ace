import SiteModel

/// Findings as lines people read: grouped by file, `file:line:column: level: message [rule]`, with a summary line.
public struct TextReport: Sendable {
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    public func render(_ diagnostics: [Diagnostic], files: Int? = nil, summary: Bool = true) -> String {
        var lines: [String] = []
        var currentFile: String?
        for diagnostic in diagnostics.sortedByPlace() {
            if diagnostic.file != currentFile {
                if currentFile != nil { lines.append("") }
                lines.append(paint(diagnostic.file.escapingControlCharacters, "1"))
                currentFile = diagnostic.file
            }
            var text = "\(diagnostic.file.escapingControlCharacters):\(diagnostic.line):\(diagnostic.column): "
                + paint("\(diagnostic.level.rawValue):", code(for: diagnostic.level)) + " \(diagnostic.message.escapingControlCharacters)"
            if let suggestion = diagnostic.suggestion { text += " \(suggestion.escapingControlCharacters)" }
            if let rule = diagnostic.rule { text += " " + paint("[\(rule)]", "2") }
            lines.append(text)
        }
        if summary {
            if !lines.isEmpty { lines.append("") }
            lines.append(Self.summary(diagnostics, files: files))
        }
        return lines.joined(separator: "\n")
    }

    /// "12 files checked: 0 errors, 3 warnings, 5 suggestions."
    public static func summary(_ diagnostics: [Diagnostic], files: Int?) -> String {
        func count(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }
        let head = files.map { count($0, "file") + " checked: " } ?? ""
        return head + "\(count(diagnostics.errorCount, "error")), \(count(diagnostics.warningCount, "warning")), "
            + "\(count(diagnostics.suggestionCount, "suggestion"))."
    }

    private func code(for level: DiagnosticLevel) -> String {
        switch level {
        case .error: "1;31"
        case .warning: "1;33"
        case .suggestion: "1;36"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
