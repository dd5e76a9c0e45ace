import Foundation
import Guides
import SiteBuilder
import SiteModel
import Testing

/// Runs a build in memory with the guides step, as `signpost build` does. Nothing is written.
func buildWithGuides(_ files: [String: String]) throws -> BuildContext {
    var all = files
    if all["site.yml"] == nil { all["site.yml"] = minimalConfig }
    if all["index.md"] == nil { all["index.md"] = pageFile("title: Home\nsummary: The home page.") }
    let options = BuildOptions(content: URL(fileURLWithPath: "/memory/Content"), theme: defaultTheme,
                               output: URL(fileURLWithPath: "/memory/Output"), dryRun: true)
    let steps: [any BuildStep] = [LoadStep(), ValidateStep(), DirectoryStep(), CheckStep(), GuidesStep(), RenderStep()]
    return try BuildPipeline(steps: steps).run(BuildContext(options: options, source: MemoryContentSource(all)))
}

/// A diamond: both answers to `first` lead, through different questions, to `last`.
let diamondGuide = """
title: Diamond
summary: Two ways to one question.
start: Answer the questions.
questions:
  - id: first
    question: Which way?
    answers:
      - { label: Left, next: left }
      - { label: Right, next: right }
  - id: left
    question: Left question?
    answers:
      - { label: Left yes, next: last }
      - { label: Left no, next: done }
  - id: right
    question: Right question?
    answers:
      - { label: Right yes, next: last }
      - { label: Right no, next: done }
  - id: last
    question: Last question?
    answers:
      - { label: Last yes, next: done }
      - { label: Last no, next: done }
outcomes:
  - { id: done, title: All done, body: "You have finished." }
"""

@Suite struct GuideDecodingTests {
    private func problems(_ yaml: String) -> [String] {
        GuideLoader.load(yaml, path: "guides/g.yml", site: nil).diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
    }

    @Test func anUnknownKeyIsPlacedAndGetsASuggestion() {
        let found = problems(diamondGuide.replacingOccurrences(of: "  - id: left\n    question:", with: "  - id: left\n    questoin:"))
        #expect(found.contains { $0.hasPrefix("11:5: Unknown key `questoin`") && $0.contains("Did you mean `question`?") })
    }

    @Test func aDuplicateIdNamesTheFirst() {
        let found = problems(diamondGuide.replacingOccurrences(of: "  - id: right\n", with: "  - id: left\n"))
        #expect(found.contains("15:5: The id `left` is used already, at line 10. Every question and outcome needs an id of its own."))
    }

    @Test func anAnswerThatLeadsNowhereIsPlacedAtItsNext() {
        let found = problems(diamondGuide.replacingOccurrences(of: "{ label: Left yes, next: last }", with: "{ label: Left yes, next: lats }"))
        #expect(found.contains { $0.hasPrefix("13:28: `next: lats` names no question or outcome") && $0.contains("Did you mean `last`?") }, "\(found)")
    }

    @Test func aLoopIsRefused() {
        let found = problems(diamondGuide.replacingOccurrences(of: "{ label: Last no, next: done }", with: "{ label: Last no, next: first }"))
        #expect(found.contains { $0.hasPrefix("24:27: This answer leads back to `first`") && $0.contains("first → left → last → first") }, "\(found)")
    }

    @Test func aQuestionNoPathReachesIsReported() {
        let found = problems(diamondGuide.replacingOccurrences(of: "{ label: Right, next: right }", with: "{ label: Right, next: last }"))
        #expect(found.contains("15:5: No answer leads to the question `right`, so nobody would see it. Point an answer's `next:` at it, or remove it."))
    }

    @Test func aQuestionWithOneAnswerAndAGuideWithNoOutcomeAreRefused() {
        let one = problems(diamondGuide.replacingOccurrences(of: "      - { label: Last no, next: done }\n", with: ""))
        #expect(one.contains("22:5: The question `last` has only one answer. A question needs two or more answers."))
        let none = problems(diamondGuide.replacingOccurrences(of: "  - { id: done, title: All done, body: \"You have finished.\" }", with: "  []")
            .replacingOccurrences(of: "outcomes:\n  []", with: "outcomes: []"))
        #expect(none.contains { $0.contains("The guide has no outcomes") })
    }

    @Test func aMissingRequiredKeyIsReported() {
        let found = problems(diamondGuide.replacingOccurrences(of: "start: Answer the questions.\n", with: ""))
        #expect(found.contains { $0.contains("`start` is missing") })
    }
}

