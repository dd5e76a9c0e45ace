import Foundation
import Markdown
import Testing
@testable import SiteBuilder
import SiteModel

/// Pages are written as HTML straight from their Markdown tree; what readers get must be exactly what cmark's own
/// renderer gives after the old rewrite of links and picture rows, or pages would change when the site is rebuilt.
@Suite("Writing a page's HTML from its tree")
struct HTMLWriterTests {
    /// Markdown with every kind of node cmark makes, awkward characters and picture rows in odd places.
    static let documents: [String] = [
        "# Title\n\nA paragraph with *emphasis*, **strong**, `code` and a [link](b.md \"Its title\").",
        "![A house](../pictures/house.svg) We help at home.\n\nMore words.",
        "![A house](house.svg)\n  We help at home.",
        "![A house](house.svg)  \nWe help at home.",
        "![A house](house.svg)",
        "![A house](house.svg)&#32;",
        "![A house](house.svg) ![A car](car.svg) Two pictures.",
        "- ![A](a.svg) In a tight list.\n- Second\n\n1. One\n2. Two",
        "3. Three\n\n4. Four, loose\n\n   ![B](b.svg) Picture in a loose item.",
        "> Quoted ![pic *alt* `code` <b>x</b>](p.svg \"t&le\") words\n> more\\\nline",
        "```swift extra\nlet x = \"<&>\"\n```\n\n    indented <code>\n\n***\n\n<div>raw html</div>\n\nInline <span>raw</span>.",
        "[bad](javascript:alert(1)) [bad2](JAVASCRIPT:x) [ok](data:image/png;base64,AA) [vb](vbscript:x) [f](file:///x)",
        "[odd](<a b'c&d\"e[f]g^h`i{j|k}l~m$n%o>) [unicode](naïve.md#Teil) [frag](#top) [mail](mailto:a@b.org)",
        "Setext heading\n==============\n\n## ATX `code` heading ##\n\nText & more < less > \"quoted\".",
        "Line one\nline two  \nline three\\\nline four",
        "![](empty.svg) Words after an empty picture.",
        "![A](a.svg)\u{00A0}\u{2003}Words after Unicode spaces.",
        "![A](a.svg)&#9;&#11;&#12;Words after escaped spaces.",
        "![A](a.svg)&#160;\n&#32;\nWords after a line of spaces.",
        "![A](a.svg) \u{0301}A combining mark after the space.",
        "* a\n\n  ![x](x.svg) y\n* b",
        // Bytes that look like `/` or `:` once folded as if they were letters: never a picture's `data:` address.
        "[g](data:image&#15;png,<script>alert(1)</script>) <data:image\u{0F}png,x> ![p](DATA:IMAGE/PNG;base64,AA)",
        "[j](javascript\u{1A}alert(1)) [J](JaVaScRiPt:alert(1))",
        "",
    ]

    /// A page of many picture rows is written in time that grows with the page, not with its square: 20,000 rows
    /// once took minutes. Not a timing test: the rows are counted, and the writer must get through them at all.
    @Test func manyPictureRowsAreAllWritten() throws {
        let files = ["site.yml": minimalConfig, "index.md": pageFile("title: Home\nsummary: Home."),
                     "pages/a.md": pageFile("title: A\nsummary: A."), "pictures/house.svg": "<svg/>"]
        let site = try #require(try ContentLoader().load(from: MemoryContentSource(files)).site)
        let transformer = MarkdownTransformer(resolver: LinkResolver(site: site), urls: SiteURLs(fromSlug: "a"),
                                              pagePath: "pages/a.md")
        let text = String(repeating: "![A house](../pictures/house.svg)\nWords.\n\n", count: 20_000)
        let written = transformer.writer.html(MarkdownDocument(text))
        #expect(written.components(separatedBy: "Words.").count - 1 == 20_000)
    }

    @Test func writerMatchesRewriteAndCmark() throws {
        let files = ["site.yml": minimalConfig, "index.md": pageFile("title: Home\nsummary: Home."),
                     "pages/a.md": pageFile("title: A\nsummary: A."), "pages/b.md": pageFile("title: B\nsummary: B."),
                     "pictures/house.svg": "<svg/>"]
        let site = try #require(try ContentLoader().load(from: MemoryContentSource(files)).site)
        let resolver = LinkResolver(site: site)
        for (index, text) in Self.documents.enumerated() {
            let transformer = MarkdownTransformer(resolver: resolver, urls: SiteURLs(fromSlug: "a"), pagePath: "pages/a.md",
                                                  linksPhoneNumbers: false)
            let copy = MarkdownDocument(text)
            transformer.transform(copy)
            let expected = copy.renderHTML()
            let written = transformer.writer.html(MarkdownDocument(text))
            #expect(written == expected, "document \(index)")
        }
    }

    /// The sample site's pages, each written both ways.
    @Test func samplePagesMatchRewriteAndCmark() throws {
        let site = try #require(try ContentLoader().load(from: DirectoryContentSource(root: sampleContent)).site)
        let resolver = LinkResolver(site: site)
        #expect(!site.pages.isEmpty)
        for page in site.pages {
            let transformer = MarkdownTransformer(resolver: resolver, urls: SiteURLs(fromSlug: page.slug), pagePath: page.path,
                                                  linksPhoneNumbers: false)
            let copy = MarkdownDocument(page.body, lineOffset: page.bodyLineOffset)
            transformer.transform(copy)
            #expect(transformer.html(of: page) == copy.renderHTML(), "\(page.path)")
        }
    }
}
