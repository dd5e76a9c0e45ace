import Foundation
import Markdown
import SiteModel

/// Splits a Markdown tree into headings and numbered points, the way the easy-read checker and the theme read a page:
/// a paragraph is a point (a picture row when it starts with a picture), a list item is a point, a quote's paragraphs
/// are points, and code, raw HTML and lines across the page are not points.
struct PointReader {
    let picturePath: (String) -> String?

    func blocks(of document: MarkdownDocument) -> [ReviewBlock] {
        var blocks: [ReviewBlock] = []
        var number = 0
        visit(document.root, into: &blocks, number: &number)
        return blocks
    }

    private func visit(_ node: MarkdownNode, into blocks: inout [ReviewBlock], number: inout Int) {
        for child in node.children {
            switch child.kind {
            case .heading:
                blocks.append(.heading(level: child.headingLevel, text: child.plainText))
            case .paragraph:
                number += 1
                blocks.append(.point(point(number, parts: [child], start: child.start, end: child.end)))
            case .list:
                for item in child.children { visitItem(item, into: &blocks, number: &number) }
            case .blockQuote:
                visit(child, into: &blocks, number: &number)
            default:
                break
            }
        }
    }

    /// A list item is one point made of its own paragraphs; a list inside it gives points of its own, after it.
    private func visitItem(_ item: MarkdownNode, into blocks: inout [ReviewBlock], number: inout Int) {
        let parts = item.children.filter { $0.kind == .paragraph }
        let nested = item.children.filter { $0.kind != .paragraph }
        if !parts.isEmpty {
            number += 1
            blocks.append(.point(point(number, parts: parts, start: item.start, end: parts.last!.end)))
        }
        for block in nested {
            let wrapper = block
            if wrapper.kind == .list {
                for inner in wrapper.children { visitItem(inner, into: &blocks, number: &number) }
            } else {
                visit(wrapper, into: &blocks, number: &number)
            }
        }
    }

    private func point(_ number: Int, parts: [MarkdownNode], start: SourcePosition, end: SourcePosition) -> ReviewPoint {
        // The hash is of the point as written, before the pack's changes to it.
        let hash = String(SHA256.hex(parts.map { $0.renderHTML() }.joined()).prefix(12))
        let text = parts.map(\.plainText).joined(separator: " ")
        var picture: ReviewPoint.Picture?
        if let first = parts.first, let image = first.firstChild, image.kind == .image {
            let reference = image.url ?? ""
            picture = ReviewPoint.Picture(reference: reference, contentPath: picturePath(reference),
                                          alt: image.plainText)
            image.unlink()
            // The space between the picture and the words goes with the picture.
            var next = first.firstChild
            while let node = next, node.kind == .softBreak || node.kind == .lineBreak
                || (node.kind == .text && (node.literal ?? "").allSatisfy(\.isWhitespace)) {
                next = node.next
                node.unlink()
            }
            if let words = first.firstChild, words.kind == .text, let literal = words.literal {
                words.literal = String(literal.drop(while: \.isWhitespace))
            }
        }
        for part in parts {
            part.walk { node in
                guard node.kind == .image, let url = node.url else { return }
                node.url = picturePath(url).map { ReviewPack.pictureFolder + $0 } ?? ""
            }
        }
        let html = parts.map { Self.withoutLinks($0.renderHTML()) }.joined()
        let wordsText = picture.map { _ in parts.map(\.plainText).joined(separator: " ") } ?? text
        return ReviewPoint(number: number, hash: hash, start: start, end: end, picture: picture, wordsHTML: html,
                           text: wordsText.trimmingCharacters(in: .whitespaces))
    }

    /// cmark's `<a href="…">…</a>` as `<span class="review-link">…</span>`: the pack has no site for a link to lead
    /// to, but the group should see that the words are a link. cmark escapes every attribute, so the tag ends at the
    /// first `>`.
    static func withoutLinks(_ html: String) -> String {
        var result = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<a href=") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: ">") else { break }
            result += "<span class=\"review-link\">"
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result.replacingOccurrences(of: "</a>", with: "</span>")
    }
}
