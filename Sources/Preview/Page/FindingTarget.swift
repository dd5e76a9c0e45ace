import SiteModel

/// Finds the words or picture a finding is about from its line and column in the page's Markdown source, so the page
/// can mark them. The checker's findings point at the start of what they are about: a word (often named in the
/// message between backticks), a sentence, or a picture.
struct FindingTarget: Equatable {
    var text: String?
    var picture: String?

    init(text: String? = nil, picture: String? = nil) {
        self.text = text
        self.picture = picture
    }

    init(diagnostic: Diagnostic, lines: [String]) {
        self.init()
        guard diagnostic.line >= 1, diagnostic.line <= lines.count else { return }
        let line = Array(lines[diagnostic.line - 1])
        let start = diagnostic.column - 1
        // Line 1, column 1 is the front matter's opening line: a finding about the whole page.
        guard start >= 0, start < line.count, !(diagnostic.line == 1 && String(line) == "---") else { return }
        let rest = String(line[start...])
        if rest.hasPrefix("!["), let picture = Self.pictureFile(rest) {
            self.picture = picture
            return
        }
        if let quoted = Self.quoted(in: diagnostic.message), rest.lowercased().hasPrefix(quoted.lowercased()) {
            text = String(rest.prefix(quoted.count))
            return
        }
        let sentence = Self.plainText(Self.sentence(from: rest))
        text = sentence.isEmpty ? nil : sentence
    }

    /// The first words between backticks in a message, such as `facilitator` in "`facilitator` is a hard word".
    static func quoted(in message: String) -> String? {
        let parts = message.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3, !parts[1].isEmpty else { return nil }
        return String(parts[1])
    }

    /// `![A sun](../pictures/sun.svg) …` → `sun.svg`.
    static func pictureFile(_ text: String) -> String? {
        guard let open = text.range(of: "]("), let close = text[open.upperBound...].firstIndex(of: ")") else { return nil }
        let address = text[open.upperBound..<close].split(separator: " ").first.map(String.init) ?? ""
        return address.split(separator: "/").last.map(String.init)
    }

    /// The text up to the end of the first sentence: a full stop, question or exclamation mark before a space or the
    /// end of the line.
    static func sentence(from text: String) -> String {
        let characters = Array(text)
        var index = 0
        var inLinkAddress = false
        while index < characters.count {
            let character = characters[index]
            if character == "]" && index + 1 < characters.count && characters[index + 1] == "(" { inLinkAddress = true }
            if character == ")" && inLinkAddress { inLinkAddress = false }
            if !inLinkAddress && ".!?".contains(character)
                && (index + 1 == characters.count || characters[index + 1] == " ") {
                return String(characters[...index])
            }
            index += 1
        }
        return text
    }

    /// Markdown taken out of a line so that it reads as the page shows it: pictures dropped, links to their words,
    /// emphasis and code marks removed, a heading's or list's marks at the start removed.
    static func plainText(_ markdown: String) -> String {
        var characters = Array(markdown)
        var result: [Character] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "!" && index + 1 < characters.count && characters[index + 1] == "[",
               let end = linkEnd(characters, from: index + 1) {
                index = end
                continue
            }
            if character == "[", let end = linkEnd(characters, from: index),
               let close = characters[index...].firstIndex(of: "]") {
                result += characters[(index + 1)..<close]
                index = end
                continue
            }
            if "*_`".contains(character) {
                index += 1
                continue
            }
            result.append(character)
            index += 1
        }
        characters = result
        var text = String(characters)
        while let first = text.first, "#->".contains(first) { text.removeFirst() }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Where `[words](address)` starting at `start` ends, just after its `)`; nil when it is not a link.
    private static func linkEnd(_ characters: [Character], from start: Int) -> Int? {
        guard let close = characters[start...].firstIndex(of: "]"), close + 1 < characters.count,
              characters[close + 1] == "(", let end = characters[(close + 1)...].firstIndex(of: ")") else { return nil }
        return end + 1
    }
}
