import Mustache
import Testing
@testable import SiteBuilder

/// Themes' `{{name}}` values are escaped by Signpost's own content type: what readers get must be exactly what
/// swift-mustache's HTML escaping gave, or a page title could show `&amp;lt;`, or text could break out of an attribute.
@Suite("Escaping values in templates")
struct HTMLEscapingTests {
    /// Text a page or a service could hold, with the characters HTML needs escaped next to ones that join with them.
    static let awkward = [
        "", "Short breaks", "Tom & Jerry's \"big\" <day> out", "&amp; already", "<<>>&&''\"\"",
        "café <b>", "<é", "é>", "naïve & fine", "👍🏽<", "<👍🏽", "a\r\n<b>\r\n",
        "<\u{338}", "&\u{301}", "'\u{200D}", "\u{600}<", "x\u{600}&y", "\"\u{FE0F}", "日本語 & 'テキスト'",
    ]

    /// swift-mustache's own HTML escaping: a template without Signpost's pragma.
    private func libraryEscaping(_ text: String) throws -> String {
        try MustacheTemplate(string: "[{{value}}]").render(["value": text])
    }

    @Test(arguments: awkward)
    func valuesAreEscapedExactlyAsSwiftMustacheEscapesThem(_ text: String) throws {
        let expected = try libraryEscaping(text)
        #expect(HTMLEscaping.escape(text) == String(expected.dropFirst().dropLast()))
        #expect(HTMLEscaping.byCharacter(text) == String(expected.dropFirst().dropLast()))
        let template = try Theme.fastEscaping("[{{value}}]")
        #expect(template.render(["value": text]) == expected)
    }

    /// The pragma put before a theme's text must not change how the text's first lines are read: standalone tags,
    /// indented partials, delimiter changes and a theme's own pragma give the same output as without it.
    @Test(arguments: [
        "{{#items}}\n  <li>{{.}}</li>\n{{/items}}\n",
        "  {{! a comment alone on the first line }}\n<p>{{title}}</p>",
        "\n\n{{title}}",
        "   \n{{title}}",
        "{{=<% %>=}}\n<p><% title %></p>\n",
        "  {{> item}}\n<p>{{{raw}}}</p>",
        "{{% CONTENT_TYPE: TEXT }}\n<p>{{title}}</p>",
        "<p>{{title}}</p>{{% CONTENT_TYPE: TEXT }}{{title}}",
        "{{^missing}}\n  nothing <here>\n{{/missing}}",
    ])
    func templatesRenderAsTheyDidWithoutThePragma(_ text: String) throws {
        let values: [String: Any] = ["title": "Tom & Jerry's <day>", "items": ["a<b", "c&d"], "raw": "<b>bold</b>"]
        var plain = MustacheLibrary()
        try plain.register(text, named: "page")
        try plain.register("<i>{{title}}</i>\n", named: "item")
        var fast = MustacheLibrary()
        fast.register(try Theme.fastEscaping(text), named: "page")
        fast.register(try Theme.fastEscaping("<i>{{title}}</i>\n"), named: "item")
        #expect(fast.render(values, withTemplate: "page") == plain.render(values, withTemplate: "page"))
    }

    /// A template swift-mustache cannot read is reported at the theme's own line and column, not ones moved by the
    /// pragma.
    @Test(arguments: ["<p>\n{{#open}}\n</p>\n", "one\ntwo {{/stray}}", "{{name", "{{% CONTENT_TYPE: NONE }}"])
    func parseErrorsNameTheThemesOwnPlace(_ text: String) throws {
        let plain = try #require(throws: MustacheTemplate.ParserError.self) { try MustacheTemplate(string: text) }
        let fast = try #require(throws: MustacheTemplate.ParserError.self) { try Theme.fastEscaping(text) }
        #expect(fast.context.lineNumber == plain.context.lineNumber)
        #expect(fast.context.columnNumber == plain.context.columnNumber)
        #expect(String(describing: fast.error) == String(describing: plain.error))
    }
}
