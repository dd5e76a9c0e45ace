import Markdown

/// UK phone numbers in a page's words, as people write them, made into links that call: `0116 496 0000`,
/// `020 7946 0000`, `07700 900123`, `+44 116 496 0000`, and the short numbers people are told to ring (999, 111,
/// 112, 101, 105, 119, 116 123, 116 117) after "phone", "call", "ring", "dial" or "text", or after "or" and another
/// number. The words stay as written; the link's target is the number in full (`tel:+441164960000`, `tel:999`).
/// The words that introduce a short number are English: a page in another language links its full numbers only.
enum PhoneLinks {
    static func links(in text: String) -> [HTMLWriter.TextLink] {
        let characters = Array(text.indices)
        var links: [HTMLWriter.TextLink] = []
        var index = 0
        while index < characters.count {
            let at = characters[index]
            let before = index > 0 ? text[characters[index - 1]] : " "
            guard !before.isLetter, !before.isNumber, !(before == "+") else { index += 1; continue }
            if let (end, href) = fullNumber(text, characters, from: index) ?? shortNumber(text, characters, from: index,
                                                                                         after: links.last) {
                let upper = end < characters.count ? characters[end] : text.endIndex
                links.append(.init(range: at..<upper, href: href))
                index = end
            } else {
                index += 1
            }
        }
        return links
    }

    /// `tel:` and the number in full, for a number as written: `0116 496 0000` is `tel:+441164960000`.
    static func href(for written: String) -> String {
        let digits = written.filter(\.isASCIIDigit)
        if written.trimmingPrefix(while: \.isWhitespace).hasPrefix("+") { return "tel:+" + digits }
        if digits.hasPrefix("0"), digits.count >= 10 { return "tel:+44" + digits.dropFirst() }
        return "tel:" + digits
    }

    /// Digits in groups with single spaces between, starting `0` (10 or 11 figures) or `+44` (12 or 13).
    private static func fullNumber(_ text: String, _ characters: [String.Index], from start: Int) -> (Int, String)? {
        var index = start
        var digits = ""
        if text[characters[index]] == "+" {
            index += 1
        } else if text[characters[index]] != "0" {
            return nil
        }
        var end = index
        while index < characters.count {
            let character = text[characters[index]]
            if character.isASCIIDigit {
                digits.append(character)
                index += 1
                end = index
            } else if character == " " || character == "\u{00A0}", index + 1 < characters.count,
                      text[characters[index + 1]].isASCIIDigit, !digits.isEmpty {
                index += 1
            } else {
                break
            }
        }
        let after = end < characters.count ? text[characters[end]] : " "
        guard !after.isLetter, !after.isNumber else { return nil }
        let international = text[characters[start]] == "+"
        let fits = international ? digits.hasPrefix("44") && (11...12).contains(digits.count)
                                 : digits.hasPrefix("0") && (10...11).contains(digits.count)
        guard fits else { return nil }
        let written = String(text[characters[start]..<(end < characters.count ? characters[end] : text.endIndex)])
        return (end, href(for: written))
    }

    private static let shortNumbers = ["999", "111", "112", "101", "105", "119", "116 123", "116 117"]
    private static let callWords: Set<String> = ["phone", "call", "ring", "dial", "text"]

    /// A short number, only where the words before it ask to ring it.
    private static func shortNumber(_ text: String, _ characters: [String.Index], from start: Int,
                                    after last: HTMLWriter.TextLink?) -> (Int, String)? {
        let rest = text[characters[start]...]
        guard let number = shortNumbers.first(where: { rest.hasPrefix($0) }) else { return nil }
        let end = start + number.count
        let after = end < characters.count ? text[characters[end]] : " "
        guard !after.isLetter, !after.isNumber else { return nil }
        let before = text[..<characters[start]]
        let words = before.split(whereSeparator: { !$0.isLetter })
        guard let word = words.last?.lowercased() else { return nil }
        let asked = callWords.contains(word)
            || ((word == "or" || word == "and") && last.map { text[$0.range.upperBound..<characters[start]]
                .split(whereSeparator: { !$0.isLetter }).count == 1 } == true)
        return asked ? (end, "tel:" + number.filter(\.isASCIIDigit)) : nil
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
