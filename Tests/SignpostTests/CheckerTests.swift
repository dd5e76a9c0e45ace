import Foundation
import Testing
import EasyReadChecker
import Markdown
import SiteBuilder
import SiteModel

@Suite("Counting sentences and words")
struct CountingTests {
    func blocks(_ markdown: String) -> [TextBlock] {
        CheckedPage(path: "a.md", format: .easyRead, root: MarkdownDocument(markdown).root).blocks
    }

    @Test func moneyDecimalsAndAbbreviationsDoNotEndSentences() {
        let block = blocks("Dr Patel and Mrs Khan pay £14.33 or 1.5 times more, e.g. for a bus. Then they go home.")[0]
        #expect(block.sentences.count == 2)
        #expect(block.sentences[0].words.map(\.text) == ["Dr", "Patel", "and", "Mrs", "Khan", "pay", "£14.33", "or",
                                                         "1.5", "times", "more", "e.g", "for", "a", "bus"])
    }

    @Test func bigNumbersAreOneWord() {
        let block = blocks("The budget was £1,880,448 last year.")[0]
        #expect(block.words.count == 6)
        #expect(block.words[3].text == "£1,880,448")
    }

    @Test func eachListItemIsASentenceWithoutAFullStop() {
        let found = blocks("- one two three\n- four five\n- six")
        #expect(found.count == 3)
        #expect(found.allSatisfy { $0.kind == .listItem && $0.sentences.count == 1 })
        #expect(found.map { $0.sentences[0].words.count } == [3, 2, 1])
    }

    @Test func headingsAreNotSentences() {
        let page = CheckedPage(path: "a.md", format: .easyRead, root: MarkdownDocument("## A heading here\n\nWords.").root)
        #expect(page.sentences[0].isEmpty)
        #expect(page.sentences[1].count == 1)
    }

    @Test func linksCountTheirWordsNeverTheirAddress() {
        let block = blocks("Read [our page](https://example.org/a/b/c/d/e/f/g/h/i/j/k) now.")[0]
        #expect(block.words.map(\.text) == ["Read", "our", "page", "now"])
    }

    @Test func emphasisAndCodeSpans() {
        let block = blocks("This is **very** *important* and `code here` is skipped.")[0]
        #expect(block.words.map(\.text) == ["This", "is", "very", "important", "and", "is", "skipped"])
    }

    @Test func aTableOfLinksIsReadRowByRow() {
        let found = blocks("| Service | Link |\n|---|---|\n| Sitting | [Book a sitter for an evening](https://example.org/a) |\n")
        #expect(found.map { $0.text.trimmingCharacters(in: .whitespaces) } == ["Service", "Link", "Sitting", "Book a sitter for an evening"])
    }

    @Test func positionsPointAtTheWord() {
        let page = CheckedPage(path: "a.md", format: .easyRead, root: MarkdownDocument("First line\nand *second* line here", lineOffset: 4).root)
        let block = page.blocks[0]
        let word = block.words.first { $0.text == "here" }!
        #expect(block.position(at: word.offset) == SourcePosition(line: 6, column: 19))
    }

    @Test func readabilityGradeFollowsTheFormula() {
        // 0.39 × 10 words per sentence + 11.8 × 1.5 syllables per word − 15.59
        let grade = ReadabilityGrade.compute(words: 100, sentences: 10, syllables: 150)
        #expect(abs(grade - 6.01) < 0.001)
    }
}

@Suite("Checker settings and the build")
struct CheckerSettingsTests {
    @Test func unknownRuleIdsInSiteYmlAreErrorsWithASuggestion() throws {
        let yaml = "title: A\nchecks:\n  easy-read:\n    sentense-length: { warning: 12 }\n  standerd:\n    hard-word: off\n"
        let loaded = try ContentLoader().load(from: MemoryContentSource(["site.yml": yaml]))
        let site = try #require(loaded.site)
        let problems = EasyReadChecker.forSite(site).diagnostics
        #expect(problems.count == 2)
        #expect(problems.contains { $0.line == 4 && $0.column == 5 && $0.message.contains("Did you mean `sentence-length`?") })
        #expect(problems.contains { $0.line == 5 && $0.column == 3 && $0.message.contains("Did you mean `standard`?") })
    }

    @Test func thresholdsAndLevelsComeFromSiteYml() throws {
        let yaml = "title: A\nchecks:\n  easy-read:\n    sentence-length: { warning: 5, error: 8 }\n    picture-cue: off\n  standard:\n    italics: warning\n"
        let site = try #require(try ContentLoader().load(from: MemoryContentSource(["site.yml": yaml])).site)
        let checker = EasyReadChecker.forSite(site).checker
        let easy = checker.check(markdown: "Six words are in this sentence.\n\nNine words are in this sentence, which is long.", format: .easyRead)
        #expect(easy.filter { $0.rule == "sentence-length" }.map(\.level) == [.warning, .error])
        #expect(!easy.contains { $0.rule == "picture-cue" })
        let standard = checker.check(markdown: "This is *slanted*.", format: .standard)
        #expect(standard.map(\.rule) == ["italics"])
        #expect(standard.first?.level == .warning)
    }

    @Test func anEasyReadErrorStopsTheBuild() throws {
        let result = try buildInMemory([
            "easy-read/a.md": pageFile("title: A\nsummary: A page.\nformat: easy-read", "This point has no picture."),
        ], checker: CheckStep())
        #expect(result.errors.map(\.rule) == ["picture-cue"])
        #expect(result.errors.first?.line == 6)
        #expect(result.files.isEmpty)
    }

    @Test func theSampleSiteHasNoErrorsOrWarnings() throws {
        let options = BuildOptions(content: sampleContent, theme: defaultTheme, output: URL(fileURLWithPath: "/unused"), dryRun: true)
        let result = try BuildPipeline(steps: [LoadStep(), ValidateStep(), CheckStep()]).run(BuildContext(options: options))
        let loud = result.diagnostics.filter { $0.level != .suggestion }
        #expect(loud.isEmpty, "\(loud.map(\.formatted))")
    }

    @Test func jsonReportHasTheAgreedShape() throws {
        let finding = Diagnostic(file: "pages/a.md", line: 14, column: 3, level: .warning, message: "Long.",
                                 rule: "sentence-length", suggestion: "Split it.")
        let text = JSONReport().render([finding], files: 12)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.first?["file"] as? String == "pages/a.md")
        #expect(findings.first?["line"] as? Int == 14)
        #expect(findings.first?["column"] as? Int == 3)
        #expect(findings.first?["rule"] as? String == "sentence-length")
        #expect(findings.first?["level"] as? String == "warning")
        #expect(findings.first?["suggestion"] as? String == "Split it.")
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["files": 12, "errors": 0, "warnings": 1, "suggestions": 0])
    }
}
