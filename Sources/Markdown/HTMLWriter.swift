import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a Markdown tree as HTML without changing it, byte for byte as cmark's own HTML renderer does in safe mode
/// (`CMARK_OPT_DEFAULT`), while changing link and picture targets and making picture rows as it goes.
///
/// Why it exists: rendering a page used to parse its Markdown a second time, rewrite that private tree and hand it
/// to `cmark_render_html`. The tree loading made is read by the checker and other steps, so it must not be changed;
/// writing the HTML straight from it, applying the changes on the way, saves the second parse and the rewrite.
/// Tests compare this writer with cmark's renderer over many documents, so the two cannot drift apart unnoticed.
public struct HTMLWriter {
    /// The new target for a link or picture, given its target as written; nil keeps it as it is.
    public var target: (String) -> String?
    /// Whether a paragraph that starts with a picture followed by words becomes a picture row: the picture on the
    /// left, the words on the right, as `<div class="picture-row">…</div>`.
    public var pictureRows: Bool
    /// Words in plain text (outside links) that become links, such as phone numbers that become `tel:` links:
    /// given a text with a digit in it, the ranges to link and their targets, in order. Nil links nothing.
    public var textLinks: (@Sendable (String) -> [TextLink])?

    /// A part of a text that is written as a link.
    public struct TextLink: Sendable, Equatable {
        public var range: Range<String.Index>
        public var href: String

        public init(range: Range<String.Index>, href: String) {
            self.range = range
            self.href = href
        }
    }

    public init(pictureRows: Bool = false, textLinks: (@Sendable (String) -> [TextLink])? = nil,
                target: @escaping (String) -> String? = { _ in nil }) {
        self.pictureRows = pictureRows
        self.textLinks = textLinks
        self.target = target
    }

    /// The HTML for `node` and everything inside it.
    public func html(_ node: MarkdownNode) -> String {
        var output = HTMLBuffer()
        write(node.pointer, into: &output)
        return output.string
    }

    /// The HTML of a whole document.
    public func html(_ document: MarkdownDocument) -> String { html(document.root) }

    /// A paragraph turned into a picture row: the words that follow the picture, and the nodes between them
    /// that the row leaves out (spaces and line breaks).
    private struct PictureRow {
        var image: OpaquePointer
        /// The first node of the words, or nil when the picture is on its own (then it is no row).
        var words: OpaquePointer?
        var skipped: [OpaquePointer]
    }

