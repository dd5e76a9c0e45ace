import Markdown
import SiteModel

/// Checks the links and pictures of one Markdown document, a page or a service description: where each leads, and
/// what safe mode leaves out.
enum LinkCheck {
    /// Every problem, and how many links and pictures there were.
    static func problems(in document: MarkdownDocument, file: String,
                         resolver: LinkResolver) -> (problems: [Diagnostic], links: Int) {
        var problems: [Diagnostic] = []
        var links = 0
        document.root.walk { node in
            if let unsafe = MarkdownSafety.problem(with: node, in: file) {
                problems.append(unsafe)
                return
            }
            guard node.kind == .link || node.kind == .image, let url = node.url else { return }
            links += 1
            if case .failure(let problem) = resolver.resolve(url, from: file) {
                let what = node.kind == .image ? "The picture " : "The link "
                problems.append(Diagnostic(file: file, at: node.start, message: what + problem.message))
            }
        }
        return (problems, links)
    }
}
