import Foundation
import Testing
@testable import SiteBuilder
import SiteModel

@Suite("Rendering pages without side effects")
struct PageRendererTests {
    /// The checker and other steps read the tree loading made; rendering must not rewrite its links or its paragraphs.
    @Test func renderingLeavesThePagesMarkdownAsWritten() throws {
        let body = """
        ![A house](../pictures/house.svg) We help at home.

        Read [about breaks](b.md).
        """
        let result = try buildInMemory([
            "pictures/house.svg": "<svg/>",
            "pages/a.md": pageFile("title: A\nsummary: A.", body),
            "pages/b.md": pageFile("title: B\nsummary: B."),
        ])
        #expect(result.errors.isEmpty)
        let html = try #require(result.html("a/index.html"))
        #expect(html.contains(#"<a href="../b/">about breaks</a>"#))
        #expect(html.contains(#"<div class="picture-row">"#))
        let page = try #require(result.site?.pages.first { $0.path == "pages/a.md" })
        let tree = page.document.renderHTML()
        #expect(tree.contains(#"<a href="b.md">about breaks</a>"#))
        #expect(!tree.contains("picture-row"))
    }

    /// The same page rendered twice gives the same bytes: nothing from the first render is left behind.
    @Test func renderingAPageTwiceGivesTheSameHTML() throws {
        let result = try buildInMemory([
            "pages/a.md": pageFile("title: A\nsummary: A.", "Read [about breaks](b.md)."),
            "pages/b.md": pageFile("title: B\nsummary: B."),
        ])
        let site = try #require(result.site)
        let theme = try #require(result.theme)
        let pagesByPath = site.pagesByPath
        let renderer = PageRenderer(site: site, theme: theme, resolver: LinkResolver(site: site),
                                    pagesByPath: pagesByPath, directory: nil)
        let page = try #require(pagesByPath["pages/a.md"])
        #expect(renderer.render(page) == renderer.render(page))
        #expect(renderer.render(page) == result.files["a/index.html"])
    }

    /// A theme's footer that shows the page's own title must not show the first page's title on every page, while a
    /// header that shows only the site's values is made once.
    @Test func partialsThatReadAPagesOwnValuesAreRenderedForEachPage() throws {
        let tags = [
            "page": TemplateTags("{{> header}}\n<h1>{{page.title}}</h1>\n{{> footer}}\n"),
            "header": TemplateTags("<a href=\"{{site.homeHref}}\">{{site.title}}</a>{{#nav}}{{label}}{{/nav}}"),
            "footer": TemplateTags("<p>{{page.title}} – {{site.contact.phone}}</p>"),
            "card": TemplateTags("{{title}}"),
            "home": TemplateTags("{{#cards}}{{> card}}{{/cards}}{{> header}}"),
        ]
        let candidates = SharedPartials.candidates(tags, pageTemplates: ["home", "page"])
        #expect(candidates.map(\.name) == ["footer", "header"])
        let footer = try #require(candidates.first { $0.name == "footer" })
        // `page` is a page's own value, so a page leaves the footer to be rendered with its values.
        #expect(!footer.names.isDisjoint(with: ["page", "documentTitle"]))
        let header = try #require(candidates.first { $0.name == "header" })
        #expect(header.names.isDisjoint(with: ["page", "documentTitle", "description"]))
    }

    /// End to end: a theme whose footer names the page shows each page's own name in it.
    @Test func aFooterThatNamesThePageNamesEachPage() throws {
        let theme = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: theme) }
        try FileManager.default.removeItem(at: theme)
        try FileManager.default.copyItem(at: defaultTheme, to: theme)
        let footer = theme.appendingPathComponent("templates/footer.mustache")
        try ("<p class=\"footer-page\">{{page.title}}</p>\n" + String(contentsOf: footer, encoding: .utf8))
            .write(to: footer, atomically: true, encoding: .utf8)
        let files = [
            "site.yml": minimalConfig, "index.md": pageFile("title: Home\nsummary: The home page."),
            "pages/a.md": pageFile("title: Apples\nsummary: A."), "pages/b.md": pageFile("title: Bananas\nsummary: B."),
        ]
        let options = BuildOptions(content: URL(fileURLWithPath: "/memory/Content"), theme: theme,
                                   output: URL(fileURLWithPath: "/memory/Output"), dryRun: true)
        let result = try BuildPipeline(steps: [LoadStep(), ValidateStep(), DirectoryStep(), RenderStep()])
            .run(BuildContext(options: options, source: MemoryContentSource(files)))
        #expect(try #require(result.html("a/index.html")).contains(#"<p class="footer-page">Apples</p>"#))
        #expect(try #require(result.html("b/index.html")).contains(#"<p class="footer-page">Bananas</p>"#))
    }

    /// Partials that swift-mustache renders with something other than the page's top-level values are never shared.
    @Test func partialsInsideSectionsOrIndentedAreNotShared() {
        let tags = [
            "page": TemplateTags("{{#page}}{{> inside}}{{/page}}\n  {{> indented}}\n{{> dotted}}\n"),
            "inside": TemplateTags("{{site.title}}"),
            "indented": TemplateTags("{{site.title}}\n{{site.title}}"),
            "dotted": TemplateTags("{{#nav}}{{.}}{{/nav}}"),
        ]
        #expect(SharedPartials.candidates(tags, pageTemplates: ["page"]).isEmpty)
    }
}
