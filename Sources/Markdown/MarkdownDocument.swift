import CCmark

/// A parsed CommonMark document. Owns the cmark tree; every `MarkdownNode` keeps its document alive.
///
/// Parsing and rendering always run in cmark's safe mode: raw HTML is dropped and
/// `javascript:`, `vbscript:`, `file:` and most `data:` link targets are emptied.
public final class MarkdownDocument: @unchecked Sendable {
    let pointer: OpaquePointer
    /// Added to every line cmark reports, so positions count from the first line of the whole file.
    public let lineOffset: Int

    /// - Parameters:
    ///   - text: the Markdown source.
    ///   - lineOffset: how many lines came before `text` in its file (for example front matter).
    public init(_ text: String, lineOffset: Int = 0) {
        var text = text
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        pointer = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
        self.lineOffset = lineOffset
    }

    deinit { cmark_node_free(pointer) }

    /// The document node at the top of the tree.
    public var root: MarkdownNode { MarkdownNode(pointer, in: self) }

    /// HTML for the whole document, in safe mode.
    public func renderHTML() -> String { root.renderHTML() }
}
