/// Everything the word rules want to know about one lowercased word, worked out once per site instead of once per
/// word of every page.
struct WordFacts: Sendable {
    /// In the glossary or the site's `words:`.
    var isKnown = false
    /// The hard word this is a form of, with easier words, and whether that hard word is itself known.
    var hard: (word: String, easier: String)?
    var hardWordIsKnown = false
    /// `WordLists.isCommon`: the word or a simple form of it is an everyday word.
    var isCommon = false
    /// `NumberWordsRule.value(of:)`: 3 for `three`, 21 for `twenty-one`.
    var number: Int?
    /// The synonym terms that may start at this word, in the order `ConsistentTermsRule` tries them.
    var synonyms: [SynonymTerm] = []
    /// Some hard phrase starts with this word.
    var startsPhrase = false
    /// A form of "be", which may start a passive.
    var isBe = false
    /// `Syllables.count`, for a word written in ASCII; -1 otherwise, as the count reads UTF-8 bytes and a word
    /// with accents may be written in more than one way.
    var syllables = -1
}

/// Every word the rules know something about — word lists, the site's words, number words, synonyms, phrases —
/// with its facts, so that a page's words are each looked up once, by one hash, and the rules read the answers.
/// A word that is not here is not known, not hard, not a number word and starts no synonym or phrase.
struct Lexicon: Sendable {
    private(set) var facts: [WordFacts] = []
    private var ids: [String: Int32] = [:]

    init() {}

    init(wordLists: WordLists, knownWords: Set<String>, synonymStarts: [String: [SynonymTerm]]) {
        var keys = Set<String>()
        keys.formUnion(knownWords)
        keys.formUnion(wordLists.hardForms.keys)
        keys.formUnion(wordLists.phrasesByFirstWord.keys)
        keys.formUnion(PassiveVoiceRule.be)
        keys.formUnion(NumberWordsRule.allWords)
        // A page's word starts a term when it is the term's first word, or that word with `s` or `es`.
        for first in synonymStarts.keys { keys.formUnion([first, first + "s", first + "es"]) }
        // Common words last: there are many, and only their syllables and commonness are needed.
        keys.formUnion(wordLists.common)
        facts.reserveCapacity(keys.count)
        ids.reserveCapacity(keys.count)
        for key in keys {
            var entry = WordFacts()
            entry.isKnown = knownWords.contains(key)
            if let hard = wordLists.hardForms[key] {
                entry.hard = hard
                entry.hardWordIsKnown = knownWords.contains(hard.word)
            }
            entry.isCommon = wordLists.isCommon(key)
            entry.number = NumberWordsRule.value(of: key)
            entry.synonyms = ConsistentTermsRule.candidates(for: key, in: synonymStarts)
            entry.startsPhrase = wordLists.phrasesByFirstWord[key] != nil
            entry.isBe = PassiveVoiceRule.be.contains(key)
            if key.utf8.allSatisfy({ $0 < 128 }) { entry.syllables = Syllables.count(key) }
            ids[key] = Int32(facts.count)
            facts.append(entry)
        }
    }

    /// The word's place in `facts`, or -1 when the lexicon does not have it.
    @inline(__always)
    func id(of word: String) -> Int32 { ids[word] ?? -1 }

    /// The facts for an id from `id(of:)`.
    @inline(__always)
    subscript(id: Int32) -> WordFacts? { id < 0 ? nil : facts[Int(id)] }

    /// The facts for a word, if the lexicon has it.
    func facts(for word: String) -> WordFacts? { self[id(of: word)] }
}

/// The lexicon id of every word of one page, in the same order as `CheckedPage.words`: found once, read by every rule.
struct PageEntries {
    let ids: [[Int32]]

    init(_ page: CheckedPage, _ lexicon: Lexicon) {
        ids = page.words.map { words in words.map { lexicon.id(of: $0.lowercased) } }
    }
}
