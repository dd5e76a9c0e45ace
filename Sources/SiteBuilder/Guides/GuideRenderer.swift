import Foundation
import Guides
import Markdown
import SiteModel

/// Writes a guide's pages: a start page, one page per question and one per outcome on every path, in standard
/// words and, when the guide has them, in easy read (`easy-read/guides/<name>/`), each linked to its twin.
///
/// Answers are plain links to the next page, so a guide needs no JavaScript and works opened from disk: pages are
/// files such as `is-it-an-emergency--1-2.html` in the guide's folder, so no link depends on a server finding a
/// folder's `index.html`.
struct GuideRenderer {
    /// The templates a theme needs for guides.
    static let templates = ["guide-start", "guide-question", "guide-outcome"]
    /// The heading every guide page's links lead to, so a keyboard or screen reader starts at the question.
    static let heading = "#heading"

    let site: Site
    let theme: Theme
    let resolver: LinkResolver
    let pagesByPath: PagesByPath
    let directory: DirectoryRenderer?

    /// Every page of `guide`, by path in the output folder.
    func files(for guide: Guide) -> [String: Data] {
        var files: [String: Data] = [:]
        let steps = GuideUnfolding.steps(of: guide)
        let telling = Self.tellingAnswers(steps)
        for easyRead in guide.hasEasyRead ? [false, true] : [false] {
            let version = GuideVersion(guide: guide, easyRead: easyRead)
            let slug = Guide.slug(of: guide.path, easyRead: easyRead)
            let urls = SiteURLs(fromSlug: slug)
            files[slug + "/index.html"] = Data(theme.render("guide-start", startValues(version, urls: urls)).utf8)
            for step in steps {
                let values: [String: Any]
                let template: String
                switch step.node {
                case .question(let index):
                    template = "guide-question"
                    values = questionValues(version, step: step, question: index, urls: urls, telling: telling[step.fileName])
                case .outcome(let index):
                    template = "guide-outcome"
                    values = outcomeValues(version, step: step, outcome: index, urls: urls, telling: telling[step.fileName])
                }
                files[slug + "/" + step.fileName] = Data(theme.render(template, values).utf8)
            }
        }
        return files
    }

    /// For a question or outcome that more than one path reaches, the answer that tells its pages apart (the first
    /// one given on no other path to it), by file name: page titles say it, so no two pages share a title.
    static func tellingAnswers(_ steps: [GuideStep]) -> [String: GuideChoice] {
        var telling: [String: GuideChoice] = [:]
        for group in Dictionary(grouping: steps, by: \.node).values where group.count > 1 {
            for step in group {
                let others = group.filter { $0 != step }
                if let k = step.answers.indices.first(where: { k in
                    !others.contains { Array($0.answers.prefix(k + 1)) == Array(step.answers.prefix(k + 1)) }
                }) {
                    telling[step.fileName] = step.answers[k]
                }
            }
        }
        return telling
    }

    /// "Ask for a review – Me, because I look after an adult": the title, and the telling answer when there is one.
    private func titled(_ title: String, _ version: GuideVersion, _ telling: GuideChoice?) -> String {
        let base = telling.map { "\(title) – \(version.answer($0.question, $0.answer))" } ?? title
        return base + " – " + version.title + (version.easyRead ? " (easy read)" : "")
    }

    /// What every page of a guide shows: the site's parts, the guide's title and start, and the link to the twin.
    private func common(_ version: GuideVersion, urls: SiteURLs, documentTitle: String, heading: String,
                        fileName: String) -> [String: Any] {
        let context = PageContext(site: site, urls: urls, pagesByPath: pagesByPath)
        var values = context.common(title: documentTitle, description: version.summary, current: nil)
        var page: [String: Any] = ["title": heading, "isEasyRead": version.easyRead]
        if version.guide.hasEasyRead {
            let twin = Guide.slug(of: version.guide.path, easyRead: !version.easyRead)
            page["twin"] = ["href": urls.page(twin) + fileName, "label": version.easyRead ? "Standard version" : "Easy read version",
                            "isEasyRead": !version.easyRead] as [String: Any]
        }
        values["page"] = page
        values["guide"] = ["title": version.title, "startHref": "index.html"]
        values["styles"] = [["href": urls.root + "assets/guides.css"]]
        values["scripts"] = [["src": urls.root + "assets/guides.js"]]
        return values
    }

    private func picture(_ reference: String?, urls: SiteURLs, from guide: Guide, alt: String = "") -> [String: Any]? {
        guard let reference, let path = site.assetPath(for: reference, from: guide.path) else { return nil }
        return ["src": urls.file(path), "alt": alt]
    }

    private func markdown(_ text: String, urls: SiteURLs, guide: Guide) -> String {
        MarkdownTransformer(resolver: resolver, urls: urls, pagePath: guide.path).html(ofMarkdown: text, lineOffset: 0)
    }

    private func startValues(_ version: GuideVersion, urls: SiteURLs) -> [String: Any] {
        let guide = version.guide
        var values = common(version, urls: urls, documentTitle: version.title + (version.easyRead ? " (easy read)" : ""),
                            heading: version.title, fileName: "index.html")
        var page = values["page"] as? [String: Any] ?? [:]
        page["summary"] = version.summary
        page["body"] = markdown(version.start, urls: urls, guide: guide)
        if let picture = picture(guide.file.picture, urls: urls, from: guide, alt: guide.file.pictureAlt ?? "") { page["picture"] = picture }
        values["page"] = page
        let first = GuideUnfolding.steps(of: guide).first
        values["startHref"] = (first?.fileName ?? "index.html") + Self.heading
        values["startLabel"] = version.easyRead ? "Start" : "Start now"
        values["questionCount"] = GuideUnfolding.questionsLeft(from: .question(0), in: guide)
        return values
    }

