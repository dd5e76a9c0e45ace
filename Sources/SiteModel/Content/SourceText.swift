/// A Markdown file split into its front matter and its body, keeping track of where each starts.
public struct SourceText: Sendable {
    /// The YAML between the opening and closing `---` lines.
    public var frontMatter: String
    /// How many lines of the file come before the YAML (the opening `---`).
    public var frontMatterLineOffset: Int
    /// The Markdown after the closing `---` line.
    public var body: String
    /// How many lines of the file come before the body.
    public var bodyLineOffset: Int

    public enum Problem: Error, Equatable {
        /// The file does not start with a `---` line.
        case noFrontMatter
        /// The front matter has no closing `---` line.
        case unclosed
    }

    /// Splits `text`. Windows line endings and a byte-order mark are accepted.
    public static func split(_ text: String) -> Result<SourceText, Problem> {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.contains("\r\n") { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else { return .failure(.noFrontMatter) }
        guard let close = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingTrailingSpaces
            return line == "---" || line == "..."
        }) else { return .failure(.unclosed) }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(SourceText(frontMatter: yaml, frontMatterLineOffset: 1, body: body, bodyLineOffset: close + 1))
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var copy = self
        while let last = copy.last, last == " " || last == "\t" { copy.removeLast() }
        return copy
    }
}
