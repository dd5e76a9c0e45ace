import ArgumentParser
import Foundation
import Guides
import SiteBuilder
import SiteModel

/// `signpost guides`: every path through every guide, from the start to an outcome, so staff and a council's policy
/// team can check a guide's logic line by line before it is published.
struct GuidesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guides",
        abstract: "Lists every path through each question guide: the answers, then the outcome.",
        discussion: "Exit code: 1 if a guide has errors (they are printed), 0 otherwise, 2 for bad usage.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "The content folder, with site.yml in it.")
    var content = "Content"

    @Option(help: "How to show the paths: text or json.")
    var format: Format = .text

    func validate() throws {
        try ContentFolder.require(content)
    }

    func run() throws {
        let console = Console()
        let source = DirectoryContentSource(root: LocalPath(content))
        let (site, loadProblems) = try ContentLoader().load(from: source)
        guard let site else {
            console.report(loadProblems)
            throw ExitCode(2)
        }
        let (guides, problems) = GuideLoader.load(site: site)
        if problems.errorCount > 0 {
            console.report(problems.sortedByPlace())
            throw ExitCode(1)
        }
        let tables = guides.map(GuidePathTable.init)
        switch format {
        case .text:
            if tables.isEmpty { console.line("There are no guides in \(content)/\(ContentLoader.guidesFolder).") }
            console.line(tables.map(\.text).joined(separator: "\n\n"))
        case .json:
            let object: [String: Any] = ["guides": tables.map(\.json)]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            console.line(String(decoding: data, as: UTF8.self))
        }
    }
}

/// One guide's paths as rows: the answers given, in order, and the outcome they lead to.
struct GuidePathTable {
    let guide: Guide
    let rows: [(answers: [(question: String, answer: String)], outcome: (id: String, title: String))]

    init(_ guide: Guide) {
        self.guide = guide
        rows = GuideUnfolding.paths(of: guide).map { step in
            let answers = step.answers.map { choice in
                let question = guide.file.questions[choice.question]
                return (question.question, question.answers[choice.answer].label)
            }
            guard case .outcome(let index) = step.node else { return (answers, ("", "")) }
            return (answers, (guide.file.outcomes[index].id, guide.file.outcomes[index].title))
        }
    }

    /// A heading, then one row per path: number, answers (question: answer → …), and the outcome.
    var text: String {
        var lines = ["\(guide.file.title) (\(guide.path)): \(rows.count) \(rows.count == 1 ? "path" : "paths")", ""]
        let numberWidth = String(rows.count).count
        for (index, row) in rows.enumerated() {
            let number = String(index + 1)
            let pad = String(repeating: " ", count: numberWidth - number.count)
            lines.append("\(pad)\(number). " + row.answers.map { "\($0.question) \($0.answer)" }.joined(separator: " → "))
            lines.append(String(repeating: " ", count: numberWidth + 2) + "⇒ \(row.outcome.id): \(row.outcome.title)")
        }
        return lines.joined(separator: "\n")
    }

    var json: [String: Any] {
        [
            "file": guide.path,
            "title": guide.file.title,
            "paths": rows.map { row -> [String: Any] in
                [
                    "answers": row.answers.map { ["question": $0.question, "answer": $0.answer] },
                    "outcome": ["id": row.outcome.id, "title": row.outcome.title],
                ]
            },
        ]
    }
}