    /// Walks the tree with cmark's iterator (so deep trees need no stack), as cmark's renderer does.
    private func write(_ top: OpaquePointer, into out: inout HTMLBuffer) {
        guard let iterator = cmark_iter_new(top) else { return }
        defer { cmark_iter_free(iterator) }
        /// The picture whose alt text is being written: inside it only text is written.
        var plain: OpaquePointer?
        /// Nodes left out of the picture rows written so far (a set: a page may have many thousands of rows, and
        /// every node is looked up), and the words whose leading spaces are trimmed.
        var skipped: Set<OpaquePointer> = []
        var trimmed: OpaquePointer?
        /// Paragraphs written as picture rows, innermost last, and the pictures whose end closes the picture's part.
        var rowParagraphs: [OpaquePointer] = []
        var rowImages: [OpaquePointer] = []
        /// How many links the text being written is inside: text in a link is never made a link of its own.
        var links = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            let type = cmark_node_get_type(node)
            if plain == node { plain = nil }
            if plain != nil {
                switch type {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE: out.escaped(cmark_node_get_literal(node))
                case CMARK_NODE_LINEBREAK, CMARK_NODE_SOFTBREAK: out.append(UInt8(ascii: " "))
                default: break
                }
                continue
            }
            if !skipped.isEmpty, skipped.contains(node) { continue }
            switch type {
            case CMARK_NODE_DOCUMENT:
                break
            case CMARK_NODE_BLOCK_QUOTE:
                out.cr()
                out.append(entering ? "<blockquote>\n" as StaticString : "</blockquote>\n")
            case CMARK_NODE_LIST:
                let bullet = cmark_node_get_list_type(node) == CMARK_BULLET_LIST
                if entering {
                    out.cr()
                    let start = cmark_node_get_list_start(node)
                    if bullet {
                        out.append("<ul>\n")
                    } else if start == 1 {
                        out.append("<ol>\n")
                    } else {
                        out.appendText("<ol start=\"\(start)\">\n")
                    }
                } else {
                    out.append(bullet ? "</ul>\n" as StaticString : "</ol>\n")
                }
            case CMARK_NODE_ITEM:
                if entering {
                    out.cr()
                    out.append("<li>")
                } else {
                    out.append("</li>\n")
                }
            case CMARK_NODE_HEADING:
                let level = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: cmark_node_get_heading_level(node))
                if entering {
                    out.cr()
                    out.append("<h")
                    out.append(level)
                    out.append(">")
                } else {
                    out.append("</h")
                    out.append(level)
                    out.append(">\n")
                }
            case CMARK_NODE_CODE_BLOCK:
                out.cr()
                let info = cmark_node_get_fence_info(node).map { Array(UnsafeRawBufferPointer(start: $0, count: strlen($0))) } ?? []
                if info.isEmpty {
                    out.append("<pre><code>")
                } else {
                    // Only the first word of the info string names the language.
                    let end = info.firstIndex(where: { [9, 10, 11, 12, 13, 32].contains($0) }) ?? info.count
                    out.append("<pre><code class=\"language-")
                    info[..<end].withUnsafeBufferPointer { out.escaped($0) }
                    out.append("\">")
                }
                out.escaped(cmark_node_get_literal(node))
                out.append("</code></pre>\n")
            case CMARK_NODE_HTML_BLOCK:
                out.cr()
                out.append("<!-- raw HTML omitted -->")
                out.cr()
            case CMARK_NODE_CUSTOM_BLOCK:
                out.cr()
                out.raw(entering ? cmark_node_get_on_enter(node) : cmark_node_get_on_exit(node))
                out.cr()
            case CMARK_NODE_THEMATIC_BREAK:
                out.cr()
                out.append("<hr />\n")
            case CMARK_NODE_PARAGRAPH:
                if entering, pictureRows, let row = pictureRow(node) {
                    skipped.formUnion(row.skipped)
                    if row.words != nil {
                        // Written as the picture's part here, then the words' part when the picture ends.
                        trimmed = row.words
                        rowParagraphs.append(node)
                        rowImages.append(row.image)
                        out.cr()
                        out.append("<div class=\"picture-row\">\n<div class=\"picture-row__picture\">\n")
                        continue
                    }
                }
                if !entering, rowParagraphs.last == node {
                    rowParagraphs.removeLast()
                    out.append("</p>\n</div>\n</div>\n")
                    continue
                }
                if !isTight(node) {
                    if entering {
                        out.cr()
                        out.append("<p>")
                    } else {
                        out.append("</p>\n")
                    }
                }
            case CMARK_NODE_TEXT:
                if let textLinks, links == 0, let chars = cmark_node_get_literal(node), Self.hasDigit(chars) {
                    var text = String(cString: chars)
                    if node == trimmed {
                        trimmed = nil
                        if text.first?.isWhitespace == true { text = String(text.drop(while: \.isWhitespace)) }
                    }
                    write(text, linking: textLinks(text), into: &out)
                } else if node == trimmed {
                    trimmed = nil
                    if let chars = cmark_node_get_literal(node), let words = HTMLBuffer.afterASCIISpaces(chars) {
                        out.escaped(words)
                        continue
                    }
                    let text = String(cString: cmark_node_get_literal(node))
                    out.escaped(text: text.first?.isWhitespace == true ? text.drop(while: \.isWhitespace) : text[...])
                } else {
                    out.escaped(cmark_node_get_literal(node))
                }
            case CMARK_NODE_LINEBREAK:
                out.append("<br />\n")
            case CMARK_NODE_SOFTBREAK:
                out.append("\n")
            case CMARK_NODE_CODE:
                out.append("<code>")
                out.escaped(cmark_node_get_literal(node))
                out.append("</code>")
            case CMARK_NODE_HTML_INLINE:
                out.append("<!-- raw HTML omitted -->")
            case CMARK_NODE_CUSTOM_INLINE:
                out.raw(entering ? cmark_node_get_on_enter(node) : cmark_node_get_on_exit(node))
            case CMARK_NODE_STRONG:
                out.append(entering ? "<strong>" as StaticString : "</strong>")
            case CMARK_NODE_EMPH:
                out.append(entering ? "<em>" as StaticString : "</em>")
            case CMARK_NODE_LINK:
                links += entering ? 1 : -1
                if entering {
                    out.append("<a href=\"")
                    writeTarget(of: node, into: &out)
                    writeTitle(of: node, into: &out)
                    out.append("\">")
                } else {
                    out.append("</a>")
                }
            case CMARK_NODE_IMAGE:
                if entering {
                    out.append("<img src=\"")
                    writeTarget(of: node, into: &out)
                    out.append("\" alt=\"")
                    plain = node
                } else {
                    writeTitle(of: node, into: &out)
                    out.append("\" />")
                    if rowImages.last == node {
                        rowImages.removeLast()
                        out.append("\n</div>\n<div class=\"picture-row__words\">\n<p>")
                    }
                }
            default:
                break
            }
        }
    }

    /// The picture row a paragraph makes, when it starts with a picture: as `MarkdownTransformer` used to rewrite
    /// the tree, spaces and line breaks after the picture are left out, and the words after them form the row.
    private func pictureRow(_ paragraph: OpaquePointer) -> PictureRow? {
        guard let image = cmark_node_first_child(paragraph), cmark_node_get_type(image) == CMARK_NODE_IMAGE else {
            return nil
        }
        var skipped: [OpaquePointer] = []
        var rest = cmark_node_next(image)
        while let node = rest {
            let type = cmark_node_get_type(node)
            let blank = type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
                || (type == CMARK_NODE_TEXT && isBlank(cmark_node_get_literal(node)))
            guard blank else { break }
            skipped.append(node)
            rest = cmark_node_next(node)
        }
        return PictureRow(image: image, words: rest, skipped: skipped)
    }

    /// Whether a text node's text is empty or all spaces (Unicode's, as `Character.isWhitespace` says). Text that
    /// is ASCII spaces and then a visible ASCII character, as the words after a picture are, needs no string.
    private func isBlank(_ chars: UnsafePointer<CChar>?) -> Bool {
        guard let chars else { return true }
        if let rest = HTMLBuffer.afterASCIISpaces(chars) { return rest.pointee == 0 }
        return String(cString: chars).allSatisfy(\.isWhitespace)
    }

    /// Whether a paragraph is in a tight list's item, where cmark writes no `<p>` around it.
    private func isTight(_ paragraph: OpaquePointer) -> Bool {
        guard let grandparent = cmark_node_parent(paragraph).flatMap(cmark_node_parent),
              cmark_node_get_type(grandparent) == CMARK_NODE_LIST else { return false }
        return cmark_node_get_list_tight(grandparent) != 0
    }

    /// Whether a C string has an ASCII digit, the only text `textLinks` is asked about.
    private static func hasDigit(_ chars: UnsafePointer<CChar>) -> Bool {
        var at = chars
        while at.pointee != 0 {
            if at.pointee >= 0x30 && at.pointee <= 0x39 { return true }
            at += 1
        }
        return false
    }

    /// Writes `text` escaped, with the parts `links` names as links to their targets.
    private func write(_ text: String, linking links: [TextLink], into out: inout HTMLBuffer) {
        var start = text.startIndex
        for link in links where link.range.lowerBound >= start && link.range.upperBound <= text.endIndex {
            out.escaped(text: text[start..<link.range.lowerBound])
            out.append("<a href=\"")
            out.safeHref(link.href)
            out.append("\">")
            out.escaped(text: text[link.range])
            out.append("</a>")
            start = link.range.upperBound
        }
        out.escaped(text: text[start...])
    }

    private func writeTarget(of node: OpaquePointer, into out: inout HTMLBuffer) {
        guard let chars = cmark_node_get_url(node) else { return }
        let written = String(cString: chars)
        out.safeHref(target(written) ?? written)
    }

    private func writeTitle(of node: OpaquePointer, into out: inout HTMLBuffer) {
        guard let title = cmark_node_get_title(node), title.pointee != 0 else { return }
        out.append("\" title=\"")
        out.escaped(title)
    }
}
