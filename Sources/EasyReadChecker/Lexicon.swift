/// Everything the word rules want to know about one lowercased word, worked out once per site instead of once per
/// word of every page. Plain values only, so that reading it copies nothing that needs counting.
struct WordFacts: Sendable {
    /// In the glossary or the site's `words:`.
    var isKnown = false
    /// Where the hard word this is a form of is in `Lexicon.hardWords`, or -1.
    var hard: Int32 = -1
    /// Whether that hard word is itself known.
    var hardWordIsKnown = false
    /// `WordLists.isCommon` when the word is itself common; nil when that takes working out (the rare case).
    var isCommon: Bool?
    /// `NumberWordsRule.value(of:)`: 3 for `three`, 21 for `twenty-one`.
    var number: Int?
    /// Where the synonym terms that may start at this word are in `Lexicon.synonymTerms`, in the order
    /// `ConsistentTermsRule` tries them.
    var synonyms: Range<Int32> = 0..<0
    /// Some hard phrase starts with this word.
    var startsPhrase = false
    /// A form of "be", which may start a passive.
    var isBe = false
}

/// Every word the rules know something about — word lists, the site's words, number words, synonyms, phrases —
/// with its facts, so that a page's words are each looked up once, by one hash, and the rules read the answers.
/// A word that is not here is not known, not hard, not a number word and starts no synonym or phrase.
struct Lexicon: Sendable {
    private(set) var facts: [WordFacts] = []
    /// Hard words with easier words, for `WordFacts.hard`.
    private(set) var hardWords: [(word: String, easier: String)] = []
    /// Synonym terms, for `WordFacts.synonyms`.
    private(set) var synonymTerms: [SynonymTerm] = []
    private var ids: [String: Int32] = [:]

    init() {}

    init(wordLists: WordLists, knownWords: Set<String>, synonymStarts: [String: [SynonymTerm]]) {
        // Each source adds its words and what it knows about them; a word several sources know gets one entry.
        func update(_ word: String, _ change: (inout WordFacts) -> Void) {
            if let id = ids[word] {
                change(&facts[Int(id)])
            } else {
                var entry = WordFacts()
                change(&entry)
                ids[word] = Int32(facts.count)
                facts.append(entry)
            }
        }
        ids.reserveCapacity(wordLists.common.count + wordLists.hardForms.count + knownWords.count + 200)
        for word in wordLists.common { update(word) { $0.isCommon = true } }
        for word in knownWords { update(word) { $0.isKnown = true } }
        var hardIndex: [String: Int32] = [:]
        for (form, hard) in wordLists.hardForms {
            let index = hardIndex[hard.word] ?? {
                hardWords.append(hard)
                hardIndex[hard.word] = Int32(hardWords.count - 1)
                return Int32(hardWords.count - 1)
            }()
            let known = knownWords.contains(hard.word)
            update(form) {
                $0.hard = index
                $0.hardWordIsKnown = known
            }
        }
        for word in wordLists.phrasesByFirstWord.keys { update(word) { $0.startsPhrase = true } }
        for word in PassiveVoiceRule.be { update(word) { $0.isBe = true } }
        for word in NumberWordsRule.allWords {
            let value = NumberWordsRule.value(of: word)
            update(word) { $0.number = value }
        }
        // A page's word starts a term when it is the term's first word, or that word with `s` or `es`.
        for first in synonymStarts.keys {
            for word in [first, first + "s", first + "es"] where ids[word].map({ !facts[Int($0)].synonyms.isEmpty }) != true {
                let candidates = ConsistentTermsRule.candidates(for: word, in: synonymStarts)
                let start = Int32(synonymTerms.count)
                synonymTerms += candidates
                let range = start..<Int32(synonymTerms.count)
                update(word) { $0.synonyms = range }
            }
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
