import Markdown
import Foundation

/// The words of one block of a page — a paragraph, a list item, a heading or the summary — as plain text, with
/// a map back to where each part came from in the file. Pictures and code are left out; links give their words.
public struct TextBlock: Sendable {
    public enum Kind: Sendable, Equatable {
        case paragraph, listItem, heading(level: Int), summary, tableRow
    }

    public let kind: Kind
    /// The block's text, as Unicode scalars so that offsets and comparisons are cheap.
    public let characters: [Unicode.Scalar]
    /// Where runs of the text start in the file: (offset into `characters`, position).
    let anchors: [(offset: Int, position: SourcePosition)]
    /// Where the block itself starts.
    public let start: SourcePosition

    public var text: String { String(scalars: characters) }

    /// The place in the file of the character at `offset`.
    public func position(at offset: Int) -> SourcePosition {
        // The last anchor at or before `offset`, found by halving: anchors are in order of offset.
        var low = 0, high = anchors.count
        while low < high {
            let middle = (low + high) / 2
            if anchors[middle].offset <= offset { low = middle + 1 } else { high = middle }
        }
        let best = low > 0 ? anchors[low - 1] : (offset: 0, position: start)
        return SourcePosition(line: best.position.line, column: best.position.column + (offset - best.offset))
    }

    /// Sentences in the block. A list item or table row is one sentence even without a full stop.
    public var sentences: [Sentence] { Sentence.split(characters) }

    /// Every word in the block.
    public var words: [Word] { Word.split(characters, in: 0..<characters.count) }

    /// Whether `word` starts a sentence: it is first in the block, or comes after `.`, `!`, `?` or `:`.
    public func startsSentence(_ word: Word) -> Bool {
        var i = word.offset - 1
        while i >= 0, characters[i].isSpace || characters[i].isOne(of: "\"'“‘(") { i -= 1 }
        return i < 0 || characters[i].isOne(of: ".!?:")
    }

    var isSentenceText: Bool {
        if case .heading = kind { return false }
        return true
    }
}

/// Builds `TextBlock`s from a page's Markdown tree.
enum TextBlockReader {
    static func blocks(in root: MarkdownNode) -> [TextBlock] {
        var result: [TextBlock] = []
        visit(root, into: &result)
        return result
    }

    private static func visit(_ node: MarkdownNode, into result: inout [TextBlock]) {
        switch node.kind {
        case .paragraph:
            let inItem = node.parent?.kind == .item
            if isTable(node) {
                result += tableRows(node)
            } else {
                result.append(block(node, kind: inItem ? .listItem : .paragraph))
            }
        case .heading:
            result.append(block(node, kind: .heading(level: node.headingLevel)))
        case .codeBlock, .htmlBlock, .thematicBreak:
            break
        default:
            // Child by child, rather than through `children`, which makes an array for every node of every page.
            var child = node.firstChild
            while let next = child {
                visit(next, into: &result)
                child = next.next
            }
        }
    }

    /// Text of a block's inlines, with anchors at every text node.
    static func block(_ node: MarkdownNode, kind: TextBlock.Kind) -> TextBlock {
        var characters: [Unicode.Scalar] = []
        var anchors: [(Int, SourcePosition)] = []
        func collect(_ inline: MarkdownNode) {
            switch inline.kind {
            case .text:
                anchors.append((characters.count, inline.start))
                inline.withLiteralBytes { appendScalars(of: $0, to: &characters) }
            case .softBreak, .lineBreak, .code:
                characters.append(" ")
            case .image, .htmlInline:
                break
            default:
                var child = inline.firstChild
                while let next = child {
                    collect(next)
                    child = next.next
                }
            }
        }
        collect(node)
        return TextBlock(kind: kind, characters: characters, anchors: anchors, start: node.start)
    }

    /// Adds the scalars of a text node's UTF-8. Text in plain ASCII, as most is, is copied byte by byte without
    /// decoding, and straight from the tree, without making a string first.
    private static func appendScalars(of bytes: UnsafeBufferPointer<UInt8>, to characters: inout [Unicode.Scalar]) {
        var ascii = true
        for byte in bytes where byte >= 128 {
            ascii = false
            break
        }
        if ascii {
            characters.append(contentsOf: bytes.lazy.map { Unicode.Scalar($0) })
        } else {
            characters += String(decoding: bytes, as: UTF8.self).unicodeScalars
        }
    }

    /// A paragraph written as a pipe table: every line starts with `|`.
    static func isTable(_ node: MarkdownNode) -> Bool {
        guard let first = node.firstChild, first.kind == .text, (first.literal ?? "").hasPrefix("|") else { return false }
        var atLineStart = true
        var child: MarkdownNode? = first
        while let inline = child {
            if atLineStart && !(inline.kind == .text && (inline.literal ?? "").hasPrefix("|")) { return false }
            atLineStart = inline.kind == .softBreak || inline.kind == .lineBreak
            child = inline.next
        }
        return true
    }

    /// Each cell of a pipe table as its own block, so that a table of links is not one long sentence.
    private static func tableRows(_ node: MarkdownNode) -> [TextBlock] {
        let whole = block(node, kind: .tableRow)
        var rows: [TextBlock] = []
        var cellStart = 0
        // Anchors are in order, so each cell takes the next run of them: one pass over the table, however long.
        var nextAnchor = 0
        func finish(_ end: Int) {
            let cell = Array(whole.characters[cellStart..<end])
            defer { cellStart = end + 1 }
            while nextAnchor < whole.anchors.count, whole.anchors[nextAnchor].offset < cellStart { nextAnchor += 1 }
            var last = nextAnchor
            while last < whole.anchors.count, whole.anchors[last].offset < end { last += 1 }
            let trimmed = String(scalars: cell).trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.allSatisfy({ "-: ".contains($0) }) else { return }
            let anchors = whole.anchors[nextAnchor..<last].map { ($0.offset - cellStart, $0.position) }
            let start = whole.position(at: cellStart)
            rows.append(TextBlock(kind: .tableRow, characters: cell, anchors: anchors, start: start))
        }
        for (index, character) in whole.characters.enumerated() where character == "|" { finish(index) }
        finish(whole.characters.count)
        return rows
    }
}
