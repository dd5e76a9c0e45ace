import SiteModel

/// What the rules know beyond the page: word lists, the glossary, the site's own words and files.
public struct CheckEnvironment: Sendable {
    public var wordLists: WordLists { didSet { rebuildLexicon() } }
    /// Words that count as known or explained: the glossary and `words:` in site.yml, lowercased; multi-word terms
    /// add each of their words too.
    public var knownWords: Set<String> { didSet { rebuildLexicon() } }
    /// The same, as written, for initials such as `NHS`.
    public var knownTerms: Set<String>
    /// Groups of words that mean the same; a page should use one of each group.
    public var synonymGroups: [[String]]
    /// The same groups, each term split into its words once.
    public var synonymWords: [[[String]]]
    /// Every term of every group, by its first word, so a page's words are looked up once each instead of every
    /// group being searched for on every page.
    public var synonymStarts: [String: [SynonymTerm]] = [:] { didSet { rebuildLexicon() } }
    /// The word lists, the known words and the synonyms' first words as one table, looked up once per word of a page.
    private(set) var lexicon = Lexicon()
    /// Whether a picture a page refers to exists.
    public var pictureExists: @Sendable (_ reference: String, _ pagePath: String) -> Bool

    public static let defaultSynonyms = [["short break", "respite"]]

    public init(wordLists: WordLists = .bundled, glossary: Glossary = Glossary(), siteWords: [String] = [],
                synonyms: [[String]] = [], pictureExists: @escaping @Sendable (String, String) -> Bool = { _, _ in true }) {
        self.wordLists = wordLists
        var known = Set<String>()
        var terms = Set<String>()
        let entries = glossary.words.flatMap { [$0.word] + ($0.forms ?? []) } + siteWords
        for entry in entries {
            terms.insert(entry)
            known.insert(entry.lowercased())
            for part in entry.split(whereSeparator: { $0 == " " || $0 == "-" }) { known.insert(part.lowercased()) }
        }
        knownWords = known
        knownTerms = terms
        // The site's groups extend the defaults; a group that repeats a default replaces it.
        var groups = Self.defaultSynonyms.filter { group in !synonyms.contains { !Set($0).isDisjoint(with: group) } }
        groups += synonyms
        synonymGroups = groups.map { $0.map { $0.lowercased() } }
        synonymWords = synonymGroups.map { $0.map { $0.split(separator: " ").map(String.init) } }
        var starts: [String: [SynonymTerm]] = [:]
        for (group, terms) in synonymWords.enumerated() {
            for (term, words) in terms.enumerated() {
                guard let first = words.first else { continue }
                starts[first, default: []].append(SynonymTerm(group: group, term: term))
            }
        }
        synonymStarts = starts
        self.pictureExists = pictureExists
        rebuildLexicon()
    }

    private mutating func rebuildLexicon() {
        lexicon = Lexicon(wordLists: wordLists, knownWords: knownWords, synonymStarts: synonymStarts)
    }

    /// The environment for a loaded site.
    public init(site: Site, wordLists: WordLists = .bundled) {
        let answers = SharedCache<String, Bool>()
        self.init(wordLists: wordLists, glossary: site.glossary, siteWords: site.config.words,
                  synonyms: site.config.synonyms, pictureExists: { reference, pagePath in
                      answers.value(for: ContentPath.folder(of: pagePath) + "\u{0}" + reference) {
                          site.assetPath(for: reference, from: pagePath) != nil
                      }
                  })
    }
}

/// One term of a group of synonyms: which group, and which term in it.
public struct SynonymTerm: Sendable, Hashable {
    public let group: Int
    public let term: Int
}
