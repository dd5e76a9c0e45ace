import Foundation
import Mustache
import Testing
@testable import SiteBuilder
import SiteModel

/// The listing and browse pages render each service card once and include its HTML; these check that a page made
/// that way is the page swift-mustache makes from the theme as it is, and that a theme whose cards depend on the page
/// is rendered as it always was.
@Suite("Service cards are rendered once without changing a page")
struct CardTemplatesTests {
    static let page = """
        <h1>{{page.title}}</h1>
        <ul>
          {{#services}}
          {{> card}}
          {{/services}}
        </ul>
        <p>{{count}}</p>

        """

    func theme(card: String, page: String = Self.page) -> Theme {
        let source = MemoryContentSource(["templates/list.mustache": page, "templates/card.mustache": card])
        return Theme.load(from: source, folder: LocalPath("/memory/theme"), display: "theme").theme!
    }

    let cards: [[String: Any]] = [
        ["name": "Maple <Lodge>", "href": "../maple/", "picture": "../p/bed.svg"],
        ["name": "Oak & Ash", "href": "../oak/"],
    ]

    func values(_ theme: Theme) -> [String: Any] {
        ["page": ["title": "Homes"], "count": "2 services", "services": cards]
    }

    /// The page as the split templates make it.
    func split(_ theme: Theme) -> String? {
        let values = values(theme)
        guard let split = CardTemplates.split("list", theme: theme, library: theme.library,
                                              pageKeys: Set(values.keys).subtracting(["services"]),
                                              cardKeys: ["name", "href"]) else { return nil }
        var all = values
        all[CardTemplates.cardsKey] = cards.map(split.html(of:)).joined()
        return split.library.render(all, withTemplate: "list")
    }

    @Test func aCardThatLooksOnlyAtItsOwnValuesGivesTheSamePage() throws {
        let theme = theme(card: "<li>{{#picture}}<img src=\"{{picture}}\">{{/picture}}\n<a href=\"{{href}}\">{{name}}</a></li>\n")
        let page = try #require(split(theme))
        #expect(page == theme.render("list", values(theme)))
        #expect(page.contains("  <li><img src=\"../p/bed.svg\">\n  <a href=\"../maple/\">Maple &lt;Lodge&gt;</a></li>\n"))
        #expect(page.contains("<a href=\"../oak/\">Oak &amp; Ash</a>"))
    }

    @Test func aCardThatLooksAtThePageIsRenderedWithIt() {
        // `page` is the page's, and `picture` could come from the page for a card without one.
        #expect(split(theme(card: "<li>{{name}} in {{page.title}}</li>\n")) == nil)
        #expect(split(theme(card: "<li>{{name}} {{count}}</li>\n")) == nil)
        #expect(split(theme(card: "<li>{{.}}</li>\n")) == nil)
    }

    @Test func aSectionThatIsNotOnItsOwnLinesIsLeftAlone() {
        let inline = "<ul>{{#services}}<li>{{name}}</li>{{/services}}</ul>\n"
        #expect(split(theme(card: "<li>{{name}}</li>", page: inline)) == nil)
        let nested = "{{#page}}\n{{#services}}\n<li>{{name}}</li>\n{{/services}}\n{{/page}}\n"
        #expect(split(theme(card: "<li>{{name}}</li>", page: nested)) == nil)
    }

    /// A service page's key facts are split the same way: each row is made once and the page includes the rows.
    static let servicePage = """
        <h1>{{service.name}}</h1>
        <dl>
          {{#service.facts}}
          <div><dt>{{label}}</dt>
          <dd>{{#lines}}<span>{{text}}</span>{{/lines}}</dd></div>
          {{/service.facts}}
        </dl>

        """

