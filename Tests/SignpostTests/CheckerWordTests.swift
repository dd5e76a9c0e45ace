import Foundation
import Testing
@testable import EasyReadChecker
import Markdown
import SiteModel

/// The words and sentences every rule reads are found once per page. These cases pin down what that one pass finds
/// on awkward text, and that the site-wide word table answers exactly as the word lists do.
@Suite("Words and sentences found once per page")
struct CheckerWordTests {
    func page(_ markdown: String, format: PageFormat = .easyRead) -> CheckedPage {
        CheckedPage(path: "a.md", format: format, root: MarkdownDocument(markdown).root)
    }

    @Test func apostrophesHyphensAndNumbersStayInOneWord() {
        let block = page("Don’t miss the carers' self-advocacy group: it's £1,880,448 or 14.33 and twenty-one.").blocks[0]
        #expect(block.words.map(\.text) == ["Don’t", "miss", "the", "carers", "self-advocacy", "group", "it's",
                                             "£1,880,448", "or", "14.33", "and", "twenty-one"])
        #expect(block.words.map(\.lowercased)[0] == "don’t")
        #expect(block.words.filter(\.isNumber).map(\.text) == ["£1,880,448", "14.33"])
        #expect(block.words[0].isCapitalised && !block.words[1].isCapitalised)
    }

    @Test func webAndEmailAddressesAreOneWordWithoutTheirFullStop() {
        let block = page("Email Info@Example.org, or visit https://example.org/a/b?x=1. Or WWW.Example.ORG/path.").blocks[0]
        #expect(block.words.filter(\.isAddress).map(\.text) == ["Info@Example.org", "https://example.org/a/b?x=1",
                                                                "WWW.Example.ORG/path"])
        #expect(block.words.first { $0.isAddress }?.lowercased == "info@example.org")
        // The place of each word is where it starts in the block's text.
        for word in block.words {
            #expect(String(scalars: block.characters[word.offset..<word.offset + word.text.unicodeScalars.count]) == word.text)
        }
    }

    @Test func otherScriptsAreReadAsWordsAndLowercasedAsTheyShouldBe() {
        let block = page("Привет МИР. Café ÉCOLE Straße ΣΊΣΥΦΟΣ 日本語 ǅemal.").blocks[0]
        #expect(block.words.map(\.text) == ["Привет", "МИР", "Café", "ÉCOLE", "Straße", "ΣΊΣΥΦΟΣ", "日本語", "ǅemal"])
        #expect(block.words.map(\.lowercased) == ["привет", "мир", "café", "école", "straße", "σίσυφοσ", "日本語", "ǆemal"])
        #expect(block.words[1].looksLikeInitials)
        #expect(block.words[5].capitals == 7 && block.words[5].letters == 7)
    }

    @Test func sentencesShareTheBlocksWords() {
        let checked = page("Dr Smith is here. It was paid e.g. by Mrs Jones! Next one? Yes… the end")
        let block = checked.blocks[0], words = checked.words[0], sentences = checked.sentences[0]
        #expect(sentences.map { $0.words.map(\.text).joined(separator: " ") }
                == ["Dr Smith is here", "It was paid e.g by Mrs Jones", "Next one", "Yes", "the end"])
        // Each sentence's words are the block's words from its first word on, so facts found per block word apply.
        for sentence in sentences {
            #expect(Array(words[sentence.firstWord..<sentence.firstWord + sentence.words.count]).map(\.offset)
                    == sentence.words.map(\.offset))
        }
        #expect(block.words.count == words.count)
    }

    @Test func longTextWithoutASpaceIsReadInOnePass() {
        // 120 KB with no space: a slash-separated run, an email-like run and a run of joined words.
        let text = String(repeating: "abc/def.", count: 5_000) + " " + String(repeating: "a@b", count: 13_000) + " "
            + String(repeating: "x-y'z", count: 8_000)
        let checked = page(text)
        let words = checked.words[0]
        #expect(words.count == 10_001 + 1)
        #expect(words.last?.text.count == 5 * 8_000)
        let findings = EasyReadChecker().check(markdown: text, format: .easyRead)
        #expect(findings.contains { $0.rule == "picture-cue" })
    }

    @Test func theWordTableAnswersAsTheWordListsDo() {
        let environment = CheckEnvironment(glossary: Glossary(), siteWords: ["Shared Lives", "Leicester", "assessment"],
                                           synonyms: [["carer", "helper"], ["short break", "respite"]])
        let lists = environment.wordLists
        let lexicon = environment.lexicon
        var words = Array(lists.common) + Array(lists.hardForms.keys) + NumberWordsRule.allWords
            + Array(PassiveVoiceRule.be) + Array(environment.knownWords)
        words += ["carers", "helpers", "helperes", "respites", "breaks", "short", "via", "per", "unknownish", "running",
                  "twenty-one", "ninety-nine", "one", "hundred-one", "thousands", "café"]
        for word in words {
            let facts = lexicon.facts(for: word)
            #expect((facts?.isKnown ?? false) == environment.knownWords.contains(word), "\(word)")
            let hard = facts.flatMap { $0.hard >= 0 ? lexicon.hardWords[Int($0.hard)] : nil }
            #expect(hard?.word == lists.hardForms[word]?.word && hard?.easier == lists.hardForms[word]?.easier, "\(word)")
            if let hard { #expect(facts?.hardWordIsKnown == environment.knownWords.contains(hard.word), "\(word)") }
            #expect((facts?.isCommon ?? lists.isCommon(word)) == lists.isCommon(word), "\(word)")
            #expect(facts?.number == NumberWordsRule.value(of: word), "\(word)")
            let synonyms = facts.map { Array(lexicon.synonymTerms[Int($0.synonyms.lowerBound)..<Int($0.synonyms.upperBound)]) } ?? []
            #expect(synonyms == ConsistentTermsRule.candidates(for: word, in: environment.synonymStarts), "\(word)")
            #expect((facts?.startsPhrase ?? false) == (lists.phrasesByFirstWord[word] != nil), "\(word)")
            #expect((facts?.isBe ?? false) == PassiveVoiceRule.be.contains(word), "\(word)")
        }
    }

    @Test func theWordTableFollowsChangesToTheEnvironment() {
        var environment = CheckEnvironment()
        let checker = { EasyReadChecker(environment: environment) }
        let text = "Your assessment is next week. It is a short talk with a nurse and your family."
        #expect(checker().check(markdown: text, format: .standard).contains { $0.rule == "hard-word" })
        environment.knownWords.insert("assessment")
        #expect(!checker().check(markdown: text, format: .standard).contains { $0.rule == "hard-word" })
    }

    @Test func syllablesAreCountedTheSameForEveryWord() {
        #expect(["table", "cakes", "waited", "faded", "houses", "places", "be", "rhythm", "café", "naïve"].map(Syllables.count)
                == [2, 1, 2, 2, 2, 2, 1, 1, 1, 1])
    }

    @Test func aPictureDescribedByItsFileNameIsReported() {
        let checker = EasyReadChecker()
        for markdown in ["![nurse](pictures/nurse/)", "![my house](<pictures/my house>)", "![house_picture](a.svg)"] {
            let findings = checker.check(markdown: markdown + " A nurse helps you.", format: .easyRead)
            #expect(findings.contains { $0.rule == "picture-alt" && $0.message.contains("is a file name") }, "\(markdown)")
        }
        let fine = checker.check(markdown: "![A nurse](pictures/nurse.svg) A nurse helps you.", format: .easyRead)
        #expect(!fine.contains { $0.rule == "picture-alt" })
    }
}
