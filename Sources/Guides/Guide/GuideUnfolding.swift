/// One answer given on the way through a guide: which question, and which of its answers.
public struct GuideChoice: Sendable, Hashable {
    public let question: Int
    public let answer: Int

    public init(question: Int, answer: Int) {
        self.question = question
        self.answer = answer
    }
}

/// One page of a guide once its graph is unfolded into a tree: a question or an outcome, with the answers that led
/// to it. Where two paths lead to the same question, each has its own page, so every page knows its answers so far.
public struct GuideStep: Sendable, Hashable {
    public let node: Guide.Node
    /// The answers given before this page, first first.
    public let answers: [GuideChoice]
    /// The page's file name in the guide's folder, such as `is-it-an-emergency--1-2.html`: the id, then the number
    /// of each answer given (from 1). Ids never have two hyphens together, so names never clash.
    public let fileName: String

    public init(node: Guide.Node, answers: [GuideChoice], id: String) {
        self.node = node
        self.answers = answers
        fileName = id + (answers.isEmpty ? "" : "--" + answers.map { "\($0.answer + 1)" }.joined(separator: "-")) + ".html"
    }

    /// The page of the question answered at `index` along this path: where its "Change" link goes.
    public func prefix(_ index: Int, in guide: Guide) -> GuideStep {
        let question = answers[index].question
        return GuideStep(node: .question(question), answers: Array(answers[..<index]), id: guide.file.questions[question].id)
    }
}

/// Unfolds a checked guide (no loops, every `next:` names something) into its pages.
public enum GuideUnfolding {
    /// How many pages one version of the guide needs: the start page, and a page for each question and outcome on
    /// each path. Counted without making them, so a guide that would need millions is refused quickly.
    public static func pageCount(of guide: Guide) -> Int {
        guard !guide.file.questions.isEmpty else { return 1 }
        var count = [Int](repeating: 1, count: guide.file.questions.count)
        for question in childrenFirst(guide) {
            for next in guide.next(of: question) {
                guard case .question(let index)? = next else {
                    if next != nil { count[question] = adding(count[question], 1) }
                    continue
                }
                count[question] = adding(count[question], count[index])
            }
        }
        return adding(count[0], 1)
    }

    /// The most questions a person can still be asked from `node`, counting it: for "Question 2 of up to 4".
    public static func questionsLeft(from node: Guide.Node, in guide: Guide) -> Int {
        guard case .question(let index) = node else { return 0 }
        return questionsLeft(in: guide)[index]
    }

    /// For each question, the most questions a person can still be asked from it, counting it.
    public static func questionsLeft(in guide: Guide) -> [Int] {
        var longest = [Int](repeating: 1, count: guide.file.questions.count)
        for question in childrenFirst(guide) {
            for case .question(let index)? in guide.next(of: question) {
                longest[question] = max(longest[question], longest[index] + 1)
            }
        }
        return longest
    }

    /// The questions reachable from the first, each after every question its answers lead to. Walked with a stack of
    /// its own rather than by recursion, so a guide with a very long chain of questions cannot exhaust the stack.
    /// The guide must have no loops (the validator refuses them).
    static func childrenFirst(_ guide: Guide) -> [Int] {
        guard !guide.file.questions.isEmpty else { return [] }
        var order: [Int] = []
        var seen = Set<Int>([0])
        var stack: [(question: Int, answer: Int)] = [(0, 0)]
        while let top = stack.last {
            let answers = guide.next(of: top.question)
            guard top.answer < answers.count else {
                order.append(top.question)
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].answer += 1
            if case .question(let index)? = answers[top.answer], seen.insert(index).inserted {
                stack.append((index, 0))
            }
        }
        return order
    }

    private static func adding(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    /// Every page after the start page, in the order a person meets them going through the answers in turn.
    public static func steps(of guide: Guide) -> [GuideStep] {
        guard !guide.file.questions.isEmpty else { return [] }
        var steps: [GuideStep] = []
        var stack = [GuideStep(node: .question(0), answers: [], id: guide.file.questions[0].id)]
        while let step = stack.popLast() {
            steps.append(step)
            guard case .question(let index) = step.node else { continue }
            for (answer, next) in guide.next(of: index).enumerated().reversed() {
                guard let next else { continue }
                let choices = step.answers + [GuideChoice(question: index, answer: answer)]
                stack.append(GuideStep(node: next, answers: choices, id: guide.id(of: next)))
            }
        }
        return steps
    }

    /// Every way through the guide: the steps that end in an outcome.
    public static func paths(of guide: Guide) -> [GuideStep] {
        steps(of: guide).filter { if case .outcome = $0.node { true } else { false } }
    }
}
