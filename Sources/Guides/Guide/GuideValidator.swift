import Markdown
import SiteModel

/// The checks a guide must pass before it is published, each reported at its line and column.
struct GuideValidator {
    let guide: Guide
    /// The site, to check pictures and linked pages; nil to check the guide on its own.
    let site: Site?

    private var file: GuideFile { guide.file }
    private var path: String { guide.path }

    private func at(_ key: String, _ message: String, level: DiagnosticLevel = .error) -> Diagnostic {
        Diagnostic(file: path, at: guide.position(key), level: level, message: message)
    }

    func problems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if file.questions.isEmpty { problems.append(at("questions", "The guide has no questions. Add at least one under `questions:`.")) }
        if file.outcomes.isEmpty {
            problems.append(at("outcomes", "The guide has no outcomes, so no path through it ends. Add at least one under `outcomes:`."))
        }
        problems += idProblems()
        for (index, question) in file.questions.enumerated() where question.answers.count < 2 {
            problems.append(at("questions.\(index).answers",
                               "The question `\(question.id)` has \(question.answers.count == 0 ? "no answers" : "only one answer"). A question needs two or more answers."))
        }
        let ids = file.questions.map(\.id) + file.outcomes.map(\.id)
        for (q, question) in file.questions.enumerated() {
            for (a, answer) in question.answers.enumerated() where guide.node(named: answer.next) == nil {
                problems.append(at("questions.\(q).answers.\(a).next",
                                   "`next: \(answer.next)` names no question or outcome in this guide."
                                       + Suggestion.didYouMean(answer.next, in: ids)))
            }
        }
        if problems.isEmpty { problems += graphProblems() }
        problems += easyReadProblems()
        if let site { problems += siteProblems(site) }
        return problems
    }

    /// Ids are shared by questions and outcomes, as `next:` can name either.
    private func idProblems() -> [Diagnostic] {
        var seen: [String: String] = [:]
        var problems: [Diagnostic] = []
        let all = file.questions.enumerated().map { ("questions.\($0.offset).id", $0.element.id) }
            + file.outcomes.enumerated().map { ("outcomes.\($0.offset).id", $0.element.id) }
        for (key, id) in all {
            if let first = seen[id] {
                let place = guide.position(first)
                problems.append(at(key, "The id `\(id)` is used already, at line \(place.line). Every question and outcome needs an id of its own."))
            } else {
                seen[id] = key
            }
        }
        return problems
    }

    /// A loop (answers that lead back to a question already asked) and questions or outcomes no path reaches.
    private func graphProblems() -> [Diagnostic] {
        guard !file.questions.isEmpty else { return [] }
        var problems: [Diagnostic] = []
        // Depth-first with an explicit stack: 1 while a question is on the path, 2 once every path from it is done.
        var state = [Int](repeating: 0, count: file.questions.count)
        var reachedOutcomes = Set<Int>()
        var stack: [(question: Int, answer: Int)] = [(0, 0)]
        state[0] = 1
        while let top = stack.last {
            let answers = guide.next(of: top.question)
            guard top.answer < answers.count else {
                state[top.question] = 2
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].answer += 1
            switch answers[top.answer] {
            case .outcome(let index)?: reachedOutcomes.insert(index)
            case .question(let index)?:
                if state[index] == 1 {
                    let loop = stack.map { file.questions[$0.question].id }.drop { $0 != file.questions[index].id }
                    problems.append(at("questions.\(top.question).answers.\(top.answer).next",
                        "This answer leads back to `\(file.questions[index].id)`, which was asked already: a loop (\((loop + [file.questions[index].id]).joined(separator: " → "))). Every path must end in an outcome."))
                } else if state[index] == 0 {
                    state[index] = 1
                    stack.append((index, 0))
                }
            case nil: break
            }
        }
        for (index, question) in file.questions.enumerated() where state[index] == 0 {
            problems.append(at("questions.\(index).id",
                               "No answer leads to the question `\(question.id)`, so nobody would see it. Point an answer's `next:` at it, or remove it."))
        }
        for (index, outcome) in file.outcomes.enumerated() where !reachedOutcomes.contains(index) {
            problems.append(at("outcomes.\(index).id",
                               "No answer leads to the outcome `\(outcome.id)`, so nobody would see it. Point an answer's `next:` at it, or remove it."))
        }
        return problems
    }

    /// A guide published in easy read needs easy-read words for every question, answer and outcome.
    private func easyReadProblems() -> [Diagnostic] {
        guard file.easy != nil else { return [] }
        var problems: [Diagnostic] = []
        let fix = "The guide has `easy:` words, so it is published in easy read too. Add `easy:`"
        for (q, question) in file.questions.enumerated() {
            if question.easy == nil { problems.append(at("questions.\(q).id", "The question `\(question.id)` has no easy-read words. \(fix) with `question:` here.")) }
            for (a, answer) in question.answers.enumerated() where answer.easy == nil {
                problems.append(at("questions.\(q).answers.\(a).label", "The answer “\(answer.label)” has no easy-read words. \(fix) here."))
            }
        }
        for (o, outcome) in file.outcomes.enumerated() where outcome.easy == nil {
            problems.append(at("outcomes.\(o).id", "The outcome `\(outcome.id)` has no easy-read words. \(fix) with `title:` and `body:` here."))
        }
        return problems
    }

    /// Pictures that are not in the content folder and links to pages that do not exist.
    private func siteProblems(_ site: Site) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func picture(_ reference: String?, _ key: String) {
            guard let reference, site.assetPath(for: reference, from: path) == nil else { return }
            let pictures = site.assets.filter { PublishedFiles.ending(of: $0) == "svg" || PublishedFiles.ending(of: $0) == "png" }
            problems.append(at(key, "The picture `\(reference)` is not in the content folder." + Suggestion.didYouMean(reference, in: pictures)))
        }
        picture(file.picture, "picture")
        for (q, question) in file.questions.enumerated() {
            picture(question.picture, "questions.\(q).picture")
            for (a, answer) in question.answers.enumerated() { picture(answer.picture, "questions.\(q).answers.\(a).picture") }
        }
        let pagePaths = site.pages.map(\.path)
        for (o, outcome) in file.outcomes.enumerated() {
            picture(outcome.picture, "outcomes.\(o).picture")
            for (l, link) in outcome.links.enumerated() {
                let target = ContentPath.resolve(link.page, from: "") ?? link.page
                if site.page(at: target) == nil && !site.brokenPaths.contains(target) {
                    let why = site.draftPaths.contains(target) ? "is a draft and will not be published."
                        : "does not exist." + Suggestion.didYouMean(target, in: pagePaths)
                    problems.append(at("outcomes.\(o).links.\(l).page", "`page: \(link.page)` \(why)"))
                }
            }
        }
        return problems
    }
}