@Suite struct GuideUnfoldingTests {
    @Test func aDiamondGivesOnePagePerPathEachWithItsAnswers() throws {
        let context = try buildWithGuides(["guides/diamond.yml": diamondGuide])
        #expect(context.errors.isEmpty, "\(context.errors)")
        let folder = "guides/diamond/"
        let lastViaLeft = try #require(context.html(folder + "last--1-1.html"))
        let lastViaRight = try #require(context.html(folder + "last--2-1.html"))
        #expect(lastViaLeft.contains("<dd>Left</dd>") && lastViaLeft.contains("<dd>Left yes</dd>"))
        #expect(!lastViaLeft.contains("Right yes"))
        #expect(lastViaRight.contains("<dd>Right</dd>") && lastViaRight.contains("<dd>Right yes</dd>"))
        #expect(lastViaLeft.contains("<title>Question 3 of 3: Last question? – Left – Diamond – Test Site</title>"))
        // "Change" goes back to the page of that question on this path.
        #expect(lastViaRight.contains("href=\"right--2.html#heading\">Change"))
        // Each way through has its own outcome page: 2 via each side's "no", 4 via `last`.
        let outcomes = context.files.keys.filter { $0.hasPrefix(folder + "done--") }
        #expect(outcomes.count == 6)
        let question = try #require(context.html(folder + "left--1.html"))
        #expect(question.contains("<title>Question 2 of up to 3: Left question? – Diamond – Test Site</title>"))
        #expect(question.contains("href=\"last--1-1.html#heading\""))
        #expect(question.contains("<p class=\"back-link\"><a href=\"first.html#heading\">Back</a></p>"))
        #expect(context.files[folder + "index.html"] != nil)
        #expect(context.files["guides/diamond.yml"] == nil)
    }

    @Test func aGuideThatNeedsMoreThan2000PagesIsRefused() throws {
        var yaml = "title: Big\nsummary: Too big.\nstart: Start.\nquestions:\n"
        for index in 0..<12 {
            let next = index == 11 ? "end" : "q\(index + 1)"
            yaml += "  - id: q\(index)\n    question: Question \(index)?\n    answers:\n      - { label: A, next: \(next) }\n      - { label: B, next: \(next) }\n"
        }
        yaml += "outcomes:\n  - { id: end, title: End, body: The end. }\n"
        let (_, diagnostics) = GuideLoader.load(yaml, path: "guides/big.yml", site: nil)
        #expect(diagnostics.map(\.message).contains { $0.hasPrefix("This guide would need 8192 pages") && $0.contains("at most 2000") }, "\(diagnostics)")
        #expect(diagnostics.first?.line == 4)
    }

    @Test func aVeryLongChainOfQuestionsIsRefusedWithoutRunningOutOfStack() {
        var yaml = "title: Long\nsummary: Long.\nstart: Start.\nquestions:\n"
        for index in 0..<8_000 {
            let next = index == 7_999 ? "end" : "q\(index + 1)"
            yaml += "  - { id: q\(index), question: Q?, answers: [{ label: A, next: \(next) }, { label: B, next: \(next) }] }\n"
        }
        yaml += "outcomes: [{ id: end, title: End, body: The end. }]\n"
        let (_, diagnostics) = GuideLoader.load(yaml, path: "guides/long.yml", site: nil)
        #expect(diagnostics.map(\.message).contains { $0.hasPrefix("This guide would need more than a million pages") })
    }

    @Test func theSampleGuideHasNinePathsAndAnEasyReadTwin() throws {
        let text = try String(contentsOf: sampleContent.appendingPathComponent("guides/can-i-get-a-short-break.yml"), encoding: .utf8)
        let (guide, diagnostics) = GuideLoader.load(text, path: "guides/can-i-get-a-short-break.yml", site: nil)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let loaded = try #require(guide)
        #expect(GuideUnfolding.paths(of: loaded).count == 9)
        #expect(loaded.hasEasyRead)
    }
}

@Suite struct GuideContentTests {
    @Test func guideFilesAreNeitherUnpublishedNorCopied() throws {
        let context = try buildWithGuides(["guides/diamond.yml": diamondGuide])
        #expect(context.site?.unpublished.isEmpty == true)
        #expect(context.site?.guideFiles == ["guides/diamond.yml"])
        #expect(!context.diagnostics.contains { $0.file == "guides/diamond.yml" })
    }

    @Test func easyReadWordsAreCheckedAtTheirLineInTheGuideFile() throws {
        let yaml = diamondGuide.replacingOccurrences(of: "start: Answer the questions.\n", with: """
            start: Answer the questions.
            easy:
              title: Diamond
              summary: Two ways.
              start: |
                We will utilise your answers.

            """)
        let (guide, _) = GuideLoader.load(yaml, path: "guides/g.yml", site: nil)
        let loaded = try #require(guide)
        let findings = GuideEasyRead.findings(for: loaded, text: yaml, checker: .init())
        let hard = try #require(findings.first { $0.rule == "hard-word" && $0.message.contains("utilise") })
        #expect(hard.file == "guides/g.yml")
        #expect(hard.line == 8 && hard.column == 13)
    }

    @Test func aGuideWithEasyReadWordsNeedsThemEverywhere() {
        let yaml = diamondGuide.replacingOccurrences(of: "start: Answer the questions.\n",
                                                     with: "start: Answer the questions.\neasy: { title: D, summary: S., start: Go. }\n")
        let messages = GuideLoader.load(yaml, path: "guides/g.yml", site: nil).diagnostics.map(\.message)
        #expect(messages.contains { $0.hasPrefix("The question `first` has no easy-read words.") })
        #expect(messages.contains { $0.hasPrefix("The outcome `done` has no easy-read words.") })
    }

    @Test func aLinkToAGuideFileLeadsToItsStartPage() throws {
        let context = try buildWithGuides([
            "guides/diamond.yml": diamondGuide,
            "pages/about.md": pageFile("title: About\nsummary: About us.", "Try [the guide](../guides/diamond.yml)."),
        ])
        #expect(context.errors.isEmpty, "\(context.errors)")
        #expect(context.html("about/index.html")?.contains("href=\"../guides/diamond/\"") == true)
    }
}
