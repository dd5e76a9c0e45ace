import SiteModel

/// One finding as the page's findings panel shows it: what the checker said, and the text on the page it is about.
public struct PageFinding: Codable, Sendable, Equatable {
    /// 1, 2, 3… in the order of the page's source, the same number as its marker on the page.
    public var number: Int
    public var level: String
    public var rule: String?
    public var message: String
    public var suggestion: String?
    public var line: Int
    public var column: Int
    /// The words on the page to mark, as the reader sees them (Markdown taken away); nil when the finding is about
    /// the whole page.
    public var text: String?
    /// Whether `text` is a single word, which the page must find as a whole word, not inside a longer one.
    public var word: Bool
    /// The name of the picture's file when the finding is about a picture, such as `sun.svg`.
    public var picture: String?

    public init(number: Int, level: String, rule: String?, message: String, suggestion: String?, line: Int,
                column: Int, text: String?, word: Bool, picture: String?) {
        self.number = number
        self.level = level
        self.rule = rule
        self.message = message
        self.suggestion = suggestion
        self.line = line
        self.column = column
        self.text = text
        self.word = word
        self.picture = picture
    }

    /// The findings for one page, in the order of its source, with the text each is about taken from the source.
    public static func list(_ diagnostics: [Diagnostic], source: String) -> [PageFinding] {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return diagnostics.sortedByPlace().enumerated().map { index, diagnostic in
            let target = FindingTarget(diagnostic: diagnostic, lines: lines)
            return PageFinding(number: index + 1, level: diagnostic.level.rawValue, rule: diagnostic.rule,
                               message: diagnostic.message, suggestion: diagnostic.suggestion, line: diagnostic.line,
                               column: diagnostic.column, text: target.text,
                               word: target.text.map { !$0.contains(" ") } ?? false, picture: target.picture)
        }
    }
}
