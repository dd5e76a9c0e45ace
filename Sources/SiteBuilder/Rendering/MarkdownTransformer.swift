import Markdown
import SiteModel

/// Prepares a page's Markdown tree for HTML: rewrites links to built addresses and turns paragraphs that begin
/// with a picture into picture rows (picture on the left, words on the right).
struct MarkdownTransformer {
    let resolver: LinkResolver
    let urls: SiteURLs
    let pagePath: String
    /// Whether phone numbers in the words become links that call (`PhoneLinks`). `transform`, which the writer is
    /// tested against, never makes them.
    var linksPhoneNumbers = true

    /// The page's body as HTML, written straight from the tree loading made, which the checker and other steps read
    /// too: the writer changes links and makes picture rows as it writes, so the tree is neither copied nor changed.
    func html(of page: Page) -> String { writer.html(page.document) }

    /// The HTML of Markdown as written (a service's description, say).
    func html(ofMarkdown text: String, lineOffset: Int) -> String {
        writer.html(MarkdownDocument(text, lineOffset: lineOffset))
    }

    /// Writes HTML as `transform` followed by cmark's renderer would, without changing the tree.
    var writer: HTMLWriter {
        let from = Self.sameFolder(as: pagePath)
        // An easy-read page shows the same few pictures at many of its points: each target is worked out once a page.
        let answers = TargetAnswers()
        return HTMLWriter(pictureRows: true, textLinks: linksPhoneNumbers ? PhoneLinks.links : nil) { url in
            if let known = answers.byTarget[url] { return known }
            let answer = target(of: url, from: from)
            answers.byTarget[url] = answer
            return answer
        }
    }

    /// The addresses one page's links and pictures lead to, by target as written; used by one writer on one thread.
    private final class TargetAnswers {
        var byTarget: [String: String?] = [:]
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
        guard let url = node.url, let target = target(of: url, from: from) else { return }
        node.url = target
    }

    /// The built address for a link or picture target, or nil to keep it as written.
    private func target(of url: String, from: String) -> String? {
        guard case .success(let target) = resolver.resolve(url, from: from) else { return nil }
        switch target {
        case .page(let slug, let fragment): return urls.page(slug, fragment: fragment)
        case .asset(let path, let fragment): return urls.file(path) + fragment
        case .unchanged: return nil
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
