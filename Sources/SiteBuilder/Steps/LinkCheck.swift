import Markdown
import SiteModel

/// Checks the links and pictures of one Markdown document, a page or a service description: where each leads, and
/// what safe mode leaves out.
enum LinkCheck {
    /// Every problem, and how many links and pictures there were.
    ///
    /// What a link target means is worked out once per folder for the whole build (`LinkResolver.verdict`): the
    /// same targets appear on many pages.
    static func problems(in document: MarkdownDocument, file: String,
                         resolver: LinkResolver) -> (problems: [Diagnostic], links: Int) {
        var problems: [Diagnostic] = []
        var links = 0
        let folder = ContentPath.folder(of: file)
        document.root.walk { node in
            let kind = node.kind
            guard kind == .link || kind == .image else {
                if let unsafe = MarkdownSafety.problem(with: node, in: file) { problems.append(unsafe) }
                return
            }
            guard let url = node.url else { return }
            let verdict = resolver.verdict(on: url, inFolder: folder)
            if verdict.runsCode, let unsafe = MarkdownSafety.problem(with: node, in: file) {
                problems.append(unsafe)
                return
            }
            links += 1
            if case .failure(let problem) = verdict.target {
                let what = kind == .image ? "The picture " : "The link "
                problems.append(Diagnostic(file: file, at: node.start, message: what + problem.message))
            }
        }
        return (problems, links)
    }
}
