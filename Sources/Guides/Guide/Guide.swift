import Markdown
import SiteModel

/// A guide read and checked: its file, where it is published, and its questions and outcomes as a graph.
public struct Guide: Sendable {
    /// The guide file, as a path in the content folder, such as `guides/can-i-get-a-short-break.yml`.
    public let path: String
    public let file: GuideFile
    /// Where each key is in the file, such as `questions.2.answers.0.next`, for findings.
    public let keyPositions: [String: SourcePosition]
    /// Each question and outcome by its id (the first, when an id is used twice), so following an answer is quick.
    private let nodesByID: [String: Node]

    public init(path: String, file: GuideFile, keyPositions: [String: SourcePosition] = [:]) {
        self.path = path
        self.file = file
        self.keyPositions = keyPositions
        var nodes: [String: Node] = [:]
        for (index, outcome) in file.outcomes.enumerated().reversed() { nodes[outcome.id] = .outcome(index) }
        for (index, question) in file.questions.enumerated().reversed() { nodes[question.id] = .question(index) }
        nodesByID = nodes
    }

    /// `guides/can-i-get-a-short-break.yml` → `can-i-get-a-short-break`; nested folders are kept.
    public var name: String { Self.name(of: path) }

    public static func name(of path: String) -> String {
        var name = path.hasPrefix(ContentLoader.guidesFolder) ? String(path.dropFirst(ContentLoader.guidesFolder.count)) : path
        for ending in [".yml", ".yaml"] where name.hasSuffix(ending) { name.removeLast(ending.count) }
        return name
    }

    /// The standard guide's address: `guides/can-i-get-a-short-break`.
    public var slug: String { Self.slug(of: path, easyRead: false) }

    /// The easy-read guide's address, under `easy-read/` as easy-read pages are.
    public var easyReadSlug: String { Self.slug(of: path, easyRead: true) }

    public static func slug(of path: String, easyRead: Bool) -> String {
        (easyRead ? "easy-read/" : "") + "guides/" + name(of: path)
    }

    /// Whether the guide is published in easy read too: it has easy-read words for its start page.
    public var hasEasyRead: Bool { file.easy != nil }

    /// Where a key is, or the top of the file.
    public func position(_ key: String) -> SourcePosition {
        keyPositions[key] ?? SourcePosition(line: 1, column: 1)
    }

    /// A question or an outcome, by its place in its list.
    public enum Node: Hashable, Sendable {
        case question(Int)
        case outcome(Int)
    }

    /// The question or outcome an id names.
    public func node(named id: String) -> Node? { nodesByID[id] }

    /// Where each answer of a question leads; nil for an answer whose `next:` names nothing.
    public func next(of question: Int) -> [Node?] {
        file.questions[question].answers.map { node(named: $0.next) }
    }

    public func id(of node: Node) -> String {
        switch node {
        case .question(let index): file.questions[index].id
        case .outcome(let index): file.outcomes[index].id
        }
    }
}
