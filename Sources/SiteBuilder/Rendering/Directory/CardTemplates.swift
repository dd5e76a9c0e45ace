import Mustache
import SiteModel

/// The listing and the browse pages show the same service cards again and again: every service is on the listing and
/// on two to five browse pages, and a card's HTML depends only on the card's own values. Rendering a card through
/// swift-mustache costs far more than joining text, so each card is written once and pages include the text.
///
/// This works on the theme's own template, whatever the theme: a page template whose `{{#services}}` section stands on
/// lines of its own, outside any other section, is split in two. What is inside the section becomes a template of its
/// own for one card, and the section's lines become `{{{…}}}` of the cards' joined HTML. swift-mustache renders the
/// section's inside once per card in just that way, so the page comes out the same, byte for byte.
///
/// That holds only when a card's HTML cannot depend on the page around it, so a template is split only when the
/// section's inside, with every partial it includes, looks up nothing the page's own values could give it (names a
/// card always has win over the page's, so those may be shared), uses no `{{.}}`, transforms, blocks, parents,
/// pragmas or changed delimiters. Otherwise the page is rendered as it always was.
///
/// A service's page splits its `{{#service.facts}}` section in the same way: a key fact such as "Overnight stays: Yes"
/// is the same row on page after page.
struct CardTemplates {
    /// The key of the cards' joined HTML in a split page template's values; no card or page uses it.
    static let cardsKey = "signpost-service-cards"
    /// The same for a service's key facts.
    static let factsKey = "signpost-service-facts"
    /// The name the template for one card is registered under.
    static let cardTemplateSuffix = "#signpost-one-card"

    /// The library to render the page with: its page template split, and the template for one card added.
    let library: MustacheLibrary
    /// The name of the template for one card in `library`.
    let cardTemplate: String

    /// Splits the page template `name` of `theme` at its section `section`, or nil when its cards may depend on the
    /// page.
    ///
    /// - Parameters:
    ///   - library: the library to start from (the theme's, or one with shared partials already rendered).
    ///   - pageKeys: the names the page's values have at the top, besides `services`.
    ///   - cardKeys: the names every card has.
    ///   - key: the name the cards' joined HTML takes in the page's values.
    static func split(_ name: String, section: String = "services", key: String = cardsKey, theme: Theme,
                      library: MustacheLibrary, pageKeys: Set<String>, cardKeys: Set<String>) -> CardTemplates? {
        guard let text = theme.source.readText("templates/\(name).mustache"),
              let parts = sectionLines(named: section, in: text) else { return nil }
        let page = TemplateTags(text)
        guard !page.usesBlocks, !text.contains("{{="), TemplateTags(parts.before).unclosed.isEmpty else { return nil }
        // The key is Signpost's own: a theme that looks it up anywhere would see the cards where it saw nothing.
        guard !page.names.contains(key), !theme.templateTags.values.contains(where: { $0.names.contains(key) })
        else { return nil }
        // Everything one card's HTML may look up: the section's inside and every partial it reaches.
        let inside = TemplateTags(parts.inside)
        guard !inside.readsContext, !inside.usesBlocks, inside.dynamicPartials.isEmpty else { return nil }
        var names = inside.names
        var seen = Set<String>(), queue = inside.partials.map(\.name)
        while let partial = queue.popLast() {
            guard seen.insert(partial).inserted else { continue }
            guard let tags = theme.templateTags[partial], !tags.readsContext, !tags.usesBlocks,
                  tags.dynamicPartials.isEmpty else { return nil }
            names.formUnion(tags.names)
            queue += tags.partials.map(\.name)
        }
        guard names.isDisjoint(with: pageKeys.subtracting(cardKeys).union([key])) else { return nil }
        guard let card = try? Theme.fastEscaping(parts.inside),
              let rest = try? Theme.fastEscaping(parts.before + "{{{\(key)}}}" + parts.after) else { return nil }
        var library = library
        library.register(rest, named: name)
        library.register(card, named: name + cardTemplateSuffix)
        return CardTemplates(library: library, cardTemplate: name + cardTemplateSuffix)
    }

    /// One card's HTML, as the page's `{{#services}}` section writes it.
    func html(of card: [String: Any]) -> String {
        library.render(card, withTemplate: cardTemplate) ?? ""
    }

    /// The text before the line that opens the section `name`, the lines inside it, and the text after the line that
    /// closes it; nil unless both tags are alone on their lines (swift-mustache then leaves those lines out), the
    /// section is opened once, and nothing else is on either line.
    static func sectionLines(named name: String, in text: String) -> (before: String, inside: String, after: String)? {
        let open = "{{#\(name)}}", close = "{{/\(name)}}"
        let bytes = Array(text.utf8)
        guard let openAt = find(Array(open.utf8), in: bytes, from: 0),
              find(Array(open.utf8), in: bytes, from: openAt + 1) == nil,
              let closeAt = find(Array(close.utf8), in: bytes, from: openAt),
              find(Array(close.utf8), in: bytes, from: closeAt + 1) == nil else { return nil }
        guard let openLine = standaloneLine(at: openAt, length: open.utf8.count, in: bytes),
              let closeLine = standaloneLine(at: closeAt, length: close.utf8.count, in: bytes),
              openLine.end <= closeLine.start else { return nil }
        // The cards' HTML takes the section's place at the start of the next line: a tag on that line would then no
        // longer stand alone on it, and swift-mustache would keep the line break and spaces it leaves out now.
        let nextLineEnd = bytes[closeLine.end...].firstIndex(of: 10) ?? bytes.count
        guard find(Array("{{".utf8), in: Array(bytes[closeLine.end..<nextLineEnd]), from: 0) == nil else { return nil }
        func part(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        return (part(0..<openLine.start), part(openLine.end..<closeLine.start), part(closeLine.end..<bytes.count))
    }

    /// The whole line around a tag, with its line break, when only spaces and tabs are beside the tag on it.
    private static func standaloneLine(at index: Int, length: Int, in bytes: [UInt8]) -> (start: Int, end: Int)? {
        var start = index
        while start > 0, bytes[start - 1] != 10 {
            guard bytes[start - 1] == 32 || bytes[start - 1] == 9 else { return nil }
            start -= 1
        }
        var end = index + length
        while end < bytes.count, bytes[end] != 10 {
            guard bytes[end] == 32 || bytes[end] == 9 else { return nil }
            end += 1
        }
        // Without a line break after it, a last line is left as it is: swift-mustache's rules there are its own.
        guard end < bytes.count else { return nil }
        return (start, end + 1)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard needle.count <= bytes.count, from <= bytes.count - needle.count else { return nil }
        var i = from
        while i <= bytes.count - needle.count {
            if bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}
