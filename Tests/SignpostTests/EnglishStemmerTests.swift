import Foundation
import Testing
import ServiceDirectory

/// Search finds "nurse" for "nursing" because the index holds stems: the Snowball English stemmer, checked word for
/// word against the Snowball project's own (`snowballstemmer` from PyPI) over the checker's 5,000 common words and
/// some awkward ones. Fixtures/english-stems.json is made by Scripts/make-english-stems.py, and
/// Tests/Browser/test_stemmer.py makes it again with the pinned package and checks the browser's stemmer too.
@Suite struct EnglishStemmerTests {
    static func pairs() throws -> [[String]] {
        let url = repositoryRoot.appendingPathComponent("Tests/SignpostTests/Fixtures/english-stems.json")
        return try JSONDecoder().decode([[String]].self, from: Data(contentsOf: url))
    }

    @Test func everyWordStemsAsSnowballsOwnStemmerDoes() throws {
        let pairs = try Self.pairs()
        #expect(pairs.count > 5000)
        var wrong: [String] = []
        for pair in pairs where EnglishStemmer.stem(pair[0]) != pair[1] {
            wrong.append("\(pair[0]) → \(EnglishStemmer.stem(pair[0])), not \(pair[1])")
        }
        #expect(wrong.isEmpty, "\(wrong.count) words: \(wrong.prefix(20).joined(separator: "; "))")
    }

    @Test func theTableHasTheAwkwardWords() throws {
        let stems = Dictionary(try Self.pairs().map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
        // The exceptional forms, the special starts of R1, "-eed" and "-ing" exceptions, "y" and possessives.
        let expected = [
            "generously": "generous", "dying": "die", "news": "news", "skies": "sky", "succeed": "succeed",
            "arsenal": "arsenal", "communism": "communism", "yelling": "yell", "sayings": "say", "carer's": "carer",
            "": "", "is": "is", "café": "café", "اردو": "اردو",
        ]
        for (word, stem) in expected {
            #expect(stems[word] == stem, "\(word)")
            #expect(EnglishStemmer.stem(word) == stem, "\(word)")
        }
    }

    @Test func wordsPeopleSearchForShareAStem() {
        #expect(EnglishStemmer.stem("nurse") == EnglishStemmer.stem("nursing"))
        #expect(EnglishStemmer.stem("sitters") == EnglishStemmer.stem("sitter"))
        #expect(EnglishStemmer.stem("holidays") == "holiday")
        #expect(EnglishStemmer.stem("breaks") == EnglishStemmer.stem("break"))
    }

    @Test func anyInputIsSafe() {
        // Lone apostrophes, marks, digits, emoji and long runs: never a crash, and words too short are left alone.
        let words = ["'", "''", "'''s", "y", "yy", "yyyy", "\u{301}ing", "😀😀😀", "ies", "sses", "eed", "ied", "'s'",
                     "0000000s", String(repeating: "ing", count: 200)]
        for word in words {
            _ = EnglishStemmer.stem(word)
        }
        #expect(EnglishStemmer.stem("ab") == "ab")
        #expect(EnglishStemmer.stem("a😀ing") == "a😀e", "one code point, as the reference counts")
    }
}
