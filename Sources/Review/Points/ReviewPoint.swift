import Markdown

/// One point of an easy-read page, as a self-advocacy group checks it: a paragraph, a list item or a picture row.
///
/// Points are numbered from 1 in reading order. Each has a short hash of what it shows (its words, pictures and
/// links as HTML), so a later review can tell which points are new or changed since an earlier one.
public struct ReviewPoint: Sendable, Hashable {
    /// "Point 4": its place in the page, from 1.
    public let number: Int
    /// The first 12 hex digits of the SHA-256 of the point's HTML as written.
    public let hash: String
    /// Where the point starts and ends in its file, for placing the checker's findings beside it.
    public let start: SourcePosition
    public let end: SourcePosition
    /// The picture at the start of the point, when it has one.
    public let picture: Picture?
    /// The point's words as HTML (cmark's safe mode; links shown as marked words, since the pack has no site to
    /// link to). Pictures inside the words point at the pack's copies.
    public let wordsHTML: String
    /// The point's words as plain text, for the facilitator's sheet and for finding glossary words.
    public let text: String

    /// The picture a point starts with: where it is in the content folder (nil when it is not there) and its words.
    public struct Picture: Sendable, Hashable {
        /// The picture's address as the page writes it.
        public let reference: String
        /// The file in the content folder, when it exists.
        public let contentPath: String?
        public let alt: String
    }

    /// Whether `position` is inside this point.
    public func contains(_ position: SourcePosition) -> Bool {
        (start.line, start.column) <= (position.line, position.column)
            && (position.line, position.column) <= (end.line, end.column)
    }
}

/// A part of an easy-read page in the review: a heading (kept so the group keeps its bearings) or a point.
public enum ReviewBlock: Sendable, Hashable {
    case heading(level: Int, text: String)
    case point(ReviewPoint)
}
