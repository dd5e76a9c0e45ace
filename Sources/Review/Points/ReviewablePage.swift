import Markdown
import SiteModel

/// An easy-read page split into the points a group checks, with the version of its text.
public struct ReviewablePage: Sendable {
    /// The page file, as a path in the content folder, such as `easy-read/short-breaks.md`.
    public let path: String
    /// The page's address without slashes, such as `easy-read/short-breaks`; its review file is named after it.
    public let slug: String
    public let title: String
    public let summary: String
    public let isDraft: Bool
    /// The page's version: see `ReviewablePage.version(title:summary:body:)`.
    public let hash: String
    /// Headings and points, in reading order.
    public let blocks: [ReviewBlock]

    /// The points alone, numbered from 1.
    public var points: [ReviewPoint] {
        blocks.compactMap { if case .point(let point) = $0 { point } else { nil } }
    }

    /// Reads `page` into points. The page's own parsed tree is left alone (the renderer changes it): the body is
    /// parsed again here.
    /// - Parameter picturePath: the content-folder path of a picture the page refers to, or nil when there is none.
    public init(page: Page, picturePath: @escaping (String) -> String? = { _ in nil }) {
        path = page.path
        slug = page.slug
        title = page.title
        summary = page.frontMatter.summary
        isDraft = page.frontMatter.status == .draft
        hash = Self.version(title: page.title, summary: page.frontMatter.summary, body: page.body)
        let document = MarkdownDocument(page.body, lineOffset: page.document.lineOffset)
        blocks = PointReader(picturePath: picturePath).blocks(of: document)
    }

    /// The version of an easy-read page: the SHA-256, as 64 lowercase hex digits, of its title, a newline, its
    /// summary, a newline and its Markdown body, with Windows line endings made plain and trailing blank lines and
    /// spaces dropped.
    ///
    /// These are the words a reader sees. The rest of the front matter (order, updated date, picture, status) is left
    /// out, so publishing a draft or changing its date does not undo a group's sign-off; a change to one comma in the
    /// words does, because the group approved the words.
    public static func version(title: String, summary: String, body: String) -> String {
        var text = body.replacingOccurrences(of: "\r\n", with: "\n")
        while let last = text.unicodeScalars.last, last == "\n" || last == " " || last == "\t" || last == "\r" {
            text.unicodeScalars.removeLast()
        }
        return SHA256.hex(title + "\n" + summary + "\n" + text)
    }

    /// Whether `text` is written like a page version: 64 lowercase hex digits.
    public static func isPageHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }

    /// Whether `text` is written like a point's hash: 12 lowercase hex digits.
    public static func isPointHash(_ text: String) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }
}
