import Markdown
import SiteModel

/// One page as the rules see it: its Markdown tree and its text, split into blocks, sentences and words once.
public struct CheckedPage: Sendable {
    public let path: String
    public let format: PageFormat
    public let root: MarkdownNode
    /// The body's blocks, and the summary from the front matter as a block of its own.
    public let blocks: [TextBlock]
    /// The sentences of each block, in the same order as `blocks`.
    public let sentences: [[Sentence]]
    /// The words of each block, found once, in the same order as `blocks`.
    public let words: [[Word]]
    /// Pictures, italics and headings, found in one walk of the tree.
    public let images: [MarkdownNode], emphasis: [MarkdownNode], headings: [MarkdownNode]

    public init(path: String, format: PageFormat, root: MarkdownNode, summary: String? = nil,
                summaryPosition: SourcePosition? = nil) {
        self.path = path
        self.format = format
        self.root = root
        var blocks = TextBlockReader.blocks(in: root)
        if let summary, let place = summaryPosition {
            // The value starts after `summary: `.
            let start = SourcePosition(line: place.line, column: place.column + "summary: ".count)
            blocks.insert(TextBlock(kind: .summary, characters: Array(summary.unicodeScalars), anchors: [(0, start)], start: start), at: 0)
        }
        self.blocks = blocks
        var images: [MarkdownNode] = [], emphasis: [MarkdownNode] = [], headings: [MarkdownNode] = []
        root.walk { node in
            switch node.kind {
            case .image: images.append(node)
            case .emphasis: emphasis.append(node)
            case .heading: headings.append(node)
            default: break
            }
        }
        (self.images, self.emphasis, self.headings) = (images, emphasis, headings)
        let words = blocks.map(\.words)
        self.words = words
        self.sentences = zip(blocks, words).map { block, words in
            block.isSentenceText ? Sentence.split(block.characters, words: words) : []
        }
    }

    public init(page: Page) {
        self.init(path: page.path, format: page.frontMatter.format, root: page.document.root,
                  summary: page.frontMatter.summary, summaryPosition: page.keyPositions["summary"])
    }

    /// Every block with its sentences.
    var blocksWithSentences: Zip2Sequence<[TextBlock], [[Sentence]]> { zip(blocks, sentences) }

    /// Every word on the page, headings included, with the block it is in.
    func forEachWord(_ body: (Word, TextBlock) -> Void) {
        for (block, words) in zip(blocks, words) {
            for word in words { body(word, block) }
        }
    }

    /// Every block with its words.
    var blocksWithWords: Zip2Sequence<[TextBlock], [[Word]]> { zip(blocks, words) }
}
