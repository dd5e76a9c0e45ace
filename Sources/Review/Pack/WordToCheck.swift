import Foundation
import SiteModel

/// A word on the page that the group should check the meaning of: a glossary word with its easy meaning, or a word
/// the checker found hard, which has no meaning written yet.
public struct WordToCheck: Sendable, Hashable {
    public let word: String
    /// The glossary's easy meaning; nil when the glossary has none.
    public let meaning: String?
    /// The glossary's picture, as a path in the content folder, when it has one that exists.
    public let picture: String?

    /// The glossary words `text` uses, then the hard words in `findings` the glossary does not explain, each once,
    /// in the order they first appear.
    static func words(in text: String, glossary: Glossary, hardWords: [String],
                      picturePath: (String) -> String?) -> [WordToCheck] {
        let lowered = " " + text.lowercased().map { $0.isLetter || $0.isNumber || $0 == "'" || $0 == "-" ? $0 : " " } + " "
        var found: [(at: String.Index, word: WordToCheck)] = []
        var explained = Set<String>()
        for entry in glossary.words {
            let terms = [entry.word] + (entry.forms ?? [])
            let places = terms.compactMap { lowered.range(of: " \($0.lowercased()) ")?.lowerBound }
            guard let first = places.min() else { continue }
            terms.forEach { explained.insert($0.lowercased()) }
            found.append((first, WordToCheck(word: entry.word, meaning: entry.meaning,
                                             picture: entry.picture.flatMap(picturePath))))
        }
        var result = found.sorted { $0.at < $1.at }.map(\.word)
        for word in hardWords where !explained.contains(word.lowercased()) {
            explained.insert(word.lowercased())
            result.append(WordToCheck(word: word, meaning: nil, picture: nil))
        }
        return result
    }
}