    private func questionValues(_ version: GuideVersion, step: GuideStep, question index: Int, urls: SiteURLs,
                                telling: GuideChoice?) -> [String: Any] {
        let guide = version.guide
        let question = guide.file.questions[index]
        let number = step.answers.count + 1
        let upTo = step.answers.count + GuideUnfolding.questionsLeft(from: step.node, in: guide)
        let words = version.question(index)
        let caption = upTo == number ? "Question \(number) of \(upTo)" : "Question \(number) of up to \(upTo)"
        var values = common(version, urls: urls, documentTitle: titled("\(caption): \(words.question)", version, telling),
                            heading: words.question, fileName: step.fileName)
        let next = guide.next(of: index)
        var questionValues: [String: Any] = ["caption": caption]
        if let hint = words.hint { questionValues["hint"] = hint }
        if let picture = picture(question.picture, urls: urls, from: guide) { questionValues["picture"] = picture }
        questionValues["answers"] = question.answers.enumerated().compactMap { a, answer -> [String: Any]? in
                guard let target = next[a] else { return nil }
                let nextStep = GuideStep(node: target, answers: step.answers + [GuideChoice(question: index, answer: a)],
                                         id: guide.id(of: target))
                var values: [String: Any] = ["label": version.answer(index, a), "href": nextStep.fileName + Self.heading]
                if let picture = picture(answer.picture, urls: urls, from: guide) { values["picture"] = picture }
                return values
            }
        values["question"] = questionValues
        values["backHref"] = step.answers.isEmpty ? "index.html"
            : step.prefix(step.answers.count - 1, in: guide).fileName + Self.heading
        addAnswersSoFar(&values, version, step: step)
        return values
    }

    private func outcomeValues(_ version: GuideVersion, step: GuideStep, outcome index: Int, urls: SiteURLs,
                               telling: GuideChoice?) -> [String: Any] {
        let guide = version.guide
        let outcome = guide.file.outcomes[index]
        let words = version.outcome(index)
        var values = common(version, urls: urls, documentTitle: titled(words.title, version, telling), heading: words.title,
                            fileName: step.fileName)
        var page = values["page"] as? [String: Any] ?? [:]
        page["body"] = markdown(words.body, urls: urls, guide: guide)
        if let picture = picture(outcome.picture, urls: urls, from: guide) { page["picture"] = picture }
        values["page"] = page
        values["backHref"] = step.prefix(step.answers.count - 1, in: guide).fileName + Self.heading
        values["links"] = outcome.links.compactMap { link -> [String: Any]? in
            let path = ContentPath.resolve(link.page, from: "") ?? link.page
            guard var target = pagesByPath[path] else { return nil }
            if target.isEasyRead != version.easyRead, let twin = target.twinPath.flatMap({ pagesByPath[$0] }) { target = twin }
            return ["href": urls.page(target.slug), "label": link.label ?? target.title]
        }
        values["hasLinks"] = !outcome.links.isEmpty
        if let query = outcome.services, let directory {
            let cards = directory.cards(for: query, urls: urls)
            values["serviceCards"] = cards
            values["hasServiceCards"] = !cards.isEmpty
            values["listingHref"] = urls.page(DirectoryRenderer.listingSlug)
        }
        values["restartHref"] = "index.html"
        addAnswersSoFar(&values, version, step: step)
        return values
    }

    /// "Your answers so far": each question answered on the way here, the answer, and a "Change" link back to it.
    private func addAnswersSoFar(_ values: inout [String: Any], _ version: GuideVersion, step: GuideStep) {
        let rows = step.answers.enumerated().map { position, choice -> [String: Any] in
            [
                "question": version.question(choice.question).question,
                "answer": version.answer(choice.question, choice.answer),
                "changeHref": step.prefix(position, in: version.guide).fileName + Self.heading,
            ]
        }
        values["answersSoFar"] = rows
        values["hasAnswersSoFar"] = !rows.isEmpty
    }
}

/// A guide in one of its versions: its words in standard English or in easy read.
struct GuideVersion {
    let guide: Guide
    let easyRead: Bool

    var title: String { easyRead ? guide.file.easy?.title ?? guide.file.title : guide.file.title }
    var summary: String { easyRead ? guide.file.easy?.summary ?? guide.file.summary : guide.file.summary }
    var start: String { easyRead ? guide.file.easy?.start ?? guide.file.start : guide.file.start }

    func question(_ index: Int) -> (question: String, hint: String?) {
        let question = guide.file.questions[index]
        if easyRead, let easy = question.easy { return (easy.question, easy.hint) }
        return (question.question, question.hint)
    }

    func answer(_ question: Int, _ answer: Int) -> String {
        let answer = guide.file.questions[question].answers[answer]
        return easyRead ? answer.easy ?? answer.label : answer.label
    }

    func outcome(_ index: Int) -> (title: String, body: String) {
        let outcome = guide.file.outcomes[index]
        if easyRead, let easy = outcome.easy { return (easy.title, easy.body) }
        return (outcome.title, outcome.body)
    }
}
