import Foundation

/// The word lists the checker uses. They are kept as data files in `Data/` and built into the binary:
/// `common-words.txt` (from wordfreq; see its NOTICE), and the project's own `everyday-words.txt` (easy words that
/// are rarer in general text than in daily life), `hard-words.tsv`, `initials.tsv` and `hard-phrases.tsv`.
public struct WordLists: Sendable {
    /// Everyday words nobody needs explained, lowercased.
    public var common: Set<String>
    /// Hard words, lowercased, with easier words to use instead (empty when there is no simple swap).
    public var hardWords: [String: String]
    /// Initials such as NHS or LeDeR, written as they should be, with what they stand for.
    public var initials: [String: String]
    /// Every form of every hard word (`assess`, `assesses`, `assessed`, `assessing`…), with the word and the easier
    /// words, so the checker finds a hard word with one look-up.
    public var hardForms: [String: (word: String, easier: String)]
    /// Hard phrases, as lowercased words, with easier words.
    public var hardPhrases: [(words: [String], phrase: String, easier: String)] {
        didSet { phrasesByFirstWord = Self.index(hardPhrases) }
    }
    /// The same phrases by their first word, longest first, so each word of a page needs one look-up.
    public private(set) var phrasesByFirstWord: [String: [(words: [String], phrase: String, easier: String)]] = [:]

    static func index(_ phrases: [(words: [String], phrase: String, easier: String)])
        -> [String: [(words: [String], phrase: String, easier: String)]] {
        var index: [String: [(words: [String], phrase: String, easier: String)]] = [:]
        for phrase in phrases where !phrase.words.isEmpty { index[phrase.words[0], default: []].append(phrase) }
        return index.mapValues { $0.sorted { $0.words.count > $1.words.count } }
    }

    public init(common: Set<String>, hardWords: [String: String], initials: [String: String],
                hardPhrases: [(words: [String], phrase: String, easier: String)]) {
        self.common = common
        self.hardWords = hardWords
        self.initials = initials
        self.hardPhrases = hardPhrases
        self.phrasesByFirstWord = Self.index(hardPhrases)
        var forms: [String: (word: String, easier: String)] = [:]
        for (word, easier) in hardWords {
            for form in Self.forms(of: word) where forms[form] == nil { forms[form] = (word, easier) }
        }
        for (word, easier) in hardWords { forms[word] = (word, easier) }
        self.hardForms = forms
    }

    /// A word and its usual endings: -s, -es, -ed, -d, -ing (also without a final e), -ly, -er, -ers.
    static func forms(of word: String) -> [String] {
        var result = [word, word + "s", word + "es", word + "ed", word + "d", word + "ing", word + "ly", word + "er", word + "ers",
                      word + "'s"]
        if word.hasSuffix("e") { result.append(String(word.dropLast()) + "ing") }
        if word.hasSuffix("y") { result += [String(word.dropLast()) + "ies", String(word.dropLast()) + "ied"] }
        return result
    }

    /// The lists shipped with Signpost.
    public static let bundled: WordLists = {
        let common = Set((lines(of: "common-words", "txt") + lines(of: "everyday-words", "txt")).map { $0.lowercased() })
        var hard: [String: String] = [:]
        for (word, easier) in pairs(of: "hard-words") { hard[word.lowercased()] = easier }
        var initials: [String: String] = [:]
        for (letters, meaning) in pairs(of: "initials") { initials[letters] = meaning }
        let phrases = pairs(of: "hard-phrases").map { phrase, easier in
            (words: phrase.lowercased().split(separator: " ").map(String.init), phrase: phrase, easier: easier)
        }
        return WordLists(common: common, hardWords: hard, initials: initials, hardPhrases: phrases)
    }()

    /// A shipped list's bytes, from inside the binary (see `EmbeddedWordLists`): a copied binary needs nothing beside it.
    static func data(of file: String) -> Data {
        EmbeddedWordLists.files[file].flatMap { Data(base64Encoded: $0) } ?? Data()
    }

    private static func lines(of name: String, _ ext: String) -> [String] {
        let text = String(decoding: data(of: "\(name).\(ext)"), as: UTF8.self)
        // The lists are read at every build, so lines are split on their bytes, and only a line that starts with a
        // space or a tab is trimmed to see whether it is blank.
        return text.utf8.split(whereSeparator: { $0 == 10 || $0 == 13 }).map { String(Substring($0)) }
            .filter { line in
                guard let first = line.utf8.first, first != UInt8(ascii: "#") else { return false }
                return (first > 32 && first < 127) || !line.trimmingCharacters(in: .whitespaces).isEmpty
            }
    }

    private static func pairs(of name: String) -> [(String, String)] {
        lines(of: name, "tsv").map { line in
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]).trimmingCharacters(in: .whitespaces),
                    parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : "")
        }
    }

    /// Whether a lowercased word, or a simple form of it (without -s, -ed, -ing, -ly…), is common.
    public func isCommon(_ word: String) -> Bool {
        if common.contains(word) { return true }
        if word.count < 5 { return false }
        for candidate in Self.stems(of: word) where common.contains(candidate) { return true }
        return false
    }

    static func stems(of word: String) -> [String] {
        var result: [String] = []
        func drop(_ suffix: String, add: String = "") {
            if word.hasSuffix(suffix), word.count > suffix.count + 2 { result.append(String(word.dropLast(suffix.count)) + add) }
        }
        drop("'s"); drop("’s"); drop("s"); drop("es"); drop("ies", add: "y"); drop("ed"); drop("d"); drop("ied", add: "y")
        drop("ing"); drop("ing", add: "e"); drop("ly"); drop("er"); drop("ers"); drop("est"); drop("ness"); drop("ful")
        return result
    }
}
