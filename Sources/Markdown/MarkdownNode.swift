import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One node of a `MarkdownDocument`'s tree: a block (paragraph, list, heading…) or an inline (text, link, image…).
public struct MarkdownNode: @unchecked Sendable {
    let pointer: OpaquePointer
    /// Keeps the tree alive while a node is in use.
    public let document: MarkdownDocument

    init(_ pointer: OpaquePointer, in document: MarkdownDocument) {
        self.pointer = pointer
        self.document = document
    }

    init?(_ pointer: OpaquePointer?, in document: MarkdownDocument) {
        guard let pointer else { return nil }
        self.init(pointer, in: document)
    }

    public var kind: MarkdownNodeKind { MarkdownNodeKind(cmark_node_get_type(pointer)) }

    public var parent: MarkdownNode? { MarkdownNode(cmark_node_parent(pointer), in: document) }
    public var firstChild: MarkdownNode? { MarkdownNode(cmark_node_first_child(pointer), in: document) }
    public var next: MarkdownNode? { MarkdownNode(cmark_node_next(pointer), in: document) }
    public var previous: MarkdownNode? { MarkdownNode(cmark_node_previous(pointer), in: document) }

    /// The node's children, first to last.
    public var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    /// Text of a text, code, code block or raw HTML node.
    public var literal: String? {
        get {
            guard let chars = cmark_node_get_literal(pointer) else { return nil }
            return String(cString: chars)
        }
        nonmutating set { cmark_node_set_literal(pointer, newValue) }
    }

    /// The UTF-8 of a text, code, code block or raw HTML node, read in place: no string is made, which matters to
    /// code that reads every word of every page. Nil for other nodes.
    public func withLiteralBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard let chars = cmark_node_get_literal(pointer) else { return nil }
        return body(UnsafeBufferPointer(start: UnsafeRawPointer(chars).assumingMemoryBound(to: UInt8.self), count: strlen(chars)))
    }

    /// Target of a link or image.
    public var url: String? {
        get {
            guard let chars = cmark_node_get_url(pointer) else { return nil }
            return String(cString: chars)
        }
        nonmutating set { cmark_node_set_url(pointer, newValue) }
    }

    /// Heading level, 1 to 6, or 0 for other nodes.
    public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }


    /// Where the node starts in its file: 1-based line (front matter included) and column.
    public var start: SourcePosition {
        SourcePosition(line: Int(cmark_node_get_start_line(pointer)) + document.lineOffset,
                       column: Int(cmark_node_get_start_column(pointer)))
    }

    /// Where the node ends in its file.
    public var end: SourcePosition {
        SourcePosition(line: Int(cmark_node_get_end_line(pointer)) + document.lineOffset,
                       column: Int(cmark_node_get_end_column(pointer)))
    }

    /// The plain text inside the node: text, code and line breaks as spaces. Images give their alt text.
    public var plainText: String {
        var output = ""
        collectPlainText(into: &output)
        return output
    }

    private func collectPlainText(into output: inout String) {
        switch kind {
        case .text, .code: output += literal ?? ""
        case .softBreak, .lineBreak: output += " "
        default:
            for child in children { child.collectPlainText(into: &output) }
        }
    }

    /// Every node below this one, depth first, this one included. Uses cmark's own iterator.
    public func walk(_ visit: (MarkdownNode) -> Void) {
        guard let iterator = cmark_iter_new(pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            visit(MarkdownNode(node, in: document))
        }
    }

    /// HTML for this node and its children, in safe mode.
    public func renderHTML() -> String {
        guard let chars = cmark_render_html(pointer, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(chars) }
        return String(cString: chars)
    }

    // MARK: Editing the tree

    /// Makes a new block that writes `enter` before its children and `exit` after them.
    /// The strings are written as they are: pass only markup the caller wrote, never content.
    public static func wrapperBlock(enter: String, exit: String, in document: MarkdownDocument) -> MarkdownNode {
        let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        document.adoptLooseNode(node)
        return MarkdownNode(node, in: document)
    }


    /// Puts `node` just before this one, taking it from wherever it was.
    @discardableResult
    public func insertBefore(_ node: MarkdownNode) -> Bool { cmark_node_insert_before(pointer, node.pointer) == 1 }

    /// Adds `node` as the last child of this one, taking it from wherever it was.
    @discardableResult
    public func append(_ node: MarkdownNode) -> Bool { cmark_node_append_child(pointer, node.pointer) == 1 }

    /// Takes the node out of the tree. The document still frees it, with whatever is below it, unless it is put back.
    public func unlink() {
        cmark_node_unlink(pointer)
        document.adoptLooseNode(pointer)
    }
}

extension MarkdownNode: Equatable {
    public static func == (lhs: MarkdownNode, rhs: MarkdownNode) -> Bool { lhs.pointer == rhs.pointer }
}
