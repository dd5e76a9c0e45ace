import Foundation

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
        // Looked for with `memchr`: a byte at a time through `utf8.contains` costs more than the rest of the split.
        if text.withUTF8({ buffer in buffer.baseAddress.map { memchr($0, 13, buffer.count) != nil } ?? false }) { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        // Walk the lines once, as bytes, looking for the opening and closing `---`.
        let bytes = Array(text.utf8)
        var lineStart = 0, line = 0
        var yamlStart: Int?
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
            var trimmedEnd = lineEnd
            while trimmedEnd > lineStart, bytes[trimmedEnd - 1] == 32 || bytes[trimmedEnd - 1] == 9 { trimmedEnd -= 1 }
            let content = bytes[lineStart..<trimmedEnd]
            let isDashes = content.elementsEqual("---".utf8), isDots = content.elementsEqual("...".utf8)
            if line == 0 {
                guard isDashes else { return .failure(.noFrontMatter) }
                yamlStart = lineEnd + 1
            } else if isDashes || isDots, let start = yamlStart {
                let yaml = start < lineStart ? String(decoding: bytes[start..<(lineStart - 1)], as: UTF8.self) : ""
                let bodyStart = min(lineEnd + 1, bytes.count)
                let body = String(decoding: bytes[bodyStart...], as: UTF8.self)
                return .success(SourceText(frontMatter: yaml, frontMatterLineOffset: 1, body: body, bodyLineOffset: line + 1))
            }
            line += 1
            lineStart = lineEnd + 1
        }
        return .failure(.unclosed)
    }
}