    @Test func aServicesFactsAreTheSamePageWhenEachRowIsMadeOnItsOwn() throws {
        let source = MemoryContentSource(["templates/service.mustache": Self.servicePage])
        let theme = try #require(Theme.load(from: source, folder: LocalPath("/memory/theme"), display: "theme").theme)
        let facts: [[String: Any]] = [
            ["label": "Kind of break", "lines": [["text": "Overnight <short> breaks"]]],
            ["label": "When it is open", "lines": [["text": "Monday: 9am"], ["text": "Tuesday & Wednesday"]]],
        ]
        let values: [String: Any] = ["service": ["name": "Maple Lodge", "facts": facts] as [String: Any]]
        let split = try #require(CardTemplates.split("service", section: "service.facts", key: CardTemplates.factsKey,
                                                     theme: theme, library: theme.library, pageKeys: ["service"],
                                                     cardKeys: ["label", "lines"]))
        var all = values
        all[CardTemplates.factsKey] = facts.map(split.html(of:)).joined()
        let page = try #require(split.library.render(all, withTemplate: "service"))
        #expect(page == theme.render("service", values))
        #expect(page.contains("<dd><span>Monday: 9am</span><span>Tuesday &amp; Wednesday</span></dd>"))
        // A row that looks at the service around it is made with the page, as it always was.
        let looking = MemoryContentSource(["templates/service.mustache": Self.servicePage.replacingOccurrences(
            of: "<dt>{{label}}</dt>", with: "<dt>{{label}} of {{service.name}}</dt>")])
        let lookingTheme = try #require(Theme.load(from: looking, folder: LocalPath("/memory/theme"), display: "theme").theme)
        #expect(CardTemplates.split("service", section: "service.facts", key: CardTemplates.factsKey, theme: lookingTheme,
                                    library: lookingTheme.library, pageKeys: ["service"], cardKeys: ["label", "lines"]) == nil)
    }

    /// The facts' HTML would stand at the start of the line after the section, where a tag alone on its line would no
    /// longer be alone, and would keep the line break swift-mustache leaves out: such a page is rendered as it is.
    @Test func aTagOnTheLineAfterTheSectionKeepsThePageWhole() throws {
        for next in ["{{! contact }}", "{{#service.name}}", "  {{> contact}}"] {
            let page = Self.servicePage.replacingOccurrences(of: "</dl>\n", with: "\(next)\n</dl>\n")
                + (next.hasPrefix("{{#") ? "{{/service.name}}\n" : "")
            let source = MemoryContentSource(["templates/service.mustache": page, "templates/contact.mustache": "<p>c</p>\n"])
            let theme = try #require(Theme.load(from: source, folder: LocalPath("/memory/theme"), display: "theme").theme)
            #expect(CardTemplates.split("service", section: "service.facts", key: CardTemplates.factsKey, theme: theme,
                                        library: theme.library, pageKeys: ["service"], cardKeys: ["label", "lines"]) == nil,
                    "\(next)")
        }
    }

    /// A theme that names Signpost's own key for the facts' HTML would see the rows where it saw nothing.
    @Test func aThemeThatLooksUpTheKeyIsRenderedAsItIs() throws {
        let page = Self.servicePage + "<p>{{{\(CardTemplates.factsKey)}}}</p>\n"
        let source = MemoryContentSource(["templates/service.mustache": page])
        let theme = try #require(Theme.load(from: source, folder: LocalPath("/memory/theme"), display: "theme").theme)
        #expect(CardTemplates.split("service", section: "service.facts", key: CardTemplates.factsKey, theme: theme,
                                    library: theme.library, pageKeys: ["service"], cardKeys: ["label", "lines"]) == nil)
    }

    /// The default theme's listing and browse pages take the quick way: at 10,000 services it saves a second.
    @Test func theDefaultThemesListsAreSplit() throws {
        let theme = try #require(Theme.load(from: LocalPath(defaultTheme)).theme)
        let page: Set<String> = ["lang", "root", "assets", "site", "nav", "hasNav", "documentTitle", "description", "page",
                                 "listingHref", "serviceCount"]
        let cardKeys = DirectoryPages.cardKeys
        #expect(CardTemplates.split("services-browse", theme: theme, library: theme.library, pageKeys: page,
                                    cardKeys: cardKeys) != nil)
        #expect(CardTemplates.split("services", theme: theme, library: theme.library,
                                    pageKeys: page.union(["types", "areas", "scripts"]), cardKeys: cardKeys) != nil)
        // And its service page's key facts: at 100,000 services that saves a sixth of the build.
        #expect(CardTemplates.split("service", section: "service.facts", key: CardTemplates.factsKey, theme: theme,
                                    library: theme.library, pageKeys: page.union(["service", "jsonLD"]),
                                    cardKeys: ["label", "lines"]) != nil)
    }
}
