import CCmark
import Foundation

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

    /// Nodes taken out of the tree (`MarkdownNode.unlink`) or made outside it (`MarkdownNode.wrapperBlock`).
    /// `cmark_node_free` on the document frees only what is in its tree, so each of these that is still loose when
    /// the document goes is freed on its own; one that was put back into a tree is freed with that tree. Without
    /// this, every rebuild of `signpost serve` lost the pictures a review reads out of each easy-read page.
    private var looseNodes: [OpaquePointer] = []
    private let looseLock = NSLock()

    /// Notes a node that is not, or no longer, in the document's tree.
    func adoptLooseNode(_ node: OpaquePointer) {
        looseLock.withLock { looseNodes.append(node) }
    }

    deinit {
        // Every loose node is looked at before anything is freed: a node whose parent is another loose node goes
        // with that one, and a node back in the tree goes with the tree.
        let topmost = Set(looseNodes.filter { cmark_node_parent($0) == nil && $0 != pointer })
        for node in topmost { cmark_node_free(node) }
        cmark_node_free(pointer)
    }

    /// The document node at the top of the tree.
    public var root: MarkdownNode { MarkdownNode(pointer, in: self) }

    /// The first node that is nested more than `limit` levels below the document (quotes in quotes, lists in lists,
    /// emphasis in emphasis), or nil. Found with cmark's iterator, so the walk itself needs no stack however deep
    /// the tree is; code that walks the tree by recursion can then rely on the limit.
    public func nodeNested(deeperThan limit: Int) -> MarkdownNode? {
        guard let iterator = cmark_iter_new(pointer) else { return nil }
        defer { cmark_iter_free(iterator) }
        var depth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { return nil }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            // Leaf nodes (text, code, breaks) are entered without an exit.
            let isLeaf = cmark_node_first_child(node) == nil && event == CMARK_EVENT_ENTER
                && [CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE,
                    CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_THEMATIC_BREAK].contains(cmark_node_get_type(node))
            if isLeaf { continue }
            if event == CMARK_EVENT_ENTER {
                depth += 1
                if depth > limit { return MarkdownNode(node, in: self) }
            } else if event == CMARK_EVENT_EXIT {
                depth -= 1
            }
        }
    }

    /// HTML for the whole document, in safe mode.
    public func renderHTML() -> String { root.renderHTML() }
}
