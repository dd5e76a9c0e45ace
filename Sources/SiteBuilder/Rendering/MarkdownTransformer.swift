import Markdown
import SiteModel

/// Prepares a page's Markdown tree for HTML: rewrites links to built addresses and turns paragraphs that begin
/// with a picture into picture rows (picture on the left, words on the right).
struct MarkdownTransformer {
    let resolver: LinkResolver
    let urls: SiteURLs
    let pagePath: String

    /// The page's body as HTML, made from a private copy of its Markdown tree: the page's own tree, which the checker
    /// and other steps read, stays as loading parsed it. Parsing again costs less than rendering the page's templates.
    func html(of page: Page) -> String { html(ofMarkdown: page.body, lineOffset: page.bodyLineOffset) }

    /// The HTML of Markdown as written (a page's body, a service's description), from a private parse: the tree
    /// that loading made, which checks and other renderers read at the same time, is never changed.
    func html(ofMarkdown text: String, lineOffset: Int) -> String {
        let copy = MarkdownDocument(text, lineOffset: lineOffset)
        transform(copy)
        return copy.renderHTML()
    }

    /// Rewrites `document` in place. Use it only on a tree nothing else reads.
    func transform(_ document: MarkdownDocument) {
        var paragraphs: [MarkdownNode] = []
        let from = Self.sameFolder(as: pagePath)
        document.root.walk { node in
            switch node.kind {
            case .link, .image: rewrite(node, from: from)
            case .paragraph: paragraphs.append(node)
            default: break
            }
        }
        for paragraph in paragraphs { makePictureRow(paragraph, in: document) }
    }

    /// A path in the same folder as `path` with the shortest name: links resolve from the page's folder alone, and the
    /// resolver finds the folder by searching back from the end, character by character, for every link.
    static func sameFolder(as path: String) -> String {
        let folder: String
        if path.utf8.allSatisfy({ $0 < 128 }) {
            folder = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
        } else {
            folder = ContentPath.folder(of: path)
        }
        return folder.isEmpty ? "" : folder + "/"
    }

    private func rewrite(_ node: MarkdownNode, from: String) {
        guard let url = node.url, case .success(let target) = resolver.resolve(url, from: from) else { return }
        switch target {
        case .page(let slug, let fragment): node.url = urls.page(slug, fragment: fragment)
        case .asset(let path, let fragment): node.url = urls.file(path) + fragment
        case .unchanged: break
        }
    }

    /// `![A house](house.svg) We help at home.` becomes
    /// `<div class="picture-row"><div class="picture-row__picture"><img …></div><div class="picture-row__words"><p>We help at home.</p></div></div>`.
    private func makePictureRow(_ paragraph: MarkdownNode, in document: MarkdownDocument) {
        guard let image = paragraph.firstChild, image.kind == .image else { return }
        // Words after the picture; a picture on its own is not a row.
        var rest = image.next
        while let node = rest, node.kind == .softBreak || node.kind == .lineBreak
            || (node.kind == .text && (node.literal ?? "").allSatisfy(\.isWhitespace)) {
            rest = node.next
            node.unlink()
        }
        guard let words = rest else { return }
        if words.kind == .text, let text = words.literal, text.first?.isWhitespace == true {
            words.literal = String(text.drop(while: \.isWhitespace))
        }
        let row = MarkdownNode.wrapperBlock(enter: "<div class=\"picture-row\">", exit: "</div>\n", in: document)
        let picture = MarkdownNode.wrapperBlock(enter: "<div class=\"picture-row__picture\">", exit: "</div>", in: document)
        let wordsBlock = MarkdownNode.wrapperBlock(enter: "<div class=\"picture-row__words\">", exit: "</div>", in: document)
        paragraph.insertBefore(row)
        row.append(picture)
        row.append(wordsBlock)
        picture.append(image)
        wordsBlock.append(paragraph)
    }
}
