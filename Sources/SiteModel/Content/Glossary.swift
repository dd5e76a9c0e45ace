/// `Content/glossary.yml`: hard words and their easy meanings. A word here counts as explained.
public struct Glossary: Sendable, Codable {
    public struct Entry: Sendable, Codable, Hashable {
        public var word: String
        public var meaning: String
        /// A picture that goes with the meaning, as a path in the content folder.
        public var picture: String?
        /// Other forms of the word that count as the same, such as "assessments".
        public var forms: [String]?

        public enum CodingKeys: String, CodingKey, CaseIterable { case word, meaning, picture, forms }

        public init(word: String, meaning: String, picture: String? = nil, forms: [String]? = nil) {
            self.word = word
            self.meaning = meaning
            self.picture = picture
            self.forms = forms
        }
    }

    public var words: [Entry]

    public enum CodingKeys: String, CodingKey, CaseIterable { case words }

    public init(words: [Entry] = []) { self.words = words }

    /// Every word and form in the glossary, lowercased.
    public var knownWords: Set<String> {
        var set = Set<String>()
        for entry in words {
            set.insert(entry.word.lowercased())
            for form in entry.forms ?? [] { set.insert(form.lowercased()) }
        }
        return set
    }
}
